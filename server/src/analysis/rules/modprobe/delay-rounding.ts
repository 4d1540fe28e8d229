import type { Finding, Fix, ModprobeRule } from '../types';
import { bondingAnalysis, relatedElsewhere, scopeNote, setIn } from './bonding-load';
import { replaceIn } from './edits';

/** E10 (module path): updelay/downdelay not a multiple of miimon are rounded down at load. */
const rule: ModprobeRule = {
  id: 'modprobe-delay-not-multiple',
  language: 'modprobe',
  severity: 'warning',
  title: 'updelay/downdelay not a multiple of miimon',
  catalogue: ['E10'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      if (m.modeInvalid || m.miimon <= 0) continue;
      for (const name of ['updelay', 'downdelay'] as const) {
        const u = m.last.get(name);
        const v = m[name];
        if (!u || !m.own(u) || v <= 0 || v % m.miimon === 0) continue;
        const down = Math.floor(v / m.miimon) * m.miimon;
        const up = down + m.miimon;
        const from = m.miimonForced ? `, forced by mode ${m.mode.name}${setIn(m, m.modeUse)}` : m.miimonUse && !m.here(m.miimonUse) ? `, set in ${m.miimonUse.doc.fileName}` : '';
        out.push({
          range: u.tok.range,
          related: relatedElsewhere(m, [m.miimonForced ? m.modeUse : m.miimonUse]),
          message: `${name}=${v} is not a multiple of miimon (${m.miimon}${from}): the delay is counted in whole miimon periods, so at load the kernel warns and uses ${down} ms${scopeNote(m)}. Write ${down} or ${up}.`,
          data: { order: u.order, down, up },
        });
      }
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const t = u?.tok;
    if (!t?.valueRange || t.value === undefined) return [];
    const fixes: Fix[] = [];
    for (const [to, title, preferred] of [[f.data?.down, 'what the kernel uses', true], [f.data?.up, 'the next multiple', false]] as const) {
      if (typeof to !== 'number') continue;
      const e = replaceIn(ctx, t.valueRange, t.value, String(to));
      if (e) fixes.push({ title: `Write ${u.param!.name}=${to} (${title})`, edits: [e], preferred });
    }
    return fixes;
  },
};
export default rule;
