// The seven bonding modes. Facts from drivers/net/bonding (bond_options.c mode table, bond_main.c
// bond_mode_name(), include/net/bonding.h helpers) and Documentation/networking/bonding.rst;
// all prose written for this product.
import { kernelParseTableValue, type KernelValueTable } from './parse';

export type ModeName = 'balance-rr' | 'active-backup' | 'balance-xor' | 'broadcast' | '802.3ad' | 'balance-tlb' | 'balance-alb';
export type ModeNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** What the switch ports facing the members need. */
export type SwitchConfig =
  /** Ports grouped into a static (non-LACP) link aggregation: EtherChannel "mode on", trunk group. */
  | 'static-lag'
  /** Ports grouped into an LACP (IEEE 802.3ad/802.1AX) aggregation. */
  | 'lacp'
  /** Ordinary access/trunk ports; members may even sit on different switches. */
  | 'none';

export interface BondMode {
  name: ModeName;
  number: ModeNumber;
  /** Short human title, e.g. "Round-robin". */
  title: string;
  /** One line for quick picks and completion details. */
  summary: string;
  /** What the mode does (markdown, 2-4 sentences). */
  behaviour: string;
  /** What the switch side needs. */
  switchRequirements: string;
  /** Machine-readable form of {@link switchRequirements}. */
  switchConfig: SwitchConfig;
  faultTolerance: string;
  loadBalancing: string;
  macBehaviour: string;
  /** Member drivers must report speed/duplex through ethtool (bond_needs_speed_duplex(): 4, 5, 6). */
  needsEthtoolSpeed: boolean;
  typicalUse: string;
  /**
   * When the bond ends up with no link monitor, the kernel forces miimon=100 (at module load, and
   * when the mode is switched to it through sysfs/netlink). True for 802.3ad, balance-tlb, balance-alb.
   */
  forcesMiimon: boolean;
  /** ARP monitoring (arp_interval & co.) is allowed (bond_mode_uses_arp(): modes 0-3). */
  supportsArpMonitoring: boolean;
  /** primary / active_slave / prio are meaningful and accepted (bond_mode_uses_primary(): 1, 5, 6). */
  usesPrimary: boolean;
  /** xmit_hash_policy can pick the transmit member (bond_mode_can_use_xmit_hash(): 2, 4, 5, 6; tlb/alb only with tlb_dynamic_lb=0). */
  usesXmitHash: boolean;
  /** Putting the bond into promiscuous mode affects every member (0, 2, 3, 4) rather than only the active one (1, 5, 6). */
  promiscuousAllMembers: boolean;
  /** The text the kernel prints on the "Bonding Mode:" line of /proc/net/bonding/<bond> (bond_mode_name()). */
  procName: string;
}

