// The analysis library's front door: documents in, LSP-typed results out. No connection, no I/O,
// no `vscode` import: the server, the CLI and the tests all call this.
import type { CodeAction, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { DocContext, languageOfPath, makeContext } from './context';
import { codeActions, diagnose, DiagnoseOptions } from './diagnostics';
import { complete, type HostView } from './completion';
import { hover } from './hover';
import type { LanguageId } from './rules/types';

export { makeContext, languageOfPath } from './context';
export type { DocContext, IfcfgContext, ModprobeContext } from './context';
export { diagnose, codeActions, SOURCE } from './diagnostics';
export { complete } from './completion';
export type { HostView } from './completion';
export { hover } from './hover';
export { RULES, getRule } from './rules';

interface Cached {
  version: number;
  text: string;
  ctx: DocContext;
  diagnostics?: Diagnostic[];
}

/** Caches the parse and the diagnostics of each document version. */
export class Analyzer {
  private readonly cache = new Map<string, Cached>();
  options: DiagnoseOptions = {};

  languageOfUri(uri: string): LanguageId | undefined {
    return languageOfPath(uri);
  }

  context(uri: string, version: number, text: string, language: LanguageId): DocContext {
    const c = this.cache.get(uri);
    if (c && c.version === version && c.text === text && c.ctx.language === language) return c.ctx;
    const ctx = makeContext(uri, text, language);
    this.cache.set(uri, { version, text, ctx });
    return ctx;
  }

  diagnostics(ctx: DocContext): Diagnostic[] {
    const c = this.cache.get(ctx.uri);
    if (c && c.ctx === ctx && c.diagnostics) return c.diagnostics;
    const d = diagnose(ctx, this.options);
    if (c && c.ctx === ctx) c.diagnostics = d;
    return d;
  }

  completion(ctx: DocContext, pos: Position, host?: HostView): CompletionList {
    return complete(ctx, pos, host);
  }

  hover(ctx: DocContext, pos: Position): Hover | null {
    return hover(ctx, pos);
  }

  codeActions(ctx: DocContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
    return codeActions(ctx, diagnostics);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
