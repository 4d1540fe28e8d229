import { BONDING_MODULE_PARAMS } from '../../kb/modprobe';
import { getOption, OPTION_NAMES } from '../../kb/options';
import { nearest } from '../../text';
import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, GENERIC_MODULE_PARAMS, kernelIPv4, type ParamUse } from './bonding-load';
import { replaceIn } from './edits';

const PARAM_NAMES: readonly string[] = BONDING_MODULE_PARAMS.map((p) => p.name);
const BY_LENGTH = [...PARAM_NAMES].sort((a, b) => b.length - a.length);

export interface Suggestion {
  /** The module parameter meant. */
  name: string;
  /** Replace the whole word with this (a value glued to the name: `miimon100`, `mode:4`). */
  word?: string;
  /** The guess is a bonding option, but not a module parameter. */
  notModuleParam?: boolean;
  /** The name carried the kernel command line's "bonding." prefix. */
  prefix?: boolean;
}

/** What a misspelled parameter name most likely meant. */
export function suggestParam(u: ParamUse): Suggestion | undefined {
  const k = u.canonical.toLowerCase();
  if (!k) return undefined;
  if (PARAM_NAMES.includes(k)) return { name: k };
  // A value glued to the name: "miimon100", "mode:4", "lacp_rate:fast".
  if (u.tok.value === undefined) {
    for (const p of BY_LENGTH) {
      if (k.startsWith(p) && k.length > p.length) {
        const rest = u.tok.name.slice(p.length);
        const value = rest.startsWith(':') ? rest.slice(1) : rest;
        if (value && (rest.startsWith(':') || /^\d/.test(rest))) return { name: p, word: `${p}=${value}` };
      }
    }
  }
  // Kernel command line syntax: "bonding.miimon=100".
  if (k.startsWith('bonding.') && PARAM_NAMES.includes(k.slice(8))) return { name: k.slice(8), prefix: true };
  const close = nearest(k, PARAM_NAMES, k.length <= 5 ? 1 : 2);
  if (close) return { name: close };
  const parts = k.split('_').filter(Boolean);
  if (parts.length >= 2) {
    const hits = PARAM_NAMES.filter((n) => parts.every((p) => n.split('_').includes(p)));
    if (hits.length === 1) return { name: hits[0] };
  }
  const other = nearest(k, OPTION_NAMES, 2);
  if (other && !getOption(other)?.moduleParam) return { name: other, notModuleParam: true };
  return undefined;
}

/** E1 for module options: `options bonding lacp_rates=fast` — the kernel ignores unknown names. */
const rule: ModprobeRule = {
  id: 'modprobe-unknown-param',
  language: 'modprobe',
  severity: 'error',
  title: 'Unknown bonding module parameter',
  catalogue: ['E1'],
  check(ctx) {
    const out: Finding[] = [];
    const memo = new Map<string, Suggestion | undefined>();
    for (const u of bondingAnalysis(ctx).uses) {
      if (u.param || getOption(u.canonical) || GENERIC_MODULE_PARAMS.has(u.canonical)) continue;
      const key = `${u.tok.value === undefined ? '-' : '='}${u.tok.name}`;
      if (!memo.has(key)) memo.set(key, suggestParam(u));
      const s = memo.get(key);
      const shown = u.tok.name || u.tok.text;
      let hint = ' Check the spelling against the bonding module\'s parameters (modinfo bonding).';
      if (kernelIPv4(u.tok.text)) hint = ' It looks like an ARP target separated from the list by a blank: write arp_ip_target=a,b,c without spaces.';
      else if (s?.prefix) hint = ` Did you mean '${s.name}'? The 'bonding.' prefix belongs on the kernel command line, not in modprobe.d.`;
      else if (s?.word) hint = ` Did you mean '${s.word}'? A parameter and its value must be joined by '='.`;
      else if (s?.notModuleParam) hint = ` Did you mean '${s.name}'? That is a bonding option too, but not a module parameter: set it per bond (BONDING_OPTS) instead.`;
      else if (s) hint = ` Did you mean '${s.name}'?`;
      out.push({
        range: u.tok.range,
        message: `The bonding module has no parameter '${shown}': when it loads, the kernel logs "unknown parameter '${shown}' ignored" and the setting you meant never applies.${hint}`,
        data: { order: u.order },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    if (!u) return [];
    const s = suggestParam(u);
    if (!s || s.notModuleParam) return [];
    const e = s.word ? replaceIn(ctx, u.tok.range, u.tok.text, s.word) : replaceIn(ctx, u.tok.nameRange, u.tok.name, s.name);
    return e ? [{ title: `Change to '${s.word ?? s.name}'`, edits: [e], preferred: true }] : [];
  },
};
export default rule;
