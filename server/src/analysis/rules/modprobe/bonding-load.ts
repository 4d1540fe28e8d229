// What the bonding module makes of the `options` lines of a host's modprobe.d files at load time:
// which lines reach it (module name or alias name), which words are module parameters, and a model of
// kernel/params.c (parse_args: every word, last value wins) followed by bond_check_params() (the
// load-time checks, corrections and drops, in the kernel's order). Pure and cheap.
//
// kmod reads every modprobe.d file of the system, in the order of their names (kmod-order.ts), and
// concatenates all `options` lines for the module (and its aliases) before loading it, so a file is
// judged together with the host's other modprobe.d files: aliases declared in one file apply to
// options in another, and the load is simulated on the words of all files in kmod's order. Each
// file still gets a view of its own (its words, its aliases, `own` = its words) so that findings and
// fixes stay on the file they are about. A file without a host, the only modprobe.d file of its host,
// and files kmod does not read (/etc/modprobe.conf, dot files, hidden names) are judged alone.
// Which files form a host is the workspace model's business (hostRootOf): today that is the
// <root>/etc/modprobe.d/*.conf files of a host (a /lib or /usr/lib/modprobe.d directory is a host of
// its own), so the directory priorities of kmod-order.ts only matter once hosts span several of them.
// Computed once per parsed file (alone) or once per set of parsed modprobe.d files (host).
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { ModprobeContext } from '../../context';
import type { ModprobeFile, ModprobeStatement, OptionToken, Token } from '../../modprobe/parser';
import { BONDING_MODULE, getBondingModuleParam, normalizeModuleName, type BondingModuleParam } from '../../kb/modprobe';
import { kernelIn4Pton, kernelParseModuleInt, kernelParseTableValue } from '../../kb/parse';
import { getOption, kernelTableOf, MAX_ARP_TARGETS } from '../../kb/options';
import { MODE_TABLE, modeByNumber, type BondMode } from '../../kb/modes';
import { editDistance, trimEndChars } from '../../text';
import { Memo } from '../../memo';
import { pathOfUri, type HostFacts, type HostModel } from '../../workspace/model';
import { configDirRank, kmodReadOrder, kmodReadsName } from './kmod-order';

/** The file a word or line is written in. */
export type SourceDoc = Pick<ModprobeContext, 'uri' | 'fileName' | 'file'>;

/** One `name[=value]` word of an `options` line that reaches the bonding module. */
export interface ParamUse {
  stmt: ModprobeStatement;
  tok: OptionToken;
  /** Normalised name the options line is written for ("bonding" or an alias such as "bond0"). */
  target: string;
  /** Parameter name as the kernel compares it ("-" and "_" alike). */
  canonical: string;
  /** The module parameter, when the name is one. */
  param?: BondingModuleParam;
  /** Position among all bonding-related words of its file. */
  order: number;
  /** Position among all bonding-related words of the load (every file, in kmod's order). */
  seq: number;
  /** The file the word is written in. */
  doc: SourceDoc;
}

/** `-o NAME` (module-init-tools' rename option) found in an options line or an install command. */
export interface RenameTrick {
  stmt: ModprobeStatement;
  first: Token;
  last: Token;
  where: 'options' | 'install';
  /** The name the module was meant to be renamed to, when visible. */
  newName?: string;
}

export interface AliasLine {
  stmt: ModprobeStatement;
  doc: SourceDoc;
  name: Token;
  module: Token;
  /** Normalised forms. */
  nameN: string;
  moduleN: string;
}

/** An ARP target as the kernel's load-time loop sees it (the array after all occurrences were parsed). */
export interface ArpTargetItem {
  value: string;
  use: ParamUse;
  /** Index of the item inside its token's comma-separated value, and its character span there. */
  index: number;
  from: number;
  to: number;
  problem?: 'invalid' | 'zero' | 'broadcast' | 'zeronet' | 'plus';
  duplicate?: boolean;
  /** For a duplicate: the item it repeats. */
  duplicateOf?: ArpTargetItem;
}

export type ArpDrop =
  /** miimon was set (explicitly) and wins over arp_interval. */
  | 'miimon'
  /** 802.3ad/balance-tlb/balance-alb: miimon was forced to 100, which then drops arp_interval. */
  | 'forced-miimon'
  | 'negative'
  | 'bad-target'
  | 'no-targets';

