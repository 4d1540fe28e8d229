#!/usr/bin/env node
// Deterministic generator of BONDING_OPTS test cases for the bonding kernel oracle.
//
//   node scripts/oracle/gen-cases.mjs [OUT]     (default OUT: test/fixtures/kernel/cases.txt)
//
// One BONDING_OPTS value per line, already shell-unquoted (the form the oracle expects).
// Output is fully deterministic: hand-written sections first, then combinations drawn from
// a seeded PRNG (mulberry32, SEED below). Changing SEED or any list changes the case numbers,
// so regenerate verdicts.jsonl (see test/fixtures/kernel/README.md) after editing this file.
// No dependencies; plain Node ESM.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_OPTIONS, MODE_NAMES, mulberry32 } from './common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(process.argv[2] ?? resolve(HERE, '../../test/fixtures/kernel/cases.txt'));
const SEED = 0x5eed_b0d5;
const N_RANDOM = 260; // random 2-5 option combinations

// Every option (ALL_OPTIONS, common.mjs): the generator checks that each one appears as a key in
// at least one case.

const INT_MAX = 2147483647;

// ---------------------------------------------------------------- PRNG (mulberry32)
const rnd = mulberry32(SEED);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const randint = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---------------------------------------------------------------- case collection
const cases = [];
const seen = new Set();
const sections = [];
function add(line) {
  if (Array.isArray(line)) line = line.join(' ');
  // the oracle reads lines with `read -r` and passes them through `awk -v` (which interprets
  // backslashes): keep to printable ASCII without backslash, no leading '#', non-empty.
  if (!/^[\x20-\x7e]+$/.test(line) || line.includes('\\') || line.startsWith('#') || line.trim() === '') {
    throw new Error(`unsafe case line: ${JSON.stringify(line)}`);
  }
  if (seen.has(line)) return;
  seen.add(line);
  cases.push(line);
}
function section(title) { sections.push([cases.length + 1, title]); }
const modeRef = (m, i) => (i % 2 === 0 ? MODE_NAMES[m] : String(m)); // alternate name / number

// ================================================================ 1. modes
section('every mode by name and by number, alone and with miimon=100');
for (let m = 0; m < 7; m++) { add(`mode=${MODE_NAMES[m]}`); add(`mode=${m}`); }
for (let m = 0; m < 7; m++) { add(`mode=${MODE_NAMES[m]} miimon=100`); add(`mode=${m} miimon=100`); }

section('invalid / odd mode values');
for (const v of ['7', '8', '-1', '99', '255', '256', '4294967296', '18446744073709551615', '18446744073709551616',
  'Active-Backup', 'ACTIVE-BACKUP', 'Balance-RR', '802.3AD', 'active_backup', 'balance_rr', 'balance_alb', '802_3ad',
  '8023ad', 'lacp', 'LACP', 'activebackup', 'active-backup,', 'bond', 'rr', 'ab', 'default', 'off', 'maxval',
  '18446744073709551617', '18446744073709551620', '01', '004', '0x4', '+4', '4.0', '1e0', '', 'foo', 'active', 'alb', 'tlb', 'xor', 'balance-rr-1']) {
  add(`mode=${v}`);
}
add('mode=1 mode=4'); add('mode=4 mode=1'); add('mode=1 mode=1'); add('mode=foo mode=1'); add('mode=1 mode=foo');
add('mode=802.3ad mode=active-backup miimon=100'); add('miimon=100 mode=1'); add('miimon=100 mode=802.3ad lacp_rate=fast');
add('mode'); add('mode=1=4'); add('mode==1'); add('mode=active-backup=balance-rr'); add('mode=4 =1');
add('Mode=1'); add('MODE=1'); add('mode =1'); add('mode= 1'); add('mode = 1'); add('mode:1'); add('mode=1,miimon=100');
add('mode=1;miimon=100'); add('mode="1"'); add("mode='active-backup'"); add('mode=-n'); add('mode=-e');

// ================================================================ 2. miimon & numbers
section('miimon values, malformed numbers');
for (const v of ['0', '1', '10', '100', '1000', '0100', '00', '000000000100', String(INT_MAX), String(INT_MAX + 1),
  '4294967295', '4294967296', '18446744073709551615', '18446744073709551616', '18446744073709551716', '99999999999999999999', '-1', '-100',
  '100ms', '100s', '0x64', '1e2', '+100', '100.0', '1.5', '100,200', '', 'off', 'OFF', 'on', 'maxval', 'default',
  'none', 'yes', 'true', 'miimon', '100x', 'x100', '"100"', "'100'", '-n', '--', '=']) {
  add(`miimon=${v}`);
}
add('miimon'); add('miimon=100 miimon=200'); add('miimon=100 miimon=abc'); add('miimon=abc miimon=100');
add('miimon=100=200'); add('miimon==100'); add('miimon = 100'); add('miimon= 100'); add('miimon =100');
add('=100'); add('=');

