// Go to definition, find references and document links over interface names.
import type { DocumentLink, Location, Position } from 'vscode-languageserver-types';
import type { WorkspaceModel } from '../workspace/model';
import { declarationsOf, HostIndex, lookup, Occurrence, occurrenceAt, occurrencesOf, REFERENCES, DECLARES, ifcfgSpan } from './occurrences';
import { compareLocation, isPosition, safe, sameRange, ZERO } from './util';

function loc(o: { uri: string; range: Location['range'] }): Location {
  return { uri: o.uri, range: o.range };
}

/** Where the name behind an occurrence is defined (the bond's UUID line for MASTER_UUID). */
function targetsOf(idx: HostIndex, o: Occurrence): Location[] {
  if (o.kind === 'device' || o.kind === 'file' || o.kind === 'uuid') return [];
  if (o.kind === 'master-uuid') {
    const b = idx.facts.bonds.get(o.name);
    const u = b?.entry.ctx.get('UUID');
    if (!b || !u) return [];
    return [{ uri: b.entry.ctx.uri, range: ifcfgSpan(b.entry.ctx, u, 0, u.value.length)?.range ?? u.rawRange }];
  }
  const decl = declarationsOf(idx, o.name);
  if (decl.length) return decl.map(loc);
  // No ifcfg file declares it: a modprobe alias is the next best thing (not the one under the cursor).
  return occurrencesOf(idx, o.name).filter((x) => x.kind === 'alias' && x !== o).map(loc);
}

/**
 * textDocument/definition. MASTER=bond0 → the bond's DEVICE value (line 0 when it has none);
 * MASTER_UUID → the bond's UUID value; primary= / active_slave= / queue_id= / slaves= → the member's
 * DEVICE; `alias bond0 bonding`, `options bond0 …` → the bond's ifcfg file; PHYSDEV / BRIDGE → that
 * interface's file. A declaration itself has no definition (empty list).
 */
export function definition(model: WorkspaceModel, uri: string, pos: Position): Location[] {
  return safe<Location[]>([], () => {
    if (!isPosition(pos)) return [];
    const l = lookup(model, uri);
    if (!l) return [];
    const o = occurrenceAt(l.idx, uri, pos);
    return o ? targetsOf(l.idx, o) : [];
  });
}

/** The interface name a references request is about: the name under the cursor, else the ifcfg file's own device. */
export function nameForReferences(idx: HostIndex, uri: string, pos: Position): string | undefined {
  const o = occurrenceAt(idx, uri, pos);
  if (o) return o.name;
  const e = idx.entryByUri.get(uri);
  return e?.ctx.deviceName || undefined;
}

/**
 * textDocument/references. On a bond (its DEVICE value, anywhere in its file, or any name that refers
 * to it): every MASTER / MASTER_UUID naming it, modprobe alias/options names, PHYSDEV/BRIDGE. On an
 * interface: primary= / active_slave= / queue_id= / slaves= uses, MASTER of bonds… Declarations
 * (DEVICE values, or line 0 of a file without DEVICE) only with includeDeclaration. Stays in the host.
 */
export function references(model: WorkspaceModel, uri: string, pos: Position, includeDeclaration = true): Location[] {
  return safe<Location[]>([], () => {
    if (!isPosition(pos)) return [];
    const l = lookup(model, uri);
    if (!l) return [];
    const name = nameForReferences(l.idx, uri, pos);
    if (!name) return [];
    return referencesOf(l.idx, name, includeDeclaration);
  });
}

export function referencesOf(idx: HostIndex, name: string, includeDeclaration: boolean): Location[] {
  const out = occurrencesOf(idx, name)
    .filter((o) => REFERENCES.has(o.kind) || (includeDeclaration && DECLARES.has(o.kind)))
    .map(loc)
    .sort(compareLocation);
  return out.filter((x, i) => i === 0 || x.uri !== out[i - 1].uri || !sameRange(x.range, out[i - 1].range));
}

/**
 * textDocument/documentLink: names that refer to another file become links to it — MASTER=bond0 and
 * MASTER_UUID to the bond's file, primary= (and the other member-naming options) to the member's
 * file, modprobe alias/options names to the bond's file. Unresolved names get no link.
 */
export function documentLinks(model: WorkspaceModel, uri: string): DocumentLink[] {
  return safe<DocumentLink[]>([], () => {
    const l = lookup(model, uri);
    if (!l) return [];
    const out: DocumentLink[] = [];
    for (const o of l.idx.byUri.get(uri) ?? []) {
      if (!REFERENCES.has(o.kind)) continue;
      const target = o.kind === 'master-uuid' ? l.idx.facts.bonds.get(o.name)?.entry.ctx : declarationsOf(l.idx, o.name)[0]?.ctx;
      if (!target || target.uri === uri || sameRange(o.range, ZERO)) continue;
      out.push({ range: o.range, target: target.uri, tooltip: `Open ${target.fileName} (${o.name})` });
    }
    return out.sort((a, b) => compareLocation({ uri, range: a.range }, { uri, range: b.range }));
  });
}
