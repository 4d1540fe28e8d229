import type { IfcfgRule } from '../types';
import { hostFacts, keyLocation } from './util';

function forced(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const speed = /(?:^|\s)speed\s+(\d+)/.exec(v)?.[1];
  const duplex = /(?:^|\s)duplex\s+(\w+)/.exec(v)?.[1];
  return speed || duplex ? `${speed ?? '?'}/${duplex ?? '?'}` : undefined;
}

/** D9: 802.3ad members forced (ETHTOOL_OPTS) to different speed/duplex end up in different aggregators. */
const rule: IfcfgRule = {
  id: 'lacp-speed-mismatch',
  language: 'ifcfg',
  severity: 'warning',
  title: '802.3ad members forced to different speeds',
  catalogue: ['D9'],
  check(ctx) {
    const f = hostFacts(ctx);
    if (!f) return [];
    for (const bond of f.bonds.values()) {
      const me = bond.members.find((m) => m.entry.ctx === ctx);
      if (!me || bond.entry.ctx.opts?.sim.state.mode !== '802.3ad') continue;
      const mine = forced(ctx.get('ETHTOOL_OPTS')?.value);
      const differ = bond.members.filter((m) => m !== me && forced(m.entry.ctx.get('ETHTOOL_OPTS')?.value) !== mine);
      if (!differ.length || (!mine && differ.every((m) => !forced(m.entry.ctx.get('ETHTOOL_OPTS')?.value)))) return [];
      return [{
        range: keyLocation(ctx, 'ETHTOOL_OPTS'),
        message: `In 802.3ad all members must run at the same speed and duplex; this member is ${mine ? `forced to ${mine}` : 'not forced'} while ${differ.map((m) => m.device).join(', ')} ${differ.length > 1 ? 'are' : 'is'} not the same. Members of different speed land in different aggregators and only one aggregator carries traffic.`,
        related: differ.map((m) => ({ location: { uri: m.entry.ctx.uri, range: keyLocation(m.entry.ctx, 'ETHTOOL_OPTS') }, message: `${m.device}: ${forced(m.entry.ctx.get('ETHTOOL_OPTS')?.value) ?? 'not forced'}` })),
      }];
    }
    return [];
  },
};
export default rule;