section('miimon vs arp_interval interplay and order');
for (let i = 0; i < 4; i++) {
  const m = modeRef(i, i);
  add(`mode=${m} arp_interval=100 arp_ip_target=10.0.0.1`);
  add(`mode=${m} miimon=100 arp_interval=200 arp_ip_target=10.0.0.1`);
  add(`mode=${m} arp_interval=200 arp_ip_target=10.0.0.1 miimon=100`);
}
add('mode=1 arp_interval=200');
add('mode=1 arp_interval=0 miimon=100');
add('mode=1 miimon=100 arp_interval=0');
add('mode=1 miimon=0 arp_interval=0');
add('mode=1 miimon=0');
add('mode=1 arp_interval=200 arp_ip_target=10.0.0.1 updelay=200');
add('mode=1 arp_interval=200 arp_ip_target=10.0.0.1 downdelay=200');
add('mode=1 arp_interval=200 arp_ip_target=10.0.0.1 peer_notif_delay=200');
add('mode=1 miimon=100 arp_interval=200 arp_ip_target=10.0.0.1 updelay=200');
add('mode=1 miimon=100 updelay=200 arp_interval=200 arp_ip_target=10.0.0.1');
add('mode=1 miimon=100 updelay=200 downdelay=200');
add('mode=1 miimon=100 miimon=0 updelay=200');
add('mode=1 miimon=0 miimon=100 updelay=200');
add('mode=1 miimon=100 updelay=default downdelay=maxval');
add('mode=1 miimon=100 updelay=150 downdelay=250');
add('mode=1 miimon=100 updelay=50 downdelay=99');
add('mode=1 miimon=0 updelay=200');
add('mode=1 updelay=200');
add('mode=1 downdelay=200');
add('mode=1 updelay=200 miimon=100');
add('mode=1 downdelay=200 miimon=100');
add('updelay=0'); add('downdelay=0'); add('updelay=0 downdelay=0');
add('mode=1 miimon=100 arp_validate=all');
add('mode=1 arp_validate=all');
add('mode=1 arp_validate=all arp_interval=100 arp_ip_target=10.0.0.1');
add('mode=1 arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=all');
add('mode=1 arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=all miimon=100');
add('mode=1 arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=filter arp_all_targets=all');
add('mode=1 arp_interval=100 arp_ip_target=10.0.0.1 arp_missed_max=5');

section('modes 4/5/6 and miimon / arp_interval');
for (const m of [4, 5, 6]) {
  add(`mode=${m} miimon=0`);
  add(`mode=${MODE_NAMES[m]} miimon=0`);
  add(`mode=${m} arp_interval=100 arp_ip_target=10.0.0.1`);
  add(`mode=${MODE_NAMES[m]} arp_interval=0`);
  add(`mode=${m} updelay=200`);
  add(`mode=${m} downdelay=200 updelay=300`);
  add(`mode=${m} miimon=0 updelay=200`);
  add(`mode=${m} miimon=50`);
}

// ================================================================ 3. mode-restricted options in every mode
section('mode-restricted options in every mode');
const perMode = [
  'primary=eth0', 'primary=eth9', 'active_slave=eth0', 'lacp_rate=fast', 'lacp_rate=slow', 'lacp_active=off',
  'ad_select=bandwidth', 'ad_actor_sys_prio=100', 'ad_actor_system=02:00:00:00:00:01', 'ad_user_port_key=100',
  'tlb_dynamic_lb=0', 'tlb_dynamic_lb=1', 'packets_per_slave=3', 'arp_validate=all', 'arp_interval=100',
  'arp_missed_max=3', 'lp_interval=5', 'xmit_hash_policy=layer3+4', 'min_links=1', 'coupled_control=0',
  'broadcast_neighbor=1', 'fail_over_mac=active', 'primary_reselect=better', 'prio=5', 'queue_id=eth0:1',
  'arp_ip_target=10.0.0.1', 'ns_ip6_target=2001:db8::1', 'all_slaves_active=1', 'num_grat_arp=3',
];
perMode.forEach((opt, k) => {
  for (let m = 0; m < 7; m++) add(`mode=${modeRef(m, m + k)} ${opt}`);
});
for (let m = 0; m < 7; m++) add(`mode=${modeRef(m, m)} miimon=100 primary=eth0 primary_reselect=failure`);
for (let m = 0; m < 7; m++) add(`mode=${modeRef(m, m + 1)} arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=active`);

