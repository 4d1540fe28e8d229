// Bonding driver options: one record per option name the kernel, the module loader or sysfs knows.
// Facts: drivers/net/bonding/bond_options.c (value tables, unsuppmodes, flags, setters),
// bond_main.c (module_param list, bond_check_params), include/net/bonding.h, bonding.rst,
// NetworkManager nm-setting-bond.c (which names NM accepts). Prose written for this product.
import { MODE_NAMES, MODE_TABLE, type ModeName } from './modes';
import { kernelParseTableValue, type KernelParseResult, type KernelValueTable } from './parse';

export type OptionValueKind =
  /** Named values from a kernel table; the number of each name is accepted too. */
  | 'enum'
  /** A two-entry kernel table off=0 / on=1 (numbers accepted too). */
  | 'boolean-int'
  /** Unsigned integer checked against a kernel range; a few keywords (off, maxval, ...) also work through sysfs. */
  | 'integer'
  /** Signed 32-bit integer, no kernel table (prio, netlink only). */
  | 'signed-integer'
  /** One or more IPv4 addresses (comma-separated list in BONDING_OPTS / module parameter). */
  | 'ip-list'
  /** One or more IPv6 addresses (comma-separated list). */
  | 'ipv6-list'
  /** A MAC address written xx:xx:xx:xx:xx:xx. */
  | 'mac'
  /** A network interface name (at most 15 bytes). */
  | 'interface'
  /** `<member ifname>:<queue id>`. */
  | 'queue-id'
  /** sysfs command `+ifname` / `-ifname`. */
  | 'member-command';

export type OptionUnit = 'ms' | 's' | 'count';

export interface BondOptionValue {
  name: string;
  number: number;
  description: string;
  /** The kernel table flags this entry as its default: the word "default" resolves to it. */
  isDefault?: boolean;
}

/** Extra words a numeric option's kernel table accepts through sysfs (e.g. `miimon=off`). */
export interface BondOptionKeyword {
  name: string;
  number: number;
  isDefault?: boolean;
}

export interface BondOption {
  name: string;
  kind: OptionValueKind;
  /** Own words, one sentence. */
  summary: string;
  /** Own words, markdown, a few sentences: what it does and when to set it. */
  description: string;
  /** Named values <-> numbers, in kernel table order (enum and boolean-int options). */
  values?: readonly BondOptionValue[];
  /** Keyword spellings a numeric option's kernel table also accepts (sysfs/BONDING_OPTS only). */
  keywords?: readonly BondOptionKeyword[];
  /** Inclusive range exactly as the kernel enforces it (for lists: see maxTargets). */
  min?: number;
  max?: number;
  unit?: OptionUnit;
  /** Human-readable default. */
  default: string;
  /** The kernel's numeric default, when there is a single one. */
  defaultNumber?: number;
  /** Modes where the kernel accepts the option (the reference's `modes`). */
  modes: readonly ModeName[];
  /**
   * Where it has an effect, when that is narrower than `modes`: the kernel takes the option in every
   * mode but only acts on it in some (the kernel documentation says so, and a module parameter outside
   * them draws a warning). Use effectiveModes().
   */
  effectiveIn?: readonly ModeName[];
  /** Modes where the kernel refuses to set it (sysfs/netlink write fails with EACCES, "mode dependency failed"). */
  rejectedIn: readonly ModeName[];
  /** Exists as a `bonding` module parameter (modprobe.d `options bonding ...`). */
  moduleParam: boolean;
  /** Has a file under /sys/class/net/<bond>/bonding/ (what initscripts writes BONDING_OPTS into). */
  sysfs: boolean;
  /** Settable over rtnetlink (ip link, NetworkManager, systemd-networkd). */
  netlink: boolean;
  /** The sysfs flag could not be confirmed from the sources (patch seen, merge not confirmed). */
  sysfsUncertain?: boolean;
  /** BOND_OPTFLAG_IFDOWN: can only be changed while the bond is down (EBUSY otherwise). */
  requiresBondDown?: boolean;
  /** BOND_OPTFLAG_NOSLAVES: can only be changed while the bond has no members (ENOTEMPTY otherwise). */
  requiresNoMembers?: boolean;
  /** BOND_OPTFLAG_RAWVAL: no kernel value table, the option's own setter validates the value. */
  rawValue?: boolean;
  requires?: readonly string[];
  conflicts?: readonly string[];
  /** updelay/downdelay/peer_notif_delay: sysfs write fails with EPERM while miimon is 0. */
  requiresMiimon?: boolean;
  /** Value is stored as a count of miimon periods: non-multiples are rounded down with a warning. */
  multipleOfMiimon?: boolean;
  /** List options: most addresses the kernel keeps. */
  maxTargets?: number;
  /** Addresses the kernel refuses as targets. */
  forbiddenTargets?: readonly string[];
  /** List options: separator between items in BONDING_OPTS and in the module parameter. */
  listSeparator?: ',';
  /**
   * A single item may be written `+addr` (add) or `-addr` (remove), the sysfs command form.
   * initscripts passes a `+`-prefixed BONDING_OPTS value through unchanged; NetworkManager strips
   * the prefix. Only `+` makes sense in a configuration file.
   */
  plusMinusPrefix?: boolean;
  /** Maximum length in bytes (interface-name values). */
  maxLength?: number;
  /** May legitimately appear several times in BONDING_OPTS (each occurrence adds one item). */
  repeatable?: boolean;
  /** Value names are compared case-sensitively by the kernel (true for every bonding option). */
  valueCaseSensitive: boolean;
  /** A table option that accepts the number of a named value as well as its name. */
  acceptsNumber: boolean;
  /** Value applies to one member, not to the bond as a whole (queue_id, prio). */
  perMember?: boolean;
  /** Runtime control rather than persistent configuration (active_slave, slaves). */
  runtimeOnly?: boolean;
  /** NetworkManager accepts it in BONDING_OPTS / keyfile [bond]; otherwise NM drops it as an invalid option. */
  nmSupported: boolean;
  /** NetworkManager's own default when it differs from the kernel's. */
  nmDefault?: string;
  /** Another option name that reads and writes the very same setting. */
  sharesSettingWith?: string;
  /** Why the option should not be used any more. */
  deprecated?: string;
  /** Behaviour that differs on older kernels. */
  olderKernels?: string;
  /** When it appeared (approximate where marked so). */
  since?: string;
  /**
   * Value names proposed in upstream patch series but not confirmed in a released kernel; not
   * accepted by {@link parseEnumValue}, listed so tools can soften a diagnostic.
   */
  unconfirmedValues?: readonly BondOptionValue[];
}

