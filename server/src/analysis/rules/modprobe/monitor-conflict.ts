import type { Finding, Fix, ModprobeRule } from '../types';
import { bondingAnalysis, lineOf, ownUses, relatedElsewhere, scopeNote, setElsewhere } from './bonding-load';
import { removeWordsEdits } from './edits';

const ARP_PARAMS = ['arp_interval', 'arp_ip_target', 'arp_validate', 'arp_all_targets'];

/** E4 (module path): miimon and arp_interval both set — the kernel keeps miimon and drops arp_interval. */
const rule: ModprobeRule = {
  id: 'modprobe-miimon-and-arp',
  language: 'modprobe',
  severity: 'warning',
  title: 'MII and ARP monitoring both set as module parameters',
  catalogue: ['E4'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      const u = m.arpIntervalUse;
      if (m.arpDrop !== 'miimon' || !m.mode.supportsArpMonitoring || !u || !m.own(u) || !m.miimonUse) continue;
      out.push({
        range: u.tok.range,
        related: relatedElsewhere(m, [m.miimonUse]),
        message: `miimon=${m.miimon} (${lineOf(m, m.miimonUse)}) and ${u.tok.text} are both set, but a bond uses only one link monitor. As module parameters the kernel keeps MII monitoring and drops ARP monitoring at load ("can't be used simultaneously")${scopeNote(m)}, so the ARP settings do nothing. Keep one of them.`,
        data: { target: m.target },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const m = bondingAnalysis(ctx).scopes.find((s) => s.target === f.data?.target);
    if (!m) return [];
    const fixes: Fix[] = [];
    // A fix edits this file only: a choice that needs words removed from another file is not offered.
    const arpElsewhere = ARP_PARAMS.some((n) => setElsewhere(m, n));
    const arp = ARP_PARAMS.flatMap((n) => ownUses(m, n)).map((u) => ({ stmt: u.stmt, tok: u.tok }));
    const mii = ownUses(m, 'miimon').map((u) => ({ stmt: u.stmt, tok: u.tok }));
    const keepMii = arp.length && !arpElsewhere ? removeWordsEdits(ctx, arp) : undefined;
    if (keepMii) fixes.push({ title: 'Keep MII monitoring (remove the ARP monitoring parameters)', edits: keepMii });
    const keepArp = mii.length && !setElsewhere(m, 'miimon') ? removeWordsEdits(ctx, mii) : undefined;
    if (keepArp) fixes.push({ title: 'Keep ARP monitoring (remove miimon)', edits: keepArp });
    return fixes;
  },
};
export default rule;
