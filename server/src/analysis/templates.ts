// Authoring templates: the text of a new bond's ifcfg files, and the minimal edits that turn an
// existing interface file into a member of a bond. Pure: no I/O, no `vscode` import. Modes and
// option values come from the knowledge base; which keys count as addressing on a member comes from
// the member-ip-config rule itself, so the generator and the linter cannot drift apart.
import type { TextEdit } from 'vscode-languageserver-types';
import { makeContext, type IfcfgContext } from './context';
import type { IfcfgAssignment } from './ifcfg/parser';
import {
  DEFAULT_FORCED_MIIMON, getOption, interfaceNameProblem, MODE_NAMES, modeByName, optionEffectInMode,
  parseEnumValue, type ModeName,
} from './kb';
import memberIpConfig from './rules/ifcfg/member-ip-config';
import { isIPv4 } from './rules/ifcfg/values';
import { addKeyEdit, boolOf, effective, insertLineAfter, liveAssignments, removeLine, replaceValue } from './rules/ifcfg/util';

export type YesNo = 'yes' | 'no';

export type Ipv4Spec = { address: string; prefix: number; gateway?: string } | 'dhcp';

export interface BondSpec {
  /** The bond's interface name, e.g. "bond1". */
  name: string;
  mode: ModeName;
  /** Member interface names, in order. */
  members: string[];
  ipv4: Ipv4Spec;
  /** MII link monitoring interval in ms (default {@link DEFAULT_MIIMON}). */
  miimon?: number;
  /** Preferred member (modes that use a primary only). */
  primary?: string;
  /** 802.3ad only. */
  lacpRate?: string;
  /** Modes that hash to pick the transmit member only. */
  xmitHashPolicy?: string;
  /** NM_CONTROLLED of the bond and of every member (they must agree). */
  nmControlled: YesNo;
}

export interface GeneratedFile {
  /** "ifcfg-<device>". */
  fileName: string;
  device: string;
  role: 'bond' | 'member';
  text: string;
}

/** The MII monitor interval templates use (NetworkManager's default and what the kernel forces where it must). */
export const DEFAULT_MIIMON = DEFAULT_FORCED_MIIMON;

/** Interface names the templates write unquoted: a safe subset of what the kernel accepts. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export function ifcfgFileName(device: string): string {
  return `ifcfg-${device}`;
}

/** Why `name` cannot be used as an interface name in a generated file, or undefined. */
export function deviceNameProblem(name: string): string | undefined {
  const p = interfaceNameProblem(name);
  if (p) return p;
  if (!SAFE_NAME.test(name)) return 'use letters, digits, "_", "-" and "." only (and do not start with "." or "-")';
  return undefined;
}

/** `bondN` with the smallest N not in `used` (device names or ifcfg file names). */
export function firstFreeBondName(used: Iterable<string>): string {
  const taken = new Set<string>();
  for (const u of used) taken.add(u.replace(/^ifcfg-/, ''));
  for (let n = 0; ; n++) if (!taken.has(`bond${n}`)) return `bond${n}`;
}

/** Parses "192.0.2.10/24" (the prefix is required). */
export function parseAddressWithPrefix(s: string): { address: string; prefix: number } | undefined {
  const m = /^\s*([0-9.]+)\/([0-9]{1,2})\s*$/.exec(s);
  if (!m || !isIPv4(m[1])) return undefined;
  const prefix = Number(m[2]);
  return prefix >= 1 && prefix <= 32 ? { address: m[1], prefix } : undefined;
}

function optionUsable(option: string, mode: ModeName): boolean {
  const opt = getOption(option);
  return !!opt && optionEffectInMode(opt, mode) === 'effective';
}

/** Whether the mode has a primary member (active-backup, balance-tlb, balance-alb). */
export function modeUsesPrimary(mode: ModeName): boolean {
  return optionUsable('primary', mode);
}

/** Whether lacp_rate applies (802.3ad). */
export function modeUsesLacpRate(mode: ModeName): boolean {
  return optionUsable('lacp_rate', mode);
}

/**
 * Whether xmit_hash_policy picks the transmit member with the mode's defaults (balance-xor,
 * 802.3ad). balance-tlb/alb use it only with tlb_dynamic_lb=0, so a wizard should not ask there.
 */
export function modeUsesXmitHash(mode: ModeName): boolean {
  return optionUsable('xmit_hash_policy', mode) && !optionUsable('tlb_dynamic_lb', mode);
}

/** Named values of an enumerated bonding option, with their descriptions (for pickers). */
export function optionChoices(option: 'lacp_rate' | 'xmit_hash_policy' | 'arp_validate'): { name: string; description: string }[] {
  return (getOption(option)?.values ?? []).map((v) => ({ name: v.name, description: v.description }));
}

