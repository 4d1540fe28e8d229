import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, relatedElsewhere, scopeNote, setIn } from './bonding-load';

/** E10 (module path): updelay/downdelay while MII monitoring is off — the kernel only warns. */
const rule: ModprobeRule = {
  id: 'modprobe-delay-without-miimon',
  language: 'modprobe',
  severity: 'warning',
  title: 'updelay/downdelay without miimon',
  catalogue: ['E10'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      if (m.modeInvalid || m.miimon > 0) continue;
      for (const name of ['updelay', 'downdelay'] as const) {
        const u = m.last.get(name);
        if (!u || !m.own(u) || m[name] <= 0) continue;
        out.push({
          range: u.tok.range,
          related: relatedElsewhere(m, [m.miimonUse]),
          message: `${u.tok.text} has no effect: the delays belong to MII link monitoring, and miimon is ${m.miimonUse ? `0${setIn(m, m.miimonUse)}` : 'not set'}${m.arpInterval > 0 ? ' (ARP monitoring does not use them)' : ''}. At load the kernel only warns "updelay and downdelay have no effect unless miimon is set"${scopeNote(m)}. Set miimon (e.g. miimon=100) or remove the delay.`,
        });
      }
    }
    return out;
  },
};
export default rule;
