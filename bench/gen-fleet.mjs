#!/usr/bin/env node
// Seeded generator of realistic fleet repositories: N hosts, each with
//   HOST/etc/sysconfig/network-scripts/ifcfg-bond0 + 2–4 members (+ sometimes a VLAN and lo)
//   HOST/etc/modprobe.d/bonding.conf
// Mixed modes and monitoring; about 5 % of hosts carry one injected mistake.
//   usage: node bench/gen-fleet.mjs OUT_DIR FILES [--seed N] [--mistakes 0.05]
// FILES is the approximate total number of files. Same seed, same bytes.
import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

const DESIGNS = [
  { opts: 'mode=active-backup miimon=100 updelay=200 downdelay=200', primary: true },
  { opts: 'mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.1,10.0.0.2 arp_validate=all', primary: true },
  { opts: 'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4' },
  { opts: 'mode=802.3ad miimon=100 xmit_hash_policy=layer2+3' },
  { opts: 'mode=balance-alb miimon=100' },
  { opts: 'mode=balance-tlb miimon=100 tlb_dynamic_lb=1' },
  { opts: 'mode=balance-xor miimon=100 xmit_hash_policy=layer2' },
];
const NICS = [['eno1', 'eno2', 'eno3', 'eno4'], ['ens1f0', 'ens1f1', 'ens2f0', 'ens2f1'], ['em1', 'em2', 'em3', 'em4'], ['eth0', 'eth1', 'eth2', 'eth3']];

const MISTAKES = [
  (f) => { f['ifcfg-bond0'] = f['ifcfg-bond0'].replace('ONBOOT=yes', 'ONBOOT = yes'); },
  (f) => { f['ifcfg-bond0'] = f['ifcfg-bond0'].replace(/BONDING_OPTS="([^"]*)"/, 'BONDING_OPTS=$1'); },
  (f, r, members) => { const m = members[0]; f[`ifcfg-${m}`] = f[`ifcfg-${m}`].replace('MASTER=bond0', 'MASTER=bond1'); },
  (f, r, members) => { const m = members[members.length - 1]; f[`ifcfg-${m}`] = f[`ifcfg-${m}`].replace(/NM_CONTROLLED=(yes|no)/, (x, v) => `NM_CONTROLLED=${v === 'yes' ? 'no' : 'yes'}`); },
  (f) => { f['ifcfg-bond0'] = f['ifcfg-bond0'].replace(/BONDING_OPTS="/, 'BONDING_OPTS="lacp_rate=fast '); },
  (f) => { f['ifcfg-bond0'] = f['ifcfg-bond0'].replace('TYPE=Bond', 'TYPE=Bonding'); },
  (f) => { f['bonding.conf'] += 'options bonding mode=4 miimon=100 max_bonds=2\n'; },
  (f, r, members) => { const m = members[0]; f[`ifcfg-${m}`] += 'IPADDR=192.0.2.77\nPREFIX=24\n'; },
];

export function hostFiles(r, i, mistakeRate = 0.05) {
  const design = DESIGNS[Math.floor(r() * DESIGNS.length)];
  const nics = NICS[Math.floor(r() * NICS.length)];
  const n = 2 + Math.floor(r() * 3);
  const members = nics.slice(0, n);
  const nm = r() < 0.5 ? 'yes' : 'no';
  const octet = (i % 250) + 1;
  const third = Math.floor(i / 250) % 250;
  const opts = design.primary ? `${design.opts} primary=${members[0]}` : design.opts;
  const f = {};
  f['ifcfg-bond0'] = [
    `# bond0 on host${i}: ${opts.split(' ')[0]}`,
    'DEVICE=bond0', 'NAME=bond0', 'TYPE=Bond', 'BONDING_MASTER=yes', `BONDING_OPTS="${opts}"`,
    'ONBOOT=yes', 'BOOTPROTO=none', `IPADDR=10.${third}.${octet}.10`, 'PREFIX=24', `GATEWAY=10.${third}.${octet}.1`,
    `NM_CONTROLLED=${nm}`, '',
  ].join('\n');
  for (const m of members) {
    f[`ifcfg-${m}`] = [`DEVICE=${m}`, `NAME=${m}`, 'TYPE=Ethernet', 'MASTER=bond0', 'SLAVE=yes', 'ONBOOT=yes', 'BOOTPROTO=none', `NM_CONTROLLED=${nm}`, ''].join('\n');
  }
  if (r() < 0.3) f['ifcfg-bond0.100'] = ['DEVICE=bond0.100', 'VLAN=yes', 'ONBOOT=yes', 'BOOTPROTO=none', `IPADDR=172.16.${octet}.10`, 'PREFIX=24', `NM_CONTROLLED=${nm}`, ''].join('\n');
  if (r() < 0.5) f['ifcfg-lo'] = ['DEVICE=lo', 'IPADDR=127.0.0.1', 'NETMASK=255.0.0.0', 'NETWORK=127.0.0.0', 'BROADCAST=127.255.255.255', 'ONBOOT=yes', 'NAME=loopback', ''].join('\n');
  f['bonding.conf'] = '# bonds are configured in ifcfg-bond* (BONDING_OPTS)\nalias bond0 bonding\n';
  let mistake;
  if (r() < mistakeRate) {
    const k = Math.floor(r() * MISTAKES.length);
    MISTAKES[k](f, r, members);
    mistake = k;
  }
  return { files: f, mistake };
}

/** Writes a fleet of about `total` files; returns { hosts, files, mistakes }. */
/**
 * @param {{ seed?: number, mistakes?: number, uniqueTexts?: boolean }} [o] uniqueTexts: end every file
 *   with a comment naming it, so that no two files have the same text (a fleet that is not made from
 *   templates; bondlint parses each distinct text once per run).
 */
export function generateFleet(out, total, { seed = 1, mistakes = 0.05, uniqueTexts = false } = {}) {
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  const r = rng(seed);
  let files = 0;
  let hosts = 0;
  let injected = 0;
  while (files < total) {
    const name = `host${String(hosts).padStart(5, '0')}`;
    const { files: f, mistake } = hostFiles(r, hosts, mistakes);
    const ns = join(out, name, 'etc', 'sysconfig', 'network-scripts');
    const md = join(out, name, 'etc', 'modprobe.d');
    mkdirSync(ns, { recursive: true });
    mkdirSync(md, { recursive: true });
    for (const [n, text] of Object.entries(f)) {
      writeFileSync(join(n.endsWith('.conf') ? md : ns, n), uniqueTexts ? `${text}# ${name}/${n}\n` : text);
      files++;
    }
    if (mistake !== undefined) injected++;
    hosts++;
  }
  return { hosts, files, mistakes: injected };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, total] = process.argv.slice(2);
  if (!out || !total) { console.error('usage: gen-fleet.mjs OUT_DIR FILES [--seed N] [--mistakes 0.05] [--unique-texts]'); process.exit(2); }
  const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? Number(process.argv[i + 1]) : d; };
  const r = generateFleet(out, Number(total), { seed: arg('--seed', 1), mistakes: arg('--mistakes', 0.05), uniqueTexts: process.argv.includes('--unique-texts') });
  console.log(JSON.stringify(r));
}
