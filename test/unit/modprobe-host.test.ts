// modprobe.d files of one host judged together, as kmod reads them: every *.conf of the host's
// modprobe.d directory, sorted by file name, their `options bonding` words concatenated before the
// module loads. Findings stay on the file whose token they are about; the other file is related info.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeActions, diagnose, makeContext, WorkspaceModel } from '../../server/src/analysis';
import { bondingAnalysis } from '../../server/src/analysis/rules/modprobe/bonding-load';
import { kmodReadOrder } from '../../server/src/analysis/rules/modprobe/kmod-order';
import type { ModprobeContext } from '../../server/src/analysis';
import { applyEdits, lintWorkspace } from '../helpers/analysis';

const D = '/fleet/h1/etc/modprobe.d';
const A = `${D}/a.conf`;
const B = `${D}/b.conf`;
const uri = (p: string) => `file://${p}`;

/** Diagnostics of every file of a host given as { path: text }, by path. */
function host(files: Record<string, string>): Map<string, Diagnostic[]> {
  return lintWorkspace(files).diags;
}
const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code));
const only = (ds: Diagnostic[] | undefined, code: string) => (ds ?? []).filter((d) => d.code === code);
/** What the same text gives as the only file (no host): today's single-file verdict. */
const alone = (path: string, text: string) => codes(diagnose(makeContext(uri(path), text, 'modprobe')));
/** [line, start, end] of a range. */
const at = (r: { start: { line: number; character: number }; end: { character: number } }) => [r.start.line, r.start.character, r.end.character];

test('ARP monitoring split over two files (interval in a.conf, target in b.conf): no finding in either file', () => {
  const a = 'options bonding mode=1 arp_interval=100\n';
  const b = 'options bonding arp_ip_target=10.0.0.1\n';
  // each file alone is half an ARP configuration …
  assert.ok(alone(A, a).includes('modprobe-arp-incomplete'));
  assert.ok(alone(B, b).includes('modprobe-arp-incomplete'));
  // … but kmod hands the module both lines in one load
  const d = host({ [A]: a, [B]: b });
  assert.deepEqual(codes(d.get(A)), ['modprobe-numeric-value']); // only the hint to write mode=active-backup
  assert.deepEqual(codes(d.get(B)), []);
});

test('arp_validate in one file, ARP monitoring in another: the load works, whichever file sorts first', () => {
  const arp = 'options bonding mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.1\n';
  const validate = 'options bonding arp_validate=all\n';
  assert.ok(alone(B, validate).includes('modprobe-arp-validate-without-arp'));
  for (const [x, y] of [[arp, validate], [validate, arp]]) {
    const d = host({ [A]: x, [B]: y });
    assert.deepEqual(codes(d.get(A)), [], x);
    assert.deepEqual(codes(d.get(B)), [], y);
  }
  // arp_validate next to an ARP setup that another file breaks (miimon wins): still a failing load,
  // reported on arp_validate, naming the file whose miimon is the reason
  const d = host({ [A]: 'options bonding miimon=100\n', [B]: `${arp}${validate}` });
  const v = only(d.get(B), 'modprobe-arp-validate-without-arp');
  assert.equal(v.length, 1);
  assert.match(String(v[0].message), /a\.conf/);
  assert.deepEqual(v[0].relatedInformation?.map((r) => [r.location.uri, ...at(r.location.range)]), [[uri(A), 0, 16, 26]]);
  assert.deepEqual(only(d.get(A), 'modprobe-arp-validate-without-arp'), []);
});

test('miimon in a.conf, ARP monitoring in b.conf: the conflict is reported on b.conf\'s arp_interval, with a.conf\'s miimon as related info', () => {
  const a = 'options bonding mode=active-backup miimon=100\n';
  const b = 'options bonding arp_interval=1000 arp_ip_target=10.0.0.1\n';
  assert.ok(!alone(B, b).includes('modprobe-miimon-and-arp'));
  const { model, diags } = lintWorkspace({ [A]: a, [B]: b });
  assert.deepEqual(only(diags.get(A), 'modprobe-miimon-and-arp'), []);
  const c = only(diags.get(B), 'modprobe-miimon-and-arp');
  assert.equal(c.length, 1);
  assert.deepEqual(at(c[0].range), [0, 16, 33]);
  assert.match(String(c[0].message), /miimon=100 \(a\.conf, line 1\)/);
  assert.deepEqual(c[0].relatedInformation?.map((r) => [r.location.uri, ...at(r.location.range)]), [[uri(A), 0, 35, 45]]);
  // fixes edit b.conf only: keeping MII monitoring removes b.conf's ARP words; keeping ARP monitoring
  // would have to edit a.conf, so it is not offered here
  const ctx = model.get(uri(B))!;
  const actions = codeActions(ctx, c);
  assert.deepEqual(actions.map((x) => x.title), ['Keep MII monitoring (remove the ARP monitoring parameters)']);
  assert.deepEqual(Object.keys(actions[0].edit!.changes!), [uri(B)]);
  assert.equal(applyEdits(b, actions[0].edit!.changes![uri(B)]), '');
});

