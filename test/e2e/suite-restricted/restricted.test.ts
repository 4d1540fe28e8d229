// Restricted Mode (untrusted workspace): the extension declares untrustedWorkspaces.supported = true,
// so the language server must still analyse, and New Bond, the one command that writes files, must
// ask for confirmation (a modal) before writing anything.
//
// How the modal is observed: when VS Code runs an extension test suite (extensionTestsPath), its
// DialogService refuses to show modal dialogs and rejects the request with
// "DialogService: refused to show dialog in tests. Contents: <the dialog's message>" (desktop and web
// alike; see workbench/services/dialogs/common/dialogService.ts). Only modal messages go through the
// DialogService (a non-modal showWarningMessage becomes a notification and would leave the command
// pending), so a rejection carrying New Bond's question is proof that the modal was asked for, and,
// since the refusal counts as "not confirmed", the workspace must be left exactly as it was.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { labels, NS, waitFor, workspaceFile } from '../suite/util';

/** Every file under the workspace folder, with its bytes (as text). */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(root, p), fs.readFileSync(p, 'latin1'));
    }
  };
  walk(root);
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [k, v] of after) if (!before.has(k)) changes.push(`+ ${k}`); else if (before.get(k) !== v) changes.push(`~ ${k}`);
  for (const k of before.keys()) if (!after.has(k)) changes.push(`- ${k}`);
  return changes;
}

function code(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function defineRestrictedTests(suite: Mocha.SuiteFunction, test: Mocha.TestFunction): void {
  suite('restricted mode (untrusted workspace)', function () {
    this.timeout(60000);
    let bond: vscode.TextDocument;
    const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
    const ns = () => workspaceFile(...NS);

    test('the workspace is not trusted, with workspace trust enabled', () => {
      assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner must open the folder untrusted');
      const trust = vscode.workspace.getConfiguration('security.workspace.trust');
      assert.strictEqual(trust.get('enabled'), true, 'security.workspace.trust.enabled from the user settings');
      assert.strictEqual(trust.get('startupPrompt'), 'never', 'security.workspace.trust.startupPrompt from the user settings');
      console.log(`RESTRICTED isTrusted=${vscode.workspace.isTrusted}, folder ${root()}`);
    });

    test('the extension is enabled and activates in Restricted Mode', async () => {
      const ext = vscode.extensions.getExtension('bonding-tools.bonding-config');
      assert.ok(ext, 'extension bonding-tools.bonding-config not found (disabled in Restricted Mode?)');
      assert.strictEqual(ext.packageJSON?.capabilities?.untrustedWorkspaces?.supported, true);
      bond = await vscode.workspace.openTextDocument(workspaceFile(...NS, 'ifcfg-bond0'));
      await vscode.window.showTextDocument(bond);
      assert.strictEqual(bond.languageId, 'ifcfg');
      await waitFor(() => (ext.isActive ? true : undefined), 30000, 'activation');
    });

    test('the server still publishes diagnostics: spaces around = in ifcfg-bond0', async () => {
      const diags = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(bond.uri).filter((x) => x.source === 'bonding');
        return d.length > 0 ? d : undefined;
      }, 30000, 'diagnostics');
      const all = diags.filter((x) => code(x) === 'spaces-around-equals');
      assert.strictEqual(all.length, 1, `expected exactly one spaces-around-equals, got ${JSON.stringify(diags.map(code))}`);
      assert.strictEqual(all[0].severity, vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual([all[0].range.start.line, all[0].range.start.character, all[0].range.end.character], [4, 6, 9]);
      console.log('DIAG ' + all[0].message.split(':')[0]);
    });

    test('modprobe diagnostics arrive too', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('host-a', 'etc', 'modprobe.d', 'bonding.conf'));
      assert.strictEqual(doc.languageId, 'modprobe');
      const diags = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'bonding');
        return d.length > 0 ? d : undefined;
      }, 30000, 'modprobe diagnostics');
      assert.ok(diags.some((x) => x.range.start.line === 1), JSON.stringify(diags));
    });

    test('hover on a mode value explains the mode', async () => {
      const line = bond.lineAt(3).text;
      const pos = new vscode.Position(3, line.indexOf('active-backup') + 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bond.uri, pos);
      const text = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n');
      assert.match(text, /active-backup/);
      assert.match(text, /Switch/);
      console.log('HOVER ' + text.split('\n')[0]);
    });

    test('completion offers the common ifcfg keys', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', bond.uri, new vscode.Position(9, 0));
      const l = labels(list);
      for (const k of ['MTU', 'GATEWAY']) assert.ok(l.includes(k), `${k} missing from ${l.slice(0, 30).join(',')}`);
      console.log('COMPL ' + l.length + ' items');
    });

    test('New Bond asks for confirmation with a modal and, unconfirmed, writes nothing', async () => {
      // A spare interface, so the bond would both create files and edit an existing one.
      const eth2 = workspaceFile(...NS, 'ifcfg-eth2');
      fs.writeFileSync(eth2.fsPath, 'DEVICE=eth2\nTYPE=Ethernet\nBOOTPROTO=none\nIPADDR=192.0.2.77\nPREFIX=24\nONBOOT=yes\nNM_CONTROLLED=no\n');
      const before = snapshot(root());
      const run = Promise.resolve(vscode.commands.executeCommand('bonding.newBond', {
        folder: ns().fsPath, name: 'bond1', mode: 'active-backup', members: ['eth2', 'eth3'], ipv4: 'dhcp',
      }));
      let outcome: { value?: unknown; error?: Error } | undefined;
      run.then((value) => { outcome = { value }; }, (error: Error) => { outcome = { error }; });
      await waitFor(() => outcome, 15000,
        'New Bond to ask for confirmation (no modal request within 15 s: a non-modal message, or a VS Code that shows dialogs to tests)');
      const wrote = (outcome!.value as { created?: vscode.Uri[]; edited?: vscode.Uri[] } | undefined);
      assert.ok(outcome!.error, `New Bond went ahead without a modal confirmation: ${[...(wrote?.created ?? []), ...(wrote?.edited ?? [])].map((u) => path.basename(u.fsPath)).join(', ') || JSON.stringify(outcome!.value)}`);
      const m = /refused to show dialog in tests\. Contents: (.*)$/s.exec(outcome!.error.message);
      assert.ok(m, `expected the modal to be refused by the test host, got: ${outcome!.error.message}`);
      assert.match(m[1], /not trusted/);
      assert.match(m[1], /Create 2 file\(s\) and change 1 for bond bond1\?/);
      // Nothing written, not even later, and nothing changed in memory either.
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepStrictEqual(diff(before, snapshot(root())), [], 'files changed without confirmation');
      const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => vscode.workspace.asRelativePath(d.uri));
      assert.deepStrictEqual(dirty, [], 'documents changed without confirmation');
      console.log(`RESTRICTED New Bond asked "${m[1]}" and wrote nothing (${before.size} files unchanged)`);
    });

    test('the workspace is still untrusted at the end', () => {
      assert.strictEqual(vscode.workspace.isTrusted, false);
    });
  });
}
