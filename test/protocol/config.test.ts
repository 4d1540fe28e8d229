// Per-rule configuration over real stdio: .bondlintrc (walked up from the file), the bonding.rules
// setting on top of it, re-validation when either changes, and codeDescription links.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { Client, startServer, uriOf } from '../helpers/lsp-client';

let root: string;
let c: Client;
let uri: string;
const text = 'DEVICE=eth0\nONBOOT = yes\nexport MTU=9000\n';
const codes = (p: { diagnostics: { code?: string | number; severity?: number }[] }) => p.diagnostics.map((d) => `${d.code}:${d.severity}`);

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bonding-cfg-'));
  const ns = path.join(root, 'h1', 'etc', 'sysconfig', 'network-scripts');
  fs.mkdirSync(ns, { recursive: true });
  fs.writeFileSync(path.join(root, '.bondlintrc'), '[rules]\nexport-prefix = off\n');
  fs.writeFileSync(path.join(ns, 'ifcfg-eth0'), text);
  uri = uriOf(path.join(ns, 'ifcfg-eth0'));
  // A client without workspace/configuration: settings arrive pushed in didChangeConfiguration.
  c = await startServer({ rootUri: uriOf(root) });
});
after(async () => { await c.stop(); fs.rmSync(root, { recursive: true, force: true }); });

test('.bondlintrc found by walking up turns a rule off; diagnostics link to their rule page', async () => {
  const p = c.waitDiagnostics(uri);
  c.open(uri, 'ifcfg', text);
  const d = await p;
  assert.deepEqual(codes(d), ['spaces-around-equals:1']);
  assert.match(d.diagnostics[0].codeDescription!.href, /docs\/rules\/spaces-around-equals\.md$/);
});

test('the bonding.rules setting overrides .bondlintrc and re-validates open documents', async () => {
  const p = c.waitDiagnostics(uri, (x) => codes(x).includes('spaces-around-equals:2'));
  await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { bonding: { rules: { 'spaces-around-equals': 'warning', 'export-prefix': 'error', bogus: 'loud' } } } });
  assert.deepEqual(codes(await p), ['spaces-around-equals:2', 'export-prefix:1']);
  const q = c.waitDiagnostics(uri, (x) => codes(x).includes('spaces-around-equals:1'));
  await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { bonding: { rules: {} } } });
  await q;
});

test('editing .bondlintrc on disk re-validates', async () => {
  fs.writeFileSync(path.join(root, '.bondlintrc'), '[rules]\nspaces-around-equals = off\n');
  const p = c.waitDiagnostics(uri, (x) => codes(x).join() === 'export-prefix:2');
  await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path.join(root, '.bondlintrc')), type: FileChangeType.Changed as FileChangeType }] });
  await p;
});
