// Extension test entry (extensionTestsPath) for the Restricted Mode session: the same workspace as
// the main suite, opened with workspace trust enabled and the folder NOT trusted
// (test/e2e/run-code-server.mjs, session "restricted"). Bundled by the runner itself into
// dist/test/suite-restricted.js. Mocha is loaded from node_modules at run time.
import * as util from 'util';
import { defineRestrictedTests } from './restricted.test';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Mocha = require('mocha');

export function run(): Promise<void> {
  // The extension host forwards console.log arguments unformatted; format mocha's printf-style output here.
  Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(util.format(...a));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'suite-restricted.js', mocha);
  const g = globalThis as unknown as { suite: Mocha.SuiteFunction; test: Mocha.TestFunction };
  defineRestrictedTests(g.suite, g.test);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      console.log(`MOCHA_RESULT ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} tests failed`)); else resolve();
    });
  });
}
