import { getKey } from '../../kb';
import type { Finding, IfcfgRule } from '../types';
import type { TextEdit } from 'vscode-languageserver-types';
import { addKeyEdit, boolOf, effective, effectiveAssignments, liveAssignments, removeLine, replaceValue } from './util';

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
    const fixes = [{ title: `Remove ${a.key} from this member`, edits: [removeLine(ctx, a.line)], preferred: true }];
    const move = moveToBond(ctx, a.key);
    return move ? [...fixes, move] : fixes;
  },
};
/**
 * "Move the addressing to the bond": when the member's bond is known (its host is) and does not set
 * that key itself, the line goes from the member to the bond file, as written.
 */
function moveToBond(ctx: Parameters<NonNullable<IfcfgRule['fix']>>[1], key: string) {
  const bondName = ctx.get('MASTER')?.value;
  const bond = bondName ? ctx.host?.facts.bonds.get(bondName) : undefined;
  if (!bond || bond.entry.ctx === ctx) return undefined;
  const bctx = bond.entry.ctx;
  const a = effective(ctx, key);
  if (!a || effective(bctx, key)) return undefined;
  const line = ctx.file.text.lines[a.line].text.slice(a.keyRange.start.character, a.rawRange.end.character);
  const changes: Record<string, TextEdit[]> = {
    [ctx.uri]: [removeLine(ctx, a.line)],
    [bctx.uri]: [addKeyEdit(bctx, line, ['GATEWAY', 'PREFIX', 'NETMASK', 'IPADDR', 'BOOTPROTO', 'ONBOOT', 'BONDING_OPTS', 'DEVICE'])],
  };
  return { title: `Move ${key} to ${bond.device} (${bctx.fileName})`, edits: [], workspaceEdit: { changes } };
}

export default rule;
