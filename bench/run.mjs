#!/usr/bin/env node
// Fleet-scale benchmarks of bondlint and the language server, side by side with the floor (just
// reading the files in Node), shellcheck and `bash -n`, checked against the performance budgets.
//
//   node bench/run.mjs            full run: 1k, 10k, 50k files → bench/results/latest.{md,json}
//   node bench/run.mjs --smoke    tiny sizes, few repetitions, no budgets → bench/results/tmp/smoke/
//
// Options: --sizes 1000,10000,50000  --reps N (CLI runs per size, median reported)  --edits N
//          --requests N  --server-sizes 1000,10000,50000  --cli FILE  --server FILE  --out DIR
//          --shellcheck-sample N (files; larger fleets are sampled and extrapolated)  --no-shell
//          --label TEXT (shown in the report)  --server-reps N (server runs per size, median reported)
//          --baseline-cli FILE --baseline-server FILE --baseline-label TEXT (another build, measured in
//          the same run on the same files, e.g. the tree without the change under test)
//          --data DIR (where fleets are generated)
//          --unique-texts (fleets in which no two files have the same text: see gen-fleet.mjs)
// Fleets are generated with bench/gen-fleet.mjs (seed 1) into bench/results/tmp/ and reused.
// Measure on a quiet machine: every timing is wall-clock time.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateFleet } from './gen-fleet.mjs';
import { benchServer } from './lib/server-bench.mjs';
import { fmt, median } from './lib/stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (k) => argv.includes(k);
const opt = (k, d) => { const i = argv.indexOf(k); return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d; };
const list = (s) => s.split(',').filter(Boolean).map(Number);

const smoke = flag('--smoke');
const cfg = {
  sizes: list(opt('--sizes', smoke ? '60,150' : '1000,10000,50000')),
  serverSizes: list(opt('--server-sizes', smoke ? '60,150' : '1000,10000,50000')),
  reps: Number(opt('--reps', smoke ? 1 : 5)),
  serverReps: Number(opt('--server-reps', smoke ? 1 : 3)),
  edits: Number(opt('--edits', smoke ? 20 : 1000)),
  requests: Number(opt('--requests', smoke ? 20 : 1000)),
  cli: resolve(opt('--cli', join(ROOT, 'dist', 'bondlint.js'))),
  server: resolve(opt('--server', join(ROOT, 'dist', 'server.js'))),
  out: resolve(opt('--out', smoke ? join(ROOT, 'bench', 'results', 'tmp', 'smoke') : join(ROOT, 'bench', 'results'))),
  data: resolve(opt('--data', join(ROOT, 'bench', 'results', 'tmp'))),
  shellSample: Number(opt('--shellcheck-sample', smoke ? 50 : 10000)),
  shell: !flag('--no-shell'),
  label: opt('--label', ''),
  uniqueTexts: flag('--unique-texts'),
  // A build to compare with (e.g. the tree without the change under test), measured in the same run.
  baselineCli: opt('--baseline-cli') && resolve(opt('--baseline-cli')),
  baselineServer: opt('--baseline-server') && resolve(opt('--baseline-server')),
  baselineLabel: opt('--baseline-label', 'baseline'),
};
const RUSAGE = join(ROOT, 'bench', 'lib', 'rusage.cjs');
const FLOOR = join(ROOT, 'bench', 'lib', 'read-floor.mjs');
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

for (const f of [cfg.cli, cfg.server]) if (!existsSync(f)) { log(`bench: ${f} is missing; run npm run build first`); process.exit(2); }
mkdirSync(cfg.out, { recursive: true });
mkdirSync(cfg.data, { recursive: true });

// ---------------------------------------------------------------- fleets