const ALL: readonly ModeName[] = MODE_NAMES;
const ARP_MODES: readonly ModeName[] = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast'];
const NOT_ARP_MODES: readonly ModeName[] = ['802.3ad', 'balance-tlb', 'balance-alb'];
const PRIMARY_MODES: readonly ModeName[] = ['active-backup', 'balance-tlb', 'balance-alb'];
const NOT_PRIMARY_MODES: readonly ModeName[] = ['balance-rr', 'balance-xor', 'broadcast', '802.3ad'];
const LACP: readonly ModeName[] = ['802.3ad'];
const NOT_LACP: readonly ModeName[] = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', 'balance-tlb', 'balance-alb'];
const TLB_ALB: readonly ModeName[] = ['balance-tlb', 'balance-alb'];

export const INT_MAX = 2147483647;
export const INT_MIN = -2147483648;
/** BOND_MAX_ARP_TARGETS / BOND_MAX_NS_TARGETS. */
export const MAX_ARP_TARGETS = 16;
/** BOND_DEFAULT_MIIMON: what the kernel forces in 802.3ad/tlb/alb when no monitor is set. */
export const DEFAULT_FORCED_MIIMON = 100;

/** Keywords of the kernel's bond_intmax_tbl (miimon, updelay, downdelay, arp_interval, min_links). */
const INTMAX_KEYWORDS: readonly BondOptionKeyword[] = [
  { name: 'off', number: 0, isDefault: true },
  { name: 'maxval', number: INT_MAX },
];
const OFF_ON: readonly BondOptionValue[] = [
  { name: 'off', number: 0, description: 'Disabled.' },
  { name: 'on', number: 1, description: 'Enabled.' },
];
function offOn(defaultNumber: 0 | 1, off: string, on: string): BondOptionValue[] {
  return [
    { ...OFF_ON[0], description: off, ...(defaultNumber === 0 ? { isDefault: true } : {}) },
    { ...OFF_ON[1], description: on, ...(defaultNumber === 1 ? { isDefault: true } : {}) },
  ];
}

const MODE_VALUE_TEXT: Record<ModeName, string> = {
  'balance-rr': 'Round-robin over all members; switch needs a static LAG.',
  'active-backup': 'One active member, the rest on standby; no switch configuration.',
  'balance-xor': 'Member picked by xmit_hash_policy; switch needs a static LAG.',
  broadcast: 'Every frame on every member; redundancy only.',
  '802.3ad': 'LACP aggregation; switch ports must form an LACP port-channel.',
  'balance-tlb': 'Load-aware transmit balancing, receive on one member; no switch configuration.',
  'balance-alb': 'balance-tlb plus IPv4 receive balancing via ARP; no switch configuration.',
};

