// Shared pieces of the cross-file rules: where a file's facts live in its host, and related info.
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { IfcfgContext } from '../../context';
import type { BondFacts, HostFacts, IfcfgEntry } from '../../workspace/model';

export const LINE0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function hostFacts(ctx: { host?: { facts: HostFacts } }): HostFacts | undefined {
  return ctx.host?.facts;
}

/** The entry of this file in its host, if the file is one both consumers read (not a backup copy). */
export function entryOf(ctx: IfcfgContext, f: HostFacts): IfcfgEntry | undefined {
  const e = f.byContext.get(ctx);
  return e && e.readByInitscripts && e.readByNm ? e : undefined;
}

/** The bond this file defines, if it is the file the host uses for that bond. */
export function bondOf(ctx: IfcfgContext, f: HostFacts): BondFacts | undefined {
  const b = f.bonds.get(ctx.deviceName);
  return b && b.entry.ctx === ctx ? b : undefined;
}

/** Where a key is set in a file (its whole assignment line), or the file's first line. */
export function keyLocation(ctx: IfcfgContext, key: string): Range {
  const a = ctx.get(key);
  return a ? { start: a.keyRange.start, end: a.rawRange.end } : LINE0;
}

export function related(ctx: { uri: string }, range: Range, message: string): DiagnosticRelatedInformation {
  return { location: { uri: ctx.uri, range }, message };
}

export function fileLabel(ctx: { fileName: string }): string {
  return ctx.fileName;
}
