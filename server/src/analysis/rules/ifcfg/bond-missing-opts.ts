import type { IfcfgRule } from '../types';
import { anchor, assignmentRange, bondByContent, effective } from './util';

/**
 * C5: a bond without BONDING_OPTS (or with an empty one). initscripts then applies no options, so
 * the module defaults rule (balance-rr, and no link monitoring); NetworkManager uses its own
 * defaults (balance-rr, miimon=100). A badly quoted value is the syntax rules' to report.
 */
const rule: IfcfgRule = {
  id: 'bond-missing-opts',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Bond without BONDING_OPTS',
  catalogue: ['C5'],
  check(ctx) {
    if (ctx.role !== 'bond' || !bondByContent(ctx)) return [];
    const o = effective(ctx, 'BONDING_OPTS');
    if (o && (!o.valueOk || o.value.trim() !== '')) return [];
    return [{
      range: o ? assignmentRange(o) : anchor(ctx, ['TYPE', 'DEVICE']),
      message: `${o ? 'BONDING_OPTS is empty' : 'This bond has no BONDING_OPTS'}: initscripts creates the bond only if it already exists or modprobe.d aliases it to bonding, and then applies no options — balance-rr and, unless modprobe.d says otherwise, no link monitoring (miimon=0). NetworkManager falls back to its own defaults (balance-rr, miimon=100). Set at least the mode and link monitoring, e.g. BONDING_OPTS="mode=active-backup miimon=100".`,
    }];
  },
};
export default rule;
