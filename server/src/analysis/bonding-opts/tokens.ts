// Splitting a BONDING_OPTS value (or a modprobe `options bonding …` line) into option tokens with
// document ranges, the way each consumer splits it.
//
// initscripts: `for arg in $BONDING_OPTS` splits on runs of blanks (IFS); key = text before the FIRST
// '=', value = text after the LAST '='; a token without '=' has key = value = the token.
// NetworkManager: splits on single spaces only; key/value at the FIRST '='; empty pieces skipped.
import type { Range } from 'vscode-languageserver-types';
import type { IfcfgAssignment } from '../ifcfg/parser';
import type { OptionToken as ModprobeOptionToken } from '../modprobe/parser';

export interface OptToken {
  /** The token as written (after shell unquoting). */
  text: string;
  key: string;
  /** The value initscripts writes: text after the last '='. Undefined when the token has no '='. */
  value?: string;
  range: Range;
  keyRange: Range;
  valueRange?: Range;
  /** Position of the token in the list (0-based). */
  index: number;
}

export interface SplitDifference {
  kind: 'tab' | 'double-space' | 'multiple-equals' | 'newline';
  range: Range;
  message: string;
}

export interface SplitResult {
  tokens: OptToken[];
  differences: SplitDifference[];
}

/** Splits the BONDING_OPTS assignment's unquoted value; ranges point into the file. */
export function splitBondingOpts(a: IfcfgAssignment): SplitResult {
  const v = a.value;
  const cols = a.valueColumns;
  const line = a.line;
  const at = (i: number): number => (i < cols.length ? cols[i] : (cols.length ? cols[cols.length - 1] + 1 : a.rawRange.start.character));
  const rng = (from: number, to: number): Range => ({
    start: { line, character: at(from) },
    end: { line, character: to > from ? at(to - 1) + 1 : at(from) },
  });
  const tokens: OptToken[] = [];
  const differences: SplitDifference[] = [];
  let i = 0;
  while (i < v.length) {
    const c = v[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      const st = i;
      while (i < v.length && (v[i] === ' ' || v[i] === '\t' || v[i] === '\n')) i++;
      const blank = v.slice(st, i);
      const between = st > 0 && i < v.length;
      if (blank.includes('\t')) {
        differences.push({ kind: 'tab', range: rng(st, i), message: 'A tab separates options here: initscripts splits on it, but NetworkManager splits on single spaces only and reads the neighbouring options as one invalid value, dropping them. Use a single space.' });
      } else if (blank.includes('\n')) {
        differences.push({ kind: 'newline', range: rng(st, i), message: 'An escaped newline separates options here; NetworkManager does not split on it. Use a single space.' });
      } else if (blank.length > 1 && between) {
        differences.push({ kind: 'double-space', range: rng(st, i), message: 'Several spaces separate options here. Both consumers cope (NetworkManager skips the empty pieces), but a single space is what both read the same way.' });
      }
      continue;
    }
    const st = i;
    while (i < v.length && v[i] !== ' ' && v[i] !== '\t' && v[i] !== '\n') i++;
    const text = v.slice(st, i);
    const first = text.indexOf('=');
    const last = text.lastIndexOf('=');
    const tok: OptToken = {
      text,
      key: first < 0 ? text : text.slice(0, first),
      range: rng(st, i),
      keyRange: rng(st, first < 0 ? i : st + first),
      index: tokens.length,
    };
    if (first >= 0) {
      tok.value = text.slice(last + 1);
      tok.valueRange = rng(st + last + 1, i);
      if (first !== last) {
        differences.push({ kind: 'multiple-equals', range: tok.range, message: `'${text}' has more than one '=': initscripts writes '${text.slice(last + 1)}' (the text after the last '='), NetworkManager reads '${text.slice(first + 1)}' (after the first). Write one key=value per option.` });
      }
    }
    tokens.push(tok);
  }
  return { tokens, differences };
}

/** The same token shape for a modprobe `options MODULE k=v …` line. */
export function modprobeOptTokens(opts: readonly ModprobeOptionToken[]): OptToken[] {
  return opts.map((o, index) => ({
    text: o.text,
    key: o.name,
    value: o.value,
    range: o.range,
    keyRange: o.nameRange,
    valueRange: o.valueRange,
    index,
  }));
}
