// modprobe.d rules about bonding: module parameters as the kernel reads them at load time, aliases,
// legacy files and multi-instance tricks. Every rule: a positive and a negative case; every fix:
// applying it removes the diagnostic and leaves every other byte as it was.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeActions, diagnose, makeContext } from '../../server/src/analysis';
import { MODPROBE_RULES } from '../../server/src/analysis/rules/modprobe';
import { applyEdits, applyFix, lint, spans, wsCodes } from '../helpers/analysis';

const CONF = 'bonding.conf';
const ROOT = join(__dirname, '..', '..');

const diags = (src: string, name = CONF): Diagnostic[] => lint(src, name);
const codesOf = (src: string, name = CONF): string[] => diags(src, name).map((d) => String(d.code));
const only = (src: string, code: string, name = CONF): Diagnostic[] => diags(src, name).filter((d) => d.code === code);
const has = (src: string, code: string): boolean => codesOf(src).includes(code);
const msg = (d: Diagnostic): string => String(d.message);
const ERROR = 1;
const WARNING = 2;
const INFO = 3;

/** Applies fix #which of the first `code` diagnostic; checks the result and that the diagnostic is gone. */
function fixes(src: string, code: string, expected: string, which = 0, name = CONF): void {
  const before = only(src, code, name).length;
  const out = applyFix(src, code, name, which);
  assert.equal(out, expected);
  assert.equal(only(out, code, name).length, before - 1, `${code} still reported after the fix: ${JSON.stringify(out)}`);
}

/** The titles of the fixes offered for the first `code` diagnostic. */
function fixTitles(src: string, code: string, name = CONF): string[] {
  const ctx = makeContext(`file:///etc/modprobe.d/${name}`, src, 'modprobe');
  const d = diagnose(ctx).filter((x) => x.code === code);
  return d.length ? codeActions(ctx, [d[0]]).map((a) => a.title) : [];
}

function lintAt(path: string, text: string): Diagnostic[] {
  return diagnose(makeContext(`file://${path}`, text, 'modprobe'));
}

// ---------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------

test('every modprobe rule has a stable modprobe- id, a severity and a title; catalogue ids are well formed', () => {
  const ids = MODPROBE_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of MODPROBE_RULES) {
    assert.match(r.id, /^modprobe-[a-z0-9-]+$/);
    assert.equal(r.language, 'modprobe');
    assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity));
    assert.ok(r.title.length > 5);
    for (const c of r.catalogue ?? []) assert.match(c, /^[A-G]\d{1,2}$/);
  }
  for (const id of ['modprobe-not-module-param', 'modprobe-unknown-param', 'modprobe-invalid-value', 'modprobe-too-many-arp-targets',
    'modprobe-bad-arp-target', 'modprobe-arp-validate-without-arp', 'modprobe-miimon-and-arp', 'modprobe-arp-incomplete',
    'modprobe-ignored-in-mode', 'modprobe-delay-without-miimon', 'modprobe-delay-not-multiple', 'modprobe-use-carrier',
    'modprobe-numeric-value', 'modprobe-duplicate-param', 'modprobe-max-bonds', 'modprobe-legacy-config-file',
    'modprobe-module-rename', 'modprobe-alias-target', 'modprobe-alias-options']) {
    assert.ok(ids.includes(id), id);
  }
});

// ---------------------------------------------------------------------------------------------
// F5: bonding options that are not module parameters
// ---------------------------------------------------------------------------------------------

test('F5 not-module-param: warning on the token, for every sysfs/netlink-only option, "-" and "_" alike', () => {
  assert.deepEqual(spans('options bonding mode=802.3ad lacp_active=off\n', 'modprobe-not-module-param', CONF), [[0, 29, 44]]);
  const d = only('options bonding lacp_active=off\n', 'modprobe-not-module-param')[0];
  assert.equal(d.severity, WARNING);
  assert.match(msg(d), /unknown parameter 'lacp_active' ignored/);
  assert.match(msg(d), /BONDING_OPTS/);
  for (const o of ['ad_actor_system=00:11:22:33:44:55', 'ad_actor_sys_prio=100', 'ad_user_port_key=1', 'tlb_dynamic_lb=0', 'arp_missed_max=3',
    'peer_notif_delay=200', 'ns_ip6_target=2001:db8::1', 'coupled_control=0', 'active_slave=eth0', 'peer-notif-delay=200']) {
    assert.deepEqual(codesOf(`options bonding ${o}\n`), ['modprobe-not-module-param'], o);
  }
  // not an unknown name, so no E1 as well
  assert.ok(!has('options bonding tlb_dynamic_lb=0\n', 'modprobe-unknown-param'));
});

test('F5 negative: real module parameters, and other modules, are not flagged', () => {
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 lacp_rate=fast lacp-rate=fast\n', 'modprobe-not-module-param'), []);
  assert.deepEqual(codesOf('options mlx5_core lacp_active=1 tlb_dynamic_lb=0\n'), []);
});

// ---------------------------------------------------------------------------------------------
// E1: unknown parameter names
// ---------------------------------------------------------------------------------------------