// ================================================================ 4. ranges of numeric options
section('numeric ranges at and past the boundaries');
const ranges = {
  updelay: ['0', '100', '150', String(INT_MAX), String(INT_MAX + 1), '-1', 'off', 'maxval', '100ms'],
  downdelay: ['0', '100', '199', String(INT_MAX), String(INT_MAX + 1), '-1', 'off', '0x64'],
  peer_notif_delay: ['0', '100', '150', '300000', '300001', String(INT_MAX), String(INT_MAX + 1), '-1', 'off'],
  arp_missed_max: ['0', '1', '2', '255', '256', '-1', 'default', 'maxval'],
  num_grat_arp: ['0', '1', '255', '256', '-1', 'off', 'default'],
  num_unsol_na: ['0', '1', '255', '256', '-1'],
  resend_igmp: ['0', '1', '255', '256', '-1', 'default', 'maxval'],
  packets_per_slave: ['0', '1', '65535', '65536', '-1', 'default', 'maxval'],
  lp_interval: ['0', '1', '10', String(INT_MAX), String(INT_MAX + 1), '-1', 'default', 'maxval'],
  min_links: ['0', '1', '2', '3', String(INT_MAX), String(INT_MAX + 1), '-1', 'maxval'],
  ad_actor_sys_prio: ['0', '1', '100', '65535', '65536', '-1', 'default', 'maxval'],
  ad_user_port_key: ['0', '1', '1023', '1024', '65535', '-1', 'default', 'maxval'],
  arp_interval: ['0', '1', '1000', String(INT_MAX), String(INT_MAX + 1), '-1', 'off', 'maxval', '1e3'],
  use_carrier: ['0', '1', '2', '-1', 'on', 'off', 'On', 'yes', 'true', 'default'],
  all_slaves_active: ['0', '1', '2', '-1', 'on', 'off', 'default', 'dropped', 'delivered'],
  max_bonds: ['0', '1', '2', '-1'],
  tx_queues: ['1', '16', '255', '256', '0'],
};
const rangePrefix = {
  updelay: 'mode=1 miimon=100', downdelay: 'mode=1 miimon=100', peer_notif_delay: 'mode=1 miimon=100',
  arp_missed_max: 'mode=1 arp_interval=100 arp_ip_target=10.0.0.1', num_grat_arp: 'mode=1 miimon=100',
  num_unsol_na: 'mode=1 miimon=100', resend_igmp: 'mode=1 miimon=100', packets_per_slave: 'mode=0 miimon=100',
  lp_interval: 'mode=5 miimon=100', min_links: 'mode=4 miimon=100', ad_actor_sys_prio: 'mode=4 miimon=100',
  ad_user_port_key: 'mode=4 miimon=100', arp_interval: 'mode=1', use_carrier: 'mode=1 miimon=100',
  all_slaves_active: 'mode=1 miimon=100', max_bonds: 'mode=1', tx_queues: 'mode=1',
};
for (const [k, vals] of Object.entries(ranges)) {
  for (const v of vals) add(`${rangePrefix[k]} ${k}=${v}`);
  add(`${k}=${vals[1]}`); // also without any mode/miimon (defaults: balance-rr, miimon 0)
}
add('mode=1 peer_notif_delay=100');
add('mode=1 miimon=0 peer_notif_delay=100');
add('mode=1 miimon=100 num_grat_arp=5 num_unsol_na=7');
add('mode=1 miimon=100 num_unsol_na=7 num_grat_arp=5');
add('mode=6 lp_interval=0'); add('mode=0 lp_interval=5'); add('mode=1 lp_interval=5');
add('mode=1 min_links=2'); add('mode=4 ad_actor_sys_prio=65535 ad_user_port_key=1023');
add('max_bonds=2 mode=1 miimon=100'); add('mode=4 miimon=100 tx_queues=16');

