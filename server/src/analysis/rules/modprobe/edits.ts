// Byte-exact edit helpers for the modprobe.d rules: every edit touches only the characters it must,
// and is refused (undefined) when the source is not literally what the parser saw (escapes, quotes).
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ModprobeContext } from '../../context';
import type { ModprobeStatement, Token } from '../../modprobe/parser';

/** The document text covered by a single-line range, or undefined when it spans lines. */
export function textAt(ctx: ModprobeContext, r: Range): string | undefined {
  if (r.start.line !== r.end.line) return undefined;
  return ctx.file.text.lines[r.start.line]?.text.slice(r.start.character, r.end.character);
}

/** Any range's text, line terminators included (for multi-line removals). */
export function textBetween(ctx: ModprobeContext, r: Range): string | undefined {
  const lines = ctx.file.text.lines;
  const a = lines[r.start.line];
  const b = lines[r.end.line];
  if (!a || !b) return undefined;
  if (r.start.line === r.end.line) return a.text.slice(r.start.character, r.end.character);
  let s = a.text.slice(r.start.character) + a.eol;
  for (let l = r.start.line + 1; l < r.end.line; l++) s += lines[l].text + lines[l].eol;
  return s + b.text.slice(0, r.end.character);
}

/** Replaces a literal piece of a token; undefined when the source differs from `expected` there. */
export function replaceIn(ctx: ModprobeContext, r: Range, expected: string, newText: string): TextEdit | undefined {
  return textAt(ctx, r) === expected ? { range: r, newText } : undefined;
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/**
 * Removes the words `first`..`last` (arguments of `stmt`, in order) together with the blank — and any
 * backslash-continuation — that separates them from the previous word, so `a=1 b=2 c=3` minus `b=2`
 * reads `a=1 c=3`. When nothing would be left after the module name, the whole statement (all its
 * physical lines, with their line terminators) is removed instead. Undefined when the words are not
 * written literally.
 */
export function removeWords(ctx: ModprobeContext, stmt: ModprobeStatement, first: Token, last: Token = first): TextEdit | undefined {
  const i = stmt.args.findIndex((t) => sameStart(t.range, first.range));
  const j = stmt.args.findIndex((t) => sameStart(t.range, last.range));
  if (i < 1 || j < i) return undefined;
  for (let k = i; k <= j; k++) if (textAt(ctx, stmt.args[k].range) !== stmt.args[k].text) return undefined;
  if (i === 1 && j === stmt.args.length - 1) return removeStatement(ctx, stmt);
  const prev = stmt.args[i - 1];
  const range: Range = { start: prev.range.end, end: last.range.end };
  const removed = textBetween(ctx, range);
  if (removed === undefined) return undefined;
  // What goes away must be separators and the words themselves, nothing else.
  const words = stmt.args.slice(i, j + 1).map((t) => t.text).join('');
  if (removed.replace(/\\(\r\n|\n|\r)|[ \t]/g, '') !== words) return undefined;
  return { range, newText: '' };
}

/** Removes a whole statement: its physical lines and their terminators. */
export function removeStatement(ctx: ModprobeContext, stmt: ModprobeStatement): TextEdit {
  const lines = ctx.file.text.lines;
  const startCol = stmt.line === 0 && lines[0].text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const next = lines[stmt.endLine + 1];
  const end = next ? { line: next.line, character: 0 } : { line: stmt.endLine, character: lines[stmt.endLine].text.length };
  return { range: { start: { line: stmt.line, character: startCol }, end }, newText: '' };
}

/** A sub-range of a token's value (characters `from`..`to` of the value), when it is written literally on one line. */
export function valueSubRange(valueRange: Range | undefined, value: string, from: number, to: number): Range | undefined {
  if (!valueRange || valueRange.start.line !== valueRange.end.line) return valueRange;
  if (valueRange.end.character - valueRange.start.character !== value.length) return valueRange;
  const line = valueRange.start.line;
  const c = valueRange.start.character;
  return { start: { line, character: c + from }, end: { line, character: c + to } };
}

/**
 * Removes several words (each given with its statement) in one fix: neighbouring words of a statement
 * go in one edit; a statement that would keep nothing after its module name is removed whole.
 * Undefined when any word is not written literally.
 */
export function removeWordsEdits(ctx: ModprobeContext, items: readonly { stmt: ModprobeStatement; tok: Token }[]): TextEdit[] | undefined {
  const byStmt = new Map<ModprobeStatement, Set<number>>();
  for (const it of items) {
    const i = it.stmt.args.findIndex((t) => sameStart(t.range, it.tok.range));
    if (i < 1) return undefined;
    const set = byStmt.get(it.stmt) ?? new Set<number>();
    set.add(i);
    byStmt.set(it.stmt, set);
  }
  const edits: TextEdit[] = [];
  for (const [stmt, set] of byStmt) {
    const idx = [...set].sort((a, b) => a - b);
    if (idx.length === stmt.args.length - 1) {
      edits.push(removeStatement(ctx, stmt));
      continue;
    }
    let k = 0;
    while (k < idx.length) {
      let e = k;
      while (e + 1 < idx.length && idx[e + 1] === idx[e] + 1) e++;
      const edit = removeWords(ctx, stmt, stmt.args[idx[k]], stmt.args[idx[e]]);
      if (!edit) return undefined;
      edits.push(edit);
      k = e + 1;
    }
  }
  return edits;
}
