import type { IfcfgRule } from '../types';
import { boolOf, effective, isNmBond, liveAssignments, nmValue, replaceValue, valueRange } from './util';

/**
 * C3: `TYPE=Ethernet` on a bond. NetworkManager turns Ethernet + a non-empty BONDING_OPTS into a
 * bond (initscripts' own examples do this), but with BONDING_MASTER=yes and no readable options it
 * rejects the profile.
 */
const rule: IfcfgRule = {
  id: 'bond-type-ethernet',
  language: 'ifcfg',
  severity: 'info',
  title: 'TYPE=Ethernet on a bond',
  catalogue: ['C3'],
  check(ctx) {
    const t = effective(ctx, 'TYPE');
    if (ctx.role !== 'bond' || !t || !t.valueOk || t.value.toLowerCase() !== 'ethernet' || !isNmBond(ctx)) return [];
    const optsEmpty = nmValue(effective(ctx, 'BONDING_OPTS')) === '';
    const master = boolOf(effective(ctx, 'BONDING_MASTER'), 'nm') === true;
    if (optsEmpty && master) {
      return [{
        range: valueRange(t),
        severity: 'warning',
        message: 'TYPE=Ethernet with BONDING_MASTER=yes and no BONDING_OPTS NetworkManager can read: NetworkManager rejects the profile ("BONDING_MASTER=yes key only allowed in TYPE=bond connections"). Write TYPE=Bond.',
      }];
    }
    return [{
      range: valueRange(t),
      message: 'This bond says TYPE=Ethernet. It works (NetworkManager treats Ethernet plus BONDING_OPTS as a bond, initscripts ignores TYPE for bonds), but NetworkManager rejects it as soon as BONDING_OPTS is empty while BONDING_MASTER=yes is set. Write TYPE=Bond.',
    }];
  },
  fix(f, ctx) {
    const t = liveAssignments(ctx).find((a) => a.line === f.range.start.line && a.key === 'TYPE');
    return t ? [{ title: 'Write TYPE=Bond', edits: [replaceValue(ctx, t, 'Bond')], safe: true, preferred: true }] : [];
  },
};
export default rule;