// ================================================================ 5. enum options: names, numbers, case
section('enum options: every name, every number, out-of-range numbers, wrong case');
const enums = {
  xmit_hash_policy: { pre: ['mode=2', 'mode=4', 'mode=0'], names: ['layer2', 'layer3+4', 'layer2+3', 'encap2+3', 'encap3+4', 'vlan+srcmac'],
    bad: ['6', '-1', 'Layer2', 'LAYER3+4', 'layer3_4', 'layer34', 'layer3+4+', 'l34', 'layer3', 'layer2+3,', 'vlan_srcmac', 'default'] },
  lacp_rate: { pre: ['mode=4', 'mode=1'], names: ['slow', 'fast'], bad: ['2', '-1', 'Fast', 'FAST', 'Slow', 'on', 'default', '1s', '30'] },
  lacp_active: { pre: ['mode=4', 'mode=0'], names: ['off', 'on'], bad: ['2', 'On', 'OFF', 'yes', 'default', 'true'] },
  ad_select: { pre: ['mode=4', 'mode=1'], names: ['stable', 'bandwidth', 'count'], bad: ['3', '-1', 'Stable', 'BANDWIDTH', 'actor_port_prio', 'default', 'prio'] },
  arp_validate: { pre: ['mode=1 arp_interval=100 arp_ip_target=10.0.0.1', 'mode=0', 'mode=4'],
    names: ['none', 'active', 'backup', 'all', 'filter', 'filter_active', 'filter_backup'],
    bad: ['7', '-1', 'Active', 'ALL', 'filter-active', 'filter_all', 'default', 'both'] },
  arp_all_targets: { pre: ['mode=1 arp_interval=100 arp_ip_target=10.0.0.1', 'mode=4'], names: ['any', 'all'], bad: ['2', '-1', 'Any', 'ALL', 'default', 'none'] },
  primary_reselect: { pre: ['mode=1 miimon=100', 'mode=0'], names: ['always', 'better', 'failure'], bad: ['3', '-1', 'Always', 'FAILURE', 'never', 'default'] },
  fail_over_mac: { pre: ['mode=1 miimon=100', 'mode=4'], names: ['none', 'active', 'follow'], bad: ['3', '-1', 'Active', 'NONE', 'on', 'default', 'followed'] },
  tlb_dynamic_lb: { pre: ['mode=5', 'mode=6'], names: ['off', 'on'], bad: ['2', '-1', 'On', 'default', 'yes'] },
  coupled_control: { pre: ['mode=4'], names: ['off', 'on'], bad: ['2'] },
  broadcast_neighbor: { pre: ['mode=4'], names: ['off', 'on'], bad: ['2'] },
};
for (const [k, e] of Object.entries(enums)) {
  const [p0, ...others] = e.pre;
  e.names.forEach((n, idx) => { add(`${p0} ${k}=${n}`); add(`${p0} ${k}=${idx}`); });
  for (const b of e.bad) add(`${p0} ${k}=${b}`);
  for (const p of others) { add(`${p} ${k}=${e.names[e.names.length - 1]}`); add(`${p} ${k}=${e.names.length - 1}`); }
  add(`${k}=${e.names[0]}`);
  add(`${p0} ${k}=`);
  add(`${p0} ${k}`);
  add(`${p0} ${k}=0${e.names.length - 1}`); // leading zero
}

