// Parser for ifcfg-* files: the subset of shell that NetworkManager's ifcfg reader accepts, with the
// places where bash and NetworkManager would disagree recorded as syntax problems. Never throws;
// every problem carries the exact range it concerns.
import type { Range } from 'vscode-languageserver-types';
import { contentStart, isSpace, range, SourceLine, splitLines, SplitText } from '../text';
import { MEMO, type Memoizable } from '../memo';

export type QuoteStyle = 'none' | 'single' | 'double' | 'ansi' | 'mixed' | 'empty';

export type SyntaxProblemKind =
  | 'spaces-around-equals'   // KEY = value, KEY =value, KEY= value
  | 'unquoted-whitespace'    // KEY=a b  (bash: runs b / assigns; NM: value empty)
  | 'slash-comment'          // KEY=no   //comment
  | 'unterminated-quote'
  | 'expansion'              // $VAR, ${..}, $(..), `..` (in double quotes or unquoted)
  | 'line-continuation'      // trailing backslash
  | 'metacharacter'          // unquoted | & ( ) < > ;
  | 'export'                 // export KEY=value
  | 'invalid-line'           // anything that is not an assignment or a comment
  | 'invalid-key';           // KEY-NAME=..., 1KEY=...

export interface SyntaxProblem {
  kind: SyntaxProblemKind;
  range: Range;
  message: string;
  line: number;
}

export interface IfcfgAssignment extends Memoizable {
  line: number;
  key: string;
  keyRange: Range;
  /** Range of `export ` when present. */
  exportRange?: Range;
  eqColumn: number;
  /** The value as written (quotes and escapes included), without trailing blanks, `;` or comment. */
  raw: string;
  rawRange: Range;
  /** The value after shell unquoting. */
  value: string;
  /** For each character of {@link value}, the column of the source character it came from. */
  valueColumns: number[];
  quote: QuoteStyle;
  /** False when NetworkManager would reject the quoting and read the value as empty. */
  valueOk: boolean;
  /** The trailing `# comment`, if any. */
  comment?: { range: Range; text: string };
  /** True when a `;` follows the value. */
  semicolon: boolean;
  /** False for `KEY = value`: neither bash nor NetworkManager assigns anything there. */
  assigns: boolean;
}

export interface IfcfgComment {
  line: number;
  range: Range;
  text: string;
}

export interface IfcfgFile extends Memoizable {
  text: SplitText;
  assignments: IfcfgAssignment[];
  comments: IfcfgComment[];
  problems: SyntaxProblem[];
  /** Effective assignment per key (the last real assignment wins, as in bash and NetworkManager). */
  byKey: Map<string, IfcfgAssignment>;
  /**
   * The assignments both consumers read as assignments, in file order: all but `KEY = value` lines
   * (bash runs those as commands, NetworkManager skips them). The same array as `assignments` when
   * there is no such line.
   */
  live: IfcfgAssignment[];
}

/** [A-Za-z_] */
function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** [A-Za-z0-9_] */
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57);
}

/** Placeholder until scanValue sets the real range (never seen outside the parser). */
const NO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NO_COLUMNS: number[] = [];
const NO_ASSIGNMENTS: IfcfgAssignment[] = [];

export function parseIfcfg(source: string): IfcfgFile {
  const text = splitLines(source);
  const file: IfcfgFile = { text, assignments: [], comments: [], problems: [], byKey: new Map(), live: NO_ASSIGNMENTS, [MEMO]: undefined };
  const lines = text.lines;
  for (let i = 0; i < lines.length; i++) parseLine(lines[i], file);
  const assignments = file.assignments;
  let all = true;
  for (let i = 0; i < assignments.length; i++) {
    if (assignments[i].assigns) file.byKey.set(assignments[i].key, assignments[i]);
    else all = false;
  }
  file.live = all ? assignments : assignments.filter((a) => a.assigns);
  return file;
}

function problem(file: IfcfgFile, kind: SyntaxProblemKind, r: Range, message: string): void {
  file.problems.push({ kind, range: r, message, line: r.start.line });
}

