import { INITSCRIPTS_TYPE_VALUES, interfaceNameProblem, NM_TYPE_VALUES } from '../../kb';
import type { IfcfgAssignment } from '../../ifcfg/parser';
import type { IfcfgContext } from '../../context';
import type { Finding, IfcfgRule, RuleSeverity } from '../types';
import { effectiveAssignments, fileSuffix, getKeyCached, liveAssignments, replaceValue, valueRange } from './util';
import { isContiguousNetmask, isIPv4, isIPv6, isIPv6Gateway, isIPv6WithPrefix, macVerdict, normaliseMac, parseDecimal } from './values';
import { rememberByString } from '../../memo';

interface Problem { message: string; severity?: RuleSeverity; fix?: string }

/** IPv4-valued keys NetworkManager reads (a bad value makes it reject the profile). */
const NM_IPV4 = new Set(['IPADDR', 'GATEWAY']);
/** Integer keys whose bad values NetworkManager rejects the profile for. */
const NM_INT_FATAL = new Set(['PREFIX', 'VLAN_ID']);

/** interfaceNameProblem per name, remembered: the same device names recur in every host. */
const nameProblem = rememberByString(interfaceNameProblem);

function checkInterfaceName(ctx: IfcfgContext, a: IfcfgAssignment, v: string, severity: RuleSeverity): Problem | undefined {
  let name = v;
  // Alias files (ifcfg-eth0:1) carry DEVICE=eth0:1; the label after ':' is not part of the interface name.
  if (a.key === 'DEVICE' && fileSuffix(ctx)?.includes(':') && v.includes(':')) name = v.slice(0, v.indexOf(':'));
  if (a.key === 'MASTER' && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v)) return undefined;
  const p = nameProblem(name);
  if (!p) return undefined;
  return {
    severity,
    message: `${a.key}='${v}' is not a valid interface name (${p}): the kernel refuses it${a.key === 'DEVICE' ? ', and NetworkManager rejects the profile' : ''}. Interface names are 1-15 bytes without '/', ':' or blanks.`,
  };
}