// ================================================================ 6. arp_ip_target
section('arp_ip_target: lists, limits, invalid addresses, +/- prefixes, duplicates, grep quirks');
const AI = 'mode=1 arp_interval=100';
const ips = (n, base = '192.168.1.') => Array.from({ length: n }, (_, j) => `${base}${j + 1}`);
add(`${AI} arp_ip_target=${ips(2).join(',')}`);
add(`${AI} arp_ip_target=${ips(3).join(',')}`);
add(`${AI} arp_ip_target=${ips(15).join(',')}`);
add(`${AI} arp_ip_target=${ips(16).join(',')}`);
add(`${AI} arp_ip_target=${ips(17).join(',')}`);
add(`${AI} arp_ip_target=${ips(18).join(',')}`);
add(`${AI} ${ips(16).map((a) => `arp_ip_target=+${a}`).join(' ')}`);
add(`${AI} ${ips(17).map((a) => `arp_ip_target=+${a}`).join(' ')}`);
add(`${AI} ${ips(17).map((a) => `arp_ip_target=${a}`).join(' ')}`);
add(`${AI} arp_ip_target=${ips(16).reverse().join(',')}`);
add(`${AI} arp_ip_target=${ips(8, '10.1.0.').join(',')} arp_ip_target=${ips(9, '10.2.0.').join(',')}`);
for (const t of ['10.0.0.1', '+10.0.0.1', '-10.0.0.1', '0.0.0.0', '255.255.255.255', '127.0.0.1', '224.0.0.1',
  '169.254.1.1', '10.0.0.255', '256.1.1.1', '10.0.0', '10.0.0.1.5', '10.0.0.1/24', '010.000.000.001', '1.2.3.04',
  'abc', 'gateway', 'localhost', '2001:db8::1', '::1', '+', '-', '', ',', '10.0.0.1,', ',10.0.0.1',
  '10.0.0.1,,10.0.0.2', '10.0.0.1;10.0.0.2', '+10.0.0.1,10.0.0.2', '+10.0.0.1,+10.0.0.2', '10.0.0.1,+10.0.0.2',
  '10.0.0.1,10.0.0.1', '10.0.0.1,-10.0.0.1', '-10.0.0.1,10.0.0.2', '++10.0.0.1', '+-10.0.0.1', '0x0a000001', '167772161',
  '10.0.0.1:80', ' 10.0.0.1'.trim(), '10.0.0.1.', '.10.0.0.1', '10.0.0.-1', '1e1.0.0.1']) {
  add(`${AI} arp_ip_target=${t}`);
}
add(`${AI} arp_ip_target=+10.0.0.1 arp_ip_target=+10.0.0.1`);
add(`${AI} arp_ip_target=10.0.0.1 arp_ip_target=10.0.0.1`);
add(`${AI} arp_ip_target=10.0.0.10 arp_ip_target=10.0.0.1`);
add(`${AI} arp_ip_target=10.0.0.1 arp_ip_target=10.0.0.10`);
add(`${AI} arp_ip_target=+10.0.0.10 arp_ip_target=+10.0.0.1`);
add(`${AI} arp_ip_target=10.0.0.1 arp_ip_target=10.0.0.2`);
add(`${AI} arp_ip_target=10.0.0.1 arp_ip_target=-10.0.0.1`);
add(`${AI} arp_ip_target=+10.0.0.1 arp_ip_target=-10.0.0.1 arp_ip_target=+10.0.0.2`);
add(`${AI} arp_ip_target=10.0.0.1,10.0.0.2 arp_ip_target=-10.0.0.2`);
add(`${AI} arp_ip_target=10.0.1.1 arp_ip_target=10.0.0.1`); // "." in the grep pattern matches any char
add(`${AI} arp_ip_target=10.0.0.12 arp_ip_target=10.0.0.1,10.0.0.2`);
add(`${AI} arp_ip_target=10.1.111.1 arp_ip_target=1.1.1.1`); // regex: 1.1.1.1 matches inside 10.1.111.1
add(`${AI} arp_ip_target=+10.0.0.1/24 arp_ip_target=10.0.0.2/24`);
add('arp_ip_target=10.0.0.1');
add('arp_ip_target=10.0.0.1 arp_interval=100');
add('mode=1 arp_ip_target=10.0.0.1 arp_interval=100');
add('mode=4 arp_ip_target=10.0.0.1');
add('mode=6 arp_ip_target=10.0.0.1,10.0.0.2');
add('mode=1 miimon=100 arp_ip_target=10.0.0.1');

section('ns_ip6_target');
for (const t of ['2001:db8::1', '+2001:db8::1', '-2001:db8::1', '::1', '::', 'ff02::1', 'fe80::1', '2001:db8::1,2001:db8::2',
  '10.0.0.1', 'zzz']) {
  add(`${AI} ns_ip6_target=${t}`);
}
add('mode=1 arp_interval=100 arp_ip_target=10.0.0.1 ns_ip6_target=2001:db8::1');
add('ns_ip6_target=2001:db8::1');

// ================================================================ 7. unknown names, token syntax, sysfs paths
section('unknown option names and token syntax');
for (const t of ['foo=bar', 'Miimon=100', 'MIIMON=100', 'arp-interval=100', 'arp_ip_targets=10.0.0.1', 'arpinterval=100',
  'xmit_hash=layer2', 'xmit-hash-policy=layer2', 'lacp=fast', 'lacprate=fast', 'bond_mode=1', 'BONDING_OPTS=mode=1',
  'miimon_interval=100', 'updelay_ms=100', 'hashing=layer2', 'ad_actor_key=5', 'ad_aggregator=1', 'ad_num_ports=2',
  'ad_partner_key=1', 'ad_partner_mac=00:11:22:33:44:55', 'mii_status=up', 'bonding_masters=+bond0', 'primary_slave=eth0',
  'numdummies=2', 'downdelay', 'primary', 'active-backup', '100', 'eth0', '+eth0', 'on', 'mode=1 junk', 'mode=1 x=',
  'mode=1 =x', 'mode=1 ==', 'mode=1 a=b=c', 'mode=1 miimon=100 miimon=', 'mode=1 miimon=', 'mode=1 updelay=',
  'miimon=100 updelay=100=200', 'miimon=100 updelay=200=100', 'miimon=100 downdelay==200']) {
  add(t);
}
section('keys containing / reach other sysfs files (initscripts does not validate the key)');
add('mode=1 ../mtu=1400'); add('mode=1 ../tx_queue_len=100'); add('mode=1 ./miimon=100'); add('mode=1 miimon/=100');
add('mode=1 ../../bond0/bonding/mode=1'); add('mode=1 /miimon=100');