test('the same parameter in two files: the file read last (by name) wins; the overridden word is flagged with the winner as related info', () => {
  const d = host({ [A]: 'options bonding mode=active-backup miimon=100\n', [B]: 'options bonding miimon=200\n' });
  const dup = only(d.get(A), 'modprobe-duplicate-param');
  assert.equal(dup.length, 1);
  assert.deepEqual(at(dup[0].range), [0, 35, 45]);
  assert.match(String(dup[0].message), /miimon=200/);
  assert.match(String(dup[0].message), /b\.conf/);
  assert.deepEqual(dup[0].relatedInformation?.map((r) => [r.location.uri, ...at(r.location.range)]), [[uri(B), 0, 16, 26]]);
  assert.deepEqual(only(d.get(B), 'modprobe-duplicate-param'), []);
  // the quick fix removes the overridden word from a.conf, nothing else
  const { model, diags } = lintWorkspace({ [A]: 'options bonding mode=active-backup miimon=100\n', [B]: 'options bonding miimon=200\n' });
  const ctx = model.get(uri(A))!;
  const actions = codeActions(ctx, only(diags.get(A), 'modprobe-duplicate-param'));
  assert.deepEqual(Object.keys(actions[0].edit!.changes!), [uri(A)]);
  assert.equal(applyEdits('options bonding mode=active-backup miimon=100\n', actions[0].edit!.changes![uri(A)]), 'options bonding mode=active-backup\n');
});

test('file order is by name, as strings (10-x.conf before 9-x.conf), not the order the files reached the model', () => {
  const ten = `${D}/10-bonding.conf`;
  const nine = `${D}/9-bonding.conf`;
  for (const order of [[ten, nine], [nine, ten]]) {
    const model = new WorkspaceModel();
    const text: Record<string, string> = { [ten]: 'options bonding max_bonds=3\n', [nine]: 'options bonding max_bonds=0\n' };
    for (const p of order) model.set(uri(p), text[p], 'modprobe');
    const dTen = diagnose(model.get(uri(ten))!);
    const dNine = diagnose(model.get(uri(nine))!);
    // 9-bonding.conf is read last: its max_bonds=0 wins, so 10-bonding.conf's max_bonds=3 creates nothing
    assert.deepEqual(codes(dTen), ['modprobe-duplicate-param'], order.join(' '));
    assert.deepEqual(codes(dNine), [], order.join(' '));
  }
});

test('max_bonds across files: the value in effect decides', () => {
  // alone, max_bonds=3 warns; with a later file setting it back to 1 it is only an overridden word
  assert.ok(alone(A, 'options bonding max_bonds=3\n').includes('modprobe-max-bonds'));
  const d = host({ [A]: 'options bonding max_bonds=3\n', [B]: 'options bonding max_bonds=1\n' });
  assert.deepEqual(codes(d.get(A)), ['modprobe-duplicate-param']);
  assert.deepEqual(codes(d.get(B)), []);
  // the other way round: the later file's max_bonds=3 is in effect and warns there
  const e = host({ [A]: 'options bonding max_bonds=1\n', [B]: 'options bonding max_bonds=3\n' });
  assert.deepEqual(codes(e.get(B)), ['modprobe-max-bonds']);
});