test('unknown-param: error with a near-miss suggestion and a rename fix', () => {
  const src = 'options bonding mode=802.3ad lacp_rates=fast miimon=100\n';
  assert.deepEqual(spans(src, 'modprobe-unknown-param', CONF), [[0, 29, 44]]);
  const d = only(src, 'modprobe-unknown-param')[0];
  assert.equal(d.severity, ERROR);
  assert.match(msg(d), /unknown parameter 'lacp_rates' ignored/);
  assert.match(msg(d), /Did you mean 'lacp_rate'\?/);
  fixes(src, 'modprobe-unknown-param', 'options bonding mode=802.3ad lacp_rate=fast miimon=100\n');
  fixes('options bonding mode=802.3ad\r\noptions bonding arp_ip_targets=10.0.0.1 # x\r\n', 'modprobe-unknown-param',
    'options bonding mode=802.3ad\r\noptions bonding arp_ip_target=10.0.0.1 # x\r\n');
  fixes('options bonding Mode=1\n', 'modprobe-unknown-param', 'options bonding mode=1\n');
  fixes('options bonding xmit_policy=layer2\n', 'modprobe-unknown-param', 'options bonding xmit_hash_policy=layer2\n');
  // kernel command line syntax
  assert.match(msg(only('options bonding bonding.miimon=100\n', 'modprobe-unknown-param')[0]), /kernel command line/);
  fixes('options bonding bonding.miimon=100\n', 'modprobe-unknown-param', 'options bonding miimon=100\n');
});

test('unknown-param: a value glued to the name (miimon100, mode:4) is fixed to name=value', () => {
  assert.match(msg(only('options bonding miimon100\n', 'modprobe-unknown-param')[0]), /'miimon=100'/);
  fixes('options bonding mode=1 miimon100\n', 'modprobe-unknown-param', 'options bonding mode=1 miimon=100\n');
  fixes('options bonding mode:4 miimon=100\r\n', 'modprobe-unknown-param', 'options bonding mode=4 miimon=100\r\n');
});

test('unknown-param: no suggestion when nothing is close; no fix toward a non-module option', () => {
  const d = only('options bonding frobnicate=1\n', 'modprobe-unknown-param');
  assert.equal(d.length, 1);
  assert.doesNotMatch(msg(d[0]), /Did you mean/);
  assert.deepEqual(fixTitles('options bonding frobnicate=1\n', 'modprobe-unknown-param'), []);
  const near = only('options bonding lacp_activ=off\n', 'modprobe-unknown-param')[0];
  assert.match(msg(near), /lacp_active.*not a module parameter/);
  assert.deepEqual(fixTitles('options bonding lacp_activ=off\n', 'modprobe-unknown-param'), []);
});

test('unknown-param negative: module params, kernel-generic params (dyndbg, async_probe), inline-comment words', () => {
  assert.deepEqual(only('options bonding max_bonds=0 dyndbg=+p async_probe\n', 'modprobe-unknown-param'), []);
  // the words after '#' belong to modprobe-inline-comment only
  assert.deepEqual(codesOf('options bonding miimon=100 # bond0 + bond1\n'), ['modprobe-inline-comment']);
  assert.deepEqual(codesOf('options e1000e InterruptThrottleRate=3000 lacp_rates=1\n'), []);
});

// ---------------------------------------------------------------------------------------------
// F6 / E2: invalid values, judged with the module-parameter parsers
// ---------------------------------------------------------------------------------------------

test('invalid-value: mode=lacp fails the module load (error on the value) with a fix to 802.3ad', () => {
  const src = 'options bonding mode=lacp miimon=100\n';
  assert.deepEqual(spans(src, 'modprobe-invalid-value', CONF), [[0, 21, 25]]);
  const d = only(src, 'modprobe-invalid-value')[0];
  assert.equal(d.severity, ERROR);
  assert.match(msg(d), /refuses to load/);
  fixes(src, 'modprobe-invalid-value', 'options bonding mode=802.3ad miimon=100\n');
  fixes('options bonding mode=Active-Backup\r\n', 'modprobe-invalid-value', 'options bonding mode=active-backup\r\n');
  assert.ok(has('options bonding mode=7\n', 'modprobe-invalid-value'));
});

test('invalid-value: integers use kstrtoint — 0x64 is fine, off/100ms fail the load (fixes to plain numbers)', () => {
  assert.deepEqual(only('options bonding mode=1 miimon=0x64\n', 'modprobe-invalid-value'), []);
  assert.deepEqual(only('options bonding mode=1 miimon=0144 updelay=+200\n', 'modprobe-invalid-value'), []);
  const off = only('options bonding miimon=off\n', 'modprobe-invalid-value');
  assert.equal(off.length, 1);
  assert.equal(off[0].severity, ERROR);
  fixes('options bonding miimon=off\n', 'modprobe-invalid-value', 'options bonding miimon=0\n');
  fixes('options bonding mode=1 miimon=100ms updelay=200\r\n', 'modprobe-invalid-value', 'options bonding mode=1 miimon=100 updelay=200\r\n');
  fixes('options bonding use_carrier=on\n', 'modprobe-invalid-value', 'options bonding use_carrier=1\n');
  assert.equal(only('options bonding max_bonds=99999999999\n', 'modprobe-invalid-value')[0].severity, ERROR);
  // no fix when the meaning is not clear
  assert.deepEqual(fixTitles('options bonding miimon=fast\n', 'modprobe-invalid-value'), []);
});

test('invalid-value: a parameter without =value fails the load', () => {
  const d = only('options bonding miimon\n', 'modprobe-invalid-value');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, ERROR);
  assert.match(msg(d[0]), /no value/);
});

