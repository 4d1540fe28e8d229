// Suppression comments, the same in ifcfg and modprobe files:
//   # bondlint disable-next-line RULE[,RULE]   the next line that is not blank or a comment
//   # bondlint disable RULE[,RULE]             the whole file
// `all` stands for every rule. A directive that suppresses nothing is reported (unused-suppression).
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { DocContext } from './context';
import { Memo } from './memo';
import { contentStart } from './text';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export interface Directive {
  kind: 'next-line' | 'file';
  rules: { id: string; range: Range }[];
  /** The comment line. */
  line: number;
  range: Range;
  /** For next-line: the line it applies to. */
  target?: number;
}

const DIRECTIVE = /^#\s*bondlint\s+(disable-next-line|disable)\b(.*)$/;

function commentLines(ctx: DocContext): { line: number; start: number; text: string }[] {
  if (ctx.language === 'ifcfg') return ctx.file.comments.map((c) => ({ line: c.line, start: c.range.start.character, text: c.text }));
  return ctx.file.comments.map((c) => ({ line: c.line, start: c.range.start.character, text: c.text }));
}

/** Directives per document (a context never changes): a code action request asks once per diagnostic. */
const directiveCache = new Memo((ctx: DocContext): readonly Directive[] => readDirectives(ctx));

export function directives(ctx: DocContext): readonly Directive[] {
  // Most files have no directive: no need to look at their comments one by one.
  if (!ctx.text.includes('bondlint')) return [];
  return directiveCache.of(ctx);
}

function readDirectives(ctx: DocContext): Directive[] {
  const out: Directive[] = [];
  const lines = ctx.file.text.lines;
  // The first content line at or after each line, computed once from the end (linear, however many
  // comment lines follow each other).
  let nextContent: Int32Array | undefined;
  const contentAfter = (line: number): number => {
    if (!nextContent) {
      nextContent = new Int32Array(lines.length + 1);
      nextContent[lines.length] = lines.length;
      for (let t = lines.length - 1; t >= 0; t--) {
        const s = lines[t].text.slice(contentStart(lines[t])).trim();
        nextContent[t] = s !== '' && !s.startsWith('#') ? t : nextContent[t + 1];
      }
    }
    return nextContent[Math.min(line, lines.length)];
  };
  for (const c of commentLines(ctx)) {
    if (!c.text.includes('bondlint')) continue;
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const listStart = c.start + c.text.length - m[2].length;
    const rules: Directive['rules'] = [];
    const re = /[A-Za-z0-9_-]+/g;
    let r: RegExpExecArray | null;
    while ((r = re.exec(m[2]))) {
      const s = listStart + r.index;
      rules.push({ id: r[0], range: { start: { line: c.line, character: s }, end: { line: c.line, character: s + r[0].length } } });
    }
    const d: Directive = {
      kind: m[1] === 'disable' ? 'file' : 'next-line',
      rules,
      line: c.line,
      range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.start + c.text.length } },
    };
    if (d.kind === 'next-line') d.target = contentAfter(c.line + 1);
    out.push(d);
  }
  return out;
}

/**
 * Drops suppressed diagnostics and adds an information diagnostic for each directive entry that
 * suppressed nothing. Diagnostics spanning several lines are matched by their first line.
 */
