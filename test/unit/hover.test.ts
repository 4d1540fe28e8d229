import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/analysis';
import { ctxOf } from '../helpers/analysis';

function hv(src: string, line: number, character: number, name = 'ifcfg-bond0'): string {
  const r = hover(ctxOf(src, name), { line, character });
  return r ? (r.contents as { value: string }).value : '';
}

test('every ifcfg key in the knowledge base has hover text', async () => {
  const { IFCFG_KEYS } = await import('../../server/src/analysis/kb/ifcfg-keys');
  for (const k of IFCFG_KEYS) {
    const name = k.numbered ? `${k.name}1` : k.name;
    assert.ok(hv(`${name}=x`, 0, 1).includes(k.summary), name);
  }
});

test('mode hover is the same for mode=1 and mode=active-backup, and says what the switch needs', () => {
  const byName = hv('BONDING_OPTS="mode=active-backup miimon=100"', 0, 22);
  const byNumber = hv('BONDING_OPTS="mode=1 miimon=100"', 0, 19);
  assert.match(byName, /Switch/);
  assert.match(byName, /Fault tolerance/);
  assert.match(byName, /When to use it/);
  assert.ok(byNumber.startsWith(byName.split('\n')[0]));
  for (let n = 0; n <= 6; n++) assert.match(hv(`BONDING_OPTS="mode=${n}"`, 0, 19), /Load balancing/);
});

test('option and named-value hover with default, range and the bond\'s mode', () => {
  const miimon = hv('BONDING_OPTS="mode=1 miimon=100"', 0, 23);
  assert.match(miimon, /Default/);
  assert.match(miimon, /Range/);
  const lacp = hv('BONDING_OPTS="mode=1 lacp_rate=fast"', 0, 23);
  assert.match(lacp, /refused in this bond's mode/);
  assert.match(hv('BONDING_OPTS="mode=4 lacp_rate=fast"', 0, 32), /lacp_rate=fast/);
  assert.match(hv('BONDING_OPTS="mode=4 xmit_hash_policy=layer3+4"', 0, 40), /layer3\+4/);
});

test('modprobe hover: commands and module parameters', () => {
  assert.match(hv('options bonding mode=4 miimon=100\n', 0, 2, 'bonding.conf'), /options/);
  assert.match(hv('options bonding mode=4 miimon=100\n', 0, 21, 'bonding.conf'), /802\.3ad/);
  assert.match(hv('options bonding ad_actor_system=02:00:00:00:00:01\n', 0, 18, 'bonding.conf'), /Not a module parameter/);
  assert.equal(hv('options snd-hda-intel model=auto\n', 0, 25, 'bonding.conf'), '');
});

test('hover never throws and returns nothing outside tokens', () => {
  assert.equal(hv('# comment', 0, 3), '');
  assert.equal(hv('X=1', 5, 99), '');
});
