// One host with thousands of files (VLAN interfaces, copies of one file): every cross-file rule stays
// linear in the size of the host. Generous bounds: they catch quadratic work (seconds to minutes at
// these sizes), not a slow machine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { diagnose, WorkspaceModel } from '../../server/src/analysis';

const NS = 'file:///fleet/h1/etc/sysconfig/network-scripts/';

function diagnoseAll(m: WorkspaceModel): { ms: number; count: number } {
  const t = performance.now();
  let count = 0;
  for (const uri of m.uris()) count += diagnose(m.get(uri)!).length;
  return { ms: performance.now() - t, count };
}

test('10 000 VLAN files on one host: diagnosed in linear time', () => {
  const m = new WorkspaceModel();
  m.set(`${NS}ifcfg-bond0`, 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\nONBOOT=yes\nBOOTPROTO=none\n', 'ifcfg');
  for (let i = 0; i < 10_000; i++) {
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    m.set(`${NS}ifcfg-bond0.${i + 2}`, `DEVICE=bond0.${i + 2}\nVLAN=yes\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=10.${(i >> 8) & 255}.${i & 255}.1\nPREFIX=24\nHWADDR=00:11:22:33:${hex((i >> 8) & 255)}:${hex(i & 255)}\n`, 'ifcfg');
  }
  const r = diagnoseAll(m);
  assert.ok(r.ms < 15_000, `${r.ms} ms`);
});

test('3 000 copies of one member file: each names a few of the others, not all of them', () => {
  const m = new WorkspaceModel();
  m.set(`${NS}ifcfg-bond0`, 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\nONBOOT=yes\nBOOTPROTO=none\n', 'ifcfg');
  for (let i = 0; i < 3000; i++) m.set(`${NS}ifcfg-eth${i}`, `DEVICE=eth${i}\nMASTER=bond${i % 3}\nSLAVE=yes\nONBOOT=yes\nBOOTPROTO=none\nHWADDR=00:11:22:33:44:55\nIPADDR=10.0.0.1\n`, 'ifcfg');
  const r = diagnoseAll(m);
  assert.ok(r.ms < 15_000, `${r.ms} ms`);
  const d = diagnose(m.get(`${NS}ifcfg-eth7`)!).find((x) => x.code === 'duplicate-hwaddr')!;
  assert.match(d.message as string, /^HWADDR=00:11:22:33:44:55 is also configured in ifcfg-eth\d+, ifcfg-eth\d+, ifcfg-eth\d+, ifcfg-eth\d+, ifcfg-eth\d+ and 2994 more files: /);
  assert.equal(d.relatedInformation?.length, 20);
  assert.ok(!d.relatedInformation!.some((x) => x.location.uri.endsWith('/ifcfg-eth7')), 'not itself');
  // A lone pair still names the other file, with no "more".
  const p = new WorkspaceModel();
  p.set(`${NS}ifcfg-eth0`, 'DEVICE=eth0\nHWADDR=00:11:22:33:44:55\n', 'ifcfg');
  p.set(`${NS}ifcfg-eth1`, 'DEVICE=eth1\nHWADDR=00:11:22:33:44:55\n', 'ifcfg');
  assert.match(diagnose(p.get(`${NS}ifcfg-eth0`)!).find((x) => x.code === 'duplicate-hwaddr')!.message as string, /is also configured in ifcfg-eth1: /);
});
