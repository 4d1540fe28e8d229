import type { IfcfgRule } from '../types';
import { optsOf, textAt } from './util';

/** E17: tabs, newlines, several spaces or several '=' — places where initscripts and NetworkManager split differently. */
const rule: IfcfgRule = {
  id: 'bonding-opts-separator',
  language: 'ifcfg',
  severity: 'warning',
  title: 'BONDING_OPTS separators that the two consumers read differently',
  catalogue: ['E17'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    return opts.split.differences.map((d) => ({
      range: d.range,
      message: d.message,
      severity: d.kind === 'double-space' ? 'info' as const : 'warning' as const,
      data: { kind: d.kind },
    }));
  },
  fix(f, ctx) {
    if (f.data?.kind !== 'tab' && f.data?.kind !== 'double-space') return [];
    const t = textAt(ctx, f.range);
    if (t === undefined || !/^[ \t]+$/.test(t)) return [];
    return [{ title: 'Use a single space', edits: [{ range: f.range, newText: ' ' }], safe: true, preferred: true }];
  },
};
export default rule;
