import type { IfcfgRule } from '../types';
import { assignmentRange, boolOf, effective, hasValue } from './util';

/** D3: SLAVE=yes without MASTER= — nothing enslaves the NIC and the boot-time network service skips it. */
const rule: IfcfgRule = {
  id: 'slave-without-master',
  language: 'ifcfg',
  severity: 'error',
  title: 'SLAVE=yes without MASTER=',
  catalogue: ['D3'],
  check(ctx) {
    const s = effective(ctx, 'SLAVE');
    if (!s || boolOf(s, 'initscripts') !== true || hasValue(effective(ctx, 'MASTER'))) return [];
    if (hasValue(effective(ctx, 'MASTER_UUID'))) {
      return [{
        range: assignmentRange(s),
        severity: 'warning',
        message: `SLAVE=yes with MASTER_UUID but no MASTER=: NetworkManager enslaves ${ctx.deviceName} through the UUID, but initscripts only knows MASTER=, so under the network service the NIC is never enslaved. Add MASTER=<bond>.`,
      }];
    }
    return [{
      range: assignmentRange(s),
      message: `SLAVE=yes but no MASTER=: neither initscripts nor NetworkManager knows which bond to put ${ctx.deviceName} in, and the boot-time network service skips SLAVE=yes files, so the NIC may never come up. Add MASTER=<bond>, or remove SLAVE=yes if this is not a bond member.`,
    }];
  },
};
export default rule;
