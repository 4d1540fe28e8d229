// ifcfg-* keys (RHEL/CentOS/Fedora network-scripts) relevant to Ethernet, bonds, VLANs and bridges.
// Facts: initscripts doc/sysconfig.txt, network-scripts/*, etc/rc.d/init.d/{network,functions};
// NetworkManager ifcfg-rh plugin (shvar.c, nms-ifcfg-rh-reader.c, -utils.c, -writer.c,
// nm-settings-ifcfg-rh man page); kernel bonding.rst §3. Prose written for this product.

/** Which kind of file a key belongs in. 'member' = a NIC enslaved to a bond (MASTER=/SLAVE=yes). */
export type IfaceRole = 'bond' | 'member' | 'ethernet' | 'vlan' | 'bridge' | 'infiniband' | 'team' | 'any';

/** Programs that read ifcfg files. 'suse-sysconfig' = SUSE's wicked/sysconfig, listed for keys seen in bonding.rst. */
export type IfcfgConsumer = 'initscripts' | 'nm' | 'suse-sysconfig';

export type KeyValueType =
  | 'boolean'
  | 'enum'
  | 'ipv4'
  | 'ipv4-prefix'
  | 'netmask'
  /** IPv4 or IPv6 address. */
  | 'ip'
  /** IPv6 address with optional /prefix. */
  | 'ipv6-prefixed'
  | 'ipv6-list'
  /** IPv6 address with optional %interface scope. */
  | 'ipv6-gateway'
  | 'mac'
  | 'interface'
  /** Interface name, or (NetworkManager) the UUID of the controller profile. */
  | 'interface-or-uuid'
  | 'uuid'
  | 'integer'
  | 'string'
  /** Whitespace-separated words (must be quoted when there is more than one). */
  | 'string-list'
  | 'bonding-opts'
  | 'ethtool-opts'
  /** Only whether the key is set matters, not its value. */
  | 'presence';

/** The spellings one consumer accepts for a key. */
export interface ConsumerValues {
  readonly values: readonly string[];
  readonly caseSensitive: boolean;
  readonly note?: string;
}

export interface KeyNumbering {
  /** The key without a number (IPADDR) is valid too. */
  readonly bareName: boolean;
  /** Lowest index (DNS starts at 1, IPADDR at 0). */
  readonly firstIndex: number;
  /**
   * Both consumers scan indices upwards and stop at the first missing one from this index on
   * (IPADDR0 and IPADDR1 are each optional; IPADDR3 without IPADDR2 is never read).
   */
  readonly contiguousFrom?: number;
}

export interface IfcfgKey {
  name: string;
  valueType: KeyValueType;
  /** Canonical spellings for enums and booleans (what completion offers). */
  allowedValues?: readonly string[];
  /** What each consumer actually accepts, where that differs from allowedValues. */
  acceptedBy?: { readonly initscripts?: ConsumerValues; readonly nm?: ConsumerValues };
  /** Human-readable default (short). */
  default?: string;
  /** Defaults per consumer, where they are worth telling apart. */
  defaults?: { readonly initscripts?: string; readonly nm?: string };
  summary: string;
  description: string;
  roles: readonly IfaceRole[];
  usedBy: readonly IfcfgConsumer[];
  numbered?: boolean;
  numbering?: KeyNumbering;
  /** Inclusive numeric range for integer-valued keys. */
  min?: number;
  max?: number;
  unit?: string;
  /** VS Code snippet inserting the whole `KEY=value`. */
  snippet?: string;
  /** Part of the everyday set offered first in completion. */
  common?: boolean;
  /** NetworkManager extension ("(+)" in its documentation): initscripts does not know it. */
  nmExtension?: boolean;
  /** Part of IP configuration: ignored on bond members (initscripts stops before IP setup, NM strips it). */
  ipConfig?: boolean;
  /** Values usually contain spaces and therefore need quotes. */
  multiWord?: boolean;
  deprecated?: string;
}

/** Boolean spellings per consumer (initscripts is_true/is_false; NetworkManager svParseBoolean). */
export const BOOLEAN_SPELLINGS: {
  readonly [C in 'initscripts' | 'nm']: { readonly true: readonly string[]; readonly false: readonly string[]; readonly caseSensitive: false };
} = {
  initscripts: { true: ['y', 'yes', 't', 'true', 'on', '1'], false: ['n', 'no', 'f', 'false', 'off', '0'], caseSensitive: false },
  nm: { true: ['yes', 'true', 't', 'y', '1'], false: ['no', 'false', 'f', 'n', '0'], caseSensitive: false },
};

/**
 * How a consumer reads a boolean value: true, false, or undefined when it is neither (initscripts
 * then lets each call site decide; NetworkManager falls back to the key's default). Note that
 * NetworkManager does not understand `on`/`off`.
 */
