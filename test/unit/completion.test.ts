import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { complete, resolveCompletionItem } from '../../server/src/analysis';
import type { CompletionItem } from 'vscode-languageserver-types';
import { ctxOf } from '../helpers/analysis';

/** Completion at the `|` marker. */
function at(src: string, name = 'ifcfg-bond0', host?: Parameters<typeof complete>[2]): CompletionItem[] {
  const i = src.indexOf('|');
  const text = src.slice(0, i) + src.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  const pos = { line: before.length - 1, character: before[before.length - 1].length };
  return complete(ctxOf(text, name), pos, host).items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

test('keys: role-aware, no key twice, snippet with the value', () => {
  const bond = at('DEVICE=bond0\nTYPE=Bond\n|');
  assert.ok(!labels(bond).includes('DEVICE'));
  const top = sorted(bond).slice(0, 15);
  assert.ok(top.includes('BONDING_OPTS'), top.join(','));
  const member = at('DEVICE=eth0\nMASTER=bond0\n|', 'ifcfg-eth0');
  assert.ok(sorted(member).slice(0, 12).includes('SLAVE'));
  assert.ok(sorted(member).indexOf('BONDING_OPTS') > sorted(member).indexOf('SLAVE'));
  const onboot = bond.find((i) => i.label === 'ONBOOT')!;
  assert.match((onboot.textEdit as { newText: string }).newText, /^ONBOOT=\$\{1\|yes,no\|\}$/);
});

test('key values: booleans and enums; MASTER offers bonds of the folder', () => {
  assert.deepEqual(labels(at('ONBOOT=|')), ['yes', 'no']);
  assert.ok(labels(at('BOOTPROTO=|')).includes('dhcp'));
  const host = { bonds: () => ['bond0', 'bond1'], membersOf: () => [] };
  assert.deepEqual(labels(at('DEVICE=eth0\nMASTER=|', 'ifcfg-eth0', host)), ['bond0', 'bond1']);
});

test('BONDING_OPTS option names: not yet set, mode-meaningful first, refused ones last', () => {
  const items = at('BONDING_OPTS="mode=active-backup |"');
  assert.ok(!labels(items).includes('mode'));
  const order = sorted(items);
  assert.equal(order[0], 'miimon');
  assert.ok(order.indexOf('primary') < order.indexOf('xmit_hash_policy'), 'primary (effective in mode 1) before xmit_hash_policy (no effect)');
  assert.ok(order.indexOf('xmit_hash_policy') < order.indexOf('lacp_rate'), 'lacp_rate is refused in mode 1: last');
  assert.ok(!labels(items).includes('max_bonds'), 'module-only parameter is not offered in BONDING_OPTS');
  const lacp = at('BONDING_OPTS="mode=802.3ad miimon=100 |"');
  assert.ok(sorted(lacp).indexOf('lacp_rate') < sorted(lacp).indexOf('primary'));
});

test('BONDING_OPTS values: modes with numbers and docs, enum values, primary from members', () => {
  const modes = at('BONDING_OPTS="mode=|"');
  assert.deepEqual(labels(modes), ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb']);
  assert.equal((modes[4].labelDetails as { detail: string }).detail.trim(), '4');
  assert.match(JSON.stringify(modes[4].documentation), /LACP/);
  assert.deepEqual(labels(at('BONDING_OPTS="mode=4 lacp_rate=|"')), ['slow', 'fast']);
  const host = { bonds: () => [], membersOf: (b: string) => (b === 'bond0' ? ['eth0', 'eth1'] : []) };
  assert.deepEqual(labels(at('DEVICE=bond0\nBONDING_OPTS="mode=1 primary=|"', 'ifcfg-bond0', host)), ['eth0', 'eth1']);
  // replaces only the value
  const it = at('BONDING_OPTS="mode=act|"')[1];
  assert.deepEqual((it.textEdit as { range: unknown }).range, { start: { line: 0, character: 19 }, end: { line: 0, character: 22 } });
});

test('modprobe: commands, module names, module parameters only', () => {
  assert.ok(labels(at('|', 'bonding.conf')).includes('options'));
  assert.deepEqual(labels(at('options bon|', 'bonding.conf')), ['bonding']);
  const params = labels(at('options bonding mode=4 |', 'bonding.conf'));
  assert.ok(params.includes('max_bonds') && params.includes('lacp_rate'));
  assert.ok(!params.includes('ad_actor_system'), 'not a module parameter');
  assert.ok(!params.includes('mode'), 'already set');
  assert.deepEqual(labels(at('options bonding xmit_hash_policy=|', 'bonding.conf')).slice(0, 2), ['layer2', 'layer3+4']);
  assert.deepEqual(labels(at('options snd-hda-intel |', 'bonding.conf')), []);
});

test('lazy documentation: the list carries what to document, resolve fills in the same text as the inline list', () => {
  const cases: [string, string][] = [
    ['DEVICE=bond0\n|', 'ifcfg-bond0'],
    ['BONDING_OPTS="mode=802.3ad |"', 'ifcfg-bond0'],
    ['BONDING_OPTS="mode=|"', 'ifcfg-bond0'],
    ['|', 'bonding.conf'],
    ['options bonding mode=1 |', 'bonding.conf'],
  ];
  for (const [src, name] of cases) {
    const i = src.indexOf('|');
    const text = src.slice(0, i) + src.slice(i + 1);
    const before = text.slice(0, i).split('\n');
    const pos = { line: before.length - 1, character: before[before.length - 1].length };
    const ctx = ctxOf(text, name);
    const inline = complete(ctx, pos).items;
    const lazy = complete(ctx, pos, undefined, { lazyDocumentation: true }).items;
    assert.ok(inline.some((it) => it.documentation), `${src}: inline items are documented`);
    assert.ok(lazy.every((it) => it.documentation === undefined), `${src}: lazy items carry no documentation`);
    // What goes over the wire is the data; resolving the parsed JSON gives the inline item back.
    const resolved = lazy.map((it) => resolveCompletionItem(JSON.parse(JSON.stringify(it))));
    assert.deepEqual(resolved, JSON.parse(JSON.stringify(inline)), src);
    assert.ok(JSON.stringify(lazy).length < JSON.stringify(inline).length / 2 || inline.length < 10, `${src}: the lazy list is much smaller`);
  }
  // Option documentation depends on the mode the item was offered in.
  const o1 = resolveCompletionItem({ label: 'lacp_rate', data: { doc: 'option', name: 'lacp_rate', mode: 'active-backup' } });
  const o4 = resolveCompletionItem({ label: 'lacp_rate', data: { doc: 'option', name: 'lacp_rate', mode: '802.3ad' } });
  assert.notDeepEqual(o1.documentation, o4.documentation);
  // Whatever a client sends back, resolve answers with the item, unchanged where nothing is known.
  for (const data of [undefined, null, 42, 'x', {}, { doc: 'key', name: 7 }, { doc: 'key', name: 'NOPE' }, { doc: 'option', name: 'miimon', mode: '__proto__' }, { doc: 'nope', name: 'x' }]) {
    const item = { label: 'x', data };
    assert.deepEqual(resolveCompletionItem(item), item);
  }
});
