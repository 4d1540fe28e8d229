// `--format sarif`: SARIF 2.1.0, as GitHub code scanning (and other SARIF viewers) read it. Every rule
// is described in tool.driver.rules; results point at files relative to %SRCROOT% (the --base
// directory, by default the current one), with 1-based lines and columns (UTF-16 code units).
import * as path from 'path';
import { pathToFileURL } from 'url';
import { allRuleInfo, ruleDocUrl } from '../../server/src/analysis/rule-docs';
import type { RuleSeverity } from '../../server/src/analysis/rules/types';
import type { Range1, Report, ReportLocation } from './report';
import { trimEndChars } from '../../server/src/analysis/text';

const LEVEL: Record<RuleSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

function region(r: Range1) {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function artifactLocation(loc: Pick<ReportLocation, 'file' | 'uri'>, base: string) {
  const rel = path.relative(base, loc.file);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: loc.uri };
}

export function formatSarif(report: Report, tool: { name: string; version: string }, docsBase: string): string {
  const rules = allRuleInfo();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const result: Record<string, unknown> = {
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(f, report.base), region: region(d.range) } }],
      };
      if (d.related.length) {
        result.relatedLocations = d.related.map((r, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation: artifactLocation(r, report.base), region: region(r.range) },
          message: { text: r.message },
        }));
      }
      results.push(result);
    }
  }
  const baseUri = trimEndChars(pathToFileURL(report.base).href, '/') + '/';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          semanticVersion: tool.version,
          version: tool.version,
          informationUri: `${trimEndChars(docsBase, '/')}/docs/cli.md`,
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.title },
            helpUri: ruleDocUrl(r.id, docsBase),
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { tags: ['bonding', r.language === 'any' ? 'ifcfg' : r.language, ...(r.language === 'any' ? ['modprobe'] : [])], catalogue: [...r.catalogue] },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: baseUri } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: report.ioErrors.length === 0,
        toolExecutionNotifications: report.ioErrors.map((e) => ({ level: 'error', message: { text: `${e.path}: ${e.message}` } })),
      }],
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