/** The result of one module load with a given set of option words. */
export interface LoadModel {
  /** Name the module is loaded under ("bonding", or the alias). */
  target: string;
  uses: ParamUse[];
  /** Words this scope reports on: the file's own words for this name (the others are reported by the plain "bonding" scope or by their file). */
  own: (u: ParamUse) => boolean;
  /** The word is written in the file this view is for (always, for a file judged alone). */
  here: (u: ParamUse) => boolean;
  /** Last occurrence per kernel variable (num_grat_arp and num_unsol_na share one). */
  last: Map<string, ParamUse>;
  mode: BondMode;
  modeUse?: ParamUse;
  /** The last mode= value is invalid: the load fails before anything else is looked at. */
  modeInvalid: boolean;
  miimon: number;
  miimonUse?: ParamUse;
  /** miimon was 0 in 802.3ad/tlb/alb and the kernel set it to 100. */
  miimonForced: boolean;
  /** arp_interval as given (after the negative-value correction), before it may be dropped. */
  arpIntervalGiven: number;
  arpIntervalUse?: ParamUse;
  arpDrop?: ArpDrop;
  /** arp_interval in effect after bond_check_params(). */
  arpInterval: number;
  targets: ArpTargetItem[];
  validTargets: number;
  updelay: number;
  downdelay: number;
  /** primary survives (mode uses one). */
  primaryKept: boolean;
  /** Integer value of the last occurrence of a parameter (undefined when absent or not a number). */
  int(name: string): number | undefined;
}

export interface BondingAnalysis {
  /** The file's alias lines. */
  aliases: AliasLine[];
  /** The alias lines of every file of the load, in kmod's order (the file's own when judged alone). */
  allAliases: AliasLine[];
  /** The file's options statements that reach bonding, with how. */
  optionLines: { stmt: ModprobeStatement; target: string; via: 'module' | 'alias' }[];
  /** The file's parameter words (the words of rename tricks excluded: they are reported as such). */
  uses: ParamUse[];
  /** The parameter words of every file of the load, in kmod's order. */
  loadUses: ParamUse[];
  tricks: RenameTrick[];
  /** One load per module name, seen from this file. */
  scopes: LoadModel[];
  /** The model a word is judged in. */
  scopeOf(u: ParamUse): LoadModel | undefined;
  /** The word (or line) is written in this file. */
  here(x: { doc: SourceDoc }): boolean;
}

/** Kernel variable a parameter sets (num_unsol_na is another name for num_grat_arp). */
export function settingOf(canonical: string): string {
  return canonical === 'num_unsol_na' ? 'num_grat_arp' : canonical;
}

/** Names every module accepts besides its own parameters (kernel/module: unknown_module_param_cb). */
export const GENERIC_MODULE_PARAMS: ReadonlySet<string> = new Set(['dyndbg', 'async_probe']);

/** A file judged alone (no host, or the only modprobe file kmod reads on its host). */
const alone = new Memo((ctx: ModprobeContext) => analyseFiles([ctx]).get(ctx.file)!);

/** The analysis of a file kmod never reads: nothing in it reaches the module. */
const NOTHING: BondingAnalysis = {
  aliases: [], allAliases: [], optionLines: [], uses: [], loadUses: [], tricks: [], scopes: [],
  scopeOf: () => undefined, here: () => false,
};

/** The host's modprobe.d files in kmod's order, and the ones it skips (with the file hiding each), per host state. */
const kmodOrders = new Memo((facts: HostFacts): { read: ModprobeContext[]; hiddenBy: Map<ModprobeContext, ModprobeContext> } => {
  const r = kmodReadOrder(facts.modprobe, (x) => pathOfUri(x.uri));
  return { read: r.read, hiddenBy: new Map(r.hidden.map((h) => [h.item, h.by])) };
});

/** Where a file lies as kmod sees it, from its path alone: outside modprobe.d, a dot file kmod skips, or read. */
const placement = new Memo((ctx: ModprobeContext): 'elsewhere' | 'dot' | 'read' => {
  const path = pathOfUri(ctx.uri).replace(/\\/g, '/');
  const slash = path.lastIndexOf('/');
  if (configDirRank(path.slice(0, Math.max(slash, 0))) === undefined) return 'elsewhere';
  return kmodReadsName(path.slice(slash + 1)) ? 'read' : 'dot';
});
const DOT = { reason: 'dot' } as const;

