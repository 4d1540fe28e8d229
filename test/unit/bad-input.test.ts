// Bad input is normal input: binary files, NUL bytes, invalid UTF-8, huge files, huge lines.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { complete, diagnose, hover, makeContext } from '../../server/src/analysis';
import type { Range } from 'vscode-languageserver-types';

function seeded(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}

function inside(lines: string[], r: Range): boolean {
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end);
}

function exercise(text: string, lang: 'ifcfg' | 'modprobe'): number {
  const uri = lang === 'ifcfg' ? 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0' : 'file:///h/etc/modprobe.d/bonding.conf';
  const ctx = makeContext(uri, text, lang);
  const diags = diagnose(ctx);
  const all = text.split(/\r\n|\r|\n/);
  for (const d of diags) assert.ok(inside(all, d.range), `diagnostic ${d.code} outside the document: ${JSON.stringify(d.range)}`);
  const lines = all.length;
  for (const line of [0, Math.floor(lines / 2), lines - 1, lines + 3]) {
    complete(ctx, { line, character: 5 });
    hover(ctx, { line, character: 3 });
  }
  return diags.length;
}

test('random binary content (as latin1 and as UTF-8 with replacement characters)', () => {
  const rnd = seeded(42);
  for (let n = 0; n < 200; n++) {
    const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 2000) }, () => Math.floor(rnd() * 256)));
    for (const lang of ['ifcfg', 'modprobe'] as const) {
      exercise(bytes.toString('latin1'), lang);
      exercise(bytes.toString('utf8'), lang);
    }
  }
});

test('NUL bytes and lone surrogates in keys and values', () => {
  for (const src of ['DEV\0ICE=bond0', 'DEVICE=bo\0nd0', 'BONDING_OPTS="mode=1\0 miimon=100"', '\0\0\0=\0', 'X=\uD800', '\uDFFF=1', 'options bonding mode=\0']) {
    exercise(src, 'ifcfg');
    exercise(src, 'modprobe');
  }
});

test('a 10 MB file and a 100k-character line finish and keep ranges inside', () => {
  const line = 'BONDING_OPTS="mode=1 miimon=100 updelay=200"\nIPADDR=192.0.2.1\n';
  const big = line.repeat(Math.ceil(10_000_000 / line.length));
  const t0 = Date.now();
  exercise(big, 'ifcfg');
  exercise(big.replace(/BONDING_OPTS=/g, 'options bonding '), 'modprobe');
  const long = 'BONDING_OPTS="' + 'miimon=100 '.repeat(10_000) + '"';
  exercise(long, 'ifcfg');
  exercise('X=' + 'a'.repeat(100_000), 'ifcfg');
  exercise('X=' + '"'.repeat(100_000), 'ifcfg');
  exercise('options bonding ' + 'arp_ip_target=10.0.0.1,'.repeat(5000), 'modprobe');
  exercise('A=' + '\\'.repeat(100_001), 'ifcfg');
  exercise('options bonding mode=4' + '\\\n'.repeat(50_000), 'modprobe');
  // A generous bound: this guards against hangs, not speed (speed lives in bench/).
  assert.ok(Date.now() - t0 < 60_000, `took ${Date.now() - t0} ms`);
});

test('code actions: malformed diagnostics from a client are skipped, the well-formed ones answered', async () => {
  const { codeActions, suppressionActions, diagnose } = await import('../../server/src/analysis');
  const { ctxOf } = await import('../helpers/analysis');
  const ctx = ctxOf('ONBOOT = yes\n', 'ifcfg-eth0');
  const good = diagnose(ctx).filter((d) => d.code === 'spaces-around-equals');
  assert.equal(good.length, 1);
  const junk = [null, undefined, 42, 'x', {}, { source: 'bonding', code: 'spaces-around-equals' }, { source: 'bonding', code: 'spaces-around-equals', range: null },
    { source: 'bonding', code: 'spaces-around-equals', range: { start: { line: 'a' }, end: {} } }, { source: 'bonding', code: 'unused-suppression', range: {} }] as unknown as typeof good;
  const expected = [...codeActions(ctx, good), ...suppressionActions(ctx, good)];
  assert.ok(expected.length >= 3);
  assert.deepEqual([...codeActions(ctx, [...junk, ...good]), ...suppressionActions(ctx, [...junk, ...good])], expected);
});
