// Extension test entry (extensionTestsPath). Runs inside a real VS Code extension host, either
// code-server (test/e2e/run-code-server.mjs) or desktop VS Code (@vscode/test-electron,
// test/e2e/run-electron.mjs). Mocha is loaded from node_modules at run time.
import * as util from 'util';
import { defineFoundationTests } from './foundation.test';
import { defineAuthoringTests } from './authoring.test';
import { defineTourTests } from './tour.test';
import { defineRestartTests } from './restart.test';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Mocha = require('mocha');

export function run(): Promise<void> {
  // The extension host forwards console.log arguments unformatted; format mocha's printf-style output here.
  Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(util.format(...a));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'suite.js', mocha);
  const g = globalThis as unknown as { suite: Mocha.SuiteFunction; test: Mocha.TestFunction; suiteSetup: Mocha.HookFunction };
  defineFoundationTests(g.suite, g.test);
  defineAuthoringTests(g.suite, g.test);
  defineTourTests(g.suite, g.test);
  defineRestartTests(g.suite, g.test);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      console.log(`MOCHA_RESULT ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} tests failed`)); else resolve();
    });
  });
}