export const BOND_OPTIONS: readonly BondOption[] = [
  {
    name: 'mode',
    kind: 'enum',
    summary: 'Picks the bonding algorithm, which fixes load sharing, failover behaviour and what the switch must be configured for.',
    description:
      'Give the name or its number: `mode=802.3ad` and `mode=4` are the same. The mode also decides which other options are allowed at all (ARP monitoring, `primary`, LACP settings, ...). ' +
      'The kernel only lets you change it while the bond is down and has no members, which is why initscripts writes it before anything else. ' +
      'Moving to 802.3ad, balance-tlb or balance-alb silently disables ARP monitoring and sets `miimon=100` when it was 0; every mode change also resets `arp_validate` to `none`.',
    values: MODE_TABLE.entries.map((e) => ({ name: e.name, number: e.number, description: MODE_VALUE_TEXT[e.name as ModeName], ...(e.isDefault ? { isDefault: true } : {}) })),
    min: 0,
    max: 6,
    default: 'balance-rr (0)',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    requiresNoMembers: true,
    requires: ['Bond down and without members when it is changed.'],
    conflicts: [
      'Switching to 802.3ad/balance-tlb/balance-alb turns arp_interval off and raises miimon from 0 to 100.',
      'Any mode change resets arp_validate to none.',
    ],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    nmDefault: 'balance-rr; NetworkManager rewrites a numeric mode to its name',
    since: 'original driver (approx.)',
  },
  {
    name: 'miimon',
    kind: 'integer',
    summary: 'MII link-check interval in milliseconds; 0 switches the MII monitor off.',
    description:
      'Every `miimon` ms the bond looks at each member\'s carrier and fails over when one drops; `100` is the customary value. ' +
      'A bond needs either this or ARP monitoring (`arp_interval`), otherwise a dead link is never noticed. The two monitors exclude each other: through sysfs the one written last wins, as module parameters miimon wins. ' +
      'In 802.3ad, balance-tlb and balance-alb the kernel falls back to 100 when no monitor is configured. `updelay`, `downdelay` and `peer_notif_delay` are counted in multiples of it.',
    keywords: INTMAX_KEYWORDS,
    min: 0,
    max: INT_MAX,
    unit: 'ms',
    default: '0 (off) in modes 0-3 when not set; forced to 100 in 802.3ad, balance-tlb and balance-alb',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    conflicts: [
      'arp_interval: a non-zero miimon switches ARP monitoring off and clears arp_validate; as module parameters miimon is kept and arp_interval dropped.',
    ],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    nmDefault: '100 in every mode',
    since: 'original driver (approx.)',
  },
  {
    name: 'updelay',
    kind: 'integer',
    summary: 'Milliseconds a recovered link has to stay up before the bond puts traffic on it again.',
    description:
      'Debounces a member whose carrier returns, e.g. while the switch port is still converging (spanning tree, LACP). ' +
      'It belongs to the MII monitor: a sysfs write fails with EPERM while `miimon` is 0. ' +
      'Use a multiple of `miimon`; other values are rounded down with a kernel warning. In balance-alb make it at least as long as the switch port\'s forwarding delay.',
    keywords: INTMAX_KEYWORDS,
    min: 0,
    max: INT_MAX,
    unit: 'ms',
    default: '0',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['miimon > 0 (sysfs/netlink refuse it otherwise; as a module parameter it is only warned about and has no effect).'],
    conflicts: ['Not a multiple of miimon: rounded down.'],
    requiresMiimon: true,
    multipleOfMiimon: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'original driver (approx.)',
  },
  {
    name: 'downdelay',
    kind: 'integer',
    summary: 'Milliseconds a member\'s link has to stay down before the bond stops using it.',
    description:
      'Lets the bond ride out very short carrier drops instead of failing over at once. ' +
      'Same rules as `updelay`: only meaningful with `miimon` > 0 (EPERM through sysfs otherwise) and stored in whole miimon periods, so non-multiples are rounded down.',
    keywords: INTMAX_KEYWORDS,
    min: 0,
    max: INT_MAX,
    unit: 'ms',
    default: '0',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['miimon > 0, as for updelay.'],
    conflicts: ['Not a multiple of miimon: rounded down.'],
    requiresMiimon: true,
    multipleOfMiimon: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'original driver (approx.)',
  },
  {
    name: 'peer_notif_delay',
    kind: 'integer',
    summary: 'Milliseconds between the repeated gratuitous ARP / unsolicited NA bursts that follow a failover.',
    description:
      'When `num_grat_arp` asks for several notifications, this spaces them out; `0` means one miimon interval. ' +
      'Needs `miimon` > 0 (EPERM otherwise) and is rounded down to a multiple of it. ' +
      'It is not a module parameter, so `options bonding peer_notif_delay=...` is ignored by the kernel. Current kernels cap it at 300000 ms.',
    keywords: [
      { name: 'off', number: 0 },
      { name: 'maxval', number: 300000 },
    ],
    min: 0,
    max: 300000,
    unit: 'ms',
    default: '0 (one miimon interval between notifications)',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: false,
    sysfs: true,
    netlink: true,
    requires: ['miimon > 0 (EPERM otherwise).'],
    conflicts: ['Not a multiple of miimon: rounded down.'],
    requiresMiimon: true,
    multipleOfMiimon: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    olderKernels: 'Before the 300000 ms cap the option used the generic 0..INT_MAX table (which also accepted "default" = 0).',
    since: '~5.5 (approx.)',
  },
  {
    name: 'use_carrier',
    kind: 'boolean-int',
    summary: 'Tells the MII monitor to trust the NIC driver\'s carrier flag (1) instead of polling MII/ethtool ioctls (0).',
    description:
      'Leave it at `1`: practically every driver reports carrier correctly, and `0` relies on old ioctls meant for ancient drivers. ' +
      'A 2025 upstream patch series by the bonding maintainer makes `1` the only accepted value and declares the option obsolete; with it, `use_carrier=0` is refused and, as a module parameter, keeps the module from loading.',
    values: offOn(1, 'Poll link state with MII/ethtool ioctls (obsolete).', 'Use the driver\'s carrier state (recommended).'),
    min: 0,
    max: 1,
    default: '1 (on)',
    defaultNumber: 1,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    deprecated: 'Obsolete: only 1 is meaningful, and kernels carrying the 2025 removal reject 0.',
    olderKernels: 'As a module parameter, a value other than 0/1 is replaced by 1 with a warning.',
    since: '2003 (per the 2025 patch text)',
  },
  {
    name: 'arp_interval',
    kind: 'integer',
    summary: 'ARP monitor period in milliseconds; 0 leaves ARP-based link monitoring off.',
    description:
      'Instead of carrier state, the bond judges each member by whether ARP traffic involving the `arp_ip_target` peers keeps arriving, which also catches failures beyond the first switch. ' +
      'Allowed only in balance-rr, active-backup, balance-xor and broadcast; the kernel refuses it in 802.3ad, balance-tlb and balance-alb. A non-zero value switches `miimon` off (and a later non-zero miimon switches it off again). ' +
      'Always pair it with at least one target: as a module parameter without targets it is reset to 0, through sysfs it runs with nothing to probe. ' +
      'In balance-rr and balance-xor the switch must spread return traffic over all members, or the unused ones are declared dead.',
    keywords: INTMAX_KEYWORDS,
    min: 0,
    max: INT_MAX,
    unit: 'ms',
    default: '0 (off)',
    defaultNumber: 0,
    modes: ARP_MODES,
    rejectedIn: NOT_ARP_MODES,
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['At least one arp_ip_target (or ns_ip6_target).'],
    conflicts: ['miimon: only one link monitor can be active; see miimon for which one survives.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'original driver (approx.)',
  },
  {
    name: 'arp_ip_target',
    kind: 'ip-list',
    summary: 'IPv4 peers the ARP monitor sends probes to (at most 16).',
    description:
      'Choose addresses that always answer and lie on the path you want to verify, typically the default gateway. ' +
      'In BONDING_OPTS and as a module parameter write one comma-separated list (`arp_ip_target=192.0.2.1,192.0.2.254`); the sysfs file itself takes a single `+addr` or `-addr` per write, and initscripts does that split for you. ' +
      'The kernel refuses 0.0.0.0, 255.255.255.255 and duplicates; more than 16 entries as a module parameter stop the module from loading. ' +
      'NetworkManager keeps only the last `arp_ip_target=` word of BONDING_OPTS, so never repeat the option.',
    maxTargets: MAX_ARP_TARGETS,
    forbiddenTargets: ['0.0.0.0', '255.255.255.255'],
    listSeparator: ',',
    plusMinusPrefix: true,
    default: 'none',
    modes: ARP_MODES,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    rawValue: true,
    requires: ['arp_interval > 0, otherwise the targets are never used.'],
    conflicts: [
      'More than 16 targets: the module refuses to load (module parameter) or the table is full (sysfs).',
      '0.0.0.0, 255.255.255.255 and duplicate targets are refused; a bad target in the module parameter disables ARP monitoring.',
    ],
    repeatable: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    nmSupported: true,
    olderKernels: 'Kernels before 5.3 refuse every address in 0.0.0.0/8, not only 0.0.0.0.',
    since: 'original driver (approx.)',
  },
  {
    name: 'ns_ip6_target',
    kind: 'ipv6-list',
    summary: 'IPv6 peers the ARP monitor probes with Neighbor Solicitations (at most 16).',
    description:
      'The IPv6 counterpart of `arp_ip_target`, used by the same monitor (`arp_interval` must be set, so it only works in modes 0-3). ' +
      'The unspecified address `::`, loopback `::1`, multicast addresses and duplicates are refused, and the kernel must have IPv6 enabled. ' +
      'It is not a module parameter. A sysfs file for it is not confirmed, so initscripts may be unable to apply it; NetworkManager supports it from 1.44.',
    maxTargets: MAX_ARP_TARGETS,
    forbiddenTargets: ['::', '::1'],
    listSeparator: ',',
    default: 'none',
    modes: ARP_MODES,
    rejectedIn: [],
    moduleParam: false,
    sysfs: false,
    sysfsUncertain: true,
    netlink: true,
    rawValue: true,
    requires: ['arp_interval > 0; kernel built with IPv6.'],
    conflicts: ['More than 16 targets, ::, ::1, multicast (ff00::/8) or duplicate addresses are refused.'],
    valueCaseSensitive: true,
    acceptsNumber: false,
    nmSupported: true,
    since: '~5.19 (approx.)',
  },
  {
    name: 'arp_validate',
    kind: 'enum',
    summary: 'Makes the ARP monitor check that counted traffic really is ARP to or from its targets, per member role.',
    description:
      'Without validation any received frame keeps a member "up", which can hide a broken path. The `active`/`backup`/`all` values only count ARP traffic that matches the configured targets (on the active member, the backups, or both); the `filter*` values only count ARP frames, without checking them against the targets. ' +
      'Only legal in ARP-capable modes (refused in 802.3ad, balance-tlb, balance-alb). ' +
      'As a module parameter it needs a non-zero `arp_interval`, otherwise the module fails to load; through sysfs it is accepted but inert. It is reset to `none` by a mode change or by enabling miimon.',
    values: [
      { name: 'none', number: 0, description: 'No validation: any incoming traffic counts.', isDefault: true },
      { name: 'active', number: 1, description: 'Validate ARP traffic on the active member only.' },
      { name: 'backup', number: 2, description: 'Validate on backup members only.' },
      { name: 'all', number: 3, description: 'Validate on every member.' },
      { name: 'filter', number: 4, description: 'Count only ARP frames (any ARP) on every member; no target check.' },
      { name: 'filter_active', number: 5, description: 'Count only ARP frames; validate them on the active member.' },
      { name: 'filter_backup', number: 6, description: 'Count only ARP frames; validate them on backup members.' },
    ],
    min: 0,
    max: 6,
    default: 'none (0)',
    defaultNumber: 0,
    modes: ARP_MODES,
    rejectedIn: NOT_ARP_MODES,
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['arp_interval > 0 (as a module parameter: otherwise the bonding module does not load).'],
    conflicts: ['Reset to none on every mode change and when miimon is set non-zero.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    olderKernels: 'The filter values (4-6) came later than 0-3; the module parameter help text still lists only 0-3.',
    since: 'bonding 3.1.0 (filter values later)',
  },
  {
    name: 'arp_all_targets',
    kind: 'enum',
    summary: 'A member counts as up if any single ARP target answers (any) or only if all of them do (all).',
    description:
      '`all` is stricter: a member is considered failed as soon as any single target stops answering through it. ' +
      'It only matters in active-backup with `arp_validate` enabled. An invalid module-parameter value is reported and replaced by `any`; the module still loads.',
    values: [
      { name: 'any', number: 0, description: 'Up while at least one target answers.', isDefault: true },
      { name: 'all', number: 1, description: 'Up only while every target answers.' },
    ],
    min: 0,
    max: 1,
    default: 'any (0)',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['Effective only in active-backup with arp_validate other than none.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~3.10 (approx.)',
  },
  {
    name: 'arp_missed_max',
    kind: 'integer',
    summary: 'Number of ARP monitor periods without traffic after which a member is declared down.',
    description:
      'Raise it on lossy paths to avoid false failovers; the effective detection time is roughly `arp_interval × arp_missed_max` (backup members get one period more). ' +
      'The kernel accepts 1-255 and refuses the option in 802.3ad, balance-tlb and balance-alb. Not a module parameter. ' +
      'NetworkManager also accepts 0, meaning "leave the kernel default".',
    keywords: [
      { name: 'minval', number: 1 },
      { name: 'maxval', number: 255 },
      { name: 'default', number: 2, isDefault: true },
    ],
    min: 1,
    max: 255,
    unit: 'count',
    default: '2',
    defaultNumber: 2,
    modes: ARP_MODES,
    rejectedIn: NOT_ARP_MODES,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    requires: ['ARP monitoring (arp_interval > 0) to have an effect.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    nmDefault: '0 = use the kernel default',
    since: '~5.18 (approx.)',
  },
  {
    name: 'primary',
    kind: 'interface',
    summary: 'Member that should carry traffic whenever it is usable.',
    description:
      'Typically the faster NIC, or the one cabled to the preferred switch. When it recovers, `primary_reselect` decides whether it takes over again. ' +
      'Only active-backup, balance-tlb and balance-alb use it: elsewhere a sysfs write is refused and the module parameter is ignored with a warning. ' +
      'The named interface does not need to be enslaved yet (the kernel remembers it); an empty value clears it. initscripts applies it only after the members are enslaved.',
    maxLength: 15,
    default: 'none',
    modes: PRIMARY_MODES,
    rejectedIn: NOT_PRIMARY_MODES,
    moduleParam: true,
    sysfs: true,
    netlink: true,
    rawValue: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    nmSupported: true,
    since: 'original driver (approx.)',
  },
  {
    name: 'primary_reselect',
    kind: 'enum',
    summary: 'Decides when a recovered primary member takes the active role back.',
    description:
      '`always` switches back as soon as the primary is usable again (at the cost of a second brief switch-over); `better` only if it is faster or has better duplex than the current active member; `failure` only once the current active member fails. ' +
      'Meaningless without `primary`; as a module parameter it is not even parsed unless `primary` is also given.',
    values: [
      { name: 'always', number: 0, description: 'Return to the primary as soon as it is usable again.', isDefault: true },
      { name: 'better', number: 1, description: 'Return only if the primary has higher speed or better duplex than the active member.' },
      { name: 'failure', number: 2, description: 'Return only when the current active member fails.' },
    ],
    min: 0,
    max: 2,
    default: 'always (0)',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['primary (no effect without it).'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'bonding 3.6.0',
  },
  {
    name: 'fail_over_mac',
    kind: 'enum',
    summary: 'How active-backup handles member MAC addresses on failover.',
    description:
      '`none` gives every member the bond MAC. `active` leaves members\' own MACs untouched and makes the bond adopt the MAC of whichever member is active — for NICs that cannot change their MAC or that drop broadcasts carrying their own source MAC (which confuses the ARP monitor). `follow` keeps the bond MAC but moves it onto the newly active member at failover, swapping the old active member\'s MAC. ' +
      'Only active-backup honours it, and changing it requires a bond without members. If the first member cannot change its MAC the kernel picks `active` by itself.',
    values: [
      { name: 'none', number: 0, description: 'All members take the bond\'s MAC.', isDefault: true },
      { name: 'active', number: 1, description: 'The bond uses the MAC of the currently active member; member MACs are never rewritten.' },
      { name: 'follow', number: 2, description: 'The bond MAC is moved to whichever member becomes active.' },
    ],
    min: 0,
    max: 2,
    default: 'none (0)',
    defaultNumber: 0,
    modes: ALL,
    effectiveIn: ['active-backup'],
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requiresNoMembers: true,
    requires: ['Bond without members when it is changed.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'bonding 3.2.0 (follow: 3.3.0)',
  },
  {
    name: 'xmit_hash_policy',
    kind: 'enum',
    summary: 'Hash that maps each outgoing packet to a member in balance-xor, 802.3ad and hash-based tlb/alb.',
    description:
      'The default `layer2` uses MAC addresses only, so all traffic towards one router ends up on a single link. `layer2+3` adds IP addresses; `layer3+4` adds TCP/UDP ports and spreads best, at the price of not being strictly 802.3ad compliant (fragments of one flow may take different links). The `encap*` variants hash on the inner headers of tunnelled traffic. ' +
      'The kernel accepts it in every mode but only uses it in balance-xor, 802.3ad and, with `tlb_dynamic_lb=0`, balance-tlb/alb; as a module parameter in other modes it is ignored without validation.',
    values: [
      { name: 'layer2', number: 0, description: 'MAC addresses (and packet type).', isDefault: true },
      { name: 'layer3+4', number: 1, description: 'IP addresses plus TCP/UDP ports; not fully 802.3ad-compliant.' },
      { name: 'layer2+3', number: 2, description: 'MAC and IP addresses.' },
      { name: 'encap2+3', number: 3, description: 'Like layer2+3, using inner headers of encapsulated packets.' },
      { name: 'encap3+4', number: 4, description: 'Like layer3+4, using inner headers of encapsulated packets.' },
      { name: 'vlan+srcmac', number: 5, description: 'VLAN ID and source MAC only.' },
    ],
    min: 0,
    max: 5,
    default: 'layer2 (0)',
    defaultNumber: 0,
    modes: ['balance-xor', '802.3ad', 'balance-tlb', 'balance-alb'],
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requires: ['In balance-tlb/balance-alb only used with tlb_dynamic_lb=0.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    olderKernels: 'encap2+3/encap3+4 (~3.18) and vlan+srcmac (~5.12) are missing from older kernels.',
    since: 'bonding 2.6.3 (layer2+3: 3.2.2)',
  },
  {
    name: 'lacp_rate',
    kind: 'enum',
    summary: 'How often the link partner is asked to send LACPDUs: `slow` = 30 s, `fast` = 1 s.',
    description:
      '`fast` detects a dead partner (or a one-way link that still shows carrier) in about 3 s instead of about 90 s. It only sets what the bond asks of the switch; configure the switch\'s LACP rate as well if detection should be fast in both directions. ' +
      'Only valid in 802.3ad and only changeable while the bond is down. As a module parameter outside 802.3ad it is ignored without validation. There is no `default` keyword for this option.',
    values: [
      { name: 'slow', number: 0, description: 'Partner sends LACPDUs every 30 seconds.' },
      { name: 'fast', number: 1, description: 'Partner sends LACPDUs every second.' },
    ],
    min: 0,
    max: 1,
    default: 'slow (0)',
    defaultNumber: 0,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'with 802.3ad mode (approx.)',
  },
  {
    name: 'lacp_active',
    kind: 'boolean-int',
    summary: 'Whether the bond sends LACPDUs on its own (on) or only answers a partner that starts (off).',
    description:
      'With `off` the bond is an LACP passive speaker; at least one side of the link must be active or no aggregation forms. ' +
      'Only valid in 802.3ad and only changeable while the bond is down. Not a module parameter; NetworkManager supports it from 1.44.',
    values: offOn(1, 'Passive: send LACPDUs only in reply to the partner.', 'Active: send LACPDUs periodically.'),
    min: 0,
    max: 1,
    default: 'on (1)',
    defaultNumber: 1,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~5.15 (approx.)',
  },
  {
    name: 'ad_select',
    kind: 'enum',
    summary: 'Rule for choosing which 802.3ad aggregator is active, and when to re-choose.',
    description:
      'Matters when members end up in several aggregators (different switches, speeds or partner keys). `stable` picks the aggregator with the most bandwidth and keeps it until it has no usable members; `bandwidth` and `count` re-evaluate on every member or state change, preferring the most total bandwidth or the most ports. ' +
      'Only changeable while the bond is down. The kernel accepts it in every mode, but it only affects 802.3ad.',
    values: [
      { name: 'stable', number: 0, description: 'Highest aggregate bandwidth; only re-chosen when the active aggregator has no working members.', isDefault: true },
      { name: 'bandwidth', number: 1, description: 'Highest aggregate bandwidth, re-evaluated whenever members or their states change.' },
      { name: 'count', number: 2, description: 'Largest number of ports, re-evaluated whenever members or their states change.' },
    ],
    min: 0,
    max: 2,
    default: 'stable (0)',
    defaultNumber: 0,
    modes: LACP,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'bonding 3.4.0',
    unconfirmedValues: [
      { name: 'actor_port_prio', number: 3, description: 'Select by the summed per-port priority (2025 patch series; spelling was still under discussion).' },
    ],
  },
  {
    name: 'ad_actor_sys_prio',
    kind: 'integer',
    summary: 'LACP system priority the bond advertises to its partner.',
    description:
      'Together with the system MAC it forms the LACP system ID; the side with the lower value decides which links may aggregate. Rarely needs changing. ' +
      'Range 1-65535; only valid in 802.3ad. Not a module parameter.',
    keywords: [
      { name: 'minval', number: 1 },
      { name: 'maxval', number: 65535, isDefault: true },
    ],
    min: 1,
    max: 65535,
    default: '65535',
    defaultNumber: 65535,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~4.2 (approx.)',
  },
  {
    name: 'ad_actor_system',
    kind: 'mac',
    summary: 'System MAC address the bond advertises in LACPDUs instead of its own.',
    description:
      'Useful when the LACP system identity must not depend on which MAC the bond happened to inherit. ' +
      'Write it as `xx:xx:xx:xx:xx:xx`; multicast addresses are refused (nmstate also refuses the 01:00:5E prefix). All zeros means "use the bond MAC". Only valid in 802.3ad; not a module parameter.',
    default: '00:00:00:00:00:00 (the bond\'s own MAC is used)',
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    rawValue: true,
    conflicts: ['Multicast MAC addresses are refused.'],
    valueCaseSensitive: false,
    acceptsNumber: false,
    nmSupported: true,
    since: '~4.2 (approx.)',
  },
  {
    name: 'ad_user_port_key',
    kind: 'integer',
    summary: 'Administrator-defined part (top 10 bits) of the LACP port key, 0-1023.',
    description:
      'Members only aggregate when their keys match, so different values split members into separate aggregators. ' +
      'Only valid in 802.3ad and only changeable while the bond is down. Not a module parameter.',
    keywords: [
      { name: 'minval', number: 0, isDefault: true },
      { name: 'maxval', number: 1023 },
    ],
    min: 0,
    max: 1023,
    default: '0',
    defaultNumber: 0,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~4.2 (approx.)',
  },
  {
    name: 'coupled_control',
    kind: 'boolean-int',
    summary: 'Chooses between the classic coupled LACP mux (on) and independent collecting/distributing control (off).',
    description:
      '`on` keeps the traditional state machine in which a port starts collecting and distributing at the same moment. `off` uses the independent collecting/distributing control described in IEEE 802.1AX-2008 §5.4.15. ' +
      'Only valid in 802.3ad and only changeable while the bond is down. Set over netlink (`ip link`); a sysfs file is not confirmed and NetworkManager does not know it.',
    values: offOn(1, 'Independent control of collecting and distributing.', 'Coupled control (traditional behaviour).'),
    min: 0,
    max: 1,
    default: 'on (1)',
    defaultNumber: 1,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: false,
    sysfsUncertain: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: false,
    since: '~6.10 (approx.)',
  },
  {
    name: 'broadcast_neighbor',
    kind: 'boolean-int',
    summary: 'In 802.3ad, sends ARP and IPv6 neighbour packets out of every member instead of a single one.',
    description:
      'With `on`, ARP and IPv6 neighbour discovery packets are copied onto all members instead of being hashed onto one, so every link partner sees them; other traffic is still hashed. ' +
      'Netlink only (`ip link`): there is no sysfs file and no module parameter, and NetworkManager does not know it. Only valid in 802.3ad. Very new (2025 patch series).',
    values: offOn(0, 'Neighbour packets follow the normal transmit hash.', 'ARP/ND packets are sent on every member.'),
    min: 0,
    max: 1,
    default: 'off (0)',
    defaultNumber: 0,
    modes: LACP,
    rejectedIn: NOT_LACP,
    moduleParam: false,
    sysfs: false,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: false,
    since: '2025 patch series (~6.17, approx.)',
  },
  {
    name: 'min_links',
    kind: 'integer',
    summary: 'Number of usable members below which the bond reports no carrier.',
    description:
      'Lets upper layers (routing, a redundant path) react when the aggregate has become too thin, instead of running on a single degraded link. ' +
      'Only effective in 802.3ad; `0` and `1` are equivalent (no minimum).',
    keywords: INTMAX_KEYWORDS,
    min: 0,
    max: INT_MAX,
    unit: 'count',
    default: '0',
    defaultNumber: 0,
    modes: ALL,
    effectiveIn: ['802.3ad'],
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~3.x (approx.)',
  },
  {
    name: 'num_grat_arp',
    kind: 'integer',
    summary: 'How many peer notifications (gratuitous ARPs and unsolicited IPv6 NAs) follow a failover.',
    description:
      'More than one notification helps when switches or peers miss the first. Spacing is set by `peer_notif_delay`. ' +
      'The names `num_grat_arp` and `num_unsol_na` address a single setting; giving both with different values is contradictory (the later write wins, NetworkManager rejects it). Effective in active-backup.',
    keywords: [
      { name: 'off', number: 0 },
      { name: 'maxval', number: 255 },
      { name: 'default', number: 1, isDefault: true },
    ],
    min: 0,
    max: 255,
    unit: 'count',
    default: '1',
    defaultNumber: 1,
    modes: ALL,
    effectiveIn: ['active-backup'],
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    conflicts: ['Same setting as num_unsol_na.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    sharesSettingWith: 'num_unsol_na',
    since: 'bonding 3.3.0',
  },
  {
    name: 'num_unsol_na',
    kind: 'integer',
    summary: 'Alternative name for num_grat_arp: number of peer notifications sent after a failover.',
    description:
      'Reads and writes exactly the same value as `num_grat_arp`; use one of the two names, not both.',
    keywords: [
      { name: 'off', number: 0 },
      { name: 'maxval', number: 255 },
      { name: 'default', number: 1, isDefault: true },
    ],
    min: 0,
    max: 255,
    unit: 'count',
    default: '1',
    defaultNumber: 1,
    modes: ALL,
    effectiveIn: ['active-backup'],
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    conflicts: ['Same setting as num_grat_arp.'],
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    sharesSettingWith: 'num_grat_arp',
    since: 'bonding 3.4.0',
  },
  {
    name: 'resend_igmp',
    kind: 'integer',
    summary: 'IGMP membership reports re-sent after a failover so multicast keeps flowing (0 = none).',
    description:
      'After a switch-over, the switch must learn that multicast groups now live behind another port. The first report goes out immediately, the rest at 200 ms intervals. ' +
      'Useful in balance-rr, active-backup, balance-tlb and balance-alb.',
    keywords: [
      { name: 'off', number: 0 },
      { name: 'maxval', number: 255 },
      { name: 'default', number: 1, isDefault: true },
    ],
    min: 0,
    max: 255,
    unit: 'count',
    default: '1',
    defaultNumber: 1,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: 'bonding 3.7.0',
  },
  {
    name: 'all_slaves_active',
    kind: 'boolean-int',
    summary: 'Whether frames received on inactive (backup) members are passed up the stack (1) or discarded (0).',
    description:
      'Normally the bond discards what inactive members receive, to avoid duplicate delivery. Set it to `1` only for special cases that need to see that traffic.',
    values: offOn(0, 'Drop frames received on inactive members.', 'Deliver frames from all members.'),
    min: 0,
    max: 1,
    default: '0 (off)',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~2.6.35 (approx.)',
  },
  {
    name: 'packets_per_slave',
    kind: 'integer',
    summary: 'balance-rr: how many packets go out on one member before the next one takes over (0 = a random member per packet).',
    description:
      'Larger batches reduce reordering within a flow at the cost of coarser balancing. Range 0-65535; the kernel refuses it in every mode except balance-rr.',
    keywords: [
      { name: 'default', number: 1, isDefault: true },
      { name: 'maxval', number: 65535 },
    ],
    min: 0,
    max: 65535,
    unit: 'count',
    default: '1',
    defaultNumber: 1,
    modes: ['balance-rr'],
    rejectedIn: ['active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~3.13 (approx.)',
  },
  {
    name: 'lp_interval',
    kind: 'integer',
    summary: 'Seconds between learning packets the bond sends so switches keep each member\'s MAC in their tables (tlb/alb).',
    description:
      'Only balance-tlb and balance-alb send these packets. Range 1 to INT_MAX; as a module parameter 0 is replaced by 1.',
    keywords: [
      { name: 'minval', number: 1, isDefault: true },
      { name: 'maxval', number: INT_MAX },
    ],
    min: 1,
    max: INT_MAX,
    unit: 's',
    default: '1',
    defaultNumber: 1,
    modes: TLB_ALB,
    rejectedIn: [],
    moduleParam: true,
    sysfs: true,
    netlink: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    since: '~3.11 (approx.)',
  },
  {
    name: 'tlb_dynamic_lb',
    kind: 'boolean-int',
    summary: 'balance-tlb/alb: rebalance flows by current load (1) or place them by the transmit hash only (0).',
    description:
      'With `0` the member is chosen by `xmit_hash_policy`, which keeps flows stable and avoids periodic reshuffling. ' +
      'Only changeable while the bond is down; refused outside balance-tlb/balance-alb. Switching the mode to balance-alb resets it to 1. Not a module parameter.',
    values: offOn(1, 'Place flows with the transmit hash.', 'Rebalance flows according to member load.'),
    min: 0,
    max: 1,
    default: '1 (on)',
    defaultNumber: 1,
    modes: TLB_ALB,
    rejectedIn: ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad'],
    moduleParam: false,
    sysfs: true,
    netlink: true,
    requiresBondDown: true,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: true,
    olderKernels: 'Older kernels accept it only in balance-tlb and refuse it in balance-alb.',
    since: '~4.0 (approx.)',
  },
  {
    name: 'active_slave',
    kind: 'interface',
    summary: 'Runtime switch: forces a given member to become the active one now.',
    description:
      'A live control, not configuration: it names a member that is already enslaved and has link (empty value = let the bond choose). ' +
      'Only in active-backup, balance-tlb and balance-alb. It is not a module parameter, and initscripts writes BONDING_OPTS before enslaving, so it fails there; use `primary` for a persistent preference. NetworkManager treats it as a deprecated alias of `primary`.',
    maxLength: 15,
    default: 'none (the bond picks)',
    modes: PRIMARY_MODES,
    rejectedIn: NOT_PRIMARY_MODES,
    moduleParam: false,
    sysfs: true,
    netlink: true,
    rawValue: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    runtimeOnly: true,
    nmSupported: true,
    since: 'sysfs interface, bonding 3.0.0',
  },
  {
    name: 'queue_id',
    kind: 'queue-id',
    summary: 'Per-member transmit queue id, written as `ifname:id`, for steering traffic to a member with tc.',
    description:
      'Combine with a `multiq` qdisc and `skbedit queue_mapping` filters to pin chosen traffic to a member. Ids of different members must differ (0 = no mapping, may repeat); the id cannot exceed the bond\'s number of transmit queues (`tx_queues`, 16 by default). ' +
      'The member must already be enslaved when it is written, and it is not a module parameter. NetworkManager uses `BOND_PORT_QUEUE_ID` in the member\'s ifcfg instead and drops it from BONDING_OPTS.',
    min: 0,
    max: 65535,
    default: '0',
    defaultNumber: 0,
    modes: ALL,
    rejectedIn: [],
    moduleParam: false,
    sysfs: true,
    netlink: true,
    rawValue: true,
    conflicts: ['Two members cannot share the same non-zero queue id.'],
    repeatable: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    perMember: true,
    nmSupported: false,
    since: 'bonding 3.7.0',
  },
  {
    name: 'prio',
    kind: 'signed-integer',
    summary: 'Per-member priority used to choose the next active member; higher wins, but primary still comes first.',
    description:
      'Only set per member over netlink (`ip link set <member> type bond_slave prio N`) — there is no sysfs file or module parameter. ' +
      'Meaningful in active-backup, balance-tlb and balance-alb. NetworkManager stores it as `BOND_PORT_PRIO` in the member\'s ifcfg.',
    min: INT_MIN,
    max: INT_MAX,
    default: '0',
    defaultNumber: 0,
    modes: PRIMARY_MODES,
    rejectedIn: NOT_PRIMARY_MODES,
    moduleParam: false,
    sysfs: false,
    netlink: true,
    rawValue: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    perMember: true,
    nmSupported: false,
    since: '~6.0 (approx.)',
  },
  {
    name: 'slaves',
    kind: 'member-command',
    summary: 'sysfs control file that adds (`+ifname`) or removes (`-ifname`) members at runtime.',
    description:
      'A command interface, not a setting: in ifcfg files members are declared with `MASTER=`/`SLAVE=yes` in their own files. Do not list `slaves=` in BONDING_OPTS — NetworkManager treats it as an option it does not know and drops it.',
    default: '(no members)',
    modes: ALL,
    rejectedIn: [],
    moduleParam: false,
    sysfs: true,
    netlink: false,
    rawValue: true,
    valueCaseSensitive: true,
    acceptsNumber: false,
    runtimeOnly: true,
    nmSupported: false,
    since: 'sysfs interface, bonding 3.0.0',
  },
  {
    name: 'max_bonds',
    kind: 'integer',
    summary: 'Module load only: how many bondN interfaces to create when the bonding module is loaded.',
    description:
      'Not a per-bond option: there is no sysfs file for it, so in BONDING_OPTS it only produces an error (initscripts) or is dropped (NetworkManager). ' +
      'The bonds it creates (bond0, bond1, ...) exist independently of any ifcfg file; Red Hat and Fedora documentation advise not to set it when bonds are defined with BONDING_OPTS. NetworkManager loads the module with `max_bonds=0`. A negative value is replaced by 1.',
    min: 0,
    max: INT_MAX,
    unit: 'count',
    default: '1',
    defaultNumber: 1,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: false,
    netlink: false,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: false,
    since: 'original driver (approx.)',
  },
  {
    name: 'tx_queues',
    kind: 'integer',
    summary: 'Module load only: number of transmit queues given to each bond device.',
    description:
      'Relevant together with `queue_id` steering. Not a per-bond option: without a sysfs file it fails in BONDING_OPTS, so set it with `options bonding tx_queues=N`. Values outside 1-255 are replaced by 16 with a warning.',
    min: 1,
    max: 255,
    unit: 'count',
    default: '16',
    defaultNumber: 16,
    modes: ALL,
    rejectedIn: [],
    moduleParam: true,
    sysfs: false,
    netlink: false,
    valueCaseSensitive: true,
    acceptsNumber: true,
    nmSupported: false,
    since: 'bonding 3.7.0 era (approx.)',
  },
];

/** Option names NetworkManager accepts that are not kernel options (NM-only extensions). */
export const NM_ONLY_OPTIONS: readonly { name: string; description: string }[] = [
  {
    name: 'balance-slb',
    description: 'NetworkManager-only source-load-balancing on top of balance-xor; requires mode=balance-xor and xmit_hash_policy=vlan+srcmac. The kernel has no such option.',
  },
];

const byName = new Map<string, BondOption>(BOND_OPTIONS.map((o) => [o.name, o]));

/** All option names in table order. */
export const OPTION_NAMES: readonly string[] = BOND_OPTIONS.map((o) => o.name);

/** Exact, case-sensitive lookup; safe for names such as "__proto__" or "constructor". */
export function getOption(name: string): BondOption | undefined {
  return byName.get(name);
}

const tableCache = new Map<string, KernelValueTable | undefined>();

/**
 * The option's kernel value table (what bond_opt_parse() checks a sysfs write against), or
 * undefined for options whose value is validated elsewhere (addresses, interface names, module-only
 * parameters, prio).
 */
export function kernelTableOf(opt: BondOption): KernelValueTable | undefined {
  if (tableCache.has(opt.name)) return tableCache.get(opt.name);
  let table: KernelValueTable | undefined;
  if (opt.values) {
    table = { entries: opt.values.map((v) => ({ name: v.name, number: v.number, isDefault: v.isDefault })) };
  } else if (opt.kind === 'integer' && opt.keywords && opt.min !== undefined && opt.max !== undefined) {
    table = { entries: opt.keywords.map((k) => ({ name: k.name, number: k.number, isDefault: k.isDefault })), range: { min: opt.min, max: opt.max } };
  }
  tableCache.set(opt.name, table);
  return table;
}

/**
 * Resolves an enumerated value as the kernel does (sysfs write / BONDING_OPTS / string module
 * parameter): the exact, case-sensitive name, the number of a named value, or "default" where the
 * option has a default entry. Returns the canonical name and number, or undefined when the kernel
 * would reject the value or the option is not an enumeration.
 */
export function parseEnumValue(opt: BondOption, value: string): { name: string; number: number } | undefined {
  if (!opt.values) return undefined;
  const r = kernelParseTableValue(kernelTableOf(opt)!, value);
  if (!r.ok) return undefined;
  const v = opt.values.find((x) => x.number === r.number);
  return v ? { name: v.name, number: v.number } : undefined;
}

/**
 * Checks any table-driven value (enumerations and integers, including keywords such as `off` or
 * `maxval`) with the kernel's sysfs parsing rules. Undefined when the option has no kernel table
 * (addresses, interface names, queue_id, prio, slaves, max_bonds, tx_queues).
 */
export function parseOptionValue(opt: BondOption, value: string): KernelParseResult | undefined {
  const table = kernelTableOf(opt);
  return table ? kernelParseTableValue(table, value) : undefined;
}

/** Effect of an option in a mode: used, accepted but without effect, or refused by the kernel. */
export function optionEffectInMode(opt: BondOption, mode: ModeName): 'effective' | 'no-effect' | 'rejected' {
  if (opt.rejectedIn.includes(mode)) return 'rejected';
  return effectiveModes(opt).includes(mode) ? 'effective' : 'no-effect';
}

/** The modes where the option has an effect. */
export function effectiveModes(opt: BondOption): readonly ModeName[] {
  return opt.effectiveIn ?? opt.modes;
}

/** Options that exist only as module parameters (no sysfs file, no netlink attribute). */
export function isModuleOnly(opt: BondOption): boolean {
  return opt.moduleParam && !opt.sysfs && !opt.netlink;
}
