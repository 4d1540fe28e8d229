// Shared pieces of the ifcfg content rules: which assignments count, what each consumer reads, and
// byte-exact edits (only the bytes that must change; line endings, BOM, quoting and comments stay).
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { IfcfgContext } from '../../context';
import type { IfcfgAssignment, IfcfgFile } from '../../ifcfg/parser';
import { parseIfcfgBoolean, resolveKey, type IfcfgKey } from '../../kb';
import { contentStart, firstLineRange, range } from '../../text';
import { Memo, rememberByString } from '../../memo';

/** Assignments that really assign (file order). */
export function liveAssignments(ctx: IfcfgContext): readonly IfcfgAssignment[] {
  return ctx.file.live;
}

/** The assignment of `key` that wins (the last one), ignoring lines that are not assignments. */
export function effective(ctx: IfcfgContext, key: string): IfcfgAssignment | undefined {
  return ctx.file.byKey.get(key);
}

const winners = new Memo((file: IfcfgFile): readonly IfcfgAssignment[] =>
  file.byKey.size === file.live.length ? file.live : file.live.filter((a) => file.byKey.get(a.key) === a));

/** The winning assignment of every key, in file order (one list per file, shared: do not modify). */
export function effectiveAssignments(ctx: IfcfgContext): readonly IfcfgAssignment[] {
  return winners.of(ctx.file);
}

/**
 * resolveKey, remembered per key name: the knowledge base does not change, and the same few dozen
 * keys appear in every file.
 */
export const resolveKeyCached: (name: string) => ReturnType<typeof resolveKey> = rememberByString(resolveKey);

/** getKey, remembered per key name (see resolveKeyCached). */
export function getKeyCached(name: string): IfcfgKey | undefined {
  return resolveKeyCached(name)?.key;
}

/** The value NetworkManager reads ('' when the quoting is broken). */
export function nmValue(a: IfcfgAssignment | undefined): string {
  return a && a.valueOk ? a.value : '';
}

/** Set to a non-empty value both consumers can read. */
export function hasValue(a: IfcfgAssignment | undefined): a is IfcfgAssignment {
  return !!a && a.valueOk && a.value !== '';
}

export function boolOf(a: IfcfgAssignment | undefined, consumer: 'initscripts' | 'nm'): boolean | undefined {
  return a && a.valueOk ? parseIfcfgBoolean(a.value, consumer) : undefined;
}

export function isNmBond(ctx: IfcfgContext): boolean {
  const type = nmValue(effective(ctx, 'TYPE')).toLowerCase();
  return type === 'bond' || boolOf(effective(ctx, 'BONDING_MASTER'), 'nm') === true
    || ((type === '' || type === 'ethernet') && nmValue(effective(ctx, 'BONDING_OPTS')) !== '');
}

/**
 * The content itself says this is a bond (DEVICE=bondN, a bond TYPE, BONDING_MASTER=yes or
 * BONDING_OPTS), not just the file name: rules about a bond's structure wait for that, so a file
 * that is still being written is not judged by its name alone.
 */
export function bondByContent(ctx: IfcfgContext): boolean {
  const type = nmValue(effective(ctx, 'TYPE')).toLowerCase();
  return /^bond[0-9]+$/.test(nmValue(effective(ctx, 'DEVICE'))) || type === 'bond' || type === 'bonding'
    || boolOf(effective(ctx, 'BONDING_MASTER'), 'initscripts') === true || effective(ctx, 'BONDING_OPTS') !== undefined;
}

/** From the key to the end of the value as written (`KEY=value`, without export, trailing comment or ';'). */
export function assignmentRange(a: IfcfgAssignment): Range {
  const end = a.raw ? a.rawRange.end.character : a.eqColumn + 1;
  return range(a.line, a.keyRange.start.character, end);
}

/** The value as written; for an empty value, the '=' (so the range is never empty). */
export function valueRange(a: IfcfgAssignment): Range {
  return a.raw ? a.rawRange : range(a.line, a.eqColumn, a.eqColumn + 1);
}

/** A place for a finding about the whole file: the first of `keys` that is set, else line 1. */
export function anchor(ctx: IfcfgContext, keys: readonly string[]): Range {
  for (const k of keys) {
    const a = effective(ctx, k);
    if (a) return assignmentRange(a);
  }
  return firstLineRange(ctx);
}

export { firstLineRange } from '../../text';

