// The BONDING_OPTS model against the real bonding driver on a HELD-OUT set: cases made by
// scripts/oracle/gen-heldout.mjs (production-style strings, perturbed) and recorded by the kernel oracle
// (Linux 6.1, see test/fixtures/kernel/README.md). The model was tuned on verdicts.jsonl, never on these;
// do not tune it on these either, or this check stops measuring anything.
// The kernel wins: where this model and the kernel disagree, the model is wrong.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compare, finalStateMismatches, kernelEvidence, loadVerdicts, type Disagreement } from '../helpers/kernel-verdicts';

const cases = loadVerdicts('heldout-verdicts.jsonl');
const training = new Set(loadVerdicts('verdicts.jsonl').map((c) => c.opts));

const describe = (ds: Disagreement[]): string => ds.map((d) => `${d.line}\n${kernelEvidence(d.c, d.j)}`).join('\n');

test(`held-out kernel verdicts are present (${cases.length} cases) and disjoint from the tuning set`, () => {
  assert.ok(cases.length >= 350, `only ${cases.length} held-out cases`);
  assert.deepEqual(cases.map((c) => c.i), cases.map((_, k) => k + 1), 'case numbers are not 1..n');
  assert.deepEqual(cases.filter((c) => training.has(c.opts)).map((c) => `#${c.i} ${c.opts}`), [], 'held-out cases that are also in verdicts.jsonl');
});

test('held-out: the model never errors on a token the kernel accepts, and agrees on >= 99% of tokens', () => {
  const { total, agree, rate, falseErrors, missed } = compare(cases);
  console.log(`held-out kernel agreement: ${agree}/${total} tokens in ${cases.length} cases = ${(rate * 100).toFixed(2)}%; `
    + `false errors ${falseErrors.length}, other disagreements ${missed.length}`);
  const all = [...falseErrors, ...missed];
  if (all.length && (process.env.VERBOSE || rate < 0.99 || falseErrors.length)) console.log(describe(all));
  assert.deepEqual(falseErrors.map((d) => d.line), [],
    `the model reports errors on ${falseErrors.length} token(s) the kernel did not reject:\n${describe(falseErrors)}`);
  assert.ok(rate >= 0.99, `agreement ${(rate * 100).toFixed(2)}% < 99%; every disagreement:\n${describe(all)}`);
});

test('held-out: final mode and miimon match the kernel state', () => {
  const bad = finalStateMismatches(cases);
  if (bad.length) console.log(bad.join('\n'));
  assert.ok(bad.length <= cases.length / 100, bad.join('\n'));
});