// ================================================================ 8. primary / active_slave / slaves / queue_id / prio
section('primary, active_slave, slaves, queue_id, prio');
for (const p of ['eth0', 'eth1', 'eth2', 'eth9', 'bond0', 'lo', '', 'ETH0', 'eth0,eth1', 'eth0eth0eth0eth0', 'averyveryverylongname',
  '+eth0', '-eth0', 'none']) {
  add(`mode=1 miimon=100 primary=${p}`);
}
add('mode=5 miimon=100 primary=eth1'); add('mode=6 miimon=100 primary=eth1'); add('mode=balance-alb primary=eth9');
add('mode=1 miimon=100 primary=eth0 primary=eth1'); add('mode=1 miimon=100 primary=eth1 primary=eth9');
add('mode=1 miimon=100 primary=eth1 primary_reselect=failure'); add('mode=1 primary_reselect=better primary=eth0');
add('mode=1 miimon=100 primary=eth0 fail_over_mac=follow');
for (const a of ['eth0', 'eth1', 'eth9', '', 'none']) add(`mode=1 miimon=100 active_slave=${a}`);
add('mode=1 miimon=100 slaves=+eth0 active_slave=eth0');
add('mode=1 miimon=100 slaves=+eth0 active_slave=eth1');
for (const s of ['eth0', '+eth0', '-eth0', '+eth9', '+eth0,+eth1', 'eth0,eth1', '+lo', '']) add(`mode=1 miimon=100 slaves=${s}`);
add('mode=1 slaves=+eth0 slaves=+eth1');
add('slaves=+eth0 mode=4');
add('mode=1 slaves=+eth0 fail_over_mac=active');
add('mode=4 slaves=+eth0 lacp_rate=fast');
add('mode=4 slaves=+eth0 ad_select=count');
add('mode=5 slaves=+eth0 tlb_dynamic_lb=0');
add('mode=1 slaves=+eth0 primary=eth0 arp_interval=100');
for (const q of ['eth0:1', 'eth0:0', 'eth1:15', 'eth0:16', 'eth0:65535', 'eth0:65536', 'eth0:-1', 'eth9:1', '1', 'eth0', 'eth0:x', '']) {
  add(`mode=1 miimon=100 queue_id=${q}`);
}
add('mode=1 miimon=100 slaves=+eth0 queue_id=eth0:2');
add('mode=0 slaves=+eth0 slaves=+eth1 queue_id=eth0:3 queue_id=eth1:3');
add('mode=0 slaves=+eth0 queue_id=eth0:16');
add('mode=0 slaves=+eth0 queue_id=eth0:15');
add('mode=0 slaves=+eth0 queue_id=eth0:17');
add('mode=0 slaves=+eth0 queue_id=eth9:1');
add('mode=0 slaves=+eth0 queue_id=eth0');
for (const p of ['0', '10', '-10', '2147483648', 'x']) add(`mode=1 miimon=100 prio=${p}`);
add('mode=1 miimon=100 prio=eth0:5');

// ================================================================ 9. ad_actor_system
section('ad_actor_system');
for (const mac of ['02:00:00:00:00:01', '00:11:22:33:44:55', '02:AA:BB:CC:DD:EE', '01:00:5e:00:00:01', '01:80:c2:00:00:02',
  '03:00:00:00:00:01', 'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00', '02-00-00-00-00-01', '0200.0000.0001', '020000000001',
  '02:00:00:00:00', '02:00:00:00:00:01:02', '2:0:0:0:0:1', 'zz:00:00:00:00:01', '', 'default']) {
  add(`mode=4 miimon=100 ad_actor_system=${mac}`);
}
add('mode=1 ad_actor_system=00:00:00:00:00:00');

