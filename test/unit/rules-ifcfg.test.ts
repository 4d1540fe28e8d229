// Single-file ifcfg content rules (catalogue A4-A6, B1/B2/B4, C1-C5/C7/C8, D2-D6/D10, key values).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyFix, codes, ctxOf, lint, spans } from '../helpers/analysis';
import { codeActions, diagnose, makeContext, RULES } from '../../server/src/analysis';
import type { IfcfgContext } from '../../server/src/analysis';
import { backupName } from '../../server/src/analysis/ifcfg/backup-names';
import { isContiguousNetmask, isIPv4, isIPv6, isIPv6WithPrefix, macVerdict } from '../../server/src/analysis/rules/ifcfg/values';

const MINE = [
  'duplicate-key', 'unknown-key', 'boolean-spelling', 'invalid-value', 'device-name-mismatch', 'backup-file',
  'bond-missing-device', 'bond-not-recognised', 'type-bonding', 'bond-type-ethernet', 'missing-bonding-master',
  'bond-missing-opts', 'invalid-bootproto', 'ipaddr-numbering-gap', 'master-without-slave', 'slave-without-master',
  'member-ip-config', 'member-hwaddr', 'member-macaddr', 'member-bridge-or-vlan',
];

const { Error: ERROR, Warning: WARNING, Information: INFO } = DiagnosticSeverity;

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function only(text: string, code: string, name?: string) {
  return lint(text, name).filter((d) => d.code === code);
}

/** Applies the first fix of the first `code` diagnostic, checks the exact result and that the diagnostic is gone. */
function fixes(text: string, code: string, expected: string, name?: string, which = 0): void {
  const before = only(text, code, name).length;
  assert.ok(before > 0, `expected a ${code} diagnostic`);
  const out = applyFix(text, code, name, which);
  assert.equal(out, expected);
  assert.equal(only(out, code, name).length, before - 1, `${code} should be gone after the fix`);
}

function noFix(text: string, code: string, name?: string): void {
  const ctx = ctxOf(text, name);
  const d = diagnose(ctx).filter((x) => x.code === code);
  assert.ok(d.length > 0, `expected a ${code} diagnostic`);
  assert.deepEqual(codeActions(ctx, [d[0]]), []);
}

test('every rule of this suite is registered with catalogue metadata', () => {
  for (const id of MINE) {
    const r = RULES.find((x) => x.id === id);
    assert.ok(r, id);
    assert.equal(r.language, 'ifcfg');
    if (id !== 'invalid-value') assert.ok(r.catalogue?.length, `${id} has a catalogue id`);
  }
});

// ---------------------------------------------------------------- A4 duplicate-key

test('duplicate-key: warns on the earlier, dead assignment with the Unnecessary tag', () => {
  const t = 'DEVICE=eth0\nONBOOT=yes\nONBOOT=no\n';
  assert.deepEqual(spans(t, 'duplicate-key', 'ifcfg-eth0'), [[1, 0, 10]]);
  const d = only(t, 'duplicate-key', 'ifcfg-eth0')[0];
  assert.equal(d.severity, WARNING);
  assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
  assert.match(msg(d), /line 3/);
  assert.equal(d.relatedInformation?.[0].location.range.start.line, 2);
  assert.deepEqual(spans('A=1\nB=2\nA=3\nA=4\n', 'duplicate-key'), [[0, 0, 3], [2, 0, 3]]);
});

test('duplicate-key: no warning for distinct keys or for a line that is not an assignment', () => {
  assert.deepEqual(only('DEVICE=eth0\nONBOOT=yes\nIPADDR1=1.2.3.4\nIPADDR2=1.2.3.5\n', 'duplicate-key', 'ifcfg-eth0'), []);
  assert.deepEqual(only('ONBOOT = yes\nONBOOT=no\n', 'duplicate-key'), []);
});

test('duplicate-key fix removes the whole dead line, terminator included (LF, CRLF, BOM, last line)', () => {
  fixes('DEVICE=eth0\nONBOOT=yes\nONBOOT=no\n', 'duplicate-key', 'DEVICE=eth0\nONBOOT=no\n', 'ifcfg-eth0');
  fixes('# top\r\nDEVICE=eth0\r\nONBOOT="yes" # old\r\nNAME=x\r\nONBOOT=no\r\n', 'duplicate-key', '# top\r\nDEVICE=eth0\r\nNAME=x\r\nONBOOT=no\r\n', 'ifcfg-eth0');
  fixes('\uFEFFONBOOT=yes\nONBOOT=no', 'duplicate-key', '\uFEFFONBOOT=no', 'ifcfg-eth0');
});

// ---------------------------------------------------------------- A5 unknown-key

test('unknown-key: misspellings get the nearest real key; bonding keys are errors', () => {
  const t = 'DEVICE=bond0\nONBOT=yes\nBONDING_OPT="mode=1 miimon=100"\nOnboot=yes\nNM_CONTROLLLED=no\nMASTERS=bond0\nBONDINGOPTS="mode=1"\n';
  const ds = only(t, 'unknown-key');
  assert.deepEqual(ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]), [
    [1, 0, 5, WARNING], [2, 0, 11, ERROR], [3, 0, 6, WARNING], [4, 0, 14, WARNING], [5, 0, 7, ERROR], [6, 0, 11, ERROR],
  ]);
  assert.match(msg(ds[0]), /ONBOOT/);
  assert.match(msg(ds[2]), /case-sensitive/);
  assert.match(msg(ds[3]), /NM_CONTROLLED\?/);
});