/** A generated fleet of about `size` files, reused while its stamp matches. */
function fleet(size) {
  const name = `fleet-${size}${cfg.uniqueTexts ? '-unique' : ''}`;
  const dir = join(cfg.data, name);
  const stampFile = join(cfg.data, `${name}.json`);
  const gen = readFileSync(join(ROOT, 'bench', 'gen-fleet.mjs'), 'utf8');
  const want = { size, seed: 1, generatorBytes: gen.length, uniqueTexts: cfg.uniqueTexts };
  if (existsSync(stampFile) && existsSync(dir)) {
    const have = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (have.size === want.size && have.seed === want.seed && have.generatorBytes === want.generatorBytes && !!have.uniqueTexts === want.uniqueTexts) return { dir, ...have };
  }
  log(`bench: generating a fleet of ${size} files…`);
  const r = generateFleet(dir, size, { seed: 1, uniqueTexts: cfg.uniqueTexts });
  const stamp = { ...want, ...r };
  writeFileSync(stampFile, JSON.stringify(stamp));
  return { dir, ...stamp };
}

function listFiles(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p); else out.push(p);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------- process timing

/** Runs `node [--require rusage] script args`; wall time measured here, peak RSS and CPU by the child. */
function timeNode(script, args) {
  const ru = join(cfg.data, `rusage-${process.pid}.json`);
  rmSync(ru, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', RUSAGE, script, ...args], {
    env: { ...process.env, BENCH_RUSAGE: ru, NO_COLOR: '1' }, maxBuffer: 1 << 28, encoding: 'utf8',
  });
  const wallMs = performance.now() - t;
  if (r.error) throw r.error;
  const usage = existsSync(ru) ? JSON.parse(readFileSync(ru, 'utf8')) : {};
  rmSync(ru, { force: true });
  return { wallMs, status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssMb: usage.maxRssKb / 1024, cpuMs: (usage.userUs + usage.systemUs) / 1000 };
}

/** Runs a shell pipeline (bash -c); wall time only. */
function timeShell(script, input) {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', script], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'pipe'] });
  return { wallMs: performance.now() - t, status: r.status };
}

function have(cmd) {
  return spawnSync('bash', ['-c', `command -v ${cmd}`]).status === 0;
}

function versionOf(cmd, args, re) {
  try { return re.exec(execFileSync(cmd, args, { encoding: 'utf8' }))?.[1] ?? '?'; } catch { return undefined; }
}

// ---------------------------------------------------------------- CLI

function benchCli(size) {
  const f = fleet(size);
  const cliRuns = [];
  const floorRuns = [];
  const baseRuns = [];
  let summary = '';
  let status;
  // Interleaved, so that both see the same machine conditions (and the same page cache).
  timeNode(FLOOR, [f.dir]); // warm the page cache
  for (let i = 0; i < cfg.reps; i++) {
    floorRuns.push(timeNode(FLOOR, [f.dir]));
    const r = timeNode(cfg.cli, [f.dir]);
    cliRuns.push(r);
    status = r.status;
    summary = r.stdout.trim().split('\n').pop();
    if (r.status !== 0 && r.status !== 1) throw new Error(`bondlint exited with ${r.status}: ${r.stderr}`);
    if (cfg.baselineCli) {
      const b = timeNode(cfg.baselineCli, [f.dir]);
      if (b.stdout !== r.stdout) log(`bench: note: the baseline's output differs from bondlint's on ${size} files`);
      baseRuns.push(b);
    }
  }
  const checked = Number(/of (\d+) checked|in (\d+) files/.exec(summary)?.slice(1).find(Boolean) ?? NaN);
  const wall = median(cliRuns.map((r) => r.wallMs));
  const floor = median(floorRuns.map((r) => r.wallMs));
  const res = {
    files: f.files, hosts: f.hosts, checked, exitStatus: status, summary,
    wallMs: wall, wallMinMs: Math.min(...cliRuns.map((r) => r.wallMs)), cpuMs: median(cliRuns.map((r) => r.cpuMs)),
    filesPerSec: f.files / (wall / 1000), peakRssMb: median(cliRuns.map((r) => r.maxRssMb)),
    floorMs: floor, floorMinMs: Math.min(...floorRuns.map((r) => r.wallMs)), floorRssMb: median(floorRuns.map((r) => r.maxRssMb)),
    floorCpuMs: median(floorRuns.map((r) => r.cpuMs)),
    xFloor: wall / floor,
    // The same ratio in CPU time (less sensitive to other load on the machine than wall time).
    xFloorCpu: median(cliRuns.map((r) => r.cpuMs)) / median(floorRuns.map((r) => r.cpuMs)),
    runs: cliRuns.map((r) => Math.round(r.wallMs)), floorRuns: floorRuns.map((r) => Math.round(r.wallMs)),
  };
  if (baseRuns.length) {
    res.baseline = { wallMs: median(baseRuns.map((r) => r.wallMs)), wallMinMs: Math.min(...baseRuns.map((r) => r.wallMs)), cpuMs: median(baseRuns.map((r) => r.cpuMs)), peakRssMb: median(baseRuns.map((r) => r.maxRssMb)), runs: baseRuns.map((r) => Math.round(r.wallMs)) };
    res.speedup = res.baseline.wallMs / wall;
  }
  if (cfg.shell) Object.assign(res, benchShell(f, wall));
  return res;
}