/** Everything wrong with a spec, as sentences (empty when the files can be generated). */
export function bondSpecProblems(spec: BondSpec): string[] {
  const out: string[] = [];
  const nameProblem = deviceNameProblem(spec.name);
  if (nameProblem) out.push(`bond name "${spec.name}": ${nameProblem}`);
  const mode = modeByName(spec.mode);
  if (!mode) out.push(`unknown mode "${spec.mode}" (one of ${MODE_NAMES.join(', ')})`);
  if (!spec.members.length) out.push('a bond needs at least one member');
  const seen = new Set<string>();
  for (const m of spec.members) {
    const p = deviceNameProblem(m);
    if (p) out.push(`member "${m}": ${p}`);
    if (m === spec.name) out.push(`member "${m}" is the bond itself`);
    if (seen.has(m)) out.push(`member "${m}" is listed twice`);
    seen.add(m);
  }
  if (spec.ipv4 !== 'dhcp') {
    const { address, prefix, gateway } = spec.ipv4;
    if (!isIPv4(address)) out.push(`"${address}" is not an IPv4 address`);
    if (!Number.isInteger(prefix) || prefix < 1 || prefix > 32) out.push(`prefix ${prefix} is not between 1 and 32`);
    if (gateway !== undefined && gateway !== '' && !isIPv4(gateway)) out.push(`gateway "${gateway}" is not an IPv4 address`);
    if (gateway && gateway === address) out.push('the gateway cannot be the bond\'s own address');
  }
  if (spec.miimon !== undefined && (!Number.isInteger(spec.miimon) || spec.miimon <= 0 || spec.miimon > 2147483647)) {
    out.push(`miimon ${spec.miimon} must be a positive number of milliseconds (0 would leave the bond without link monitoring)`);
  }
  if (spec.nmControlled !== 'yes' && spec.nmControlled !== 'no') out.push(`NM_CONTROLLED must be yes or no, not "${String(spec.nmControlled)}"`);
  if (mode) {
    if (spec.primary !== undefined && spec.primary !== '') {
      if (!modeUsesPrimary(mode.name)) out.push(`primary is not used in ${mode.name} (only in modes with a preferred member)`);
      else if (!spec.members.includes(spec.primary)) out.push(`primary "${spec.primary}" is not one of the members`);
    }
    for (const [key, value] of [['lacp_rate', spec.lacpRate], ['xmit_hash_policy', spec.xmitHashPolicy]] as const) {
      if (value === undefined || value === '') continue;
      const opt = getOption(key)!;
      if (optionEffectInMode(opt, mode.name) !== 'effective') out.push(`${key} has no effect in ${mode.name}`);
      else if (!parseEnumValue(opt, value) || /^[0-9]+$/.test(value)) {
        out.push(`${key}=${value} is not valid (one of ${(opt.values ?? []).map((v) => v.name).join(', ')})`);
      }
    }
  }
  return out;
}

function check(spec: BondSpec): void {
  const problems = bondSpecProblems(spec);
  if (problems.length) throw new Error(`cannot generate bond files: ${problems.join('; ')}`);
}

/** The BONDING_OPTS value (without quotes): mode, link monitoring, then the mode's own options. */
export function bondingOpts(spec: BondSpec): string {
  const parts = [`mode=${spec.mode}`, `miimon=${spec.miimon ?? DEFAULT_MIIMON}`];
  if (spec.primary && modeUsesPrimary(spec.mode)) parts.push(`primary=${spec.primary}`);
  if (spec.lacpRate && modeUsesLacpRate(spec.mode)) parts.push(`lacp_rate=${spec.lacpRate}`);
  if (spec.xmitHashPolicy) parts.push(`xmit_hash_policy=${spec.xmitHashPolicy}`);
  return parts.join(' ');
}

function lines(l: string[], eol: string): string {
  return l.map((x) => x + eol).join('');
}

/** The bond's ifcfg file. */
export function bondFileText(spec: BondSpec, eol: '\n' | '\r\n' = '\n'): string {
  check(spec);
  const l = [
    `DEVICE=${spec.name}`,
    'TYPE=Bond',
    'BONDING_MASTER=yes',
    `BONDING_OPTS="${bondingOpts(spec)}"`,
    'ONBOOT=yes',
  ];
  if (spec.ipv4 === 'dhcp') l.push('BOOTPROTO=dhcp');
  else {
    l.push('BOOTPROTO=none', `IPADDR=${spec.ipv4.address}`, `PREFIX=${spec.ipv4.prefix}`);
    if (spec.ipv4.gateway) l.push(`GATEWAY=${spec.ipv4.gateway}`);
  }
  l.push(`NM_CONTROLLED=${spec.nmControlled}`);
  return lines(l, eol);
}

/** A new member file for `device`. */
export function memberFileText(spec: BondSpec, device: string, eol: '\n' | '\r\n' = '\n'): string {
  check(spec);
  return lines([
    `DEVICE=${device}`,
    'TYPE=Ethernet',
    `MASTER=${spec.name}`,
    'SLAVE=yes',
    'ONBOOT=yes',
    'BOOTPROTO=none',
    `NM_CONTROLLED=${spec.nmControlled}`,
  ], eol);
}