export const MODES: readonly BondMode[] = [
  {
    name: 'balance-rr',
    number: 0,
    title: 'Round-robin',
    summary: 'Rotates transmitted packets across all members; needs a static LAG on the switch.',
    behaviour:
      'Outgoing packets are handed to the members in turn, `packets_per_slave` at a time (default 1; `0` picks a random member for each packet). ' +
      'Because a single TCP flow is spread over several links, its segments can arrive out of order, which costs throughput through retransmits unless the peer tolerates reordering. ' +
      'What comes back in is decided entirely by the switch.',
    switchRequirements:
      'The member ports must form one static link aggregation group (EtherChannel "mode on", or a static trunk). Without it the switch sees the bond MAC flapping between ports.',
    switchConfig: 'static-lag',
    faultTolerance: 'Yes: a member whose link is detected as down (via miimon or ARP monitoring) is left out of the rotation.',
    loadBalancing: 'Transmit: per packet across all members. Receive: up to the switch\'s own hashing.',
    macBehaviour: 'Every member carries the bond\'s MAC address.',
    needsEthtoolSpeed: false,
    typicalUse: 'Squeezing the most out of a single flow over a static LAG or back-to-back cables, where packet reordering is acceptable.',
    forcesMiimon: false,
    supportsArpMonitoring: true,
    usesPrimary: false,
    usesXmitHash: false,
    promiscuousAllMembers: true,
    procName: 'load balancing (round-robin)',
  },
  {
    name: 'active-backup',
    number: 1,
    title: 'Active-backup',
    summary: 'One member carries all traffic; a standby takes over when it fails. No switch setup needed.',
    behaviour:
      'Exactly one member is active at any time; the others stay idle until the active one is detected as failed, and then one of them is promoted. ' +
      'On a switch-over the bond announces the move with gratuitous ARPs / unsolicited neighbour advertisements (`num_grat_arp`, also for VLANs on top) so peers and switches relearn the path. ' +
      '`primary` pins a preferred member, and `primary_reselect` decides when it wins back the active role.',
    switchRequirements: 'Nothing special. Members can be cabled to two independent switches, which is the usual way to survive a switch failure.',
    switchConfig: 'none',
    faultTolerance: 'Yes — this is the mode built purely for redundancy.',
    loadBalancing: 'None: capacity equals a single member link.',
    macBehaviour:
      'The bond MAC is only ever visible on the active port. By default all members are programmed with that same MAC; `fail_over_mac=active` or `follow` changes that for NICs or hypervisors that dislike MAC rewrites.',
    needsEthtoolSpeed: false,
    typicalUse: 'High availability for servers attached to one or two switches without any LAG/MLAG configuration.',
    forcesMiimon: false,
    supportsArpMonitoring: true,
    usesPrimary: true,
    usesXmitHash: false,
    promiscuousAllMembers: false,
    procName: 'fault-tolerance (active-backup)',
  },
  {
    name: 'balance-xor',
    number: 2,
    title: 'XOR hash',
    summary: 'Hashes each flow or peer onto one member (xmit_hash_policy); needs a static LAG.',
    behaviour:
      'Each outgoing packet goes to the member selected by the `xmit_hash_policy` hash, so one conversation always uses the same link and stays in order. ' +
      'With the default `layer2` policy the hash combines the source and destination MACs and the packet type, modulo the number of members, so all traffic to a single gateway MAC lands on one link; `layer2+3` or `layer3+4` spread better. ' +
      'Incoming traffic is distributed by the switch.',
    switchRequirements: 'Member ports grouped into a static link aggregation (EtherChannel "mode on" / static trunk), not LACP.',
    switchConfig: 'static-lag',
    faultTolerance: 'Yes: a failed member is dropped from the hash and its flows move to the survivors.',
    loadBalancing: 'Transmit: per flow or per peer, depending on the hash policy. Receive: decided by the switch.',
    macBehaviour: 'All members share the bond\'s MAC address.',
    needsEthtoolSpeed: false,
    typicalUse: 'Static link aggregation with in-order delivery when the switch cannot (or must not) run LACP.',
    forcesMiimon: false,
    supportsArpMonitoring: true,
    usesPrimary: false,
    usesXmitHash: true,
    promiscuousAllMembers: true,
    procName: 'load balancing (xor)',
  },
  {
    name: 'broadcast',
    number: 3,
    title: 'Broadcast',
    summary: 'Sends every frame out of every member; redundancy only, no extra bandwidth.',
    behaviour:
      'Each outgoing frame is duplicated onto all members. ' +
      'It tolerates a member failure without any switch-over delay, but the peer receives duplicate copies, so it only makes sense for special designs such as two isolated networks carrying the same traffic.',
    switchRequirements: 'Generally the member ports must be grouped (static LAG) when they land on the same switch; otherwise the switch sees one MAC on several ports.',
    switchConfig: 'static-lag',
    faultTolerance: 'Yes, with no switch-over at all: the copy on the surviving link simply keeps arriving.',
    loadBalancing: 'None: every link carries the full load.',
    macBehaviour: 'All members share the bond\'s MAC address.',
    needsEthtoolSpeed: false,
    typicalUse: 'Niche redundancy setups (e.g. duplicated networks) that can cope with duplicate frames.',
    forcesMiimon: false,
    supportsArpMonitoring: true,
    usesPrimary: false,
    usesXmitHash: false,
    promiscuousAllMembers: true,
    procName: 'fault-tolerance (broadcast)',
  },
  {
    name: '802.3ad',
    number: 4,
    title: 'LACP (IEEE 802.3ad / 802.1AX)',
    summary: 'Dynamic link aggregation negotiated with LACP; the switch ports must form an LACP port-channel.',
    behaviour:
      'The bond negotiates with the link partner using LACPDUs and builds aggregators from members that share the same speed and duplex; only one aggregator (chosen by `ad_select`) carries traffic at a time. ' +
      'Within it, the transmit member is picked by `xmit_hash_policy`, so a flow stays on one link. ' +
      'Link monitoring must be MII based: ARP monitoring is refused in this mode, and the kernel falls back to `miimon=100` if no monitor was configured.',
    switchRequirements: 'The switch ports must be members of an LACP aggregation (port-channel / LAG in LACP active or passive mode). A static LAG is not enough.',
    switchConfig: 'lacp',
    faultTolerance: 'Yes: LACP and the MII monitor both remove a failed or mis-cabled link from the aggregator.',
    loadBalancing: 'Transmit: per flow via the hash policy. Receive: spread by the partner switch\'s own hash.',
    macBehaviour: 'All members share the bond\'s MAC address; `ad_actor_system` can override the system MAC advertised in LACPDUs.',
    needsEthtoolSpeed: true,
    typicalUse: 'The standard choice for bandwidth plus redundancy towards a switch (or MLAG pair) that speaks LACP.',
    forcesMiimon: true,
    supportsArpMonitoring: false,
    usesPrimary: false,
    usesXmitHash: true,
    promiscuousAllMembers: true,
    procName: 'IEEE 802.3ad Dynamic link aggregation',
  },
  {
    name: 'balance-tlb',
    number: 5,
    title: 'Adaptive transmit load balancing',
    summary: 'Spreads outgoing traffic by member load; all incoming traffic arrives on one member. No switch setup.',
    behaviour:
      'Outgoing traffic is distributed according to each member\'s current load relative to its speed (`tlb_dynamic_lb=1`, the default) or purely by the transmit hash (`tlb_dynamic_lb=0`). ' +
      'Incoming traffic is received only by the current active member; if it fails, another member takes over its MAC address. ' +
      'ARP monitoring is refused; the kernel enables `miimon=100` when no monitor is set.',
    switchRequirements: 'Nothing special on the switch.',
    switchConfig: 'none',
    faultTolerance: 'Yes: the active receiver is replaced and transmit load moves to the remaining members.',
    loadBalancing: 'Transmit: yes, adaptive or hashed. Receive: no, everything comes in on the active member.',
    macBehaviour: 'Each member keeps its own MAC address; the bond\'s MAC belongs to the member that receives.',
    needsEthtoolSpeed: true,
    typicalUse: 'Adding outbound capacity (e.g. to many clients) without touching switch configuration.',
    forcesMiimon: true,
    supportsArpMonitoring: false,
    usesPrimary: true,
    usesXmitHash: true,
    promiscuousAllMembers: false,
    procName: 'transmit load balancing',
  },
  {
    name: 'balance-alb',
    number: 6,
    title: 'Adaptive load balancing',
    summary: 'balance-tlb plus IPv4 receive balancing via ARP rewriting. No switch setup.',
    behaviour:
      'Transmit works as in balance-tlb. On top of that, the bond balances incoming IPv4 traffic by answering ARP requests with different member MACs for different peers, so each peer sends to its own member. ' +
      'When members join or leave, peers are re-taught with new ARP replies. IPv6 traffic is not receive-balanced.',
    switchRequirements:
      'Nothing special on the switch. Set `updelay` at least as long as the switch port needs to start forwarding, otherwise peers can be pointed at a member that is not passing traffic yet.',
    switchConfig: 'none',
    faultTolerance: 'Yes: traffic of a failed member, in both directions, is moved to the survivors.',
    loadBalancing: 'Transmit: adaptive (or hashed with `tlb_dynamic_lb=0`). Receive: per IPv4 peer, via ARP replies.',
    macBehaviour:
      'Members keep distinct MAC addresses, and the bond rewrites member MACs while they are up, so the NIC drivers must allow changing the MAC address while the device is open.',
    needsEthtoolSpeed: true,
    typicalUse: 'Two-way load sharing for IPv4 hosts on plain switch ports where LACP is not available.',
    forcesMiimon: true,
    supportsArpMonitoring: false,
    usesPrimary: true,
    usesXmitHash: true,
    promiscuousAllMembers: false,
    procName: 'adaptive load balancing',
  },
];

