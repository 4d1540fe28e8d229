// SARIF output validated OFFLINE against the SARIF 2.1.0 JSON schema (shipped by the
// @microsoft/jest-sarif package, MIT; draft-04, hence ajv-draft-04), plus what GitHub code scanning
// relies on: rule metadata, ruleIndex, relative URIs with a uriBaseId, 1-based regions.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { bondlint, NS, tmpDir, writeTree } from './helpers';
import { RULES } from '../../server/src/analysis';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv-draft-04');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

// The schema's `language` pattern is not valid as a unicode regular expression, hence unicodeRegExp: false.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF schema errors:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

interface SarifLog { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; originalUriBaseIds: Record<string, { uri: string }>; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[]; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[]; relatedLocations?: unknown[] }[] }[] }

test('sarif: the validator rejects broken logs (it really validates)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
});

test('sarif: examples/ output is valid SARIF 2.1.0 and carries GitHub-ready metadata', () => {
  const r = bondlint(['--format', 'sarif', 'examples']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout) as SarifLog;
  assertValid(log);
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  assert.equal(rules.length, RULES.length + 1, 'every rule plus unused-suppression');
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 0);
    assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.ok(run.results.length > 20);
  for (const res of run.results) {
    assert.equal(rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(loc.artifactLocation.uri, /^examples\//, 'relative to the current directory');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1, '1-based region');
  }
  assert.ok(run.results.some((x) => x.relatedLocations?.length), 'related locations are included');
  assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test('sarif: --base, files outside the base, and I/O problems stay valid', () => {
  const dir = tmpDir();
  try {
    writeTree(dir, { [`h1/${NS}/ifcfg-eth0`]: 'DEVICE=eth0\nONBOOT = yes\n', [`h2/${NS}/ifcfg-eth1`]: 'DEVICE=eth1\nexport ONBOOT=yes\n' });
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'h1', NS, 'ifcfg-eth9'));
    const base = path.join(dir, 'h1');
    const r = bondlint(['--format', 'sarif', '--base', base, dir, 'examples/db-active-backup']);
    assert.equal(r.code, 2, 'the dangling link is an I/O problem');
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValid(log);
    const res = log.runs[0].results.find((x) => x.ruleId === 'spaces-around-equals')!;
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: `${NS}/ifcfg-eth0`, uriBaseId: '%SRCROOT%' });
    const outside = log.runs[0].results.find((x) => x.ruleId === 'export-prefix')!;
    assert.deepEqual(outside.locations[0].physicalLocation.artifactLocation, { uri: `file://${dir}/h2/${NS}/ifcfg-eth1` }, 'outside the base: absolute URI');
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /ifcfg-eth9/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
