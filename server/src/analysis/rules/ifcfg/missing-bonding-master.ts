import type { IfcfgRule } from '../types';
import { addKeyEdit, anchor, bondByContent, boolOf, effective, nmValue, replaceValue, valueRange } from './util';

/**
 * C4: a bond without BONDING_MASTER=yes. NetworkManager does not need it with TYPE=Bond and
 * initscripts never reads it, but RHEL documents it and NetworkManager writes it.
 */
const rule: IfcfgRule = {
  id: 'missing-bonding-master',
  language: 'ifcfg',
  severity: 'info',
  title: 'Bond without BONDING_MASTER=yes',
  catalogue: ['C4'],
  check(ctx) {
    if (ctx.role !== 'bond' || !bondByContent(ctx)) return [];
    const bm = effective(ctx, 'BONDING_MASTER');
    if (bm && !bm.valueOk) return [];
    const v = boolOf(bm, 'nm');
    if (v === true || (bm && bm.value !== '' && v === undefined)) return []; // on/off etc.: boolean-spelling reports it
    const type = nmValue(effective(ctx, 'TYPE')).toLowerCase();
    // Adding BONDING_MASTER=yes next to another TYPE makes NetworkManager reject the profile.
    const typeOk = type === '' || type === 'bond' || (type === 'ethernet' && nmValue(effective(ctx, 'BONDING_OPTS')) !== '');
    return [{
      range: bm ? valueRange(bm) : anchor(ctx, ['TYPE', 'DEVICE']),
      message: `${bm ? `BONDING_MASTER=${bm.value}` : 'No BONDING_MASTER=yes'} in a bond file. initscripts never reads it and NetworkManager does not need it with TYPE=Bond, but RHEL documents a bond as TYPE=Bond plus BONDING_MASTER=yes and NetworkManager writes both.`
        + (typeOk ? ' Add BONDING_MASTER=yes.' : ' Fix TYPE first (TYPE=Bond): next to any other TYPE, BONDING_MASTER=yes makes NetworkManager reject the profile.'),
      data: typeOk ? { fix: true } : undefined,
    }];
  },
  fix(f, ctx) {
    if (!f.data?.fix) return [];
    const bm = effective(ctx, 'BONDING_MASTER');
    const edit = bm ? replaceValue(ctx, bm, 'yes') : addKeyEdit(ctx, 'BONDING_MASTER=yes', ['TYPE', 'DEVICE']);
    return [{ title: 'Set BONDING_MASTER=yes', edits: [edit], safe: true, preferred: true }];
  },
};
export default rule;