function parseLine(l: SourceLine, file: IfcfgFile): void {
  const s = l.text;
  const n = s.length;
  let i = contentStart(l);
  while (i < n && isSpace(s[i])) i++;
  if (i >= n) return;
  if (s[i] === '#') {
    file.comments.push({ line: l.line, range: range(l.line, i, n), text: s.slice(i) });
    return;
  }
  const lineStart = i;
  let exportRange: Range | undefined;
  if (s.startsWith('export', i) && i + 6 < n && isSpace(s[i + 6])) {
    let j = i + 6;
    while (j < n && isSpace(s[j])) j++;
    exportRange = range(l.line, i, j);
    i = j;
  }
  // key
  const keyStart = i;
  if (i < n && isKeyStart(s.charCodeAt(i))) {
    i++;
    while (i < n && isKeyChar(s.charCodeAt(i))) i++;
  }
  const key = s.slice(keyStart, i);
  if (!key) {
    const end = lineEnd(s, lineStart);
    problem(file, 'invalid-line', range(l.line, lineStart, end),
      'This line is neither an assignment nor a comment: bash would try to run it as a command and NetworkManager ignores it. Write KEY=value or comment it out with #.');
    return;
  }
  if (i < n && !isSpace(s[i]) && s[i] !== '=') {
    // KEY-NAME=..., KEY.x=..., KEY[0]=...
    const eq = s.indexOf('=', i);
    const end = eq > 0 ? eq : lineEnd(s, lineStart);
    problem(file, eq > 0 ? 'invalid-key' : 'invalid-line', range(l.line, keyStart, end), eq > 0
      ? `'${s.slice(keyStart, end)}' is not a valid variable name: shell variable names may contain only letters, digits and '_'. bash rejects the line and NetworkManager ignores it.`
      : 'This line is neither an assignment nor a comment: bash would try to run it as a command and NetworkManager ignores it. Write KEY=value or comment it out with #.');
    return;
  }
  let j = i;
  while (j < n && isSpace(s[j])) j++;
  if (j >= n || s[j] !== '=') {
    problem(file, 'invalid-line', range(l.line, lineStart, lineEnd(s, lineStart)),
      `'${key}' has no '=': bash would run '${key}' as a command and NetworkManager ignores the line. Write ${key}=value.`);
    return;
  }
  const eqColumn = j;
  let valueStart = j + 1;
  const spaceBefore = j > i;
  let spaceAfter = false;
  if (valueStart < n && isSpace(s[valueStart])) {
    let k = valueStart;
    while (k < n && isSpace(s[k])) k++;
    // `KEY= # comment` and `KEY=   ` are a legal empty assignment, not an error.
    if (k < n && s[k] !== '#') { spaceAfter = true; valueStart = k; }
  }
  if (spaceBefore || spaceAfter) {
    const from = spaceBefore ? i : eqColumn;
    const to = spaceAfter ? valueStart : eqColumn + 1;
    const shown = withoutTrailingComment(s.slice(valueStart, lineEnd(s, valueStart)));
    problem(file, 'spaces-around-equals', range(l.line, from, to),
      `Spaces around '=' break this line: bash runs a command named '${key}' instead of assigning it, and NetworkManager ignores the line, so ${key} is never set. Write ${key}=${shown.length && shown.length <= 60 ? shown : 'value'} with no spaces.`);
  }
  if (exportRange) {
    problem(file, 'export', exportRange,
      `'export' is valid shell, but NetworkManager does not read 'export ${key}=…' as an assignment, so ${key} is ignored when NetworkManager manages this interface. Remove 'export'.`);
  }
  const a: IfcfgAssignment = {
    line: l.line, key, keyRange: range(l.line, keyStart, i), exportRange, eqColumn,
    raw: '', rawRange: NO_RANGE, value: '', valueColumns: NO_COLUMNS, quote: 'empty',
    valueOk: true, semicolon: false, assigns: !(spaceBefore || spaceAfter), [MEMO]: undefined,
  };
  scanValue(l, valueStart, a, file);
  file.assignments.push(a);
}

/**
 * The text before a ` # comment` (blanks before the first `#` that follows a blank), as
 * s.replace(/\s+#.*$/, '') would cut it, in linear time (that regex is quadratic on long blank runs).
 */
export function withoutTrailingComment(s: string): string {
  for (let i = s.indexOf('#'); i >= 0; i = s.indexOf('#', i + 1)) {
    if (i === 0 || !/\s/.test(s[i - 1])) continue;
    let j = i - 1;
    while (j > 0 && /\s/.test(s[j - 1])) j--;
    return s.slice(0, j);
  }
  return s;
}

function lineEnd(s: string, from: number): number {
  let e = s.length;
  while (e > from && isSpace(s[e - 1])) e--;
  return e;
}