/**
 * Why kmod never reads this modprobe.d file, if it does not: its name starts with a dot, or a file
 * of the same name in a directory kmod reads first hides it. Undefined when kmod reads it (and for
 * files outside modprobe.d directories, such as /etc/modprobe.conf: another rule's business).
 */
export function kmodSkips(ctx: ModprobeContext): { reason: 'dot' } | { reason: 'hidden'; by: ModprobeContext } | undefined {
  const where = placement.of(ctx);
  if (where === 'elsewhere') return undefined;
  if (where === 'dot') return DOT;
  const facts = ctx.host?.facts;
  if (!facts || facts.modprobe.length < 2) return undefined;
  const by = kmodOrders.of(facts).hiddenBy.get(ctx);
  return by ? { reason: 'hidden', by } : undefined;
}

/** Each file's analysis with the host state it was made for (every modprobe rule asks for it). */
const analyses = new Memo<ModprobeContext, { facts: HostFacts | undefined; analysis: BondingAnalysis } | undefined>(() => undefined);

export function bondingAnalysis(ctx: ModprobeContext): BondingAnalysis {
  const facts = ctx.host?.facts;
  const known = analyses.peek(ctx);
  if (known && known.facts === facts) return known.analysis;
  // A file kmod skips changes nothing at load time: modprobe-hidden-file says so, and nothing else.
  const analysis = kmodSkips(ctx) ? NOTHING : (ctx.host ? hostLoad(ctx.host)?.views.get(ctx.file) : undefined) ?? alone.of(ctx);
  analyses.set(ctx, { facts, analysis });
  return analysis;
}

/** The host's modprobe.d load: the files kmod reads, in its order, and a view for each. */
interface HostLoad {
  /** The facts it was derived from (a new object whenever any file of the host changed). */
  facts: HostFacts;
  files: ModprobeFile[];
  /** Empty when fewer than two files take part (each is then judged alone). */
  views: Map<ModprobeFile, BondingAnalysis>;
}

/** Set by hostLoad() (which decides when the previous load still holds), never computed on its own. */
const hostLoads = new Memo<HostModel, HostLoad | undefined>(() => undefined);

/**
 * The merged load of a host, recomputed only when the host's set of modprobe.d files or one of their
 * texts changed: an edit of an ifcfg file (new facts, same parsed modprobe files) reuses it, and an
 * edit of one modprobe file re-reads that host's modprobe files and no others.
 */
function hostLoad(host: HostModel): HostLoad | undefined {
  const facts = host.facts;
  const c = hostLoads.peek(host);
  if (c && c.facts === facts) return c;
  if (!facts.modprobe.length) return undefined;
  const read = kmodOrders.of(facts).read;
  const files = read.map((x) => x.file);
  if (c && c.files.length === files.length && c.files.every((f, i) => f === files[i])) {
    c.facts = facts;
    return c;
  }
  const load: HostLoad = { facts, files, views: read.length >= 2 ? analyseFiles(read) : new Map() };
  hostLoads.set(host, load);
  return load;
}

const BOND_NAME = /^bond\d+$/;

/** True for a module name that is `bonding` or one edit away from it (typos in alias lines). */
export function looksLikeBonding(name: string): boolean {
  const n = normalizeModuleName(name).toLowerCase();
  return n === BONDING_MODULE || editDistance(n, BONDING_MODULE, 2) <= 2;
}