test('unknown-key: numbered keys, leading zeros, bare DNS and SUSE keys', () => {
  assert.match(msg(only('IPADR2=10.0.0.1\n', 'unknown-key')[0]), /IPADDR2/);
  assert.match(msg(only('IPADDR01=10.0.0.1\n', 'unknown-key')[0]), /leading zeros.*IPADDR1/);
  assert.match(msg(only('DNS=10.0.0.53\n', 'unknown-key')[0]), /DNS1/);
  const suse = only('STARTMODE=auto\nBONDING_MODULE_OPTS="mode=1"\nBONDING_SLAVE0=eth0\n', 'unknown-key');
  assert.deepEqual(suse.map((d) => d.severity), [WARNING, ERROR, WARNING]);
  assert.match(msg(suse[0]), /SUSE.*ONBOOT/);
  assert.match(msg(suse[2]), /MASTER=<bond> and SLAVE=yes/);
  noFix('STARTMODE=auto\n', 'unknown-key');
  assert.match(msg(only('FOOBARBAZ=1\n', 'unknown-key')[0]), /Check the spelling/);
  noFix('FOOBARBAZ=1\n', 'unknown-key');
});

test('unknown-key: real keys the knowledge base lacks are not flagged (IPV6_FAILURE_FATAL stays)', () => {
  const t = [
    'PROXY_METHOD=none', 'BROWSER_ONLY=no', 'REORDER_HDR=yes', 'GVRP=no', 'MVRP=no', 'IPV6_DEFROUTE=yes',
    'IPV6_FAILURE_FATAL=no', 'IPV6_ADDR_GEN_MODE=stable-privacy', 'STP=off', 'DELAY=0', 'NM_USER_FOO=bar', 'METRIC1=10',
    'ADDRESS0=10.0.0.0', 'IPADDR=10.0.0.1', 'IPADDR0=10.0.0.2', 'IPADDR12=10.0.0.3', 'DNS1=10.0.0.53', 'DNS3=10.0.0.54',
    'ARPCHECK1=no', 'BRIDGING_OPTS="priority=1"', 'DHCP_HOSTNAME=x', 'ONPARENT=yes', 'IPV6_PRIVACY=rfc3041',
    'ETHTOOL_WAKE_ON_LAN=ignore', 'USERCTL=no', 'HOTPLUG=no', 'VID=100', 'NOZEROCONF=yes',
  ].join('\n') + '\n';
  assert.deepEqual(only(t, 'unknown-key', 'ifcfg-eth0'), []);
});

test('unknown-key fix renames the key only (CRLF, quotes and comment untouched)', () => {
  fixes('DEVICE=bond0\r\nBONDING_OPT="mode=1 miimon=100" # lacp later\r\n', 'unknown-key', 'DEVICE=bond0\r\nBONDING_OPTS="mode=1 miimon=100" # lacp later\r\n');
  fixes('Onboot=yes\n', 'unknown-key', 'ONBOOT=yes\n');
  fixes('IPADDR01=10.0.0.1\n', 'unknown-key', 'IPADDR1=10.0.0.1\n');
  fixes('export NM_CONTROLLLED=no\n', 'unknown-key', 'export NM_CONTROLLED=no\n');
});

// ---------------------------------------------------------------- A6 boolean-spelling

test('boolean-spelling: on/off and non-booleans, on the value', () => {
  const t = 'DEVICE=eth0\nONBOOT=on\nNM_CONTROLLED="off"\nPEERROUTES=on\nUSERCTL=enabled\n';
  const ds = only(t, 'boolean-spelling', 'ifcfg-eth0');
  assert.deepEqual(ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[1, 7, 9], [2, 14, 19], [3, 11, 13], [4, 8, 15]]);
  assert.ok(ds.every((d) => d.severity === WARNING));
  assert.match(msg(ds[0]), /NetworkManager does not understand 'on'.*initscripts reads it as yes/);
  assert.match(msg(only('ONBOOT=enabled\n', 'boolean-spelling')[0]), /not a boolean/);
  noFix('ONBOOT=enabled\n', 'boolean-spelling');
});

test('boolean-spelling: accepted spellings and keys that are not NM booleans are left alone', () => {
  const t = 'ONBOOT=yes\nNM_CONTROLLED=True\nPEERDNS=Y\nDEFROUTE=0\nHOTPLUG=off\nIPV6_AUTOCONF=shared\nSTP=off\nUSERCTL=on\n';
  assert.deepEqual(only(t, 'boolean-spelling', 'ifcfg-eth0'), []);
});

test('boolean-spelling fix writes yes/no and keeps the quoting', () => {
  fixes('ONBOOT=on\n', 'boolean-spelling', 'ONBOOT=yes\n', 'ifcfg-eth0');
  fixes('DEVICE=eth0\r\nNM_CONTROLLED="off" # keep NM away\r\n', 'boolean-spelling', 'DEVICE=eth0\r\nNM_CONTROLLED="no" # keep NM away\r\n', 'ifcfg-eth0');
  fixes("SLAVE='On'\n", 'boolean-spelling', "SLAVE='yes'\n", 'ifcfg-eth0');
});

// ---------------------------------------------------------------- B1 device-name-mismatch

test('device-name-mismatch: warning on the DEVICE value', () => {
  assert.deepEqual(spans('# x\nDEVICE=eth3\n', 'device-name-mismatch', 'ifcfg-eth4'), [[1, 7, 11]]);
  const d = only('DEVICE=bond1\n', 'device-name-mismatch', 'ifcfg-bond0')[0];
  assert.equal(d.severity, WARNING);
  assert.match(msg(d), /DEVICE=bond0/);
});