/** shellcheck -s bash and bash -n over the fleet's ifcfg files (a sample for large fleets, extrapolated). */
function benchShell(f, cliWallMs) {
  const ifcfg = listFiles(f.dir).filter((p) => /\/ifcfg-[^/]*$/.test(p));
  let sample = ifcfg;
  if (ifcfg.length > cfg.shellSample) {
    // Every k-th file: the same mix of bond, member, VLAN and loopback files as the whole fleet.
    const k = ifcfg.length / cfg.shellSample;
    sample = Array.from({ length: cfg.shellSample }, (_, i) => ifcfg[Math.floor(i * k)]);
  }
  const input = sample.join('\0') + '\0';
  const scale = ifcfg.length / sample.length;
  const out = { ifcfgFiles: ifcfg.length, shellSampled: sample.length };
  if (have('shellcheck')) {
    const r = timeShell('xargs -0 -n 500 shellcheck -s bash -f gcc', input);
    out.shellcheckMs = r.wallMs * scale;
    out.shellcheckMeasuredMs = r.wallMs;
    out.xShellcheck = out.shellcheckMs / cliWallMs;
  }
  const r = timeShell('xargs -0 -n 1 bash -n', input);
  out.bashNMs = r.wallMs * scale;
  out.bashNMeasuredMs = r.wallMs;
  out.xBashN = out.bashNMs / cliWallMs;
  return out;
}

// ---------------------------------------------------------------- machine

function machine() {
  const cpus = os.cpus();
  let commit;
  let dirty;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  } catch { /* not a git checkout */ }
  return {
    cpu: cpus[0]?.model?.trim(), cores: cpus.length, memGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version,
    shellcheck: versionOf('shellcheck', ['--version'], /version:\s*(\S+)/), bash: versionOf('bash', ['--version'], /version\s+(\S+)/),
    loadAvgAtStart: os.loadavg().map((x) => Number(x.toFixed(2))), date: new Date().toISOString(), commit, dirty,
  };
}

// ---------------------------------------------------------------- budgets and report

