// Property tests (fast-check) over random and mutated ifcfg / modprobe documents — the seeds are every
// file of examples/ and of bench/gen-fleet.mjs hosts, the mutations bytes, lines, quotes, backslashes,
// `=`, `#`, tabs, CR/LF mixes, NUL, BOM, lone surrogates and long lines (test/fuzz/harness.ts). About
// 4700 cases here; `npm run fuzz` runs 100k+ with the same harness. Every crash found has a named
// regression test at the end of this file (or in security.test.ts when it is a security property).
//
// Reproduce a failure: fast-check prints the seed and path; FC_SEED=<seed> npm run test:unit.
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Position } from 'vscode-languageserver-types';
import {
  caseArb, check, checkDiagnose, checkProbe, checkQuickFixes, describeCase, loadSeeds, mutatedCaseArb, soupCaseArb,
  type Case, type Problem, type Seed,
} from '../fuzz/harness';
import { SwallowedExceptions } from '../fuzz/swallowed';
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits, complete, diagnose, fixAll, makeContext } from '../../server/src/analysis';
import { analyseIsolated } from '../fuzz/adversarial';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
let seeds: Seed[] = [];
before(async () => { seeds = await loadSeeds(8); });

function params(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 60_000 };
}

function noProblems(ps: Problem[], c: Case): void {
  if (ps.length) assert.fail(`${ps.map((p) => `[${p.kind}] ${p.detail}`).join('\n')}\non ${describeCase(c)}`);
}

const positionArb: fc.Arbitrary<Position> = fc.oneof(
  fc.record({ line: fc.nat(30), character: fc.nat(120) }),
  fc.record({ line: fc.integer({ min: -2, max: 200 }), character: fc.integer({ min: -2, max: 100_000 }) }),
);

describe('analysis properties (fast-check)', () => {
  test('the seeds load', () => {
    assert.ok(seeds.length > 60, `${seeds.length} seeds`);
    assert.ok(seeds.some((s) => s.lang === 'modprobe') && seeds.some((s) => s.uri.startsWith('file:///fleet/')));
  });

  test('diagnose (alone and with its host) never throws, reports no internal error, keeps ranges inside', () => {
    fc.assert(fc.property(fc.oneof(mutatedCaseArb(seeds, { maxRepeat: 300 }), soupCaseArb(seeds)), (c) => noProblems(checkDiagnose(c), c)), params(2000));
  });

  test('completion, hover and navigation at any position: no throw, ranges inside, same answer twice', () => {
    fc.assert(fc.property(caseArb(seeds, { maxRepeat: 200 }), positionArb, (c, p) => noProblems(checkProbe(c, p), c)), params(1500));
  });

  test('quick fixes change only the bytes they edit and leave a document that analyses; fix all is idempotent', () => {
    fc.assert(fc.property(caseArb(seeds, { maxRepeat: 100 }), (c) => noProblems(checkQuickFixes(c), c)), params(800));
  });

  test('everything at once, watching for exceptions the analysis catches and hides', () => {
    const sw = new SwallowedExceptions();
    sw.start();
    try {
      fc.assert(fc.property(caseArb(seeds, { maxRepeat: 100, maxMutations: 4 }), positionArb, (c, p) => noProblems(check(c, { position: p, swallowed: sw, timeBoundMs: 10_000 }), c)), params(400));
    } finally {
      sw.stop();
    }
  });
});

describe('applyTextEdits agrees with the LSP reference', () => {
  test('random texts (CR/LF mixes, BOM, surrogates) and random non-overlapping edits, positions past line ends included', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '=', '"', ' ', '\n', '\r\n', '\r', '\uFEFF', '\uD83D\uDE00', 'é'), { maxLength: 60 }).map((a) => a.join(''));
    const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
    fc.assert(fc.property(text, fc.array(fc.record({ a: pos, b: pos, t: fc.constantFrom('', 'X', '\n', 'yz') }), { maxLength: 6 }), (t, raw) => {
      const doc = TextDocument.create('file:///x', 'ifcfg', 1, t);
      // The reference throws on overlapping edits: keep a non-overlapping subset (inserts may share a position).
      const edits: TextEdit[] = [];
      const taken: [number, number][] = [];
      for (const r of raw) {
        const [s, e] = [doc.offsetAt(r.a), doc.offsetAt(r.b)].sort((x, y) => x - y);
        if (taken.some(([x, y]) => s < y && x < e)) continue;
        if (taken.some(([x, y]) => (s === e && x < s && s < y) || (x === y && s < x && x < e))) continue;
        taken.push([s, e]);
        edits.push({ range: { start: r.a, end: r.b }, newText: r.t });
      }
      let want: string;
      try { want = TextDocument.applyEdits(doc, edits); } catch { return; }
      assert.equal(applyTextEdits(t, edits), want, JSON.stringify({ t, edits }));
    }), params(2000));
  });

  test('two inserts at one position keep the order given (fuzz: a fix writing TYPE=Bond and BONDING_MASTER=yes)', () => {
    const edits: TextEdit[] = [
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, newText: 'Bond' },
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, newText: '\nBONDING_MASTER=yes' },
    ];
    assert.equal(applyTextEdits('DEVICE=bond0\nTYPE=', edits), 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes');
  });
});