/** Removes a whole line including its terminator (a BOM on line 0 stays). */
export function removeLine(ctx: IfcfgContext, line: number): TextEdit {
  const lines = ctx.file.text.lines;
  const l = lines[line];
  if (l.eol || line === 0) {
    const start = line === 0 ? contentStart(l) : 0;
    const end = l.eol ? { line: line + 1, character: 0 } : { line, character: l.text.length };
    return { range: { start: { line, character: start }, end }, newText: '' };
  }
  // Last line without a terminator: take the previous line's terminator instead.
  const prev = lines[line - 1];
  return { range: { start: { line: line - 1, character: prev.text.length }, end: { line, character: l.text.length } }, newText: '' };
}

/** Inserts `text` (one or more lines) after `line`, with that line's own terminator (or the file's usual one). */
export function insertLineAfter(ctx: IfcfgContext, line: number, text: string | readonly string[]): TextEdit {
  const l = ctx.file.text.lines[line];
  const parts = typeof text === 'string' ? [text] : text;
  if (l.eol) return { range: range(line + 1, 0, 0), newText: parts.map((p) => p + l.eol).join('') };
  const eol = ctx.file.text.eol;
  return { range: range(line, l.text.length, l.text.length), newText: parts.map((p) => eol + p).join('') };
}

/** Inserts `text` (one or more lines) before `line`. */
export function insertLineBefore(ctx: IfcfgContext, line: number, text: string | readonly string[]): TextEdit {
  const l = ctx.file.text.lines[line];
  const col = line === 0 ? contentStart(l) : 0;
  const eol = l.eol || ctx.file.text.eol;
  const parts = typeof text === 'string' ? [text] : text;
  return { range: range(line, col, col), newText: parts.map((p) => p + eol).join('') };
}

/** Adds lines after the first of `after` that is set, else before the first assignment, else at the end. */
export function addKeyEdit(ctx: IfcfgContext, text: string | readonly string[], after: readonly string[]): TextEdit {
  for (const k of after) {
    const a = effective(ctx, k);
    if (a) return insertLineAfter(ctx, a.line, text);
  }
  const first = liveAssignments(ctx)[0]?.line;
  if (first !== undefined) return insertLineBefore(ctx, first, text);
  const lines = ctx.file.text.lines;
  const last = lines.length - 1;
  if (lines[last].text.length === 0 && last > 0) return insertLineBefore(ctx, last, text);
  return insertLineAfter(ctx, last, text);
}

const SAFE_UNQUOTED = /^[A-Za-z0-9_.:@%+,/=-]*$/;

function quoteAs(value: string, style: IfcfgAssignment['quote']): string {
  if (style === 'double') return `"${value.replace(/([\\"$`])/g, '\\$1')}"`;
  if (style === 'single' && !value.includes("'")) return `'${value}'`;
  return SAFE_UNQUOTED.test(value) && value !== '' ? value : `"${value.replace(/([\\"$`])/g, '\\$1')}"`;
}

/** Replaces a value, keeping its quotes: only the characters of the value change when it is written literally. */
export function replaceValue(ctx: IfcfgContext, a: IfcfgAssignment, newValue: string): TextEdit {
  const cols = a.valueColumns;
  const lineText = ctx.file.text.lines[a.line].text;
  const contiguous = cols.length > 0 && cols.length === a.value.length
    && cols.every((c, i) => c === cols[0] + i) && lineText.slice(cols[0], cols[0] + cols.length) === a.value;
  const fits = a.quote === 'double' ? !/[\\"$`]/.test(newValue)
    : a.quote === 'single' ? !newValue.includes("'")
      : SAFE_UNQUOTED.test(newValue);
  if (contiguous && fits && (a.quote === 'none' || a.quote === 'double' || a.quote === 'single')) {
    return { range: range(a.line, cols[0], cols[cols.length - 1] + 1), newText: newValue };
  }
  return { range: a.rawRange, newText: quoteAs(newValue, a.quote) };
}

/** Renames a key in place (the key's characters only). */
export function renameKey(a: IfcfgAssignment, newKey: string): TextEdit {
  return { range: a.keyRange, newText: newKey };
}

/** The suffix of an `ifcfg-<suffix>` file name, or undefined for other names. */
export function fileSuffix(ctx: IfcfgContext): string | undefined {
  const m = /^ifcfg-(.+)$/.exec(ctx.fileName);
  return m ? m[1] : undefined;
}
