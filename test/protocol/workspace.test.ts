// The server's workspace model over real stdio: indexing from disk, cross-file diagnostics,
// refresh on edits and on file-watch events, hosts kept apart.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { Client, startServer, uriOf } from '../helpers/lsp-client';

let root: string;
let c: Client;
const ns = (h: string) => path.join(root, h, 'etc', 'sysconfig', 'network-scripts');
const bondText = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100"\nONBOOT=yes\nNM_CONTROLLED=no\n';
const memberText = (dev: string) => `DEVICE=${dev}\nMASTER=bond0\nSLAVE=yes\nONBOOT=yes\nBOOTPROTO=none\nNM_CONTROLLED=no\n`;
const codesOf = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bonding-ws-'));
  for (const h of ['h1', 'h2']) fs.mkdirSync(ns(h), { recursive: true });
  fs.writeFileSync(path.join(ns('h1'), 'ifcfg-bond0'), bondText);
  fs.writeFileSync(path.join(ns('h1'), 'ifcfg-eth0'), memberText('eth0'));
  fs.writeFileSync(path.join(ns('h1'), 'ifcfg-eth1'), memberText('eth1'));
  // h2 has members naming bond0 but no bond0 of its own: h1's bond0 must not count.
  fs.writeFileSync(path.join(ns('h2'), 'ifcfg-eth0'), memberText('eth0'));
  c = await startServer({ rootUri: uriOf(root), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } } });
});
after(async () => { await c.stop(); fs.rmSync(root, { recursive: true, force: true }); });

test('files not open are indexed from disk: a member in h2 naming h1\'s bond is still an orphan', async () => {
  const uri = uriOf(path.join(ns('h2'), 'ifcfg-eth0'));
  const p = c.waitDiagnostics(uri, (x) => codesOf(x).includes('master-missing-bond'));
  c.open(uri, 'ifcfg', memberText('eth0'));
  await p;
  const h1 = uriOf(path.join(ns('h1'), 'ifcfg-eth0'));
  const q = c.waitDiagnostics(h1);
  c.open(h1, 'ifcfg', memberText('eth0'));
  assert.ok(!codesOf(await q).includes('master-missing-bond'));
});

test('typing in the bond file refreshes the open member (NM_CONTROLLED mismatch appears and goes)', async () => {
  const bond = uriOf(path.join(ns('h1'), 'ifcfg-bond0'));
  const member = uriOf(path.join(ns('h1'), 'ifcfg-eth0'));
  c.open(bond, 'ifcfg', bondText, 1);
  const bad = c.waitDiagnostics(member, (x) => codesOf(x).includes('nm-controlled-mismatch'));
  c.change(bond, 2, bondText.replace('NM_CONTROLLED=no', 'NM_CONTROLLED=yes'));
  const d = (await bad).diagnostics.find((x) => x.code === 'nm-controlled-mismatch')!;
  assert.equal(d.relatedInformation?.[0].location.uri, bond);
  const good = c.waitDiagnostics(member, (x) => !codesOf(x).includes('nm-controlled-mismatch'));
  c.change(bond, 3, bondText);
  await good;
});

test('a member file deleted on disk refreshes the open bond (bond-without-members), and a new file fixes it', async () => {
  const bondUri = uriOf(path.join(ns('h1'), 'ifcfg-bond0'));
  const eth0 = uriOf(path.join(ns('h1'), 'ifcfg-eth0'));
  c.close(eth0);
  await new Promise((r) => setTimeout(r, 200));
  for (const f of ['ifcfg-eth0', 'ifcfg-eth1']) fs.rmSync(path.join(ns('h1'), f));
  const p = c.waitDiagnostics(bondUri, (x) => codesOf(x).includes('bond-without-members'));
  await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: ['ifcfg-eth0', 'ifcfg-eth1'].map((f) => ({ uri: uriOf(path.join(ns('h1'), f)), type: FileChangeType.Deleted as FileChangeType })) });
  await p;
  fs.writeFileSync(path.join(ns('h1'), 'ifcfg-eth2'), memberText('eth2'));
  const q = c.waitDiagnostics(bondUri, (x) => !codesOf(x).includes('bond-without-members'));
  await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path.join(ns('h1'), 'ifcfg-eth2')), type: FileChangeType.Created }] });
  await q;
});

test('topology request lists hosts, bonds and members', async () => {
  const t = await c.conn.sendRequest('bonding/topology', {}) as { hosts: { name: string; bonds: { device: string; mode: string; members: { device: string }[] }[] }[] };
  const h1 = t.hosts.find((h) => h.name.endsWith('h1'))!;
  assert.equal(h1.bonds[0].device, 'bond0');
  assert.equal(h1.bonds[0].mode, 'active-backup');
  assert.deepEqual(h1.bonds[0].members.map((m) => m.device), ['eth2']);
});

test('bonding/topologyChanged is sent when the topology changes, not on every keystroke', async () => {
  let changed = 0;
  const sub = c.conn.onNotification('bonding/topologyChanged', () => { changed++; });
  try {
    const uri = uriOf(path.join(ns('h3'), 'ifcfg-bond0'));
    const opened = c.waitDiagnostics(uri);
    c.open(uri, 'ifcfg', bondText, 100);
    await opened;
    let v = 100;
    const edit = async (text: string) => {
      const version = ++v;
      const p = c.waitDiagnostics(uri, (x) => (x as { version?: number }).version === version);
      c.change(uri, version, text);
      await p;
      // Let a notification sent with the diagnostics arrive.
      await c.conn.sendRequest('bonding/topology', {});
    };
    await edit(bondText);
    changed = 0;
    for (let i = 0; i < 5; i++) await edit(bondText + `# comment ${i}\n`);
    await edit(bondText.replace('ONBOOT=yes', 'ONBOOT=no'));
    assert.equal(changed, 0, 'comments and keys the topology does not show change nothing');
    await edit(bondText.replace('mode=active-backup', 'mode=802.3ad'));
    assert.equal(changed, 1, 'a new mode is a new topology');
    await edit(bondText.replace('mode=active-backup', 'mode=802.3ad') + '# again\n');
    assert.equal(changed, 1);
    await edit(bondText);
    assert.equal(changed, 2);
  } finally {
    sub.dispose();
  }
});
