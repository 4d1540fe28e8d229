import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hostRootOf, WorkspaceModel } from '../../server/src/analysis/workspace/model';
import { lintWorkspace, wsCodes } from '../helpers/analysis';

const NS = (host: string) => `/fleet/${host}/etc/sysconfig/network-scripts`;
const bond = (extra = '', opts = 'mode=active-backup miimon=100') => `DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="${opts}"\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=192.0.2.10\nPREFIX=24\nNM_CONTROLLED=no\n${extra}`;
const member = (dev: string, extra = '', master = 'bond0') => `DEVICE=${dev}\nTYPE=Ethernet\nMASTER=${master}\nSLAVE=yes\nONBOOT=yes\nBOOTPROTO=none\nNM_CONTROLLED=no\n${extra}`;
const host = (h: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n.endsWith('.conf') ? `/fleet/${h}/etc/modprobe.d/${n}` : `${NS(h)}/${n}`, t]));
const has = (codes: string[] | undefined, c: string) => (codes ?? []).includes(c);

test('host roots: network-scripts and modprobe.d share the root before etc/', () => {
  assert.equal(hostRootOf('/fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0'), '/fleet/h1');
  assert.equal(hostRootOf('/fleet/h1/etc/modprobe.d/bonding.conf'), '/fleet/h1');
  assert.equal(hostRootOf('/fleet/h1/etc/modprobe.conf'), '/fleet/h1');
  assert.equal(hostRootOf('/etc/sysconfig/network-scripts/ifcfg-eth0'), '/');
  assert.equal(hostRootOf('/tmp/scratch/ifcfg-eth0'), '/tmp/scratch');
  const m = new WorkspaceModel();
  m.set('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0', bond(), 'ifcfg');
  m.set('file:///fleet/h1/etc/modprobe.d/bonding.conf', 'alias bond0 bonding\n', 'modprobe');
  m.set('file:///fleet/h2/etc/sysconfig/network-scripts/ifcfg-bond0', bond(), 'ifcfg');
  assert.equal([...m.hosts()].length, 2);
  assert.equal(m.hostOf('file:///fleet/h1/etc/modprobe.d/bonding.conf'), m.hostOf('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0'));
});

test('topology: bonds, members (by MASTER and by MASTER_UUID), orphans', () => {
  const { model } = lintWorkspace(host('h1', {
    'ifcfg-bond0': bond('UUID=1b2a9c3e-0000-4000-8000-000000000001\n'),
    'ifcfg-eth0': member('eth0'),
    'ifcfg-eth1': 'DEVICE=eth1\nMASTER_UUID=1B2A9C3E-0000-4000-8000-000000000001\nSLAVE=yes\nNM_CONTROLLED=no\n',
    'ifcfg-eth2': member('eth2', '', 'bond9'),
  }));
  const f = [...model.hosts()][0].facts;
  assert.deepEqual(f.bonds.get('bond0')!.members.map((m) => m.device), ['eth0', 'eth1']);
  assert.deepEqual(f.orphans.map((m) => m.device), ['eth2']);
});

test('a clean host has no cross-file findings; two hosts with the same names do not interfere', () => {
  const files = { ...host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0'), 'ifcfg-eth1': member('eth1'), 'bonding.conf': 'alias bond0 bonding\n' }), ...host('h2', { 'ifcfg-bond0': bond('', 'mode=802.3ad miimon=100'), 'ifcfg-eth0': member('eth0') }) };
  for (const [p, c] of Object.entries(wsCodes(files))) assert.deepEqual(c, [], p);
  // h3's member names bond0 but h3 has no bond0; h1's bond0 must not satisfy it.
  const codes = wsCodes({ ...files, ...host('h3', { 'ifcfg-eth0': member('eth0') }) });
  assert.ok(has(codes[`${NS('h3')}/ifcfg-eth0`], 'master-missing-bond'));
});

test('master-missing-bond: error on the MASTER value, mentions a file with the wrong DEVICE', () => {
  const { diags } = lintWorkspace(host('h1', { 'ifcfg-bond1': bond().replace('DEVICE=bond0', 'DEVICE=bond2'), 'ifcfg-eth0': member('eth0', '', 'bond1') }));
  const d = diags.get(`${NS('h1')}/ifcfg-eth0`)!.find((x) => x.code === 'master-missing-bond')!;
  assert.equal(d.severity, 1);
  assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [2, 7, 12]);
  assert.match(d.message as string, /DEVICE=bond2/);
  assert.equal(d.relatedInformation?.[0].location.uri, `file://${NS('h1')}/ifcfg-bond1`);
});

