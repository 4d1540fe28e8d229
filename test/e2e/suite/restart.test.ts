// A crashed server: the client restarts it (a bounded number of times), then stops and tells the user;
// the Restart command brings it back. The server is killed from outside (SIGKILL), as a crash would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NS, waitFor, workspaceFile } from './util';

interface ClientLike { state: number; start(): Promise<void>; _serverProcess?: { pid?: number } }
type Api = { client: () => ClientLike | undefined };
const RUNNING = 2; // vscode-languageclient State.Running
const STOPPED = 1; // State.Stopped

export function defineRestartTests(suite: Mocha.SuiteFunction, test: Mocha.TestFunction): void {
  suite('crash and restart', function () {
    this.timeout(120000);
    let api: Api;

    const serverPid = async (): Promise<number> => waitFor(() => {
      const c = api.client();
      const pid = c?.state === RUNNING ? c._serverProcess?.pid : undefined;
      return pid && isAlive(pid) ? pid : undefined;
    }, 30000, 'a running server process');

    /** Edits the bond and waits for diagnostics that reflect the edit: the server answers. */
    const serverAnswers = async (marker: string): Promise<void> => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(...NS, 'ifcfg-bond0'));
      const editor = await vscode.window.showTextDocument(doc);
      const line = doc.lineCount - 1;
      await editor.edit((e) => e.insert(new vscode.Position(line, doc.lineAt(line).text.length), `\n${marker} = 1`));
      try {
        await waitFor(() => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'bonding' && d.message.includes(`'${marker}'`)) ? true : undefined, 30000, `diagnostics for ${marker}`);
      } finally {
        await vscode.commands.executeCommand('undo');
      }
    };

    test('a killed server is restarted and answers again', async () => {
      const ext = vscode.extensions.getExtension('bonding-tools.bonding-config')!;
      api = (ext.isActive ? ext.exports : await ext.activate()) as Api;
      const first = await serverPid();
      process.kill(first, 'SIGKILL');
      const second = await waitFor(async () => { const p = await serverPid(); return p !== first ? p : undefined; }, 30000, 'a new server process');
      assert.notStrictEqual(second, first);
      await serverAnswers('RESTARTED_ONCE');
      console.log(`RESTART server ${first} killed, ${second} took over`);
    });

    test('after 4 restarts within 3 minutes the client gives up (the user is told), and Restart brings it back', async () => {
      // One crash so far (the test above); three more are restarted, the fifth is not.
      for (let i = 2; i <= 4; i++) {
        const pid = await serverPid();
        process.kill(pid, 'SIGKILL');
        await waitFor(async () => { const p = await serverPid(); return p !== pid ? p : undefined; }, 30000, `restart ${i}`);
      }
      const last = await serverPid();
      process.kill(last, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 3000));
      assert.strictEqual(api.client()?.state, STOPPED, 'the client stays stopped after the fifth crash');
      // (The runner checks from the browser side that the error message is shown.)
      await vscode.commands.executeCommand('bonding.restartServer');
      const back = await serverPid();
      assert.notStrictEqual(back, last);
      await serverAnswers('RESTARTED_BY_COMMAND');
      console.log('RESTART gave up after the fifth crash; the Restart command brought the server back');
    });
  });
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
