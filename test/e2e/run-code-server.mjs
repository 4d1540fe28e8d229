// npm run test:e2e — the extension's mocha suite inside real VS Code (code-server + Chromium).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runSuite, scratchCopy } from './code-server.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'bonding-ws-'));
const code = await runSuite({
  label: 'e2e',
  workspace: scratchCopy(join(root, 'test', 'e2e', 'workspace'), tmp),
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'dist', 'test', 'suite.js'),
  screenshots: [
    { selector: '.markers-panel .monaco-list-row:has-text("Spaces around")', path: join(root, 'test-results', 'problems-panel.png') },
  ],
});
process.exit(code);
