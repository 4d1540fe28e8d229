// npm run fuzz [-- --count 100000 --seed 1 --jobs 2 --time-bound 5000 --max-repeat 20000]
//
// Phase 1 runs the adversarial long lines (test/fuzz/adversarial.ts: 100k characters of each pattern
// in each position, in a child process with a time bound). Phase 2 runs the fuzz harness
// (test/fuzz/harness.ts) over `count` generated documents: mutated examples/ and gen-fleet files plus
// token soup. Every invariant broken is grouped by signature, shrunk to a
// small input and printed; the exit code is 1 when anything was found. With --jobs N the cases are
// split over N worker processes (seeds seed, seed+1, …), so a run is reproducible from its flags.
//
//   --count N         cases in all (default 100000)
//   --seed N          base seed (default: the current time; printed, so a run can be repeated)
//   --jobs N          worker processes (default: CPU count, at most 4)
//   --time-bound MS   per-document bound for the analysis (default 5000)
//   --max-repeat N    longest repetition a mutation uses to build a long line (default 3000; the
//                     100k-character lines are the adversarial phase's)
//   --no-adversarial  skip the adversarial phase (every long-line pattern in every position)
//   --action-cap N    ask for code actions with the first N diagnostics only (default: all of them)
//   --no-swallowed    do not watch for exceptions caught inside the analysis (faster)
//   --json FILE       also write the findings as JSON
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import fc from 'fast-check';
import { caseArb, check, describeCase, loadSeeds, minimize, type Case, type Problem } from './harness';
import { adversarialDocs, analyseIsolated, ALL_PATTERNS, type AdvDoc } from './adversarial';
import { SwallowedExceptions } from './swallowed';

interface Options {
  count: number;
  seed: number;
  jobs: number;
  timeBound: number;
  maxRepeat: number;
  actionCap: number;
  swallowed: boolean;
  adversarial: boolean;
  json?: string;
  worker: boolean;
}

interface Finding { problem: Problem; case: Case; hits: number }
interface WorkerResult { cases: number; ms: number; findings: Finding[] }

function parseArgs(argv: string[]): Options {
  const o: Options = { count: 100_000, seed: Date.now() % 1_000_000, jobs: Math.min(4, os.cpus().length || 1), timeBound: 5000, maxRepeat: 3000, actionCap: Infinity, swallowed: true, adversarial: true, worker: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v)) throw new Error(`${a} needs a number`); return v; };
    if (a === '--count') o.count = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--jobs') o.jobs = Math.max(1, num());
    else if (a === '--time-bound') o.timeBound = num();
    else if (a === '--max-repeat') o.maxRepeat = num();
    else if (a === '--action-cap') o.actionCap = num();
    else if (a === '--no-swallowed') o.swallowed = false;
    else if (a === '--no-adversarial') o.adversarial = false;
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--worker') o.worker = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function work(o: Options, onProgress?: (n: number) => void): Promise<WorkerResult> {
  const seeds = await loadSeeds();
  const sw = new SwallowedExceptions();
  if (o.swallowed) sw.start();
  const findings = new Map<string, Finding>();
  const t0 = Date.now();
  let cases = 0;
  const position = fc.record({ line: fc.nat(80), character: fc.nat(300) });
  // fast-check drives generation; the property never fails, so every case runs and all findings are kept.
  fc.assert(fc.property(caseArb(seeds, { maxRepeat: o.maxRepeat, maxMutations: 8 }), position, (c, pos) => {
    cases++;
    for (const p of check(c, { position: pos, swallowed: sw, timeBoundMs: o.timeBound, maxActionDiagnostics: o.actionCap })) {
      const f = findings.get(p.signature);
      if (!f) findings.set(p.signature, { problem: p, case: c, hits: 1 });
      else { f.hits++; if (c.text.length < f.case.text.length) { f.case = c; f.problem = p; } }
    }
    if (onProgress && cases % 1000 === 0) onProgress(cases);
    return true;
  }), { numRuns: o.count, seed: o.seed, endOnFailure: true });
  sw.stop();
  // Shrink each distinct finding to a small input for the report.
  for (const f of findings.values()) {
    if (f.problem.kind === 'slow') continue;
    f.case = minimize(f.case, f.problem.signature, { swallowed: o.swallowed ? (sw.start(), sw) : undefined });
    sw.stop();
  }
  return { cases, ms: Date.now() - t0, findings: [...findings.values()] };
}