/** Mode names in kernel order (index = mode number). */
export const MODE_NAMES: readonly ModeName[] = MODES.map((m) => m.name);

const byName = new Map<string, BondMode>(MODES.map((m) => [m.name, m]));

/** The kernel's value table for `mode` (balance-rr is flagged as default). */
export const MODE_TABLE: KernelValueTable = {
  entries: MODES.map((m) => ({ name: m.name, number: m.number, isDefault: m.number === 0 })),
};

export function modeByNumber(n: number): BondMode | undefined {
  return Number.isInteger(n) && n >= 0 && n < MODES.length ? MODES[n] : undefined;
}

/** Exact, case-sensitive lookup, as the kernel compares names ("802.3AD" or "Balance-RR" are not modes). */
export function modeByName(name: string): BondMode | undefined {
  return byName.get(name);
}

/**
 * Resolves a mode value the way the kernel does for a sysfs write or the `mode=` module parameter
 * (bond_opt_parse()): a name (case-sensitive), its decimal number ("4", also "04" or " 4 "), or the
 * word "default" (= balance-rr). Leading whitespace is skipped, anything after the first word or
 * number and after a newline is ignored. Signs, hex and decimals ("+4", "0x4", "4.0") are rejected.
 */
export function parseModeValue(value: string): BondMode | undefined {
  const r = kernelParseTableValue(MODE_TABLE, value);
  return r.ok ? modeByNumber(r.number) : undefined;
}