test('invalid-value: values the kernel corrects at load are warnings, with a fix to the value it uses', () => {
  for (const [src, to] of [['max_bonds=-1', '1'], ['miimon=-5', '0'], ['tx_queues=0', '16'], ['num_grat_arp=300', '1'], ['resend_igmp=256', '1'],
    ['all_slaves_active=2', '0'], ['packets_per_slave=70000', '1'], ['lp_interval=0', '1'], ['use_carrier=2', '1']] as const) {
    const text = `options bonding ${src}\n`;
    const d = only(text, 'modprobe-invalid-value');
    assert.equal(d.length, 1, src);
    assert.equal(d[0].severity, WARNING, src);
    assert.match(msg(d[0]), new RegExp(`uses ${to} instead`), src);
    fixes(text, 'modprobe-invalid-value', `options bonding ${src.split('=')[0]}=${to}\n`);
  }
});

test('invalid-value: enum params the kernel skips in this mode are only a warning (latent); parsed ones are errors', () => {
  const skipped = only('options bonding mode=active-backup xmit_hash_policy=l34\n', 'modprobe-invalid-value');
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0].severity, WARNING);
  const parsed = only('options bonding mode=802.3ad miimon=100 xmit_hash_policy=l34\n', 'modprobe-invalid-value');
  assert.equal(parsed[0].severity, ERROR);
  fixes('options bonding mode=802.3ad miimon=100 xmit_hash_policy=l34\n', 'modprobe-invalid-value', 'options bonding mode=802.3ad miimon=100 xmit_hash_policy=layer3+4\n');
  assert.equal(only('options bonding mode=1 lacp_rate=Fast\n', 'modprobe-invalid-value')[0].severity, WARNING);
  assert.equal(only('options bonding mode=4 lacp_rate=Fast\n', 'modprobe-invalid-value')[0].severity, ERROR);
  assert.equal(only('options bonding fail_over_mac=yes\n', 'modprobe-invalid-value')[0].severity, ERROR);
  assert.equal(only('options bonding ad_select=fastest\n', 'modprobe-invalid-value')[0].severity, ERROR);
  assert.equal(only('options bonding arp_all_targets=most\n', 'modprobe-invalid-value')[0].severity, WARNING);
  assert.equal(only('options bonding mode=1 primary=eth0 primary_reselect=sometimes\n', 'modprobe-invalid-value')[0].severity, ERROR);
  assert.equal(only('options bonding mode=1 primary_reselect=sometimes\n', 'modprobe-invalid-value')[0].severity, WARNING);
});

test('invalid-value negative: valid names, numbers, default keyword; an overridden earlier value is left to the duplicate rule', () => {
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 ad_select=count\n', 'modprobe-invalid-value'), []);
  assert.deepEqual(only('options bonding mode=default arp_all_targets=all fail_over_mac=2 primary=eth0\n', 'modprobe-invalid-value'), []);
  const src = 'options bonding mode=lacp\noptions bonding mode=802.3ad\n';
  assert.deepEqual(only(src, 'modprobe-invalid-value'), []);
  assert.ok(has(src, 'modprobe-duplicate-param'));
});

// ---------------------------------------------------------------------------------------------
// E6 / F12: ARP targets
// ---------------------------------------------------------------------------------------------

test('too-many-arp-targets: 17 addresses fail the load; 16 are fine', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `10.0.0.${i + 1}`).join(',');
  const src = `options bonding mode=1 arp_interval=100 arp_ip_target=${list(17)}\n`;
  const d = only(src, 'modprobe-too-many-arp-targets');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, ERROR);
  assert.equal(d[0].range.start.character, 54);
  assert.match(msg(d[0]), /17 addresses/);
  assert.deepEqual(codesOf(`options bonding mode=1 arp_interval=100 arp_ip_target=${list(16)}\n`), ['modprobe-numeric-value']);
});

test('bad-arp-target: error on the address when it switches ARP monitoring off; warning otherwise', () => {
  const src = 'options bonding mode=active-backup arp_interval=100 arp_ip_target=10.0.0.1,1.2.3,0.0.0.0,255.255.255.255\n';
  assert.deepEqual(spans(src, 'modprobe-bad-arp-target', CONF), [[0, 75, 80], [0, 81, 88], [0, 89, 104]]);
  assert.ok(only(src, 'modprobe-bad-arp-target').every((d) => d.severity === ERROR));
  assert.match(msg(only(src, 'modprobe-bad-arp-target')[0]), /ARP monitoring off/);
  // no ARP monitoring requested: the bad address is harmless now
  assert.equal(only('options bonding mode=1 miimon=100 arp_ip_target=10.0.0.300\n', 'modprobe-bad-arp-target')[0].severity, WARNING);
  // hex letters after the address make in4_pton fail; a '/' ends the address
  assert.equal(only('options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1a\n', 'modprobe-bad-arp-target').length, 1);
  assert.deepEqual(only('options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1/24\n', 'modprobe-bad-arp-target'), []);
});

test('bad-arp-target fixes: drop the sysfs "+" prefix; remove a duplicate with its comma', () => {
  fixes('options bonding mode=1 arp_interval=100 arp_ip_target=+10.0.0.1\r\n', 'modprobe-bad-arp-target',
    'options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1\r\n');
  const dup = 'options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1,10.0.0.2,10.0.0.1\n';
  assert.equal(only(dup, 'modprobe-bad-arp-target')[0].severity, WARNING);
  fixes(dup, 'modprobe-bad-arp-target', 'options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1,10.0.0.2\n');
  assert.deepEqual(fixTitles('options bonding mode=1 arp_interval=100 arp_ip_target=bogus\n', 'modprobe-bad-arp-target'), []);
});

