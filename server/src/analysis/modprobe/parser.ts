// Parser for modprobe.conf / modprobe.d/*.conf with kmod's rules: physical lines joined on a trailing
// backslash with nothing inserted, comments only when '#' is the very first character, no inline
// comments, whitespace-separated tokens. Never throws; problems carry exact ranges.
import type { Position, Range } from 'vscode-languageserver-types';
import { contentStart, position, SplitText, splitLines } from '../text';
import { MEMO, type Memoizable } from '../memo';

export type ModprobeCommand = 'alias' | 'options' | 'install' | 'remove' | 'blacklist' | 'softdep' | 'weakdep';
export const MODPROBE_COMMANDS: readonly ModprobeCommand[] = ['alias', 'options', 'install', 'remove', 'blacklist', 'softdep', 'weakdep'];

export type ModprobeProblemKind =
  | 'indented-comment'   // "  # text": not a comment for kmod
  | 'unknown-command'
  | 'deprecated-command' // include / config
  | 'missing-argument'
  | 'bad-module-name'    // unbalanced [ ]
  | 'continuation-join'  // "mode=4\" + "miimon=100" → "mode=4miimon=100"
  | 'inline-comment';    // options bonding mode=4 # LACP

export interface ModprobeProblem {
  kind: ModprobeProblemKind;
  range: Range;
  message: string;
}

export interface Token {
  text: string;
  range: Range;
}

/** A `name=value` (or bare `name`) argument of an `options` line. */
export interface OptionToken extends Token {
  name: string;
  nameRange: Range;
  /** Undefined for a bare flag without '='. Surrounding double quotes are removed. */
  value?: string;
  valueRange?: Range;
}

export interface ModprobeStatement {
  command: string;
  commandToken: Token;
  /** All tokens after the command. */
  args: Token[];
  /** For `options`: the parameters after the module name. */
  options?: OptionToken[];
  /** Range of the whole logical line (may span several physical lines). */
  range: Range;
  /** First physical line. */
  line: number;
  /** Last physical line. */
  endLine: number;
}

export interface ModprobeFile extends Memoizable {
  text: SplitText;
  statements: ModprobeStatement[];
  comments: { line: number; range: Range; text: string }[];
  problems: ModprobeProblem[];
}

interface LogicalLine {
  chars: string;
  /** Position of each character of `chars` in the document. */
  pos: Position[];
  /** End position (after the last character of the last physical line). */
  end: Position;
  startLine: number;
  endLine: number;
  /** Index into `chars` of each place where two physical lines were joined. */
  joins: { at: number; from: Position }[];
}

export function parseModprobe(source: string): ModprobeFile {
  const text = splitLines(source);
  const file: ModprobeFile = { text, statements: [], comments: [], problems: [], [MEMO]: undefined };
  const lines = text.lines;
  let i = 0;
  while (i < lines.length) {
    const startLine = i;
    const ll: LogicalLine = { chars: '', pos: [], end: position(i, 0), startLine, endLine: i, joins: [] };
    const buf: string[] = [];
    for (;;) {
      const l = lines[i];
      const s = l.text;
      let c0 = contentStart(l);
      if (i === startLine && s.charCodeAt(c0) === 35 /* # */) {
        // A comment line; a trailing backslash does not continue it (kmod's reader joins first, but
        // joined comments are still comments, so treat the whole run as one comment).
        file.comments.push({ line: i, range: { start: position(i, c0), end: position(i, s.length) }, text: s.slice(c0) });
        if (s.endsWith('\\') && i + 1 < lines.length) { i++; continue; }
        break;
      }
      let continued = false;
      for (let k = c0; k < s.length; k++) {
        const ch = s[k];
        if (ch === '\\') {
          if (k === s.length - 1) { continued = i + 1 < lines.length; break; }
          // A backslash before another character is dropped and the character kept.
          buf.push(s[k + 1]); ll.pos.push(position(i, k + 1));
          k++;
          continue;
        }
        buf.push(ch); ll.pos.push(position(i, k));
      }
      ll.end = position(i, s.length);
      ll.endLine = i;
      if (!continued) break;
      ll.joins.push({ at: buf.length, from: position(i, s.length - 1) });
      i++;
      c0 = 0;
    }
    ll.chars = buf.join('');
    i++;
    if (ll.chars.length) parseLogical(ll, file);
  }
  return file;
}

/** Index of each token's first character in its logical line (for ranges inside tokens), in token order. */
const tokenStarts: number[] = [];

/** The logical line's tokens; their start indices are left in tokenStarts (until the next call). */
function tokenize(ll: LogicalLine): Token[] {
  tokenStarts.length = 0;
  const toks: Token[] = [];
  const s = ll.chars;
  let k = 0;
  while (k < s.length) {
    while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
    if (k >= s.length) break;
    const st = k;
    while (k < s.length && s[k] !== ' ' && s[k] !== '\t') k++;
    const tok = { text: s.slice(st, k), range: span(ll, st, k) };
    tokenStarts.push(st);
    toks.push(tok);
  }
  return toks;
}

function span(ll: LogicalLine, from: number, to: number): Range {
  const start = ll.pos[from] ?? ll.end;
  const last = ll.pos[to - 1];
  const end = last ? position(last.line, last.character + 1) : start;
  return { start, end };
}

