import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, codes, lint, spans } from '../helpers/analysis';

const bond = (opts: string, extra = '') => `DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS=${opts}\n${extra}`;
const optsCodes = (opts: string) => codes(bond(opts)).filter((c) => c.startsWith('bonding-opts-'));

test('a clean active-backup and 802.3ad bond raise nothing', () => {
  assert.deepEqual(optsCodes('"mode=active-backup miimon=100 primary=eth0"'), []);
  assert.deepEqual(optsCodes('"mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4"'), []);
  assert.deepEqual(optsCodes('"mode=active-backup arp_interval=1000 arp_ip_target=10.0.0.1,10.0.0.2 arp_validate=all"'), []);
});

test('unknown option: error on the token with a rename fix', () => {
  const src = bond('"mode=802.3ad miimon=100 lacp-rate=fast"');
  assert.deepEqual(spans(src, 'bonding-opts-unknown-option'), [[3, 38, 52]]);
  assert.equal(applyFix(src, 'bonding-opts-unknown-option'), bond('"mode=802.3ad miimon=100 lacp_rate=fast"'));
  assert.match(lint(bond('"mode=1 miimon=100 xmit_policy=layer2"')).find((d) => d.code === 'bonding-opts-unknown-option')!.message as string, /xmit_hash_policy/);
});

test('invalid values: kernel-true, with a case fix', () => {
  assert.ok(optsCodes('"mode=lacp miimon=100"').includes('bonding-opts-invalid-value'));
  assert.ok(optsCodes('"mode=7 miimon=100"').includes('bonding-opts-invalid-value'));
  assert.ok(optsCodes('"mode=1 miimon=100ms"').includes('bonding-opts-invalid-value'));
  assert.ok(optsCodes('"mode=1 miimon=0x64"').includes('bonding-opts-invalid-value'));
  assert.deepEqual(optsCodes('"mode=1 miimon=off"').filter((c) => c === 'bonding-opts-invalid-value'), []);
  assert.equal(applyFix(bond('"mode=Active-Backup miimon=100"'), 'bonding-opts-invalid-value'), bond('"mode=active-backup miimon=100"'));
});

test('options the mode rejects: error and a remove fix that keeps the rest byte-identical', () => {
  const src = bond('"mode=active-backup miimon=100 lacp_rate=fast"', '# keep\r\n');
  assert.deepEqual(spans(src, 'bonding-opts-rejected-in-mode'), [[3, 44, 58]]);
  assert.equal(applyFix(src, 'bonding-opts-rejected-in-mode'), bond('"mode=active-backup miimon=100"', '# keep\r\n'));
  assert.ok(optsCodes('"mode=4 miimon=100 primary=eth0"').includes('bonding-opts-rejected-in-mode'));
  assert.ok(optsCodes('"mode=802.3ad arp_interval=100 arp_ip_target=10.0.0.1"').includes('bonding-opts-rejected-in-mode'));
});

test('accepted but pointless: warning, not error (xmit_hash_policy in active-backup)', () => {
  const d = lint(bond('"mode=active-backup miimon=100 xmit_hash_policy=layer3+4"')).filter((x) => x.code === 'bonding-opts-no-effect');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 2);
});

test('miimon and arp_interval: warning, and fixes that keep one monitor', () => {
  const src = bond('"mode=1 miimon=100 arp_interval=200 arp_ip_target=10.0.0.1"');
  assert.ok(codes(src).includes('bonding-opts-miimon-and-arp'));
  assert.equal(applyFix(src, 'bonding-opts-miimon-and-arp', undefined, 0), bond('"mode=1 miimon=100"'));
  assert.equal(applyFix(src, 'bonding-opts-miimon-and-arp', undefined, 1), bond('"mode=1 arp_interval=200 arp_ip_target=10.0.0.1"'));
});

test('updelay after arp_interval turned miimon off is refused (order matters)', () => {
  assert.ok(optsCodes('"mode=1 miimon=100 arp_interval=200 arp_ip_target=10.0.0.1 updelay=200"').includes('bonding-opts-needs-miimon'));
  assert.ok(optsCodes('"mode=1 updelay=200"').includes('bonding-opts-needs-miimon'));
  assert.ok(!optsCodes('"updelay=200 mode=1 miimon=100"').includes('bonding-opts-needs-miimon'));
});

test('delays not a multiple of miimon: warning with rounding fixes', () => {
  const src = bond('"mode=1 miimon=100 updelay=250"');
  assert.ok(codes(src).includes('bonding-opts-delay-not-multiple'));
  assert.equal(applyFix(src, 'bonding-opts-delay-not-multiple'), bond('"mode=1 miimon=100 updelay=200"'));
});

test('no link monitoring in mode 1 without miimon; not in mode 4 (kernel forces miimon=100)', () => {
  assert.ok(optsCodes('"mode=1"').includes('bonding-opts-no-link-monitoring'));
  assert.ok(!optsCodes('"mode=4"').includes('bonding-opts-no-link-monitoring'));
  assert.ok(optsCodes('"mode=4 miimon=0"').includes('bonding-opts-no-link-monitoring'));
  assert.equal(applyFix(bond('"mode=1"'), 'bonding-opts-no-link-monitoring'), bond('"mode=1 miimon=100"'));
});