export function applySuppressions(ctx: DocContext, diags: Diagnostic[], unusedSeverity: 1 | 2 | 3 | 4 | undefined): Diagnostic[] {
  const ds = directives(ctx);
  if (!ds.length) return diags;
  const used = new Set<string>();
  const key = (d: Directive, i: number) => `${d.line}:${i}`;
  const fileWide = ds.filter((d) => d.kind === 'file');
  const byTarget = new Map<number, Directive[]>();
  for (const d of ds) if (d.kind === 'next-line') byTarget.set(d.target!, [...(byTarget.get(d.target!) ?? []), d]);
  const kept = diags.filter((diag) => {
    const code = String(diag.code);
    for (const d of [...fileWide, ...(byTarget.get(diag.range.start.line) ?? [])]) {
      const i = d.rules.findIndex((r) => r.id === code || r.id === 'all');
      if (i >= 0) { used.add(key(d, i)); return false; }
    }
    return true;
  });
  if (unusedSeverity === undefined) return kept;
  for (const d of ds) {
    if (!d.rules.length) {
      kept.push({ range: d.range, severity: unusedSeverity, code: UNUSED_SUPPRESSION, source: 'bonding', message: 'This bondlint directive names no rule, so it suppresses nothing. Write the rule id after it, e.g. "# bondlint disable-next-line duplicate-key".', data: { line: d.line } });
      continue;
    }
    d.rules.forEach((r, i) => {
      if (used.has(key(d, i))) return;
      kept.push({
        range: r.range,
        severity: unusedSeverity,
        code: UNUSED_SUPPRESSION,
        source: 'bonding',
        message: d.kind === 'file'
          ? `Nothing in this file is reported by '${r.id}', so this suppression does nothing. Remove it.`
          : `Line ${(d.target ?? 0) + 1} has no '${r.id}' problem, so this suppression does nothing. Remove it.`,
        data: { line: d.line, rule: r.id, column: r.range.start.character },
      });
    });
  }
  return kept;
}

/** Edit that inserts `# bondlint disable-next-line RULE` above `line`, indented like it. */
export function suppressLineEdit(ctx: DocContext, line: number, rule: string): TextEdit {
  const l = ctx.file.text.lines[line];
  const start = contentStart(l);
  // modprobe comments must start in column 0; ifcfg ones may follow the line's indentation.
  const indent = ctx.language === 'ifcfg' ? /^[ \t]*/.exec(l.text.slice(start))![0] : '';
  const eol = l.eol || ctx.file.text.eol;
  return { range: { start: { line, character: start }, end: { line, character: start } }, newText: `${indent}# bondlint disable-next-line ${rule}${eol}` };
}

/** Edit that inserts `# bondlint disable RULE` at the top of the file. */
export function suppressFileEdit(ctx: DocContext, rule: string): TextEdit {
  const l = ctx.file.text.lines[0];
  const start = contentStart(l);
  const eol = l.eol || ctx.file.text.eol;
  return { range: { start: { line: 0, character: start }, end: { line: 0, character: start } }, newText: `# bondlint disable ${rule}${eol}` };
}

/** Edit that removes an unused entry (or the whole directive line when it was the only one). */
export function removeSuppressionEdit(ctx: DocContext, d: Diagnostic): TextEdit | undefined {
  const data = d.data as { line?: number; rule?: string; column?: number } | undefined;
  if (data?.line === undefined) return undefined;
  const dir = directiveOnLine(ctx, data.line);
  if (!dir) return undefined;
  const lines = ctx.file.text.lines;
  const l = lines[dir.line];
  if (dir.rules.length <= 1 || !data.rule) {
    const end = l.eol ? { line: dir.line + 1, character: 0 } : { line: dir.line, character: l.text.length };
    return { range: { start: { line: dir.line, character: contentStart(l) }, end }, newText: '' };
  }
  // The entry the diagnostic is about: by its column (the same id may be listed twice), else by id.
  const i = data.column !== undefined ? entryAt(dir, data.column) : dir.rules.findIndex((r) => r.id === data.rule);
  if (i < 0 || dir.rules[i].id !== data.rule) return undefined;
  const r = dir.rules[i];
  // Remove the entry and the comma next to it.
  const prev = dir.rules[i - 1];
  const next = dir.rules[i + 1];
  const range: Range = prev ? { start: prev.range.end, end: r.range.end } : { start: r.range.start, end: next!.range.start };
  return { range, newText: '' };
}

/** The directive on a line, through an index built once per document. */
const byLineCache = new Memo((ctx: DocContext) => {
  const byLine = new Map<number, Directive>();
  for (const d of directives(ctx)) if (!byLine.has(d.line)) byLine.set(d.line, d);
  return byLine;
});
function directiveOnLine(ctx: DocContext, line: number): Directive | undefined {
  return byLineCache.of(ctx).get(line);
}

/** Index of the entry of `dir` that starts at `column` (entries are in column order); -1 if none. */
function entryAt(dir: Directive, column: number): number {
  let lo = 0;
  let hi = dir.rules.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = dir.rules[mid].range.start.character;
    if (c === column) return mid;
    if (c < column) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}