function parseLogical(ll: LogicalLine, file: ModprobeFile): void {
  const toks = tokenize(ll);
  if (!toks.length) return;
  const [cmd, ...args] = toks;
  const whole: Range = { start: cmd.range.start, end: args.length ? args[args.length - 1].range.end : cmd.range.end };
  if (cmd.text.startsWith('#')) {
    file.problems.push({ kind: 'indented-comment', range: whole,
      message: "kmod treats '#' as a comment only in the first column; this indented line is reported as a bad line and skipped (harmless, but noisy in the boot log). Move '#' to the start of the line." });
    return;
  }
  const st: ModprobeStatement = { command: cmd.text, commandToken: cmd, args, range: whole, line: ll.startLine, endLine: ll.endLine };
  const need = (n: number, what: string): boolean => {
    if (args.length >= n) return true;
    file.problems.push({ kind: 'missing-argument', range: whole, message: `'${cmd.text}' needs ${what}; kmod ignores this line as a bad line.` });
    return false;
  };
  switch (cmd.text) {
    case 'alias':
      need(2, 'a name and a module (alias NAME MODULE)');
      break;
    case 'options':
      if (need(2, 'a module name and at least one parameter (options MODULE param=value …)')) st.options = optionTokens(ll, args.slice(1), tokenStarts.slice(2), file);
      else if (args.length === 1) st.options = [];
      break;
    case 'install':
    case 'remove':
      need(2, 'a module name and a shell command');
      break;
    case 'blacklist':
      need(1, 'a module name');
      break;
    case 'softdep':
      need(2, 'a module name and pre:/post: modules');
      break;
    case 'weakdep':
      need(2, 'a module name and the modules it may use');
      break;
    case 'include':
    case 'config':
      file.problems.push({ kind: 'deprecated-command', range: cmd.range, message: `'${cmd.text}' is no longer supported by kmod: the line is reported as an error and ignored.` });
      break;
    default:
      file.problems.push({ kind: 'unknown-command', range: cmd.range,
        message: `'${cmd.text}' is not a modprobe.d command (alias, options, install, remove, blacklist, softdep, weakdep); kmod ignores this line as a bad line.` });
  }
  if (args.length && ['alias', 'options', 'install', 'remove', 'blacklist', 'softdep', 'weakdep'].includes(cmd.text)) {
    const name = args[0].text;
    const open = name.indexOf('[');
    const close = name.indexOf(']');
    if ((close >= 0 && (open < 0 || close < open)) || (open >= 0 && close < 0)) {
      file.problems.push({ kind: 'bad-module-name', range: args[0].range, message: `Unbalanced '[' / ']' in '${name}': kmod rejects this line.` });
    }
  }
  // Continuations that glue two words together ("mode=4\" + "miimon=100").
  for (const j of ll.joins) {
    const before = ll.chars[j.at - 1];
    const after = ll.chars[j.at];
    if (before && after && before !== ' ' && before !== '\t' && after !== ' ' && after !== '\t') {
      file.problems.push({ kind: 'continuation-join', range: { start: j.from, end: position(j.from.line, j.from.character + 1) },
        message: `kmod joins continued lines with nothing in between, so '${wordAround(ll.chars, j.at)}' becomes one word. Put a space before the backslash or indent the next line.` });
    }
  }
  file.statements.push(st);
}

/** The glued word around a join, at most `max` characters either side (… marks a cut). */
function wordAround(s: string, at: number, max = 40): string {
  let a = at;
  let b = at;
  while (a > 0 && at - a < max && s[a - 1] !== ' ' && s[a - 1] !== '\t') a--;
  while (b < s.length && b - at < max && s[b] !== ' ' && s[b] !== '\t') b++;
  const more = (i: number) => i >= 0 && i < s.length && s[i] !== ' ' && s[i] !== '\t';
  return (more(a - 1) ? '…' : '') + s.slice(a, b) + (more(b) ? '…' : '');
}

function optionTokens(ll: LogicalLine, toks: Token[], starts: readonly number[], file: ModprobeFile): OptionToken[] {
  const out: OptionToken[] = [];
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t];
    if (tok.text.startsWith('#')) {
      const last = toks[toks.length - 1];
      file.problems.push({ kind: 'inline-comment', range: { start: tok.range.start, end: last.range.end },
        message: `modprobe.d has no inline comments: '${toks.slice(t).map((x) => x.text).join(' ')}' is passed to the module as parameters (the kernel warns about unknown parameters). Move the comment to its own line starting with '#'.` });
      break;
    }
    const eq = tok.text.indexOf('=');
    const name = eq < 0 ? tok.text : tok.text.slice(0, eq);
    const nameRange: Range = { start: tok.range.start, end: eq < 0 ? tok.range.end : offsetIn(ll, tok, starts[t], eq) };
    const o: OptionToken = { ...tok, name, nameRange };
    if (eq >= 0) {
      let vs = eq + 1;
      let ve = tok.text.length;
      if (tok.text[vs] === '"' && tok.text.endsWith('"') && ve - vs >= 2) { vs++; ve--; }
      o.value = tok.text.slice(vs, ve);
      o.valueRange = { start: offsetIn(ll, tok, starts[t], vs), end: offsetIn(ll, tok, starts[t], ve) };
    }
    out.push(o);
  }
  return out;
}

/** Document position of the character at index `k` inside token `tok` (which starts at `start` in the line). */
function offsetIn(ll: LogicalLine, tok: Token, start: number, k: number): Position {
  const idx = start + k;
  if (idx < ll.pos.length && k < tok.text.length) return ll.pos[idx];
  return tok.range.end;
}
