import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Location, Position, Range, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import {
  codeLenses, definition, documentLinks, documentSymbols, inlayHints, newNameProblem, prepareRename, references, rename, workspaceSymbols,
} from '../../server/src/analysis/navigation';
import type { WorkspaceModel } from '../../server/src/analysis/workspace/model';
import { applyEdits, lintWorkspace } from '../helpers/analysis';

const NS = (h: string) => `/fleet/${h}/etc/sysconfig/network-scripts`;
const MP = (h: string) => `/fleet/${h}/etc/modprobe.d`;
const U = (p: string) => `file://${p}`;
const UUID = '1b2a9c3e-0000-4000-8000-000000000001';

const H1 = {
  [`${NS('h1')}/ifcfg-bond0`]: `DEVICE=bond0\nTYPE=Bond\nUUID=${UUID}\nBONDING_OPTS="mode=1 miimon=100 primary=eth0"\nONBOOT=yes\n`,
  [`${NS('h1')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n',
  [`${NS('h1')}/ifcfg-eth1`]: 'DEVICE=eth1\nMASTER="bond0"   # quoted\nSLAVE=yes\n',
  [`${NS('h1')}/ifcfg-eth2`]: `DEVICE=eth2\nMASTER_UUID=${UUID.toUpperCase()}\nSLAVE=yes\n`,
  [`${MP('h1')}/bonding.conf`]: 'alias bond0 bonding\noptions bond0 miimon=100\n',
};
const H2 = {
  [`${NS('h2')}/ifcfg-bond0`]: 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=4 miimon=100 xmit_hash_policy=1 lacp_rate=1"\n',
  [`${NS('h2')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n',
  [`${MP('h2')}/bonding.conf`]: 'alias bond0 bonding\n',
};
const FLEET = { ...H1, ...H2 };

function ws(files: Record<string, string> = FLEET): WorkspaceModel {
  return lintWorkspace(files).model;
}

/** Position inside the `nth` occurrence of `needle` in the file (offset characters into it). */
function at(files: Record<string, string>, path: string, needle: string, offset = 1, nth = 0): Position {
  const text = files[path];
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in ${path}`);
  }
  const before = text.slice(0, i + offset).split(/\r\n|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const span = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];
const locs = (l: Location[]) => l.map((x) => `${x.uri.replace(/^file:\/\/\/fleet\//, '')}@${x.range.start.line}:${x.range.start.character}-${x.range.end.character}`);

/** Applies a rename's text edits to the files; returns the new texts and the file renames. */
function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit): { files: Record<string, string>; renames: [string, string][] } {
  const out = { ...files };
  const renames: [string, string][] = [];
  for (const c of edit.documentChanges ?? []) {
    if ('kind' in c) {
      assert.equal(c.kind, 'rename');
      const r = c as RenameFile;
      const from = r.oldUri.replace('file://', '');
      const to = r.newUri.replace('file://', '');
      renames.push([from, to]);
      // Applied in order, like a client: later edits address the new name.
      out[to] = out[from];
      continue;
    }
    const d = c as TextDocumentEdit;
    assert.equal(d.textDocument.version, null);
    const p = d.textDocument.uri.replace('file://', '');
    assert.ok(p in out, p);
    out[p] = applyEdits(out[p], d.edits as never);
  }
  // Tests look the renamed files up under their old names too.
  for (const [from, to] of renames) out[from] = out[to];
  return { files: out, renames };
}

// ---------------------------------------------------------------- definition

test('definition: MASTER (plain and quoted) → the bond\'s DEVICE value in the same host', () => {
  const m = ws();
  const bondDevice = [`h1/etc/sysconfig/network-scripts/ifcfg-bond0@0:7-12`];
  assert.deepEqual(locs(definition(m, U(`${NS('h1')}/ifcfg-eth0`), at(FLEET, `${NS('h1')}/ifcfg-eth0`, 'bond0'))), bondDevice);
  assert.deepEqual(locs(definition(m, U(`${NS('h1')}/ifcfg-eth1`), at(FLEET, `${NS('h1')}/ifcfg-eth1`, 'bond0', 0))), bondDevice);
  // End of the word counts as on it.
  assert.deepEqual(locs(definition(m, U(`${NS('h1')}/ifcfg-eth0`), at(FLEET, `${NS('h1')}/ifcfg-eth0`, 'bond0', 5))), bondDevice);
  // h2's member goes to h2's bond, never h1's.
  assert.deepEqual(locs(definition(m, U(`${NS('h2')}/ifcfg-eth0`), at(FLEET, `${NS('h2')}/ifcfg-eth0`, 'bond0'))), [`h2/etc/sysconfig/network-scripts/ifcfg-bond0@0:7-12`]);
});

test('definition: MASTER_UUID → UUID line; primary= → member DEVICE; alias/options names → bond file', () => {
  const m = ws();
  assert.deepEqual(locs(definition(m, U(`${NS('h1')}/ifcfg-eth2`), at(FLEET, `${NS('h1')}/ifcfg-eth2`, '1B2A'))), [`h1/etc/sysconfig/network-scripts/ifcfg-bond0@2:5-41`]);
  assert.deepEqual(locs(definition(m, U(`${NS('h1')}/ifcfg-bond0`), at(FLEET, `${NS('h1')}/ifcfg-bond0`, 'primary=eth0', 9))), [`h1/etc/sysconfig/network-scripts/ifcfg-eth0@0:7-11`]);
  const conf = `${MP('h1')}/bonding.conf`;
  assert.deepEqual(locs(definition(m, U(conf), at(FLEET, conf, 'bond0'))), [`h1/etc/sysconfig/network-scripts/ifcfg-bond0@0:7-12`]);
  assert.deepEqual(locs(definition(m, U(conf), at(FLEET, conf, 'bond0', 2, 1))), [`h1/etc/sysconfig/network-scripts/ifcfg-bond0@0:7-12`]);
});

test('definition: a bond without DEVICE → line 0 of its file; no ifcfg file → the modprobe alias', () => {
  const files = {
    [`${NS('h3')}/ifcfg-bond1`]: 'TYPE=Bond\nBONDING_OPTS=mode=1\n',
    [`${NS('h3')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond1\n',
    [`${NS('h3')}/ifcfg-eth1`]: 'DEVICE=eth1\nMASTER=bond2\n',
    [`${MP('h3')}/b.conf`]: 'alias bond2 bonding\n',
  };
  const m = ws(files);
  assert.deepEqual(locs(definition(m, U(`${NS('h3')}/ifcfg-eth0`), at(files, `${NS('h3')}/ifcfg-eth0`, 'bond1'))), ['h3/etc/sysconfig/network-scripts/ifcfg-bond1@0:0-0']);
  assert.deepEqual(locs(definition(m, U(`${NS('h3')}/ifcfg-eth1`), at(files, `${NS('h3')}/ifcfg-eth1`, 'bond2'))), ['h3/etc/modprobe.d/b.conf@0:6-11']);
});

test('definition: nothing on declarations, keys, other values, past the end, or odd input', () => {
  const m = ws();
  const bond = `${NS('h1')}/ifcfg-bond0`;
  assert.deepEqual(definition(m, U(bond), { line: 0, character: 9 }), []); // DEVICE=bond0 itself
  assert.deepEqual(definition(m, U(bond), { line: 1, character: 2 }), []); // TYPE key
  assert.deepEqual(definition(m, U(bond), { line: 3, character: 20 }), []); // mode=1
  assert.deepEqual(definition(m, U(`${NS('h1')}/ifcfg-eth0`), { line: 1, character: 500 }), []);
  assert.deepEqual(definition(m, U(`${NS('h1')}/ifcfg-eth0`), { line: 99, character: 0 }), []);
  assert.deepEqual(definition(m, 'file:///nowhere/ifcfg-x', { line: 0, character: 0 }), []);
  assert.deepEqual(definition(m, U(bond), null as unknown as Position), []);
  assert.deepEqual(definition(m, U(bond), { line: NaN, character: 1 } as Position), []);
  // `bonding` (the module) is not an interface name.
  const conf = `${MP('h1')}/bonding.conf`;
  assert.deepEqual(definition(m, U(conf), at(FLEET, conf, 'bonding')), []);
});

// ---------------------------------------------------------------- references

test('references of a bond: MASTER, MASTER_UUID, alias, options; declaration on request; host only', () => {
  const m = ws();
  const bond = `${NS('h1')}/ifcfg-bond0`;
  const expected = [
    'h1/etc/modprobe.d/bonding.conf@0:6-11',
    'h1/etc/modprobe.d/bonding.conf@1:8-13',
    'h1/etc/sysconfig/network-scripts/ifcfg-eth0@1:7-12',
    'h1/etc/sysconfig/network-scripts/ifcfg-eth1@1:8-13',
    'h1/etc/sysconfig/network-scripts/ifcfg-eth2@1:12-48',
  ];
  assert.deepEqual(locs(references(m, U(bond), { line: 0, character: 8 }, false)), expected);
  const withDecl = locs(references(m, U(bond), { line: 0, character: 8 }, true));
  assert.deepEqual(withDecl, [...expected.slice(0, 2), 'h1/etc/sysconfig/network-scripts/ifcfg-bond0@0:7-12', ...expected.slice(2)]);
  // From any reference, and from elsewhere in the bond's file: the same list.
  assert.deepEqual(locs(references(m, U(`${NS('h1')}/ifcfg-eth1`), at(FLEET, `${NS('h1')}/ifcfg-eth1`, 'bond0'), true)), withDecl);
  assert.deepEqual(locs(references(m, U(`${NS('h1')}/ifcfg-eth2`), at(FLEET, `${NS('h1')}/ifcfg-eth2`, '1B2A'), true)), withDecl);
  assert.deepEqual(locs(references(m, U(bond), { line: 1, character: 1 }, true)), withDecl);
  assert.ok(withDecl.every((l) => l.startsWith('h1/')));
});

test('references of an interface: DEVICE, primary=, queue_id=, slaves=, modprobe options', () => {
  const files = {
    [`${NS('h1')}/ifcfg-bond0`]: 'DEVICE=bond0\nBONDING_OPTS="mode=1 primary=eth0 queue_id=eth0:2 active_slave=eth0 slaves=+eth0"\n',
    [`${NS('h1')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\n',
    [`${NS('h1')}/ifcfg-eth1`]: 'DEVICE=eth1\nMASTER=bond0\n',
    [`${MP('h1')}/bonding.conf`]: 'options bonding primary=eth0 miimon=100\noptions e1000e primary=eth0\n',
    [`${NS('h2')}/ifcfg-bond0`]: 'DEVICE=bond0\nBONDING_OPTS="mode=1 primary=eth0"\n',
    [`${NS('h2')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\n',
  };
  const m = ws(files);
  const got = locs(references(m, U(`${NS('h1')}/ifcfg-eth0`), { line: 0, character: 8 }, true));
  assert.deepEqual(got, [
    'h1/etc/modprobe.d/bonding.conf@0:24-28',
    'h1/etc/sysconfig/network-scripts/ifcfg-bond0@1:29-33',
    'h1/etc/sysconfig/network-scripts/ifcfg-bond0@1:43-47',
    'h1/etc/sysconfig/network-scripts/ifcfg-bond0@1:63-67',
    'h1/etc/sysconfig/network-scripts/ifcfg-bond0@1:76-80',
    'h1/etc/sysconfig/network-scripts/ifcfg-eth0@0:7-11',
  ]);
  // eth1 is referenced by nothing but its declaration.
  assert.deepEqual(locs(references(m, U(`${NS('h1')}/ifcfg-eth1`), { line: 0, character: 8 }, false)), []);
  assert.deepEqual(references(m, 'file:///nope', { line: 0, character: 0 }, true), []);
});

// ---------------------------------------------------------------- rename

test('prepareRename: names only', () => {
  const m = ws();
  const eth1 = `${NS('h1')}/ifcfg-eth1`;
  assert.deepEqual(prepareRename(m, U(eth1), at(FLEET, eth1, 'bond0')), { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } }, placeholder: 'bond0' });
  assert.equal(prepareRename(m, U(eth1), { line: 1, character: 2 }), null); // key
  assert.equal(prepareRename(m, U(eth1), { line: 2, character: 8 }), null); // SLAVE=yes
  assert.equal(prepareRename(m, U(`${NS('h1')}/ifcfg-eth2`), at(FLEET, `${NS('h1')}/ifcfg-eth2`, '1B2A')), null); // MASTER_UUID
  const conf = `${MP('h1')}/bonding.conf`;
  assert.equal(prepareRename(m, U(conf), at(FLEET, conf, 'bonding')), null);
  assert.equal(prepareRename(m, U(conf), { line: 40, character: 40 }), null);
  assert.deepEqual(prepareRename(m, U(conf), at(FLEET, conf, 'bond0'))?.placeholder, 'bond0');
});

test('rename a bond: DEVICE, MASTER (quotes kept), alias, options, file rename; other host untouched', () => {
  const m = ws();
  const eth1 = `${NS('h1')}/ifcfg-eth1`;
  const edit = rename(m, U(eth1), at(FLEET, eth1, 'bond0'), 'bond7')!;
  const { files, renames } = applyWorkspaceEdit(FLEET, edit);
  assert.equal(files[`${NS('h1')}/ifcfg-bond0`], FLEET[`${NS('h1')}/ifcfg-bond0`].replace('DEVICE=bond0', 'DEVICE=bond7'));
  assert.equal(files[`${NS('h1')}/ifcfg-eth0`], 'DEVICE=eth0\nMASTER=bond7\nSLAVE=yes\n');
  assert.equal(files[eth1], 'DEVICE=eth1\nMASTER="bond7"   # quoted\nSLAVE=yes\n');
  assert.equal(files[`${NS('h1')}/ifcfg-eth2`], FLEET[`${NS('h1')}/ifcfg-eth2`]);
  assert.equal(files[`${MP('h1')}/bonding.conf`], 'alias bond7 bonding\noptions bond7 miimon=100\n');
  for (const p of Object.keys(H2)) assert.equal(files[p], FLEET[p], p);
  assert.deepEqual(renames, [[`${NS('h1')}/ifcfg-bond0`, `${NS('h1')}/ifcfg-bond7`]]);
  // The file rename comes first; the text edits address the new URI.
  const kinds = edit.documentChanges!.map((c) => ('kind' in c ? c.kind : 'edit'));
  assert.equal(kinds.indexOf('rename'), 0);
  const op = edit.documentChanges!.find((c) => 'kind' in c) as RenameFile;
  assert.deepEqual(op.options, { overwrite: false, ignoreIfExists: false });
  // Without file renames (client without resourceOperations).
  const plain = rename(m, U(eth1), at(FLEET, eth1, 'bond0'), 'bond7', { renameFiles: false })!;
  assert.ok(plain.documentChanges!.every((c) => !('kind' in c)));
});

test('rename an interface from primary=: DEVICE, primary, MASTER-less; CRLF and single quotes kept', () => {
  const files = {
    [`${NS('h1')}/ifcfg-bond0`]: "DEVICE=bond0\r\nBONDING_OPTS='mode=1 primary=eth0 queue_id=eth0:1'\r\n",
    [`${NS('h1')}/ifcfg-eth0`]: 'DEVICE="eth0"\r\nMASTER=bond0\r\n',
    [`${NS('h2')}/ifcfg-eth0`]: 'DEVICE=eth0\n',
  };
  const m = ws(files);
  const bond = `${NS('h1')}/ifcfg-bond0`;
  const edit = rename(m, U(bond), at(files, bond, 'primary=eth0', 9), 'lan-a')!;
  const r = applyWorkspaceEdit(files, edit);
  assert.equal(r.files[bond], "DEVICE=bond0\r\nBONDING_OPTS='mode=1 primary=lan-a queue_id=lan-a:1'\r\n");
  assert.equal(r.files[`${NS('h1')}/ifcfg-eth0`], 'DEVICE="lan-a"\r\nMASTER=bond0\r\n');
  assert.equal(r.files[`${NS('h2')}/ifcfg-eth0`], 'DEVICE=eth0\n');
  assert.deepEqual(r.renames, [[`${NS('h1')}/ifcfg-eth0`, `${NS('h1')}/ifcfg-lan-a`]]);
});

test('rename: file rename only when the file is named after the device', () => {
  const files = {
    [`${NS('h1')}/ifcfg-bond0`]: 'DEVICE=bond0\nTYPE=Bond\n',
    [`${NS('h1')}/ifcfg-port-a`]: 'DEVICE=eth0\nMASTER=bond0\n',
    [`${NS('h1')}/ifcfg-eth1`]: 'MASTER=bond0\n', // no DEVICE: the name is the file's
  };
  const m = ws(files);
  const portA = `${NS('h1')}/ifcfg-port-a`;
  const e1 = rename(m, U(portA), { line: 0, character: 8 }, 'eth5')!;
  const r1 = applyWorkspaceEdit(files, e1);
  assert.equal(r1.files[portA], 'DEVICE=eth5\nMASTER=bond0\n');
  assert.deepEqual(r1.renames, []);
  // A file without DEVICE takes its name from the file name: renaming it renames the file.
  const withPrimary = { ...files, [`${NS('h1')}/ifcfg-bond0`]: 'DEVICE=bond0\nBONDING_OPTS="mode=1 primary=eth1"\n' };
  const m2 = ws(withPrimary);
  const e2 = rename(m2, U(`${NS('h1')}/ifcfg-bond0`), at(withPrimary, `${NS('h1')}/ifcfg-bond0`, 'eth1'), 'eth6')!;
  const r2 = applyWorkspaceEdit(withPrimary, e2);
  assert.equal(r2.files[`${NS('h1')}/ifcfg-eth1`], 'MASTER=bond0\n');
  assert.deepEqual(r2.renames, [[`${NS('h1')}/ifcfg-eth1`, `${NS('h1')}/ifcfg-eth6`]]);
  // Renaming to the same name is an empty edit.
  assert.deepEqual(rename(m, U(portA), { line: 0, character: 8 }, 'eth0'), { documentChanges: [] });
  // Nothing to rename under the cursor.
  assert.equal(rename(m, U(portA), { line: 1, character: 1 }, 'x0'), null);
});

test('rename rejects invalid names and names already used on the host (but not on another host)', () => {
  const m = ws();
  const eth0 = `${NS('h1')}/ifcfg-eth0`;
  const p = at(FLEET, eth0, 'bond0');
  for (const bad of ['', 'a/b', 'a:b', 'a b', '.', '..', 'x'.repeat(16), 'bond$1', 'bo"nd', "it's", 'a=b', 'a#b', 'a;b']) {
    assert.throws(() => rename(m, U(eth0), p, bad), Error, JSON.stringify(bad));
    assert.ok(newNameProblem(bad), bad);
  }
  assert.throws(() => rename(m, U(eth0), p, 'x'.repeat(16)), /longer than 15 bytes/);
  assert.throws(() => rename(m, U(eth0), p, 'eth1'), /already used on this host.*ifcfg-eth1/);
  // eth0 is renamed; h2's eth0 does not count against h1 and vice versa.
  const h2eth0 = `${NS('h2')}/ifcfg-eth0`;
  assert.ok(rename(m, U(h2eth0), { line: 0, character: 8 }, 'eth1'));
  // A modprobe alias of the new name is a clash too.
  const withAlias = { ...FLEET, [`${MP('h1')}/bonding.conf`]: 'alias bond0 bonding\nalias bond1 bonding\n' };
  assert.throws(() => rename(ws(withAlias), U(eth0), p, 'bond1'), /alias bond1 bonding/);
  assert.equal(newNameProblem('bond0.100'), undefined);
  assert.equal(newNameProblem('lan-a_1@x'), undefined);
});

test('rename refuses names written with escapes instead of rewriting them badly', () => {
  const files = { [`${NS('h1')}/ifcfg-bond0`]: 'DEVICE=bond0\n', [`${NS('h1')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond\\0\n' };
  const m = ws(files);
  assert.throws(() => rename(m, U(`${NS('h1')}/ifcfg-bond0`), { line: 0, character: 8 }, 'bond1'), /escapes.*ifcfg-eth0 \(line 2\)/);
  // …but the escaped spelling is still found as a reference.
  assert.equal(references(m, U(`${NS('h1')}/ifcfg-bond0`), { line: 0, character: 8 }, false).length, 1);
});

// ---------------------------------------------------------------- symbols

test('documentSymbols: ifcfg keys with BONDING_OPTS options nested (mode names for numbers)', () => {
  const m = ws();
  const syms = documentSymbols(m, U(`${NS('h2')}/ifcfg-bond0`));
  assert.deepEqual(syms.map((s) => [s.name, s.detail, s.kind]), [
    ['DEVICE', 'bond0', SymbolKind.Variable],
    ['TYPE', 'Bond', SymbolKind.Variable],
    ['BONDING_OPTS', 'mode=4 miimon=100 xmit_hash_policy=1 lacp_rate=1', SymbolKind.Variable],
  ]);
  const opts = syms[2].children!;
  assert.deepEqual(opts.map((s) => [s.name, s.detail]), [['mode', '4 (802.3ad)'], ['miimon', '100 ms'], ['xmit_hash_policy', '1 (layer3+4)'], ['lacp_rate', '1 (fast)']]);
  for (const s of [...syms, ...opts]) assert.ok(s.range.start.character <= s.selectionRange.start.character && s.range.end.character >= s.selectionRange.end.character);
  assert.deepEqual(span(opts[0].selectionRange), [2, 14, 2, 18]);
});

test('documentSymbols: modprobe statements with options nested; odd input gives []', () => {
  const files = { [`${MP('h1')}/b.conf`]: 'alias bond0 bonding\noptions bonding mode=4 \\\n  miimon=100\nblacklist e1000\n' };
  const syms = documentSymbols(ws(files), U(`${MP('h1')}/b.conf`));
  assert.deepEqual(syms.map((s) => [s.name, s.detail]), [['alias bond0', '→ bonding'], ['options bonding', 'mode=4 miimon=100'], ['blacklist e1000', '']]);
  assert.deepEqual(syms[1].children!.map((s) => [s.name, s.detail]), [['mode', '4 (802.3ad)'], ['miimon', '100 ms']]);
  assert.deepEqual(span(syms[1].range), [1, 0, 2, 12]);
  assert.deepEqual(documentSymbols(ws(files), 'file:///none'), []);
  assert.deepEqual(documentSymbols(ws({ [`${NS('h1')}/ifcfg-x`]: '' }), U(`${NS('h1')}/ifcfg-x`)), []);
});

test('workspaceSymbols: hosts, bonds with mode, interfaces; case-insensitive; capped', () => {
  const m = ws();
  const all = workspaceSymbols(m, '');
  const hosts = all.filter((s) => s.kind === SymbolKind.Namespace).map((s) => s.name);
  assert.deepEqual(hosts, ['h1', 'h2']);
  const bonds = all.filter((s) => s.kind === SymbolKind.Class).map((s) => `${s.containerName}:${s.name}`);
  assert.deepEqual(bonds, ['h1:bond0 (active-backup)', 'h2:bond0 (802.3ad)']);
  const ifaces = all.filter((s) => s.kind === SymbolKind.Interface).map((s) => `${s.containerName}:${s.name}`);
  assert.deepEqual(ifaces, ['h1 › bond0:eth0', 'h1 › bond0:eth1', 'h1 › bond0:eth2', 'h2 › bond0:eth0']);
  assert.deepEqual(workspaceSymbols(m, '802.3AD').map((s) => s.name), ['bond0 (802.3ad)']);
  assert.deepEqual(workspaceSymbols(m, 'ETH1').map((s) => s.name), ['eth1']);
  assert.deepEqual(workspaceSymbols(m, 'bd0').map((s) => s.name), ['bond0 (active-backup)', 'bond0 (802.3ad)']);
  assert.deepEqual(workspaceSymbols(m, 'zzz'), []);
  assert.equal(workspaceSymbols(m, '', { limit: 3 }).length, 3);
  const b = workspaceSymbols(m, 'bond0 (8')[0];
  assert.equal(b.location.uri, U(`${NS('h2')}/ifcfg-bond0`));
  assert.deepEqual(span(b.location.range), [0, 7, 0, 12]);
  assert.deepEqual(workspaceSymbols(m, undefined as unknown as string).length, all.length);
});

// ---------------------------------------------------------------- links, lenses, hints

test('documentLinks: MASTER → bond file, primary= → member file, modprobe names → bond file', () => {
  const m = ws();
  const l1 = documentLinks(m, U(`${NS('h1')}/ifcfg-eth1`));
  assert.deepEqual(l1.map((l) => [span(l.range), l.target]), [[[1, 8, 1, 13], U(`${NS('h1')}/ifcfg-bond0`)]]);
  const l2 = documentLinks(m, U(`${NS('h1')}/ifcfg-bond0`));
  assert.deepEqual(l2.map((l) => l.target), [U(`${NS('h1')}/ifcfg-eth0`)]);
  assert.deepEqual(documentLinks(m, U(`${MP('h1')}/bonding.conf`)).map((l) => l.target), [U(`${NS('h1')}/ifcfg-bond0`), U(`${NS('h1')}/ifcfg-bond0`)]);
  assert.deepEqual(documentLinks(m, U(`${NS('h2')}/ifcfg-eth0`)).map((l) => l.target), [U(`${NS('h2')}/ifcfg-bond0`)]);
  // Unresolved: no link.
  const lone = { [`${NS('h9')}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond4\n' };
  assert.deepEqual(documentLinks(ws(lone), U(`${NS('h9')}/ifcfg-eth0`)), []);
});

test('codeLenses: bond topology on the DEVICE line, membership on the MASTER line', () => {
  const m = ws();
  const bond = U(`${NS('h1')}/ifcfg-bond0`);
  const [lens] = codeLenses(m, bond);
  assert.equal(lens.command!.title, 'active-backup · 3 members: eth0, eth1, eth2 · primary eth0');
  assert.equal(lens.command!.command, 'editor.action.showReferences');
  const [u, pos, targets] = lens.command!.arguments as [string, Position, Location[]];
  assert.equal(u, bond);
  assert.deepEqual(pos, { line: 0, character: 0 });
  assert.deepEqual(locs(targets), ['h1/etc/sysconfig/network-scripts/ifcfg-eth0@0:7-11', 'h1/etc/sysconfig/network-scripts/ifcfg-eth1@0:7-11', 'h1/etc/sysconfig/network-scripts/ifcfg-eth2@0:7-11']);
  const member = codeLenses(m, U(`${NS('h1')}/ifcfg-eth0`));
  assert.deepEqual(member.map((l) => [l.command!.title, l.range.start.line]), [['member of bond0 (active-backup) · primary', 1]]);
  assert.deepEqual(codeLenses(m, U(`${NS('h1')}/ifcfg-eth2`)).map((l) => l.command!.title), ['member of bond0 (active-backup)']);
  assert.deepEqual(codeLenses(m, U(`${NS('h2')}/ifcfg-bond0`)).map((l) => l.command!.title), ['802.3ad · 1 member: eth0']);
  assert.equal(codeLenses(m, bond, { command: 'bonding.showReferences' })[0].command!.command, 'bonding.showReferences');
  // A bond without members, mode from modprobe.d; no lenses for modprobe files or unknown URIs.
  const lone = { [`${NS('h9')}/ifcfg-bond3`]: 'TYPE=Bond\n', [`${MP('h9')}/b.conf`]: 'options bonding mode=balance-alb\n' };
  const ml = ws(lone);
  assert.deepEqual(codeLenses(ml, U(`${NS('h9')}/ifcfg-bond3`)).map((l) => [l.command!.title, span(l.range)]), [['balance-alb · no members', [0, 0, 0, 0]]]);
  assert.deepEqual(codeLenses(ml, U(`${MP('h9')}/b.conf`)), []);
  assert.deepEqual(codeLenses(ml, 'file:///x'), []);
});

const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

test('inlayHints: mode and enum numbers get their names, time options their unit', () => {
  const m = ws();
  const uri = U(`${NS('h2')}/ifcfg-bond0`);
  const hints = inlayHints(m, uri, ALL);
  assert.deepEqual(hints.map((h) => [h.label, h.position.line, h.position.character, h.paddingLeft]), [
    ['802.3ad', 2, 20, true], ['ms', 2, 31, true], ['layer3+4', 2, 50, true], ['fast', 2, 62, true],
  ]);
  assert.match(String(hints[0].tooltip), /LACP/);
  // Names are not repeated; only the requested range.
  const named = { [`${NS('h1')}/ifcfg-bond0`]: 'DEVICE=bond0\nBONDING_OPTS="mode=802.3ad miimon=100 updelay=200"\n' };
  assert.deepEqual(inlayHints(ws(named), U(`${NS('h1')}/ifcfg-bond0`), ALL).map((h) => h.label), ['ms', 'ms']);
  assert.deepEqual(inlayHints(m, uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 25 } }).map((h) => h.label), ['802.3ad']);
  assert.deepEqual(inlayHints(m, uri, { start: { line: 0, character: 0 }, end: { line: 1, character: 99 } }), []);
  // Non-numeric or odd values: no hint.
  const odd = { [`${NS('h1')}/ifcfg-bond0`]: 'BONDING_OPTS="mode=9 miimon=off lacp_rate=slow arp_interval=1x"\n' };
  assert.deepEqual(inlayHints(ws(odd), U(`${NS('h1')}/ifcfg-bond0`), ALL), []);
  assert.deepEqual(inlayHints(m, uri, null as unknown as Range), []);
});

test('inlayHints in modprobe.d: bonding options only', () => {
  const files = { [`${MP('h1')}/b.conf`]: 'alias bond0 bonding\noptions bonding mode=1 miimon=100\noptions bond0 lacp-rate=1\noptions e1000e mode=4 miimon=100\n' };
  const hints = inlayHints(ws(files), U(`${MP('h1')}/b.conf`), ALL);
  assert.deepEqual(hints.map((h) => [h.label, h.position.line, h.position.character]), [['active-backup', 1, 22], ['ms', 1, 33], ['fast', 2, 25]]);
});

test('never throws on odd input', () => {
  const m = ws({ ...FLEET, [`${NS('h1')}/ifcfg-weird`]: 'DEVICE=\nMASTER=\nBONDING_OPTS="primary= =x queue_id=:3 slaves=+"\n\u0000\uFEFF=\n', [`${MP('h1')}/x.conf`]: 'options\nalias\noptions bond0\n\\\n' });
  const uris = [U(`${NS('h1')}/ifcfg-weird`), U(`${MP('h1')}/x.conf`), '', 'nonsense', undefined as unknown as string];
  const positions = [{ line: -1, character: -1 }, { line: 0, character: 1e9 }, { line: 1e9, character: 0 }, {} as Position, undefined as unknown as Position];
  for (const u of uris) {
    for (const p of positions) {
      definition(m, u, p);
      references(m, u, p, true);
      prepareRename(m, u, p);
      rename(m, u, p, 'ok0');
    }
    documentSymbols(m, u);
    documentLinks(m, u);
    codeLenses(m, u);
    inlayHints(m, u, ALL);
    inlayHints(m, u, { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } });
  }
  workspaceSymbols(m, '\u0000*[(');
  assert.ok(true);
});