// Quote styles met while scanning a value, as bits (cheaper than a Set per value).
const NONE = 1;
const SINGLE = 2;
const DOUBLE = 4;
const ANSI = 8;
const STYLE_OF: Record<number, QuoteStyle> = { [NONE]: 'none', [SINGLE]: 'single', [DOUBLE]: 'double', [ANSI]: 'ansi' };

/** Characters after `$` that start an expansion. */
const EXPANSION_START = /[A-Za-z_{(0-9@*#?$!-]/;

/**
 * Characters of an unquoted word that need a closer look; any other character is copied as is.
 * (blank, quotes, backslash, backquote, $, ; and the shell operators | & ( ) < >)
 */
function unquotedSpecial(c: number): boolean {
  return c === 32 || c === 9 || c === 39 || c === 34 || c === 92 || c === 96 || c === 36 || c === 59
    || c === 124 || c === 38 || c === 40 || c === 41 || c === 60 || c === 62;
}

/**
 * valueColumns of a value that is one contiguous run of source characters (nearly every value): the
 * same few arrays recur in every file, so they are shared, and frozen because they are.
 */
const RUNS = new Map<number, number[]>();
const MAX_RUNS = 4096;
function runColumns(from: number, length: number): number[] {
  const shareable = from < 1024 && length < 1024;
  const k = from * 1024 + length;
  if (shareable) {
    const hit = RUNS.get(k);
    if (hit) return hit;
  }
  const cols = new Array<number>(length);
  for (let i = 0; i < length; i++) cols[i] = from + i;
  if (shareable && RUNS.size < MAX_RUNS) RUNS.set(k, Object.freeze(cols) as number[]);
  return cols;
}

/** Reads the value word starting at `start`, unescaping it and recording problems. */
function scanValue(l: SourceLine, start: number, a: IfcfgAssignment, file: IfcfgFile): void {
  const s = l.text;
  const n = s.length;
  // Source column of each value character; `ansi` holds the characters $'…' escapes translate (the
  // others are the source characters themselves).
  colArr = undefined;
  colCount = 0;
  let ansi: Map<number, string> | undefined;
  let styles = 0;
  let i = start;
  let ok = true;
  word: while (i < n) {
    const c = s.charCodeAt(i);
    if (!unquotedSpecial(c)) {
      // A run of ordinary characters.
      styles |= NONE;
      do { addCol(i); i++; } while (i < n && !unquotedSpecial(s.charCodeAt(i)));
      continue;
    }
    if (c === 32 || c === 9) break;
    if (c === 39 /* ' */) {
      styles |= SINGLE;
      const close = s.indexOf("'", i + 1);
      if (close < 0) {
        ok = false;
        problem(file, 'unterminated-quote', range(l.line, i, n), `The single quote opened here is never closed on this line. NetworkManager reads ${a.key} as empty, and bash would swallow the following lines into the value. Add the closing '.`);
        for (let k = i + 1; k < n; k++) addCol(k);
        i = n;
        break;
      }
      for (let k = i + 1; k < close; k++) addCol(k);
      i = close + 1;
      continue;
    }
    if (c === 36 /* $ */ && s[i + 1] === "'") {
      styles |= ANSI;
      ansi ??= new Map();
      i = scanAnsi(l, i, ansi, a, file, () => { ok = false; });
      continue;
    }
    if (c === 34 /* " */) {
      styles |= DOUBLE;
      let k = i + 1;
      let closed = false;
      while (k < n) {
        const d = s.charCodeAt(k);
        if (d === 34) { closed = true; break; }
        if (d === 92 /* \ */ && k + 1 < n && '$`"\\'.includes(s[k + 1])) { addCol(k + 1); k += 2; continue; }
        if (d === 92 && k + 1 >= n) {
          ok = false;
          problem(file, 'line-continuation', range(l.line, k, k + 1), `A backslash at the end of the line continues ${a.key} on the next line in bash, but NetworkManager reads ${a.key} as empty. Keep the whole value on one line.`);
          k++;
          continue;
        }
        if (d === 96 /* ` */ || (d === 36 && k + 1 < n && EXPANSION_START.test(s[k + 1]))) {
          const end = expansionEnd(s, k);
          ok = false;
          problem(file, 'expansion', range(l.line, k, Math.max(end, k)), `'${s.slice(k, end)}' is an expansion: bash substitutes it, but NetworkManager does not expand variables or commands and reads the whole ${a.key} as empty. Write the literal value (escape a literal $ as \\$).`);
          for (let m = k; m < end; m++) addCol(m);
          k = end;
          continue;
        }
        addCol(k); k++;
      }
      if (!closed) {
        ok = false;
        problem(file, 'unterminated-quote', range(l.line, i, n), `The double quote opened here is never closed on this line. NetworkManager reads ${a.key} as empty, and bash would swallow the following lines into the value. Add the closing ".`);
        i = n;
        break;
      }
      i = k + 1;
      continue;
    }
    if (c === 92 /* \ */) {
      styles |= NONE;
      if (i + 1 >= n) {
        ok = false;
        problem(file, 'line-continuation', range(l.line, i, i + 1), `A backslash at the end of the line continues ${a.key} on the next line in bash, but NetworkManager reads ${a.key} as empty. Keep the whole value on one line.`);
        i++;
        break;
      }
      addCol(i + 1);
      i += 2;
      continue;
    }
    if (c === 96 /* ` */ || (c === 36 && i + 1 < n && EXPANSION_START.test(s[i + 1]))) {
      styles |= NONE;
      const end = expansionEnd(s, i);
      ok = false;
      problem(file, 'expansion', range(l.line, i, Math.max(end, i)), `'${s.slice(i, end)}' is a shell expansion: bash substitutes it, but NetworkManager does not and reads ${a.key} as empty. Write the literal value.`);
      for (let m = i; m < end; m++) addCol(m);
      i = end;
      continue;
    }
    if (c === 59 /* ; */) {
      // A single trailing ';' (optionally followed by blanks and a comment) is accepted by both.
      let k = i + 1;
      while (k < n && isSpace(s[k])) k++;
      if (k >= n || s[k] === '#') { a.semicolon = true; break word; }
      ok = false;
      problem(file, 'metacharacter', range(l.line, i, i + 1), `An unquoted ';' ends the assignment and bash runs the rest of the line as a command; NetworkManager reads ${a.key} as empty. Quote the value.`);
      addCol(i); i++;
      continue;
    }
    if (c !== 36) {
      // | & ( ) < >
      styles |= NONE;
      ok = false;
      problem(file, 'metacharacter', range(l.line, i, i + 1), `An unquoted '${s[i]}' is a shell operator: bash does not assign ${a.key} as intended and NetworkManager reads it as empty. Put the value in double quotes.`);
      addCol(i); i++;
      continue;
    }
    // A '$' that starts nothing: an ordinary character.
    styles |= NONE;
    addCol(i); i++;
  }
  const valueEnd = i;
  // trailer: blanks, then nothing / '#comment' / ';' / more text
  let k = i;
  if (a.semicolon) k = i + 1;
  while (k < n && isSpace(s[k])) k++;
  if (k < n) {
    if (s[k] === '#') {
      a.comment = { range: range(l.line, k, n), text: s.slice(k) };
    } else if (s[k] === ';' && !a.semicolon) {
      a.semicolon = true;
      let m = k + 1;
      while (m < n && isSpace(s[m])) m++;
      if (m < n && s[m] === '#') a.comment = { range: range(l.line, m, n), text: s.slice(m) };
      else if (m < n) {
        ok = false;
        problem(file, 'metacharacter', range(l.line, k, Math.max(lineEnd(s, k), k)), `Text after ';' runs as a separate shell command when the file is sourced, and NetworkManager reads ${a.key} as empty. Remove it or turn it into a # comment.`);
      }
    } else if (!a.semicolon) {
      // The rest of the line up to a ' #' comment (which bash still treats as a comment).
      const hash = /[ \t]#/.exec(s.slice(k));
      const end = hash ? lineEnd(s.slice(0, k + hash.index), k) : lineEnd(s, k);
      if (hash) a.comment = { range: range(l.line, k + hash.index + 1, n), text: s.slice(k + hash.index + 1) };
      ok = false;
      if (s.startsWith('//', k)) {
        problem(file, 'slash-comment', range(l.line, valueEnd, Math.max(end, valueEnd)), `'//' does not start a comment in shell: bash runs '${s.slice(k, end)}' as a command and NetworkManager reads ${a.key} as empty. Use '#' for comments.`);
      } else {
        const rest = s.slice(k, end);
        problem(file, 'unquoted-whitespace', range(l.line, valueEnd, Math.max(end, valueEnd)), `The unquoted space ends the value: bash keeps only '${s.slice(start, valueEnd)}'${/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest) ? ` and treats '${rest.split(/\s/)[0]}' as another assignment` : ` and runs '${rest.split(/\s/)[0]}' as a command`}, while NetworkManager reads ${a.key} as empty. Quote the whole value: ${a.key}="${s.slice(start, end).replace(/"/g, '\\"')}".`);
      }
    }
  }
  a.rawRange = range(l.line, start, valueEnd);
  const cols = colArr as number[] | undefined; // (set by addCol)
  const len = cols ? cols.length : colCount;
  const first = cols ? cols[0] : colFirst;
  // Columns are recorded left to right: without an array they are one run (or none).
  const contiguous = !cols && len > 0;
  if (!ansi && contiguous) {
    a.value = s.slice(first, first + len);
  } else {
    const out = new Array<string>(len);
    for (let m = 0; m < len; m++) out[m] = ansi?.get(m) ?? s[cols ? cols[m] : first + m];
    a.value = out.join('');
  }
  // An unquoted value is its own raw text: one string for both.
  a.raw = !ansi && contiguous && first === start && first + len === valueEnd ? a.value : s.slice(start, valueEnd);
  a.valueColumns = contiguous ? runColumns(first, len) : cols ?? [];
  colArr = undefined;
  a.valueOk = ok;
  a.quote = styles === 0 ? 'empty' : STYLE_OF[styles] ?? 'mixed';
}

// Source columns of the value being scanned (scanValue does not nest): while they form one run only
// its start and length are kept; an array is made only when a column breaks the run.
let colArr: number[] | undefined;
let colFirst = 0;
let colCount = 0;

function addCol(k: number): void {
  if (colArr) { colArr.push(k); return; }
  if (colCount === 0) { colFirst = k; colCount = 1; return; }
  if (k === colFirst + colCount) { colCount++; return; }
  colArr = new Array<number>(colCount);
  for (let m = 0; m < colCount; m++) colArr[m] = colFirst + m;
  colArr.push(k);
}

function colLength(): number {
  return colArr ? colArr.length : colCount;
}

function expansionEnd(s: string, i: number): number {
  const n = s.length;
  if (s[i] === '`') { const e = s.indexOf('`', i + 1); return e < 0 ? n : e + 1; }
  // $
  const c = s[i + 1];
  if (c === '{' || c === '(') {
    const close = c === '{' ? '}' : ')';
    const e = s.indexOf(close, i + 2);
    return e < 0 ? lineEnd(s, i) : e + 1;
  }
  let k = i + 1;
  if (/[A-Za-z_]/.test(c)) { while (k < n && /[A-Za-z0-9_]/.test(s[k])) k++; return k; }
  return Math.min(n, i + 2);
}

const ANSI_SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

function scanAnsi(l: SourceLine, i: number, ansi: Map<number, string>, a: IfcfgAssignment, file: IfcfgFile, onFail: () => void): number {
  const s = l.text;
  const n = s.length;
  // Each value character of a $'…' string is recorded with its source column; those that differ from
  // the source character (escapes) go to `ansi` under their index in the value.
  const put = (ch: string, col: number): void => {
    if (s[col] !== ch) ansi.set(colLength(), ch);
    addCol(col);
  };
  let k = i + 2;
  while (k < n) {
    const d = s[k];
    if (d === "'") return k + 1;
    if (d === '\\' && k + 1 < n) {
      const e = s[k + 1];
      if (Object.prototype.hasOwnProperty.call(ANSI_SIMPLE, e)) { put(ANSI_SIMPLE[e], k); k += 2; continue; }
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(s.slice(k + 1, k + 4));
      if (hex) { put(String.fromCharCode(parseInt(hex[1], 16)), k); k += 1 + hex[0].length; continue; }
      const oct = /^[0-7]{1,3}/.exec(s.slice(k + 1, k + 4));
      if (oct) { put(String.fromCharCode(parseInt(oct[0], 8) & 0xff), k); k += 1 + oct[0].length; continue; }
      put('\\', k); k++;
      continue;
    }
    put(d, k); k++;
  }
  onFail();
  problem(file, 'unterminated-quote', range(l.line, i, n), `The $'…' string opened here is never closed on this line. NetworkManager reads ${a.key} as empty. Add the closing '.`);
  return n;
}
