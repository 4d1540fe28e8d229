import type { IfcfgRule } from '../types';
import { addKeyEdit, anchor, bondByContent, effective, insertLineAfter, isNmBond, nmValue, replaceValue } from './util';

/**
 * C1: a bond (by its name or its BONDING_OPTS) that NetworkManager does not see as a bond: no
 * TYPE=Bond, no BONDING_MASTER=yes and no BONDING_OPTS it can read. TYPE=Bonding is type-bonding's.
 */
const rule: IfcfgRule = {
  id: 'bond-not-recognised',
  language: 'ifcfg',
  severity: 'error',
  title: 'Bond file NetworkManager does not recognise as a bond',
  catalogue: ['C1'],
  check(ctx) {
    if (ctx.role !== 'bond' || !bondByContent(ctx) || isNmBond(ctx)) return [];
    const t = effective(ctx, 'TYPE');
    const type = nmValue(t).toLowerCase();
    if (type !== '' && type !== 'ethernet') return [];
    const opts = effective(ctx, 'BONDING_OPTS');
    const initBond = !!opts && opts.value.trim() !== '';
    const bm = effective(ctx, 'BONDING_MASTER');
    return [{
      range: anchor(ctx, ['TYPE', 'DEVICE']),
      message: `NetworkManager does not see a bond here: there is no TYPE=Bond, no BONDING_MASTER=yes and no BONDING_OPTS it can read${opts && !opts.valueOk ? ' (the badly quoted BONDING_OPTS counts as empty)' : ''}, so it handles ${ctx.deviceName} as a plain Ethernet profile. `
        + (initBond ? 'initscripts still creates the bond from BONDING_OPTS.' : 'initscripts only treats it as a bond with a non-empty BONDING_OPTS (or a modprobe.d alias to bonding).')
        + ' Write TYPE=Bond' + (bm ? '.' : ' and BONDING_MASTER=yes.'),
      data: { noBondingMaster: !bm },
    }];
  },
  fix(f, ctx) {
    const t = effective(ctx, 'TYPE');
    const addMaster = f.data?.noBondingMaster === true;
    const edits = t
      ? [replaceValue(ctx, t, 'Bond'), ...(addMaster ? [insertLineAfter(ctx, t.line, 'BONDING_MASTER=yes')] : [])]
      : [addKeyEdit(ctx, addMaster ? ['TYPE=Bond', 'BONDING_MASTER=yes'] : ['TYPE=Bond'], ['DEVICE'])];
    return [{ title: addMaster ? 'Write TYPE=Bond and BONDING_MASTER=yes' : 'Write TYPE=Bond', edits, preferred: true }];
  },
};
export default rule;
