// `--format json`: the stable machine-readable report documented in docs/cli.md. Version 1: fields
// may be added in later versions of the same number, never removed or changed in meaning.
import { ruleDocUrl } from '../../server/src/analysis/rule-docs';
import type { Report } from './report';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: Report, tool: { name: string; version: string }, docsBase: string): string {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool,
    files: report.files.map((f) => ({
      path: f.path,
      uri: f.uri,
      language: f.language,
      ...(f.fixes.length ? { fixed: f.fixes } : {}),
      diagnostics: f.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        range: d.range,
        related: d.related.map((r) => ({ path: r.path, uri: r.uri, range: r.range, message: r.message })),
        docUrl: ruleDocUrl(d.ruleId, docsBase),
      })),
    })),
    errors: report.ioErrors,
    summary: report.summary,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