test('bad-arp-target: a blank inside the list leaves an empty entry and a stray word', () => {
  const src = 'options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1, 10.0.0.2\n';
  assert.deepEqual(spans(src, 'modprobe-bad-arp-target', CONF), [[0, 62, 63]]);
  assert.match(msg(only(src, 'modprobe-bad-arp-target')[0]), /empty entry/);
  assert.match(msg(only(src, 'modprobe-unknown-param')[0]), /without spaces/);
});

test('bad-arp-target negative: good lists, quoted lists', () => {
  assert.deepEqual(codesOf('options bonding mode=active-backup arp_interval=1000 arp_ip_target=192.0.2.1,192.0.2.254 arp_validate=all\n'), []);
  assert.deepEqual(codesOf('options bonding mode=active-backup arp_interval=1000 arp_ip_target="192.0.2.1,192.0.2.254"\n'), []);
});

// ---------------------------------------------------------------------------------------------
// E4, E5, E9: link monitoring
// ---------------------------------------------------------------------------------------------

test('miimon-and-arp: warning on arp_interval (module path keeps miimon); fixes keep one monitor', () => {
  const src = 'options bonding mode=active-backup miimon=100 arp_interval=200 arp_ip_target=10.0.0.1\r\n';
  assert.deepEqual(spans(src, 'modprobe-miimon-and-arp', CONF), [[0, 46, 62]]);
  const d = only(src, 'modprobe-miimon-and-arp')[0];
  assert.equal(d.severity, WARNING);
  assert.match(msg(d), /keeps MII monitoring and drops ARP/);
  fixes(src, 'modprobe-miimon-and-arp', 'options bonding mode=active-backup miimon=100\r\n', 0);
  fixes(src, 'modprobe-miimon-and-arp', 'options bonding mode=active-backup arp_interval=200 arp_ip_target=10.0.0.1\r\n', 1);
  // across lines: a line left without parameters is removed whole
  fixes('options bonding mode=active-backup miimon=100\noptions bonding arp_interval=200 arp_ip_target=10.0.0.1\n# end\n', 'modprobe-miimon-and-arp',
    'options bonding mode=active-backup miimon=100\n# end\n', 0);
});

test('miimon-and-arp negative: one monitor only; in 802.3ad it is the mode rule that speaks', () => {
  assert.deepEqual(only('options bonding mode=active-backup miimon=100\n', 'modprobe-miimon-and-arp'), []);
  assert.deepEqual(only('options bonding mode=active-backup miimon=0 arp_interval=200 arp_ip_target=10.0.0.1\n', 'modprobe-miimon-and-arp'), []);
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 arp_interval=200 arp_ip_target=10.0.0.1\n', 'modprobe-miimon-and-arp'), []);
});

test('arp-validate-without-arp: the module load fails — error, also for arp_validate=none and when miimon drops arp_interval', () => {
  const src = 'options bonding mode=active-backup arp_validate=all\n';
  assert.deepEqual(spans(src, 'modprobe-arp-validate-without-arp', CONF), [[0, 35, 51]]);
  assert.equal(only(src, 'modprobe-arp-validate-without-arp')[0].severity, ERROR);
  assert.match(msg(only(src, 'modprobe-arp-validate-without-arp')[0]), /refuses to load/);
  assert.ok(has('options bonding arp_validate=none\n', 'modprobe-arp-validate-without-arp'));
  assert.match(msg(only('options bonding mode=1 miimon=100 arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=all\n', 'modprobe-arp-validate-without-arp')[0]), /miimon=100/);
  assert.match(msg(only('options bonding mode=802.3ad arp_interval=100 arp_ip_target=10.0.0.1 arp_validate=all\n', 'modprobe-arp-validate-without-arp')[0]), /802\.3ad/);
  assert.match(msg(only('options bonding mode=1 arp_interval=100 arp_validate=all\n', 'modprobe-arp-validate-without-arp')[0]), /no arp_ip_target/);
  fixes('options bonding mode=active-backup miimon=100 arp_validate=all\r\nalias bond0 bonding\r\n', 'modprobe-arp-validate-without-arp',
    'options bonding mode=active-backup miimon=100\r\nalias bond0 bonding\r\n');
  // both occurrences go, or the earlier one would still break the load
  fixes('options bonding arp_validate=all mode=1\noptions bonding arp_validate=none\n', 'modprobe-arp-validate-without-arp', 'options bonding mode=1\n');
});

test('arp-validate-without-arp negative: complete ARP monitoring in an ARP mode', () => {
  assert.deepEqual(only('options bonding mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.1 arp_validate=all\n', 'modprobe-arp-validate-without-arp'), []);
});

test('arp-incomplete: arp_interval without targets (error when nothing else monitors links); targets without arp_interval (warning)', () => {
  const d = only('options bonding mode=active-backup arp_interval=1000\n', 'modprobe-arp-incomplete');
  assert.deepEqual(d.map((x) => [x.range.start.character, x.range.end.character, x.severity]), [[35, 52, ERROR]]);
  assert.match(msg(d[0]), /resets arp_interval to 0/);
  const t = only('options bonding mode=active-backup arp_ip_target=10.0.0.1\n', 'modprobe-arp-incomplete');
  assert.deepEqual(t.map((x) => [x.range.start.character, x.range.end.character, x.severity]), [[35, 57, WARNING]]);
  assert.deepEqual(only('options bonding mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.1\n', 'modprobe-arp-incomplete'), []);
  assert.deepEqual(only('options bonding mode=802.3ad arp_ip_target=10.0.0.1\n', 'modprobe-arp-incomplete'), []);
});

