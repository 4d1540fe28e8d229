import type { IfcfgRule } from '../types';
import { effective, hasValue } from './util';

/** D6: MACADDR on a bond member — the bond reprograms member MACs; in balance-tlb/alb it can duplicate MACs. */
const rule: IfcfgRule = {
  id: 'member-macaddr',
  language: 'ifcfg',
  severity: 'warning',
  title: 'MACADDR on a bond member',
  catalogue: ['D6'],
  check(ctx) {
    if (ctx.role !== 'member') return [];
    const m = effective(ctx, 'MACADDR');
    if (!hasValue(m)) return [];
    return [{
      range: m.keyRange,
      message: `MACADDR on a bond member does not stick: the bonding driver gives members the bond's MAC (except in balance-tlb/balance-alb or with fail_over_mac), and in balance-tlb/balance-alb a forced member MAC can end up duplicated. Set MACADDR in the bond's file instead.`,
    }];
  },
};
export default rule;
