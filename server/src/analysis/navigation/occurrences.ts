// Where interface names occur in one host: the per-host index every navigation feature reads.
//
// An interface name is declared by an ifcfg file (its DEVICE value, or its file name when DEVICE is
// missing) and named by: MASTER / PHYSDEV / BRIDGE values, MASTER_UUID (through the bond's UUID),
// `alias NAME bonding` and `options NAME …` in modprobe.d, and the member-naming options
// (primary, active_slave, queue_id, slaves) in BONDING_OPTS and in modprobe `options` of the bonding
// module. Backup copies that neither initscripts nor NetworkManager reads are left out.
//
// Built from the host's already parsed files (no re-parsing) and cached per HostFacts object, which
// the model replaces whenever one of the host's files changes.
import type { Position, Range } from 'vscode-languageserver-types';
import type { DocContext, IfcfgContext, ModprobeContext } from '../context';
import type { IfcfgAssignment } from '../ifcfg/parser';
import type { OptionToken as ModprobeOptionToken, Token } from '../modprobe/parser';
import type { BondFacts, HostFacts, HostModel, IfcfgEntry, WorkspaceModel } from '../workspace/model';
import { contains, modName, rangeSize, ZERO } from './util';
import { Memo } from '../memo';

export type OccurrenceKind =
  /** DEVICE=name: the declaration. */
  | 'device'
  /** A file without DEVICE, named ifcfg-name: the declaration is the file itself. */
  | 'file'
  | 'master'
  | 'physdev'
  | 'bridge'
  /** MASTER_UUID=… of a member, resolved to the bond with that UUID. */
  | 'master-uuid'
  /** UUID=… of a bond file (cursor target only: resolves to the bond). */
  | 'uuid'
  /** `alias NAME bonding`. */
  | 'alias'
  /** `options NAME …` where NAME is an interface or an alias of bonding. */
  | 'options'
  | 'primary'
  | 'active_slave'
  | 'queue_id'
  | 'slaves';

export interface Occurrence {
  kind: OccurrenceKind;
  /** The interface name this occurrence stands for. */
  name: string;
  uri: string;
  ctx: DocContext;
  /** The name's bytes in the document (ZERO for 'file'). */
  range: Range;
  /** The document text in {@link range} is exactly {@link name}: it can be rewritten in place. */
  literal: boolean;
}

/** Kinds that spell the name (rename rewrites them). */
export const RENAMED: ReadonlySet<OccurrenceKind> = new Set(['device', 'master', 'physdev', 'bridge', 'alias', 'options', 'primary', 'active_slave', 'queue_id', 'slaves']);
/** Kinds that declare the name. */
export const DECLARES: ReadonlySet<OccurrenceKind> = new Set(['device', 'file']);
/** Kinds listed as references (declarations come on top when asked for). */
export const REFERENCES: ReadonlySet<OccurrenceKind> = new Set(['master', 'physdev', 'bridge', 'master-uuid', 'alias', 'options', 'primary', 'active_slave', 'queue_id', 'slaves']);

/** BONDING_OPTS / module options whose value names an interface. */
const MEMBER_OPTIONS = new Set(['primary', 'active_slave', 'queue_id', 'slaves']);
/** ifcfg keys whose value is an interface name. */
const NAME_KEYS: Record<string, OccurrenceKind> = { DEVICE: 'device', MASTER: 'master', PHYSDEV: 'physdev', BRIDGE: 'bridge' };

export interface HostIndex {
  host: HostModel;
  facts: HostFacts;
  all: Occurrence[];
  byName: Map<string, Occurrence[]>;
  byUri: Map<string, Occurrence[]>;
  /** Entries both or one of the consumers read, by URI. */
  entryByUri: Map<string, IfcfgEntry>;
  bondByUuid: Map<string, BondFacts>;
  /** Normalized names of modprobe aliases that point at the bonding module. */
  bondingAliases: Set<string>;
}

/** Per host state (facts are a new object whenever a file of the host changed). */
const indexes = new Memo<HostFacts, HostIndex | undefined>(() => undefined);

export function hostIndex(host: HostModel): HostIndex {
  const facts = host.facts;
  let idx = indexes.peek(facts);
  if (!idx) {
    idx = build(host, facts);
    indexes.set(facts, idx);
  }
  return idx;
}

