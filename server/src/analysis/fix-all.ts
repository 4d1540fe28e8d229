// "Fix all": applies every safe single-file fix until nothing changes (source.fixAll in the editor,
// --fix in the CLI). Only fixes marked safe take part; each pass applies non-overlapping edits and
// re-analyses, so applying it twice gives the same text as once.
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocContext } from './context';
import { diagnose, type DiagnoseOptions } from './diagnostics';
import { getRule } from './rules';
import type { Finding, Fix, Rule } from './rules/types';

const MAX_PASSES = 10;

function fixesOf(rule: Rule, f: Finding, ctx: DocContext): Fix[] {
  try {
    if (rule.language === 'ifcfg' && ctx.language === 'ifcfg') return rule.fix?.(f, ctx) ?? [];
    if (rule.language === 'modprobe' && ctx.language === 'modprobe') return rule.fix?.(f, ctx) ?? [];
  } catch { /* a failing fix offers nothing */ }
  return [];
}

function findings(rule: Rule, ctx: DocContext): Finding[] {
  try {
    if (rule.language === 'ifcfg' && ctx.language === 'ifcfg') return rule.check(ctx);
    if (rule.language === 'modprobe' && ctx.language === 'modprobe') return rule.check(ctx);
  } catch { /* reported by diagnose */ }
  return [];
}

/** Offset of a position, clamped like the LSP reference: to the document, and to the line before its end-of-line. */
function offsetAt(text: string, lineStarts: number[], p: { line: number; character: number }): number {
  if (p.line >= lineStarts.length) return text.length;
  if (p.line < 0) return 0;
  const start = lineStarts[p.line];
  if (p.character <= 0) return start;
  const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
  let offset = Math.min(start + p.character, next);
  while (offset > start && (text.charCodeAt(offset - 1) === 10 || text.charCodeAt(offset - 1) === 13)) offset--;
  return offset;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function rangeKey(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

/**
 * Applies LSP edits (non-overlapping) to a text, as the LSP reference (vscode-languageserver-textdocument)
 * does: edits in the order of their start, inserts at the same position in the order given (the spec's
 * rule; applying them back to front reversed them). An edit overlapping an earlier one is skipped.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(text);
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
  // Like the reference: a range written end-first is turned around, edits are ordered by start
  // position (stable), then turned into offsets.
  const spans = edits.map((e, i) => {
    const [from, to] = before(e.range.end, e.range.start) ? [e.range.end, e.range.start] : [e.range.start, e.range.end];
    return { from, s: offsetAt(text, starts, from), e: offsetAt(text, starts, to), t: e.newText, i };
  }).sort((x, y) => x.from.line - y.from.line || x.from.character - y.from.character || x.i - y.i);
  const out: string[] = [];
  let last = 0;
  for (const x of spans) {
    if (x.s < last) continue;
    out.push(text.slice(last, x.s), x.t);
    last = x.e;
  }
  out.push(text.slice(last));
  return out.join('');
}

/** The safe fixes of one pass: non-overlapping, current document only. */
export function safeEdits(ctx: DocContext, opts: DiagnoseOptions = {}): { edits: TextEdit[]; titles: string[] } {
  const starts = lineStartsOf(ctx.text);
  const taken: { s: number; e: number }[] = [];
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  // Each rule runs once per pass (not once per diagnostic: a file with a thousand findings of one
  // rule would otherwise run that rule a thousand times); its findings are looked up by range.
  const byRule = new Map<Rule, Map<string, Finding>>();
  for (const d of diagnose(ctx, opts)) {
    const rule = typeof d.code === 'string' ? getRule(d.code) : undefined;
    if (!rule?.fix) continue;
    let index = byRule.get(rule);
    if (!index) {
      index = new Map();
      for (const x of findings(rule, ctx)) if (!index.has(rangeKey(x.range))) index.set(rangeKey(x.range), x);
      byRule.set(rule, index);
    }
    const f = index.get(rangeKey(d.range));
    if (!f) continue;
    const fix = fixesOf(rule, f, ctx).find((x) => x.safe && !x.workspaceEdit && x.edits.length);
    if (!fix) continue;
    const spans = fix.edits.map((e) => ({ s: offsetAt(ctx.text, starts, e.range.start), e: offsetAt(ctx.text, starts, e.range.end) }));
    if (spans.some((a) => taken.some((b) => a.s < b.e && b.s < a.e || (a.s === a.e && a.s === b.s) || (b.s === b.e && b.s === a.s)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    titles.push(fix.title);
  }
  return { edits, titles };
}

/**
 * Applies safe fixes repeatedly. `reanalyse` turns new text into a fresh context (the caller keeps
 * the workspace model current so cross-file facts stay right).
 */
export function fixAll(ctx: DocContext, reanalyse: (text: string) => DocContext, opts: DiagnoseOptions = {}): { text: string; applied: string[] } {
  let cur = ctx;
  const applied: string[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { edits, titles } = safeEdits(cur, opts);
    if (!edits.length) break;
    const next = applyTextEdits(cur.text, edits);
    if (next === cur.text) break;
    applied.push(...titles);
    cur = reanalyse(next);
  }
  return { text: cur.text, applied };
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let a = 0;
  while (a < before.length && a < after.length && before.charCodeAt(a) === after.charCodeAt(a)) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before.charCodeAt(before.length - 1 - b) === after.charCodeAt(after.length - 1 - b)) b++;
  const starts = lineStartsOf(before);
  const pos = (off: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= off) lo = mid; else hi = mid - 1; }
    return { line: lo, character: off - starts[lo] };
  };
  return { range: { start: pos(a), end: pos(before.length - b) }, newText: after.slice(a, after.length - b) };
}
