import type { IfcfgRule } from '../types';
import { optsOf } from './util';

/** E7: several arp_ip_target= entries: initscripts adds them all, NetworkManager keeps the last. */
const rule: IfcfgRule = {
  id: 'bonding-opts-repeated-arp-target',
  language: 'ifcfg',
  severity: 'warning',
  title: 'arp_ip_target given more than once',
  catalogue: ['E7'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const all = opts.split.tokens.filter((t) => t.key === 'arp_ip_target');
    if (all.length < 2) return [];
    const merged = all.map((t) => (t.value ?? '').replace(/^\+/, '')).filter(Boolean).join(',');
    return all.slice(0, -1).map((t) => ({
      range: t.range,
      message: `arp_ip_target appears ${all.length} times: initscripts adds every one, but NetworkManager keeps only the last (${all[all.length - 1].text}), so the two consumers probe different targets. Use one list: arp_ip_target=${merged}.`,
      data: { token: t.index },
    }));
  },
};
export default rule;
