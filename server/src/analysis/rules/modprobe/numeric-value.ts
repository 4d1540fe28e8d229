import { getOption } from '../../kb/options';
import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';
import { replaceIn } from './edits';

/** E20: `options bonding mode=4` — valid, but the name says what it means. */
const rule: ModprobeRule = {
  id: 'modprobe-numeric-value',
  language: 'modprobe',
  severity: 'info',
  title: 'Named value written as a number',
  catalogue: ['E20'],
  check(ctx) {
    const out: Finding[] = [];
    for (const u of bondingAnalysis(ctx).uses) {
      if (u.param?.type !== 'charp' || u.tok.value === undefined || !/^\d+$/.test(u.tok.value)) continue;
      const opt = getOption(u.param.name);
      if (!opt?.values || opt.kind === 'boolean-int') continue;
      const named = opt.values.find((v) => v.number === Number(u.tok.value));
      if (!named) continue;
      out.push({
        range: u.tok.range,
        message: `${u.param.name}=${u.tok.value} means ${u.param.name}=${named.name}. The kernel accepts both, but the name is what readers (and NetworkManager, kernel logs, /proc/net/bonding) use.`,
        data: { order: u.order, name: named.name },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const name = f.data?.name;
    if (!u?.tok.valueRange || u.tok.value === undefined || typeof name !== 'string') return [];
    const e = replaceIn(ctx, u.tok.valueRange, u.tok.value, name);
    return e ? [{ title: `Write ${u.param!.name}=${name}`, edits: [e], safe: true, preferred: true }] : [];
  },
};
export default rule;