function check(ctx: IfcfgContext, a: IfcfgAssignment): Problem | undefined {
  const key = getKeyCached(a.key);
  if (!key) return undefined;
  const v = a.value;
  const name = key.name;
  switch (key.valueType) {
    case 'interface':
      if (name === 'BONDING_SLAVE') return undefined;
      return checkInterfaceName(ctx, a, v, name === 'DEVICE' ? 'error' : 'warning');
    case 'interface-or-uuid':
      return checkInterfaceName(ctx, a, v, 'warning');
    case 'ipv4':
      if (isIPv4(v)) return undefined;
      return NM_IPV4.has(name)
        ? { severity: 'error', message: `'${v}' is not an IPv4 address (dotted quad, no leading zeros): NetworkManager rejects the whole profile and ip(8) fails under initscripts.` }
        : { message: `'${v}' is not an IPv4 address (dotted quad, no leading zeros); initscripts cannot use it.` };
    case 'netmask':
      if (isContiguousNetmask(v)) return undefined;
      return {
        severity: 'error',
        message: isIPv4(v)
          ? `${v} is not a valid netmask (its one-bits are not contiguous): NetworkManager rejects the profile and initscripts' ipcalc fails. Prefer PREFIX=<0-32>.`
          : `'${v}' is not a netmask (dotted quad like 255.255.255.0): NetworkManager rejects the profile. Prefer PREFIX=<0-32>.`,
      };
    case 'ipv4-prefix': {
      const n = parseDecimal(v.startsWith('/') ? v.slice(1) : v);
      if (n !== undefined && !v.startsWith('/') && n <= 32) return undefined;
      return {
        severity: 'error',
        message: `${a.key} must be a number from 0 to 32${v.startsWith('/') ? ', without the slash' : ''}: NetworkManager rejects the profile for '${v}'.`,
        fix: n !== undefined && n <= 32 ? String(n) : undefined,
      };
    }
    case 'ip':
      if (isIPv4(v) || isIPv6(v)) return undefined;
      return { message: `'${v}' is not an IPv4 or IPv6 address, so this name server cannot be used.` };
    case 'ipv6-prefixed':
      if (isIPv6WithPrefix(v)) return undefined;
      return { severity: 'error', message: `'${v}' is not an IPv6 address with an optional /prefix (0-128): NetworkManager rejects the profile.` };
    case 'ipv6-list': {
      const bad = v.split(/\s+/).filter((x) => x && !isIPv6WithPrefix(x));
      if (!bad.length) return undefined;
      return { severity: 'error', message: `${bad.map((b) => `'${b}'`).join(', ')} ${bad.length > 1 ? 'are not IPv6 addresses' : 'is not an IPv6 address'} with an optional /prefix: NetworkManager rejects the profile.` };
    }
    case 'ipv6-gateway':
      if (isIPv6Gateway(v)) return undefined;
      return { message: `'${v}' is not an IPv6 address (optionally with %interface), so no IPv6 default route is set.` };
    case 'mac': {
      const verdict = macVerdict(v, name === 'HWADDR' ? [6, 20] : [6]);
      if (verdict === 'ok') return undefined;
      if (verdict === 'nonstandard') {
        return {
          message: `NetworkManager accepts '${v}', but initscripts compares ${a.key} as text with the NIC's MAC written as colon-separated pairs, so ${name === 'HWADDR' ? 'ifup aborts with "different MAC address"' : 'ip(8) may refuse it'}. Write ${normaliseMac(v)}.`,
          fix: normaliseMac(v),
        };
      }
      return { severity: 'error', message: `'${v}' is not a MAC address (six colon-separated hex pairs, e.g. 52:54:00:12:34:56): NetworkManager rejects the profile.` };
    }
    case 'integer': {
      const n = parseDecimal(v);
      const inRange = n !== undefined && (key.min === undefined || n >= key.min) && (key.max === undefined || n <= key.max);
      if (inRange) return undefined;
      const range = key.min !== undefined && key.max !== undefined ? ` from ${key.min} to ${key.max}` : key.min !== undefined ? ` of at least ${key.min}` : '';
      return {
        severity: NM_INT_FATAL.has(name) ? 'error' : 'warning',
        message: `${a.key} must be a whole number${range}; '${v}' is not${NM_INT_FATAL.has(name) ? ', and NetworkManager rejects the profile' : ', so it is ignored or fails when applied'}.`,
      };
    }
    default:
      break;
  }
  if (name === 'TYPE') {
    const lower = v.toLowerCase();
    if (lower === 'bonding') return undefined; // type-bonding
    if (NM_TYPE_VALUES.some((t) => t.toLowerCase() === lower) || INITSCRIPTS_TYPE_VALUES.includes(v) || v.startsWith('OVS')) return undefined;
    return {
      message: `Neither NetworkManager nor initscripts knows TYPE '${v}': NetworkManager does not recognise the file and leaves the device unmanaged. Use Ethernet, Bond, Vlan, Bridge, ... (e.g. TYPE=Ethernet).`,
    };
  }
  return undefined;
}

/**
 * Values of individual keys that a consumer cannot use: interface names, IPv4/IPv6 addresses,
 * netmasks, prefixes, MAC addresses, integers and TYPE. (Booleans, BOOTPROTO and BONDING_OPTS have
 * their own rules.)
 */
const rule: IfcfgRule = {
  id: 'invalid-value',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Value a consumer cannot use',
  check(ctx) {
    const out: Finding[] = [];
    for (const a of effectiveAssignments(ctx)) {
      if (!a.valueOk || a.value === '') continue;
      const p = check(ctx, a);
      if (p) out.push({ range: valueRange(a), message: p.message, severity: p.severity, data: p.fix !== undefined ? { value: p.fix } : undefined });
    }
    return out;
  },
  fix(f, ctx) {
    const v = f.data?.value;
    const a = liveAssignments(ctx).find((x) => x.line === f.range.start.line);
    if (typeof v !== 'string' || !a) return [];
    return [{ title: `Write ${a.key}=${v}`, edits: [replaceValue(ctx, a, v)], preferred: true }];
  },
};
export default rule;
