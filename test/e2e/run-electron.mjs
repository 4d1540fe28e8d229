// npm run test:electron — the same mocha suite in desktop VS Code via @vscode/test-electron, for
// machines that can download VS Code (this one cannot: use npm run test:e2e there).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './code-server.mjs';

const ws = join(mkdtempSync(join(tmpdir(), 'bonding-ws-')), 'ws');
cpSync(join(root, 'test', 'e2e', 'workspace'), ws, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'suite.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('test-electron run failed:', e?.message ?? e);
  process.exit(1);
}
