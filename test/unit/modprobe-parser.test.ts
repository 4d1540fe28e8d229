import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseModprobe } from '../../server/src/analysis/modprobe/parser';

const kinds = (src: string) => parseModprobe(src).problems.map((p) => p.kind);

test('commands and options tokens with ranges', () => {
  const f = parseModprobe('alias bond0 bonding\noptions bonding mode=4 miimon=100 arp_ip_target="10.0.0.1,10.0.0.2"\n');
  assert.equal(f.statements.length, 2);
  const o = f.statements[1].options!;
  assert.deepEqual(o.map((t) => [t.name, t.value]), [['mode', '4'], ['miimon', '100'], ['arp_ip_target', '10.0.0.1,10.0.0.2']]);
  assert.deepEqual([o[0].valueRange!.start.character, o[0].valueRange!.end.character], [21, 22]);
  assert.deepEqual([o[2].valueRange!.start.character, o[2].valueRange!.end.character], [49, 66]);
  assert.deepEqual(kinds('alias bond0 bonding\n'), []);
});

test('comments only in the first column', () => {
  assert.deepEqual(kinds('# fine\n'), []);
  assert.deepEqual(kinds('  # not fine\n'), ['indented-comment']);
  assert.deepEqual(kinds('options bonding mode=4 # LACP\n'), ['inline-comment']);
});

test('continuations join with nothing inserted', () => {
  const f = parseModprobe('options bonding mode=4\\\nmiimon=100\n');
  assert.deepEqual(f.statements[0].options!.map((t) => t.name), ['mode']);
  assert.equal(f.statements[0].options![0].value, '4miimon=100');
  assert.deepEqual(kinds('options bonding mode=4\\\nmiimon=100\n'), ['continuation-join']);
  const g = parseModprobe('options bonding mode=4 \\\n  miimon=100\n');
  assert.deepEqual(g.statements[0].options!.map((t) => t.name), ['mode', 'miimon']);
  assert.deepEqual(g.statements[0].options![1].range.start, { line: 1, character: 2 });
  assert.deepEqual(kinds('options bonding mode=4 \\\n  miimon=100\n'), []);
});

test('unknown commands and missing arguments', () => {
  assert.deepEqual(kinds('option bonding mode=4\n'), ['unknown-command']);
  assert.deepEqual(kinds('alias bond0\n'), ['missing-argument']);
  assert.deepEqual(kinds('options bonding\n'), ['missing-argument']);
  assert.deepEqual(kinds('include /etc/foo\n'), ['deprecated-command']);
});

test('unrelated lines parse clean', () => {
  const src = [
    'options snd-hda-intel model=auto power_save=1',
    'blacklist pcspkr',
    'install usb-storage /bin/true',
    'remove snd-pcm { /sbin/modprobe -r --ignore-remove snd-pcm-oss; } ; /sbin/modprobe -r --ignore-remove snd-pcm',
    'softdep bonding pre: ixgbe i40e',
    'softdep nouveau pre: drm post: ttm',
    'alias pci:v00008086d* e1000e',
  ].join('\n');
  assert.deepEqual(kinds(src), []);
});

test('never throws on hostile input', () => {
  for (const src of ['\\', '\\\\\\\n\\', '\0\0', 'options ' + 'x='.repeat(50000), '#\\\n\\\n', '[[[]]', 'alias a[ b']) parseModprobe(src);
});
