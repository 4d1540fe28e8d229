#!/usr/bin/env node
// Deterministic generator of a HELD-OUT set of BONDING_OPTS cases for the bonding kernel oracle.
//
//   node scripts/oracle/gen-heldout.mjs [OUT]   (default OUT: test/fixtures/kernel/heldout-cases.txt)
//
// The model (server/src/analysis/bonding-opts/kernel.ts) was tuned on cases.txt, made by
// gen-cases.mjs: option-by-option sweeps plus random combinations. This file is made differently,
// so that it can check the model on cases it was not fitted to:
//   1. a fixed list of odd IPv4 spellings that the kernel's in4_pton() treats specially;
//   2. realistic production BONDING_OPTS strings, built from templates per mode, as written;
//   3. the same templates perturbed 1-3 times each: numeric mode forms, shuffled order, typos in
//      values, out-of-range numbers, options refused or meaningless in the mode, duplicated options,
//      miimon mixed with ARP monitoring, updelay/downdelay not multiples of miimon, arp_ip_target
//      lists with + and -, odd IPv4 spellings, no mode at all, keyword values.
// Every line that also occurs in cases.txt is dropped, and so is every repeated line.
// Output is fully deterministic (mulberry32 PRNG, SEED below; a different seed from gen-cases.mjs).
// Only option names of gen-cases.mjs's ALL_OPTIONS are used as keys (no made-up keys).
// Changing anything here changes the case numbers: re-record heldout-verdicts.jsonl afterwards
// (see test/fixtures/kernel/README.md). No dependencies; plain Node ESM.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_OPTIONS as OPTION_LIST, MODE_NAMES, mulberry32 } from './common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(process.argv[2] ?? resolve(HERE, '../../test/fixtures/kernel/heldout-cases.txt'));
const TRAIN = resolve(HERE, '../../test/fixtures/kernel/cases.txt');
const SEED = 0x4e1d_0a7e; // gen-cases.mjs uses 0x5eedb0d5
const TARGET = 400; // total number of cases

const ALL_OPTIONS = new Set(OPTION_LIST);

