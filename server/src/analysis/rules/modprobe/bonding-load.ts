// What the bonding module makes of the `options` lines of one modprobe.d file at load time: which
// lines reach it (module name or alias name), which words are module parameters, and a model of
// kernel/params.c (parse_args: every word, last value wins) followed by bond_check_params() (the
// load-time checks, corrections and drops, in the kernel's order). Pure and cheap; computed once per
// parsed file and shared by every rule.
import type { ModprobeContext } from '../../context';
import type { ModprobeFile, ModprobeStatement, OptionToken, Token } from '../../modprobe/parser';
import { BONDING_MODULE, getBondingModuleParam, normalizeModuleName, type BondingModuleParam } from '../../kb/modprobe';
import { kernelIn4Pton, kernelParseModuleInt, kernelParseTableValue } from '../../kb/parse';
import { getOption, kernelTableOf, MAX_ARP_TARGETS } from '../../kb/options';
import { MODE_TABLE, modeByNumber, type BondMode } from '../../kb/modes';
import { editDistance } from '../../text';

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
  /** Position among all bonding-related words of the file. */
  order: number;
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
  /** Words this scope reports on (the others are reported by the plain "bonding" scope). */
  own: (u: ParamUse) => boolean;
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
  aliases: AliasLine[];
  /** Options statements that reach bonding, with how. */
  optionLines: { stmt: ModprobeStatement; target: string; via: 'module' | 'alias' }[];
  /** Parameter words (the words of rename tricks excluded: they are reported as such). */
  uses: ParamUse[];
  tricks: RenameTrick[];
  scopes: LoadModel[];
  /** The model a word is judged in. */
  scopeOf(u: ParamUse): LoadModel | undefined;
}

/** Kernel variable a parameter sets (num_unsol_na is another name for num_grat_arp). */
export function settingOf(canonical: string): string {
  return canonical === 'num_unsol_na' ? 'num_grat_arp' : canonical;
}

/** Names every module accepts besides its own parameters (kernel/module: unknown_module_param_cb). */
export const GENERIC_MODULE_PARAMS: ReadonlySet<string> = new Set(['dyndbg', 'async_probe']);

const cache = new WeakMap<ModprobeFile, BondingAnalysis>();

export function bondingAnalysis(ctx: ModprobeContext): BondingAnalysis {
  let a = cache.get(ctx.file);
  if (!a) {
    a = analyse(ctx.file);
    cache.set(ctx.file, a);
  }
  return a;
}

const BOND_NAME = /^bond\d+$/;

/** True for a module name that is `bonding` or one edit away from it (typos in alias lines). */
export function looksLikeBonding(name: string): boolean {
  const n = normalizeModuleName(name).toLowerCase();
  return n === BONDING_MODULE || editDistance(n, BONDING_MODULE, 2) <= 2;
}

function analyse(file: ModprobeFile): BondingAnalysis {
  const aliases: AliasLine[] = [];
  for (const st of file.statements) {
    if (st.command === 'alias' && st.args.length >= 2) {
      aliases.push({ stmt: st, name: st.args[0], module: st.args[1], nameN: normalizeModuleName(st.args[0].text), moduleN: normalizeModuleName(st.args[1].text) });
    }
  }
  const aliasTargets = new Map<string, string[]>();
  for (const al of aliases) {
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

  const optionLines: BondingAnalysis['optionLines'] = [];
  const uses: ParamUse[] = [];
  const tricks: RenameTrick[] = [];
  for (const st of file.statements) {
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
        uses.push({ stmt: st, tok: t, target, canonical, param: getBondingModuleParam(t.name), order: uses.length });
      }
    } else if ((st.command === 'install' || st.command === 'remove') && st.args.length >= 2) {
      const trick = installTrick(st, via(st.args[0].text) !== undefined);
      if (trick) tricks.push(trick);
    }
  }

  // One load per module name: plain `bonding`, and each alias (its own lines plus the bonding ones, in file order).
  const byTarget = new Map<string, ParamUse[]>();
  for (const u of uses) {
    const list = byTarget.get(u.target);
    if (list) list.push(u);
    else byTarget.set(u.target, [u]);
  }
  const plain = byTarget.get(BONDING_MODULE) ?? [];
  const scopes: LoadModel[] = [];
  const byScope = new Map<string, LoadModel>();
  for (const [target, own] of byTarget) {
    const list = target === BONDING_MODULE ? own : mergeByOrder(plain, own);
    const m = simulateLoad(target, list, (u) => u.target === target);
    scopes.push(m);
    byScope.set(target, m);
  }
  return { aliases, optionLines, uses, tricks, scopes, scopeOf: (u) => byScope.get(u.target) };
}

function mergeByOrder(a: readonly ParamUse[], b: readonly ParamUse[]): ParamUse[] {
  const out: ParamUse[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].order < b[j].order)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

const SHELL_SEPARATORS = /^(;|&&|\|\||\||&)$/;

/** `install bond1 /sbin/modprobe --ignore-install bonding -o bond1 …`: a modprobe/insmod call with -o. */
function installTrick(st: ModprobeStatement, bondingTarget: boolean): RenameTrick | undefined {
  const words = st.args.slice(1);
  const mentionsBonding = bondingTarget || words.some((w) => normalizeModuleName(w.text.replace(/[;&|]+$/, '')) === BONDING_MODULE);
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
      return { stmt: st, first: words[k], last: next ?? words[k], where: 'install', newName: next?.text.replace(/[;&|]+$/, '') };
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
export function simulateLoad(target: string, uses: ParamUse[], own: (u: ParamUse) => boolean): LoadModel {
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
  const seen = new Set<string>();
  let validTargets = 0;
  for (const item of overlay) {
    if (validTargets >= MAX_ARP_TARGETS) break;
    const t: ArpTargetItem = { ...item, problem: targetProblem(item.value) };
    if (t.problem) {
      if (arpInterval) arpDrop ??= 'bad-target';
      arpInterval = 0;
    } else {
      const key = kernelIPv4(item.value)!.join('.');
      if (seen.has(key)) t.duplicate = true;
      else { seen.add(key); validTargets++; }
    }
    targets.push(t);
  }
  if (arpInterval && !validTargets) {
    arpDrop ??= 'no-targets';
    arpInterval = 0;
  }

  const primaryKept = last.has('primary') && mode.usesPrimary;
  return {
    target, uses, own, last, mode, modeUse, modeInvalid, miimon, miimonUse: last.get('miimon'), miimonForced,
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

/** "802.3ad", or "balance-rr (the default: this file sets no mode)". */
export function modeDesc(m: LoadModel): string {
  return m.modeUse ? m.mode.name : `${m.mode.name} (the default: no mode= is set here, unless another modprobe.d file sets one)`;
}

/** Own uses of a setting in a load, in order. */
export function ownUses(m: LoadModel, name: string): ParamUse[] {
  return m.uses.filter((u) => m.own(u) && u.param && settingOf(u.param.name) === settingOf(name));
}
