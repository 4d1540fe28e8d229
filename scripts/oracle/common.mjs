// What the oracle case generators share: the seeded PRNG (mulberry32: the same seed gives the same
// cases), every bonding option of reference/bonding-options.json (38), and the mode names.
export const ALL_OPTIONS = [
  'mode', 'miimon', 'updelay', 'downdelay', 'peer_notif_delay', 'use_carrier', 'arp_interval',
  'arp_ip_target', 'ns_ip6_target', 'arp_validate', 'arp_all_targets', 'arp_missed_max', 'primary',
  'primary_reselect', 'fail_over_mac', 'xmit_hash_policy', 'lacp_rate', 'lacp_active', 'ad_select',
  'ad_actor_sys_prio', 'ad_actor_system', 'ad_user_port_key', 'coupled_control', 'broadcast_neighbor',
  'min_links', 'num_grat_arp', 'num_unsol_na', 'resend_igmp', 'all_slaves_active', 'packets_per_slave',
  'lp_interval', 'tlb_dynamic_lb', 'active_slave', 'queue_id', 'prio', 'slaves', 'max_bonds', 'tx_queues',
];

export const MODE_NAMES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

export function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
