// Golden output of `bondlint examples/` in the three formats. UPDATE_GOLDEN=1 rewrites the files;
// otherwise any difference fails. Absolute paths and the version are normalized (see helpers.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { bondlint, normalize } from './helpers';

const GOLDEN = path.join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

for (const [format, ext] of [['text', 'txt'], ['json', 'json'], ['sarif', 'sarif']] as const) {
  test(`golden: bondlint --format ${format} examples`, () => {
    const r = bondlint(['--format', format, 'examples'], { env: { NO_COLOR: '1' } });
    assert.equal(r.code, 1, `exit status (stderr: ${r.stderr})`);
    assert.equal(r.stderr, '');
    const actual = normalize(r.stdout);
    const file = path.join(GOLDEN, `examples.${ext}`);
    if (update) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(file, actual);
      return;
    }
    assert.ok(fs.existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
    assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${path.relative(process.cwd(), file)} (UPDATE_GOLDEN=1 rewrites it after review)`);
  });
}

test('golden: the legacy-mistakes oracle is reflected in the text output', () => {
  // A few planted mistakes from examples/legacy-mistakes/MISTAKES.md, as compiler-style lines.
  const text = fs.readFileSync(path.join(GOLDEN, 'examples.txt'), 'utf8');
  const ns = 'examples/legacy-mistakes/etc/sysconfig/network-scripts';
  for (const line of [
    `${ns}/ifcfg-bond0:3:1: error type-bonding `,
    `${ns}/ifcfg-eth1:4:7: error spaces-around-equals `,
    `${ns}/ifcfg-eth2:7:8: error master-missing-bond `,
    `${ns}/ifcfg-eth4:2:8: warning device-name-mismatch `,
    'examples/legacy-mistakes/etc/modprobe.d/bonding.conf:6:29: warning modprobe-inline-comment ',
  ]) assert.ok(text.includes(line), line);
  for (const clean of ['examples/db-active-backup/', 'examples/mixed-alb/', 'examples/kvm-bridge/']) {
    assert.ok(!text.split('\n').some((l) => l.startsWith(clean)), `${clean} is clean`);
  }
});