export function parseIfcfgBoolean(value: string, consumer: 'initscripts' | 'nm'): boolean | undefined {
  const v = value.toLowerCase();
  const s = BOOLEAN_SPELLINGS[consumer];
  if (s.true.includes(v)) return true;
  if (s.false.includes(v)) return false;
  return undefined;
}

const BOOL_ACCEPTED = {
  initscripts: { values: [...BOOLEAN_SPELLINGS.initscripts.true, ...BOOLEAN_SPELLINGS.initscripts.false], caseSensitive: false },
  nm: {
    values: [...BOOLEAN_SPELLINGS.nm.true, ...BOOLEAN_SPELLINGS.nm.false],
    caseSensitive: false,
    note: 'on/off are not understood; the key\'s default is used instead.',
  },
} as const;
const YES_NO = ['yes', 'no'] as const;

const IP_ROLES: readonly IfaceRole[] = ['ethernet', 'bond', 'bridge', 'vlan'];
const BOTH: readonly IfcfgConsumer[] = ['initscripts', 'nm'];
const ADDR_NUMBERING: KeyNumbering = { bareName: true, firstIndex: 0, contiguousFrom: 2 };

/** TYPE values NetworkManager's ifcfg-rh plugin knows (compared case-insensitively). */
export const NM_TYPE_VALUES: readonly string[] = ['Ethernet', 'Wireless', 'InfiniBand', 'Bridge', 'Bond', 'Vlan', 'Team', 'TeamPort', 'CTC'];
/** TYPE values initscripts maps to a device type (compared case-sensitively; OVS types are matched by the "OVS" prefix). */
export const INITSCRIPTS_TYPE_VALUES: readonly string[] = [
  'Ethernet', 'Wireless', 'Bridge', 'InfiniBand', 'infiniband', 'Token Ring', 'CTC', 'CIPE', 'IPSEC', 'Modem', 'xDSL', 'ISDN',
  'GRE', 'GRE6', 'IPIP', 'IPIP6', 'SIT', 'sit', 'Tap', 'Veth',
];