test('device-name-mismatch: not for matching names, backups, alias files or missing DEVICE; info for NetworkManager-named files', () => {
  assert.deepEqual(only('DEVICE=bond0.200\nVLAN=yes\n', 'device-name-mismatch', 'ifcfg-bond0.200'), []);
  assert.deepEqual(only('DEVICE=bond0\n', 'device-name-mismatch', 'ifcfg-bond0.bak'), []);
  assert.deepEqual(only('DEVICE=eth0:1\n', 'device-name-mismatch', 'ifcfg-eth0:1'), []);
  assert.deepEqual(only('ONBOOT=yes\n', 'device-name-mismatch', 'ifcfg-eth0'), []);
  const t = 'NAME="Wired connection 1"\nDEVICE=ens3\n';
  const d = only(t, 'device-name-mismatch', 'ifcfg-Wired_connection_1');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, INFO);
  noFix(t, 'device-name-mismatch', 'ifcfg-Wired_connection_1');
});

test('device-name-mismatch fix sets DEVICE to the suffix, keeping quotes', () => {
  fixes('DEVICE=eth3\nONBOOT=yes\n', 'device-name-mismatch', 'DEVICE=eth4\nONBOOT=yes\n', 'ifcfg-eth4');
  fixes('DEVICE="eth3" # copied\r\nONBOOT=yes\r\n', 'device-name-mismatch', 'DEVICE="eth4" # copied\r\nONBOOT=yes\r\n', 'ifcfg-eth4');
});

// ---------------------------------------------------------------- B2 backup-file

test('backup-file: names each consumer skips or reads', () => {
  const cases: [string, RegExp][] = [
    ['ifcfg-bond0.bak', /both skip/],
    ['ifcfg-bond0~', /both skip/],
    ['ifcfg-bond0.old', /NetworkManager does not: it loads/],
    ['ifcfg-bond0.rpmsave', /NetworkManager does not/],
    ['ifcfg-bond0.rej', /initscripts does not/],
    ['ifcfg-bond0;5f3a9c01', /initscripts does not/],
    ['ifcfg-bond0.BAK', /initscripts does not/],
    ['ifcfg-bond0.save', /both read/],
    ['ifcfg-bond0.20240131', /both read/],
    ['ifcfg-bond0 (copy)', /both read/],
    ['ifcfg-bond0-backup', /both read/],
  ];
  for (const [name, re] of cases) {
    const d = only('# copy\nDEVICE=bond0\n', 'backup-file', name);
    assert.equal(d.length, 1, name);
    assert.equal(d[0].severity, WARNING);
    assert.deepEqual([d[0].range.start.line, d[0].range.start.character, d[0].range.end.character], [0, 0, 6]);
    assert.match(msg(d[0]), re, name);
  }
});

test('backup-file: VLANs, ordinary names and look-alike interfaces are not backups', () => {
  assert.deepEqual(only('DEVICE=bond0.100\n', 'backup-file', 'ifcfg-bond0.100'), []);
  assert.deepEqual(only('DEVICE=bond0\n', 'backup-file', 'ifcfg-bond0'), []);
  assert.deepEqual(only('DEVICE=br-backup\n', 'backup-file', 'ifcfg-br-backup'), []);
  assert.deepEqual(only('DEVICE=eth0-old\n', 'backup-file', 'ifcfg-eth0-old'), []);
  assert.deepEqual(only('ONBOOT=yes\n', 'backup-file', 'ifcfg-eth0-old'), []);
  assert.equal(backupName('ifcfg-eth0-old', 'eth0')?.tag, '-old');
  assert.equal(backupName('ifcfg-.bak'), undefined);
  assert.equal(backupName('route-eth0.bak'), undefined);
});

// ---------------------------------------------------------------- B4 bond-missing-device

test('bond-missing-device: error for a bond NetworkManager would build without DEVICE', () => {
  const t = 'TYPE=Bond\nBONDING_OPTS="mode=active-backup miimon=100"\n';
  assert.deepEqual(spans(t, 'bond-missing-device'), [[0, 0, 9]]);
  assert.equal(only(t, 'bond-missing-device')[0].severity, ERROR);
  assert.match(msg(only('DEVICE=\nBONDING_MASTER=yes\nTYPE=Bond\n', 'bond-missing-device')[0]), /DEVICE is empty/);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\n', 'bond-missing-device'), []);
  assert.deepEqual(only('ONBOOT=yes\n', 'bond-missing-device'), []); // bond by name only: bond-not-recognised's case
});

test('bond-missing-device fix adds DEVICE=<suffix> before the first assignment (or fills the empty one)', () => {
  fixes('# bond\r\nTYPE=Bond\r\nBONDING_MASTER=yes\r\n', 'bond-missing-device', '# bond\r\nDEVICE=bond1\r\nTYPE=Bond\r\nBONDING_MASTER=yes\r\n', 'ifcfg-bond1');
  fixes('DEVICE="" # fill me\nTYPE=Bond\n', 'bond-missing-device', 'DEVICE="bond0" # fill me\nTYPE=Bond\n');
  noFix('TYPE=Bond\n', 'bond-missing-device', 'ifcfg-bond0.bak');
});

// ---------------------------------------------------------------- C1 bond-not-recognised