function budgets(cli, srv) {
  const c10 = cli.find((r) => r.files >= 9000 && r.files <= 11000);
  const s10 = srv.find((r) => r.files >= 9000 && r.files <= 11000);
  const sMin = srv[0];
  const sMax = srv[srv.length - 1];
  const b = [];
  const add = (name, target, value, ok, unit = '') => b.push({ name, target, value, unit, ok });
  if (c10) {
    add('CLI, 10k files: wall time', '< 1 s', c10.wallMs / 1000, c10.wallMs < 1000, 's');
    add('CLI, 10k files: × read floor', '≤ 3×', c10.xFloor, c10.xFloor <= 3, '×');
    if (c10.xShellcheck !== undefined) add('CLI, 10k files: faster than shellcheck', '≥ 100×', c10.xShellcheck, c10.xShellcheck >= 100, '×');
  }
  if (s10) {
    add('server, 10k files: full index (initialize → diagnostics)', '< 1 s', s10.readyMs / 1000, s10.readyMs < 1000, 's');
    add('server, 10k files: edit → diagnostics p99', '< 5 ms', s10.edits.p99, s10.edits.p99 < 5, 'ms');
    add('server, 10k files: completion p99', '< 2 ms', s10.completion.p99, s10.completion.p99 < 2, 'ms');
    add('server, 10k files: RSS after indexing', '< 150 MB', s10.rssAfterIndexMb, s10.rssAfterIndexMb < 150, 'MB');
  }
  if (srv.length >= 2) {
    const g = sMax.edits.p50 / sMin.edits.p50;
    add(`server: edit p50 growth ${sMin.files} → ${sMax.files} files`, 'flat (≤ 1.5×)', g, g <= 1.5, '×');
  }
  return b;
}

