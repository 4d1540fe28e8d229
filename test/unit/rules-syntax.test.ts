import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, codes, lint, spans } from '../helpers/analysis';

test('spaces-around-equals: error on the exact range, fix removes only the spaces', () => {
  assert.deepEqual(spans('DEVICE=bond0\nONBOOT = yes\n', 'spaces-around-equals'), [[1, 6, 9]]);
  assert.equal(lint('ONBOOT = yes\n')[0].severity, 1);
  assert.equal(applyFix('DEVICE=bond0\r\nONBOOT = yes # boot\r\n', 'spaces-around-equals'), 'DEVICE=bond0\r\nONBOOT=yes # boot\r\n');
  assert.deepEqual(codes('ONBOOT=yes\n'), []);
});

test('slash-comment fix turns // into #', () => {
  assert.equal(applyFix('NM_CONTROLLED=no   //comment\n', 'slash-comment'), 'NM_CONTROLLED=no   #comment\n');
});

test('export-prefix fix', () => {
  assert.equal(applyFix('export ONBOOT=yes\n', 'export-prefix'), 'ONBOOT=yes\n');
});

test('modprobe rules', () => {
  assert.deepEqual(codes('  # x\n', 'bonding.conf'), ['modprobe-indented-comment']);
  assert.equal(applyFix('alias bond0 bonding\n   # x\n', 'modprobe-indented-comment', 'bonding.conf'), 'alias bond0 bonding\n# x\n');
  assert.equal(applyFix('options bonding mode=4\\\nmiimon=100\n', 'modprobe-continuation-join', 'bonding.conf'), 'options bonding mode=4 \\\nmiimon=100\n');
  assert.deepEqual(codes('option bonding mode=4\n', 'bonding.conf'), ['modprobe-unknown-command']);
});

test('unquoted-whitespace fix quotes the whole value (the lost words included) and nothing else', () => {
  assert.equal(applyFix('BONDING_OPTS=mode=1 miimon=100   # bond\r\nX=1\r\n', 'unquoted-whitespace'), 'BONDING_OPTS="mode=1 miimon=100"   # bond\r\nX=1\r\n');
  assert.deepEqual(codes(applyFix('DOMAIN=a.example b.example\n', 'unquoted-whitespace')), []);
  assert.throws(() => applyFix('X=$HOME a\n', 'unquoted-whitespace'), /no fix/);
});
