// The BONDING_OPTS model against the real bonding driver: verdicts recorded by ../shared/oracle
// (Linux 6.1, options applied the way initscripts applies them) in test/fixtures/kernel/.
// The kernel wins: where this model and the kernel disagree, the model is wrong.
// The comparison itself is in test/helpers/kernel-verdicts.ts (shared with kernel-heldout.test.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compare, finalStateMismatches, loadVerdicts } from '../helpers/kernel-verdicts';

const cases = loadVerdicts('verdicts.jsonl');

test(`kernel verdict fixture is present and large (${cases.length} cases)`, () => {
  assert.ok(cases.length >= 500);
});

test('the model agrees with the kernel on >= 99% of tokens, and never errors on an accepted token', () => {
  const { total, agree, rate, falseErrors: fe, missed: ms } = compare(cases);
  const falseErrors = fe.map((d) => d.line);
  const missed = ms.map((d) => d.line);
  console.log(`kernel agreement: ${agree}/${total} tokens = ${(rate * 100).toFixed(2)}%; false errors ${falseErrors.length}, missed rejections ${missed.length}`);
  if (process.env.VERBOSE) for (const l of [...falseErrors, ...missed]) console.log(l);
  assert.ok(rate >= 0.99, `agreement ${(rate * 100).toFixed(2)}% < 99%:\n${[...falseErrors, ...missed].slice(0, 40).join('\n')}`);
  assert.deepEqual(falseErrors, [], 'Errors on tokens the kernel accepts');
});

test('final mode and miimon match the kernel state', () => {
  const bad = finalStateMismatches(cases);
  assert.ok(bad.length <= cases.length / 100, bad.slice(0, 30).join('\n'));
});
