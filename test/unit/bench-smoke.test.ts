// The benchmark harness still runs end to end (`npm run bench:smoke`): tiny fleets, a handful of
// edits and requests, the report written. No timing is asserted — only that every figure exists.
// Needs the bundles (npm run build); skipped without them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const built = ['bondlint.js', 'server.js'].every((f) => fs.existsSync(path.join(ROOT, 'dist', f)));

test('bench --smoke runs the CLI, the read floor and the server on tiny fleets and writes its report', { skip: built ? false : 'run npm run build first', timeout: 180_000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  try {
    const r = spawnSync(process.execPath, [
      path.join(ROOT, 'bench', 'run.mjs'), '--smoke', '--sizes', '40', '--server-sizes', '40', '--edits', '5', '--requests', '5',
      '--shellcheck-sample', '10', '--out', out, '--data', path.join(out, 'data'),
    ], { encoding: 'utf8', timeout: 170_000 });
    assert.equal(r.status, 0, `bench exited with ${r.status}\n${r.stderr}`);
    const res = JSON.parse(fs.readFileSync(path.join(out, 'smoke.json'), 'utf8'));
    const md = fs.readFileSync(path.join(out, 'smoke.md'), 'utf8');

    assert.equal(res.cli.length, 1);
    const c = res.cli[0];
    assert.ok(c.files >= 40 && c.checked === c.files, `bondlint checked ${c.checked} of ${c.files} files: ${c.summary}`);
    for (const k of ['wallMs', 'cpuMs', 'filesPerSec', 'peakRssMb', 'floorMs', 'xFloor', 'bashNMs']) assert.ok(Number.isFinite(c[k]) && c[k] > 0, `cli.${k} = ${c[k]}`);

    assert.equal(res.server.length, 1);
    const s = res.server[0];
    for (const k of ['readyMs', 'rssAfterIndexMb']) assert.ok(Number.isFinite(s[k]) && s[k] > 0, `server.${k} = ${s[k]}`);
    for (const k of ['edits', 'completion', 'hover']) {
      assert.equal(s[k].n, 5, `server.${k}.n`);
      for (const q of ['p50', 'p95', 'p99']) assert.ok(Number.isFinite(s[k][q]) && s[k][q] >= 0, `server.${k}.${q} = ${s[k][q]}`);
    }
    assert.ok(s.completionItems > 0, 'completion offered something');

    assert.match(md, /## bondlint \(CLI\)/);
    assert.match(md, /## Language server/);
    assert.ok(res.machine.cores >= 1 && res.machine.node === process.version);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