test('ARP targets: comma list behind + keeps only the first; missing targets; repeats', () => {
  assert.ok(optsCodes('"mode=1 arp_interval=100 arp_ip_target=+10.0.0.1,10.0.0.2"').includes('bonding-opts-silently-ignored'));
  assert.ok(optsCodes('"mode=1 arp_interval=100"').includes('bonding-opts-arp-incomplete'));
  assert.ok(optsCodes('"mode=1 miimon=100 arp_ip_target=10.0.0.1"').includes('bonding-opts-arp-incomplete'));
  assert.ok(optsCodes('"mode=1 arp_interval=100 arp_ip_target=+10.0.0.1 arp_ip_target=+10.0.0.2"').includes('bonding-opts-repeated-arp-target'));
  assert.ok(optsCodes('"mode=1 arp_interval=100 arp_ip_target=10.0.0.1,10.0.0.1"').includes('bonding-opts-silently-ignored'));
});

test('duplicates, separators, numeric values, module-only names, use_carrier', () => {
  assert.deepEqual(spans(bond('"mode=1 miimon=100 mode=4"'), 'bonding-opts-duplicate-option'), [[3, 14, 20]]);
  const tab = bond('"mode=1\tmiimon=100"');
  assert.ok(codes(tab).includes('bonding-opts-separator'));
  assert.equal(applyFix(tab, 'bonding-opts-separator'), bond('"mode=1 miimon=100"'));
  assert.equal(applyFix(bond('"mode=4 miimon=100"'), 'bonding-opts-numeric-value'), bond('"mode=802.3ad miimon=100"'));
  assert.ok(optsCodes('"mode=1 miimon=100 max_bonds=2"').includes('bonding-opts-module-only'));
  assert.ok(optsCodes('"mode=1 miimon=100 use_carrier=0"').includes('bonding-opts-use-carrier'));
  assert.ok(optsCodes('"mode=1 miimon=100 num_grat_arp=3 num_unsol_na=5"').includes('bonding-opts-grat-arp-alias'));
  assert.ok(optsCodes('"mode=1 miimon=100 arp_validate=all"').includes('bonding-opts-arp-validate-without-arp'));
});

test('fixes refuse to guess when the token is not written literally', () => {
  // An escaped quote inside the token: no byte-exact edit is possible, so no fix is offered.
  const src = bond('"mode=1 miimon=100 lacp_rate=\\"fast\\""');
  assert.throws(() => applyFix(src, 'bonding-opts-rejected-in-mode'), /no fix/);
});

test('ARP targets are read as the kernel reads them (in4_pton; verdicts from the bonding oracle, Linux 6.1)', async () => {
  const { simulate } = await import('../../server/src/analysis/bonding-opts/kernel');
  const z = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const outcome = (target: string) => {
    const text = `arp_ip_target=${target}`;
    const tokens = ['mode=1', 'arp_interval=100', text].map((t, index) => ({ text: t, key: t.slice(0, t.indexOf('=')), value: t.slice(t.indexOf('=') + 1), range: z, keyRange: z, index }));
    const sim = simulate(tokens);
    return { outcome: sim.verdicts[2].outcome, targets: sim.state.arpTargets.join(',') };
  };
  // Rejected: a hex digit or a dot right after the fourth part, a part over 255, fewer than four parts, an empty part.
  for (const t of ['10.0.0.1a', '10.0.0.1f', '10.0.0.1A', '10.0.0.1.', '10.0.0.1.5', '10.0.0.256', '10.0.0', '10..0.1']) {
    assert.equal(outcome(t).outcome, 'rejected', t);
  }
  // Accepted: leading zeros in any part, and any other character ends the address (the rest is ignored).
  for (const [t, read] of [['0010.0.0.1', '10.0.0.1'], ['10.0.0.0001', '10.0.0.1'], ['10.0.0.00', '10.0.0.0'], ['10.0.0.1g', '10.0.0.1'], ['10.0.0.1x', '10.0.0.1'], ['10.0.0.1:5', '10.0.0.1']]) {
    assert.deepEqual(outcome(t), { outcome: 'accepted', targets: read }, t);
  }
});

test('options the kernel accepts in every mode but that only act in some (bonding.rst) get the no-effect warning elsewhere', () => {
  const noEffect = (opts: string) => optsCodes(opts).includes('bonding-opts-no-effect');
  assert.ok(noEffect('"mode=802.3ad miimon=100 fail_over_mac=active"'), 'fail_over_mac outside active-backup');
  assert.ok(!noEffect('"mode=active-backup miimon=100 fail_over_mac=active"'));
  assert.ok(noEffect('"mode=active-backup miimon=100 min_links=2"'), 'min_links outside 802.3ad');
  assert.ok(!noEffect('"mode=802.3ad miimon=100 min_links=2"'));
  assert.ok(noEffect('"mode=balance-xor miimon=100 num_grat_arp=3"'), 'num_grat_arp outside active-backup');
  assert.ok(!noEffect('"mode=active-backup miimon=100 num_grat_arp=3"'));
  assert.ok(noEffect('"mode=balance-rr miimon=100 num_unsol_na=3"'));
});
