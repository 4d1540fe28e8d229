// Compiler-style text: `path:line:col: severity rule-id message`, related locations indented below,
// then one summary line. Colours only when asked for (a terminal without NO_COLOR, or --color).
import type { Report } from './report';

const C = {
  reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', cyan: '\x1b[36m', green: '\x1b[32m',
};

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Line breaks, with the blanks around them, become one space (what replacing \s*[\r\n]+\s* did, in linear time). */
export function oneLine(s: string): string {
  if (!s.includes('\n') && !s.includes('\r')) return s;
  const parts = s.split(/[\r\n]/);
  const middle = parts.slice(1, -1).map((p) => p.trim()).filter((p) => p !== '');
  return [parts[0].trimEnd(), ...middle, parts[parts.length - 1].trimStart()].join(' ');
}

export function formatText(report: Report, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `${code}${s}${C.reset}` : s);
  const sevColor: Record<string, string> = { error: C.red, warning: C.yellow, info: C.blue, hint: C.cyan };
  const lines: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      lines.push(`${paint(C.bold, `${f.path}:${d.range.start.line}:${d.range.start.column}:`)} ${paint(sevColor[d.severity], d.severity)} ${paint(C.dim, d.ruleId)} ${oneLine(d.message)}`);
      for (const r of d.related) lines.push(`    ${r.path}:${r.range.start.line}:${r.range.start.column}: ${paint(C.dim, 'note:')} ${oneLine(r.message)}`);
    }
  }
  const s = report.summary;
  if (s.fixed) lines.push(paint(C.green, `Fixed ${plural(s.fixed, 'problem')} in ${plural(s.filesFixed, 'file')}.`));
  const total = s.errors + s.warnings + s.infos + s.hints;
  if (total) {
    const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info', 'infos'), plural(s.hints, 'hint')];
    const line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(s.filesWithProblems, 'file')} of ${s.files} checked.`;
    lines.push(paint(s.errors ? C.red + C.bold : C.bold, line));
  } else {
    lines.push(`No problems in ${plural(s.files, 'file')}.`);
  }
  return lines.join('\n') + '\n';
}