/** The words of `files` (in kmod's order) as one module load, with a view for each file. */
function analyseFiles(files: readonly SourceDoc[]): Map<ModprobeFile, BondingAnalysis> {
  const aliasesOf = new Map<ModprobeFile, AliasLine[]>();
  const allAliases: AliasLine[] = [];
  for (const doc of files) {
    const mine: AliasLine[] = [];
    for (const st of doc.file.statements) {
      if (st.command === 'alias' && st.args.length >= 2) {
        mine.push({ stmt: st, doc, name: st.args[0], module: st.args[1], nameN: normalizeModuleName(st.args[0].text), moduleN: normalizeModuleName(st.args[1].text) });
      }
    }
    aliasesOf.set(doc.file, mine);
    allAliases.push(...mine);
  }
  // kmod keeps the aliases of all files in one list: an alias declared in one file names the module
  // for `options` lines of every file.
  const aliasTargets = new Map<string, string[]>();
  for (const al of allAliases) {
    const list = aliasTargets.get(al.nameN) ?? [];
    list.push(al.moduleN);
    aliasTargets.set(al.nameN, list);
  }
  const via = (name: string): 'module' | 'alias' | undefined => {
    const n = normalizeModuleName(name);
    if (n === BONDING_MODULE) return 'module';
    const mods = aliasTargets.get(n);
    if (mods) return mods.some((m) => looksLikeBonding(m)) ? 'alias' : undefined;
    return BOND_NAME.test(n) ? 'alias' : undefined;
  };

  interface Part { optionLines: BondingAnalysis['optionLines']; uses: ParamUse[]; tricks: RenameTrick[] }
  const parts = new Map<ModprobeFile, Part>();
  const loadUses: ParamUse[] = [];
  for (const doc of files) {
    const part: Part = { optionLines: [], uses: [], tricks: [] };
    parts.set(doc.file, part);
    const { optionLines, uses, tricks } = part;
    for (const st of doc.file.statements) {
      if (st.command === 'options' && st.args.length >= 1 && st.options) {
        const how = via(st.args[0].text);
        if (!how) continue;
        const target = normalizeModuleName(st.args[0].text);
        optionLines.push({ stmt: st, target, via: how });
        const opts = st.options;
        for (let k = 0; k < opts.length; k++) {
          const t = opts[k];
          const next = opts[k + 1];
          if ((t.text === '-o' || t.text === '--name') && next && next.value === undefined && !next.text.startsWith('-')) {
            tricks.push({ stmt: st, first: t, last: next, where: 'options', newName: next.text });
            k++;
            continue;
          }
          if (/^-o[^=]+$/.test(t.text) || /^--name=./.test(t.text)) {
            tricks.push({ stmt: st, first: t, last: t, where: 'options', newName: t.text.startsWith('--') ? t.text.slice(7) : t.text.slice(2) });
            continue;
          }
          const canonical = t.name.replace(/-/g, '_');
          const u: ParamUse = { stmt: st, tok: t, target, canonical, param: getBondingModuleParam(t.name), order: uses.length, seq: loadUses.length, doc };
          uses.push(u);
          loadUses.push(u);
        }
      } else if ((st.command === 'install' || st.command === 'remove') && st.args.length >= 2) {
        const trick = installTrick(st, via(st.args[0].text) !== undefined);
        if (trick) tricks.push(trick);
      }
    }
  }

  // One load per module name: plain `bonding`, and each alias (its own lines plus the bonding ones, in
  // kmod's order).
  const byTarget = new Map<string, ParamUse[]>();
  for (const u of loadUses) {
    const list = byTarget.get(u.target);
    if (list) list.push(u);
    else byTarget.set(u.target, [u]);
  }
  const plain = byTarget.get(BONDING_MODULE) ?? [];
  const models: LoadModel[] = [];
  for (const [target, own] of byTarget) {
    const list = target === BONDING_MODULE ? own : mergeBySeq(plain, own);
    models.push(simulateLoad(target, list, (u) => u.target === target));
  }

  const views = new Map<ModprobeFile, BondingAnalysis>();
  for (const doc of files) {
    const f = doc.file;
    const here = (x: { doc: SourceDoc }) => x.doc.file === f;
    // Alone, the models are the file's own; together, each file sees the shared load through its own words.
    const scopes = files.length === 1 ? models : models.map((m): LoadModel => ({ ...m, own: (u) => u.doc.file === f && u.target === m.target, here }));
    const byScope = new Map<string, LoadModel>();
    for (const m of scopes) byScope.set(m.target, m);
    const part = parts.get(f)!;
    views.set(f, {
      aliases: aliasesOf.get(f)!, allAliases, optionLines: part.optionLines, uses: part.uses, loadUses, tricks: part.tricks,
      scopes, scopeOf: (u) => byScope.get(u.target), here,
    });
  }
  return views;
}

function mergeBySeq(a: readonly ParamUse[], b: readonly ParamUse[]): ParamUse[] {
  const out: ParamUse[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].seq < b[j].seq)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

const SHELL_SEPARATORS = /^(;|&&|\|\||\||&)$/;