// ================================================================ 10. realistic production strings
section('realistic production BONDING_OPTS');
for (const r of [
  'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4',
  'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer2+3',
  'mode=4 miimon=100 lacp_rate=1',
  'mode=4 miimon=100 lacp_rate=1 xmit_hash_policy=1',
  'mode=802.3ad lacp_rate=fast miimon=100 updelay=200 downdelay=200',
  'mode=4 lacp_rate=1 miimon=100 updelay=5000',
  'mode=802.3ad miimon=100 lacp_rate=slow xmit_hash_policy=layer3+4 ad_select=bandwidth min_links=1',
  'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 ad_actor_sys_prio=100 ad_user_port_key=5',
  'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=encap3+4 all_slaves_active=1',
  'mode=802.3ad xmit_hash_policy=layer3+4',
  'mode=active-backup miimon=100',
  'mode=active-backup miimon=100 primary=eth0',
  'mode=active-backup miimon=100 primary=eth0 primary_reselect=failure',
  'mode=active-backup miimon=100 updelay=200 downdelay=200 primary=eth0 primary_reselect=always',
  'mode=1 miimon=100 fail_over_mac=1',
  'mode=1 miimon=100 fail_over_mac=active num_grat_arp=5',
  'mode=active-backup fail_over_mac=follow miimon=100 primary=eth1',
  'mode=1 arp_interval=1000 arp_ip_target=192.168.1.254',
  'mode=1 arp_interval=1000 arp_ip_target=192.168.1.254 arp_validate=all',
  'mode=active-backup arp_interval=1000 arp_ip_target=+192.168.1.254 arp_validate=active arp_all_targets=any',
  'mode=active-backup arp_interval=1000 arp_ip_target=192.168.1.1,192.168.1.2 arp_validate=backup primary=eth0',
  'mode=balance-alb miimon=100',
  'mode=balance-alb miimon=100 updelay=200 downdelay=200',
  'mode=balance-tlb miimon=100 tlb_dynamic_lb=0 xmit_hash_policy=layer3+4',
  'mode=balance-tlb miimon=100 lp_interval=10',
  'mode=balance-xor xmit_hash_policy=layer3+4 miimon=100',
  'mode=balance-xor xmit_hash_policy=vlan+srcmac miimon=100',
  'mode=balance-rr miimon=100 packets_per_slave=10',
  'mode=balance-rr miimon=100 resend_igmp=3',
  'mode=broadcast miimon=100',
  'mode=0 miimon=100',
  'mode=1 miimon=100 use_carrier=0',
  'mode=1 miimon=100 use_carrier=1',
  'miimon=100 mode=1',
  'miimon=100 mode=active-backup primary=eth0',
  'miimon=1000 mode=802.3ad lacp_rate=fast',
  'mode=1 miimon=100 downdelay=0 updelay=0',
  'mode=4 miimon=100 xmit_hash_policy=layer3+4 lacp_rate=fast ad_select=stable',
  'mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 lacp_active=on',
  'mode=802.3ad miimon=100 lacp_active=off lacp_rate=slow',
  'mode=active-backup miimon=100 num_unsol_na=3 num_grat_arp=3',
  'mode=1 miimon=100 peer_notif_delay=200 num_grat_arp=3',
]) add(r);

section('echo quirks: values that busybox/bash echo treats as options');
add('mode=1 miimon=-n'); add('mode=1 miimon=-e'); add('mode=1 primary=-n'); add('mode=4 lacp_rate=-E');

