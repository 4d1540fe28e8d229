// Guards the TextMate grammars against catastrophic backtracking and other
// super-linear behaviour (including the vscode-textmate specific kind: a
// regex that is cheap per attempt but is re-tried from every position).
//
//   node --import tsx --test test/grammar/redos.test.ts
//
// Two layers:
//   1. every regex of both grammars is searched, on its own, over 100k-char
//      hostile strings (catches bad patterns even in contexts the tokenizer
//      never reaches);
//   2. whole 100k-char hostile lines are tokenized in every syntactic context
//      (after `KEY=`, inside "...", after `options bonding x=`, ...).
// Limits can be raised on slow machines: GRAMMAR_MAX_LINE_MS (default 1000),
// GRAMMAR_MAX_REGEX_MS (default 250).  Linear code needs ~1-330 ms per line
// here; the quadratic variants this replaced needed 5-50 s.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { createRegistry, grammarFiles, loadGrammar } from './registry';

const LINE_LENGTH = 100_000;
const MAX_LINE_MS = Number(process.env.GRAMMAR_MAX_LINE_MS ?? 1000);
const MAX_REGEX_MS = Number(process.env.GRAMMAR_MAX_REGEX_MS ?? 250);

/** Repeated to LINE_LENGTH characters. */
const HOSTILE_UNITS = [
  'a=', '"', '\\', '"\\\\\\', '=', ' ', '\t', '#', "'", ';', '$', '${', '$(', "$'", '`', '\\"', '"a" ', "='", '="',
  '1.', '1:', 'a:', '0', '+', ',', '-', '*', '[', 'ab', 'x ', 'a=1,', 'mode=4 ', 'pre: ', ' \\', ' #', '=a ',
];

/** Prefixes that put the hostile text into each syntactic context. */
const CONTEXTS: Record<string, string[]> = {
  'source.ifcfg': [
    '', '  ', '# ', 'KEY=', 'KEY="', "KEY='", "KEY=$'", 'KEY = ', 'KEY= ', 'export KEY=',
    'BONDING_OPTS=', 'BONDING_OPTS="', "BONDING_OPTS='", 'BONDING_OPTS="mode=',
  ],
  'source.modprobe': [
    '', '#', '  ', 'options bonding ', 'options bonding x=', 'options bonding x="', 'alias ', 'alias a ',
    'install m ', 'remove m ', 'blacklist ', 'softdep m ', 'softdep m pre: ', 'weakdep m ', 'include ', 'bogus ',
  ],
};

/**
 * Units for the full tokenization cross product (slower than the per-regex
 * check, mostly because lines of 100k one-character tokens cost ~100-300 ms
 * in vscode-textmate itself): the classic hostile inputs plus the ones that
 * exposed quadratic behaviour in earlier versions of these grammars.
 */
const TOKENIZE_UNITS = ['a=', '"\\\\\\', '=====', ' ', '#', '"a" ', '${', 'mode=4 '];

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Deterministic pseudo-random line over an alphabet of syntax characters. */
function fuzzLine(seed: number, length: number): string {
  const alphabet = 'aZ09_=:.,+-;#"\'\\$`{}()[]*?|&<> \t';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

function collectRegexes(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectRegexes(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') {
        out.add(value);
      } else {
        collectRegexes(value, out);
      }
    }
  }
  return out;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

for (const scopeName of Object.keys(CONTEXTS)) {
  describe(`${scopeName}: no super-linear regex behaviour`, () => {
    let grammar: vsctm.IGrammar;

    before(async () => {
      // also initialises the oniguruma WASM used directly below
      grammar = await loadGrammar(scopeName, createRegistry());
    });

    test('every regex compiles and searches a 100k hostile string quickly', () => {
      const raw = JSON.parse(readFileSync(grammarFiles[scopeName], 'utf8'));
      const regexes = [...collectRegexes(raw, new Set())];
      assert.ok(regexes.length > 20, 'grammar regexes were collected');
      const inputs = [...HOSTILE_UNITS.map((u) => repeatTo(u, LINE_LENGTH)), fuzzLine(1, LINE_LENGTH)].map(
        (s) => [s, new oniguruma.OnigString(s + '\n')] as const,
      );
      const slow: string[] = [];
      try {
        for (const regex of regexes) {
          const scanner = new oniguruma.OnigScanner([regex]);
          for (const [text, onigString] of inputs) {
            const [, ms] = time(() => scanner.findNextMatchSync(onigString, 0));
            if (ms > MAX_REGEX_MS) slow.push(`${ms.toFixed(0)} ms: /${regex}/ on ${JSON.stringify(text.slice(0, 12))}...`);
          }
          scanner.dispose();
        }
      } finally {
        for (const [, onigString] of inputs) onigString.dispose();
      }
      assert.deepEqual(slow, []);
    });

    test(`hostile ${LINE_LENGTH / 1000}k-character lines tokenize in under ${MAX_LINE_MS} ms each`, () => {
      const lines: [string, string][] = [];
      for (const prefix of CONTEXTS[scopeName]) {
        for (const unit of TOKENIZE_UNITS) {
          lines.push([`${JSON.stringify(prefix)} + ${JSON.stringify(unit)}...`, prefix + repeatTo(unit, LINE_LENGTH - prefix.length)]);
        }
        for (const seed of [7]) {
          lines.push([`${JSON.stringify(prefix)} + fuzz(${seed})`, prefix + fuzzLine(seed, LINE_LENGTH - prefix.length)]);
        }
      }
      const slow: string[] = [];
      const leaked: string[] = [];
      let worst = 0;
      for (const [label, line] of lines) {
        const [result, ms] = time(() => grammar.tokenizeLine(line, vsctm.INITIAL));
        worst = Math.max(worst, ms);
        if (ms > MAX_LINE_MS) slow.push(`${ms.toFixed(0)} ms: ${label}`);
        assert.ok(result.tokens.length > 0);
        // Both languages are line based: unless kmod's backslash continuation
        // applies, nothing may stay open after the end of the line.
        if (!line.endsWith('\\') && result.ruleStack.depth !== 1) leaked.push(label);
      }
      assert.deepEqual(slow, [], `worst line took ${worst.toFixed(0)} ms`);
      assert.deepEqual(leaked, [], 'rule stack must be back at the root after a line');
    });
  });
}