function markdown(r) {
  const m = r.machine;
  const L = [];
  L.push(`# Benchmarks${r.label ? ` — ${r.label}` : ''}`, '');
  L.push(`${m.date.slice(0, 10)}, commit ${m.commit ?? '?'}${m.dirty ? ' (with uncommitted changes)' : ''}. Machine: ${m.cpu}, ${m.cores} cores, ${m.memGb} GB, ${m.os}, Node ${m.node}` +
    `${m.shellcheck ? `, shellcheck ${m.shellcheck}` : ''}, bash ${m.bash}. Load average at start: ${m.loadAvgAtStart.join(' / ')}${r.loadAvgAtEnd ? `, at the end: ${r.loadAvgAtEnd.join(' / ')}` : ''}.`, '');
  L.push(`Fleets from \`bench/gen-fleet.mjs\` (seed 1${r.config.uniqueTexts ? ', every file\'s text distinct: --unique-texts' : ''}). CLI and read floor: median of ${r.config.reps} interleaved runs (best in brackets), wall clock of the whole process including Node start-up. ` +
    `shellcheck (\`xargs -0 -n 500 shellcheck -s bash -f gcc\`) and \`bash -n\` (\`xargs -0 -n 1 bash -n\`, one process per file, as bash checks one script per run): one run over the ifcfg files` +
    `${r.cli.some((c) => c.shellSampled < c.ifcfgFiles) ? `, on an evenly spaced sample of ${r.config.shellSample} files where the fleet has more, extrapolated linearly` : ''}.`, '');
  L.push('## bondlint (CLI)', '');
  L.push('| files | hosts | bondlint wall | CPU | files/s | peak RSS | read floor | × floor (wall / CPU) | shellcheck | bondlint faster by | bash -n | bondlint faster by |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of r.cli) {
    const est = c.shellSampled < c.ifcfgFiles ? ' (est.)' : '';
    L.push(`| ${c.files.toLocaleString('en-US')} | ${c.hosts} | ${fmt(c.wallMs)} ms (${fmt(c.wallMinMs)}) | ${fmt(c.cpuMs)} ms | ${fmt(c.filesPerSec)} | ${fmt(c.peakRssMb)} MB | ${fmt(c.floorMs)} ms (${fmt(c.floorMinMs)}) | ${fmt(c.xFloor)}× / ${fmt(c.xFloorCpu)}× | ` +
      `${c.shellcheckMs !== undefined ? `${fmt(c.shellcheckMs / 1000)} s${est}` : '–'} | ${c.xShellcheck !== undefined ? `${fmt(c.xShellcheck)}×` : '–'} | ` +
      `${c.bashNMs !== undefined ? `${fmt(c.bashNMs / 1000)} s${est}` : '–'} | ${c.xBashN !== undefined ? `${fmt(c.xBashN)}×` : '–'} |`);
  }
  L.push('');
  L.push('## Language server', '');
  L.push(`Over stdio JSON-RPC from a separate client process; latencies as the client sees them (both processes need the CPU for every round trip). Edits: ${r.config.edits} incremental changes of a bond's BONDING_OPTS line, each timed until the diagnostics of the bond and of an open member of that bond have both arrived. ` +
    `Completion (key on a new line, value inside BONDING_OPTS) and hover (keys): ${r.config.requests} requests each. Every figure is the median over ${r.config.serverReps} server runs; CPU times from /proc/PID/stat (10 ms ticks).`, '');
  L.push('| files | ready (initialize → diagnostics) | server CPU until ready | RSS after index | edit → diagnostics p50 / p95 / p99 | server CPU per edit | completion p50 / p99 | hover p50 / p99 |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.server) {
    L.push(`| ${s.files.toLocaleString('en-US')} | ${fmt(s.readyMs)} ms | ${fmt(s.readyCpuMs)} ms | ${fmt(s.rssAfterIndexMb)} MB | ${fmt(s.edits.p50)} / ${fmt(s.edits.p95)} / ${fmt(s.edits.p99)} ms | ${fmt(s.serverCpuPerEditMs)} ms | ` +
      `${fmt(s.completion.p50)} / ${fmt(s.completion.p99)} ms | ${fmt(s.hover.p50)} / ${fmt(s.hover.p99)} ms |`);
  }
  if (r.cli.some((c) => c.baseline) || r.server.some((x) => x.baseline)) {
    L.push('', `## Compared with ${r.config.baselineLabel}`, '');
    L.push('Measured in the same run, on the same files (CLI: interleaved with the runs above).', '');
    if (r.cli.some((c) => c.baseline)) {
      L.push('| files | CLI wall before → after | CPU before → after | peak RSS before → after | speed-up |');
      L.push('|---:|---:|---:|---:|---:|');
      for (const c of r.cli.filter((x) => x.baseline)) {
        L.push(`| ${c.files.toLocaleString('en-US')} | ${fmt(c.baseline.wallMs)} → ${fmt(c.wallMs)} ms | ${fmt(c.baseline.cpuMs)} → ${fmt(c.cpuMs)} ms | ${fmt(c.baseline.peakRssMb)} → ${fmt(c.peakRssMb)} MB | ${fmt(c.speedup)}× |`);
      }
      L.push('');
    }
    if (r.server.some((x) => x.baseline)) {
      L.push('| files | server ready before → after | RSS before → after | edit p50 / p99 before → after | completion p99 before → after |');
      L.push('|---:|---:|---:|---:|---:|');
      for (const x of r.server.filter((y) => y.baseline)) {
        const b = x.baseline;
        L.push(`| ${x.files.toLocaleString('en-US')} | ${fmt(b.readyMs)} → ${fmt(x.readyMs)} ms | ${fmt(b.rssAfterIndexMb)} → ${fmt(x.rssAfterIndexMb)} MB | ${fmt(b.edits.p50)} / ${fmt(b.edits.p99)} → ${fmt(x.edits.p50)} / ${fmt(x.edits.p99)} ms | ${fmt(b.completion.p99)} → ${fmt(x.completion.p99)} ms |`);
      }
    }
  }
  if (r.budgets.length) {
    L.push('', '## Budgets', '');
    L.push('| budget | target | measured | met |');
    L.push('|---|---|---:|:---:|');
    for (const b of r.budgets) L.push(`| ${b.name} | ${b.target} | ${fmt(b.value)}${b.unit === '×' ? '×' : ` ${b.unit}`} | ${b.ok ? 'yes' : '**no**'} |`);
  }
  L.push('');
  return L.join('\n');
}

