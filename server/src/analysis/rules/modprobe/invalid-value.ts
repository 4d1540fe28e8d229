import { checkBondingModuleParam } from '../../kb/modprobe';
import { getOption, INT_MAX } from '../../kb/options';
import { kernelParseModuleInt } from '../../kb/parse';
import type { Finding, Fix, ModprobeRule } from '../types';
import { bondingAnalysis, setIn, settingOf, type LoadModel, type ParamUse } from './bonding-load';
import { replaceIn } from './edits';

const LOAD_FAILS = 'the bonding module refuses to load, so no bond comes up at all until this is fixed';

/** Load-time corrections of bond_check_params(): the value the kernel uses instead, or undefined when the value is kept. */
export function corrected(name: string, n: number): { to: number; why: string } | undefined {
  switch (name) {
    case 'max_bonds': return n < 0 ? { to: 1, why: 'it cannot be negative' } : undefined;
    case 'miimon': case 'updelay': case 'downdelay': case 'arp_interval':
      return n < 0 ? { to: 0, why: 'it cannot be negative' } : undefined;
    case 'use_carrier': return n !== 0 && n !== 1 ? { to: 1, why: 'only 0 and 1 exist' } : undefined;
    case 'all_slaves_active': return n !== 0 && n !== 1 ? { to: 0, why: 'only 0 and 1 exist' } : undefined;
    case 'num_grat_arp': case 'num_unsol_na': return n < 0 || n > 255 ? { to: 1, why: 'allowed: 0-255' } : undefined;
    case 'resend_igmp': return n < 0 || n > 255 ? { to: 1, why: 'allowed: 0-255' } : undefined;
    case 'tx_queues': return n < 1 || n > 255 ? { to: 16, why: 'allowed: 1-255' } : undefined;
    case 'packets_per_slave': return n < 0 || n > 65535 ? { to: 1, why: 'allowed: 0-65535' } : undefined;
    case 'lp_interval': return n === 0 ? { to: 1, why: 'the minimum is 1' } : undefined;
    default: return undefined;
  }
}

/** Whether bond_check_params() parses this enumerated parameter in this load (some are skipped by mode). */
function parsedInLoad(name: string, m: LoadModel): { parsed: boolean; because?: string } {
  if (m.modeInvalid) return { parsed: true };
  switch (name) {
    case 'xmit_hash_policy':
      return ['balance-rr', 'active-backup', 'broadcast'].includes(m.mode.name) ? { parsed: false, because: `the module's mode is ${m.mode.name}${setIn(m, m.modeUse)}, where the kernel skips xmit_hash_policy` } : { parsed: true };
    case 'lacp_rate':
      return m.mode.name !== '802.3ad' ? { parsed: false, because: `the module's mode is ${m.mode.name}${setIn(m, m.modeUse)}, where the kernel skips lacp_rate` } : { parsed: true };
    case 'primary_reselect':
      return m.primaryKept ? { parsed: true } : { parsed: false, because: 'the kernel only reads primary_reselect when a primary is in effect' };
    default:
      return { parsed: true };
  }
}

const SYNONYMS: Record<string, Record<string, string>> = {
  mode: { lacp: '802.3ad', rr: 'balance-rr', roundrobin: 'balance-rr', xor: 'balance-xor', tlb: 'balance-tlb', alb: 'balance-alb', activebackup: 'active-backup' },
  xmit_hash_policy: { l2: 'layer2', l23: 'layer2+3', l34: 'layer3+4' },
};

/** The value a misspelled enumeration value unambiguously stands for (case, separators, common short forms). */
export function enumGuess(name: string, value: string): string | undefined {
  const opt = getOption(name);
  if (!opt?.values) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[-_+.\s]/g, '');
  const v = squash(value);
  const hits = opt.values.filter((x) => squash(x.name) === v);
  if (hits.length === 1) return hits[0].name;
  // Own properties only: 'constructor' or '__proto__' must not find Object's.
  const table = Object.prototype.hasOwnProperty.call(SYNONYMS, name) ? SYNONYMS[name] : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, v) ? table[v] : undefined;
}

/** An integer written with a unit or a sysfs keyword: the plain number the module parameter needs. */
export function intGuess(name: string, value: string): string | undefined {
  const opt = getOption(name);
  const unit = /^\s*(\d+)\s*(ms|msec|msecs|milliseconds?)\s*$/i.exec(value);
  if (unit && opt?.unit === 'ms') return unit[1];
  const sec = /^\s*(\d+)\s*(s|sec|secs|seconds?)\s*$/i.exec(value);
  if (sec && opt?.unit === 's') return sec[1];
  const word = value.trim();
  const kw = opt?.keywords?.find((k) => k.name === word) ?? opt?.values?.find((k) => k.name === word);
  if (kw) return String(kw.number);
  if (word === 'default' && opt?.defaultNumber !== undefined) return String(opt.defaultNumber);
  if (word === 'maxval') return String(opt?.max ?? INT_MAX);
  return undefined;
}

