// Authoring in real VS Code: snippets are contributed and expand to clean files, New Bond writes a
// bond as one undoable workspace edit, and the topology view shows what the server knows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { labels, NS, waitFor, workspaceFile } from './util';

interface TopologyFetchLike {
  kind: 'ok' | 'unsupported' | 'unavailable';
  message?: string;
  result?: { hosts: { name: string; root: string; bonds: { device: string; mode: string; monitoring: string; uri: string; line: number; members: { device: string }[] }[]; interfaces: { device: string }[] }[] };
}
interface TopologyNodeLike { kind: string; host?: { name: string }; bond?: { device: string }; member?: { device: string } }
interface Api {
  topology: {
    provider: vscode.TreeDataProvider<TopologyNodeLike> & { last?: TopologyFetchLike };
    view: vscode.TreeView<TopologyNodeLike>;
  };
  newBond: { prompt(): string | undefined };
  client(): { stop(): Promise<void>; isRunning(): boolean } | undefined;
}
interface NewBondResultLike { bond: vscode.Uri; created: vscode.Uri[]; edited: vscode.Uri[]; interfacesFrom: 'server' | 'disk' }

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Diagnostics of the server for a document once the server has seen its current text. */
async function settledDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  // A request answered after the document's latest change means its diagnostics were sent before.
  await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 1));
  await sleep(800);
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'bonding');
}

function seriousOnes(diags: vscode.Diagnostic[], allowed: string[] = []): string[] {
  return diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning && !allowed.includes(code(d)))
    .map((d) => `${code(d)}@${d.range.start.line}: ${d.message}`);
}