// ---------------------------------------------------------------------------------------------
// E8 / E11 / E12 / E13: parameters the mode ignores
// ---------------------------------------------------------------------------------------------

test('ignored-in-mode: ignored or dropped at load → warning on the token', () => {
  const src = 'options bonding mode=active-backup miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4\n';
  assert.deepEqual(spans(src, 'modprobe-ignored-in-mode', CONF), [[0, 46, 60], [0, 61, 86]]);
  assert.ok(only(src, 'modprobe-ignored-in-mode').every((d) => d.severity === WARNING));
  assert.match(msg(only(src, 'modprobe-ignored-in-mode')[0]), /irrelevant/);
  assert.ok(has('options bonding mode=802.3ad miimon=100 primary=eth0\n', 'modprobe-ignored-in-mode'));
  assert.ok(has('options bonding mode=active-backup miimon=100 primary_reselect=better\n', 'modprobe-ignored-in-mode'));
  const arp = only('options bonding mode=balance-alb arp_interval=100 arp_ip_target=10.0.0.1\n', 'modprobe-ignored-in-mode');
  assert.equal(arp.length, 2);
  assert.match(msg(arp[0]), /forced to 100/);
  // no mode in the file: the kernel default balance-rr applies, and the message says so
  assert.match(msg(only('options bonding miimon=100 lacp_rate=fast\n', 'modprobe-ignored-in-mode')[0]), /default/);
});

test('ignored-in-mode: kept but unused in this mode → info', () => {
  for (const p of ['ad_select=bandwidth', 'min_links=2', 'fail_over_mac=active', 'packets_per_slave=3', 'lp_interval=5', 'num_grat_arp=3']) {
    const d = only(`options bonding mode=balance-xor miimon=100 ${p}\n`, 'modprobe-ignored-in-mode');
    assert.equal(d.length, 1, p);
    assert.equal(d[0].severity, INFO, p);
  }
});

test('ignored-in-mode negative: options that fit the mode, default values, invalid values (another rule)', () => {
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 ad_select=count min_links=1\n', 'modprobe-ignored-in-mode'), []);
  assert.deepEqual(only('options bonding mode=active-backup miimon=100 primary=eth0 primary_reselect=failure fail_over_mac=active num_grat_arp=2\n', 'modprobe-ignored-in-mode'), []);
  assert.deepEqual(only('options bonding mode=active-backup miimon=100 lacp_rate=slow xmit_hash_policy=layer2\n', 'modprobe-ignored-in-mode'), []);
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 fail_over_mac=yes\n', 'modprobe-ignored-in-mode'), []);
  assert.deepEqual(only('options bonding mode=lacp lacp_rate=fast\n', 'modprobe-ignored-in-mode'), []);
});

// ---------------------------------------------------------------------------------------------
// E10: delays
// ---------------------------------------------------------------------------------------------

test('delay-without-miimon: warning when MII monitoring is off; none in 802.3ad, where miimon is forced', () => {
  const src = 'options bonding mode=active-backup updelay=200 downdelay=200\n';
  assert.deepEqual(spans(src, 'modprobe-delay-without-miimon', CONF), [[0, 35, 46], [0, 47, 60]]);
  assert.equal(only(src, 'modprobe-delay-without-miimon')[0].severity, WARNING);
  assert.deepEqual(only('options bonding mode=active-backup miimon=100 updelay=200\n', 'modprobe-delay-without-miimon'), []);
  assert.deepEqual(only('options bonding mode=802.3ad updelay=200\n', 'modprobe-delay-without-miimon'), []);
});

test('delay-not-multiple: rounded down at load; fixes write the rounded or the next multiple', () => {
  const src = 'options bonding mode=active-backup miimon=100 updelay=250\r\n';
  assert.deepEqual(spans(src, 'modprobe-delay-not-multiple', CONF), [[0, 46, 57]]);
  assert.match(msg(only(src, 'modprobe-delay-not-multiple')[0]), /uses 200 ms/);
  fixes(src, 'modprobe-delay-not-multiple', 'options bonding mode=active-backup miimon=100 updelay=200\r\n', 0);
  fixes(src, 'modprobe-delay-not-multiple', 'options bonding mode=active-backup miimon=100 updelay=300\r\n', 1);
  assert.match(msg(only('options bonding mode=802.3ad downdelay=150\n', 'modprobe-delay-not-multiple')[0]), /forced by mode 802\.3ad/);
  assert.deepEqual(only('options bonding mode=active-backup miimon=100 updelay=300 downdelay=0\n', 'modprobe-delay-not-multiple'), []);
});

// ---------------------------------------------------------------------------------------------
// E18, E20, E16
// ---------------------------------------------------------------------------------------------

