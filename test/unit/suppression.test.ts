import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeActions, diagnose, suppressionActions } from '../../server/src/analysis';
import { applyEdits, codes, ctxOf } from '../helpers/analysis';

test('disable-next-line silences the named rule on the next content line only', () => {
  const src = 'DEVICE=bond0\n# bondlint disable-next-line spaces-around-equals\n\nONBOOT = yes\nMTU = 9000\n';
  assert.deepEqual(codes(src).filter((c) => c === 'spaces-around-equals').length, 1);
  assert.ok(!codes(src).includes('unused-suppression'));
});

test('disable silences a rule in the whole file; several rules and "all" work', () => {
  assert.ok(!codes('# bondlint disable spaces-around-equals\nONBOOT = yes\nMTU = 9000\n').includes('spaces-around-equals'));
  assert.deepEqual(codes('# bondlint disable-next-line all\nONBOOT = yes\n', 'ifcfg-x'), []);
  const src = '# bondlint disable-next-line export-prefix,spaces-around-equals\nexport ONBOOT = yes\n';
  assert.ok(!codes(src).includes('export-prefix') && !codes(src).includes('spaces-around-equals'));
});

test('works in modprobe files too', () => {
  assert.deepEqual(codes('# bondlint disable-next-line modprobe-unknown-command\noption bonding mode=4\n', 'bonding.conf'), []);
});

test('an unused suppression is reported as information, with a fix that removes only it', () => {
  const ctx = ctxOf('# bondlint disable-next-line spaces-around-equals,export-prefix\nONBOOT = yes\r\nMTU=1\n');
  const d = diagnose(ctx).filter((x) => x.code === 'unused-suppression');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 3);
  const fix = codeActions(ctx, d)[0];
  assert.equal(applyEdits(ctx.text, fix.edit!.changes![ctx.uri]), '# bondlint disable-next-line spaces-around-equals\nONBOOT = yes\r\nMTU=1\n');
  const only = ctxOf('# bondlint disable duplicate-key\nMTU=1\n');
  const d2 = diagnose(only).filter((x) => x.code === 'unused-suppression');
  assert.equal(applyEdits(only.text, codeActions(only, d2)[0].edit!.changes![only.uri]), 'MTU=1\n');
});

test('suppress quick fixes insert the comment with the line\'s indentation and the file\'s line ending', () => {
  const ctx = ctxOf('DEVICE=bond0\r\n  ONBOOT = yes\r\n');
  const d = diagnose(ctx).filter((x) => x.code === 'spaces-around-equals');
  const [line, file] = suppressionActions(ctx, d);
  const after = applyEdits(ctx.text, line.edit!.changes![ctx.uri]);
  assert.equal(after, 'DEVICE=bond0\r\n  # bondlint disable-next-line spaces-around-equals\r\n  ONBOOT = yes\r\n');
  assert.ok(!codes(after).includes('spaces-around-equals'));
  assert.equal(applyEdits(ctx.text, file.edit!.changes![ctx.uri]).split('\r\n')[0], '# bondlint disable spaces-around-equals');
});

test('the unused-suppression rule can itself be turned off', () => {
  const ctx = ctxOf('# bondlint disable duplicate-key\nMTU=1\n');
  assert.deepEqual(diagnose(ctx, { rules: { 'unused-suppression': 'off' } }).map((x) => x.code), []);
});

test('thousands of consecutive directives stay linear (found by npm run fuzz)', () => {
  const src = '# bondlint disable-next-line all\n'.repeat(3030) + 'ONBOOT = yes\n';
  const t0 = Date.now();
  const c = codes(src);
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  assert.ok(!c.includes('spaces-around-equals'));
  assert.equal(c.filter((x) => x === 'unused-suppression').length, 3029);
});

test('the fix for an unused entry removes that entry, also when the same id is listed twice', () => {
  const text = '# bondlint disable-next-line dup, mtu-x, dup\nMTU=1\n';
  const ctx = ctxOf(text, 'ifcfg-eth0');
  const unused = diagnose(ctx).filter((x) => x.code === 'unused-suppression');
  assert.equal(unused.length, 3);
  const results = unused.map((d) => applyEdits(text, codeActions(ctx, [d])[0].edit!.changes![ctx.uri]));
  assert.deepEqual(results, [
    '# bondlint disable-next-line mtu-x, dup\nMTU=1\n',
    '# bondlint disable-next-line dup, dup\nMTU=1\n',
    '# bondlint disable-next-line dup, mtu-x\nMTU=1\n',
  ]);
});

test('code actions for thousands of unused entries on one line stay linear (found by npm run fuzz)', () => {
  const text = `# bondlint disable ${'# bondlint disable '.repeat(10_000)}\nDEVICE=eth0\n`;
  const ctx = ctxOf(text, 'ifcfg-eth0');
  const d = diagnose(ctx);
  assert.ok(d.length > 10_000);
  const t = performance.now();
  const actions = codeActions(ctx, d);
  const ms = performance.now() - t;
  assert.equal(actions.length, d.filter((x) => x.code === 'unused-suppression').length);
  assert.ok(ms < 3000, `${ms} ms`);
});
