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

function offsetAt(text: string, lineStarts: number[], p: { line: number; character: number }): number {
  return Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** Applies LSP edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(text);
  const spans = edits.map((e) => ({ s: offsetAt(text, starts, e.range.start), e: offsetAt(text, starts, e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

/** The safe fixes of one pass: non-overlapping, current document only. */
export function safeEdits(ctx: DocContext, opts: DiagnoseOptions = {}): { edits: TextEdit[]; titles: string[] } {
  const starts = lineStartsOf(ctx.text);
  const taken: { s: number; e: number }[] = [];
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const d of diagnose(ctx, opts)) {
    const rule = typeof d.code === 'string' ? getRule(d.code) : undefined;
    if (!rule?.fix) continue;
    const f = findings(rule, ctx).find((x) => x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character
      && x.range.end.line === d.range.end.line && x.range.end.character === d.range.end.character);
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