test('an alias in one file is used by options and aliases in another', () => {
  // `options mybond …` reaches bonding only through a.conf's alias: its words are judged as module parameters
  const d = host({ [A]: 'alias mybond bonding\n', [B]: 'options mybond mode=lacp miimon=100\n' });
  assert.deepEqual(alone(B, 'options mybond mode=lacp miimon=100\n'), []);
  assert.deepEqual(codes(d.get(B)).sort(), ['modprobe-alias-options', 'modprobe-invalid-value']);
  // the alias is declared (in a.conf): the message does not ask for one
  const ao = only(d.get(B), 'modprobe-alias-options')[0];
  assert.doesNotMatch(String(ao.message), /needs an 'alias/);
  assert.match(String(only(host({ [B]: 'options bond0 miimon=100\n', [A]: 'options bonding mode=1\n' }).get(B), 'modprobe-alias-options')[0].message), /needs an 'alias bond0 bonding'/);
  // an alias of an alias across files
  const chain = host({ [A]: 'alias bond0 bonding\n', [B]: 'alias bond1 bond0\n' });
  const t = only(chain.get(B), 'modprobe-alias-target');
  assert.equal(t.length, 1);
  assert.match(String(t[0].message), /itself an alias/);
  // bond0 pointed elsewhere in a.conf: `options bond0 …` in b.conf is not about bonding
  assert.deepEqual(codes(host({ [A]: 'alias bond0 e1000e\n', [B]: 'options bond0 mode=lacp\n' }).get(B)), []);
});

test('alias options merged across files: options bonding in a.conf and options bond0 in b.conf form the bond0 load', () => {
  const d = host({ [A]: 'options bonding miimon=100\n', [B]: 'alias bond0 bonding\noptions bond0 mode=1 arp_interval=100 arp_ip_target=10.0.0.1\n' });
  const c = only(d.get(B), 'modprobe-miimon-and-arp');
  assert.equal(c.length, 1);
  assert.equal(c[0].relatedInformation?.[0].location.uri, uri(A));
});

test('a lone file, a host with one modprobe.d file, and /etc/modprobe.conf (not read by kmod) keep the single-file verdict', () => {
  const a = 'options bonding mode=1 arp_interval=100\n';
  // modprobe.conf next to a.conf: kmod never reads it, so its target does not complete a.conf's ARP setup
  const d = host({ [A]: a, '/fleet/h1/etc/modprobe.conf': 'options bonding arp_ip_target=10.0.0.1\n' });
  assert.deepEqual(codes(d.get(A)), alone(A, a));
  assert.ok(codes(d.get(A)).includes('modprobe-arp-incomplete'));
  assert.deepEqual(codes(d.get('/fleet/h1/etc/modprobe.conf')), alone('/fleet/h1/etc/modprobe.conf', 'options bonding arp_ip_target=10.0.0.1\n'));
  // names kmod skips (a leading dot) do not take part either
  const e = host({ [A]: a, [`${D}/.b.conf`]: 'options bonding arp_ip_target=10.0.0.1\n' });
  assert.ok(codes(e.get(A)).includes('modprobe-arp-incomplete'));
  // a file whose neighbours say nothing about bonding: the same diagnostics, message for message
  const src = 'options bonding mode=4 miimon=150 updelay=200 lacp_rate=fast xmit_hash_policy=layer3+4 use_carrier=0\noptions bonding arp_ip_target=10.0.0.1\n';
  const solo = diagnose(makeContext(uri(A), src, 'modprobe'));
  const withSound = host({ [A]: src, [B]: 'options snd-hda-intel index=0\nalias snd-card-0 snd-hda-intel\n' }).get(A)!;
  assert.deepEqual(withSound, solo);
});

test('kmod read order: names sorted across directories, /etc hides the same name in /run, /usr/local/lib, /usr/lib and /lib; dot files and non-.conf names skipped', () => {
  const paths = [
    '/lib/modprobe.d/bonding.conf', '/etc/modprobe.d/bonding.conf', '/usr/lib/modprobe.d/a.conf', '/run/modprobe.d/z.conf',
    '/etc/modprobe.d/.x.conf', '/etc/modprobe.d/10-b.conf', '/etc/modprobe.d/9-b.conf', '/usr/lib/modprobe.d/z.conf',
    '/usr/local/lib/modprobe.d/c.conf', '/usr/lib/modprobe.d/c.conf', '/etc/modprobe.d/notes.txt',
  ];
  const r = kmodReadOrder(paths, (p) => p);
  assert.deepEqual(r.read, ['/etc/modprobe.d/10-b.conf', '/etc/modprobe.d/9-b.conf', '/usr/lib/modprobe.d/a.conf', '/etc/modprobe.d/bonding.conf', '/usr/local/lib/modprobe.d/c.conf', '/run/modprobe.d/z.conf']);
  assert.deepEqual(r.hidden.map((h) => [h.item, h.by]).sort(), [
    ['/lib/modprobe.d/bonding.conf', '/etc/modprobe.d/bonding.conf'],
    ['/usr/lib/modprobe.d/c.conf', '/usr/local/lib/modprobe.d/c.conf'],
    ['/usr/lib/modprobe.d/z.conf', '/run/modprobe.d/z.conf'],
  ]);
  // a host root prefix does not matter; /etc/modprobe.conf is not a modprobe.d file
  assert.deepEqual(kmodReadOrder(['/srv/h/usr/lib/modprobe.d/x.conf', '/srv/h/etc/modprobe.d/x.conf', '/srv/h/etc/modprobe.conf'], (p) => p).read, ['/srv/h/etc/modprobe.d/x.conf']);
});

test('/lib, /usr/lib, /usr/local/lib and /run modprobe.d files join their host; a same-named /etc file hides them', () => {
  const model = new WorkspaceModel();
  const etc = '/fleet/h1/etc/modprobe.d/bonding.conf';
  model.set(uri(etc), 'options bonding mode=1 arp_interval=100\n', 'modprobe');
  for (const d of ['lib', 'usr/lib', 'usr/local/lib', 'run']) {
    model.set(uri(`/fleet/h1/${d}/modprobe.d/bonding.conf`), 'options bonding arp_ip_target=10.0.0.1\n', 'modprobe');
    assert.equal(model.hostOf(uri(`/fleet/h1/${d}/modprobe.d/bonding.conf`)), model.hostOf(uri(etc)), d);
  }
  // Every other bonding.conf is hidden by /etc/modprobe.d/bonding.conf: kmod never reads their targets.
  assert.ok(codes(diagnose(model.get(uri(etc))!)).includes('modprobe-arp-incomplete'));
  // A differently named file in /usr/lib/modprobe.d is read, after /etc's by name order, and completes it.
  model.set(uri('/fleet/h1/usr/lib/modprobe.d/targets.conf'), 'options bonding arp_ip_target=10.0.0.1\n', 'modprobe');
  assert.ok(!codes(diagnose(model.get(uri(etc))!)).includes('modprobe-arp-incomplete'));
  // Another host's /lib/modprobe.d stays out.
  model.set(uri('/fleet/h2/lib/modprobe.d/targets.conf'), 'options bonding arp_ip_target=10.0.0.2\n', 'modprobe');
  assert.notEqual(model.hostOf(uri('/fleet/h2/lib/modprobe.d/targets.conf')), model.hostOf(uri(etc)));
});

test('cost: an ifcfg edit reuses the host\'s merged load; a modprobe edit redoes only that host\'s; other hosts are untouched', () => {
  const model = new WorkspaceModel();
  const h2 = '/fleet/h2/etc/modprobe.d';
  model.set(uri(A), 'options bonding mode=1 arp_interval=100\n', 'modprobe');
  model.set(uri(B), 'options bonding arp_ip_target=10.0.0.1\n', 'modprobe');
  model.set(uri(`${h2}/a.conf`), 'options bonding miimon=100\n', 'modprobe');
  model.set(uri(`${h2}/b.conf`), 'options bonding mode=4\n', 'modprobe');
  const ifcfg = '/fleet/h1/etc/sysconfig/network-scripts/ifcfg-eth0';
  model.set(uri(ifcfg), 'DEVICE=eth0\nONBOOT=yes\n', 'ifcfg');
  const get = (p: string) => bondingAnalysis(model.get(uri(p)) as ModprobeContext);
  const before = { a: get(A), b: get(B), other: get(`${h2}/a.conf`) };
  assert.equal(get(A), before.a, 'cached');
  model.set(uri(ifcfg), 'DEVICE=eth0\nONBOOT=no\n', 'ifcfg');
  assert.equal(get(A), before.a, 'an ifcfg change leaves the modprobe load alone');
  assert.equal(get(B), before.b);
  model.set(uri(A), 'options bonding mode=1 arp_interval=200\n', 'modprobe');
  assert.notEqual(get(B), before.b, 'b.conf sees a.conf\'s new text');
  assert.equal(get(B).scopes[0].arpIntervalGiven, 200);
  assert.equal(get(`${h2}/a.conf`), before.other, 'another host is not re-analysed');
});

test('the other rules judge the merged load and point to the file that decides', () => {
  // the mode in a.conf decides what b.conf's words do
  const m = host({ [A]: 'options bonding mode=802.3ad miimon=100\n', [B]: 'options bonding primary=eth0\n' });
  const ig = only(m.get(B), 'modprobe-ignored-in-mode');
  assert.equal(ig.length, 1);
  assert.match(String(ig[0].message), /802\.3ad \(set in a\.conf\)/);
  assert.deepEqual(ig[0].relatedInformation?.map((r) => r.location.uri), [uri(A)]);
  // … or its absence: balance-rr by default, lacp_rate ignored (no related information: nothing to point to)
  const rr = only(host({ [A]: 'options bonding miimon=100\n', [B]: 'options bonding lacp_rate=fast\n' }).get(B), 'modprobe-ignored-in-mode');
  assert.equal(rr.length, 1);
  assert.equal(rr[0].relatedInformation, undefined);
  // updelay in b.conf is rounded to a.conf's miimon
  const dr = only(host({ [A]: 'options bonding mode=active-backup miimon=100\n', [B]: 'options bonding updelay=250\n' }).get(B), 'modprobe-delay-not-multiple');
  assert.equal(dr.length, 1);
  assert.match(String(dr[0].message), /miimon \(100, set in a\.conf\)/);
  assert.equal(dr[0].relatedInformation?.[0].location.uri, uri(A));
  // … and needs no miimon warning when a.conf sets it; a.conf's miimon=0 makes it useless
  assert.deepEqual(only(host({ [A]: 'options bonding miimon=100\n', [B]: 'options bonding updelay=200\n' }).get(B), 'modprobe-delay-without-miimon'), []);
  const dw = only(host({ [A]: 'options bonding miimon=0\n', [B]: 'options bonding updelay=200\n' }).get(B), 'modprobe-delay-without-miimon');
  assert.equal(dw.length, 1);
  assert.match(String(dw[0].message), /miimon is 0 \(set in a\.conf\)/);
  // an ARP target repeated across files: reported where the kernel skips it, pointing at the first one
  const dup = host({ [A]: 'options bonding mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.2,10.0.0.1\n', [B]: 'options bonding arp_ip_target=10.0.0.1\n' });
  // b.conf's list overwrites position 0 with 10.0.0.1; a.conf's 10.0.0.1 at position 1 is then the repeat
  const bt = only(dup.get(A), 'modprobe-bad-arp-target');
  assert.equal(bt.length, 1);
  assert.match(String(bt[0].message), /given in b\.conf/);
  assert.equal(bt[0].relatedInformation?.[0].location.uri, uri(B));
  assert.deepEqual(codes(dup.get(B)), []);
  assert.ok(codes(dup.get(A)).includes('modprobe-duplicate-param'));
  // arp_ip_target in b.conf, arp_interval=0 in a.conf: the targets do nothing, and a.conf is named
  const inc = only(host({ [A]: 'options bonding arp_interval=0\n', [B]: 'options bonding arp_ip_target=10.0.0.1\n' }).get(B), 'modprobe-arp-incomplete');
  assert.equal(inc.length, 1);
  assert.match(String(inc[0].message), /set in a\.conf/);
  // an invalid xmit_hash_policy is harmless only because a.conf's mode skips it
  const iv = only(host({ [A]: 'options bonding mode=active-backup miimon=100\n', [B]: 'options bonding xmit_hash_policy=layer5\n' }).get(B), 'modprobe-invalid-value');
  assert.equal(iv.length, 1);
  assert.equal(iv[0].severity, 2);
  assert.match(String(iv[0].message), /active-backup \(set in a\.conf\)/);
});

test('arp_validate fix: offered when this file holds every arp_validate of the load, not when another file has one too', () => {
  const titles = (files: Record<string, string>, p: string) => {
    const { model, diags } = lintWorkspace(files);
    return codeActions(model.get(uri(p))!, only(diags.get(p), 'modprobe-arp-validate-without-arp')).map((a) => a.title);
  };
  assert.deepEqual(titles({ [A]: 'options bonding miimon=100\n', [B]: 'options bonding arp_validate=all\n' }, B), ['Remove arp_validate']);
  // a.conf's arp_validate=none is overridden by b.conf's (duplicate-param says so); removing b.conf's alone would leave a.conf's
  assert.deepEqual(titles({ [A]: 'options bonding arp_validate=none\n', [B]: 'options bonding arp_validate=all\n' }, B), []);
});

test('three files: the last by name wins; each overridden word is reported in its own file', () => {
  const d = host({ [`${D}/x.conf`]: 'options bonding mode=balance-rr\n', [`${D}/y.conf`]: 'options bonding mode=active-backup miimon=100\n', [`${D}/z.conf`]: 'options bonding mode=802.3ad\n' });
  for (const p of ['x.conf', 'y.conf']) {
    const dup = only(d.get(`${D}/${p}`), 'modprobe-duplicate-param');
    assert.equal(dup.length, 1, p);
    assert.match(String(dup[0].message), /overridden by mode=802\.3ad \(in z\.conf, line 1, which modprobe reads after this file/);
    assert.equal(dup[0].relatedInformation?.[0].location.uri, uri(`${D}/z.conf`));
  }
  assert.deepEqual(codes(d.get(`${D}/z.conf`)), []);
});

test('modprobe-hidden-file: a same-named file in a directory kmod reads first, or a dot file', () => {
  const model = new WorkspaceModel();
  const etc = '/fleet/h1/etc/modprobe.d/bonding.conf';
  const lib = '/fleet/h1/usr/lib/modprobe.d/bonding.conf';
  model.set(uri(lib), 'options bonding max_bonds=0\n', 'modprobe');
  assert.ok(!codes(diagnose(model.get(uri(lib))!)).includes('modprobe-hidden-file'), 'alone it is read');
  model.set(uri(etc), 'alias bond0 bonding\n', 'modprobe');
  const d = diagnose(model.get(uri(lib))!).find((x) => x.code === 'modprobe-hidden-file')!;
  assert.match(d.message as string, /bonding\.conf in \/fleet\/h1\/etc\/modprobe\.d has the same name/);
  assert.equal(d.relatedInformation?.[0].location.uri, uri(etc));
  assert.ok(!codes(diagnose(model.get(uri(etc))!)).includes('modprobe-hidden-file'), 'the /etc file is the one read');
  model.set(uri('/fleet/h1/etc/modprobe.d/.old.conf'), 'options bonding mode=4\n', 'modprobe');
  assert.match(diagnose(model.get(uri('/fleet/h1/etc/modprobe.d/.old.conf'))!).find((x) => x.code === 'modprobe-hidden-file')!.message as string, /starts with a dot\. Rename it to old\.conf/);
  // modprobe.conf outside modprobe.d is another rule's business.
  model.set(uri('/fleet/h1/etc/modprobe.conf'), 'alias bond0 bonding\n', 'modprobe');
  assert.ok(!codes(diagnose(model.get(uri('/fleet/h1/etc/modprobe.conf'))!)).includes('modprobe-hidden-file'));
});

test('a file kmod never reads gets modprobe-hidden-file and no load-time findings; renamed, it gets them', () => {
  const body = 'alias bond0 bondign\noptions bonding mode=1 arp_interval=100\n';
  const ifcfg = '/fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0';
  const model = new WorkspaceModel();
  model.set(uri(ifcfg), 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\n', 'ifcfg');
  model.set(uri('/fleet/h1/etc/modprobe.d/bonding.conf'), 'alias bond0 bonding\n', 'modprobe');
  model.set(uri('/fleet/h1/usr/lib/modprobe.d/bonding.conf'), body, 'modprobe');
  model.set(uri('/fleet/h1/etc/modprobe.d/.bonding.conf'), body, 'modprobe');
  for (const p of ['/fleet/h1/usr/lib/modprobe.d/bonding.conf', '/fleet/h1/etc/modprobe.d/.bonding.conf']) {
    assert.deepEqual(codes(diagnose(model.get(uri(p))!)), ['modprobe-hidden-file'], p);
  }
  model.set(uri('/fleet/h1/usr/lib/modprobe.d/extra.conf'), body, 'modprobe');
  const read = codes(diagnose(model.get(uri('/fleet/h1/usr/lib/modprobe.d/extra.conf'))!));
  for (const id of ['modprobe-alias-target', 'modprobe-arp-incomplete', 'modprobe-options-with-bonding-opts']) assert.ok(read.includes(id), `${id} in ${read.join(',')}`);
  assert.ok(!read.includes('modprobe-hidden-file'));
});
