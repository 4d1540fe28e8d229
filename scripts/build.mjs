// Bundles the client, the server, the CLI and the extension test suite into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  define: { VERSION: JSON.stringify(pkg.version) },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/bondlint.js' },
  { ...common, entryPoints: ['cli/src/reader.ts'], outfile: 'dist/bondlint-reader.js' },
  { ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite.js', external: ['vscode', 'mocha'] },
  { ...common, entryPoints: ['test/e2e/suite-restricted/index.ts'], outfile: 'dist/test/suite-restricted.js', external: ['vscode', 'mocha'] },
  { ...common, entryPoints: ['test/vsix/suite.ts'], outfile: 'dist/test/vsix-suite.js', external: ['vscode', 'mocha'] },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
