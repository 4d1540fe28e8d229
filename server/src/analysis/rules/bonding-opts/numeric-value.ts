import { getOption } from '../../kb/options';
import type { IfcfgRule } from '../types';
import { optsOf, replaceIn, tokenOf } from './util';

/** E20: `mode=4`, `xmit_hash_policy=1`: valid, but the name says what it means. */
const rule: IfcfgRule = {
  id: 'bonding-opts-numeric-value',
  language: 'ifcfg',
  severity: 'info',
  title: 'Named value written as a number',
  catalogue: ['E20'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    return opts.sim.verdicts.flatMap((v) => {
      const opt = getOption(v.token.key);
      if (v.outcome !== 'accepted' || !opt?.values || opt.kind === 'boolean-int' || !/^\d+$/.test(v.token.value ?? '')) return [];
      const named = opt.values.find((x) => x.number === Number(v.token.value));
      if (!named) return [];
      return [{ range: v.token.valueRange ?? v.token.range, message: `${opt.name}=${v.token.value} means ${named.name}. The name reads better in reviews and is what NetworkManager writes back.`, data: { token: v.token.index, name: named.name } }];
    });
  },
  fix(f, ctx) {
    const t = tokenOf(ctx, f);
    const name = f.data?.name;
    if (!t?.valueRange || t.value === undefined || typeof name !== 'string') return [];
    const e = replaceIn(ctx, t.valueRange, t.value, name);
    return e ? [{ title: `Write ${t.key}=${name}`, edits: [e], safe: true, preferred: true }] : [];
  },
};
export default rule;
