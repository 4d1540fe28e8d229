// npm run test:e2e — the extension's mocha suites inside real VS Code (code-server + Chromium), in two
// sessions: "trusted" (the main suite, workspace trust disabled) and then "restricted" (a small suite
// in Restricted Mode: workspace trust enabled, the folder not trusted). Both always run; the exit
// code is non-zero if either fails. `--session trusted` or `--session restricted` runs one of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runSuite, scratchCopy } from './code-server.mjs';

const i = process.argv.indexOf('--session');
const only = i > 0 ? process.argv[i + 1] : undefined;
if (only && !['trusted', 'restricted'].includes(only)) { console.error(`unknown session ${only} (trusted|restricted)`); process.exit(2); }
const failed = [];

if (!only || only === 'trusted') {
  const tmp = mkdtempSync(join(tmpdir(), 'bonding-ws-'));
  const code = await runSuite({
    label: 'e2e',
    workspace: scratchCopy(join(root, 'test', 'e2e', 'workspace'), tmp),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'suite.js'),
    // The suite's last part kills the server five times: the user must see the client give up.
    domChecks: [
      { selector: '.notification-toast:has-text("will not be restarted")', what: 'the error message after the fifth crash' },
    ],
    screenshots: [
      { selector: '.markers-panel .monaco-list-row:has-text("Spaces around")', path: join(root, 'test-results', 'problems-panel.png') },
    ],
  });
  if (code !== 0) failed.push('trusted');
}

if (!only || only === 'restricted') {
  // Bundled by scripts/build.mjs (npm run test:e2e builds first).
  const suite = join(root, 'dist', 'test', 'suite-restricted.js');
  const tmp = mkdtempSync(join(tmpdir(), 'bonding-ws-'));
  const code = await runSuite({
    label: 'e2e restricted',
    untrusted: true,
    workspace: scratchCopy(join(root, 'test', 'e2e', 'workspace'), tmp),
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    // What a person sees: the Restricted Mode entry in the status bar and the banner over the editor.
    domChecks: [
      { selector: '#status\\.workspaceTrust:has-text("Restricted Mode")', what: 'the Restricted Mode status bar entry' },
      { selector: '.part.banner:has-text("Restricted Mode")', what: 'the Restricted Mode banner' },
    ],
    screenshots: [
      { selector: '.markers-panel .monaco-list-row:has-text("Spaces around"), .squiggly-error', path: join(root, 'test-results', 'restricted-mode.png') },
    ],
  });
  if (code !== 0) failed.push('restricted'); else rmSync(tmp, { recursive: true, force: true });
}

if (failed.length) console.log(`e2e: ${failed.join(' and ')} session failed`);
process.exit(failed.length ? 1 : 0);
