// npm run test:vsix — installs dist/bonding-config.vsix into a fresh code-server extensions folder and
// checks, inside real VS Code, that the installed copy activates and its server publishes diagnostics.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installVsix, root, runSuite, scratchCopy } from '../e2e/code-server.mjs';

const vsix = join(root, 'dist', 'bonding-config.vsix');
if (!existsSync(vsix)) { console.error(`${vsix} missing: run npm run package`); process.exit(2); }
const tmp = mkdtempSync(join(tmpdir(), 'bonding-vsix-'));
const extensionsDir = join(tmp, 'extensions');
installVsix(vsix, extensionsDir);
process.env.BONDING_VSIX_EXT_DIR = extensionsDir;
const code = await runSuite({
  label: 'vsix',
  workspace: scratchCopy(join(root, 'test', 'e2e', 'workspace'), tmp),
  extensionDevelopmentPath: join(root, 'test', 'vsix', 'host'),
  extensionTestsPath: join(root, 'dist', 'test', 'vsix-suite.js'),
  extensionsDir,
});
process.exit(code);