export const IFCFG_KEYS: readonly IfcfgKey[] = [
  {
    name: 'DEVICE',
    valueType: 'interface',
    default: 'none',
    defaults: { initscripts: 'the ifcfg-<suffix> of the file name', nm: 'none (required for bonds)' },
    summary: 'Name of the kernel interface this file configures.',
    description:
      'Keep it equal to the file name suffix (`ifcfg-bond0` → `DEVICE=bond0`); tools and people otherwise disagree about which file is which. ' +
      'initscripts falls back to the suffix when the key is missing, but NetworkManager refuses a bond profile without it. ' +
      'Kernel naming rules: 1-15 bytes, no `/`, `:` or whitespace, and not `.` or `..`.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'DEVICE=${1:bond0}',
    common: true,
  },
  {
    name: 'NAME',
    valueType: 'string',
    default: 'none',
    defaults: { nm: '"System <ifcfg-suffix>"' },
    summary: 'Display name of the connection profile (NetworkManager\'s connection.id).',
    description:
      'Shown by `nmcli connection`. initscripts looks at it only for `ifup <NAME>`, and its search then matches nothing but the double-quoted form `NAME="..."`.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'NAME="${1:bond0}"',
    common: true,
    multiWord: true,
  },
  {
    name: 'UUID',
    valueType: 'uuid',
    default: 'derived from the file path',
    summary: 'Unique identifier of the NetworkManager profile.',
    description:
      'Member files can point at the bond by this value with `MASTER_UUID=`. When absent, NetworkManager computes one from the file path. It must not repeat across profiles. initscripts does not use it.',
    roles: ['any'],
    usedBy: ['nm'],
    snippet: 'UUID=${1}',
  },
  {
    name: 'TYPE',
    valueType: 'enum',
    allowedValues: ['Ethernet', 'Bond', 'Vlan', 'Bridge', 'InfiniBand', 'Team', 'TeamPort', 'Wireless'],
    acceptedBy: {
      nm: { values: NM_TYPE_VALUES, caseSensitive: false, note: 'CTC is handled as Ethernet.' },
      initscripts: {
        values: INITSCRIPTS_TYPE_VALUES,
        caseSensitive: true,
        note: 'OVS* types are also recognised; initscripts never uses TYPE to decide that a file is a bond.',
      },
    },
    default: 'derived',
    defaults: { initscripts: 'DEVICE with trailing digits removed', nm: 'derived from the other keys' },
    summary: 'Kind of connection the file describes (Ethernet, Bond, Vlan, ...).',
    description:
      'For a bond write `TYPE=Bond` (with `BONDING_MASTER=yes`); members are `TYPE=Ethernet`. ' +
      'initscripts ignores TYPE for bonds — a non-empty BONDING_OPTS is what makes a bond there. NetworkManager also turns `TYPE=Ethernet` plus a non-empty BONDING_OPTS into a bond. ' +
      '`TYPE=Bonding`, from old kernel documentation, is unknown to NetworkManager: the file is not recognised as a bond, or rejected when combined with BONDING_MASTER=yes.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'TYPE=${1|Bond,Ethernet,Vlan,Bridge,InfiniBand,Team,TeamPort,Wireless|}',
    common: true,
  },
  {
    name: 'DEVICETYPE',
    valueType: 'enum',
    allowedValues: ['Team', 'TeamPort'],
    default: 'derived',
    summary: 'Device kind that initscripts derives internally; NetworkManager reads it only for teams.',
    description: 'Only write it for team devices (`Team`) and team ports (`TeamPort`). Bonds do not need it.',
    roles: ['team'],
    usedBy: BOTH,
  },
  {
    name: 'BOOTPROTO',
    valueType: 'enum',
    allowedValues: ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft'],
    acceptedBy: {
      initscripts: { values: ['dhcp', 'bootp'], caseSensitive: true, note: 'dhcp/bootp start DHCP; every other value means static addressing.' },
      nm: {
        values: ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft', ''],
        caseSensitive: false,
        note: 'Any other value makes NetworkManager reject the profile; ibft makes it skip the file.',
      },
    },
    default: 'none',
    defaults: { initscripts: 'static behaviour', nm: 'none (manual if an address is set, otherwise IPv4 disabled)' },
    summary: 'How the interface gets its IPv4 configuration: fixed (`none`/`static`) or `dhcp`.',
    description:
      '`none` or `static` uses IPADDR/PREFIX from the file; `dhcp` runs a DHCP client. ' +
      'initscripts treats everything except `dhcp`/`bootp` as static, but NetworkManager rejects the whole profile for a value it does not know (`manual`, `dhcp4`, a stray trailing space). NetworkManager additionally offers `autoip` (link-local), `shared` and `ibft`. ' +
      'On bond members it has no effect; write `BOOTPROTO=none` there.',
    roles: IP_ROLES,
    usedBy: BOTH,
    snippet: 'BOOTPROTO=${1|none,dhcp,static|}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'ONBOOT',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'yes',
    summary: 'Activate the interface at boot (NetworkManager: autoconnect).',
    description:
      'initscripts only skips the device when the value is false. For bonds the consumers differ: bringing a bond up with initscripts enslaves every file that names it in `MASTER=`, whatever the member\'s ONBOOT, while NetworkManager only activates members that autoconnect themselves (or all of them when the bond has `AUTOCONNECT_SLAVES=yes`). ' +
      'Set `ONBOOT=yes` on the bond and on every member.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'ONBOOT=${1|yes,no|}',
    common: true,
  },
  {
    name: 'HOTPLUG',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { initscripts: BOOL_ACCEPTED.initscripts },
    default: 'yes',
    summary: 'Whether a hotplug event may run ifup for this device (initscripts).',
    description:
      'Only a false value blocks hotplug activation. `HOTPLUG=no` on a bond keeps it from coming up just because the bonding module got loaded. NetworkManager does not read it.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'HOTPLUG=${1|no,yes|}',
  },
  {
    name: 'USERCTL',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { initscripts: BOOL_ACCEPTED.initscripts },
    default: 'no',
    summary: 'Lets non-root users run ifup/ifdown on this device via usernetctl (initscripts).',
    description:
      'NetworkManager does not read it; its `USERS=` key restricts who may use a profile, which is a different thing.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'USERCTL=${1|no,yes|}',
    common: true,
  },
  {
    name: 'NM_CONTROLLED',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'yes',
    summary: 'Whether NetworkManager manages this device (`no` leaves it to initscripts).',
    description:
      'If several files describe the same device, one `NM_CONTROLLED=no` among them is enough to make it unmanaged; NetworkManager needs DEVICE or HWADDR to identify the device for that. ' +
      'Use the same value on the bond and all its members, otherwise the bond is driven by one tool and its members by the other. Write `yes`/`no`: NetworkManager does not understand `on`/`off`.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'NM_CONTROLLED=${1|yes,no|}',
    common: true,
  },
  {
    name: 'IPADDR',
    valueType: 'ipv4',
    default: 'none',
    summary: 'Static IPv4 address; further addresses go in IPADDR1, IPADDR2, ...',
    description:
      'Pair each address with PREFIXn (or NETMASKn) of the same number. IPADDR, IPADDR0 and IPADDR1 are each optional, but from 2 upwards initscripts and NetworkManager stop at the first missing number, so IPADDR5 without IPADDR2-4 is silently ignored. ' +
      'NetworkManager refuses the profile if an address does not parse. On bond members it is ignored; addresses belong on the bond.',
    roles: IP_ROLES,
    usedBy: BOTH,
    numbered: true,
    numbering: ADDR_NUMBERING,
    snippet: 'IPADDR=${1:192.0.2.10}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'PREFIX',
    valueType: 'ipv4-prefix',
    min: 0,
    max: 32,
    default: 'from NETMASK, else the classful default',
    summary: 'Prefix length (0-32) for the IPADDR with the same number.',
    description:
      'Takes precedence over NETMASKn when both are present; without either, the old classful default is used (NetworkManager warns about that). NetworkManager rejects values outside 0-32.',
    roles: IP_ROLES,
    usedBy: BOTH,
    numbered: true,
    numbering: ADDR_NUMBERING,
    snippet: 'PREFIX=${1:24}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'NETMASK',
    valueType: 'netmask',
    default: 'derived',
    summary: 'Dotted-quad netmask for the IPADDR with the same number; only used when PREFIXn is absent.',
    description: 'PREFIX is the recommended spelling. Like IPADDR, it can be numbered (NETMASK1, NETMASK2, ...).',
    roles: IP_ROLES,
    usedBy: BOTH,
    numbered: true,
    numbering: ADDR_NUMBERING,
    snippet: 'NETMASK=${1:255.255.255.0}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'GATEWAY',
    valueType: 'ipv4',
    default: 'none',
    defaults: { initscripts: 'none (may come from /etc/sysconfig/network)' },
    summary: 'IPv4 default gateway reached through this interface.',
    description:
      'May also be set globally in /etc/sysconfig/network. NetworkManager reads numbered forms as well and ignores the gateway, with a warning, when `DEFROUTE=no`. Put it on the bond, never on its members.',
    roles: IP_ROLES,
    usedBy: BOTH,
    numbered: true,
    numbering: ADDR_NUMBERING,
    snippet: 'GATEWAY=${1:192.0.2.1}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'METRIC',
    valueType: 'integer',
    min: 0,
    default: 'none',
    summary: 'Metric of the default route installed from GATEWAY (initscripts).',
    description: 'Lower metrics win when several interfaces offer a default route. NetworkManager does not read this key.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'METRIC=${1:100}',
    ipConfig: true,
  },
  {
    name: 'BROADCAST',
    valueType: 'ipv4',
    default: 'computed',
    summary: 'IPv4 broadcast address; obsolete, initscripts computes it and NetworkManager never reads it.',
    description: 'Safe to delete: initscripts derives it from address and prefix with ipcalc.',
    roles: ['ethernet', 'bond'],
    usedBy: ['initscripts'],
    deprecated: 'Computed automatically; not read by NetworkManager.',
    ipConfig: true,
  },
  {
    name: 'NETWORK',
    valueType: 'ipv4',
    default: 'computed',
    summary: 'IPv4 network address; obsolete, initscripts computes it and NetworkManager never reads it.',
    description: 'Safe to delete: initscripts derives it from address and prefix with ipcalc.',
    roles: ['ethernet', 'bond'],
    usedBy: ['initscripts'],
    deprecated: 'Computed automatically; not read by NetworkManager.',
    ipConfig: true,
  },
  {
    name: 'DNS',
    valueType: 'ip',
    default: 'none',
    summary: 'DNS server address, written as DNS1, DNS2, ... (IPv4 or IPv6).',
    description:
      'The servers end up in /etc/resolv.conf unless `PEERDNS=no` (initscripts). initscripts honours DNS1 to DNS3; NetworkManager reads as many as are numbered consecutively. There is no un-numbered `DNS` key.',
    roles: ['any'],
    usedBy: BOTH,
    numbered: true,
    numbering: { bareName: false, firstIndex: 1 },
    snippet: 'DNS1=${1:192.0.2.53}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'DOMAIN',
    valueType: 'string-list',
    default: 'none',
    summary: 'DNS search domains, separated by spaces.',
    description: 'Quote the value when it lists more than one domain; unquoted, bash would try to run the second word as a command.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'DOMAIN="${1:example.com}"',
    ipConfig: true,
    multiWord: true,
  },
  {
    name: 'PEERDNS',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'yes',
    summary: 'Whether this interface may update the resolver configuration.',
    description:
      'The consumers read `no` differently: initscripts then leaves /etc/resolv.conf alone completely, while NetworkManager only ignores name servers learned automatically (DHCP) and still applies DNS1.. from the file.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'PEERDNS=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'PEERROUTES',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { nm: BOOL_ACCEPTED.nm },
    default: 'yes',
    summary: 'NetworkManager: install routes handed out by DHCP.',
    description: 'Set `no` to keep only the routes configured locally. initscripts does not know this key.',
    roles: ['any'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'PEERROUTES=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'DEFROUTE',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'yes',
    summary: 'Whether this interface is allowed to carry the default route.',
    description: 'Set `no` on secondary networks (storage, backup) so they never take over the default route. In NetworkManager a GATEWAYDEV in /etc/sysconfig/network overrides it.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'DEFROUTE=${1|yes,no|}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'HWADDR',
    valueType: 'mac',
    default: 'none',
    summary: 'Binds the file to the NIC with this MAC address.',
    description:
      'The consumers compare against different addresses: initscripts checks the MAC the device has right now and stops ifup when they differ, NetworkManager uses the permanent (burned-in) MAC. ' +
      'That matters on bond members, because in most modes an enslaved NIC carries the bond\'s MAC: re-running ifup on an enslaved member under initscripts can then fail. Use the permanent MAC and never the same HWADDR in two files. Letter case does not matter.',
    roles: ['ethernet', 'member', 'infiniband'],
    usedBy: BOTH,
    snippet: 'HWADDR=${1:52:54:00:12:34:56}',
    common: true,
  },
  {
    name: 'MACADDR',
    valueType: 'mac',
    default: 'none',
    summary: 'Overrides (clones) the MAC address of the interface.',
    description:
      'On a bond it sets the bond\'s MAC. Avoid it on members: the bond reprograms member MACs anyway, and in balance-tlb/balance-alb a forced member MAC can end up duplicated. Mixing MACADDR and HWADDR in one file is documented as unreliable. nmstate rejects setting a bond MAC when active-backup runs with `fail_over_mac=active`.',
    roles: IP_ROLES,
    usedBy: BOTH,
    snippet: 'MACADDR=${1:52:54:00:12:34:56}',
  },
  {
    name: 'MTU',
    valueType: 'integer',
    min: 0,
    unit: 'bytes',
    default: 'device default',
    summary: 'Maximum transmission unit of the interface, in bytes.',
    description: 'Set it on the bond: the bond applies its MTU to every member. A different MTU in a member file is overridden when it is enslaved.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'MTU=${1:9000}',
    common: true,
  },
  {
    name: 'MASTER',
    valueType: 'interface-or-uuid',
    default: 'none',
    summary: 'Name of the bond that enslaves this interface.',
    description:
      'initscripts needs `MASTER=<bond>` together with `SLAVE=yes`, and finds members by scanning the ifcfg files for `MASTER=<bond>` (quotes allowed). ' +
      'NetworkManager treats MASTER alone as sufficient, accepts the bond profile\'s UUID here as well, and prefers MASTER_UUID when both are set.',
    roles: ['member'],
    usedBy: BOTH,
    snippet: 'MASTER=${1:bond0}',
    common: true,
  },
  {
    name: 'MASTER_UUID',
    valueType: 'uuid',
    default: 'none',
    summary: 'NetworkManager: UUID of the bond profile this member belongs to; wins over MASTER.',
    description: 'NetworkManager writes it next to MASTER. initscripts does not know it, so keep MASTER= (and SLAVE=yes) as well when both tools may read the file.',
    roles: ['member'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'MASTER_UUID=${1}',
  },
  {
    name: 'SLAVE',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'no',
    defaults: { initscripts: 'no', nm: 'not checked' },
    summary: 'Marks the interface as a bond member.',
    description:
      'initscripts requires it together with `MASTER=`; without it the NIC is brought up as an ordinary interface instead of being enslaved. NetworkManager writes it but does not need it. `SLAVE=yes` without `MASTER=` leaves the NIC unconfigured at boot.',
    roles: ['member'],
    usedBy: BOTH,
    snippet: 'SLAVE=${1|yes,no|}',
    common: true,
  },
  {
    name: 'BONDING_MASTER',
    valueType: 'boolean',
    allowedValues: ['yes'],
    acceptedBy: { nm: BOOL_ACCEPTED.nm },
    default: 'no',
    summary: 'Marks the file as a bond for NetworkManager.',
    description:
      'Red Hat documents a bond as `TYPE=Bond` plus `BONDING_MASTER=yes`, and NetworkManager writes both. initscripts never reads it. ' +
      'NetworkManager rejects the profile when `BONDING_MASTER=yes` meets a TYPE other than Bond (Ethernet with a non-empty BONDING_OPTS counts as Bond). SUSE sysconfig uses the same key for the same purpose.',
    roles: ['bond'],
    usedBy: ['nm'],
    snippet: 'BONDING_MASTER=yes',
    common: true,
  },
  {
    name: 'BONDING_OPTS',
    valueType: 'bonding-opts',
    default: 'none',
    summary: 'Bonding driver options for this bond, as space-separated `name=value` pairs.',
    description:
      'Always quote it: `BONDING_OPTS="mode=802.3ad miimon=100"`. Unquoted, bash keeps only the first pair and NetworkManager throws the whole value away. ' +
      'initscripts creates the bond when this is non-empty and writes each option to `/sys/class/net/<bond>/bonding/<name>` while the bond is down and has no members — `mode` and `miimon` before everything else, the remaining options in file order, `primary` only after enslaving; a failing write is logged and skipped. ' +
      'NetworkManager splits on single spaces only (a tab breaks it), drops unknown or invalid options with a warning and keeps only the last copy of a repeated option. ' +
      'Keep per-bond settings here rather than in /etc/modprobe.d.',
    roles: ['bond'],
    usedBy: BOTH,
    snippet: 'BONDING_OPTS="mode=${1|active-backup,802.3ad,balance-alb,balance-tlb,balance-xor,balance-rr,broadcast|} miimon=${2:100}"',
    common: true,
    multiWord: true,
  },
  {
    name: 'BONDING_MODULE_OPTS',
    valueType: 'bonding-opts',
    summary: 'SUSE sysconfig counterpart of BONDING_OPTS; RHEL initscripts and NetworkManager ignore it.',
    description: 'On RHEL, Fedora and CentOS use BONDING_OPTS instead.',
    roles: ['bond'],
    usedBy: ['suse-sysconfig'],
    multiWord: true,
  },
  {
    name: 'BONDING_SLAVE',
    valueType: 'interface',
    summary: 'SUSE sysconfig member list (BONDING_SLAVE0, BONDING_SLAVE1, ...); ignored on RHEL.',
    description: 'RHEL initscripts and NetworkManager do not read it: there each member has its own file with `MASTER=<bond>` and `SLAVE=yes`.',
    roles: ['bond'],
    usedBy: ['suse-sysconfig'],
    numbered: true,
    numbering: { bareName: false, firstIndex: 0 },
  },
  {
    name: 'BOND_PORT_QUEUE_ID',
    valueType: 'integer',
    min: 0,
    max: 65535,
    default: '0',
    summary: 'NetworkManager: transmit queue id (bonding `queue_id`) of this member.',
    description: 'The per-member form NetworkManager uses instead of `queue_id=` in the bond\'s BONDING_OPTS.',
    roles: ['member'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'BOND_PORT_QUEUE_ID=${1:0}',
  },
  {
    name: 'BOND_PORT_PRIO',
    valueType: 'integer',
    min: -2147483648,
    max: 2147483647,
    default: '0',
    summary: 'NetworkManager: failover priority (bonding `prio`) of this member.',
    description: 'Higher values are preferred when a new active member is chosen; `primary` still takes precedence. Meaningful in active-backup, balance-tlb and balance-alb.',
    roles: ['member'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'BOND_PORT_PRIO=${1:0}',
  },
  {
    name: 'AUTOCONNECT_SLAVES',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { nm: BOOL_ACCEPTED.nm },
    default: 'NetworkManager global default',
    summary: 'NetworkManager: activating the bond also activates all of its member profiles.',
    description: 'An alternative to `ONBOOT=yes` on every member. initscripts does not know it.',
    roles: ['bond', 'bridge', 'team'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'AUTOCONNECT_SLAVES=${1|yes,no|}',
  },
  {
    name: 'IPV6INIT',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'yes (initscripts)',
    defaults: { initscripts: 'yes', nm: 'no when neither this file nor /etc/sysconfig/network sets it (reader code; NM\'s documentation says yes)' },
    summary: 'Enables IPv6 configuration on the interface.',
    description:
      'Write it explicitly: initscripts treats a missing key as `yes`, while NetworkManager\'s reader ignores IPv6 when neither this file nor /etc/sysconfig/network sets it.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV6INIT=${1|yes,no|}',
    common: true,
    ipConfig: true,
  },
  {
    name: 'IPV6ADDR',
    valueType: 'ipv6-prefixed',
    default: 'none',
    summary: 'Primary static IPv6 address, optionally with /prefix (default /64).',
    description: 'Further addresses go into IPV6ADDR_SECONDARIES. Requires IPV6INIT=yes.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV6ADDR=${1:2001:db8::10/64}',
    ipConfig: true,
  },
  {
    name: 'IPV6ADDR_SECONDARIES',
    valueType: 'ipv6-list',
    default: 'none',
    summary: 'Additional static IPv6 addresses, separated by spaces.',
    description: 'Each entry may carry its own /prefix. Quote the value when it lists several addresses.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV6ADDR_SECONDARIES="${1:2001:db8::11/64}"',
    ipConfig: true,
    multiWord: true,
  },
  {
    name: 'IPV6_AUTOCONF',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: {
      initscripts: BOOL_ACCEPTED.initscripts,
      nm: { values: [...BOOL_ACCEPTED.nm.values, 'shared'], caseSensitive: false, note: '`shared` is a NetworkManager extension.' },
    },
    default: 'yes unless IPV6FORWARDING=yes',
    summary: 'Stateless address autoconfiguration (SLAAC) from router advertisements.',
    description: 'Set `no` for purely static IPv6. By default it is on unless the host forwards IPv6 (IPV6FORWARDING=yes).',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV6_AUTOCONF=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'IPV6_DEFAULTGW',
    valueType: 'ipv6-gateway',
    default: 'none',
    summary: 'IPv6 default gateway, optionally scoped to an interface (`fe80::1%bond0`).',
    description: 'A link-local gateway needs the `%interface` scope so the kernel knows where to reach it.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV6_DEFAULTGW=${1:2001:db8::1}',
    ipConfig: true,
  },
  {
    name: 'DHCPV6C',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'no',
    summary: 'Run a DHCPv6 client on the interface.',
    description: 'Use together with IPV6INIT=yes when addresses come from a DHCPv6 server rather than SLAAC.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'DHCPV6C=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'IPV6_DISABLED',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { nm: BOOL_ACCEPTED.nm },
    default: 'no',
    summary: 'NetworkManager: switch IPv6 off completely on this interface.',
    description: 'Stronger than IPV6INIT=no, which only stops NetworkManager from configuring IPv6. initscripts does not know it.',
    roles: ['any'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'IPV6_DISABLED=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'ETHTOOL_OPTS',
    valueType: 'ethtool-opts',
    default: 'none',
    summary: 'NIC settings applied with ethtool when the device is brought up.',
    description:
      'Either arguments for `ethtool -s` (`speed 10000 duplex full autoneg off`) or complete ethtool option groups separated by `;` (`-K eth0 gro off; -G eth0 rx 4096`). initscripts applies it to bond members too. ' +
      'In 802.3ad, forcing different speed or duplex on members puts them into separate aggregators, and only one aggregator carries traffic. initscripts documentation lists it as deprecated but still supported.',
    roles: ['ethernet', 'member'],
    usedBy: BOTH,
    snippet: 'ETHTOOL_OPTS="${1:autoneg on}"',
    deprecated: 'Marked deprecated (but still supported) in initscripts documentation.',
    multiWord: true,
  },
  {
    name: 'ZONE',
    valueType: 'string',
    default: 'the default firewalld zone',
    summary: 'firewalld zone the interface is placed in.',
    description: 'Set it on the bond (or the VLAN on top of it), which is where traffic is filtered.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'ZONE=${1:public}',
  },
  {
    name: 'VLAN',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'no',
    summary: 'Marks the file as an 802.1Q VLAN interface.',
    description:
      'A VLAN on top of a bond is typically `DEVICE=bond0.100` with `VLAN=yes`; the parent and VLAN id are taken from the name unless PHYSDEV and VID (initscripts) or VLAN_ID (NetworkManager) say otherwise.',
    roles: ['vlan'],
    usedBy: BOTH,
    snippet: 'VLAN=yes',
  },
  {
    name: 'PHYSDEV',
    valueType: 'interface',
    default: 'derived from DEVICE (parent.VID)',
    summary: 'Parent interface of a VLAN, e.g. `bond0`.',
    description: 'initscripts needs it when the VLAN name does not contain the parent (`vlan100` style) or when VID is given.',
    roles: ['vlan', 'infiniband'],
    usedBy: BOTH,
    snippet: 'PHYSDEV=${1:bond0}',
  },
  {
    name: 'VID',
    valueType: 'integer',
    min: 0,
    max: 4095,
    default: 'derived from DEVICE',
    summary: 'VLAN id for initscripts (NetworkManager reads VLAN_ID instead).',
    description: 'Only needed when the id cannot be taken from the interface name.',
    roles: ['vlan'],
    usedBy: ['initscripts'],
    snippet: 'VID=${1:100}',
  },
  {
    name: 'VLAN_ID',
    valueType: 'integer',
    min: 0,
    max: 4095,
    default: 'derived from DEVICE',
    summary: 'NetworkManager: VLAN id (initscripts reads VID instead).',
    description: 'Only needed when the id cannot be taken from the interface name.',
    roles: ['vlan'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'VLAN_ID=${1:100}',
  },
  {
    name: 'BRIDGE',
    valueType: 'interface',
    default: 'none',
    summary: 'Attaches this interface to the named Linux bridge as one of its ports.',
    description:
      'The interface itself then carries no IP configuration; addresses go on the bridge. To bridge a bond, put BRIDGE= in the bond\'s file, not in the members\' files — initscripts never reaches the bridge step for a member.',
    roles: ['ethernet', 'bond', 'vlan'],
    usedBy: BOTH,
    snippet: 'BRIDGE=${1:br0}',
  },
  {
    name: 'LINKDELAY',
    valueType: 'integer',
    min: 0,
    unit: 'seconds',
    default: 'none',
    summary: 'Extra seconds initscripts waits for the link after bringing the device up.',
    description: 'Also applied after enslaving bond members. NetworkManager does not read it.',
    roles: ['ethernet', 'bond'],
    usedBy: ['initscripts'],
    snippet: 'LINKDELAY=${1:5}',
  },
  {
    name: 'IPV4_FAILURE_FATAL',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: BOOL_ACCEPTED,
    default: 'no',
    summary: 'Treat a failed IPv4 setup (e.g. no DHCP lease) as failure of the whole connection.',
    description: 'Useful on dual-stack hosts that must not come up with IPv6 only.',
    roles: ['any'],
    usedBy: BOTH,
    snippet: 'IPV4_FAILURE_FATAL=${1|no,yes|}',
    ipConfig: true,
  },
  {
    name: 'PERSISTENT_DHCLIENT',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { initscripts: BOOL_ACCEPTED.initscripts },
    default: 'no',
    summary: 'Keep dhclient retrying instead of giving up when no lease arrives (initscripts).',
    description: 'Only relevant with BOOTPROTO=dhcp. NetworkManager does not read it.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'PERSISTENT_DHCLIENT=${1|yes,no|}',
    ipConfig: true,
  },
  {
    name: 'ARPCHECK',
    valueType: 'boolean',
    allowedValues: YES_NO,
    acceptedBy: { initscripts: BOOL_ACCEPTED.initscripts },
    default: 'yes',
    summary: 'Duplicate-address check (arping) before an IPADDRn is assigned (initscripts).',
    description: 'Set `no` to skip the probe, e.g. where the check itself causes delays. Can be numbered per address like IPADDR.',
    roles: ['any'],
    usedBy: ['initscripts'],
    numbered: true,
    numbering: { bareName: true, firstIndex: 0 },
    snippet: 'ARPCHECK=${1|no,yes|}',
    ipConfig: true,
  },
  {
    name: 'NOZEROCONF',
    valueType: 'presence',
    default: 'unset',
    summary: 'When set to anything, initscripts does not add the 169.254.0.0/16 link-local route.',
    description: 'Only the presence of the key counts, not its value. NetworkManager ignores it.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'NOZEROCONF=yes',
    ipConfig: true,
  },
  {
    name: 'SRCADDR',
    valueType: 'ipv4',
    default: 'none',
    summary: 'Preferred source address for packets leaving through this interface (initscripts).',
    description: 'Must be one of the host\'s own addresses. NetworkManager does not read it.',
    roles: ['any'],
    usedBy: ['initscripts'],
    snippet: 'SRCADDR=${1:192.0.2.10}',
    ipConfig: true,
  },
  {
    name: 'USERS',
    valueType: 'string-list',
    default: 'none (every user)',
    summary: 'NetworkManager: only the listed users may activate this profile.',
    description: 'Space-separated user names; quote the value when it lists several. Unrelated to initscripts\' USERCTL.',
    roles: ['any'],
    usedBy: ['nm'],
    nmExtension: true,
    snippet: 'USERS="${1:root}"',
    multiWord: true,
  },
];

const byName = new Map<string, IfcfgKey>(IFCFG_KEYS.map((k) => [k.name, k]));

export const IFCFG_KEY_NAMES: readonly string[] = IFCFG_KEYS.map((k) => k.name);

/**
 * Resolves a key as written in a file: exact names (case-sensitive, like the shell) and numbered
 * forms of numbered keys (IPADDR2 -> IPADDR, index 2; DNS1 -> DNS, index 1). Leading zeros
 * (IPADDR01) are not a numbered form — neither consumer reads them. Safe for "__proto__" etc.
 */
export function resolveKey(name: string): { key: IfcfgKey; index?: number } | undefined {
  const exact = byName.get(name);
  if (exact) {
    if (exact.numbering && !exact.numbering.bareName) return undefined;
    return { key: exact };
  }
  const m = splitNumber(name);
  if (!m) return undefined;
  const base = byName.get(m[0]);
  if (!base || !base.numbered || !base.numbering) return undefined;
  const index = Number(m[1]);
  if (!Number.isSafeInteger(index) || index < base.numbering.firstIndex) return undefined;
  return { key: base, index };
}

/**
 * `name` as base + number, the way /^([A-Za-z_][A-Za-z0-9_]*?)(0|[1-9][0-9]*)$/ splits it (IPADDR10 →
 * IPADDR + 10, IPADDR01 → IPADDR0 + 1), without that regex: it backtracks quadratically on a long run of
 * digits followed by letters (an 18k-character key took 0.7 s per lookup).
 */
function splitNumber(name: string): [string, string] | undefined {
  let j = name.length;
  while (j > 0 && name.charCodeAt(j - 1) >= 48 && name.charCodeAt(j - 1) <= 57) j--;
  if (j === name.length) return undefined;
  let k = Math.max(j, 1);
  while (k < name.length - 1 && name[k] === '0') k++;
  const base = name.slice(0, k);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(base) ? [base, name.slice(k)] : undefined;
}

/** Table entry for a key as written in a file (numbered forms resolve to their base key). */
export function getKey(name: string): IfcfgKey | undefined {
  return resolveKey(name)?.key;
}

/** Table entry by its base name (also for keys like DNS that are only valid with a number). */
export function getKeyEntry(baseName: string): IfcfgKey | undefined {
  return byName.get(baseName);
}

/** Whether a key applies to a file of the given role. */
export function keyAppliesToRole(key: IfcfgKey, role: IfaceRole): boolean {
  if (role === 'member' && key.ipConfig) return false;
  return key.roles.includes('any') || key.roles.includes(role);
}