test('bond-without-members and primary-not-member', () => {
  assert.ok(has(wsCodes(host('h1', { 'ifcfg-bond0': bond() }))[`${NS('h1')}/ifcfg-bond0`], 'bond-without-members'));
  const c = wsCodes(host('h1', { 'ifcfg-bond0': bond('', 'mode=active-backup miimon=100 primary=eth9'), 'ifcfg-eth0': member('eth0') }));
  assert.ok(has(c[`${NS('h1')}/ifcfg-bond0`], 'primary-not-member'));
  const ok = wsCodes(host('h1', { 'ifcfg-bond0': bond('', 'mode=active-backup miimon=100 primary=eth0'), 'ifcfg-eth0': member('eth0') }));
  assert.ok(!has(ok[`${NS('h1')}/ifcfg-bond0`], 'primary-not-member'));
});

test('nm-controlled-mismatch on both sides, with related information; the default counts as yes', () => {
  const { diags } = lintWorkspace(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0'), 'ifcfg-eth1': member('eth1').replace('NM_CONTROLLED=no\n', '') }));
  const onBond = diags.get(`${NS('h1')}/ifcfg-bond0`)!.filter((d) => d.code === 'nm-controlled-mismatch');
  const onMember = diags.get(`${NS('h1')}/ifcfg-eth1`)!.filter((d) => d.code === 'nm-controlled-mismatch');
  assert.equal(onBond.length, 1);
  assert.equal(onMember.length, 1);
  assert.match(onBond[0].message as string, /eth1/);
  assert.equal(onMember[0].relatedInformation![0].location.uri, `file://${NS('h1')}/ifcfg-bond0`);
  assert.ok(!has(wsCodes(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0') }))[`${NS('h1')}/ifcfg-eth0`], 'nm-controlled-mismatch'));
});

test('onboot-mismatch, duplicates, lacp speeds', () => {
  assert.ok(has(wsCodes(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0').replace('ONBOOT=yes', 'ONBOOT=no') }))[`${NS('h1')}/ifcfg-eth0`], 'onboot-mismatch'));
  const dup = wsCodes(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0'), 'ifcfg-eth0-copy': member('eth0') }));
  assert.ok(has(dup[`${NS('h1')}/ifcfg-eth0`], 'duplicate-device'));
  const bak = wsCodes(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0'), 'ifcfg-eth0.bak': member('eth0') }));
  assert.ok(!has(bak[`${NS('h1')}/ifcfg-eth0`], 'duplicate-device'), 'neither consumer reads .bak');
  const hw = wsCodes(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0', 'HWADDR=52:54:00:aa:bb:cc\n'), 'ifcfg-eth1': member('eth1', 'HWADDR=52-54-00-AA-BB-CC\n') }));
  assert.ok(has(hw[`${NS('h1')}/ifcfg-eth1`], 'duplicate-hwaddr'));
  const speed = wsCodes(host('h1', { 'ifcfg-bond0': bond('', 'mode=802.3ad miimon=100'), 'ifcfg-eth0': member('eth0', 'ETHTOOL_OPTS="speed 1000 duplex full autoneg off"\n'), 'ifcfg-eth1': member('eth1', 'ETHTOOL_OPTS="speed 10000 duplex full autoneg off"\n') }));
  assert.ok(has(speed[`${NS('h1')}/ifcfg-eth0`], 'lacp-speed-mismatch'));
});

test('modprobe vs BONDING_OPTS: per-bond options, conflicts (mode=4 equals 802.3ad), max_bonds', () => {
  const files = host('h1', { 'ifcfg-bond0': bond('', 'mode=802.3ad miimon=100'), 'ifcfg-eth0': member('eth0'), 'bonding.conf': 'alias bond0 bonding\noptions bonding mode=4 miimon=200 max_bonds=2\n' });
  const c = wsCodes(files)[`/fleet/h1/etc/modprobe.d/bonding.conf`];
  assert.ok(has(c, 'modprobe-options-with-bonding-opts'));
  assert.ok(has(c, 'modprobe-max-bonds-with-ifcfg'));
  const { diags } = lintWorkspace(files);
  const conflicts = diags.get('/fleet/h1/etc/modprobe.d/bonding.conf')!.filter((d) => d.code === 'modprobe-conflicts-bonding-opts');
  assert.deepEqual(conflicts.map((d) => (d.message as string).split(' ')[0]), ['miimon=200']);
  assert.deepEqual(wsCodes(host('h1', { 'bonding.conf': 'options bonding max_bonds=2\n' }))['/fleet/h1/etc/modprobe.d/bonding.conf'].filter((x) => x === 'modprobe-max-bonds-with-ifcfg'), []);
});

test('editing one file changes the host version; identical text does not', () => {
  const m = new WorkspaceModel();
  const h = m.set('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0', bond(), 'ifcfg');
  const v = h.version;
  m.set('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0', bond(), 'ifcfg');
  assert.equal(h.version, v);
  m.set('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-eth0', member('eth0'), 'ifcfg');
  assert.equal(h.version, v + 1);
  m.delete('file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-eth0');
  assert.equal(h.facts.bonds.get('bond0')!.members.length, 0);
});

test('nm-controlled-mismatch fixes align the bond and all its members, touching only that value', async () => {
  const { applyWorkspaceFix } = await import('../helpers/analysis');
  const files = host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0'), 'ifcfg-eth1': member('eth1').replace('NM_CONTROLLED=no', 'NM_CONTROLLED="yes" # managed'), 'ifcfg-eth2': member('eth2').replace('NM_CONTROLLED=no\n', '').replace(/\n/g, '\r\n') });
  const p1 = `${NS('h1')}/ifcfg-eth1`;
  const fixed = applyWorkspaceFix(files, p1, 'nm-controlled-mismatch', 0);
  assert.match(fixed.title, /NM_CONTROLLED=no on bond0/);
  assert.equal(fixed.files[p1], files[p1].replace('NM_CONTROLLED="yes"', 'NM_CONTROLLED="no"'));
  assert.equal(fixed.files[`${NS('h1')}/ifcfg-eth2`], files[`${NS('h1')}/ifcfg-eth2`].replace('ONBOOT=yes\r\n', 'ONBOOT=yes\r\nNM_CONTROLLED=no\r\n'));
  assert.equal(fixed.files[`${NS('h1')}/ifcfg-bond0`], files[`${NS('h1')}/ifcfg-bond0`]);
  for (const [p, c] of Object.entries(wsCodes(fixed.files))) assert.ok(!c.includes('nm-controlled-mismatch'), p);
  const other = applyWorkspaceFix(files, p1, 'nm-controlled-mismatch', 1);
  assert.match(other.title, /NM_CONTROLLED=yes/);
  for (const [p, c] of Object.entries(wsCodes(other.files))) assert.ok(!c.includes('nm-controlled-mismatch'), p);
});

test('master-missing-bond offers to create the bond from a template; the result lints clean', async () => {
  const { applyWorkspaceFix } = await import('../helpers/analysis');
  const files = host('h1', { 'ifcfg-eth0': member('eth0', '', 'bond3'), 'ifcfg-eth1': member('eth1', '', 'bond3') });
  const r = applyWorkspaceFix(files, `${NS('h1')}/ifcfg-eth0`, 'master-missing-bond');
  assert.match(r.title, /Create ifcfg-bond3/);
  const created = r.files[`${NS('h1')}/ifcfg-bond3`];
  assert.match(created, /^DEVICE=bond3\nTYPE=Bond\n/);
  assert.match(created, /NM_CONTROLLED=no/);
  for (const [p, c] of Object.entries(wsCodes(r.files))) assert.deepEqual(c.filter((x) => x !== 'info'), [], p);
});

test('modprobe options next to BONDING_OPTS: a fix moves them into BONDING_OPTS (values already there win)', async () => {
  const { applyWorkspaceFix } = await import('../helpers/analysis');
  const conf = '/fleet/h1/etc/modprobe.d/bonding.conf';
  const files = host('h1', { 'ifcfg-bond0': bond('', 'mode=802.3ad miimon=100'), 'ifcfg-eth0': member('eth0'), 'bonding.conf': '# bonding\nalias bond0 bonding\noptions bonding miimon=200 lacp_rate=fast max_bonds=0\n' });
  const r = applyWorkspaceFix(files, conf, 'modprobe-options-with-bonding-opts');
  assert.equal(r.files[conf], '# bonding\nalias bond0 bonding\noptions bonding max_bonds=0\n');
  assert.match(r.files[`${NS('h1')}/ifcfg-bond0`], /BONDING_OPTS="mode=802\.3ad miimon=100 lacp_rate=fast"/);
  const only = host('h1', { 'ifcfg-bond0': bond('', 'mode=802.3ad miimon=100'), 'ifcfg-eth0': member('eth0'), 'bonding.conf': 'alias bond0 bonding\noptions bonding lacp_rate=fast\n' });
  const r2 = applyWorkspaceFix(only, conf, 'modprobe-options-with-bonding-opts');
  assert.equal(r2.files[conf], 'alias bond0 bonding\n');
  for (const [p, c] of Object.entries(wsCodes(r2.files))) assert.deepEqual(c, [], p);
});

test('member-ip-config can move an address to the bond when the bond has none', async () => {
  const { applyWorkspaceFix } = await import('../helpers/analysis');
  const noAddr = bond().replace('IPADDR=192.0.2.10\nPREFIX=24\n', '');
  const files = host('h1', { 'ifcfg-bond0': noAddr, 'ifcfg-eth0': member('eth0', 'IPADDR=192.0.2.50\n'), 'ifcfg-eth1': member('eth1') });
  const r = applyWorkspaceFix(files, `${NS('h1')}/ifcfg-eth0`, 'member-ip-config', 1);
  assert.match(r.title, /Move IPADDR to bond0/);
  assert.equal(r.files[`${NS('h1')}/ifcfg-eth0`], member('eth0'));
  assert.match(r.files[`${NS('h1')}/ifcfg-bond0`], /BOOTPROTO=none\nIPADDR=192\.0\.2\.50\n/);
  // The bond already has an address: only removing is offered.
  assert.throws(() => applyWorkspaceFix(host('h1', { 'ifcfg-bond0': bond(), 'ifcfg-eth0': member('eth0', 'IPADDR=192.0.2.50\n') }), `${NS('h1')}/ifcfg-eth0`, 'member-ip-config', 1), /no fix #1/);
});

test('paths and file URIs: the fast ways agree with the URL machinery', async () => {
  const fc = (await import('fast-check')).default;
  const { fileURLToPath, pathToFileURL } = await import('url');
  const { pathToUri, uriToPath } = await import('../../server/src/workspace-index');
  const segment = fc.string({ unit: fc.constantFrom('a', 'B', '0', '.', '-', '_', '+', ',', '=', '@', '%', '#', '?', ' ', 'é', '\\', ':'), minLength: 0, maxLength: 6 });
  const absPath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => '/' + s.join('/'));
  fc.assert(fc.property(absPath, (p) => {
    assert.equal(pathToUri(p), pathToFileURL(p).toString(), p);
    const uri = pathToUri(p);
    assert.equal(uriToPath(uri), fileURLToPath(uri), uri);
  }), { numRuns: 5000 });
  for (const uri of ['file:///a/../b', 'file:///a/./b', 'file:///a//b', 'file:///a%20b', 'file:///a?x', 'file:///a#y', 'file:////x']) {
    let want: string | undefined;
    try { want = fileURLToPath(uri); } catch { want = undefined; }
    assert.equal(uriToPath(uri), want, uri);
  }
});

test('hostRootOf: the fast path agrees with the pattern it stands for', async () => {
  const fc = (await import('fast-check')).default;
  const slow = (path: string) => {
    const p = path.replace(/\\/g, '/');
    const m = /^(.*?)\/?(?:etc\/(?:sysconfig\/network-scripts\/[^/]+|modprobe\.d\/[^/]+|modprobe\.conf)|(?:usr\/local\/lib|usr\/lib|lib|run)\/modprobe\.d\/[^/]+)$/.exec(p);
    if (m) return m[1] === '' ? '/' : m[1];
    const slash = p.lastIndexOf('/');
    return slash <= 0 ? '/' : p.slice(0, slash);
  };
  const seg = fc.constantFrom('etc', 'sysconfig', 'network-scripts', 'modprobe.d', 'modprobe.conf', 'usr', 'local', 'lib', 'run', 'h1', 'ifcfg-eth0', 'x.conf', '', 'xetc', 'lib2');
  fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 7 }), fc.boolean(), (parts, abs) => {
    const p = (abs ? '/' : '') + parts.join('/');
    assert.equal(hostRootOf(p), slow(p), p);
  }), { numRuns: 20000 });
});
