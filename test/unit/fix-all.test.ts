import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixAll, makeContext } from '../../server/src/analysis';
import { codes } from '../helpers/analysis';

const uri = 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0';
const run = (text: string) => fixAll(makeContext(uri, text, 'ifcfg'), (t) => makeContext(uri, t, 'ifcfg'));

test('fix-all applies the safe fixes, keeps everything else byte-identical, and is idempotent', () => {
  const src = '\uFEFF# bond for the db network\r\nDEVICE=bond0\r\nTYPE=Bond\r\nexport ONBOOT = yes\r\nBONDING_OPTS="mode=4\tmiimon=100"   # LACP\r\nNM_CONTROLLED=no   //keep off\r\n';
  const once = run(src);
  assert.equal(once.text, '\uFEFF# bond for the db network\r\nDEVICE=bond0\r\nTYPE=Bond\r\nBONDING_MASTER=yes\r\nONBOOT=yes\r\nBONDING_OPTS="mode=802.3ad miimon=100"   # LACP\r\nNM_CONTROLLED=no   #keep off\r\n');
  assert.ok(once.applied.length >= 4);
  const twice = run(once.text);
  assert.equal(twice.text, once.text);
  assert.deepEqual(twice.applied, []);
  for (const c of ['spaces-around-equals', 'export-prefix', 'slash-comment', 'bonding-opts-separator']) assert.ok(!codes(once.text).includes(c), c);
});

test('fix-all leaves files without safe fixes alone', () => {
  // Removing an option the mode refuses is a judgement call: not part of fix-all.
  const src = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100 lacp_rate=fast"\n';
  assert.equal(run(src).text, src);
});
