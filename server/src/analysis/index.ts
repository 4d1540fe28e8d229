// The analysis library's front door: documents in, LSP-typed results out. No connection, no I/O,
// no `vscode` import: the server, the CLI and the tests all call this.
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { DocContext, languageOfPath, makeContext } from './context';
import { codeActions, diagnose, DiagnoseOptions, suppressionActions } from './diagnostics';
import { complete, resolveCompletionItem, type CompleteOptions, type HostView } from './completion';
import { hover } from './hover';
import type { LanguageId } from './rules/types';
import { HostModel, WorkspaceModel } from './workspace/model';

export { makeContext, languageOfPath } from './context';
export type { DocContext, IfcfgContext, ModprobeContext } from './context';
export { diagnose, codeActions, suppressionActions, SOURCE } from './diagnostics';
export type { DiagnoseOptions, SeverityOverride } from './diagnostics';
export { complete, resolveCompletionItem } from './completion';
export type { CompleteOptions, DocRef, HostView } from './completion';
export { hover } from './hover';
export { RULES, getRule } from './rules';
export { WorkspaceModel, HostModel, hostRootOf, pathOfUri } from './workspace/model';

interface Cached {
  ctx: DocContext;
  hostVersion: number;
  optionsVersion: number;
  diagnostics: Diagnostic[];
}

/**
 * A workspace model plus caches: parsed documents (in the model, re-parsed only when their text
 * changes) and diagnostics per document (recomputed when the document, its host or the options change).
 */
export class Analyzer {
  readonly model = new WorkspaceModel();
  private readonly diagCache = new Map<string, Cached>();
  private optionsFor: (uri: string) => DiagnoseOptions = () => ({});
  private optionsVersion = 0;

  /** Where each document's options come from (settings, .bondlintrc); call again when they change. */
  setOptionsProvider(provider: (uri: string) => DiagnoseOptions): void {
    this.optionsFor = provider;
    this.optionsVersion++;
  }

  languageOfUri(uri: string): LanguageId | undefined {
    return languageOfPath(uri);
  }

  /** Adds or updates a file's text; returns its host (the documents to refresh are that host's). */
  update(uri: string, text: string, language: LanguageId): HostModel {
    return this.model.set(uri, text, language);
  }

  remove(uri: string): HostModel | undefined {
    this.diagCache.delete(uri);
    return this.model.delete(uri);
  }

  context(uri: string): DocContext | undefined {
    return this.model.get(uri);
  }

  diagnostics(uri: string): Diagnostic[] {
    const ctx = this.model.get(uri);
    if (!ctx) return [];
    const hostVersion = ctx.host?.version ?? 0;
    const c = this.diagCache.get(uri);
    if (c && c.ctx === ctx && c.hostVersion === hostVersion && c.optionsVersion === this.optionsVersion) return c.diagnostics;
    const diagnostics = diagnose(ctx, this.optionsFor(uri));
    this.diagCache.set(uri, { ctx, hostVersion, optionsVersion: this.optionsVersion, diagnostics });
    return diagnostics;
  }

  completion(ctx: DocContext, pos: Position, host?: HostView, opts?: CompleteOptions): CompletionList {
    return complete(ctx, pos, host, opts);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveCompletionItem(item);
  }

  hover(ctx: DocContext, pos: Position): Hover | null {
    return hover(ctx, pos);
  }

  codeActions(ctx: DocContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
    // Real fixes first; suppressing is the last resort.
    return [...codeActions(ctx, diagnostics), ...suppressionActions(ctx, diagnostics)];
  }
}

/** A HostView (for completion) answered from the workspace model. */
export function hostViewOf(model: WorkspaceModel, uri: string): HostView | undefined {
  const host = model.hostOf(uri);
  if (!host) return undefined;
  return {
    bonds: () => [...host.facts.bonds.keys()].sort(),
    membersOf: (bond) => (host.facts.bonds.get(bond)?.members.map((m) => m.device) ?? []).sort(),
  };
}

// Kept for callers that lint one document without a workspace.
export function lintText(uri: string, text: string, language: LanguageId, options?: DiagnoseOptions): Diagnostic[] {
  return diagnose(makeContext(uri, text, language), options);
}

export { fixAll, safeEdits, applyTextEdits, minimalEdit } from './fix-all';