/** The index of the host a document belongs to, with the document's parsed context. */
export function lookup(model: WorkspaceModel, uri: string): { idx: HostIndex; ctx: DocContext } | undefined {
  if (typeof uri !== 'string') return undefined;
  const ctx = model.get(uri);
  const host = model.hostOf(uri);
  if (!ctx || !host) return undefined;
  return { idx: hostIndex(host), ctx };
}

/** The innermost occurrence under the cursor, if any. */
export function occurrenceAt(idx: HostIndex, uri: string, pos: Position): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of idx.byUri.get(uri) ?? []) {
    if (o.kind === 'file' || !contains(o.range, pos)) continue;
    if (!best || rangeSize(o.range) < rangeSize(best.range)) best = o;
  }
  return best;
}

export function occurrencesOf(idx: HostIndex, name: string): Occurrence[] {
  return idx.byName.get(name) ?? [];
}

/** Where a declaration points: the DEVICE value, or the start of a file without DEVICE. */
export function declarationsOf(idx: HostIndex, name: string): Occurrence[] {
  const decl = occurrencesOf(idx, name).filter((o) => DECLARES.has(o.kind));
  // The bond's own file first (duplicates and member files with the same name after it).
  const bond = idx.facts.bonds.get(name);
  if (bond) decl.sort((a, b) => (a.ctx === bond.entry.ctx ? -1 : 0) - (b.ctx === bond.entry.ctx ? -1 : 0));
  return decl;
}

// ---------------------------------------------------------------------------------------------