test('bond-not-recognised: a bond NetworkManager takes for Ethernet', () => {
  assert.deepEqual(spans('DEVICE=bond0\nONBOOT=yes\n', 'bond-not-recognised'), [[0, 0, 12]]);
  assert.equal(only('DEVICE=bond0\n', 'bond-not-recognised')[0].severity, ERROR);
  assert.match(msg(only('DEVICE=bond0\nTYPE=Ethernet\nBONDING_OPTS=mode=1 miimon=100\n', 'bond-not-recognised')[0]), /badly quoted.*initscripts still creates/);
  for (const t of ['DEVICE=bond0\nTYPE=Bond\n', 'DEVICE=bond0\nBONDING_MASTER=yes\n', 'DEVICE=bond0\nTYPE=Ethernet\nBONDING_OPTS="mode=1"\n', 'DEVICE=bond0\nTYPE=Bonding\n']) {
    assert.deepEqual(only(t, 'bond-not-recognised'), [], t);
  }
});

test('bond-not-recognised fix writes TYPE=Bond and BONDING_MASTER=yes', () => {
  fixes('DEVICE=bond0\nONBOOT=yes\n', 'bond-not-recognised', 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nONBOOT=yes\n');
  fixes('DEVICE=bond0\r\nTYPE="Ethernet" # old\r\n', 'bond-not-recognised', 'DEVICE=bond0\r\nTYPE="Bond" # old\r\nBONDING_MASTER=yes\r\n');
  fixes('DEVICE=bond0\nBONDING_MASTER=no\n', 'bond-not-recognised', 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=no\n');
});

test('bond structure rules wait until the content says "bond" (not the file name alone)', () => {
  for (const t of ['ONBOOT=yes\n', 'ONBOOT = yes\n', '', '# new bond\n']) {
    const got = codes(t).filter((c) => ['bond-not-recognised', 'missing-bonding-master', 'bond-missing-opts'].includes(c));
    assert.deepEqual(got, [], JSON.stringify(t));
  }
  assert.deepEqual(codes('DEVICE=bond0\n').filter((c) => c.startsWith('bond-') || c.startsWith('missing-')), ['bond-not-recognised', 'missing-bonding-master', 'bond-missing-opts']);
});

// ---------------------------------------------------------------- C2 type-bonding

test('type-bonding: error on TYPE=Bonding, message depends on BONDING_MASTER', () => {
  assert.deepEqual(spans('DEVICE=bond0\nTYPE=Bonding\n', 'type-bonding'), [[1, 0, 12]]);
  assert.equal(only('TYPE=Bonding\n', 'type-bonding')[0].severity, ERROR);
  assert.match(msg(only('TYPE=Bonding\n', 'type-bonding')[0]), /unmanaged/);
  assert.match(msg(only('TYPE=bonding\nBONDING_MASTER=yes\n', 'type-bonding')[0]), /rejects the profile/);
  assert.deepEqual(only('TYPE=Bond\n', 'type-bonding'), []);
});

test('type-bonding fix writes Bond inside the existing quotes', () => {
  fixes('DEVICE=bond0\nTYPE=Bonding\n', 'type-bonding', 'DEVICE=bond0\nTYPE=Bond\n');
  fixes('DEVICE=bond0\r\nTYPE="Bonding"   # from bonding.rst\r\n', 'type-bonding', 'DEVICE=bond0\r\nTYPE="Bond"   # from bonding.rst\r\n');
});

// ---------------------------------------------------------------- C3 bond-type-ethernet

test('bond-type-ethernet: info when it works, warning when NetworkManager rejects it', () => {
  const works = 'DEVICE=bond0\nTYPE=Ethernet\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\n';
  assert.deepEqual(spans(works, 'bond-type-ethernet'), [[1, 5, 13]]);
  assert.equal(only(works, 'bond-type-ethernet')[0].severity, INFO);
  const broken = 'DEVICE=bond0\nTYPE=Ethernet\nBONDING_MASTER=yes\n';
  assert.equal(only(broken, 'bond-type-ethernet')[0].severity, WARNING);
  assert.deepEqual(only('DEVICE=eth0\nTYPE=Ethernet\nMASTER=bond0\nSLAVE=yes\n', 'bond-type-ethernet', 'ifcfg-eth0'), []);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Ethernet\n', 'bond-type-ethernet'), []); // bond-not-recognised covers it
});

test('bond-type-ethernet fix', () => {
  fixes('DEVICE=bond0\r\nTYPE=Ethernet\r\nBONDING_OPTS="mode=4 miimon=100"\r\n', 'bond-type-ethernet', 'DEVICE=bond0\r\nTYPE=Bond\r\nBONDING_OPTS="mode=4 miimon=100"\r\n');
});

// ---------------------------------------------------------------- C4 missing-bonding-master

test('missing-bonding-master: info anchored on TYPE (or DEVICE)', () => {
  assert.deepEqual(spans('DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\n', 'missing-bonding-master'), [[1, 0, 9]]);
  assert.equal(only('DEVICE=bond0\nTYPE=Bond\n', 'missing-bonding-master')[0].severity, INFO);
  assert.deepEqual(spans('# b\nDEVICE=bond0\nBONDING_OPTS="mode=1"\n', 'missing-bonding-master'), [[1, 0, 12]]);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\n', 'missing-bonding-master'), []);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=on\n', 'missing-bonding-master'), []);
  assert.deepEqual(only('DEVICE=eth0\nTYPE=Ethernet\n', 'missing-bonding-master', 'ifcfg-eth0'), []);
});

