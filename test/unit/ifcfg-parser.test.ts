import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseIfcfg } from '../../server/src/analysis/ifcfg/parser';

const one = (src: string) => parseIfcfg(src).assignments[0];
const kinds = (src: string) => parseIfcfg(src).problems.map((p) => p.kind);

test('plain, quoted and concatenated values are unescaped with their source columns', () => {
  assert.equal(one('DEVICE=bond0').value, 'bond0');
  assert.equal(one('NAME="System bond0"').value, 'System bond0');
  assert.equal(one("NAME='a \"b\" c'").value, 'a "b" c');
  assert.equal(one('X="a\\"b\\$c\\\\d\\e"').value, 'a"b$c\\d\\e');
  assert.equal(one("X=$'a\\tb\\x41'").value, 'a\tbA');
  assert.equal(one('X=ab"cd"\'ef\'').value, 'abcdef');
  assert.equal(one('X=a\\ b').value, 'a b');
  const a = one('BONDING_OPTS="mode=1 miimon=100"');
  assert.equal(a.value, 'mode=1 miimon=100');
  assert.equal(a.valueColumns[0], 14);
  assert.equal(a.valueColumns[a.value.length - 1], 30);
  assert.equal(a.quote, 'double');
  assert.deepEqual([a.rawRange.start.character, a.rawRange.end.character], [13, 32]);
});

test('comments, blank lines, export, trailing ; and comment', () => {
  const f = parseIfcfg('# head\n\n  # indented\nexport ONBOOT=yes\nMTU=9000; # jumbo\nX=1 # c\n');
  assert.equal(f.comments.length, 2);
  assert.deepEqual(f.assignments.map((a) => [a.key, a.value]), [['ONBOOT', 'yes'], ['MTU', '9000'], ['X', '1']]);
  assert.ok(f.assignments[1].semicolon);
  assert.equal(f.assignments[1].comment?.text, '# jumbo');
  assert.equal(f.assignments[2].comment?.text, '# c');
  assert.deepEqual(kinds('export ONBOOT=yes'), ['export']);
});

test('CRLF and BOM keep exact columns', () => {
  const f = parseIfcfg('\uFEFFDEVICE=bond0\r\nONBOOT = yes\r\n');
  assert.equal(f.assignments[0].key, 'DEVICE');
  assert.equal(f.assignments[0].keyRange.start.character, 1);
  assert.equal(f.assignments[0].value, 'bond0');
  assert.equal(f.assignments[1].value, 'yes');
  assert.equal(f.text.eol, '\r\n');
  assert.ok(f.text.bom);
});

test('spaces around = in every shape', () => {
  for (const [src, from, to] of [['ONBOOT = yes', 6, 9], ['ONBOOT =yes', 6, 8], ['ONBOOT= yes', 6, 8], ['ONBOOT\t=\tyes', 6, 9]] as const) {
    const p = parseIfcfg(src).problems;
    assert.equal(p.length, 1, src);
    assert.equal(p[0].kind, 'spaces-around-equals');
    assert.deepEqual([p[0].range.start.character, p[0].range.end.character], [from, to], src);
  }
  assert.deepEqual(kinds('GATEWAY='), []);
  assert.deepEqual(kinds('GATEWAY=   # none'), []);
});

test('live assignments and byKey leave out `KEY = value` lines (bash runs them, NetworkManager skips them)', () => {
  const clean = parseIfcfg('DEVICE=eth0\nONBOOT=yes\nONBOOT=no\n');
  assert.equal(clean.live, clean.assignments, 'the same array when every line assigns');
  assert.equal(clean.byKey.get('ONBOOT')?.value, 'no');
  const broken = parseIfcfg('DEVICE=eth0\nONBOOT=yes\nONBOOT = no\nMTU =9000\n');
  assert.deepEqual(broken.assignments.map((a) => a.key), ['DEVICE', 'ONBOOT', 'ONBOOT', 'MTU']);
  assert.deepEqual(broken.live.map((a) => `${a.key}=${a.value}`), ['DEVICE=eth0', 'ONBOOT=yes']);
  assert.equal(broken.byKey.get('ONBOOT')?.value, 'yes', 'the last line that really assigns wins');
  assert.equal(broken.byKey.has('MTU'), false);
});

test('unquoted whitespace followed by text: the lost part is the range', () => {
  const p = parseIfcfg('BONDING_OPTS=mode=1 miimon=100').problems;
  assert.equal(p[0].kind, 'unquoted-whitespace');
  assert.deepEqual([p[0].range.start.character, p[0].range.end.character], [19, 30]);
  assert.match(p[0].message, /miimon=100/);
  assert.deepEqual(kinds('NM_CONTROLLED=no   //comment'), ['slash-comment']);
  assert.deepEqual(kinds('X=a   '), []);
});

test('bad quoting, expansions, continuation and metacharacters are problems with ranges', () => {
  assert.deepEqual(kinds('NAME="abc'), ['unterminated-quote']);
  assert.deepEqual(kinds("NAME='abc"), ['unterminated-quote']);
  assert.deepEqual(kinds('X="$HOME/x"'), ['expansion']);
  assert.deepEqual(kinds('X="`date`"'), ['expansion']);
  assert.deepEqual(kinds('X=$(date)'), ['expansion']);
  assert.deepEqual(kinds('X="a\\$b"'), []);
  assert.deepEqual(kinds("X='$HOME'"), []);
  assert.deepEqual(kinds('X=abc\\'), ['line-continuation']);
  assert.deepEqual(kinds('X=a|b'), ['metacharacter']);
  assert.deepEqual(kinds('X=a;b'), ['metacharacter']);
  assert.equal(parseIfcfg('X="$HOME/x"').assignments[0].valueOk, false);
  const e = parseIfcfg('IPADDR="${BASE}.1"').problems[0];
  assert.deepEqual([e.range.start.character, e.range.end.character], [8, 15]);
});

test('lines that are not assignments', () => {
  assert.deepEqual(kinds('ONBOOT'), ['invalid-line']);
  assert.deepEqual(kinds('ifup bond0'), ['invalid-line']);
  assert.deepEqual(kinds('BOND-OPTS=x'), ['invalid-key']);
  assert.deepEqual(kinds('=x'), ['invalid-line']);
});

test('last assignment wins', () => {
  const f = parseIfcfg('MTU=1500\nMTU=9000\n');
  assert.equal(f.byKey.get('MTU')?.value, '9000');
  assert.equal(f.byKey.get('__proto__'), undefined);
});

test('never throws on hostile input and ranges stay inside the document', () => {
  const inputs = ['\0\0\0', '\uFFFD\uFFFD=\u0000', 'A="' + '\\'.repeat(10000), 'X=' + 'a '.repeat(50000), '$\'\\x', "A=$'", '"'.repeat(1000), '\r\r\n\n\r'];
  for (const src of inputs) {
    const f = parseIfcfg(src);
    for (const p of f.problems) {
      const l = f.text.lines[p.range.end.line];
      assert.ok(l && p.range.end.character <= l.text.length, `range out of bounds for ${JSON.stringify(src.slice(0, 20))}`);
    }
  }
});
