// The BONDING_OPTS model against the real bonding driver: verdicts recorded by ../shared/oracle
// (Linux 6.1, options applied the way initscripts applies them) in test/fixtures/kernel/.
// The kernel wins: where this model and the kernel disagree, the model is wrong.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { simulate } from '../../server/src/analysis/bonding-opts/kernel';
import type { OptToken } from '../../server/src/analysis/bonding-opts/tokens';

interface Case { i: number; opts: string; accepted: string[]; rejected: string[]; skipped: string[]; errors: { token: string; errno: string }[]; final: Record<string, string> }

const cases: Case[] = readFileSync(path.join(__dirname, '..', 'fixtures', 'kernel', 'verdicts.jsonl'), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l));

/** Tokens as initscripts' `for arg in $BONDING_OPTS` sees them (ranges are irrelevant here). */
function tokensOf(opts: string): OptToken[] {
  const z = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return opts.split(/[ \t\n]+/).filter(Boolean).map((text, index) => {
    const eq = text.indexOf('=');
    return { text, key: eq < 0 ? text : text.slice(0, eq), value: eq < 0 ? undefined : text.slice(text.lastIndexOf('=') + 1), range: z, keyRange: z, index };
  });
}

type KernelSays = 'accepted' | 'rejected' | 'skipped';

function judge(c: Case): { token: string; kernel: KernelSays; model: KernelSays; detail: string }[] {
  const sim = simulate(tokensOf(c.opts), { members: ['eth0', 'eth1'] });
  const rejected = [...c.rejected];
  const accepted = [...c.accepted];
  const take = (list: string[], s: string): boolean => { const i = list.indexOf(s); if (i < 0) return false; list.splice(i, 1); return true; };
  return sim.verdicts.map((v) => {
    let kernel: KernelSays = 'skipped';
    const ws = v.writes.map((w) => `${w.key}=${w.value}`);
    if (ws.some((w) => rejected.includes(w))) kernel = 'rejected';
    else if (ws.length && ws.every((w) => accepted.includes(w))) kernel = 'accepted';
    for (const w of ws) { if (!take(rejected, w)) take(accepted, w); }
    const model: KernelSays = v.outcome === 'rejected' ? 'rejected' : v.writes.length ? 'accepted' : 'skipped';
    return { token: v.token.text, kernel, model, detail: `writes ${JSON.stringify(ws)}; ${v.reason ?? ''}` };
  });
}

test(`kernel verdict fixture is present and large (${cases.length} cases)`, () => {
  assert.ok(cases.length >= 500);
});

test('the model agrees with the kernel on >= 99% of tokens, and never errors on an accepted token', () => {
  let total = 0;
  let agree = 0;
  const falseErrors: string[] = [];
  const missed: string[] = [];
  for (const c of cases) {
    for (const j of judge(c)) {
      total++;
      if (j.kernel === j.model || (j.kernel === 'skipped' && j.model !== 'rejected')) { agree++; continue; }
      const line = `#${c.i} "${c.opts}" token ${j.token}: kernel ${j.kernel}, model ${j.model} (${j.detail})`;
      if (j.model === 'rejected') falseErrors.push(line); else missed.push(line);
    }
  }
  const rate = agree / total;
  console.log(`kernel agreement: ${agree}/${total} tokens = ${(rate * 100).toFixed(2)}%; false errors ${falseErrors.length}, missed rejections ${missed.length}`);
  if (process.env.VERBOSE) for (const l of [...falseErrors, ...missed]) console.log(l);
  assert.ok(rate >= 0.99, `agreement ${(rate * 100).toFixed(2)}% < 99%:\n${[...falseErrors, ...missed].slice(0, 40).join('\n')}`);
  assert.deepEqual(falseErrors, [], 'Errors on tokens the kernel accepts');
});

test('final mode and miimon match the kernel state', () => {
  const bad: string[] = [];
  for (const c of cases) {
    const sim = simulate(tokensOf(c.opts), { members: ['eth0', 'eth1'] });
    const mode = c.final.mode?.split(' ')[0];
    if (mode && mode !== sim.state.mode) bad.push(`#${c.i} "${c.opts}": mode kernel ${mode}, model ${sim.state.mode}`);
    if (c.final.miimon !== undefined && Number(c.final.miimon) !== sim.state.miimon) bad.push(`#${c.i} "${c.opts}": miimon kernel ${c.final.miimon}, model ${sim.state.miimon}`);
  }
  assert.ok(bad.length <= cases.length / 100, bad.slice(0, 30).join('\n'));
});