test('missing-bonding-master fix adds the line after TYPE in the file\'s own line ending', () => {
  fixes('DEVICE=bond0\r\nTYPE=Bond # nm\r\nONBOOT=yes\r\n', 'missing-bonding-master', 'DEVICE=bond0\r\nTYPE=Bond # nm\r\nBONDING_MASTER=yes\r\nONBOOT=yes\r\n');
  fixes('DEVICE=bond0\nTYPE=Bond', 'missing-bonding-master', 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes');
  fixes('DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER="no"\n', 'missing-bonding-master', 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER="yes"\n');
  noFix('DEVICE=bond0\nTYPE=Bonding\n', 'missing-bonding-master');
});

// ---------------------------------------------------------------- C5 bond-missing-opts

test('bond-missing-opts: missing or empty BONDING_OPTS on a bond', () => {
  assert.deepEqual(spans('DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\n', 'bond-missing-opts'), [[1, 0, 9]]);
  assert.deepEqual(spans('DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS=""\n', 'bond-missing-opts'), [[2, 0, 15]]);
  assert.equal(only('DEVICE=bond0\nTYPE=Bond\n', 'bond-missing-opts')[0].severity, WARNING);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\n', 'bond-missing-opts'), []);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS=mode=1 miimon=100\n', 'bond-missing-opts'), []); // quoting rule's job
  assert.deepEqual(only('DEVICE=eth0\n', 'bond-missing-opts', 'ifcfg-eth0'), []);
});

// ---------------------------------------------------------------- C7 invalid-bootproto

test('invalid-bootproto: unknown values are errors, DHCP in capitals a warning', () => {
  assert.deepEqual(spans('DEVICE=eth0\nBOOTPROTO=dhcp4\n', 'invalid-bootproto', 'ifcfg-eth0'), [[1, 10, 15]]);
  assert.equal(only('BOOTPROTO=manual\n', 'invalid-bootproto', 'ifcfg-eth0')[0].severity, ERROR);
  assert.equal(only('BOOTPROTO=DHCP\n', 'invalid-bootproto', 'ifcfg-eth0')[0].severity, WARNING);
  assert.match(msg(only('BOOTPROTO="dhcp "\n', 'invalid-bootproto', 'ifcfg-eth0')[0]), /probably dhcp/);
  for (const v of ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft', 'Static', 'NONE', '']) {
    assert.deepEqual(only(`BOOTPROTO=${v}\n`, 'invalid-bootproto', 'ifcfg-eth0'), [], v);
  }
  noFix('BOOTPROTO=whatever\n', 'invalid-bootproto', 'ifcfg-eth0');
});

test('invalid-bootproto fix', () => {
  fixes('DEVICE=eth0\nBOOTPROTO=DHCP\n', 'invalid-bootproto', 'DEVICE=eth0\nBOOTPROTO=dhcp\n', 'ifcfg-eth0');
  fixes('BOOTPROTO="dhcp4" # v4 only\r\n', 'invalid-bootproto', 'BOOTPROTO="dhcp" # v4 only\r\n', 'ifcfg-eth0');
  fixes('BOOTPROTO=manual\n', 'invalid-bootproto', 'BOOTPROTO=none\n', 'ifcfg-eth0');
  fixes('BOOTPROTO="dhcp "\n', 'invalid-bootproto', 'BOOTPROTO="dhcp"\n', 'ifcfg-eth0');
});

// ---------------------------------------------------------------- C8 ipaddr-numbering-gap

test('ipaddr-numbering-gap: addresses after the first missing number from 2 on', () => {
  const t = 'DEVICE=eth0\nIPADDR0=10.0.0.1\nIPADDR1=10.0.0.2\nIPADDR3=10.0.0.3\nPREFIX3=24\nIPADDR5=10.0.0.5\n';
  assert.deepEqual(spans(t, 'ipaddr-numbering-gap', 'ifcfg-eth0'), [[3, 0, 7], [5, 0, 7]]);
  assert.equal(only(t, 'ipaddr-numbering-gap', 'ifcfg-eth0')[0].severity, WARNING);
  for (const ok of ['IPADDR=10.0.0.1\nIPADDR0=10.0.0.2\nIPADDR1=10.0.0.3\n', 'IPADDR1=10.0.0.1\nIPADDR2=10.0.0.2\nIPADDR3=10.0.0.3\n', 'IPADDR0=10.0.0.1\nIPADDR2=10.0.0.2\n']) {
    assert.deepEqual(only(ok, 'ipaddr-numbering-gap', 'ifcfg-eth0'), [], ok);
  }
});

test('ipaddr-numbering-gap fix renumbers the first stranded address with its PREFIX', () => {
  fixes('IPADDR0=10.0.0.1\r\nIPADDR1=10.0.0.2\r\nIPADDR3="10.0.0.3"\r\nPREFIX3=24 # /24\r\n', 'ipaddr-numbering-gap',
    'IPADDR0=10.0.0.1\r\nIPADDR1=10.0.0.2\r\nIPADDR2="10.0.0.3"\r\nPREFIX2=24 # /24\r\n', 'ifcfg-eth0');
});

// ---------------------------------------------------------------- D2 master-without-slave

test('master-without-slave: error on MASTER when initscripts would not enslave', () => {
  assert.deepEqual(spans('DEVICE=eth0\nMASTER=bond0\n', 'master-without-slave', 'ifcfg-eth0'), [[1, 0, 6]]);
  assert.equal(only('MASTER=bond0\nSLAVE=no\n', 'master-without-slave', 'ifcfg-eth0')[0].severity, ERROR);
  assert.deepEqual(only('MASTER=bond0\nSLAVE=yes\n', 'master-without-slave', 'ifcfg-eth0'), []);
  assert.deepEqual(only('MASTER=bond0\nSLAVE=on\n', 'master-without-slave', 'ifcfg-eth0'), []);
  assert.deepEqual(only('MASTER_UUID=f1234ff6-70da-4b63-9cce-f3a0dedfc2d3\n', 'master-without-slave', 'ifcfg-eth0'), []);
});

