// Document symbols (outline) and workspace symbols (hosts, bonds, interfaces).
import { DocumentSymbol, Location, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { IfcfgContext, ModprobeContext } from '../context';
import type { ModprobeStatement } from '../modprobe/parser';
import type { HostModel, WorkspaceModel } from '../workspace/model';
import { bondMode, isBondingOptions } from './bond-info';
import { declarationsOf, hostIndex, HostIndex } from './occurrences';
import { describeValue } from './values';
import { hostName, safe, ZERO } from './util';

const MAX_DETAIL = 120;

function clip(s: string): string {
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s;
}

/**
 * textDocument/documentSymbol. ifcfg: one symbol per assignment (kind Variable, detail = value), with
 * the effective BONDING_OPTS split into its options (kind Property, detail = value, plus the name of a
 * numeric enum value: `4 (802.3ad)`). modprobe.d: one symbol per statement (`options bonding`,
 * `alias bond0`…), `options` lines with their parameters nested.
 */
export function documentSymbols(model: WorkspaceModel, uri: string): DocumentSymbol[] {
  return safe<DocumentSymbol[]>([], () => {
    const ctx = model.get(uri);
    if (!ctx) return [];
    const host = model.hostOf(uri);
    return ctx.language === 'ifcfg' ? ifcfgSymbols(ctx) : modprobeSymbols(ctx, host ? hostIndex(host) : undefined);
  });
}

function ifcfgSymbols(ctx: IfcfgContext): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const a of ctx.file.assignments) {
    const lineEnd = ctx.file.text.lines[a.line]?.text.length ?? a.rawRange.end.character;
    const start = a.exportRange?.start ?? a.keyRange.start;
    const sym: DocumentSymbol = {
      name: a.key,
      detail: clip(a.value),
      kind: SymbolKind.Variable,
      range: { start, end: { line: a.line, character: Math.max(lineEnd, a.rawRange.end.character, a.keyRange.end.character) } },
      selectionRange: a.keyRange,
    };
    if (ctx.opts && ctx.opts.assignment === a) {
      sym.children = ctx.opts.split.tokens.map((t) => ({
        name: t.key || t.text || '(empty)',
        detail: clip(describeValue(t.key, t.value)),
        kind: SymbolKind.Property,
        range: t.range,
        selectionRange: t.key ? t.keyRange : t.range,
      }));
    }
    out.push(sym);
  }
  return out;
}

const STATEMENT_KIND: Record<string, SymbolKind> = {
  options: SymbolKind.Module,
  alias: SymbolKind.Key,
  install: SymbolKind.Function,
  remove: SymbolKind.Function,
  blacklist: SymbolKind.Constant,
  softdep: SymbolKind.Package,
  weakdep: SymbolKind.Package,
};

function statementDetail(st: ModprobeStatement): string {
  if (st.command === 'alias' && st.args[1]) return `→ ${st.args[1].text}`;
  return st.args.slice(1).map((a) => a.text).join(' ');
}

function modprobeSymbols(ctx: ModprobeContext, idx: HostIndex | undefined): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const st of ctx.file.statements) {
    const sym: DocumentSymbol = {
      name: st.args[0] ? `${st.command} ${st.args[0].text}` : st.command,
      detail: clip(statementDetail(st)),
      kind: Object.prototype.hasOwnProperty.call(STATEMENT_KIND, st.command) ? STATEMENT_KIND[st.command] : SymbolKind.Variable,
      range: st.range,
      selectionRange: st.commandToken.range,
    };
    if (st.options) {
      const bonding = st.args[0] ? isBondingOptions(idx, st.args[0].text) : false;
      sym.children = st.options.map((o) => ({
        name: o.name || o.text || '(empty)',
        detail: clip(bonding ? describeValue(o.name, o.value) : o.value ?? ''),
        kind: SymbolKind.Property,
        range: o.range,
        selectionRange: o.name ? o.nameRange : o.range,
      }));
    }
    out.push(sym);
  }
  return out;
}

export interface WorkspaceSymbolOptions {
  /** Most results returned (default 500). */
  limit?: number;
}

/** Case-insensitive match score: lower is better; undefined when `query` does not match `name`. */
export function matchScore(name: string, query: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const n = name.toLowerCase();
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  const at = n.indexOf(q);
  if (at >= 0) return 2 + at / 1000;
  // Subsequence ("bd0" matches "bond0").
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i === q.length ? 10 : undefined;
}

/**
 * workspace/symbol: every host (kind Namespace, located at its first file), bond (kind Class, named
 * `bond0 (802.3ad)`, container = host name) and interface (kind Interface, container = `host › bond`
 * for members). Case-insensitive substring or subsequence match on the name; best matches first.
 */
export function workspaceSymbols(model: WorkspaceModel, query: string, options: WorkspaceSymbolOptions = {}): SymbolInformation[] {
  return safe<SymbolInformation[]>([], () => {
    const limit = Math.max(0, Math.floor(options.limit ?? 500));
    const q = typeof query === 'string' ? query : '';
    const scored: { s: SymbolInformation; score: number; order: number }[] = [];
    const offer = (s: SymbolInformation, order: number): void => {
      const score = matchScore(s.name, q);
      if (score !== undefined) scored.push({ s, score, order });
    };
    const hosts = [...model.hosts()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    for (const host of hosts) collectHost(host, offer);
    scored.sort((a, b) => a.score - b.score || a.order - b.order);
    return scored.slice(0, limit).map((x) => x.s);
  });
}

function collectHost(host: HostModel, offer: (s: SymbolInformation, order: number) => void): void {
  const uris = [...host.files.keys()].sort();
  if (!uris.length) return;
  const idx = hostIndex(host);
  const hname = hostName(host.root);
  offer({ name: hname, kind: SymbolKind.Namespace, location: { uri: uris[0], range: ZERO }, containerName: host.root }, 0);
  const where = (name: string): Location | undefined => {
    const d = declarationsOf(idx, name)[0];
    return d ? { uri: d.uri, range: d.range } : undefined;
  };
  const masterOf = new Map<string, string>();
  for (const b of idx.facts.bonds.values()) {
    for (const m of b.members) masterOf.set(m.device, b.device);
    const location = where(b.device) ?? { uri: b.entry.ctx.uri, range: ZERO };
    offer({ name: `${b.device} (${bondMode(idx, b)})`, kind: SymbolKind.Class, location, containerName: hname }, 1);
  }
  for (const name of [...idx.facts.byDevice.keys()].sort()) {
    if (idx.facts.bonds.has(name)) continue;
    const location = where(name);
    if (!location) continue;
    const master = masterOf.get(name);
    offer({ name, kind: SymbolKind.Interface, location, containerName: master ? `${hname} › ${master}` : hname }, 2);
  }
}