/** `install bond1 /sbin/modprobe --ignore-install bonding -o bond1 …`: a modprobe/insmod call with -o. */
function installTrick(st: ModprobeStatement, bondingTarget: boolean): RenameTrick | undefined {
  const words = st.args.slice(1);
  const mentionsBonding = bondingTarget || words.some((w) => normalizeModuleName(trimEndChars(w.text, ';&|')) === BONDING_MODULE);
  if (!mentionsBonding) return undefined;
  let inModprobe = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k].text;
    if (SHELL_SEPARATORS.test(w) || /^[;&|]/.test(w)) { inModprobe = false; continue; }
    const base = w.slice(w.lastIndexOf('/') + 1);
    if (base === 'modprobe' || base === 'insmod') { inModprobe = true; continue; }
    if (!inModprobe) continue;
    if (w === '-o' || w === '--name') {
      const next = words[k + 1];
      return { stmt: st, first: words[k], last: next ?? words[k], where: 'install', newName: next && trimEndChars(next.text, ';&|') };
    }
    if (/^-o[^-]/.test(w) || /^--name=./.test(w)) {
      return { stmt: st, first: words[k], last: words[k], where: 'install', newName: w.startsWith('--') ? w.slice(7) : w.slice(2) };
    }
    if (/[;&|]$/.test(w)) inModprobe = false;
  }
  return undefined;
}

/** The address the kernel reads from an ARP target, or undefined when it refuses it (kernelIn4Pton). */
export function kernelIPv4(s: string): number[] | undefined {
  return kernelIn4Pton(s)?.parts;
}

function targetProblem(item: string): ArpTargetItem['problem'] {
  const ip = kernelIPv4(item);
  if (!ip) return item.startsWith('+') && kernelIPv4(item.slice(1)) ? 'plus' : 'invalid';
  if (ip.every((p) => p === 255)) return 'broadcast';
  if (ip.every((p) => p === 0)) return 'zero';
  if (ip[0] === 0) return 'zeronet';
  return undefined;
}


/** parse_args() + bond_check_params() for the given words, in order. */
export function simulateLoad(target: string, uses: ParamUse[], own: (u: ParamUse) => boolean, here: (u: ParamUse) => boolean = () => true): LoadModel {
  const last = new Map<string, ParamUse>();
  for (const u of uses) if (u.param) last.set(settingOf(u.param.name), u);
  const intOf = (name: string): number | undefined => {
    const u = last.get(settingOf(name));
    if (!u?.param || (u.param.type !== 'int' && u.param.type !== 'uint')) return undefined;
    const r = kernelParseModuleInt(u.tok.value, u.param.type === 'uint');
    return r.ok ? r.number : undefined;
  };

  // mode
  const modeUse = last.get('mode');
  let mode = modeByNumber(0)!;
  let modeInvalid = false;
  if (modeUse) {
    const r = modeUse.tok.value === undefined ? undefined : kernelParseTableValue(MODE_TABLE, modeUse.tok.value);
    if (r?.ok) mode = modeByNumber(r.number) ?? mode;
    else modeInvalid = true;
  }

  // miimon (negative → 0), forced to 100 in 802.3ad/tlb/alb
  let miimon = Math.max(0, intOf('miimon') ?? 0);
  let miimonForced = false;
  if (!mode.supportsArpMonitoring && miimon === 0) {
    miimon = 100;
    miimonForced = true;
  }
  const updelayRaw = Math.max(0, intOf('updelay') ?? 0);
  const downdelayRaw = Math.max(0, intOf('downdelay') ?? 0);

  // arp_interval: dropped when miimon is set, reset when negative
  const arpIntervalUse = last.get('arp_interval');
  const arpRaw = intOf('arp_interval') ?? 0;
  let arpInterval = arpRaw;
  let arpDrop: ArpDrop | undefined;
  if (miimon && arpInterval) {
    arpDrop = miimonForced ? 'forced-miimon' : 'miimon';
    arpInterval = 0;
  }
  if (arpInterval < 0) {
    arpDrop ??= 'negative';
    arpInterval = 0;
  }
  const arpIntervalGiven = Math.max(0, arpRaw);

  // arp_ip_target: each occurrence overwrites the array from index 0; leftovers stay.
  const overlay: ArpTargetItem[] = [];
  for (const u of uses) {
    if (u.param?.name !== 'arp_ip_target' || u.tok.value === undefined) continue;
    const items = u.tok.value.split(',');
    if (items.length > MAX_ARP_TARGETS) continue; // the load fails at parse time (reported separately)
    let from = 0;
    items.forEach((value, index) => {
      overlay[index] = { value, use: u, index, from, to: from + value.length };
      from += value.length + 1;
    });
  }
  const targets: ArpTargetItem[] = [];
  const seen = new Map<string, ArpTargetItem>();
  let validTargets = 0;
  for (const item of overlay) {
    if (validTargets >= MAX_ARP_TARGETS) break;
    const t: ArpTargetItem = { ...item, problem: targetProblem(item.value) };
    if (t.problem) {
      if (arpInterval) arpDrop ??= 'bad-target';
      arpInterval = 0;
    } else {
      const key = kernelIPv4(item.value)!.join('.');
      const first = seen.get(key);
      if (first) { t.duplicate = true; t.duplicateOf = first; }
      else { seen.set(key, t); validTargets++; }
    }
    targets.push(t);
  }
  if (arpInterval && !validTargets) {
    arpDrop ??= 'no-targets';
    arpInterval = 0;
  }

  const primaryKept = last.has('primary') && mode.usesPrimary;
  return {
    target, uses, own, here, last, mode, modeUse, modeInvalid, miimon, miimonUse: last.get('miimon'), miimonForced,
    arpIntervalGiven, arpIntervalUse, arpDrop, arpInterval, targets, validTargets,
    updelay: updelayRaw, downdelay: downdelayRaw, primaryKept, int: intOf,
  };
}