function build(host: HostModel, facts: HostFacts): HostIndex {
  const idx: HostIndex = {
    host, facts, all: [], byName: new Map(), byUri: new Map(), entryByUri: new Map(), bondByUuid: new Map(), bondingAliases: new Set(),
  };
  for (const b of facts.bonds.values()) {
    const u = b.entry.ctx.get('UUID')?.value;
    if (u && !idx.bondByUuid.has(u.toLowerCase())) idx.bondByUuid.set(u.toLowerCase(), b);
  }
  for (const a of facts.aliases) if (a.module === 'bonding') idx.bondingAliases.add(modName(a.name));

  // Declared names, and the same under kmod's '-'/'_' folding (for modprobe names).
  const declared = new Map<string, string>();
  const addDeclared = (n: string): void => {
    if (!declared.has(modName(n))) declared.set(modName(n), n);
  };
  for (const n of facts.bonds.keys()) addDeclared(n);
  for (const n of facts.byDevice.keys()) addDeclared(n);
  const modprobeName = (raw: string): string => (facts.byDevice.has(raw) ? raw : declared.get(modName(raw)) ?? raw);

  const add = (o: Occurrence): void => {
    if (!o.name) return;
    idx.all.push(o);
    push(idx.byName, o.name, o);
    push(idx.byUri, o.uri, o);
  };

  for (const e of facts.ifcfg) {
    if (!e.readByInitscripts && !e.readByNm) continue;
    idx.entryByUri.set(e.ctx.uri, e);
    indexIfcfg(e.ctx, idx, add);
  }
  for (const ctx of facts.modprobe) indexModprobe(ctx, idx, modprobeName, add);
  return idx;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function indexIfcfg(ctx: IfcfgContext, idx: HostIndex, add: (o: Occurrence) => void): void {
  const uri = ctx.uri;
  let hasDevice = false;
  for (const a of ctx.file.assignments) {
    const kind = Object.prototype.hasOwnProperty.call(NAME_KEYS, a.key) ? NAME_KEYS[a.key] : undefined;
    if (kind && a.value) {
      if (kind === 'device') hasDevice = true;
      const s = ifcfgSpan(ctx, a, 0, a.value.length);
      if (s) add({ kind, name: a.value, uri, ctx, ...s });
    }
  }
  if (!hasDevice) add({ kind: 'file', name: ctx.deviceName, uri, ctx, range: ZERO, literal: false });

  const mu = ctx.get('MASTER_UUID');
  if (mu?.value) {
    const b = idx.bondByUuid.get(mu.value.toLowerCase());
    const s = ifcfgSpan(ctx, mu, 0, mu.value.length);
    if (b && s) add({ kind: 'master-uuid', name: b.device, uri, ctx, ...s });
  }
  const bond = idx.facts.bonds.get(ctx.deviceName);
  const uuid = ctx.get('UUID');
  if (bond && bond.entry.ctx === ctx && uuid?.value) {
    const s = ifcfgSpan(ctx, uuid, 0, uuid.value.length);
    if (s) add({ kind: 'uuid', name: bond.device, uri, ctx, ...s });
  }

  if (ctx.opts) {
    const a = ctx.opts.assignment;
    for (const t of ctx.opts.split.tokens) {
      const m = memberNameIn(t.key, t.value);
      if (!m || !t.valueRange) continue;
      const start = a.valueColumns.indexOf(t.valueRange.start.character);
      if (start < 0) continue;
      const s = ifcfgSpan(ctx, a, start + m.offset, m.name.length);
      if (s) add({ kind: m.kind, name: m.name, uri, ctx, ...s });
    }
  }
}

function indexModprobe(ctx: ModprobeContext, idx: HostIndex, nameOf: (raw: string) => string, add: (o: Occurrence) => void): void {
  const uri = ctx.uri;
  for (const st of ctx.file.statements) {
    const first = st.args[0];
    if (!first) continue;
    if (st.command === 'alias' && st.args.length >= 2) {
      const isBonding = modName(st.args[1].text) === 'bonding';
      const name = nameOf(first.text);
      if (isBonding || idx.facts.byDevice.has(name)) add({ kind: 'alias', name, uri, ctx, ...tokenSpan(ctx, first) });
      continue;
    }
    if (st.command !== 'options') continue;
    const mod = modName(first.text);
    const name = nameOf(first.text);
    const namesDevice = idx.facts.byDevice.has(name) || idx.bondingAliases.has(mod);
    if (namesDevice) add({ kind: 'options', name, uri, ctx, ...tokenSpan(ctx, first) });
    const bondingLine = mod === 'bonding' || idx.bondingAliases.has(mod) || idx.facts.bonds.has(name);
    if (!bondingLine || !st.options) continue;
    for (const o of st.options) {
      const m = memberNameIn(modName(o.name), o.value);
      if (!m || !o.valueRange) continue;
      add({ kind: m.kind, name: m.name, uri, ctx, ...valueSpan(ctx, o, m.offset, m.name) });
    }
  }
}

/** The interface name inside a member-naming option's value: `primary=eth0`, `queue_id=eth0:2`, `slaves=+eth0`. */
function memberNameIn(key: string, value: string | undefined): { kind: OccurrenceKind; name: string; offset: number } | undefined {
  if (!value || !MEMBER_OPTIONS.has(key)) return undefined;
  if (key === 'queue_id') {
    const colon = value.indexOf(':');
    const name = colon < 0 ? value : value.slice(0, colon);
    return name ? { kind: 'queue_id', name, offset: 0 } : undefined;
  }
  if (key === 'slaves') {
    const offset = value[0] === '+' || value[0] === '-' ? 1 : 0;
    const name = value.slice(offset);
    return name ? { kind: 'slaves', name, offset } : undefined;
  }
  return { kind: key as OccurrenceKind, name: value, offset: 0 };
}

/** Range of value characters [from, from+len) of an ifcfg assignment, and whether it is written literally. */
export function ifcfgSpan(ctx: IfcfgContext, a: IfcfgAssignment, from: number, len: number): { range: Range; literal: boolean } | undefined {
  const cols = a.valueColumns;
  if (len <= 0 || from < 0 || from + len > cols.length) return undefined;
  const start = cols[from];
  const last = cols[from + len - 1];
  const lineText = ctx.file.text.lines[a.line]?.text ?? '';
  const want = a.value.slice(from, from + len);
  const literal = last - start === len - 1 && lineText.slice(start, last + 1) === want;
  return { range: { start: { line: a.line, character: start }, end: { line: a.line, character: last + 1 } }, literal };
}

function tokenSpan(ctx: ModprobeContext, t: Token): { range: Range; literal: boolean } {
  const r = t.range;
  const lineText = ctx.file.text.lines[r.start.line]?.text ?? '';
  const literal = r.start.line === r.end.line && lineText.slice(r.start.character, r.end.character) === t.text;
  return { range: r, literal };
}

function valueSpan(ctx: ModprobeContext, o: ModprobeOptionToken, offset: number, name: string): { range: Range; literal: boolean } {
  const r = o.valueRange!;
  if (r.start.line === r.end.line) {
    const lineText = ctx.file.text.lines[r.start.line]?.text ?? '';
    const s = r.start.character + offset;
    if (lineText.slice(s, s + name.length) === name) {
      return { range: { start: { line: r.start.line, character: s }, end: { line: r.start.line, character: s + name.length } }, literal: true };
    }
  }
  return { range: r, literal: false };
}
