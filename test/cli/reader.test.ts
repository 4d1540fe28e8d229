// The reader thread's bundle (dist/bondlint-reader.js) on its own: the walk it sends back, and that it
// never runs further ahead of a slow consumer than it is allowed to (its memory stays bounded).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import { NS, ROOT, tmpDir, writeTree } from './helpers';

const READER = path.join(ROOT, 'dist', 'bondlint-reader.js');

test('walk: every file once with its text, directories before their files, done after their subtrees; never far ahead', async () => {
  const dir = tmpDir();
  const files: Record<string, string> = {};
  for (let h = 0; h < 40; h++) {
    for (let i = 0; i < 6; i++) files[`h${h}/${NS}/ifcfg-eth${i}`] = `DEVICE=eth${i}\n# ${h}\n`;
    files[`h${h}/etc/modprobe.d/bonding.conf`] = 'alias bond0 bonding\n';
    files[`h${h}/etc/notes.txt`] = 'not ours\n';
  }
  files['.bondlintrc'] = '[rules]\n';
  writeTree(dir, files);
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(READER, { workerData: { ready } });
  try {
    while (Atomics.load(ready, 0) !== 1) Atomics.wait(ready, 0, 0, 50);
    const posted = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const maxAhead = 16;
    w.postMessage({ job: 'walk', stack: ['+' + dir], configName: '.bondlintrc', posted, maxAhead, port: port2 }, [port2]);
    const width: Record<string, number> = { dir: 3, file: 5, done: 2, error: 3, end: 1 };
    const seen = new Map<string, string>();
    const listed: string[] = [];
    const done: string[] = [];
    let taken = 0;
    let worstLead = 0;
    let ended = false;
    while (!ended) {
      Atomics.store(posted, 1, taken);
      Atomics.notify(posted, 1);
      const m = receiveMessageOnPort(port1);
      if (!m) {
        const now = Atomics.load(posted, 0);
        assert.notEqual(now, -1, 'the reader failed');
        if (now === taken) assert.notEqual(Atomics.wait(posted, 0, now, 10_000), 'timed-out', 'the reader stalled');
        continue;
      }
      const batch = m.message as (string | boolean | null)[];
      worstLead = Math.max(worstLead, Atomics.load(posted, 0) - taken);
      for (let at = 0; at < batch.length; ) {
        const kind = batch[at] as string;
        const r = batch.slice(at, at + width[kind]);
        at += width[kind];
        taken++;
        const t = performance.now();
        while (performance.now() - t < 0.2) { /* a slow consumer */ }
        if (kind === 'dir') listed.push(r[1] as string);
        else if (kind === 'file') {
          assert.ok(listed.includes(path.dirname(r[1] as string)), 'a file after its directory');
          assert.ok(!seen.has(r[1] as string), 'each file once');
          seen.set(r[1] as string, r[3] as string);
        } else if (kind === 'done') done.push(r[1] as string); else if (kind === 'end') ended = true;
        else assert.fail(`unexpected record ${kind}`);
      }
    }
    const ours = Object.keys(files).filter((f) => f.includes('ifcfg-') || f.endsWith('.conf'));
    assert.deepEqual([...seen.keys()].sort(), ours.map((f) => path.join(dir, f)).sort());
    for (const f of ours) assert.equal(seen.get(path.join(dir, f)), files[f]);
    assert.equal(done.at(-1), dir, 'the root is done last');
    // Each directory is done after every file below it.
    for (const [i, d] of done.entries()) for (const f of seen.keys()) if (f.startsWith(d + path.sep)) assert.ok(done.indexOf(path.dirname(f)) <= i);
    assert.ok(worstLead <= maxAhead + 64, `ran ${worstLead} records ahead`);
    assert.ok(taken > 3 * (maxAhead + 64), 'the walk is long enough to test the bound');
  } finally {
    await w.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
