// Renaming a bond or an interface across its host: DEVICE values, MASTER / PHYSDEV / BRIDGE, modprobe
// alias and options names, primary= / active_slave= / queue_id= / slaves= — and the file
// ifcfg-<old> → ifcfg-<new> when the file is named after the device. Edits replace only the name's
// characters, so quotes, comments and line endings stay as written. Other hosts are never touched.
import type { Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { interfaceNameProblem } from '../kb/parse';
import type { WorkspaceModel } from '../workspace/model';
import { HostIndex, lookup, occurrenceAt, occurrencesOf, RENAMED, DECLARES } from './occurrences';
import { compareLocation, isPosition, modName, safe } from './util';

export interface RenameOptions {
  /**
   * Emit RenameFile operations for files named ifcfg-<old> (default true). Pass false when the client
   * does not announce `workspace.workspaceEdit.resourceOperations` containing 'rename'.
   */
  renameFiles?: boolean;
}

/** Characters a name may not contain because they would need quoting or mean something in these files. */
const UNSAFE = /[\s"'`$\\;&|<>()#=*?[\]{}~!\u0000-\u001f\u007f]/;

/** Why `name` cannot be the new name (undefined when it can). Kernel rules first, then file syntax. */
export function newNameProblem(name: string): string | undefined {
  if (typeof name !== 'string') return 'the new name is not a string';
  const k = interfaceNameProblem(name);
  if (k) return `'${name}' is not a valid interface name: ${k}`;
  const bad = UNSAFE.exec(name);
  if (bad) return `'${name}' cannot be used: ${JSON.stringify(bad[0])} would need quoting or escaping in ifcfg and modprobe.d files`;
  return undefined;
}

/**
 * textDocument/prepareRename: the name under the cursor and its range, or null when the cursor is
 * not on a renameable name (MASTER_UUID, UUID, keys, other values, `bonding` itself…).
 */
export function prepareRename(model: WorkspaceModel, uri: string, pos: Position): { range: Range; placeholder: string } | null {
  return safe<{ range: Range; placeholder: string } | null>(null, () => {
    if (!isPosition(pos)) return null;
    const l = lookup(model, uri);
    if (!l) return null;
    const o = occurrenceAt(l.idx, uri, pos);
    if (!o || !RENAMED.has(o.kind)) return null;
    return { range: o.range, placeholder: o.name };
  });
}

/**
 * textDocument/rename. Returns null when there is nothing to rename at `pos`; throws an Error whose
 * message is meant for the user when `newName` is not a valid interface name, is already used on the
 * host, or when an occurrence is written with escapes and cannot be rewritten safely.
 * The edit uses `documentChanges`: RenameFile ops first, then every TextDocumentEdit (version null),
 * addressed to the files' new names.
 */
export function rename(model: WorkspaceModel, uri: string, pos: Position, newName: string, options: RenameOptions = {}): WorkspaceEdit | null {
  const target = safe<{ idx: HostIndex; name: string } | null>(null, () => {
    if (!isPosition(pos)) return null;
    const l = lookup(model, uri);
    if (!l) return null;
    const o = occurrenceAt(l.idx, uri, pos);
    return o && RENAMED.has(o.kind) ? { idx: l.idx, name: o.name } : null;
  });
  if (!target) return null;
  const { idx, name } = target;
  if (newName === name) return { documentChanges: [] };
  const problem = newNameProblem(newName);
  if (problem) throw new Error(problem);
  const clash = nameInUse(idx, newName);
  if (clash) throw new Error(`'${newName}' is already used on this host (${clash}).`);

  const occ = occurrencesOf(idx, name).filter((o) => RENAMED.has(o.kind));
  const bad = occ.find((o) => !o.literal);
  if (bad) {
    throw new Error(`'${name}' is written with quoting or escapes inside the name in ${bad.ctx.fileName} (line ${bad.range.start.line + 1}); rewrite it plainly before renaming.`);
  }
  const byUri = new Map<string, TextEdit[]>();
  for (const o of [...occ].sort(compareLocation)) {
    const list = byUri.get(o.uri) ?? [];
    if (list.some((e) => e.range.start.line === o.range.start.line && e.range.start.character === o.range.start.character)) continue;
    list.push({ range: o.range, newText: newName });
    byUri.set(o.uri, list);
  }
  // File renames first, then the text edits (addressed to the new names): clients apply the
  // operations in order, and VS Code cannot edit a file under its old name once it was moved.
  const changes: (TextDocumentEdit | RenameFile)[] = [];
  const moved = new Map<string, string>();
  if (options.renameFiles !== false) {
    for (const o of occurrencesOf(idx, name)) {
      if (!DECLARES.has(o.kind) || o.ctx.language !== 'ifcfg' || moved.has(o.uri)) continue;
      if (o.ctx.fileName !== `ifcfg-${name}`) continue;
      const newUri = siblingUri(o.uri, `ifcfg-${newName}`);
      if (!newUri) continue;
      if (idx.host.files.has(newUri)) throw new Error(`'${newName}' is already used on this host (${o.ctx.fileName} cannot be renamed: ifcfg-${newName} exists).`);
      moved.set(o.uri, newUri);
      changes.push({ kind: 'rename', oldUri: o.uri, newUri, options: { overwrite: false, ignoreIfExists: false } });
    }
  }
  for (const [u, edits] of byUri) changes.push({ textDocument: { uri: moved.get(u) ?? u, version: null }, edits });
  return { documentChanges: changes };
}

/** Where `name` is already in use on the host (a file name, a DEVICE, a modprobe alias), or undefined. */
function nameInUse(idx: HostIndex, name: string): string | undefined {
  const decl = idx.facts.byDevice.get(name)?.[0];
  if (decl) return `${decl.ctx.fileName} declares it`;
  if (idx.facts.bonds.has(name)) return `${idx.facts.bonds.get(name)!.entry.ctx.fileName} declares it`;
  for (const ctx of idx.host.files.values()) {
    if (ctx.language === 'ifcfg' && ctx.fileName === `ifcfg-${name}`) return `${ctx.fileName} exists`;
  }
  const alias = idx.facts.aliases.find((a) => modName(a.name) === modName(name));
  if (alias) return `${alias.ctx.fileName} has 'alias ${alias.name} ${alias.statement.args[1]?.text ?? ''}'`;
  return undefined;
}

/** The URI of a file next to `uri` called `fileName` (percent-encoded like the rest of the URI). */
export function siblingUri(uri: string, fileName: string): string | undefined {
  const m = /^([^?#]*\/)([^/?#]*)([?#].*)?$/.exec(uri);
  if (!m) return undefined;
  const encoded = /^[a-z][a-z0-9+.-]*:/i.test(uri) ? encodeURIComponent(fileName) : fileName;
  return m[1] + encoded + (m[3] ?? '');
}