/** Server runs → one result: the median of every figure over the runs (each run kept under `runs`). */
function medianOfRuns(runs) {
  const m = (get) => median(runs.map(get));
  const stats = (k) => Object.fromEntries(Object.keys(runs[0][k]).map((q) => [q, m((r) => r[k][q])]));
  return {
    ...runs[0],
    readyMs: m((r) => r.readyMs), readyCpuMs: m((r) => r.readyCpuMs),
    rssAfterIndexMb: m((r) => r.rssAfterIndexMb), rssAtEndMb: m((r) => r.rssAtEndMb), peakRssMb: m((r) => r.peakRssMb),
    edits: stats('edits'), completion: stats('completion'), hover: stats('hover'),
    serverCpuPerEditMs: m((r) => r.serverCpuPerEditMs),
    runs: runs.map((r) => ({ readyMs: r.readyMs, indexLog: r.indexLog, rssAfterIndexMb: r.rssAfterIndexMb, edits: r.edits, completion: r.completion, hover: r.hover, serverCpuPerEditMs: r.serverCpuPerEditMs, loadAvg: r.loadAvg })),
  };
}

// ---------------------------------------------------------------- main

const result = { label: cfg.label, machine: machine(), config: { ...cfg, cli: undefined, server: undefined, out: undefined, data: undefined, baselineCli: cfg.baselineCli ? true : undefined, baselineServer: cfg.baselineServer ? true : undefined }, cli: [], server: [], budgets: [] };
for (const size of cfg.sizes) {
  log(`bench: CLI on ${size} files…`);
  const c = benchCli(size);
  result.cli.push(c);
  log(`  ${fmt(c.wallMs)} ms (×${fmt(c.xFloor)} floor)${c.xShellcheck ? `, shellcheck ×${fmt(c.xShellcheck)}` : ''}${c.xBashN ? `, bash -n ×${fmt(c.xBashN)}` : ''}; ${c.summary}`);
}
for (const size of cfg.serverSizes) {
  log(`bench: server on ${size} files…`);
  const f = fleet(size);
  timeNode(FLOOR, [f.dir]); // the same warm page cache as the CLI runs
  const hosts = readdirSync(f.dir).filter((h) => h.startsWith('host')).sort();
  const runs = [];
  for (let i = 0; i < cfg.serverReps; i++) {
    runs.push(await benchServer({ server: cfg.server, root: f.dir, host: hosts[Math.floor(hosts.length / 2)], files: f.files, edits: cfg.edits, requests: cfg.requests }));
  }
  const s = medianOfRuns(runs);
  if (cfg.baselineServer) {
    timeNode(FLOOR, [f.dir]);
    const b = await benchServer({ server: cfg.baselineServer, root: f.dir, host: hosts[Math.floor(hosts.length / 2)], files: f.files, edits: cfg.edits, requests: cfg.requests });
    s.baseline = { readyMs: b.readyMs, rssAfterIndexMb: b.rssAfterIndexMb, edits: b.edits, completion: b.completion, hover: b.hover, serverCpuPerEditMs: b.serverCpuPerEditMs };
  }
  result.server.push(s);
  log(`  ready ${fmt(s.readyMs)} ms, RSS ${fmt(s.rssAfterIndexMb)} MB, edit p50/p99 ${fmt(s.edits.p50)}/${fmt(s.edits.p99)} ms, completion p99 ${fmt(s.completion.p99)} ms`);
}
result.loadAvgAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
if (!smoke) result.budgets = budgets(result.cli, result.server);
const md = markdown(result);
const base = smoke ? 'smoke' : 'latest';
writeFileSync(join(cfg.out, `${base}.json`), JSON.stringify(result, null, 2) + '\n');
writeFileSync(join(cfg.out, `${base}.md`), md);
process.stdout.write(md);
log(`bench: wrote ${join(cfg.out, base)}.{md,json}`);