// Regression tests for what the fuzzer found (test/fuzz/RESULTS.md has the list).
describe('fuzz regressions', () => {
  const IFCFG = 'file:///h/etc/sysconfig/network-scripts/ifcfg-eno3';
  const MODPROBE = 'file:///h/etc/modprobe.d/bonding.conf';
  const inside = (text: string, r: { start: Position; end: Position }) => {
    const lines = text.split(/\r\n|\n|\r/);
    const ok = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || r.start.character <= r.end.character);
  };
  const editRanges = (text: string, lang: 'ifcfg' | 'modprobe', uri: string, p: Position) => complete(makeContext(uri, text, lang), p).items.map((i) => (i.textEdit && 'range' in i.textEdit ? i.textEdit.range : undefined)).filter((r) => r !== undefined);

  test('completion at column 0 of a file that starts with a BOM: no range that ends before it starts', () => {
    const text = '\uFEFFDEVICE=eno3\nMASTER=bond0\n';
    const ranges = editRanges(text, 'ifcfg', IFCFG, { line: 0, character: 0 });
    assert.ok(ranges.length > 0);
    for (const r of ranges) assert.ok(inside(text, r), JSON.stringify(r));
    for (const r of editRanges('\uFEFFoptions bonding mode=1', 'modprobe', MODPROBE, { line: 0, character: 0 })) assert.ok(inside('\uFEFFoptions bonding mode=1', r), JSON.stringify(r));
  });

  test('completion with the cursor inside `export   `: no inverted range', () => {
    const text = 'export   BONDING_OPTS="mode=1"\n';
    for (let character = 0; character <= 12; character++) {
      for (const r of editRanges(text, 'ifcfg', IFCFG, { line: 0, character })) assert.ok(inside(text, r), `at ${character}: ${JSON.stringify(r)}`);
    }
  });

  test('modprobe completion with the cursor past the end of the line or before its start', () => {
    const text = 'options bonding $\nalias bo';
    for (const p of [{ line: 0, character: 19 }, { line: 0, character: 500 }, { line: 1, character: 40 }, { line: 0, character: -3 }]) {
      for (const r of editRanges(text, 'modprobe', MODPROBE, p)) assert.ok(inside(text, r), `at ${JSON.stringify(p)}: ${JSON.stringify(r)}`);
    }
  });

  test('a key with a long run of digits inside is looked up in linear time (resolveKey backtracked quadratically)', () => {
    const text = `D${'4'.repeat(50_000)}EVICE=e\n`;
    const t0 = Date.now();
    const ctx = makeContext(IFCFG, text, 'ifcfg');
    diagnose(ctx);
    complete(ctx, { line: 0, character: 3 });
    assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms (was 0.7 s for 18k digits, quadratic)`);
  });

  test('thousands of backslash continuations gluing one word: parsing stays linear', { timeout: 60_000 }, async () => {
    // Measured: 10 000 continuations 0.27 s, 20 000 1.1 s, 40 000 3.7 s (quadratic).
    await analyseIsolated([
      { uri: MODPROBE, lang: 'modprobe', text: 'x\\\n'.repeat(60_000), label: "modprobe: 'x\\' LF × 60000" },
      { uri: MODPROBE, lang: 'modprobe', text: 'options bonding x\\\r\n'.repeat(1) + 'x\\\r\n'.repeat(60_000), label: "modprobe: options bonding + 'x\\' CRLF × 60000" },
    ], 3000);
  });

  test('fix all with thousands of findings of one rule runs that rule once per pass, not once per finding', () => {
    const text = `DEVICE=bond0\nBONDING_OPTS="mode=balance-tlb miimon=100 ${'blacklist '.repeat(1500)}"\n${'X = 1\n'.repeat(1500)}`;
    const uri = 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0';
    const t0 = Date.now();
    const r = fixAll(makeContext(uri, text, 'ifcfg'), (t) => makeContext(uri, t, 'ifcfg'));
    assert.ok(r.applied.length > 1000);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
  });
});