test('master-without-slave fix adds SLAVE=yes after MASTER (or sets it)', () => {
  fixes('DEVICE=eth0\r\nMASTER=bond0 # lacp\r\nONBOOT=yes\r\n', 'master-without-slave', 'DEVICE=eth0\r\nMASTER=bond0 # lacp\r\nSLAVE=yes\r\nONBOOT=yes\r\n', 'ifcfg-eth0');
  fixes("MASTER=bond0\nSLAVE='no'\n", 'master-without-slave', "MASTER=bond0\nSLAVE='yes'\n", 'ifcfg-eth0');
});

// ---------------------------------------------------------------- D3 slave-without-master

test('slave-without-master: error, or warning when NetworkManager has MASTER_UUID', () => {
  assert.deepEqual(spans('DEVICE=eth0\nSLAVE=yes\n', 'slave-without-master', 'ifcfg-eth0'), [[1, 0, 9]]);
  assert.equal(only('SLAVE=yes\n', 'slave-without-master', 'ifcfg-eth0')[0].severity, ERROR);
  assert.equal(only('SLAVE=yes\nMASTER_UUID=f1234ff6-70da-4b63-9cce-f3a0dedfc2d3\n', 'slave-without-master', 'ifcfg-eth0')[0].severity, WARNING);
  assert.deepEqual(only('SLAVE=yes\nMASTER=bond0\n', 'slave-without-master', 'ifcfg-eth0'), []);
  assert.deepEqual(only('SLAVE=no\n', 'slave-without-master', 'ifcfg-eth0'), []);
});

// ---------------------------------------------------------------- D4 member-ip-config

test('member-ip-config: each addressing key of a member, on the key', () => {
  const t = 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\nBOOTPROTO=dhcp\nIPADDR=10.0.0.5\nPREFIX=24\nGATEWAY=10.0.0.1\nDNS1=10.0.0.53\nDEFROUTE=yes\nIPV6ADDR=2001:db8::5/64\n';
  assert.deepEqual(spans(t, 'member-ip-config', 'ifcfg-eth0'), [[3, 0, 9], [4, 0, 6], [5, 0, 6], [6, 0, 7], [7, 0, 4], [8, 0, 8], [9, 0, 8]]);
  assert.ok(only(t, 'member-ip-config', 'ifcfg-eth0').every((d) => d.severity === WARNING));
  const quiet = 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\nBOOTPROTO=none\nIPV6INIT=no\nDEFROUTE=no\nIPADDR=\n';
  assert.deepEqual(only(quiet, 'member-ip-config', 'ifcfg-eth0'), []);
  assert.deepEqual(only('DEVICE=eth0\nIPADDR=10.0.0.5\n', 'member-ip-config', 'ifcfg-eth0'), []);
});

test('member-ip-config fix removes the line, or writes BOOTPROTO=none', () => {
  fixes('DEVICE=eth0\r\nIPADDR=10.0.0.5 # old\r\nMASTER=bond0\r\nSLAVE=yes\r\n', 'member-ip-config', 'DEVICE=eth0\r\nMASTER=bond0\r\nSLAVE=yes\r\n', 'ifcfg-eth0');
  fixes('MASTER=bond0\nSLAVE=yes\nBOOTPROTO="dhcp"\n', 'member-ip-config', 'MASTER=bond0\nSLAVE=yes\nBOOTPROTO="none"\n', 'ifcfg-eth0');
  fixes('MASTER=bond0\nSLAVE=yes\nGATEWAY=10.0.0.1', 'member-ip-config', 'MASTER=bond0\nSLAVE=yes', 'ifcfg-eth0');
});

// ---------------------------------------------------------------- D5 member-hwaddr, D6 member-macaddr, D10 member-bridge-or-vlan

test('member-hwaddr: info on a member only', () => {
  const t = 'DEVICE=eth0\nHWADDR=00:25:90:4A:1C:E0\nMASTER=bond0\nSLAVE=yes\nNM_CONTROLLED=no\n';
  assert.deepEqual(spans(t, 'member-hwaddr', 'ifcfg-eth0'), [[1, 0, 6]]);
  assert.equal(only(t, 'member-hwaddr', 'ifcfg-eth0')[0].severity, INFO);
  assert.match(msg(only(t, 'member-hwaddr', 'ifcfg-eth0')[0]), /NM_CONTROLLED=no/);
  assert.deepEqual(only('DEVICE=eth0\nHWADDR=00:25:90:4A:1C:E0\n', 'member-hwaddr', 'ifcfg-eth0'), []);
});

test('member-macaddr: warning on a member, not on the bond', () => {
  assert.deepEqual(spans('MASTER=bond0\nSLAVE=yes\nMACADDR=02:00:00:00:00:01\n', 'member-macaddr', 'ifcfg-eth0'), [[2, 0, 7]]);
  assert.equal(only('MASTER=bond0\nSLAVE=yes\nMACADDR=02:00:00:00:00:01\n', 'member-macaddr', 'ifcfg-eth0')[0].severity, WARNING);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nMACADDR=02:00:00:00:00:01\n', 'member-macaddr'), []);
});

test('member-bridge-or-vlan: BRIDGE= or VLAN=yes on a member', () => {
  const t = 'MASTER=bond0\nSLAVE=yes\nBRIDGE=br0\nVLAN=yes\n';
  assert.deepEqual(spans(t, 'member-bridge-or-vlan', 'ifcfg-eth0'), [[2, 0, 6], [3, 0, 4]]);
  assert.ok(only(t, 'member-bridge-or-vlan', 'ifcfg-eth0').every((d) => d.severity === WARNING));
  assert.deepEqual(only('MASTER=bond0\nSLAVE=yes\nVLAN=no\n', 'member-bridge-or-vlan', 'ifcfg-eth0'), []);
  assert.deepEqual(only('DEVICE=bond0\nTYPE=Bond\nBRIDGE=br0\n', 'member-bridge-or-vlan'), []);
});

