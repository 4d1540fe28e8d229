import type { Finding, IfcfgRule } from '../types';
import { boolOf, effective, hasValue } from './util';

/** D10: a bond member that is also configured as a bridge port or a VLAN. */
const rule: IfcfgRule = {
  id: 'member-bridge-or-vlan',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Bond member configured as a bridge port or VLAN',
  catalogue: ['D10'],
  check(ctx) {
    if (ctx.role !== 'member') return [];
    const out: Finding[] = [];
    const br = effective(ctx, 'BRIDGE');
    if (hasValue(br)) {
      out.push({
        range: br.keyRange,
        message: `BRIDGE=${br.value} on a bond member is ignored: initscripts leaves the member's ifup right after enslaving, before the bridge step, and a NIC cannot be a bond port and a bridge port at once. Put BRIDGE=${br.value} in the bond's file.`,
      });
    }
    const vlan = effective(ctx, 'VLAN');
    if (vlan && boolOf(vlan, 'initscripts') === true) {
      out.push({
        range: vlan.keyRange,
        message: 'VLAN=yes on a bond member: a member is a physical port of the bond and cannot be a VLAN interface at the same time. Configure the VLAN on top of the bond (e.g. ifcfg-bond0.100 with VLAN=yes).',
      });
    }
    return out;
  },
};
export default rule;
