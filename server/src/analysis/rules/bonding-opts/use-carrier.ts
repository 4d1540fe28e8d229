import type { IfcfgRule } from '../types';
import { optsOf, removeTokenFix, tokenOf } from './util';

/** E18: use_carrier=0 is obsolete and refused by recent kernels. */
const rule: IfcfgRule = {
  id: 'bonding-opts-use-carrier',
  language: 'ifcfg',
  severity: 'warning',
  title: 'use_carrier=0 (obsolete)',
  catalogue: ['E18'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    return opts.sim.verdicts
      .filter((v) => v.token.key === 'use_carrier' && v.outcome === 'accepted' && /^\s*(0|off)\s*$/.test(v.token.value ?? ''))
      .map((v) => ({ range: v.token.range, message: `'${v.token.text}' makes the bond poll link state through old MII/ethtool ioctls instead of the carrier flag. It is obsolete, and kernels from 2025 on refuse it. Remove it.`, data: { token: v.token.index } }));
  },
  fix: (f, ctx) => { const t = tokenOf(ctx, f); return t ? removeTokenFix(ctx, t) : []; },
};
export default rule;