// ---------------------------------------------------------------- invalid-value

test('invalid-value: addresses, masks, prefixes, MACs, integers, names and TYPE', () => {
  const t = [
    'DEVICE=eth0', 'IPADDR=10.0.0.01', 'NETMASK=255.0.255.0', 'PREFIX1=33', 'GATEWAY=10.0.0.256', 'HWADDR=00-11-22-33-44-55',
    'MACADDR=zz', 'DNS1=fe80::1', 'DNS2=resolver', 'IPV6ADDR=2001:db8::1/129', 'IPV6_DEFAULTGW=fe80::1%eth0', 'MTU=9000x',
    'VLAN_ID=5000', 'TYPE=Foo', 'BRIDGE=a/b', 'SRCADDR=1.2.3', 'IPV6ADDR_SECONDARIES="2001:db8::2/64 nope"',
  ].join('\n') + '\n';
  const got = only(t, 'invalid-value', 'ifcfg-eth0').map((d) => [d.range.start.line + 1, d.severity]);
  assert.deepEqual(got, [[2, ERROR], [3, ERROR], [4, ERROR], [5, ERROR], [6, WARNING], [7, ERROR], [9, WARNING], [10, ERROR], [12, WARNING], [13, ERROR], [14, WARNING], [15, WARNING], [16, WARNING], [17, ERROR]]);
  assert.deepEqual(spans('DEVICE=eth0\nIPADDR="10.0.0.300"\n', 'invalid-value', 'ifcfg-eth0'), [[1, 7, 19]]);
  assert.equal(only('DEVICE=this-name-is-too-long\n', 'invalid-value', 'ifcfg-x')[0].severity, ERROR);
});

test('invalid-value: legitimate values are accepted', () => {
  const t = [
    'DEVICE=bond0.100', 'IPADDR=198.51.100.21', 'NETMASK=255.255.255.0', 'PREFIX=24', 'PREFIX1=0', 'GATEWAY=198.51.100.1',
    'HWADDR=3c:fd:fe:a4:1b:60', 'MACADDR=02:00:00:00:00:01', 'DNS1=10.0.0.53', 'DNS2=2001:db8::53', 'IPV6ADDR=2001:db8:100::21/64',
    'IPV6ADDR_SECONDARIES="2001:db8::2 ::ffff:192.0.2.1/128"', 'IPV6_DEFAULTGW=fe80::1%bond0', 'MTU=9000', 'VLAN_ID=100',
    'TYPE=Vlan', 'PHYSDEV=bond0', 'BOND_PORT_PRIO=-5', 'MASTER=f1234ff6-70da-4b63-9cce-f3a0dedfc2d3', 'IPADDR2=',
  ].join('\n') + '\n';
  assert.deepEqual(only(t, 'invalid-value', 'ifcfg-bond0.100'), []);
  assert.deepEqual(only('DEVICE=eth0:1\nIPADDR=10.0.0.9\n', 'invalid-value', 'ifcfg-eth0:1'), []);
  assert.deepEqual(only('HWADDR=80:00:02:08:FE:80:00:00:00:00:00:00:00:02:C9:03:00:0A:6A:31\nTYPE=InfiniBand\n', 'invalid-value', 'ifcfg-ib0'), []);
  for (const ty of ['Ethernet', 'bond', 'Bridge', 'OVSBridge', 'Team', 'TeamPort', 'Bonding']) {
    assert.deepEqual(only(`TYPE=${ty}\n`, 'invalid-value', 'ifcfg-x0'), [], ty);
  }
});

test('invalid-value fix: MAC written with colons, prefix without slash', () => {
  fixes('DEVICE=eth0\r\nHWADDR="00-25-90-4a-1c-e0" # port 1\r\n', 'invalid-value', 'DEVICE=eth0\r\nHWADDR="00:25:90:4a:1c:e0" # port 1\r\n', 'ifcfg-eth0');
  fixes('PREFIX=/24\n', 'invalid-value', 'PREFIX=24\n', 'ifcfg-eth0');
  noFix('IPADDR=10.0.0.256\n', 'invalid-value', 'ifcfg-eth0');
});

test('value validators', () => {
  for (const ok of ['0.0.0.0', '10.0.0.1', '255.255.255.255']) assert.ok(isIPv4(ok), ok);
  for (const bad of ['10.0.0', '10.0.0.01', '256.1.1.1', '1.2.3.4 ', '1.2.3.4.5', '']) assert.ok(!isIPv4(bad), bad);
  for (const ok of ['::', '::1', '2001:db8::1', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '1:2:3:4:5:6:1.2.3.4']) assert.ok(isIPv6(ok), ok);
  for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', ':1::', '12345::', 'g::1', '1:2:3:4:5:6:7', '1.2.3.4', '::1.2.3']) assert.ok(!isIPv6(bad), bad);
  assert.ok(isIPv6WithPrefix('2001:db8::/32') && !isIPv6WithPrefix('2001:db8::/129') && !isIPv6WithPrefix('2001:db8::/'));
  assert.ok(isContiguousNetmask('255.255.255.0') && isContiguousNetmask('255.255.255.255') && isContiguousNetmask('0.0.0.0'));
  assert.ok(!isContiguousNetmask('255.0.255.0') && !isContiguousNetmask('255.255.255.1'));
  assert.equal(macVerdict('00:11:22:33:44:55', [6]), 'ok');
  assert.equal(macVerdict('0:11:22:33:44:55', [6]), 'nonstandard');
  assert.equal(macVerdict('00-11-22-33-44-55', [6]), 'nonstandard');
  assert.equal(macVerdict('00-11:22-33:44-55', [6]), 'invalid');
  assert.equal(macVerdict('00:11:22:33:44', [6]), 'invalid');
});