/** The bond file followed by a new file for every member. */
export function bondFiles(spec: BondSpec, eol: '\n' | '\r\n' = '\n'): GeneratedFile[] {
  check(spec);
  return [
    { fileName: ifcfgFileName(spec.name), device: spec.name, role: 'bond', text: bondFileText(spec, eol) },
    ...spec.members.map((m): GeneratedFile => ({ fileName: ifcfgFileName(m), device: m, role: 'member', text: memberFileText(spec, m, eol) })),
  ];
}

function yesForBoth(a: IfcfgAssignment, wanted: boolean): boolean {
  return boolOf(a, 'initscripts') === wanted && boolOf(a, 'nm') === wanted;
}

/** The member-ip-config rule's verdict on one assignment, asked as if the file were already a member. */
function addressingEdits(ctx: IfcfgContext): TextEdit[] {
  const rule = memberIpConfig;
  if (!rule.fix) return [];
  const out: TextEdit[] = [];
  for (const a of liveAssignments(ctx)) {
    // One assignment at a time, so earlier duplicates of a key are judged too, not only the last.
    const file = { ...ctx.file, assignments: [a], problems: [], byKey: new Map([[a.key, a]]), live: [a] };
    const one: IfcfgContext = { ...ctx, file, role: 'member', opts: undefined, get: (k) => file.byKey.get(k) };
    for (const f of rule.check(one)) out.push(...(rule.fix(f, one)[0]?.edits ?? []));
  }
  return out;
}

/**
 * Edits that make an existing interface file a member of the bond, changing only what must change:
 * MASTER and SLAVE set (in place when present, otherwise added after DEVICE/TYPE), MASTER_UUID
 * removed (NetworkManager prefers it over MASTER), addressing removed and BOOTPROTO=dhcp turned into
 * none (exactly what the member-ip-config rule reports), NM_CONTROLLED aligned with the bond
 * (an absent key already means yes), ONBOOT=no turned into yes. Every other byte (comments, quoting,
 * CRLF, a BOM) stays as it is; applying the result a second time yields no edits.
 */
export function memberEdits(text: string, bond: Pick<BondSpec, 'name' | 'nmControlled'>, uri = 'file:///etc/sysconfig/network-scripts/ifcfg-member'): TextEdit[] {
  const ctx = makeContext(uri, text, 'ifcfg') as IfcfgContext;
  const eol = ctx.file.text.eol;
  const edits: TextEdit[] = [];
  const add: string[] = [];

  const master = effective(ctx, 'MASTER');
  if (!master) add.push(`MASTER=${bond.name}`);
  else if (!master.valueOk || master.value !== bond.name) edits.push(replaceValue(ctx, master, bond.name));
  const slave = effective(ctx, 'SLAVE');
  if (!slave) add.push('SLAVE=yes');
  else if (!yesForBoth(slave, true)) edits.push(replaceValue(ctx, slave, 'yes'));
  const nm = effective(ctx, 'NM_CONTROLLED');
  if (!nm) { if (bond.nmControlled === 'no') add.push('NM_CONTROLLED=no'); } else if (!yesForBoth(nm, bond.nmControlled === 'yes')) edits.push(replaceValue(ctx, nm, bond.nmControlled));
  const onboot = effective(ctx, 'ONBOOT');
  if (onboot && !yesForBoth(onboot, true)) edits.push(replaceValue(ctx, onboot, 'yes'));
  for (const a of liveAssignments(ctx)) if (a.key === 'MASTER_UUID') edits.push(removeLine(ctx, a.line));
  edits.push(...addressingEdits(ctx));

  if (add.length) {
    const anchor = master ?? slave;
    if (anchor) edits.push(insertLineAfter(ctx, anchor.line, add));
    else if (text.length === 0) edits.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: add.map((l) => l + eol).join('') });
    else edits.push(addKeyEdit(ctx, add, ['TYPE', 'DEVICE', 'HWADDR', 'NAME']));
  }
  return normalize(edits, ctx);
}

function cmp(a: TextEdit['range']['start'], b: TextEdit['range']['start']): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Sorted by position, duplicates dropped. When the last line has no terminator, removing it takes the
 * previous line's terminator, so an insert before that line would land inside the removal: the two
 * become one edit that keeps the file without a final line break.
 */
function normalize(edits: TextEdit[], ctx: IfcfgContext): TextEdit[] {
  const sorted = edits.slice().sort((a, b) => cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && cmp(last.range.start, e.range.start) === 0 && cmp(last.range.end, e.range.end) === 0 && last.newText === e.newText) continue;
    const isInsert = cmp(e.range.start, e.range.end) === 0;
    const host = isInsert ? out.findIndex((d) => d.newText === '' && cmp(d.range.start, e.range.start) < 0 && cmp(e.range.start, d.range.end) < 0) : -1;
    if (host >= 0) {
      const d = out[host];
      const eol = ctx.file.text.lines[d.range.start.line].eol;
      const body = e.newText.endsWith(eol) ? e.newText.slice(0, -eol.length) : e.newText;
      out[host] = { range: d.range, newText: eol + body };
      continue;
    }
    out.push(e);
  }
  return out;
}