/** Value of an enumerated module parameter as the kernel's table parser reads it (undefined if invalid). */
export function tableValue(name: string, value: string | undefined): { number: number; name?: string } | undefined {
  const opt = getOption(name);
  const table = opt ? kernelTableOf(opt) : undefined;
  if (!table || value === undefined) return undefined;
  const r = kernelParseTableValue(table, value);
  return r.ok ? { number: r.number, name: r.name } : undefined;
}

/** "when the module is loaded as bond0" for alias scopes, nothing for plain bonding. */
export function scopeNote(m: LoadModel): string {
  return m.target === BONDING_MODULE ? '' : ` (when the module is loaded through the alias '${m.target}', together with the 'options bonding' lines)`;
}

/** "802.3ad", "802.3ad (set in a.conf)" or "balance-rr (the default: this file sets no mode)". */
export function modeDesc(m: LoadModel): string {
  return m.modeUse ? `${m.mode.name}${setIn(m, m.modeUse)}` : `${m.mode.name} (the default: no mode= is set here, unless another modprobe.d file sets one)`;
}

/** Own uses of a setting in a load, in order. */
export function ownUses(m: LoadModel, name: string): ParamUse[] {
  return m.uses.filter((u) => m.own(u) && u.param && settingOf(u.param.name) === settingOf(name));
}

// Words of the other files of a load, as messages and related information show them. For a file
// judged alone every word is here, and these add nothing.

/** "line 3" for a word of this file, "b.conf, line 3" for a word of another modprobe.d file. */
export function lineOf(m: Pick<LoadModel, 'here'>, u: ParamUse): string {
  const line = `line ${u.tok.range.start.line + 1}`;
  return m.here(u) ? line : `${u.doc.fileName}, ${line}`;
}

/** " (set in a.conf)" for a word of another file, "" for one of this file or none. */
export function setIn(m: Pick<LoadModel, 'here'>, u: ParamUse | undefined): string {
  return u && !m.here(u) ? ` (set in ${u.doc.fileName})` : '';
}

/** A related-information entry for a word. */
export function relatedUse(u: ParamUse, message = `${u.tok.text} in ${u.doc.fileName}`): DiagnosticRelatedInformation {
  return { location: { uri: u.doc.uri, range: u.tok.range }, message };
}

/**
 * Related information for the words of other files a finding depends on, or undefined when there is
 * none (so that a file judged alone gets exactly the findings it always got).
 */
export function relatedElsewhere(m: Pick<LoadModel, 'here'>, uses: readonly (ParamUse | undefined)[]): DiagnosticRelatedInformation[] | undefined {
  const out: DiagnosticRelatedInformation[] = [];
  const seen = new Set<ParamUse>();
  for (const u of uses) {
    if (!u || m.here(u) || seen.has(u)) continue;
    seen.add(u);
    out.push(relatedUse(u));
  }
  return out.length ? out : undefined;
}

/** Whether any word of the load for this setting is written in another file (a fix here cannot remove it). */
export function setElsewhere(m: LoadModel, name: string): boolean {
  return m.uses.some((u) => !m.here(u) && u.param && settingOf(u.param.name) === settingOf(name));
}
