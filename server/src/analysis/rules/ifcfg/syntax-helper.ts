// Rules that report what the ifcfg parser found: each is one parser problem kind with its own id.
import type { SyntaxProblemKind } from '../../ifcfg/parser';
import type { IfcfgContext } from '../../context';
import type { Finding, Fix, IfcfgRule, RuleSeverity } from '../types';

export function syntaxRule(
  kind: SyntaxProblemKind,
  meta: { id: string; severity: RuleSeverity; title: string; catalogue?: string[] },
  fix?: (f: Finding, ctx: IfcfgContext) => Fix[],
): IfcfgRule {
  return {
    ...meta,
    language: 'ifcfg',
    check: (ctx) => {
      const problems = ctx.file.problems;
      // Nearly every file has no syntax problem: then there is nothing to filter.
      if (!problems.length) return [];
      return problems.filter((p) => p.kind === kind).map((p) => ({ range: p.range, message: p.message }));
    },
    fix,
  };
}
