// The built server over real stdio JSON-RPC.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CompletionRequest, CompletionResolveRequest, CompletionList, HoverRequest, CodeActionRequest, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { Client, SERVER, startServer } from '../helpers/lsp-client';

const BOND = 'file:///fleet/h1/etc/sysconfig/network-scripts/ifcfg-bond0';
const CONF = 'file:///fleet/h1/etc/modprobe.d/bonding.conf';
let c: Client;

before(async () => { c = await startServer(); });
after(async () => { assert.equal(await c.stop(), 0); });

test('publishes diagnostics on open and on change (push model)', async () => {
  const first = c.waitDiagnostics(BOND);
  c.open(BOND, 'ifcfg', 'DEVICE=bond0\nONBOOT = yes\n', 1);
  const p = await first;
  const d = p.diagnostics.find((x) => x.code === 'spaces-around-equals');
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } });
  assert.equal(d.severity, 1);
  assert.equal(d.source, 'bonding');
  const second = c.waitDiagnostics(BOND, (x) => x.version === 2);
  c.change(BOND, 2, 'DEVICE=bond0\nONBOOT=yes\n');
  assert.deepEqual((await second).diagnostics.filter((x) => x.code === 'spaces-around-equals'), []);
});

test('a client that supports pull but did not ask for it still gets pushes', async () => {
  const pc = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} } } });
  try {
    const p = pc.waitDiagnostics(BOND);
    pc.open(BOND, 'ifcfg', 'ONBOOT = yes\n', 1);
    assert.ok((await p).diagnostics.some((d) => d.code === 'spaces-around-equals'));
  } finally {
    await pc.stop();
  }
});

test('completion returns ifcfg keys', async () => {
  c.open(BOND + '-c', 'ifcfg', 'DEVICE=bond0\n\n', 1);
  const r = await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: BOND + '-c' }, position: { line: 1, character: 0 } }) as CompletionList;
  const labels = r.items.map((i) => i.label);
  assert.ok(labels.includes('BONDING_OPTS'), labels.join(','));
  assert.ok(labels.includes('ONBOOT'));
  assert.ok(!labels.includes('DEVICE'));
  // Documentation arrives with completionItem/resolve, not in the list.
  const opts = r.items.find((i) => i.label === 'BONDING_OPTS')!;
  assert.equal(opts.documentation, undefined);
  const resolved = await c.conn.sendRequest(CompletionResolveRequest.type, opts);
  assert.match(JSON.stringify(resolved.documentation), /BONDING_OPTS/);
  assert.equal(resolved.label, 'BONDING_OPTS');
});

test('code action fixes spaces around =', async () => {
  const uri = BOND + '-fix';
  const p = c.waitDiagnostics(uri);
  c.open(uri, 'ifcfg', 'MTU = 9000\n', 1);
  const diags = (await p).diagnostics;
  const actions = await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags },
  });
  assert.ok(actions && actions.length >= 1);
  const a = actions[0] as { edit: { changes: Record<string, { newText: string }[]> } };
  assert.equal(a.edit.changes[uri][0].newText, '=');
});

test('modprobe documents are linted', async () => {
  const p = c.waitDiagnostics(CONF);
  c.open(CONF, 'modprobe', 'alias bond0 bonding\n  # x\n', 1);
  assert.deepEqual((await p).diagnostics.map((d) => d.code), ['modprobe-indented-comment']);
});

test('hover answers without crashing for unknown positions and documents', async () => {
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nope/ifcfg-x' }, position: { line: 99, character: 99 } });
  assert.equal(h, null);
});

test('closing a document clears its diagnostics', async () => {
  const p = c.waitDiagnostics(CONF, (x) => x.diagnostics.length === 0);
  c.close(CONF);
  await p;
});

test('a client that asks for pull diagnostics gets them by pull only (no duplicate push)', async () => {
  const pc = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} } }, initializationOptions: { pullDiagnostics: true } });
  try {
    pc.open(BOND, 'ifcfg', 'ONBOOT = yes\n', 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(pc.diagnostics.get(BOND), undefined, 'pushed diagnostics to a pull client');
    const r = await pc.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: BOND } });
    assert.equal(r.kind, 'full');
    assert.ok((r as { items: { code: string }[] }).items.some((d) => d.code === 'spaces-around-equals'));
  } finally {
    await pc.stop();
  }
});

test('stdout carries only JSON-RPC (nothing before the first header)', () => {
  const r = spawnSync(process.execPath, [SERVER, '--stdio'], { input: '', timeout: 5000 });
  assert.equal(r.stdout.length, 0, `unexpected stdout: ${r.stdout}`);
});

test('runs over node IPC too', async () => {
  const { fork } = await import('node:child_process');
  const { createProtocolConnection, IPCMessageReader, IPCMessageWriter, InitializeRequest } = await import('vscode-languageserver-protocol/node');
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  const r = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  assert.equal(r.serverInfo?.name, 'bonding-language-server');
  conn.dispose();
  child.kill();
});

test('source.fixAll returns one minimal edit with every safe fix; quick fixes are not mixed in', async () => {
  const uri = BOND + '-fixall';
  const text = '# keep\nexport MTU = 9000\nNM_CONTROLLED=no   //off\n';
  const p = c.waitDiagnostics(uri);
  c.open(uri, 'ifcfg', text, 1);
  await p;
  const actions = await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
  }) as { kind: string; edit: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } }[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll');
  const [edit] = actions[0].edit.changes[uri];
  assert.equal(edit.range.start.line, 1, 'the comment line is not part of the edit');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'ifcfg', 1, text), actions[0].edit.changes[uri] as never);
  assert.equal(after, '# keep\nMTU=9000\nNM_CONTROLLED=no   #off\n');
});