// ---------------------------------------------------------------- PRNG (mulberry32)
const rnd = mulberry32(SEED);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const randint = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;
function shuffle(arr) {
  const a = [...arr];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

// ---------------------------------------------------------------- case collection
const training = new Set(existsSync(TRAIN)
  ? readFileSync(TRAIN, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  : []);
if (!training.size) throw new Error(`${TRAIN}: no training cases found (needed to drop duplicates)`);
const cases = [];
const seen = new Set();
const sections = [];
const dropped = [];
function add(line) {
  if (Array.isArray(line)) line = line.join(' ');
  // the oracle reads lines with `read -r` and passes them through `awk -v` (which interprets
  // backslashes): keep to printable ASCII without backslash or quotes, no leading '#', non-empty.
  if (!/^[\x20-\x7e]+$/.test(line) || /[\\'"]/.test(line) || line.startsWith('#') || line.trim() === '' || line !== line.trim()) {
    throw new Error(`unsafe case line: ${JSON.stringify(line)}`);
  }
  for (const t of line.split(/\s+/)) {
    const k = t.slice(0, t.indexOf('='));
    if (!t.includes('=') || !ALL_OPTIONS.has(k)) throw new Error(`case ${JSON.stringify(line)}: token ${t} is not option=value`);
  }
  if (training.has(line)) { if (!dropped.includes(line)) dropped.push(line); return false; }
  if (seen.has(line)) return false;
  seen.add(line);
  cases.push(line);
  return true;
}
function section(title) { sections.push([cases.length + 1, title]); }

// ================================================================ 1. fixed: odd IPv4 spellings
section('fixed: odd IPv4 spellings that in4_pton treats specially ("mode=1 arp_interval=100 arp_ip_target=VALUE")');
for (const v of ['10.0.0.1a', '10.0.0.1f', '10.0.0.1g', '0010.0.0.1', '10.0.0.0001', '10.0.0.1:5', '10.0.0.1.', '10.0.0.1.5',
  '10.0.0.1x', '10.0.0.256', '10.0.0', '10..0.1', '10.0.0.1A', '10.0.0.00', '1.2.3.4/24']) {
  add(`mode=1 arp_interval=100 arp_ip_target=${v}`);
}

// ================================================================ 2. templates per mode
// A template is a list of [key, value] in the order an admin would write them. MODE is the mode
// number; values drawn at generation time come from the small lists below.
const GW = ['10.1.1.1', '10.1.1.254', '192.168.10.1', '192.168.0.254', '172.16.0.1', '10.20.30.1', '10.0.0.254', '192.168.122.1'];
const GW2 = ['10.1.1.2', '10.1.1.253', '192.168.10.2', '192.168.0.253', '172.16.0.2', '10.20.30.2', '10.0.0.253', '192.168.122.2'];
const TEMPLATES = [
  // 802.3ad
  { mode: 4, opts: [['miimon', '100'], ['lacp_rate', 'fast'], ['xmit_hash_policy', 'layer3+4']] },
  { mode: 4, opts: [['miimon', '100'], ['lacp_rate', 'slow'], ['xmit_hash_policy', 'layer2+3'], ['ad_select', 'bandwidth']] },
  { mode: 4, opts: [['miimon', '100'], ['lacp_rate', 'fast'], ['xmit_hash_policy', 'layer3+4'], ['min_links', '1'], ['updelay', '200'], ['downdelay', '200']] },
  { mode: 4, opts: [['lacp_rate', '1'], ['miimon', '100'], ['xmit_hash_policy', 'encap3+4'], ['ad_actor_sys_prio', '65535'], ['ad_user_port_key', '10']] },
  { mode: 4, opts: [['miimon', '100'], ['lacp_rate', 'fast'], ['ad_select', 'count'], ['all_slaves_active', '0'], ['ad_actor_system', '02:00:5e:10:00:01']] },
  { mode: 4, opts: [['miimon', '100'], ['lacp_active', 'on'], ['lacp_rate', 'fast'], ['xmit_hash_policy', 'vlan+srcmac']] },
  { mode: 4, opts: [['miimon', '250'], ['lacp_rate', 'fast'], ['xmit_hash_policy', 'layer2'], ['ad_select', 'stable'], ['min_links', '2']] },
  // active-backup
  { mode: 1, opts: [['miimon', '100'], ['primary', 'eth0']] },
  { mode: 1, opts: [['miimon', '100'], ['primary', 'eth0'], ['primary_reselect', 'failure'], ['fail_over_mac', 'active']] },
  { mode: 1, opts: [['arp_interval', '1000'], ['arp_ip_target', 'GW,GW2'], ['arp_validate', 'all'], ['primary', 'eth0'], ['fail_over_mac', 'active']] },
  { mode: 1, opts: [['arp_interval', '2000'], ['arp_ip_target', 'GW'], ['arp_validate', 'active'], ['arp_all_targets', 'any'], ['arp_missed_max', '3']] },
  { mode: 1, opts: [['miimon', '100'], ['updelay', '10000'], ['downdelay', '0'], ['num_grat_arp', '3'], ['num_unsol_na', '3'], ['resend_igmp', '1']] },
  { mode: 1, opts: [['miimon', '100'], ['fail_over_mac', 'follow'], ['peer_notif_delay', '200'], ['use_carrier', '1']] },
  { mode: 1, opts: [['miimon', '50'], ['primary', 'eth1'], ['primary_reselect', 'better'], ['updelay', '100'], ['downdelay', '100']] },
  { mode: 1, opts: [['arp_interval', '500'], ['arp_ip_target', '+GW'], ['arp_ip_target', '+GW2'], ['arp_validate', 'filter_backup'], ['arp_all_targets', 'all']] },
  // balance-rr
  { mode: 0, opts: [['miimon', '100']] },
  { mode: 0, opts: [['miimon', '100'], ['packets_per_slave', '1'], ['resend_igmp', '1']] },
  { mode: 0, opts: [['arp_interval', '500'], ['arp_ip_target', 'GW']] },
  // balance-xor
  { mode: 2, opts: [['miimon', '100'], ['xmit_hash_policy', 'layer3+4']] },
  { mode: 2, opts: [['miimon', '100'], ['xmit_hash_policy', 'layer2+3'], ['min_links', '1']] },
  { mode: 2, opts: [['arp_interval', '1000'], ['arp_ip_target', 'GW'], ['arp_validate', 'filter'], ['xmit_hash_policy', 'layer2']] },
  // broadcast
  { mode: 3, opts: [['miimon', '100']] },
  { mode: 3, opts: [['miimon', '200'], ['updelay', '400'], ['downdelay', '400']] },
  // balance-tlb
  { mode: 5, opts: [['miimon', '100'], ['tlb_dynamic_lb', '1']] },
  { mode: 5, opts: [['miimon', '100'], ['tlb_dynamic_lb', '0'], ['xmit_hash_policy', 'layer3+4'], ['lp_interval', '1'], ['primary', 'eth0']] },
  // balance-alb
  { mode: 6, opts: [['miimon', '100']] },
  { mode: 6, opts: [['miimon', '100'], ['updelay', '200'], ['downdelay', '200'], ['primary', 'eth1'], ['lp_interval', '5']] },
];

/** A template as tokens [{k, v}], with the mode written by name first and gateway placeholders filled. */
function instantiate(t) {
  const g = randint(0, GW.length - 1);
  const fill = (v) => v.replace(/GW2/g, GW2[g]).replace(/GW/g, GW[g]);
  return [{ k: 'mode', v: MODE_NAMES[t.mode] }, ...t.opts.map(([k, v]) => ({ k, v: fill(v) }))];
}
const render = (toks) => toks.map((t) => `${t.k}=${t.v}`).join(' ');

section('production templates as written (mode by name, options in the usual order)');
TEMPLATES.forEach((t) => add(render(instantiate(t))));

// ================================================================ 3. perturbations
const modeOf = (toks) => {
  const m = [...toks].reverse().find((t) => t.k === 'mode');
  if (!m) return 0;
  const byName = MODE_NAMES.indexOf(m.v);
  return byName >= 0 ? byName : Number.isInteger(Number(m.v)) ? Number(m.v) : -1;
};
const has = (toks, k) => toks.some((t) => t.k === k);
const idxOf = (toks, k) => toks.findIndex((t) => t.k === k);
const insertAt = (toks, tok, pos = randint(0, toks.length)) => { const a = [...toks]; a.splice(pos, 0, tok); return a; };

/** Replaces the value of the first `k` token, or appends k=v if there is none. */
function setOpt(toks, k, v) {
  const i = idxOf(toks, k);
  if (i < 0) return [...toks, { k, v }];
  const a = [...toks]; a[i] = { k, v }; return a;
}

// typos an admin makes in a value
function typo(v) {
  const kinds = [];
  if (v.length >= 3) kinds.push('swap', 'drop', 'double');
  if (/[a-z]/.test(v)) kinds.push('upper', 'capital');
  if (v.includes('+')) kinds.push('plus');
  if (v.includes('-')) kinds.push('dash');
  if (/^\d+$/.test(v)) kinds.push('letterO', 'unit');
  kinds.push('trailing');
  const kind = pick(kinds);
  const i = randint(0, Math.max(0, v.length - 2));
  switch (kind) {
    case 'swap': return v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2);
    case 'drop': return v.slice(0, i) + v.slice(i + 1);
    case 'double': return v.slice(0, i) + v[i] + v.slice(i);
    case 'upper': return v.toUpperCase();
    case 'capital': return v[0].toUpperCase() + v.slice(1);
    case 'plus': return v.replace('+', pick(['_', '-', '', '++']));
    case 'dash': return v.replace('-', pick(['_', '', '.']));
    case 'letterO': return chance(0.5) ? v.replace(/0/, 'o') : v.replace(/1/, 'l');
    case 'unit': return v + pick(['ms', 's', 'msec']);
    case 'trailing': return v + pick([',', '.', ';', ':']);
  }
  return v;
}
const TYPO_KEYS = ['mode', 'lacp_rate', 'xmit_hash_policy', 'arp_validate', 'fail_over_mac', 'primary_reselect', 'ad_select',
  'arp_all_targets', 'miimon', 'arp_interval', 'updelay', 'downdelay', 'lacp_active'];

// numbers past the range, per option (values as an admin might get them wrong)
const OUT_OF_RANGE = {
  miimon: ['-100', '2147483648', '4294967396', '-1'],
  updelay: ['-200', '2147483648', '4294967296'],
  downdelay: ['-200', '2147483648', '9999999999'],
  arp_interval: ['-1000', '2147483648', '4294968296'],
  arp_missed_max: ['0', '256', '1000', '-3'],
  peer_notif_delay: ['300100', '500000', '-200'],
  num_grat_arp: ['256', '300', '-3', '1000'],
  num_unsol_na: ['256', '500', '-1'],
  resend_igmp: ['256', '1000', '-1'],
  packets_per_slave: ['65536', '100000', '-1'],
  min_links: ['-1', '2147483648'],
  lp_interval: ['0', '-5', '2147483648'],
  ad_actor_sys_prio: ['0', '65536', '70000', '-1'],
  ad_user_port_key: ['1024', '2048', '65535', '-10'],
  lacp_rate: ['2', '3', '-1'],
  xmit_hash_policy: ['6', '7', '10', '-1'],
  arp_validate: ['7', '8', '-1'],
  fail_over_mac: ['3', '4', '-1'],
  primary_reselect: ['3', '5'],
  ad_select: ['3', '4'],
  arp_all_targets: ['2', '3'],
  use_carrier: ['2', '-1', '10'],
  all_slaves_active: ['2', '-1'],
  tlb_dynamic_lb: ['2', '-1'],
  mode: ['7', '8', '10', '-1', '255'],
};
const RANGE_DEFAULTS = { // prefix tokens to make an out-of-range option reachable in this mode when added
  num_grat_arp: '3', resend_igmp: '1', min_links: '1', peer_notif_delay: '200', arp_missed_max: '2',
};

// options refused in some modes (EACCES) or meaningless there, as admins carry them over between bonds
const FOREIGN = [
  { k: 'lacp_rate', v: ['fast', 'slow', '1'], notIn: [4] },
  { k: 'lacp_active', v: ['on', 'off'], notIn: [4] },
  { k: 'ad_select', v: ['bandwidth', 'stable'], notIn: [4] },
  { k: 'ad_actor_sys_prio', v: ['100'], notIn: [4] },
  { k: 'ad_user_port_key', v: ['5'], notIn: [4] },
  { k: 'ad_actor_system', v: ['02:00:00:00:00:10'], notIn: [4] },
  { k: 'arp_interval', v: ['1000', '200'], notIn: [0, 1, 2, 3], withTarget: true },
  { k: 'arp_validate', v: ['all', 'active'], notIn: [0, 1, 2, 3] },
  { k: 'arp_missed_max', v: ['3'], notIn: [0, 1, 2, 3] },
  { k: 'primary', v: ['eth0', 'eth1'], notIn: [1, 5, 6] },
  { k: 'primary_reselect', v: ['failure'], notIn: [1, 5, 6] },
  { k: 'active_slave', v: ['eth0'], notIn: [] },
  { k: 'tlb_dynamic_lb', v: ['0', '1'], notIn: [5, 6] },
  { k: 'packets_per_slave', v: ['10', '1'], notIn: [0] },
  { k: 'xmit_hash_policy', v: ['layer3+4', 'layer2+3'], notIn: [2, 4, 5] },
  { k: 'fail_over_mac', v: ['active', 'follow'], notIn: [1] },
  { k: 'lp_interval', v: ['5'], notIn: [5, 6] },
  { k: 'min_links', v: ['1'], notIn: [4] },
];

// arp_ip_target lists with + and - elements
function arpTargetPerturb(toks) {
  const a = pick(GW); const b = pick(GW2); const c = pick(['10.9.9.9', '192.168.50.1', '172.31.255.254']);
  const forms = [
    [`+${a},${b}`], [`${a},+${b}`], [`+${a},+${b}`], [`${a},-${b}`], [`-${a}`], [`${a},${b},-${a}`],
    [`+${a}`, `-${a}`], [`${a}`, `-${a}`], [`+${a}`, `+${b}`, `-${b}`], [`${a},${b}`, `-${b}`],
    [`${a},${b},${c}`], [`${a}`, `${b},${c}`], [`${a},${a}`], [`${a}`, `${a}`], [`-${a},${b}`], [`${a},${b},`],
  ];
  const form = pick(forms);
  let out = toks.filter((t) => t.k !== 'arp_ip_target');
  let pos = idxOf(toks, 'arp_ip_target');
  if (!has(out, 'arp_interval') && !has(out, 'miimon')) out = insertAt(out, { k: 'arp_interval', v: pick(['1000', '500', '200']) }, 1);
  else if (!has(out, 'arp_interval')) out = [...out, { k: 'arp_interval', v: pick(['1000', '500']) }];
  if (pos < 0 || pos > out.length) pos = out.length;
  out.splice(pos, 0, ...form.map((v) => ({ k: 'arp_ip_target', v })));
  return out;
}

// odd but plausible IPv4 spellings (copy-paste accidents, leading zeros, CIDR, ports...)
function oddIPv4() {
  const o = [pick([10, 192, 172, 100]), randint(0, 255), randint(0, 255), randint(1, 254)];
  const q = o.join('.');
  const forms = [
    () => o.map((x) => String(x).padStart(3, '0')).join('.'),
    () => `${o[0]}.${o[1]}.${o[2]}.0${o[3]}`,
    () => `${q}/${pick(['24', '32', '16'])}`,
    () => `${q}:${pick(['0', '80', '5'])}`,
    () => `${q}${pick(['a', 'b', 'e', 'f', 'g', 'x', 'A', 'F', 'z'])}`,
    () => `${q}.`,
    () => `${q}.${randint(0, 9)}`,
    () => `${o[0]}.${o[1]}.${o[2]}`,
    () => `${o[0]}..${o[2]}.${o[3]}`,
    () => `${o[0]}.${o[1]}.${o[2]}.${pick(['256', '300', '999', '1000'])}`,
    () => `${pick(['256', '300'])}.${o[1]}.${o[2]}.${o[3]}`,
    () => `${o[0]}.${o[1]}.${o[2]}.${pick(['00', '000', '0000'])}`,
    () => `${q}-${o[3] + 1}`,
    () => `${o[0]},${o[1]},${o[2]},${o[3]}`,
    () => `${o[0]}.${o[1]}.${o[2]}.${o[3]}${randint(0, 9)}${randint(0, 9)}`,
    () => `0x${o.map((x) => x.toString(16).padStart(2, '0')).join('')}`,
    () => `${q};${o[0]}.${o[1]}.${o[2]}.${(o[3] + 1) % 255}`,
    () => `${o[0]}.${o[1]}.${o[2]}.${o[3]}.${o[3]}`,
  ];
  return pick(forms)();
}
function oddIPv4Perturb(toks) {
  const odd = oddIPv4();
  const v = chance(0.3) ? `${pick(GW)},${odd}` : chance(0.2) ? `${odd},${pick(GW2)}` : odd;
  const i = idxOf(toks, 'arp_ip_target');
  if (i >= 0) { const a = [...toks]; a[i] = { k: 'arp_ip_target', v }; return a; }
  let out = toks;
  if (!has(out, 'arp_interval')) out = [...out, { k: 'arp_interval', v: pick(['1000', '100', '2000']) }];
  return [...out, { k: 'arp_ip_target', v }];
}

const PERTURB = {
  // numeric mode forms: 4, 04, 004, or the number of the name (and sometimes the name of a number)
  numericMode(toks) {
    const i = idxOf(toks, 'mode');
    if (i < 0) return toks;
    const m = modeOf(toks);
    if (m < 0) return toks;
    const a = [...toks];
    a[i] = { k: 'mode', v: pick([String(m), String(m), String(m), `0${m}`, `00${m}`]) };
    return a;
  },
  shuffle(toks) { return shuffle(toks); },
  valueTypo(toks) {
    const cands = toks.map((t, i) => [t, i]).filter(([t]) => TYPO_KEYS.includes(t.k) && t.v !== '');
    if (!cands.length) return toks;
    const [t, i] = pick(cands);
    const a = [...toks]; a[i] = { k: t.k, v: typo(t.v) }; return a;
  },
  outOfRange(toks) {
    const present = toks.filter((t) => OUT_OF_RANGE[t.k]).map((t) => t.k);
    const k = present.length && chance(0.7) ? pick(present) : pick(Object.keys(OUT_OF_RANGE));
    return setOpt(toks, k, pick(OUT_OF_RANGE[k]));
  },
  foreignOption(toks) {
    const m = modeOf(toks);
    const cands = FOREIGN.filter((f) => f.notIn.length === 0 || !f.notIn.includes(m));
    const f = pick(cands.length ? cands : FOREIGN);
    let out = insertAt(toks, { k: f.k, v: pick(f.v) }, randint(1, toks.length));
    if (f.withTarget && !has(out, 'arp_ip_target')) out = [...out, { k: 'arp_ip_target', v: pick(GW) }];
    return out;
  },
  duplicate(toks) {
    const cands = toks.filter((t) => t.k !== 'arp_ip_target');
    if (!cands.length) return toks;
    const t = pick(cands);
    let v = t.v;
    if (chance(0.6)) {
      if (/^\d+$/.test(v)) v = pick([String(Number(v) * 2), '0', String(Number(v) + 100), '100']);
      else if (t.k === 'mode') v = pick(MODE_NAMES.concat(['1', '4']));
      else if (OUT_OF_RANGE[t.k]) v = pick(['0', '1', v]);
    }
    return insertAt(toks, { k: t.k, v }, randint(idxOf(toks, t.k) + 1, toks.length));
  },
  mixMonitoring(toks) {
    if (has(toks, 'arp_interval')) {
      return insertAt(toks, { k: 'miimon', v: pick(['100', '100', '50', '0']) }, randint(1, toks.length));
    }
    const ai = { k: 'arp_interval', v: pick(['1000', '500', '200', '0']) };
    const tgt = { k: 'arp_ip_target', v: pick(GW) };
    const pos = randint(1, toks.length);
    const out = insertAt(toks, ai, pos);
    return chance(0.8) ? insertAt(out, tgt, randint(pos + 1, out.length)) : out;
  },
  delayNotMultiple(toks) {
    let out = toks;
    const mi = out.find((t) => t.k === 'miimon');
    const step = mi && /^\d+$/.test(mi.v) && Number(mi.v) > 0 ? Number(mi.v) : 100;
    if (!mi || chance(0.25)) out = setOpt(out, 'miimon', pick(['100', '300', '250', '40', '1000']));
    const miimon = Number(out.find((t) => t.k === 'miimon').v) || step;
    const odd = () => String(miimon * randint(1, 5) + randint(1, miimon - 1 || 1));
    if (chance(0.7)) out = setOpt(out, 'updelay', odd());
    if (chance(0.7) || !has(out, 'updelay')) out = setOpt(out, 'downdelay', pick([odd(), String(miimon - 1), String(Math.floor(miimon / 2))]));
    return out;
  },
  arpTargets: arpTargetPerturb,
  oddIPv4: oddIPv4Perturb,
  dropMode(toks) { return toks.filter((t) => t.k !== 'mode'); },
  keyword(toks) {
    const cands = toks.filter((t) => t.k !== 'mode' && t.k !== 'arp_ip_target' && t.k !== 'primary' && t.k !== 'ad_actor_system');
    if (!cands.length) return toks;
    const t = pick(cands);
    return setOpt(toks, t.k, pick(['off', 'on', 'default', 'maxval', 'none', 'yes', 'true', 'disabled']));
  },
  rangeAdd(toks) { // a commonly forgotten option added with a reasonable value next to the template ones
    const k = pick(Object.keys(RANGE_DEFAULTS));
    return insertAt(toks, { k, v: RANGE_DEFAULTS[k] }, randint(1, toks.length));
  },
};
const WEIGHTS = {
  numericMode: 6, shuffle: 6, valueTypo: 6, outOfRange: 6, foreignOption: 7, duplicate: 5, mixMonitoring: 5,
  delayNotMultiple: 5, arpTargets: 5, oddIPv4: 4, dropMode: 1, keyword: 2, rangeAdd: 2,
};
const weighted = Object.entries(WEIGHTS).flatMap(([k, w]) => Array(w).fill(k));

section(`perturbed production templates, 1-3 perturbations each (seed 0x${SEED.toString(16)})`);
const usedPerturb = Object.fromEntries(Object.keys(PERTURB).map((k) => [k, 0]));
let guard = 0;
while (cases.length < TARGET && guard++ < 100000) {
  const t = pick(TEMPLATES);
  let toks = instantiate(t);
  const n = pick([1, 1, 2, 2, 2, 3]);
  const chosen = [];
  while (chosen.length < n) { const p = pick(weighted); if (!chosen.includes(p)) chosen.push(p); }
  // shuffling last, so that other perturbations keep the usual order they are written in
  chosen.sort((x, y) => (x === 'shuffle') - (y === 'shuffle'));
  for (const p of chosen) toks = PERTURB[p](toks);
  if (!toks.length) continue;
  if (add(render(toks))) for (const p of chosen) usedPerturb[p]++;
}
if (cases.length < TARGET) throw new Error(`only ${cases.length} cases`);

// ---------------------------------------------------------------- output
const header = [
  '# HELD-OUT BONDING_OPTS cases for the bonding kernel oracle (/work/shared/oracle/run-oracle.sh).',
  '# GENERATED by scripts/oracle/gen-heldout.mjs - do not edit by hand. Not used to tune the model.',
  `# No line is also a line of cases.txt (${dropped.length} dropped: ${dropped.join(' | ') || '-'}).`,
  '# Case numbers (i) count non-comment lines from 1. Sections (first case number):',
  ...sections.map(([i, t]) => `#   ${String(i).padStart(4)}  ${t}`),
  `# Perturbations used (cases): ${Object.entries(usedPerturb).map(([k, v]) => `${k} ${v}`).join(', ')}`,
];
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${header.join('\n')}\n${cases.join('\n')}\n`);
process.stderr.write(`gen-heldout: ${cases.length} cases (${dropped.length} dropped as in cases.txt) -> ${OUT}\n`);
