import { getKey } from '../../kb';
import type { Finding, IfcfgRule } from '../types';
import { boolOf, effectiveAssignments, liveAssignments, removeLine, replaceValue } from './util';

/** Keys that put addresses, routes or resolvers on the interface (numbered forms included). */
const ADDRESSING = new Set(['IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY', 'DNS', 'DOMAIN', 'IPV6ADDR', 'IPV6ADDR_SECONDARIES', 'IPV6_DEFAULTGW', 'SRCADDR', 'METRIC', 'BROADCAST', 'NETWORK']);
/** BOOTPROTO values that start address configuration (letter case as NetworkManager ignores it). */
const DYNAMIC = new Set(['dhcp', 'bootp', 'autoip', 'shared']);

/**
 * D4: addressing on a bond member. initscripts leaves ifup-eth right after enslaving and
 * NetworkManager discards the IP settings of ports, so these lines only mislead (and member routes
 * can break the ARP monitor, bonding.rst §8.1).
 */
const rule: IfcfgRule = {
  id: 'member-ip-config',
  language: 'ifcfg',
  severity: 'warning',
  title: 'IP configuration on a bond member',
  catalogue: ['D4'],
  check(ctx) {
    if (ctx.role !== 'member') return [];
    const bond = ctx.get('MASTER')?.value || 'the bond';
    const out: Finding[] = [];
    for (const a of effectiveAssignments(ctx)) {
      if (!a.valueOk || a.value === '') continue;
      const k = getKey(a.key);
      if (!k) continue;
      let what: 'remove' | 'none' | undefined;
      if (ADDRESSING.has(k.name)) what = 'remove';
      else if (k.name === 'BOOTPROTO' && DYNAMIC.has(a.value.toLowerCase())) what = 'none';
      else if ((k.name === 'DEFROUTE' || k.name === 'DHCPV6C') && boolOf(a, 'initscripts') === true) what = 'remove';
      if (!what) continue;
      out.push({
        range: a.keyRange,
        message: `${a.key}=${a.value} on a member of ${bond} is ignored: initscripts stops after enslaving the NIC and NetworkManager drops IP settings of bond ports. It only misleads (routes on members can also break the ARP monitor). ${what === 'none' ? 'Members use BOOTPROTO=none;' : 'Remove it;'} addressing belongs in the bond's file.`,
        data: { action: what },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const a = liveAssignments(ctx).find((x) => x.line === f.range.start.line);
    if (!a) return [];
    if (f.data?.action === 'none') return [{ title: 'Write BOOTPROTO=none', edits: [replaceValue(ctx, a, 'none')], preferred: true }];
    return [{ title: `Remove ${a.key} from this member`, edits: [removeLine(ctx, a.line)], preferred: true }];
  },
};
export default rule;
