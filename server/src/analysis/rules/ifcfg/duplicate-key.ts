import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Finding, IfcfgRule } from '../types';
import { assignmentRange, effective, effectiveAssignments, liveAssignments, removeLine } from './util';

/** A4: the same key twice; the last assignment wins in bash and NetworkManager, the earlier one is dead. */
const rule: IfcfgRule = {
  id: 'duplicate-key',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Key assigned more than once',
  catalogue: ['A4'],
  check(ctx) {
    const out: Finding[] = [];
    const live = liveAssignments(ctx);
    // One winner per live assignment: no key is assigned twice.
    if (effectiveAssignments(ctx).length === live.length) return out;
    for (const a of live) {
      const winner = effective(ctx, a.key);
      if (!winner || winner === a) continue;
      const same = winner.value === a.value;
      out.push({
        range: assignmentRange(a),
        message: `${a.key} is assigned again on line ${winner.line + 1}, and the last assignment wins (in bash and in NetworkManager, which logs the duplicate): this one is ignored`
          + (same ? '.' : `, so ${a.key} is '${winner.value}', not '${a.value}'.`) + ' Remove the line that is wrong.',
        tags: [DiagnosticTag.Unnecessary],
        related: [{ location: { uri: ctx.uri, range: assignmentRange(winner) }, message: `${a.key} assignment that takes effect` }],
      });
    }
    return out;
  },
  fix(f, ctx) {
    const line = f.range.start.line;
    const a = liveAssignments(ctx).find((x) => x.line === line);
    if (!a) return [];
    return [{ title: `Remove the earlier ${a.key} (line ${line + 1})`, edits: [removeLine(ctx, line)], preferred: true }];
  },
};
export default rule;