// ================================================================ 11. random combinations
section(`seeded random combinations of 2-5 options (seed 0x${SEED.toString(16)})`);
const gen = {
  mode: () => pick([...MODE_NAMES, '0', '1', '2', '3', '4', '5', '6', '7', 'Active-Backup', '-1']),
  miimon: () => pick(['0', '50', '100', '100', '200', '1000', '100ms', '-1', '0100', String(INT_MAX)]),
  updelay: () => pick(['0', '100', '200', '150', '5000', '-1', 'abc']),
  downdelay: () => pick(['0', '100', '200', '250', '-1']),
  peer_notif_delay: () => pick(['0', '100', '200', '300001']),
  use_carrier: () => pick(['0', '1', '2', 'on']),
  arp_interval: () => pick(['0', '100', '1000', '-1', '200ms']),
  arp_ip_target: () => pick(['10.0.0.1', '+10.0.0.1', '10.0.0.1,10.0.0.2', '-10.0.0.1', '0.0.0.0', '300.0.0.1', '192.168.1.254']),
  ns_ip6_target: () => pick(['2001:db8::1', 'ff02::1']),
  arp_validate: () => pick(['none', 'active', 'backup', 'all', 'filter', '3', '7', 'ALL']),
  arp_all_targets: () => pick(['any', 'all', '1', '2']),
  arp_missed_max: () => pick(['0', '1', '3', '255', '256']),
  primary: () => pick(['eth0', 'eth1', 'eth9', '']),
  primary_reselect: () => pick(['always', 'better', 'failure', '2', '3']),
  fail_over_mac: () => pick(['none', 'active', 'follow', '1', '3', 'Active']),
  xmit_hash_policy: () => pick(['layer2', 'layer3+4', 'layer2+3', 'encap2+3', 'encap3+4', 'vlan+srcmac', '1', '6', 'layer3_4']),
  lacp_rate: () => pick(['slow', 'fast', '0', '1', '2', 'Fast']),
  lacp_active: () => pick(['on', 'off', '0', '2']),
  ad_select: () => pick(['stable', 'bandwidth', 'count', '2', '3']),
  ad_actor_sys_prio: () => pick(['0', '1', '100', '65535', '65536']),
  ad_actor_system: () => pick(['02:00:00:00:00:01', '01:00:5e:00:00:01', '00:00:00:00:00:00']),
  ad_user_port_key: () => pick(['0', '5', '1023', '1024']),
  coupled_control: () => pick(['0', '1']),
  broadcast_neighbor: () => pick(['0', '1']),
  min_links: () => pick(['0', '1', '2', '-1']),
  num_grat_arp: () => pick(['0', '1', '5', '255', '256']),
  num_unsol_na: () => pick(['0', '3', '256']),
  resend_igmp: () => pick(['0', '1', '255', '256']),
  all_slaves_active: () => pick(['0', '1', '2']),
  packets_per_slave: () => pick(['0', '1', '10', '65535', '65536']),
  lp_interval: () => pick(['0', '1', '10']),
  tlb_dynamic_lb: () => pick(['0', '1', 'off']),
  active_slave: () => pick(['eth0', 'eth1']),
  queue_id: () => pick(['eth0:1', 'eth1:2']),
  prio: () => pick(['1', '-1']),
  slaves: () => pick(['+eth0', '+eth1', 'eth0']),
  max_bonds: () => pick(['1', '0']),
  tx_queues: () => pick(['16', '4']),
};
// weights: common options more often; rare ones still appear
const weighted = [];
for (const k of Object.keys(gen)) {
  const w = ['mode', 'miimon'].includes(k) ? 0
    : ['updelay', 'downdelay', 'arp_interval', 'arp_ip_target', 'primary', 'xmit_hash_policy', 'lacp_rate', 'arp_validate'].includes(k) ? 4
    : ['slaves', 'max_bonds', 'tx_queues', 'prio', 'queue_id', 'active_slave', 'coupled_control', 'broadcast_neighbor', 'ns_ip6_target'].includes(k) ? 1
    : 2;
  for (let j = 0; j < w; j++) weighted.push(k);
}
let made = 0;
let guard = 0;
while (made < N_RANDOM && guard++ < 100000) {
  const n = randint(2, 5);
  const toks = [];
  const r = rnd();
  if (r < 0.85) toks.push(`mode=${gen.mode()}`);
  if (rnd() < 0.6) toks.push(`miimon=${gen.miimon()}`);
  while (toks.length < n) {
    const k = pick(weighted);
    if (rnd() < 0.9 && toks.some((t) => t.startsWith(`${k}=`))) continue; // mostly distinct keys
    toks.push(`${k}=${gen[k]()}`);
  }
  // shuffle a little: sometimes put miimon/mode later (order matters only outside pass 1)
  if (rnd() < 0.2) toks.push(toks.shift());
  const before = cases.length;
  add(toks.join(' '));
  if (cases.length > before) made++;
}

// ---------------------------------------------------------------- checks and output
const keysUsed = new Set();
for (const c of cases) for (const t of c.split(/\s+/)) if (t.includes('=')) keysUsed.add(t.slice(0, t.indexOf('=')));
const missing = ALL_OPTIONS.filter((o) => !keysUsed.has(o));
if (missing.length) throw new Error(`options without a case: ${missing.join(', ')}`);

const header = [
  '# BONDING_OPTS cases for the bonding kernel oracle (/work/shared/oracle/run-oracle.sh).',
  '# GENERATED by scripts/oracle/gen-cases.mjs - do not edit by hand. Case numbers (i) count',
  '# non-comment lines from 1. Sections (first case number):',
  ...sections.map(([i, t]) => `#   ${String(i).padStart(4)}  ${t}`),
];
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${header.join('\n')}\n${cases.join('\n')}\n`);
process.stderr.write(`gen-cases: ${cases.length} cases, ${keysUsed.size} distinct keys -> ${OUT}\n`);