function isLast(u: ParamUse, m: LoadModel): boolean {
  return m.last.get(settingOf(u.param!.name)) === u;
}

/** F6 / E2 / E19: values the module parameter parser or bond_check_params() refuses or replaces. */
const rule: ModprobeRule = {
  id: 'modprobe-invalid-value',
  language: 'modprobe',
  severity: 'error',
  title: 'Invalid value for a bonding module parameter',
  catalogue: ['F6', 'E2'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    const out: Finding[] = [];
    for (const u of a.uses) {
      const p = u.param;
      const m = a.scopeOf(u);
      if (!p || !m) continue;
      const t = u.tok;
      const range = t.valueRange ?? t.range;
      const data = { order: u.order };
      if (t.value === undefined) {
        out.push({ range: t.range, message: `'${t.text}' has no value, and the kernel rejects a bonding parameter written without '=value': ${LOAD_FAILS}. Write ${p.name}=<value>, or remove it.`, data });
        continue;
      }
      if (p.type === 'int' || p.type === 'uint') {
        const r = kernelParseModuleInt(t.value, p.type === 'uint');
        if (!r.ok) {
          const guess = intGuess(p.name, t.value);
          const what = r.reason === 'overflow' ? `${p.name}=${t.value} does not fit the parameter's ${p.type === 'uint' ? 'unsigned ' : ''}integer type` : `'${t.value}' is not an integer the kernel can read for ${p.name} (module parameters take plain numbers — decimal, 0x… hex or 0… octal — no units and no words like 'off')`;
          out.push({ range, message: `${what}: ${LOAD_FAILS}.${guess !== undefined ? ` Write ${p.name}=${guess}.` : ''}`, data });
          continue;
        }
        const c = isLast(u, m) ? corrected(p.name, r.number) : undefined;
        if (c) {
          out.push({ range, severity: 'warning', message: `${p.name}=${t.value} is out of range (${c.why}): when the module loads, the kernel logs a warning and uses ${c.to} instead${p.name === 'use_carrier' ? ' (kernels with the 2025 removal of use_carrier refuse to load the module instead)' : ''}. Write the value you want explicitly.`, data: { ...data, to: c.to } });
        }
        continue;
      }
      const chk = checkBondingModuleParam(p.name, t.value);
      if (chk.ok || chk.reason === 'too-many-items' || chk.reason === 'unknown') continue;
      if (p.type === 'charp' && !isLast(u, m)) continue; // overwritten before the kernel looks at it (duplicate rule)
      const guess = enumGuess(p.name, t.value);
      const fixHint = guess ? ` Write ${p.name}=${guess}.` : listHint(p.name);
      if (t.value.length > 1024) {
        out.push({ range, message: `The value of ${p.name} is longer than the 1024 characters the kernel accepts for a module parameter: ${LOAD_FAILS}.`, data });
        continue;
      }
      if (chk.outcome === 'reset') {
        out.push({ range, severity: 'warning', message: `'${t.value}' is not a valid ${p.name}: when the module loads, the kernel logs an error and uses the default instead.${fixHint}`, data });
        continue;
      }
      const ctxLoad = parsedInLoad(p.name, m);
      if (!ctxLoad.parsed) {
        out.push({ range, severity: 'warning', message: `'${t.value}' is not a valid ${p.name}. It does no harm right now only because ${ctxLoad.because}; as soon as the kernel reads it, the bonding module will refuse to load.${fixHint}`, data });
        continue;
      }
      out.push({ range, message: `'${t.value}' is not a valid ${p.name} (values are case-sensitive): ${LOAD_FAILS}.${fixHint}`, data });
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const t = u?.tok;
    if (!u?.param || !t?.valueRange || t.value === undefined) return [];
    let to: string | undefined;
    if (typeof f.data?.to === 'number') to = String(f.data.to);
    else if (u.param.type === 'int' || u.param.type === 'uint') to = intGuess(u.param.name, t.value);
    else to = enumGuess(u.param.name, t.value);
    if (to === undefined) return [];
    const e = replaceIn(ctx, t.valueRange, t.value, to);
    const fix: Fix | undefined = e && { title: `Change to ${u.param.name}=${to}`, edits: [e], preferred: true };
    return fix ? [fix] : [];
  },
};

function listHint(name: string): string {
  const opt = getOption(name);
  if (!opt?.values) return '';
  return ` Valid values: ${opt.values.map((v) => `${v.name} (${v.number})`).join(', ')}.`;
}

export default rule;
