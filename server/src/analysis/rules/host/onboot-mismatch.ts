import type { IfcfgRule } from '../types';
import { isYes } from '../../context';
import { hostFacts, keyLocation } from './util';

const onboot = (v: string | undefined) => v === undefined || v === '' || isYes(v);

/** D8: ONBOOT=no on a member of an ONBOOT=yes bond. */
const rule: IfcfgRule = {
  id: 'onboot-mismatch',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Member not started at boot while its bond is',
  catalogue: ['D8'],
  check(ctx) {
    const f = hostFacts(ctx);
    if (!f) return [];
    for (const bond of f.bonds.values()) {
      const m = bond.members.find((x) => x.entry.ctx === ctx);
      if (!m) continue;
      const bctx = bond.entry.ctx;
      if (!onboot(bctx.get('ONBOOT')?.value) || onboot(ctx.get('ONBOOT')?.value) || isYes(bctx.get('AUTOCONNECT_SLAVES')?.value)) return [];
      return [{
        range: keyLocation(ctx, 'ONBOOT'),
        message: `${bond.device} starts at boot but this member has ONBOOT=no: the network service still enslaves it, but NetworkManager does not activate it, so under NetworkManager the bond comes up without this link. Set ONBOOT=yes (or AUTOCONNECT_SLAVES=yes on the bond).`,
        related: [{ location: { uri: bctx.uri, range: keyLocation(bctx, 'ONBOOT') }, message: `${bond.device} starts at boot` }],
      }];
    }
    return [];
  },
};
export default rule;
