// Small helpers for unit tests of the pure analysis library.
import { diagnose, makeContext, codeActions } from '../../server/src/analysis';
import type { DocContext } from '../../server/src/analysis';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

export function ctxOf(text: string, name = 'ifcfg-bond0', lang: 'ifcfg' | 'modprobe' = name.endsWith('.conf') ? 'modprobe' : 'ifcfg'): DocContext {
  return makeContext(`file:///etc/sysconfig/network-scripts/${name}`, text, lang);
}

export function lint(text: string, name?: string): Diagnostic[] {
  return diagnose(ctxOf(text, name));
}

export function codes(text: string, name?: string): string[] {
  return lint(text, name).map((d) => String(d.code));
}

/** [line, startChar, endChar] of each diagnostic with the given code. */
export function spans(text: string, code: string, name?: string): [number, number, number][] {
  return lint(text, name).filter((d) => d.code === code).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'ifcfg', 1, text), edits);
}

/** Applies the first quick fix offered for the first diagnostic with `code`. */
export function applyFix(text: string, code: string, name?: string, which = 0): string {
  const ctx = ctxOf(text, name);
  const d = diagnose(ctx).filter((x) => x.code === code);
  if (!d.length) throw new Error(`no ${code} diagnostic`);
  const actions = codeActions(ctx, [d[0]]);
  if (!actions[which]) throw new Error(`no fix #${which} for ${code}`);
  const edits = actions[which].edit!.changes![ctx.uri];
  return applyEdits(text, edits);
}

import { WorkspaceModel } from '../../server/src/analysis/workspace/model';
import { languageOfPath } from '../../server/src/analysis';

/** Builds a workspace from { '/path': text } and lints every file; returns diagnostics by path. */
export function lintWorkspace(files: Record<string, string>): { model: WorkspaceModel; diags: Map<string, Diagnostic[]> } {
  const model = new WorkspaceModel();
  for (const [p, text] of Object.entries(files)) model.set(`file://${p}`, text, languageOfPath(p)!);
  const diags = new Map<string, Diagnostic[]>();
  for (const p of Object.keys(files)) diags.set(p, diagnose(model.get(`file://${p}`)!));
  return { model, diags };
}

export function wsCodes(files: Record<string, string>): Record<string, string[]> {
  const { diags } = lintWorkspace(files);
  const out: Record<string, string[]> = {};
  for (const [p, d] of diags) out[p] = d.map((x) => String(x.code));
  return out;
}

/** Applies quick fix #which of the first `code` diagnostic on `path` to the whole workspace; returns the new files. */
export function applyWorkspaceFix(files: Record<string, string>, path: string, code: string, which = 0): { files: Record<string, string>; title: string } {
  const { model, diags } = lintWorkspace(files);
  const d = diags.get(path)!.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} on ${path}`);
  const actions = codeActions(model.get(`file://${path}`)!, [d]);
  const a = actions[which];
  if (!a) throw new Error(`no fix #${which} for ${code}`);
  const out = { ...files };
  const changes = a.edit!.changes ?? {};
  for (const [uri, edits] of Object.entries(changes)) {
    const p = uri.replace(/^file:\/\//, '');
    out[p] = applyEdits(out[p], edits);
  }
  for (const dc of a.edit!.documentChanges ?? []) {
    if ('kind' in dc && dc.kind === 'create') out[dc.uri.replace(/^file:\/\//, '')] = '';
    else if ('textDocument' in dc) { const p = dc.textDocument.uri.replace(/^file:\/\//, ''); out[p] = applyEdits(out[p] ?? '', dc.edits as TextEdit[]); }
  }
  return { files: out, title: a.title };
}
