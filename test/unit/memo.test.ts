// Memo: caches kept on the object they are derived from (see server/src/analysis/memo.ts for why not
// WeakMaps).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Memo } from '../../server/src/analysis/memo';
import { makeContext, type IfcfgContext } from '../../server/src/analysis';

test('a value is computed once per owner, and owners do not share', () => {
  let calls = 0;
  const m = new Memo((o: { n: number }) => { calls++; return o.n * 2; });
  const a = { n: 1 };
  const b = { n: 5 };
  assert.equal(m.of(a), 2);
  assert.equal(m.of(a), 2);
  assert.equal(m.of(b), 10);
  assert.equal(calls, 2);
  // undefined is a value like any other: not computed again.
  let undefCalls = 0;
  const u = new Memo(() => { undefCalls++; return undefined; });
  u.of(a); u.of(a);
  assert.equal(undefCalls, 1);
});

test('two memos on one owner keep their own values; peek and set', () => {
  const owner = {};
  const x = new Memo(() => 'x');
  const y = new Memo<object, string | undefined>(() => undefined);
  assert.equal(y.peek(owner), undefined);
  assert.equal(x.of(owner), 'x');
  assert.equal(y.peek(owner), undefined);
  y.set(owner, 'set');
  assert.equal(y.peek(owner), 'set');
  assert.equal(y.of(owner), 'set');
  assert.equal(x.of(owner), 'x');
});

test('the cache is invisible to JSON and keys, and a spread copy gets values of its own', () => {
  const ctx = makeContext('file:///h/etc/sysconfig/network-scripts/ifcfg-eth0', 'DEVICE=eth0\n', 'ifcfg') as IfcfgContext;
  const before = JSON.stringify({ ...ctx, host: undefined });
  const keys = Object.keys(ctx);
  const m = new Memo((c: IfcfgContext) => ({ device: c.deviceName }));
  assert.deepEqual(m.of(ctx), { device: 'eth0' });
  assert.equal(JSON.stringify({ ...ctx, host: undefined }), before);
  assert.deepEqual(Object.keys(ctx), keys);
  // A modified copy (as templates.ts makes one) carries the slot along, but not the values.
  const copy: IfcfgContext = { ...ctx, deviceName: 'eth1' };
  assert.deepEqual(m.of(copy), { device: 'eth1' });
  assert.deepEqual(m.of(ctx), { device: 'eth0' });
  // Objects that do not declare a slot get one.
  const plain = { n: 3 };
  assert.equal(new Memo((o: { n: number }) => o.n + 1).of(plain), 4);
});

test('rememberByString: once per argument, undefined results too, bounded', async () => {
  const { rememberByString } = await import('../../server/src/analysis/memo');
  let calls = 0;
  const f = rememberByString((s: string) => { calls++; return s === 'none' ? undefined : s.length; }, 2);
  assert.equal(f('abc'), 3);
  assert.equal(f('abc'), 3);
  assert.equal(f('none'), undefined);
  assert.equal(f('none'), undefined);
  assert.equal(calls, 2);
  assert.equal(f('third'), 5);
  assert.equal(f('third'), 5);
  assert.equal(calls, 4, 'past the bound: computed every time, not kept');
});