function runWorker(o: Options, share: number, seed: number, progress: (n: number) => void): Promise<WorkerResult> {
  const args = ['--import', 'tsx', __filename, '--worker', '--count', String(share), '--seed', String(seed), '--time-bound', String(o.timeBound), '--max-repeat', String(o.maxRepeat)];
  if (o.actionCap !== Infinity) args.push('--action-cap', String(o.actionCap));
  if (!o.swallowed) args.push('--no-swallowed');
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => {
      out += d;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const m = /^progress (\d+)$/.exec(line);
        if (m) progress(Number(m[1]));
        else if (line.startsWith('result ')) resolve(JSON.parse(line.slice(7)) as WorkerResult);
      }
    });
    p.on('close', (code) => reject(new Error(`fuzz worker (seed ${seed}) exited with ${code} before reporting`)));
  });
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.worker) {
    const r = await work(o, (n) => process.stdout.write(`progress ${n}\n`));
    process.stdout.write(`result ${JSON.stringify(r)}\n`);
    return;
  }
  const advFindings: string[] = [];
  let advDocs = 0;
  if (o.adversarial) {
    const docs = adversarialDocs(ALL_PATTERNS, true);
    const ta = Date.now();
    console.log(`adversarial: ${docs.length} documents (${ALL_PATTERNS.length} patterns × positions, 100k characters each, analysis + fix all), bound ${o.timeBound * 2} ms each`);
    // Split in a few children so that one hang does not hide the rest.
    const chunks: AdvDoc[][] = [];
    for (let i = 0; i < docs.length; i += 20) chunks.push(docs.slice(i, i + 20));
    let slowest = { label: '', ms: 0 };
    for (let i = 0; i < chunks.length; i += o.jobs) {
      await Promise.all(chunks.slice(i, i + o.jobs).map(async (chunk) => {
        let rest = chunk;
        while (rest.length) {
          try {
            const times = await analyseIsolated(rest, o.timeBound * 2);
            advDocs += times.length;
            for (const t of times) if (t.ms > slowest.ms) slowest = t;
            rest = [];
          } catch (e) {
            const msg = (e as Error).message;
            advFindings.push(msg.split('\n')[0]);
            // Carry on after the document that failed.
            const label = /for: (.*)$|last: (.*)\)/.exec(msg.split('\n')[0]);
            const at = rest.findIndex((d) => d.label === (label?.[1] ?? label?.[2]));
            advDocs += Math.max(0, at) + 1;
            rest = at >= 0 ? rest.slice(at + 1) : [];
          }
        }
      }));
    }
    console.log(`adversarial: ${advDocs} documents in ${((Date.now() - ta) / 1000).toFixed(1)} s, slowest ${slowest.ms} ms (${slowest.label}), ${advFindings.length} problem(s)`);
    for (const f of advFindings) console.log(`  [slow] ${f}`);
  }
  console.log(`fuzz: ${o.count} cases, seed ${o.seed}, ${o.jobs} job(s), time bound ${o.timeBound} ms/document, long lines up to ${o.maxRepeat} repetitions${o.swallowed ? ', watching caught exceptions' : ''}`);
  const t0 = Date.now();
  const done = new Array<number>(o.jobs).fill(0);
  let last = 0;
  const progress = (j: number, n: number) => {
    done[j] = n;
    const total = done.reduce((a, b) => a + b, 0);
    if (Date.now() - last > 10_000) { last = Date.now(); console.log(`  ${total}/${o.count} cases, ${Math.round((Date.now() - t0) / 1000)} s`); }
  };
  const shares = Array.from({ length: o.jobs }, (_, j) => Math.floor(o.count / o.jobs) + (j < o.count % o.jobs ? 1 : 0));
  const results = o.jobs === 1
    ? [await work(o, (n) => progress(0, n))]
    : await Promise.all(shares.map((share, j) => runWorker(o, share, o.seed + j, (n) => progress(j, n))));
  const cases = results.reduce((a, r) => a + r.cases, 0);
  const merged = new Map<string, Finding>();
  for (const r of results) {
    for (const f of r.findings) {
      const m = merged.get(f.problem.signature);
      if (!m) merged.set(f.problem.signature, f);
      else { m.hits += f.hits; if (f.case.text.length < m.case.text.length) { m.case = f.case; m.problem = f.problem; } }
    }
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`fuzz: ${cases} cases in ${secs.toFixed(1)} s (${Math.round(cases / secs)} cases/s), seed ${o.seed}, ${merged.size} distinct problem(s)`);
  for (const f of merged.values()) {
    console.log(`\n[${f.problem.kind}] ${f.problem.signature}  (${f.hits} case(s))\n${f.problem.detail}\nsmallest input: ${describeCase(f.case)}`);
  }
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ cases, seconds: secs, seed: o.seed, jobs: o.jobs, adversarial: { documents: advDocs, problems: advFindings }, findings: [...merged.values()] }, null, 1));
  process.exitCode = merged.size || advFindings.length ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exitCode = 2; });
