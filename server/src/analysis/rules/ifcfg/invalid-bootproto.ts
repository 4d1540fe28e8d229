import { nearest } from '../../text';
import type { Finding, IfcfgRule } from '../types';
import { effective, replaceValue, valueRange } from './util';

/** What NetworkManager accepts (letter case ignored); '' means unset. */
const NM_BOOTPROTO = ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft'];
/** Spellings whose meaning is clear. */
const MEANS: Record<string, string> = {
  manual: 'none', fixed: 'none', off: 'none', no: 'none', dhcp4: 'dhcp', dhcpv4: 'dhcp', dhclient: 'dhcp', auto: 'dhcp',
};

/**
 * C7: a BOOTPROTO NetworkManager does not know (it rejects the profile: "Unknown BOOTPROTO") —
 * initscripts silently treats anything but dhcp/bootp as static. Also DHCP/BOOTP in capitals, which
 * NetworkManager accepts but initscripts (case-sensitive) runs as static.
 */
const rule: IfcfgRule = {
  id: 'invalid-bootproto',
  language: 'ifcfg',
  severity: 'error',
  title: 'Invalid BOOTPROTO value',
  catalogue: ['C7'],
  check(ctx) {
    const a = effective(ctx, 'BOOTPROTO');
    if (!a || !a.valueOk || a.value === '') return [];
    const v = a.value;
    const lower = v.toLowerCase();
    const out: Finding[] = [];
    if (NM_BOOTPROTO.includes(lower)) {
      if ((lower === 'dhcp' || lower === 'bootp') && v !== lower) {
        out.push({
          range: valueRange(a),
          severity: 'warning',
          message: `NetworkManager reads '${v}' as ${lower}, but initscripts compares case-sensitively and runs anything except 'dhcp'/'bootp' as static addressing: without NetworkManager no DHCP client is started. Write BOOTPROTO=${lower}.`,
          data: { value: lower },
        });
      }
      return out;
    }
    const trimmed = lower.trim();
    const guess = NM_BOOTPROTO.includes(trimmed) ? trimmed : (Object.prototype.hasOwnProperty.call(MEANS, trimmed) ? MEANS[trimmed] : undefined) ?? nearest(trimmed, NM_BOOTPROTO, trimmed.length <= 4 ? 1 : 2);
    out.push({
      range: valueRange(a),
      message: `NetworkManager rejects the whole profile for BOOTPROTO='${v}' ("Unknown BOOTPROTO"), while initscripts silently treats it as static addressing. Use one of none, static, dhcp${guess ? ` — probably ${guess}` : ' (NetworkManager also knows bootp, autoip, shared, ibft)'}.`,
      data: guess ? { value: guess } : undefined,
    });
    return out;
  },
  fix(f, ctx) {
    const v = f.data?.value;
    const a = effective(ctx, 'BOOTPROTO');
    if (typeof v !== 'string' || !a) return [];
    return [{ title: `Write BOOTPROTO=${v}`, edits: [replaceValue(ctx, a, v)], preferred: true, safe: v === a.value.trim().toLowerCase() }];
  },
};
export default rule;