test('use-carrier: use_carrier=0 warns; the fix removes it (the whole line when it is alone)', () => {
  const src = 'options bonding mode=1 miimon=100 use_carrier=0\n';
  assert.deepEqual(spans(src, 'modprobe-use-carrier', CONF), [[0, 34, 47]]);
  assert.equal(only(src, 'modprobe-use-carrier')[0].severity, WARNING);
  fixes(src, 'modprobe-use-carrier', 'options bonding mode=1 miimon=100\n');
  fixes('alias bond0 bonding\r\noptions bonding use_carrier=0\r\n# keep\r\n', 'modprobe-use-carrier', 'alias bond0 bonding\r\n# keep\r\n');
  assert.deepEqual(only('options bonding use_carrier=1\n', 'modprobe-use-carrier'), []);
  assert.deepEqual(only('options bonding use_carrier=0 use_carrier=1\n', 'modprobe-use-carrier'), []);
});

test('numeric-value: info on the token, fix writes the name', () => {
  const src = 'options bonding mode=4 miimon=100\n';
  assert.deepEqual(spans(src, 'modprobe-numeric-value', CONF), [[0, 16, 22]]);
  assert.equal(only(src, 'modprobe-numeric-value')[0].severity, INFO);
  fixes(src, 'modprobe-numeric-value', 'options bonding mode=802.3ad miimon=100\n');
  fixes('options bonding mode=802.3ad xmit_hash_policy=1\r\n', 'modprobe-numeric-value', 'options bonding mode=802.3ad xmit_hash_policy=layer3+4\r\n');
  assert.deepEqual(only('options bonding mode=802.3ad miimon=100 use_carrier=1 max_bonds=0\n', 'modprobe-numeric-value'), []);
});

test('duplicate-param: warning on the earlier of two different values (last wins), fix removes it', () => {
  const src = 'options bonding mode=4 miimon=100\r\noptions bonding mode=1\r\n';
  assert.deepEqual(spans(src, 'modprobe-duplicate-param', CONF), [[0, 16, 22]]);
  const d = only(src, 'modprobe-duplicate-param')[0];
  assert.match(msg(d), /overridden by mode=1 \(line 2\)/);
  assert.equal(d.relatedInformation?.[0].location.range.start.line, 1);
  fixes(src, 'modprobe-duplicate-param', 'options bonding miimon=100\r\noptions bonding mode=1\r\n');
  // num_grat_arp and num_unsol_na are one setting
  assert.match(msg(only('options bonding num_grat_arp=2 num_unsol_na=3\n', 'modprobe-duplicate-param')[0]), /same setting/);
  // a second arp_ip_target does not append
  assert.match(msg(only('options bonding arp_ip_target=10.0.0.1\noptions bonding arp_ip_target=10.0.0.2\n', 'modprobe-duplicate-param')[0]), /overwrite/);
});

test('duplicate-param negative: same meaning twice, different module names, repeated other modules', () => {
  assert.deepEqual(only('options bonding mode=4\noptions bonding mode=802.3ad\n', 'modprobe-duplicate-param'), []);
  assert.deepEqual(only('options bonding mode=4\noptions bond0 mode=1\n', 'modprobe-duplicate-param'), []);
  assert.deepEqual(codesOf('options snd-hda-intel index=0\noptions snd-hda-intel index=1\n'), []);
});

// ---------------------------------------------------------------------------------------------
// F3, F10, F11, F13, F4 (single-file part)
// ---------------------------------------------------------------------------------------------

test('max-bonds: max_bonds ≥ 2 warns (bonds created at every load); 0 and 1 do not', () => {
  const d = only('options bonding max_bonds=3\n', 'modprobe-max-bonds');
  assert.deepEqual(d.map((x) => [x.range.start.character, x.range.end.character, x.severity]), [[16, 27, WARNING]]);
  assert.match(msg(d[0]), /bond0, bond1 and bond2/);
  assert.deepEqual(only('options bonding max_bonds=0\n', 'modprobe-max-bonds'), []);
  assert.deepEqual(only('options bonding max_bonds=1\n', 'modprobe-max-bonds'), []);
});

test('max-bonds leaves the token to modprobe-max-bonds-with-ifcfg when the host\'s ifcfg files define bonds (one diagnostic, not two)', () => {
  const conf = '/fleet/h1/etc/modprobe.d/bonding.conf';
  const bond = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100"\nONBOOT=yes\nBOOTPROTO=none\nNM_CONTROLLED=no\n';
  const withBond = wsCodes({ '/fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0': bond, [conf]: 'options bonding max_bonds=2\n' })[conf];
  assert.ok(withBond.includes('modprobe-max-bonds-with-ifcfg'));
  assert.ok(!withBond.includes('modprobe-max-bonds'));
  // a host without ifcfg bonds: the single-file rule speaks
  assert.deepEqual(wsCodes({ [conf]: 'options bonding max_bonds=2\n' })[conf], ['modprobe-max-bonds']);
});

test('legacy-config-file: a file named modprobe.conf outside modprobe.d warns on its first statement', () => {
  const src = '# old\nalias bond0 bonding\noptions bond0 mode=1 miimon=100\n';
  const d = lintAt('/etc/modprobe.conf', src).filter((x) => x.code === 'modprobe-legacy-config-file');
  assert.deepEqual(d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.severity]), [[1, 0, 19, WARNING]]);
  assert.match(msg(d[0]), /does not read \/etc\/modprobe\.conf/);
  assert.deepEqual(lintAt('/etc/modprobe.d/modprobe.conf', src).filter((x) => x.code === 'modprobe-legacy-config-file'), []);
  assert.deepEqual(lintAt('/etc/modprobe.d/bonding.conf', src).filter((x) => x.code === 'modprobe-legacy-config-file'), []);
  assert.deepEqual(lintAt('/etc/modprobe.conf', '# only comments\n').filter((x) => x.code === 'modprobe-legacy-config-file'), []);
});

