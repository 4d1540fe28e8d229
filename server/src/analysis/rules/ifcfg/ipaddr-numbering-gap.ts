import type { Finding, IfcfgRule } from '../types';
import { effective, liveAssignments, renameKey, resolveKeyCached } from './util';

/** Keys that belong to one numbered address and follow its number. */
const COMPANIONS = ['IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY', 'ARPCHECK'];

/**
 * C8: IPADDR0, IPADDR1, IPADDR3 — both consumers read IPADDR, IPADDR0 and IPADDR1 and then count up
 * from 2, stopping at the first missing number, so everything after a gap is ignored.
 */
const rule: IfcfgRule = {
  id: 'ipaddr-numbering-gap',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Gap in IPADDRn numbering',
  catalogue: ['C8'],
  check(ctx) {
    const indices = new Set<number>();
    for (const a of liveAssignments(ctx)) {
      const r = resolveKeyCached(a.key);
      if (r?.key.name === 'IPADDR' && r.index !== undefined && a.valueOk && a.value !== '') indices.add(r.index);
    }
    const from = 2;
    let gap = from;
    while (indices.has(gap)) gap++;
    const ignored = [...indices].filter((i) => i > gap).sort((x, y) => x - y);
    if (!ignored.length) return [];
    const out: Finding[] = [];
    for (const i of ignored) {
      const a = effective(ctx, `IPADDR${i}`);
      if (!a) continue;
      out.push({
        range: a.keyRange,
        message: `IPADDR${gap} is missing, and initscripts and NetworkManager both stop counting at the first missing number from 2 on: IPADDR${i} (and its PREFIX${i}/NETMASK${i}) is silently ignored. Number the addresses without gaps.`,
        data: i === ignored[0] ? { from: i, to: gap } : undefined,
      });
    }
    return out;
  },
  fix(f, ctx) {
    const from = f.data?.from;
    const to = f.data?.to;
    if (typeof from !== 'number' || typeof to !== 'number') return [];
    const edits = [];
    for (const k of COMPANIONS) {
      for (const a of liveAssignments(ctx)) if (a.key === `${k}${from}`) edits.push(renameKey(a, `${k}${to}`));
    }
    return edits.length ? [{ title: `Renumber address ${from} as ${to}`, edits }] : [];
  },
};
export default rule;
