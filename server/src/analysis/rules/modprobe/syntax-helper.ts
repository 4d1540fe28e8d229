// Rules that report what the modprobe.d parser found: each is one parser problem kind with its own id.
import type { ModprobeProblemKind } from '../../modprobe/parser';
import type { ModprobeContext } from '../../context';
import type { Finding, Fix, ModprobeRule, RuleSeverity } from '../types';

export function modprobeSyntaxRule(
  kind: ModprobeProblemKind,
  meta: { id: string; severity: RuleSeverity; title: string; catalogue?: string[] },
  fix?: (f: Finding, ctx: ModprobeContext) => Fix[],
): ModprobeRule {
  return {
    ...meta,
    language: 'modprobe',
    check: (ctx) => {
      const problems = ctx.file.problems;
      // Nearly every file has no syntax problem: then there is nothing to filter.
      if (!problems.length) return [];
      return problems.filter((p) => p.kind === kind).map((p) => ({ range: p.range, message: p.message }));
    },
    fix,
  };
}