test('module-rename: -o in an options line (fix removes the words) and in an install command', () => {
  const src = 'alias bond1 bonding\r\noptions bond1 -o bond1 mode=active-backup miimon=100\r\n';
  assert.deepEqual(spans(src, 'modprobe-module-rename', CONF), [[1, 14, 22]]);
  assert.equal(only(src, 'modprobe-module-rename')[0].severity, WARNING);
  assert.match(msg(only(src, 'modprobe-module-rename')[0]), /kmod has no such option/);
  fixes(src, 'modprobe-module-rename', 'alias bond1 bonding\r\noptions bond1 mode=active-backup miimon=100\r\n');
  // the -o words are not reported again as unknown parameters
  assert.ok(!has(src, 'modprobe-unknown-param'));
  const inst = 'install bond1 /sbin/modprobe --ignore-install bonding -o bond1 mode=1 miimon=100\n';
  assert.deepEqual(spans(inst, 'modprobe-module-rename', CONF), [[0, 54, 62]]);
  assert.match(msg(only(inst, 'modprobe-module-rename')[0]), /invalid option/);
  assert.deepEqual(fixTitles(inst, 'modprobe-module-rename'), []);
});

test('module-rename negative: install lines without -o, -o for other modules', () => {
  assert.deepEqual(codesOf('install bonding /sbin/modprobe --ignore-install bonding $CMDLINE_OPTS\n'), []);
  assert.deepEqual(codesOf('install foo /sbin/modprobe --ignore-install foo -o bar\n'), []);
  assert.deepEqual(codesOf('softdep bonding pre: i40e ixgbe\n'), []);
});

test('alias-target: bondN pointing elsewhere is an error; near misses and alias chains get a fix', () => {
  const src = 'alias bond0 bondig\r\nalias bond1 bonding\r\n';
  assert.deepEqual(spans(src, 'modprobe-alias-target', CONF), [[0, 12, 18]]);
  assert.equal(only(src, 'modprobe-alias-target')[0].severity, ERROR);
  fixes(src, 'modprobe-alias-target', 'alias bond0 bonding\r\nalias bond1 bonding\r\n');
  fixes('alias bond0 Bonding\n', 'modprobe-alias-target', 'alias bond0 bonding\n');
  fixes('alias bond0 bonding\nalias bond1 bond0\n', 'modprobe-alias-target', 'alias bond0 bonding\nalias bond1 bonding\n');
  fixes('alias bonding bond0\n', 'modprobe-alias-target', 'alias bond0 bonding\n');
  assert.ok(has('alias bond0 e1000e\n', 'modprobe-alias-target'));
  assert.deepEqual(fixTitles('alias bond0 e1000e\n', 'modprobe-alias-target'), []);
});

test('alias-target negative: correct aliases, aliases of other modules', () => {
  assert.deepEqual(codesOf('alias bond0 bonding\nalias bond1 bonding\nalias bond-* bonding\n'), []);
  assert.deepEqual(codesOf('alias snd-card-0 snd-hda-intel\nalias eth0 e1000e\nalias char-major-10-175 agpgart\n'), []);
});

test('alias-options: options for bondN are bypassed when bonding is loaded by name — warning on the name', () => {
  const src = 'alias bond0 bonding\noptions bond0 mode=active-backup miimon=100\n';
  assert.deepEqual(spans(src, 'modprobe-alias-options', CONF), [[1, 8, 13]]);
  const d = only(src, 'modprobe-alias-options')[0];
  assert.equal(d.severity, WARNING);
  assert.match(msg(d), /NetworkManager load the module as 'bonding'/);
  // the parameters are still judged (they reach bonding when loaded as bond0)
  assert.ok(has('alias bond0 bonding\noptions bond0 mode=lacp\n', 'modprobe-invalid-value'));
  assert.ok(has('options bonding miimon=100\noptions bond0 arp_interval=100 arp_ip_target=10.0.0.1\n', 'modprobe-miimon-and-arp'));
});

test('alias-options negative: options bonding, options of other modules and their aliases', () => {
  assert.deepEqual(only('options bonding mode=active-backup miimon=100\n', 'modprobe-alias-options'), []);
  assert.deepEqual(codesOf('alias snd-card-0 snd-hda-intel\noptions snd-card-0 index=0\n'), []);
});

// ---------------------------------------------------------------------------------------------
// Other modules, the demo fleet, robustness
// ---------------------------------------------------------------------------------------------

test('lines about other modules produce no diagnostics (sound cards, blacklist, install/remove shell commands)', () => {
  const src = [
    'alias snd-card-0 snd-hda-intel',
    'options snd-card-0 index=0',
    'options snd-hda-intel index=0 power_save=0 model=auto',
    'remove snd-hda-intel { /usr/sbin/alsactl store 0 >/dev/null 2>&1 || : ; }; /sbin/modprobe -r --ignore-remove snd-hda-intel',
    'install usb-storage /bin/false',
    'blacklist usb-storage',
    'blacklist pcspkr',
    'install cramfs /bin/true',
    'softdep bonding pre: i40e',
    'options kvm_intel nested=1',
    'options lockd nlm_grace_period=90 nlm_tcpport=32803',
    'install e1000e /sbin/modprobe --ignore-install e1000e $CMDLINE_OPTS && echo loaded > /dev/kmsg',
    'weakdep e1000e ptp',
    '',
  ].join('\n');
  assert.deepEqual(codesOf(src), []);
  assert.deepEqual(codesOf(src.replace(/\n/g, '\r\n')), []);
});

