// Runs against the packaged .vsix installed into code-server's extensions folder (not the sources).
import * as assert from 'assert';
import * as util from 'util';
import * as vscode from 'vscode';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Mocha = require('mocha');

async function waitFor<T>(fn: () => T | undefined, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(util.format(...a));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'vsix-suite.js', mocha);
  const { suite, test } = globalThis as unknown as { suite: Mocha.SuiteFunction; test: Mocha.TestFunction };
  suite('installed .vsix', function () {
    this.timeout(60000);
    test('the installed extension (from the extensions folder) activates and its server lints', async () => {
      const ext = vscode.extensions.getExtension('bonding-tools.bonding-config');
      assert.ok(ext, 'bonding-tools.bonding-config is not installed');
      const dir = process.env.BONDING_VSIX_EXT_DIR;
      if (dir) assert.ok(ext.extensionPath.startsWith(dir), `loaded from ${ext.extensionPath}, expected under ${dir}`);
      const root = vscode.workspace.workspaceFolders![0].uri;
      const uri = vscode.Uri.joinPath(root, 'host-a', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-bond0');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, 'ifcfg');
      await waitFor(() => (ext.isActive ? true : undefined), 30000, 'activation');
      const d = await waitFor(() => {
        const x = vscode.languages.getDiagnostics(uri).filter((y) => y.source === 'bonding');
        return x.length ? x : undefined;
      }, 30000, 'diagnostics from the packaged server');
      console.log('DIAG from vsix: ' + d.map((x) => x.message.slice(0, 60)).join(' | '));
    });
  });
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      console.log(`MOCHA_RESULT ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} tests failed`)); else resolve();
    });
  });
}
