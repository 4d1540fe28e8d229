import type { IfcfgRule } from '../types';
import { optsOf } from './util';

/** E14: num_grat_arp and num_unsol_na are one setting under two names. */
const rule: IfcfgRule = {
  id: 'bonding-opts-grat-arp-alias',
  language: 'ifcfg',
  severity: 'warning',
  title: 'num_grat_arp and num_unsol_na disagree',
  catalogue: ['E14'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const a = opts.split.tokens.filter((t) => t.key === 'num_grat_arp');
    const b = opts.split.tokens.filter((t) => t.key === 'num_unsol_na');
    if (!a.length || !b.length) return [];
    const la = a[a.length - 1];
    const lb = b[b.length - 1];
    if (la.value === lb.value) return [];
    const later = la.index > lb.index ? la : lb;
    const earlier = later === la ? lb : la;
    return [{ range: earlier.range, message: `num_grat_arp and num_unsol_na are the same kernel setting: '${later.text}' comes later and overrides '${earlier.text}' (NetworkManager refuses different values). Give them the same value or keep one.` }];
  },
};
export default rule;