export function defineAuthoringTests(suite: Mocha.SuiteFunction, test: Mocha.TestFunction): void {
  suite('authoring', function () {
    this.timeout(90000);
    let api: Api;
    const ns = () => workspaceFile(...NS);
    const file = (name: string) => vscode.Uri.joinPath(ns(), name);

    suite('snippets', () => {
      test('the extension exports the topology view', async () => {
        const ext = vscode.extensions.getExtension('bonding-tools.bonding-config')!;
        api = (ext.isActive ? ext.exports : await ext.activate()) as Api;
        assert.ok(api.topology?.provider, 'exports.topology.provider');
      });

      test('ifcfg snippets are offered by completion', async () => {
        const uri = file('ifcfg-bond7');
        fs.writeFileSync(uri.fsPath, '');
        const doc = await vscode.workspace.openTextDocument(uri);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
        const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
        const l = labels({ items: snippets } as vscode.CompletionList);
        for (const p of ['bond-active-backup', 'bond-active-backup-arp', 'bond-lacp', 'bond-balance-alb', 'bond-balance-rr', 'bond-member', 'bond-vlan']) {
          assert.ok(l.includes(p), `${p} missing from ${l.join(',')}`);
        }
        console.log(`SNIPPETS ifcfg: ${l.length} snippet completions`);
      });

      test('modprobe snippets are offered by completion', async () => {
        const uri = workspaceFile('host-a', 'etc', 'modprobe.d', 'authoring.conf');
        fs.writeFileSync(uri.fsPath, '');
        const doc = await vscode.workspace.openTextDocument(uri);
        assert.strictEqual(doc.languageId, 'modprobe');
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
        const l = labels({ items: list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet) } as vscode.CompletionList);
        for (const p of ['alias-bond', 'softdep-bonding', 'options-bonding']) assert.ok(l.includes(p), `${p} missing from ${l.join(',')}`);
        fs.unlinkSync(uri.fsPath);
      });

      test('the 802.3ad snippet takes DEVICE from the file name and the server finds nothing wrong', async () => {
        const doc = await vscode.workspace.openTextDocument(file('ifcfg-bond7'));
        const editor = await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'ifcfg', name: 'Bond: 802.3ad (LACP)' });
        // The first tab stop is the device name, filled in from the file name.
        assert.strictEqual(editor.document.getText(editor.selection), 'bond7');
        // Tab to the address (tab stop 5) and type one that no other file of host-a uses.
        for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        assert.strictEqual(editor.document.getText(editor.selection), '192.0.2.10');
        await vscode.commands.executeCommand('type', { text: '198.51.100.30' });
        await vscode.commands.executeCommand('leaveSnippet');
        const text = editor.document.getText();
        assert.match(text, /^DEVICE=bond7$/m, text);
        assert.match(text, /^BONDING_OPTS="mode=802\.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3\+4"$/m, text);
        assert.match(text, /^IPADDR=198\.51\.100\.30$/m, text);
        // The server has seen the final text once it reports the bond's missing members (a cross-file
        // finding) and nothing about the intermediate states of the typing.
        let last: string[] = [];
        await waitFor(() => {
          const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'bonding');
          last = seriousOnes(d, ['bond-without-members']);
          return d.some((x) => code(x) === 'bond-without-members') && !last.length ? true : undefined;
        }, 30000, 'only bond-without-members on the new bond').catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(last)}`); });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        fs.unlinkSync(doc.uri.fsPath);
      });
    });

    suite('topology and New Bond', () => {
      let supported = true;
      /** Waits until the free interfaces the server reports for host-a satisfy `ok`. */
      const waitForInterfaces = (ok: (names: string[]) => boolean, what: string) => waitFor(async () => {
        const r = await vscode.commands.executeCommand<TopologyFetchLike>('bonding.refreshTopology');
        const h = r.result?.hosts.find((x) => x.name.endsWith('host-a'));
        return h && ok(h.interfaces.map((i) => i.device).sort()) ? true : undefined;
      }, 15000, what);

      test('Show Bond Topology opens the view; host-a has bond0 with eth0 and eth1', async () => {
        const r = await vscode.commands.executeCommand<TopologyFetchLike>('bonding.showTopology');
        const roots = (await api.topology.provider.getChildren()) ?? [];
        if (r.kind === 'unsupported') {
          // Only an older server without the request may leave the tree empty.
          supported = false;
          console.log(`TOPOLOGY unsupported by the server: ${r.message}`);
          assert.strictEqual(roots.length, 0);
          assert.ok(api.topology.view.message?.includes('bonding/topology'), api.topology.view.message);
          return;
        }
        assert.strictEqual(r.kind, 'ok', r.message);
        await waitFor(() => (api.topology.view.visible ? true : undefined), 10000, 'the topology view to be visible');
        const host = roots.find((n) => n.kind === 'host' && n.host!.name.endsWith('host-a'));
        assert.ok(host, `host-a in ${JSON.stringify(roots.map((n) => n.host?.name))}`);
        const bonds = (await api.topology.provider.getChildren(host)) ?? [];
        const bond0 = bonds.find((n) => n.bond?.device === 'bond0');
        assert.ok(bond0, JSON.stringify(bonds.map((b) => b.bond?.device)));
        const item = await api.topology.provider.getTreeItem(bond0);
        assert.match(String(item.description), /active-backup · miimon 100 ms/);
        const members = ((await api.topology.provider.getChildren(bond0)) ?? []).map((n) => n.member!.device).sort();
        assert.deepStrictEqual(members, ['eth0', 'eth1']);
        // Clicking a member opens its file.
        const memberNode = ((await api.topology.provider.getChildren(bond0)) ?? [])[1];
        const memberItem = await api.topology.provider.getTreeItem(memberNode);
        await vscode.commands.executeCommand(memberItem.command!.command, ...(memberItem.command!.arguments ?? []));
        assert.strictEqual(path.basename(vscode.window.activeTextEditor!.document.uri.fsPath), 'ifcfg-eth1');
        console.log(`TOPOLOGY ${roots.length} host(s); bond0: ${item.description}`);
      });

      test('New Bond (arguments, no prompts) writes bond1 and its members in one edit; undo takes it all back', async () => {
        const eth2 = file('ifcfg-eth2');
        const eth2Before = '# spare port\nDEVICE=eth2\nTYPE=Ethernet\nBOOTPROTO=none\nIPADDR=192.0.2.77\nPREFIX=24\nONBOOT=yes\nNM_CONTROLLED=no\n';
        fs.writeFileSync(eth2.fsPath, eth2Before);
        const r = await vscode.commands.executeCommand<NewBondResultLike>('bonding.newBond', {
          folder: ns().fsPath, name: 'bond1', mode: 'active-backup', members: ['eth2', 'eth3'], primary: 'eth2',
          ipv4: { address: '192.0.2.20', prefix: 24, gateway: '192.0.2.1' },
        });
        assert.ok(r, 'the command returns what it wrote');
        assert.strictEqual(r.interfacesFrom, supported ? 'server' : 'disk');
        assert.deepStrictEqual(r.created.map((u) => path.basename(u.fsPath)), ['ifcfg-bond1', 'ifcfg-eth3']);
        assert.deepStrictEqual(r.edited.map((u) => path.basename(u.fsPath)), ['ifcfg-eth2']);
        const bond1Text = fs.readFileSync(file('ifcfg-bond1').fsPath, 'utf8');
        assert.strictEqual(bond1Text, 'DEVICE=bond1\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100 primary=eth2"\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=192.0.2.20\nPREFIX=24\nGATEWAY=192.0.2.1\nNM_CONTROLLED=no\n');
        assert.match(fs.readFileSync(file('ifcfg-eth3').fsPath, 'utf8'), /^MASTER=bond1\nSLAVE=yes\n/m);
        // The existing file is edited in place (and saved): addressing gone, comment kept.
        assert.strictEqual(fs.readFileSync(eth2.fsPath, 'utf8'), '# spare port\nDEVICE=eth2\nTYPE=Ethernet\nMASTER=bond1\nSLAVE=yes\nBOOTPROTO=none\nONBOOT=yes\nNM_CONTROLLED=no\n');

        for (const name of ['ifcfg-bond1', 'ifcfg-eth2', 'ifcfg-eth3']) {
          const doc = await vscode.workspace.openTextDocument(file(name));
          const diags = await settledDiagnostics(doc);
          assert.deepStrictEqual(seriousOnes(diags), [], `${name}: ${JSON.stringify(diags.map((d) => [code(d), d.message]))}`);
          assert.strictEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
        }
        console.log('NEWBOND bond1 + eth3 created, eth2 edited, no errors or warnings');

        if (supported) {
          // The server notices the new files and notifies; the visible tree fetches again by itself.
          if (!api.topology.view.visible) await vscode.commands.executeCommand('bonding.showTopology');
          await waitFor(() => {
            const h = api.topology.provider.last?.result?.hosts.find((x) => x.name.endsWith('host-a'));
            const b = h?.bonds.find((x) => x.device === 'bond1');
            return b && b.members.map((m) => m.device).sort().join() === 'eth2,eth3' ? true : undefined;
          }, 30000, 'bond1 with eth2 and eth3 in the topology');
        }

        // One undo takes back the whole edit: the created files go, eth2 gets its old text back.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(eth2));
        await vscode.commands.executeCommand('undo');
        await waitFor(() => (!fs.existsSync(file('ifcfg-bond1').fsPath) && !fs.existsSync(file('ifcfg-eth3').fsPath) ? true : undefined), 15000, 'created files removed by undo');
        const eth2Doc = await vscode.workspace.openTextDocument(eth2);
        assert.strictEqual(eth2Doc.getText(), eth2Before);
        await eth2Doc.save();
        assert.strictEqual(fs.readFileSync(eth2.fsPath, 'utf8'), eth2Before);

        console.log('NEWBOND undo removed bond1 and eth3 and restored eth2');
        if (supported) {
          await waitFor(async () => {
            const t = await vscode.commands.executeCommand<TopologyFetchLike>('bonding.refreshTopology');
            const h = t.result?.hosts.find((x) => x.name.endsWith('host-a'));
            return h && !h.bonds.some((b) => b.device === 'bond1') ? true : undefined;
          }, 15000, 'bond1 gone from the topology after undo');
        }
      });

      test('New Bond interactively (defaults, one picked member, DHCP); undo from the new bond\'s editor', async () => {
        const eth4 = file('ifcfg-eth4');
        const eth4Before = 'DEVICE=eth4\nBOOTPROTO=dhcp\nONBOOT=yes\nNM_CONTROLLED=no\n';
        fs.writeFileSync(eth4.fsPath, eth4Before);
        // The target folder is the one of the active ifcfg editor.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(eth4));
        if (supported) await waitForInterfaces((names) => names.join() === 'eth2,eth4', 'eth2 and eth4 as the free interfaces of host-a');
        const running = Promise.resolve(vscode.commands.executeCommand<NewBondResultLike>('bonding.newBond'));
        /** Waits for the prompt, then drives it with workbench commands (as the keyboard would). */
        const step = async (prompt: string, ...commands: string[]) => {
          await waitFor(() => (api.newBond.prompt() === prompt ? true : undefined), 15000, `prompt "${prompt}"`);
          await sleep(400);
          for (const c of commands) await vscode.commands.executeCommand(c);
          await waitFor(() => (api.newBond.prompt() !== prompt ? true : undefined), 15000, `prompt "${prompt}" to be answered`);
        };
        // name: the suggested first free bondN
        await step('New Bond: name', 'workbench.action.acceptSelectedQuickOpenItem');
        // mode: active-backup is preselected
        await step('New Bond: mode', 'workbench.action.acceptSelectedQuickOpenItem');
        // members: the free interfaces are listed in order (eth2, eth4); check the second
        await step('New Bond: members', 'workbench.action.quickOpenSelectNext', 'workbench.action.quickOpenSelectNext',
          'workbench.action.quickPickManyToggle', 'workbench.action.acceptSelectedQuickOpenItem');
        // addressing: static is first, dhcp second
        await step('New Bond (4/4): IPv4 addressing', 'workbench.action.quickOpenSelectNext', 'workbench.action.acceptSelectedQuickOpenItem');
        const r = await running;
        assert.ok(r, 'the command completed');
        assert.deepStrictEqual(r.created.map((u) => path.basename(u.fsPath)), ['ifcfg-bond1']);
        assert.deepStrictEqual(r.edited.map((u) => path.basename(u.fsPath)), ['ifcfg-eth4']);
        assert.strictEqual(fs.readFileSync(file('ifcfg-bond1').fsPath, 'utf8'),
          'DEVICE=bond1\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100"\nONBOOT=yes\nBOOTPROTO=dhcp\nNM_CONTROLLED=no\n');
        assert.strictEqual(fs.readFileSync(eth4.fsPath, 'utf8'), 'DEVICE=eth4\nMASTER=bond1\nSLAVE=yes\nBOOTPROTO=none\nONBOOT=yes\nNM_CONTROLLED=no\n');
        // The new bond file is open; undo there takes back everything.
        assert.strictEqual(path.basename(vscode.window.activeTextEditor!.document.uri.fsPath), 'ifcfg-bond1');
        await vscode.commands.executeCommand('undo');
        await waitFor(() => (!fs.existsSync(file('ifcfg-bond1').fsPath) ? true : undefined), 15000, 'bond1 removed by undo');
        const eth4Doc = await vscode.workspace.openTextDocument(eth4);
        assert.strictEqual(eth4Doc.getText(), eth4Before);
        await eth4Doc.save();
        console.log('NEWBOND interactive run created bond1 from eth4; undo restored it');
      });

      test('without a server New Bond reads the folder itself; after a restart the tree follows the new client', async () => {
        const eth6 = file('ifcfg-eth6');
        const eth6Before = 'DEVICE=eth6\r\nIPADDR=192.0.2.66\r\nPREFIX=24\r\nNM_CONTROLLED=no\r\n';
        fs.writeFileSync(eth6.fsPath, eth6Before);
        await api.client()!.stop();
        const r = await vscode.commands.executeCommand<NewBondResultLike>('bonding.newBond', {
          folder: ns().fsPath, name: 'bond2', mode: 'balance-alb', members: ['eth6', 'eth7'], ipv4: 'dhcp',
        });
        assert.strictEqual(r.interfacesFrom, 'disk');
        assert.deepStrictEqual(r.created.map((u) => path.basename(u.fsPath)), ['ifcfg-bond2', 'ifcfg-eth7']);
        assert.deepStrictEqual(r.edited.map((u) => path.basename(u.fsPath)), ['ifcfg-eth6']);
        // NM_CONTROLLED follows the host's files (all "no" in host-a); CRLF stays CRLF.
        assert.strictEqual(fs.readFileSync(eth6.fsPath, 'utf8'), 'DEVICE=eth6\r\nMASTER=bond2\r\nSLAVE=yes\r\nNM_CONTROLLED=no\r\n');
        assert.match(fs.readFileSync(file('ifcfg-bond2').fsPath, 'utf8'), /^BONDING_OPTS="mode=balance-alb miimon=100"$/m);

        await vscode.commands.executeCommand('bonding.restartServer');
        if (supported) {
          if (!api.topology.view.visible) await vscode.commands.executeCommand('bonding.showTopology');
          await waitFor(() => {
            const h = api.topology.provider.last?.result?.hosts.find((x) => x.name.endsWith('host-a'));
            return h?.bonds.some((b) => b.device === 'bond2') ? true : undefined;
          }, 30000, 'bond2 in the tree after the restart');
        }
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(eth6));
        await vscode.commands.executeCommand('undo');
        await waitFor(() => (!fs.existsSync(file('ifcfg-bond2').fsPath) ? true : undefined), 15000, 'bond2 removed by undo');
        const eth6Doc = await vscode.workspace.openTextDocument(eth6);
        assert.strictEqual(eth6Doc.getText(), eth6Before);
        await eth6Doc.save();
      });

      test('New Bond refuses a name that is taken, without writing anything', async () => {
        await assert.rejects(
          Promise.resolve(vscode.commands.executeCommand('bonding.newBond', { folder: ns().fsPath, name: 'bond0', mode: '802.3ad', members: ['eth9'], ipv4: 'dhcp' })),
          /bond0/,
        );
        assert.ok(!fs.existsSync(file('ifcfg-eth9').fsPath));
      });
    });
  });
}
