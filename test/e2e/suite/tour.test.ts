// A tour of the language features in real VS Code, asserted through the API and captured as
// screenshots (test-results/*.png; the best ones are copied to docs/images/ for the README).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { labels, NS, screenshot, waitFor, workspaceFile } from './util';

export function defineTourTests(suite: Mocha.SuiteFunction, test: Mocha.TestFunction): void {
  suite('tour: hover, completion, quick fix, navigation', function () {
    this.timeout(90000);
    let doc: vscode.TextDocument;
    let editor: vscode.TextEditor;
    const bondUri = () => workspaceFile(...NS, 'ifcfg-bond0');

    suiteSetup(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      doc = await vscode.workspace.openTextDocument(bondUri());
      editor = await vscode.window.showTextDocument(doc);
    });

    test('hover on a mode value explains the mode and what the switch needs', async () => {
      const line = doc.lineAt(3).text;
      const pos = new vscode.Position(3, line.indexOf('active-backup') + 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const text = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n');
      assert.match(text, /Switch/);
      assert.match(text, /active-backup/);
      editor.selection = new vscode.Selection(pos, pos);
      await vscode.commands.executeCommand('editor.action.showHover');
      await new Promise((r) => setTimeout(r, 800));
      await screenshot('hover-mode');
      console.log('HOVER ' + text.split('\n')[0]);
    });

    test('completion inside BONDING_OPTS offers the options of the mode first', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      editor = await vscode.window.showTextDocument(doc);
      const line = doc.lineAt(3).text;
      const col = line.lastIndexOf('"');
      await editor.edit((e) => e.insert(new vscode.Position(3, col), ' '));
      const pos = new vscode.Position(3, col + 1);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const l = labels(list);
      assert.ok(l.includes('primary') && l.includes('updelay'), l.join(','));
      // The documentation comes with completionItem/resolve (VS Code resolves the items it shows).
      const resolved = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, undefined, list.items.length);
      const primary = resolved.items.find((i) => i.label === 'primary' || (i.label as vscode.CompletionItemLabel).label === 'primary');
      const docText = (d: vscode.CompletionItem['documentation']) => (typeof d === 'string' ? d : d?.value ?? '');
      assert.match(docText(primary?.documentation), /primary/, 'resolved item has documentation');
      editor.selection = new vscode.Selection(pos, pos);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 1200));
      await screenshot('completion-bonding-opts');
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('undo');
      console.log('COMPL ' + l.slice(0, 8).join(','));
    });

    test('a quick fix removes the spaces around = and only them', async () => {
      const diag = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'spaces-around-equals'), 30000, 'diagnostic');
      editor.selection = new vscode.Selection(diag.range.start, diag.range.start);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('editor.action.quickFix');
      await new Promise((r) => setTimeout(r, 1200));
      await screenshot('quick-fix');
      await vscode.commands.executeCommand('hideCodeActionWidget');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
      const fix = actions.find((a) => a.title.startsWith('Remove the spaces'));
      assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
      const before = doc.getText();
      await vscode.workspace.applyEdit(fix.edit);
      assert.strictEqual(doc.getText(), before.replace('ONBOOT = yes', 'ONBOOT=yes'));
      await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'spaces-around-equals') ? undefined : true), 30000, 'diagnostic gone');
      await vscode.commands.executeCommand('undo');
      console.log('FIX ' + fix.title);
    });

    test('go to definition: MASTER=bond0 in a member opens the bond', async () => {
      const member = await vscode.workspace.openTextDocument(workspaceFile(...NS, 'ifcfg-eth0'));
      const line = member.getText().split('\n').findIndex((l) => l.startsWith('MASTER='));
      const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', member.uri, new vscode.Position(line, 9));
      const uri = 'targetUri' in locs[0] ? locs[0].targetUri : locs[0].uri;
      assert.strictEqual(uri.fsPath, bondUri().fsPath);
    });

    test('find references of the bond lists both members and the modprobe alias', async () => {
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, new vscode.Position(0, 8));
      const names = refs.map((r) => r.uri.path.split('/').pop()).sort();
      for (const n of ['bonding.conf', 'ifcfg-eth0', 'ifcfg-eth1']) assert.ok(names.includes(n), names.join(','));
    });

    test('rename the bond: members follow and the file is renamed', async () => {
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(0, 8), 'bond5');
      const entries = edit.entries().map(([u]) => u.path.split('/').pop());
      assert.ok(entries.includes('ifcfg-eth0') && entries.includes('ifcfg-eth1'), entries.join(','));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const renamed = workspaceFile(...NS, 'ifcfg-bond5');
      await waitFor(async () => { try { await vscode.workspace.fs.stat(renamed); return true; } catch { return undefined; } }, 10000, 'renamed file');
      const member = await vscode.workspace.openTextDocument(workspaceFile(...NS, 'ifcfg-eth0'));
      assert.match(member.getText(), /MASTER=bond5/);
      const bond = await vscode.workspace.openTextDocument(renamed);
      assert.match(bond.getText(), /^DEVICE=bond5$/m);
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
      // Rename back, so later runs and screenshots see bond0.
      const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', renamed, new vscode.Position(0, 8), 'bond0');
      assert.ok(await vscode.workspace.applyEdit(back));
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
    });

    test('New Bond prompt (for the screenshot)', async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bondUri()));
      const run = vscode.commands.executeCommand('bonding.newBond');
      await new Promise((r) => setTimeout(r, 1500));
      await screenshot('new-bond');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await run;
    });
  });
}
