#!/usr/bin/env node
// Compact raw bonding-oracle output (run-oracle.sh JSON lines) into the test fixture
// test/fixtures/kernel/verdicts.jsonl.
//
//   node scripts/oracle/compact.mjs CASES RAW... [--kernel=VER] [--out=FILE] [--partial]
//
// CASES  the case file given to the oracle (test/fixtures/kernel/cases.txt).
// RAW    either a directory written by scripts/oracle/run-chunks.sh (chunk-NNN.cases/.jsonl/.err,
//        read in name order) or one or more run-oracle.sh output files (each numbered from 1; the
//        files are taken to cover consecutive case ranges, in the order given).
// The kernel version is read from the oracle's stderr log ("run-oracle: kernel X via ...", file
// chunk-NNN.err or RAW.err next to a .jsonl) unless --kernel is given.
// Every case must be answered unless --partial is given; an answer whose opts differ from the case
// line is an error.
//
// Output: one JSON object per case, keys in this order:
//   i, opts, kernel, accepted, rejected, skipped, errors, [accepted_dmesg], [enslave_errors], final
// errors:         for every failed pass-1 write (one per rejected token, in order):
//                 {token, errno, stage ("open" = no such sysfs file, "write" = kernel refused), dmesg}
// accepted_dmesg: only present when an accepted write logged kernel messages: [{token, dmesg}]
// enslave_errors: only present when adding the dummy slaves failed: [{token, errno, dmesg}]
// final:          sysfs read-back after enslaving eth0/eth1 and link up, for FINAL_KEYS only.
// Timer noise (tsc:/clocksource: lines) is dropped from dmesg lists.
// Kernel messages name the bond bond<i> with i = global case number (a chunked run numbers bonds
// per chunk; the name is rewritten so that the fixture does not depend on the chunk size).
// No dependencies; plain Node ESM.

import { readFileSync, readdirSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// kernel messages unrelated to bonding that the guest's dmesg -c happens to catch (timer calibration)
const NOISE = /^(tsc|clocksource): /;
const FINAL_KEYS = ['mode', 'miimon', 'arp_interval', 'updelay', 'downdelay', 'primary', 'arp_ip_target',
  'xmit_hash_policy', 'lacp_rate'];

const args = process.argv.slice(2);
const opt = (name) => { const a = args.find((x) => x.startsWith(`--${name}=`)); return a && a.slice(name.length + 3); };
const flag = (name) => args.includes(`--${name}`);
const pos = args.filter((a) => !a.startsWith('--'));
if (pos.length < 2) {
  process.stderr.write('usage: compact.mjs CASES RAW... [--kernel=VER] [--out=FILE] [--partial]\n');
  process.exit(64);
}
const [casesFile, ...raws] = pos;

const readLines = (f) => readFileSync(f, 'utf8').replace(/\r/g, '').split('\n');
const caseLines = (f) => readLines(f).filter((l) => l !== '' && !l.startsWith('#'));
const cases = caseLines(casesFile);

// inputs: [{jsonl, err, offset}]
const inputs = [];
let offset = 0;
for (const r of raws) {
  if (statSync(r).isDirectory()) {
    const chunks = readdirSync(r).filter((f) => /^chunk-\d+\.cases$/.test(f)).sort();
    for (const c of chunks) {
      const base = join(r, c.replace(/\.cases$/, ''));
      const n = caseLines(join(r, c)).length;
      inputs.push({ jsonl: `${base}.jsonl`, err: `${base}.err`, offset, n });
      offset += n;
    }
  } else {
    const n = existsSync(r) ? readLines(r).filter((l) => l.trim()).length : 0;
    inputs.push({ jsonl: r, err: r.replace(/\.jsonl$/, '') + '.err', offset, n });
    offset += n;
  }
}

let kernel = opt('kernel');
const kernels = new Set();
const results = new Map();
for (const inp of inputs) {
  if (existsSync(inp.err)) {
    const m = readFileSync(inp.err, 'utf8').match(/run-oracle: kernel (\S+) via (\S+)/);
    if (m && m[2] !== 'nothing') kernels.add(m[1]);
  }
  if (!existsSync(inp.jsonl)) continue;
  for (const line of readLines(inp.jsonl)) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    const gi = inp.offset + d.i;
    if (cases[gi - 1] !== d.opts) {
      throw new Error(`${inp.jsonl}: case ${d.i} (global ${gi}) opts ${JSON.stringify(d.opts)} != case line ${JSON.stringify(cases[gi - 1])}`);
    }
    results.set(gi, { d, bond: d.bond });
  }
}
if (!kernel) {
  if (kernels.size !== 1) throw new Error(`kernel version: found ${[...kernels].join(', ') || 'none'} in .err logs; pass --kernel=VER`);
  kernel = [...kernels][0];
}

const missing = [];
const out = [];
for (let gi = 1; gi <= cases.length; gi++) {
  const r = results.get(gi);
  if (!r) { missing.push(gi); continue; }
  const { d } = r;
  // rewrite the chunk-local bond name (bondK) to bond<global i>
  const bondRe = new RegExp(`\\b${d.bond}(?!\\d)`, 'g');
  const fixDmesg = (lines) => lines.filter((l) => !NOISE.test(l)).map((l) => l.replace(bondRe, `bond${gi}`));
  const isOptionOp = (op) => op.pass === 1 && !['create', 'link', 'slave'].includes(op.phase);
  const errors = [];
  const accDmesg = [];
  const enslaveErrors = [];
  for (const op of d.ops) {
    const token = `${op.key}=${op.value}`;
    if (isOptionOp(op) && op.result === 'failed') {
      errors.push({ token, errno: op.errno, stage: op.stage, dmesg: fixDmesg(op.dmesg) });
    } else if (isOptionOp(op) && op.result === 'ok' && fixDmesg(op.dmesg).length) {
      accDmesg.push({ token, dmesg: fixDmesg(op.dmesg) });
    } else if (op.phase === 'slave' && op.key === 'slaves' && op.result === 'failed') {
      enslaveErrors.push({ token, errno: op.errno, dmesg: fixDmesg(op.dmesg) });
    }
  }
  if (errors.length !== d.rejected.length) {
    throw new Error(`case ${gi}: ${d.rejected.length} rejected tokens but ${errors.length} failed ops`);
  }
  if (!d.create.ok) enslaveErrors.unshift({ token: `bonding_masters=+${d.bond}`, errno: d.create.err, dmesg: [] });
  const final = {};
  for (const k of FINAL_KEYS) final[k] = d.final[k] ?? null;
  const o = { i: gi, opts: d.opts, kernel, accepted: d.accepted, rejected: d.rejected, skipped: d.skipped, errors };
  if (accDmesg.length) o.accepted_dmesg = accDmesg;
  if (enslaveErrors.length) o.enslave_errors = enslaveErrors;
  o.final = final;
  out.push(JSON.stringify(o));
}
if (missing.length && !flag('partial')) {
  throw new Error(`${missing.length} case(s) without an oracle answer (first: ${missing.slice(0, 10).join(', ')}); use --partial`);
}
const text = out.join('\n') + (out.length ? '\n' : '');
const outFile = opt('out');
if (outFile) writeFileSync(outFile, text); else process.stdout.write(text);
process.stderr.write(`compact: ${out.length}/${cases.length} cases, kernel ${kernel}${missing.length ? `, ${missing.length} missing` : ''}\n`);
