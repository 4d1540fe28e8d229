import type { IfcfgRule } from '../types';
import { assignmentRange, boolOf, effective, liveAssignments, replaceValue } from './util';

/** C2: `TYPE=Bonding` (from bonding.rst's DHCP example). NetworkManager only knows `Bond`. */
const rule: IfcfgRule = {
  id: 'type-bonding',
  language: 'ifcfg',
  severity: 'error',
  title: 'TYPE=Bonding instead of TYPE=Bond',
  catalogue: ['C2'],
  check(ctx) {
    const t = effective(ctx, 'TYPE');
    if (!t || !t.valueOk || t.value.toLowerCase() !== 'bonding') return [];
    const master = boolOf(effective(ctx, 'BONDING_MASTER'), 'nm') === true;
    return [{
      range: assignmentRange(t),
      message: `NetworkManager knows no TYPE '${t.value}': ${master
        ? 'together with BONDING_MASTER=yes it rejects the profile ("BONDING_MASTER=yes key only allowed in TYPE=bond connections")'
        : 'it does not recognise the file and leaves the device unmanaged'}. initscripts ignores TYPE for bonds, so this works with the network service and breaks once NetworkManager takes over. Write TYPE=Bond.`,
    }];
  },
  fix(f, ctx) {
    const t = liveAssignments(ctx).find((a) => a.line === f.range.start.line && a.key === 'TYPE');
    return t ? [{ title: 'Write TYPE=Bond', edits: [replaceValue(ctx, t, 'Bond')], safe: true, preferred: true }] : [];
  },
};
export default rule;
