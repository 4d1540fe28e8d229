import type { IfcfgRule } from '../types';
import { optsOf } from './util';

/** E9 (BONDING_OPTS part): arp_validate / arp_all_targets without ARP monitoring do nothing. */
const rule: IfcfgRule = {
  id: 'bonding-opts-arp-validate-without-arp',
  language: 'ifcfg',
  severity: 'warning',
  title: 'ARP validation without ARP monitoring',
  catalogue: ['E9'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts || opts.sim.state.arpInterval > 0) return [];
    return opts.sim.verdicts
      .filter((v) => (v.token.key === 'arp_validate' || v.token.key === 'arp_all_targets') && v.outcome === 'accepted' && !/^\s*(none|0)\s*$/.test(v.token.value ?? ''))
      .map((v) => ({ range: v.token.range, message: `'${v.token.text}' only matters with ARP monitoring, and arp_interval ends up 0 here, so it does nothing. (In modprobe.d, arp_validate without arp_interval even stops the bonding module from loading.)` }));
  },
};
export default rule;
