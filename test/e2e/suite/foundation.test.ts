// The foundation: languages detected, extension active, server diagnostics and completion arrive.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { labels, NS, waitFor, workspaceFile } from './util';

export function defineFoundationTests(suite: Mocha.SuiteFunction, test: Mocha.TestFunction): void {
  suite('foundation', function () {
    this.timeout(60000);
    let bond: vscode.TextDocument;

    test('ifcfg-* files get the ifcfg language', async () => {
      bond = await vscode.workspace.openTextDocument(workspaceFile(...NS, 'ifcfg-bond0'));
      await vscode.window.showTextDocument(bond);
      assert.strictEqual(bond.languageId, 'ifcfg');
    });

    test('modprobe.d/*.conf files get the modprobe language', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('host-a', 'etc', 'modprobe.d', 'bonding.conf'));
      assert.strictEqual(doc.languageId, 'modprobe');
    });

    test('the extension activates on the language', async () => {
      const ext = vscode.extensions.getExtension('bonding-tools.bonding-config');
      assert.ok(ext, 'extension bonding-tools.bonding-config not found');
      await waitFor(() => (ext.isActive ? true : undefined), 30000, 'activation');
    });

    test('the server reports spaces around = as an error on the exact range', async () => {
      const diags = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(bond.uri).filter((x) => x.source === 'bonding');
        return d.length > 0 ? d : undefined;
      }, 30000, 'diagnostics');
      const all = diags.filter((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'spaces-around-equals');
      assert.strictEqual(all.length, 1, `expected exactly one spaces-around-equals, got ${JSON.stringify(diags.map((x) => x.code))}`);
      const d = all[0];
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.character], [4, 6, 9]);
      console.log('DIAG ' + d.message);
    });

    test('modprobe diagnostics arrive too (indented comment)', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('host-a', 'etc', 'modprobe.d', 'bonding.conf'));
      const diags = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'bonding');
        return d.length > 0 ? d : undefined;
      }, 30000, 'modprobe diagnostics');
      assert.ok(diags.some((x) => x.range.start.line === 1), JSON.stringify(diags));
    });

    test('completion offers the common ifcfg keys', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', bond.uri, new vscode.Position(9, 0));
      const l = labels(list);
      for (const k of ['MTU', 'GATEWAY']) assert.ok(l.includes(k), `${k} missing from ${l.slice(0, 30).join(',')}`);
      assert.ok(!l.includes('DEVICE'), 'DEVICE is already set and must not be offered again');
      console.log('COMPL ' + l.length + ' items');
    });

    test('Restart Language Server command restarts and diagnostics come back', async () => {
      await vscode.commands.executeCommand('bonding.restartServer');
      const editor = await vscode.window.showTextDocument(bond);
      await editor.edit((e) => e.insert(new vscode.Position(9, 0), 'MTU = 9000\n'));
      await waitFor(() => {
        const d = vscode.languages.getDiagnostics(bond.uri).filter((x) => x.source === 'bonding' && x.range.start.line === 9);
        return d.length > 0 ? d : undefined;
      }, 30000, 'diagnostics after restart');
      await vscode.commands.executeCommand('undo');
    });

    test('show the Problems panel (screenshot)', async () => {
      await vscode.window.showTextDocument(bond);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const signal = process.env.BONDING_SHOT_SIGNAL;
      if (signal) {
        console.log('READY_FOR_SCREENSHOT');
        await waitFor(() => (fs.existsSync(signal) ? true : undefined), 30000, 'screenshot signal');
      }
    });
  });
}
