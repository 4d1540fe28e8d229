import type { IfcfgRule } from '../types';
import { boolOf, effective, hasValue } from './util';

/**
 * D5: HWADDR on a bond member. initscripts compares it with the NIC's current MAC and aborts ifup
 * on a mismatch; once enslaved, most modes give the member the bond's MAC. NetworkManager matches
 * the permanent MAC and is not affected.
 */
const rule: IfcfgRule = {
  id: 'member-hwaddr',
  language: 'ifcfg',
  severity: 'info',
  title: 'HWADDR on a bond member',
  catalogue: ['D5'],
  check(ctx) {
    if (ctx.role !== 'member') return [];
    const h = effective(ctx, 'HWADDR');
    if (!hasValue(h)) return [];
    const initscripts = boolOf(effective(ctx, 'NM_CONTROLLED'), 'initscripts') === false;
    return [{
      range: h.keyRange,
      message: `HWADDR on a bond member: initscripts compares it with the NIC's current MAC and aborts ifup when they differ, and once enslaved the NIC usually carries the bond's MAC, so re-running 'ifup ${ctx.deviceName}' can fail${initscripts ? ' — and this file is run by initscripts (NM_CONTROLLED=no)' : ''}. NetworkManager matches the permanent MAC and is not affected. Keep it the permanent MAC and unique, or match by DEVICE alone.`,
    }];
  },
};
export default rule;
