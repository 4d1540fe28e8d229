// Compares the BONDING_OPTS model (simulate()) with verdicts recorded from the real bonding driver by the
// kernel oracle (/work/shared/oracle, see test/fixtures/kernel/README.md). Shared by
// test/unit/kernel-verdicts.test.ts (the set the model was tuned on) and test/unit/kernel-heldout.test.ts
// (a held-out set it was not tuned on). The kernel wins: where they disagree, the model is wrong.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { simulate } from '../../server/src/analysis/bonding-opts/kernel';
import type { OptToken } from '../../server/src/analysis/bonding-opts/tokens';

export interface KernelError { token: string; errno: string; stage?: string; dmesg?: string[] }

/** One line of a verdicts file (format: test/fixtures/kernel/README.md). */
export interface Case {
  i: number;
  opts: string;
  kernel?: string;
  accepted: string[];
  rejected: string[];
  skipped: string[];
  errors: KernelError[];
  accepted_dmesg?: { token: string; dmesg: string[] }[];
  final: Record<string, string>;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kernel');

/** Reads a verdicts file of test/fixtures/kernel/ (one JSON object per line). */
export function loadVerdicts(file: string): Case[] {
  return readFileSync(path.isAbsolute(file) ? file : path.join(FIXTURES, file), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l));
}

/** Tokens as initscripts' `for arg in $BONDING_OPTS` sees them (ranges are irrelevant here). */
export function tokensOf(opts: string): OptToken[] {
  const z = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return opts.split(/[ \t\n]+/).filter(Boolean).map((text, index) => {
    const eq = text.indexOf('=');
    return { text, key: eq < 0 ? text : text.slice(0, eq), value: eq < 0 ? undefined : text.slice(text.lastIndexOf('=') + 1), range: z, keyRange: z, index };
  });
}

export type KernelSays = 'accepted' | 'rejected' | 'skipped';

export interface Judgement {
  token: string;
  kernel: KernelSays;
  model: KernelSays;
  /** The writes the model says the token causes, and the model's reason. */
  detail: string;
  /** The same writes as `key=value` strings (how the oracle names them). */
  writes: string[];
}

/** Kernel and model verdict for every token of a case. */
export function judge(c: Case): Judgement[] {
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
    return { token: v.token.text, kernel, model, detail: `writes ${JSON.stringify(ws)}; ${v.reason ?? ''}`, writes: ws };
  });
}

/** A token counts as agreeing when both say the same, or the kernel skipped it and the model did not report an error. */
export function agrees(j: Judgement): boolean {
  return j.kernel === j.model || (j.kernel === 'skipped' && j.model !== 'rejected');
}

export interface Disagreement { c: Case; j: Judgement; line: string }

export interface Comparison {
  total: number;
  agree: number;
  rate: number;
  /** The model reports 'rejected' for a token the kernel did not reject. */
  falseErrors: Disagreement[];
  /** Every other disagreement (mostly rejections the model missed). */
  missed: Disagreement[];
}

export function compare(cases: Case[]): Comparison {
  let total = 0;
  let agree = 0;
  const falseErrors: Disagreement[] = [];
  const missed: Disagreement[] = [];
  for (const c of cases) {
    for (const j of judge(c)) {
      total++;
      if (agrees(j)) { agree++; continue; }
      const line = `#${c.i} "${c.opts}" token ${j.token}: kernel ${j.kernel}, model ${j.model} (${j.detail})`;
      (j.model === 'rejected' ? falseErrors : missed).push({ c, j, line });
    }
  }
  return { total, agree, rate: total ? agree / total : 0, falseErrors, missed };
}

/** What the kernel said about a token's writes: its errors (errno, stage, kernel log), accepted-write log lines, and the final state. */
export function kernelEvidence(c: Case, j: Judgement): string {
  const out: string[] = [];
  for (const e of c.errors.filter((x) => j.writes.includes(x.token))) {
    out.push(`kernel error ${e.token}: ${e.errno}${e.stage ? `/${e.stage}` : ''}${e.dmesg?.length ? ` ${JSON.stringify(e.dmesg)}` : ''}`);
  }
  for (const a of (c.accepted_dmesg ?? []).filter((x) => j.writes.includes(x.token))) {
    out.push(`kernel log for accepted ${a.token}: ${JSON.stringify(a.dmesg)}`);
  }
  out.push(`kernel accepted ${JSON.stringify(c.accepted)}, rejected ${JSON.stringify(c.rejected)}, skipped ${JSON.stringify(c.skipped)}`);
  out.push(`final ${JSON.stringify(c.final)}`);
  return out.map((l) => `    ${l}`).join('\n');
}

/** Cases whose final mode or miimon differ between kernel and model. */
export function finalStateMismatches(cases: Case[]): string[] {
  const bad: string[] = [];
  for (const c of cases) {
    const sim = simulate(tokensOf(c.opts), { members: ['eth0', 'eth1'] });
    const mode = c.final.mode?.split(' ')[0];
    if (mode && mode !== sim.state.mode) bad.push(`#${c.i} "${c.opts}": mode kernel ${mode}, model ${sim.state.mode}`);
    if (c.final.miimon !== undefined && Number(c.final.miimon) !== sim.state.miimon) bad.push(`#${c.i} "${c.opts}": miimon kernel ${c.final.miimon}, model ${sim.state.miimon}`);
  }
  return bad;
}
