import { checkBondingModuleParam } from '../../kb/modprobe';
import { getOption } from '../../kb/options';
import { kernelParseModuleInt } from '../../kb/parse';
import type { Finding, ModprobeRule, RuleSeverity } from '../types';
import { corrected } from './invalid-value';
import { bondingAnalysis, modeDesc, relatedElsewhere, scopeNote, settingOf, tableValue, type LoadModel, type ParamUse } from './bonding-load';

/** The value equals the kernel default, so ignoring it changes nothing. */
function isDefault(u: ParamUse): boolean {
  const opt = getOption(u.param!.name);
  if (!opt || opt.defaultNumber === undefined || u.tok.value === undefined) return false;
  if (u.param!.type === 'int' || u.param!.type === 'uint') {
    const r = kernelParseModuleInt(u.tok.value, u.param!.type === 'uint');
    return r.ok && (r.number === opt.defaultNumber || corrected(opt.name, r.number)?.to === opt.defaultNumber);
  }
  return tableValue(opt.name, u.tok.value)?.number === opt.defaultNumber;
}

interface Verdict {
  severity: RuleSeverity;
  text: string;
  /** The words the verdict rests on, shown as related information when in another file (default: the mode). */
  because?: (ParamUse | undefined)[];
}

/** What bond_check_params() does with a parameter the module's mode has no use for. */
function judge(u: ParamUse, m: LoadModel): Verdict | undefined {
  const mode = m.mode;
  const md = modeDesc(m);
  switch (u.param!.name) {
    case 'xmit_hash_policy':
      if (['balance-rr', 'active-backup', 'broadcast'].includes(mode.name)) {
        return { severity: 'warning', text: `is ignored: in mode ${md} the kernel logs "xmit_hash_policy param is irrelevant" and does not even read it, so bonds later switched to a hashing mode get the default layer2 too` };
      }
      return undefined;
    case 'lacp_rate':
      if (mode.name !== '802.3ad') return { severity: 'warning', text: `is ignored: the module's mode is ${md}, and outside 802.3ad the kernel logs "lacp_rate param is irrelevant" without reading it, so even bonds later switched to 802.3ad get the default (slow)` };
      return undefined;
    case 'primary':
      if (!mode.usesPrimary) return { severity: 'warning', text: `is dropped: mode ${md} has no primary member (only active-backup, balance-tlb and balance-alb do), and the kernel discards it with a warning at load` };
      return undefined;
    case 'primary_reselect':
      if (!m.last.has('primary')) return { severity: 'warning', text: 'is ignored: the kernel only reads primary_reselect when primary is also given', because: [] };
      if (!m.primaryKept) return { severity: 'warning', text: `is ignored: primary is dropped in mode ${md}, and the kernel only reads primary_reselect together with a primary`, because: [m.modeUse, m.last.get('primary')] };
      return undefined;
    case 'arp_interval':
      if (!mode.supportsArpMonitoring) return { severity: 'warning', text: `is dropped: mode ${md} cannot use ARP monitoring; the kernel runs MII monitoring instead (miimon is forced to 100 when unset) and discards arp_interval at load` };
      return undefined;
    case 'arp_ip_target':
      if (!mode.supportsArpMonitoring) return { severity: 'warning', text: `has no effect: mode ${md} cannot use ARP monitoring (only balance-rr, active-backup, balance-xor and broadcast can)` };
      return undefined;
    case 'ad_select':
    case 'min_links':
      if (mode.name !== '802.3ad') return { severity: 'info', text: `does nothing for the bonds created at load: it only matters in 802.3ad and the module's mode is ${md}${u.param!.name === 'ad_select' ? ' (the kernel logs "ad_select param only affects 802.3ad mode")' : ''}. It only becomes the default for bonds later switched to 802.3ad` };
      return undefined;
    case 'fail_over_mac':
      if (mode.name !== 'active-backup') return { severity: 'info', text: `does nothing for the bonds created at load: it only matters in active-backup and the module's mode is ${md} (the kernel logs "fail_over_mac only affects active-backup mode")` };
      return undefined;
    case 'packets_per_slave':
      if (mode.name !== 'balance-rr') return { severity: 'info', text: `does nothing for the bonds created at load: it only matters in balance-rr and the module's mode is ${md}` };
      return undefined;
    case 'lp_interval':
      if (mode.name !== 'balance-tlb' && mode.name !== 'balance-alb') return { severity: 'info', text: `does nothing for the bonds created at load: it only matters in balance-tlb/balance-alb and the module's mode is ${md}` };
      return undefined;
    case 'num_grat_arp':
    case 'num_unsol_na':
      if (mode.name !== 'active-backup') return { severity: 'info', text: `does nothing for the bonds created at load: peer notifications after a failover are sent in active-backup only, and the module's mode is ${md}` };
      return undefined;
    case 'arp_all_targets':
      if (mode.name !== 'active-backup') return { severity: 'info', text: `does nothing for the bonds created at load: it only matters in active-backup with arp_validate, and the module's mode is ${md}` };
      if (!m.last.has('arp_validate')) return { severity: 'info', text: 'does nothing: it only matters together with arp_validate', because: [] };
      return undefined;
    default:
      return undefined;
  }
}

/** E8 / E11 / E12 / E13 (module path): parameters the module's mode ignores, drops or never uses. */
const rule: ModprobeRule = {
  id: 'modprobe-ignored-in-mode',
  language: 'modprobe',
  severity: 'warning',
  title: 'Module parameter ignored in the module\'s mode',
  catalogue: ['E8', 'E11', 'E12', 'E13'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      if (m.modeInvalid) continue;
      for (const u of m.uses) {
        if (!m.own(u) || !u.param || m.last.get(settingOf(u.param.name)) !== u || isDefault(u)) continue;
        if (!checkBondingModuleParam(u.param.name, u.tok.value).ok) continue; // an invalid value is modprobe-invalid-value's
        const v = judge(u, m);
        if (!v) continue;
        const related = relatedElsewhere(m, v.because ?? [m.modeUse]);
        out.push({ range: u.tok.range, severity: v.severity, message: `${u.tok.text} ${v.text}${scopeNote(m)}. Set it per bond (BONDING_OPTS) where the mode needs it, or remove it here.`, related });
      }
    }
    return out;
  },
};
export default rule;