test('the clean demo hosts\' modprobe.d files have no warnings or errors', () => {
  for (const host of ['db-active-backup', 'web-lacp', 'mixed-alb', 'kvm-bridge']) {
    const dir = join(ROOT, 'examples', host, 'etc', 'modprobe.d');
    const files = readdirSync(dir).filter((f) => f.endsWith('.conf'));
    assert.ok(files.length > 0, host);
    for (const f of files) {
      const d = lintAt(`/examples/${host}/etc/modprobe.d/${f}`, readFileSync(join(dir, f), 'utf8'))
        .filter((x) => x.severity === ERROR || x.severity === WARNING);
      assert.deepEqual(d.map((x) => `${x.code} ${x.range.start.line + 1}`), [], `${host}/${f}`);
    }
  }
});

test('legacy-mistakes bonding.conf: the single-file findings of MISTAKES.md (M18, M21, M22, M23), nothing else', () => {
  const dir = join(ROOT, 'examples', 'legacy-mistakes', 'etc', 'modprobe.d');
  const d = lintAt('/examples/legacy-mistakes/etc/modprobe.d/bonding.conf', readFileSync(join(dir, 'bonding.conf'), 'utf8'));
  // [code, 1-based line, 1-based first column, last column (inclusive), severity]
  const got = d.map((x) => [x.code, x.range.start.line + 1, x.range.start.character + 1, x.range.end.character, x.severity]);
  assert.deepEqual(got, [
    ['modprobe-indented-comment', 4, 3, 34, INFO],   // M18 (F8)
    ['modprobe-numeric-value', 5, 17, 22, INFO],     // M21 (E20)
    ['modprobe-max-bonds', 6, 17, 27, WARNING],      // M22 (F3, single-file part)
    ['modprobe-inline-comment', 6, 29, 43, WARNING], // M23 (F7)
  ]);
  // no F4, F12 or F13 on the alias lines; sound.conf is clean
  assert.deepEqual(lintAt('/examples/legacy-mistakes/etc/modprobe.d/sound.conf', readFileSync(join(dir, 'sound.conf'), 'utf8')), []);
});

test('continuation lines: findings keep exact ranges, removals keep the continuation intact', () => {
  const src = 'options bonding mode=1 \\\n    miimon=100 \\\n    use_carrier=0\n';
  assert.deepEqual(spans(src, 'modprobe-use-carrier', CONF), [[2, 4, 17]]);
  fixes(src, 'modprobe-use-carrier', 'options bonding mode=1 \\\n    miimon=100\n');
  const mid = 'options bonding mode=4 \\\r\n    mode=1 \\\r\n    miimon=100\r\n';
  fixes(mid, 'modprobe-duplicate-param', 'options bonding \\\r\n    mode=1 \\\r\n    miimon=100\r\n');
});

test('rules never throw and never report internal errors, whatever the input; fixes are computed safely', () => {
  const samples = [
    'options bonding', 'options bonding =', 'options bonding ==', 'options bonding mode=', 'options bonding arp_ip_target=', 'options bonding arp_ip_target=,,,',
    'options bonding "mode=4"', 'options bonding mode="4"', 'options bonding mode="', 'options bonding -o', 'options bond0 -o', 'options bonding --name=x',
    'alias', 'alias bond0', 'alias bonding', 'install bond0', 'install bond0 modprobe -o', 'options bonding __proto__=1 constructor=2 toString',
    'options bonding \\', 'options bonding mode=4\\\nmiimon=100', '\uFEFFoptions bonding mode=4', 'options bonding max_bonds=99999999999999999999999',
    'options bonding miimon=-2147483648 updelay=2147483647 downdelay=7', 'options bond[0 mode=1', 'options bonding arp_ip_target=' + '1.1.1.1,'.repeat(40),
    'options bonding mode=4 primary=' + 'x'.repeat(2000), 'options bonding mode=\u00e9 miimon=\u0661\u0660\u0660',
  ];
  for (const s of samples) {
    for (const text of [s, `${s}\n`, s.replace(/\n/g, '\r\n')]) {
      for (const name of [CONF, 'modprobe.conf']) {
        const ctx = makeContext(`file:///etc/${name}`, text, 'modprobe');
        const ds = diagnose(ctx);
        assert.ok(!ds.some((d) => msg(d).startsWith('internal error')), `${JSON.stringify(text)}: ${ds.map(msg).join(' | ')}`);
        for (const a of codeActions(ctx, ds)) applyEdits(text, a.edit!.changes![ctx.uri]);
      }
    }
  }
});

test('rules are cheap: a 3000-line file is analysed quickly', () => {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    lines.push(`alias bond${i} bonding`, `options bond${i} mode=${i % 7} miimon=${i} arp_interval=${i} arp_ip_target=10.0.${i % 256}.1,10.0.0.${i % 200}`, `options snd-card-${i} index=${i}`);
  }
  const text = lines.join('\n');
  const t0 = performance.now();
  const ds = lint(text, CONF);
  const ms = performance.now() - t0;
  assert.ok(ds.length > 0);
  assert.ok(ms < 4000, `took ${ms.toFixed(0)} ms`);
});
