// Navigation over real stdio: definition, references, rename (with the file rename), symbols,
// links, code lenses and inlay hints, in a two-host workspace with the same names in both hosts.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DefinitionRequest, ReferencesRequest, RenameRequest, PrepareRenameRequest, DocumentSymbolRequest,
  WorkspaceSymbolRequest, CodeLensRequest, InlayHintRequest, DocumentLinkRequest, Location, WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { Client, startServer, uriOf } from '../helpers/lsp-client';

let root: string;
let c: Client;
const ns = (h: string) => path.join(root, h, 'etc', 'sysconfig', 'network-scripts');
const bondText = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100 primary=eth0"\nNM_CONTROLLED=no\n';
const memberText = (dev: string) => `DEVICE=${dev}\nMASTER="bond0"\nSLAVE=yes\nNM_CONTROLLED=no\n`;
const u = (h: string, f: string) => uriOf(path.join(ns(h), f));

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bonding-nav-'));
  for (const h of ['h1', 'h2']) {
    fs.mkdirSync(ns(h), { recursive: true });
    fs.writeFileSync(path.join(ns(h), 'ifcfg-bond0'), bondText);
    fs.writeFileSync(path.join(ns(h), 'ifcfg-eth0'), memberText('eth0'));
    fs.writeFileSync(path.join(ns(h), 'ifcfg-eth1'), memberText('eth1'));
  }
  fs.mkdirSync(path.join(root, 'h1', 'etc', 'modprobe.d'));
  fs.writeFileSync(path.join(root, 'h1', 'etc', 'modprobe.d', 'bonding.conf'), 'alias bond0 bonding\n');
  c = await startServer({
    rootUri: uriOf(root),
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } }, textDocument: { publishDiagnostics: {} } },
  });
  c.open(u('h1', 'ifcfg-eth0'), 'ifcfg', memberText('eth0'));
  c.open(u('h1', 'ifcfg-bond0'), 'ifcfg', bondText);
  await c.waitDiagnostics(u('h1', 'ifcfg-bond0'));
});
after(async () => { await c.stop(); fs.rmSync(root, { recursive: true, force: true }); });

test('definition: MASTER="bond0" goes to h1\'s bond DEVICE, not h2\'s', async () => {
  const r = await c.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: u('h1', 'ifcfg-eth0') }, position: { line: 1, character: 9 } }) as Location[];
  assert.equal(r.length, 1);
  assert.equal(r[0].uri, u('h1', 'ifcfg-bond0'));
  assert.equal(r[0].range.start.line, 0);
});

test('references of the bond: both members, the modprobe alias; nothing from h2', async () => {
  const r = await c.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, position: { line: 0, character: 8 }, context: { includeDeclaration: false } }) as Location[];
  const files = r.map((l) => path.relative(root, new URL(l.uri).pathname)).sort();
  assert.ok(files.includes(path.join('h1', 'etc', 'modprobe.d', 'bonding.conf')));
  assert.ok(files.includes(path.join('h1', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-eth0')));
  assert.ok(files.includes(path.join('h1', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-eth1')));
  assert.ok(files.every((f) => f.startsWith('h1')), files.join(','));
});

test('rename bond0 → bond7: every reference in h1, quotes kept, the file renamed; h2 untouched', async () => {
  const prep = await c.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, position: { line: 0, character: 8 } });
  assert.ok(prep && 'placeholder' in prep && prep.placeholder === 'bond0');
  const edit = await c.conn.sendRequest(RenameRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, position: { line: 0, character: 8 }, newName: 'bond7' }) as WorkspaceEdit;
  const changes = edit.documentChanges!;
  const renames = changes.filter((x) => 'kind' in x && x.kind === 'rename') as { oldUri: string; newUri: string }[];
  assert.deepEqual(renames.map((r) => [r.oldUri, r.newUri]), [[u('h1', 'ifcfg-bond0'), u('h1', 'ifcfg-bond7')]]);
  const texts = changes.filter((x) => 'textDocument' in x) as { textDocument: { uri: string }; edits: { newText: string; range: { start: { character: number } } }[] }[];
  assert.ok(texts.every((t) => t.textDocument.uri.includes('/h1/')));
  const eth0 = texts.find((t) => t.textDocument.uri === u('h1', 'ifcfg-eth0'))!;
  assert.deepEqual(eth0.edits.map((e) => [e.range.start.character, e.newText]), [[8, 'bond7']]);
  await assert.rejects(c.conn.sendRequest(RenameRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, position: { line: 0, character: 8 }, newName: 'eth1' }));
  await assert.rejects(c.conn.sendRequest(RenameRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, position: { line: 0, character: 8 }, newName: 'a/b' }));
});

test('symbols, links, code lens and inlay hints', async () => {
  const ds = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') } }) as { name: string; children?: { name: string }[] }[];
  const opts = ds.find((s) => s.name === 'BONDING_OPTS')!;
  assert.deepEqual(opts.children!.map((x) => x.name), ['mode', 'miimon', 'primary']);
  const ws = await c.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'bond0' }) as { name: string }[];
  assert.ok(ws.length >= 2);
  const links = await c.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: u('h1', 'ifcfg-eth0') } });
  assert.equal(links![0].target, u('h1', 'ifcfg-bond0'));
  const lenses = await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') } });
  assert.match(lenses![0].command!.title, /active-backup · 2 members: eth0, eth1 · primary eth0/);
  const hints = await c.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: u('h1', 'ifcfg-bond0') }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
  const labels = hints!.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
  assert.ok(labels.includes('active-backup'), labels.join(','));
  assert.ok(labels.includes('ms'), labels.join(','));
});
