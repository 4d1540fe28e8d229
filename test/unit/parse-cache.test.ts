// ParseCache: parsed files shared by text between the hosts of a CLI run, never inside one host.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { diagnose, WorkspaceModel } from '../../server/src/analysis';
import { ParseCache } from '../../server/src/analysis/parse-cache';

test('one parse per distinct text across owners, a parse of its own for a copy in the same owner', () => {
  const cache = new ParseCache();
  const hostA = {};
  const hostB = {};
  const t = 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n';
  const a1 = cache.ifcfgFor(t, hostA);
  const b1 = cache.ifcfgFor(t, hostB);
  assert.equal(a1, b1, 'shared between hosts');
  const a2 = cache.ifcfgFor(t, hostA);
  assert.notEqual(a2, a1, 'a second copy in one host is parsed again');
  assert.deepEqual(a2, a1);
  assert.notEqual(cache.ifcfgFor('DEVICE=eth1\n', hostA), a1);
  // The languages do not mix.
  const m = cache.modprobeFor('options bonding mode=1\n', hostA);
  assert.ok('statements' in m);
  assert.equal(cache.modprobeFor('options bonding mode=1\n', hostB), m);
});

test('bounded: the oldest texts go first; long texts are not kept', () => {
  const cache = new ParseCache(2);
  const h1 = {};
  const h2 = {};
  const first = cache.ifcfgFor('A=1\n', h1);
  cache.ifcfgFor('B=1\n', h1);
  cache.ifcfgFor('C=1\n', h1);
  assert.notEqual(cache.ifcfgFor('A=1\n', h2), first, 'evicted');
  const long = `X="${'y'.repeat(20_000)}"\n`;
  assert.notEqual(cache.ifcfgFor(long, h1), cache.ifcfgFor(long, h2));
});

test('a run with the cache reports exactly what a run without it does', () => {
  const NS = 'etc/sysconfig/network-scripts';
  const bond = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=4 miimon=100 arp_interval=200"\n';
  const member = 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\nIPADDR=10.0.0.1\n';
  const conf = 'alias bond0 bonding\noptions bonding mode=1 miimon=100\n';
  const files: Record<string, string> = {};
  for (const h of ['h1', 'h2', 'h3']) {
    files[`file:///f/${h}/${NS}/ifcfg-bond0`] = bond;
    files[`file:///f/${h}/${NS}/ifcfg-eth0`] = member;
    // A backup copy next to the original, and the same modprobe file in two directories kmod reads.
    files[`file:///f/${h}/${NS}/ifcfg-eth0.bak`] = member;
    files[`file:///f/${h}/etc/modprobe.d/bonding.conf`] = conf;
    files[`file:///f/${h}/usr/lib/modprobe.d/bonding.conf`] = conf;
    // Two names kmod both reads, same text: the merged load tells them apart by their parsed objects.
    files[`file:///f/${h}/etc/modprobe.d/bonding-copy.conf`] = conf;
  }
  const run = (cache?: ParseCache) => {
    const out: Record<string, unknown> = {};
    for (const h of ['h1', 'h2', 'h3']) {
      const model = new WorkspaceModel(cache);
      const mine = Object.keys(files).filter((u) => u.includes(`/${h}/`));
      for (const u of mine) model.set(u, files[u], u.includes('modprobe') ? 'modprobe' : 'ifcfg');
      for (const u of mine) out[u] = diagnose(model.get(u)!);
    }
    return out;
  };
  const plain = run();
  assert.ok(Object.values(plain).some((d) => (d as unknown[]).length > 0), 'the fixture has findings');
  assert.deepEqual(run(new ParseCache()), plain);
});

test('a cache that finds almost nothing stops looking (a fleet of distinct files)', () => {
  const cache = new ParseCache();
  const host = {};
  for (let i = 0; i < 1000; i++) cache.ifcfgFor(`DEVICE=eth${i}\n`, host);
  const other = {};
  const again = cache.ifcfgFor('DEVICE=eth1\n', other);
  assert.notEqual(cache.ifcfgFor('DEVICE=eth1\n', {}), again, 'no longer shared');
  // A repetitive fleet keeps its cache past the trial.
  const shared = new ParseCache();
  for (let i = 0; i < 1000; i++) shared.ifcfgFor(`DEVICE=eth${i % 10}\n`, { i });
  const x = shared.ifcfgFor('DEVICE=eth3\n', {});
  assert.equal(shared.ifcfgFor('DEVICE=eth3\n', {}), x);
});
