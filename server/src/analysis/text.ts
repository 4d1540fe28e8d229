// Line splitting and position helpers shared by both parsers. Pure: no I/O.
import type { Position, Range } from 'vscode-languageserver-types';

export interface SourceLine {
  /** 0-based line number. */
  line: number;
  /** The line's text without its terminator ("\r\n", "\n" or "\r"). */
  text: string;
  /** Offset of the line's first character in the document. */
  offset: number;
  /** The terminator as written ("" for the last line). */
  eol: '' | '\n' | '\r\n' | '\r';
}

export interface SplitText {
  lines: SourceLine[];
  /** True when the text starts with a UTF-8 byte order mark (U+FEFF). */
  bom: boolean;
  /** The terminator most lines use, for edits that insert new lines. */
  eol: '\n' | '\r\n';
}

/**
 * Splits a document into lines exactly as LSP counts them ("\r\n", "\n" and a lone "\r" all end a
 * line). A leading BOM stays in the text of line 0 (LSP positions count it as a character), callers
 * skip it with {@link contentStart}.
 */
export function splitLines(text: string): SplitText {
  const lines: SourceLine[] = [];
  let start = 0;
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      let eol: SourceLine['eol'] = c === 10 ? '\n' : '\r';
      if (c === 13 && text.charCodeAt(i + 1) === 10) { eol = '\r\n'; crlf++; } else if (c === 10) lf++;
      lines.push({ line: lines.length, text: text.slice(start, i), offset: start, eol });
      if (eol === '\r\n') i++;
      start = i + 1;
    }
  }
  lines.push({ line: lines.length, text: text.slice(start), offset: start, eol: '' });
  return { lines, bom: text.charCodeAt(0) === 0xfeff, eol: crlf > lf ? '\r\n' : '\n' };
}

/** Column where a line's content starts (1 on the first line when the document has a BOM). */
export function contentStart(l: SourceLine): number {
  return l.line === 0 && l.text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

// Positions are values that nothing changes once made, and every file has the same small ones (line
// 3, column 7): those are shared, frozen objects instead of two new objects per range. (The parsed
// workspace of the language server is mostly ranges; this halves what they cost.)
const SHARED_LINES = 1024;
const SHARED_COLUMNS = 256;
const sharedRows: Position[][] = [];

/** A position; small ones are shared frozen objects (equal by value, like any other). */
export function position(line: number, character: number): Position {
  if (line >>> 0 === line && line < SHARED_LINES && character >>> 0 === character && character < SHARED_COLUMNS) {
    const row = (sharedRows[line] ??= new Array<Position>(SHARED_COLUMNS));
    return (row[character] ??= Object.freeze({ line, character }) as Position);
  }
  return { line, character };
}

export function range(line: number, startCol: number, endCol: number, endLine = line): Range {
  return { start: position(line, startCol), end: position(endLine, endCol) };
}

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The closest candidate within a small edit distance (case-insensitive match counts as distance 0.5). */
export function nearest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) return undefined;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), max);
    if (d <= max && d < bestD) { best = c; bestD = d; }
  }
  return best;
}

/**
 * `s` without the run of `chars` at its end. The same as s.replace(/[chars]+$/, '') in linear time
 * (V8 runs that regex from every start position: quadratic on a long run not at the end).
 */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** A URI or path without its `?query` and `#fragment`. */
export function withoutQueryAndFragment(uri: string): string {
  const q = uri.indexOf('?');
  const h = uri.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  return cut < 0 ? uri : uri.slice(0, cut);
}

/** The content of a document's first line (after a BOM, without trailing blanks): where a whole-file finding goes. */
export function firstLineRange(doc: { file: { text: SplitText } }): Range {
  const l = doc.file.text.lines[0];
  const start = contentStart(l);
  let end = l.text.length;
  while (end > start && (l.text[end - 1] === ' ' || l.text[end - 1] === '\t')) end--;
  return range(0, start, end);
}