// ---------------------------------------------------------------- robustness

test('rules never throw and stay quiet on degenerate input', () => {
  const inputs = ['', '\uFEFF', '\n\n', '\r\r\r', '=', '===\n', 'A', '#', "X='", 'DEVICE=', 'MASTER=\nSLAVE=\n', 'TYPE=\nBONDING_OPTS=\n',
    'IPADDR99999999999999999999=1\n', 'DEVICE=bond0\nBONDING_OPTS="$(reboot)"\n', 'KEY=' + 'x'.repeat(5000), '\uFEFFDEVICE=bond0\rTYPE=Bond\r'];
  for (const t of inputs) {
    for (const name of ['ifcfg-bond0', 'ifcfg-eth0', 'ifcfg-', 'untitled', 'ifcfg-bond0.bak']) {
      const ctx = ctxOf(t, name);
      const ds = diagnose(ctx);
      assert.ok(!ds.some((d) => msg(d).startsWith('internal error')), `${JSON.stringify(t)} ${name}: ${ds.map(msg).join('; ')}`);
      codeActions(ctx, ds);
    }
  }
});

test('fixes on a BOM file keep the BOM and insert after it', () => {
  fixes('\uFEFFTYPE=Bond\r\nBONDING_MASTER=yes\r\n', 'bond-missing-device', '\uFEFFDEVICE=bond0\r\nTYPE=Bond\r\nBONDING_MASTER=yes\r\n');
});

// ---------------------------------------------------------------- the demo fleet

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function hostFiles(host: string): { name: string; ctx: IfcfgContext }[] {
  const dir = join(EXAMPLES, host, 'etc', 'sysconfig', 'network-scripts');
  return readdirSync(dir).sort().map((name) => ({
    name,
    ctx: makeContext(`file://${dir}/${name}`, readFileSync(join(dir, name), 'utf8'), 'ifcfg') as IfcfgContext,
  }));
}

test('clean demo hosts: nothing from these rules at warning level or above', () => {
  for (const host of ['db-active-backup', 'web-lacp', 'mixed-alb', 'kvm-bridge']) {
    for (const { name, ctx } of hostFiles(host)) {
      const loud = diagnose(ctx).filter((d) => MINE.includes(String(d.code)) && d.severity! <= WARNING);
      assert.deepEqual(loud.map((d) => `${d.code}: ${msg(d)}`), [], `${host}/${name}`);
    }
  }
  // web-lacp: the four NetworkManager ports carry HWADDR (D5, info) and nothing else from these rules.
  const infos = hostFiles('web-lacp').flatMap(({ name, ctx }) => diagnose(ctx).filter((d) => MINE.includes(String(d.code))).map((d) => `${name}:${d.code}`));
  assert.deepEqual(infos, ['ifcfg-ens1f0:member-hwaddr', 'ifcfg-ens1f1:member-hwaddr', 'ifcfg-ens2f0:member-hwaddr', 'ifcfg-ens2f1:member-hwaddr']);
});

test('legacy-mistakes: exactly the single-file findings of MISTAKES.md that belong to these rules', () => {
  const got: string[] = [];
  for (const { name, ctx } of hostFiles('legacy-mistakes')) {
    for (const d of diagnose(ctx)) {
      if (!MINE.includes(String(d.code))) continue;
      // 1-based line and columns, as MISTAKES.md writes them.
      got.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character} ${d.code} ${d.severity}`);
    }
  }
  assert.deepEqual(got.sort(), [
    `ifcfg-bond0.bak:1:1-21 backup-file ${WARNING}`, // M4 (B2)
    `ifcfg-bond0:3:1-12 missing-bonding-master ${INFO}`, // M2 (C4), anchored on TYPE
    `ifcfg-bond0:3:1-12 type-bonding ${ERROR}`, // M1 (C2)
    `ifcfg-eth0:3:1-6 member-hwaddr ${INFO}`, // M6 (D5)
    `ifcfg-eth0:6:1-6 member-ip-config ${WARNING}`, // M5 (D4)
    `ifcfg-eth0:7:1-7 member-ip-config ${WARNING}`,
    `ifcfg-eth0:8:1-7 member-ip-config ${WARNING}`,
    `ifcfg-eth1:3:1-6 member-hwaddr ${INFO}`, // M9 (D5)
    `ifcfg-eth4:2:8-11 device-name-mismatch ${WARNING}`, // M16 (B1)
  ].sort());
  // Controls: no unknown keys anywhere, and ifcfg-lo / ifcfg-eth3 are clean.
  for (const { name, ctx } of hostFiles('legacy-mistakes')) {
    const ds = diagnose(ctx);
    assert.ok(!ds.some((d) => d.code === 'unknown-key'), name);
    if (name === 'ifcfg-lo' || name === 'ifcfg-eth3') assert.deepEqual(ds.map((d) => d.code), [], name);
  }
});

test('codes helper sanity: a clean bond file passes every rule', () => {
  const t = 'DEVICE=bond0\nNAME=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100"\nBOOTPROTO=none\nIPADDR=10.0.0.2\nPREFIX=24\nONBOOT=yes\n';
  assert.deepEqual(codes(t), []);
});
