import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, ownUses, relatedElsewhere, scopeNote, setIn } from './bonding-load';

/** E5 (module path): arp_interval without any arp_ip_target, or targets without arp_interval. */
const rule: ModprobeRule = {
  id: 'modprobe-arp-incomplete',
  language: 'modprobe',
  severity: 'warning',
  title: 'ARP monitoring half configured in module parameters',
  catalogue: ['E5'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      if (m.modeInvalid || !m.mode.supportsArpMonitoring) continue;
      const iv = m.arpIntervalUse;
      if (iv && m.own(iv) && m.arpDrop === 'no-targets' && m.targets.length === 0) {
        const unmonitored = m.miimon === 0;
        out.push({
          range: iv.tok.range,
          severity: unmonitored ? 'error' : undefined,
          message: `${iv.tok.text} turns ARP monitoring on, but no arp_ip_target is given: at load the kernel resets arp_interval to 0 ("specified without providing an arp_ip_target")${scopeNote(m)}${unmonitored ? ', and with miimon unset the bonds then detect no link failure at all' : ''}. Add arp_ip_target=<address that always answers, e.g. the gateway>.`,
        });
      }
      if (m.arpIntervalGiven === 0 && m.validTargets > 0) {
        for (const u of ownUses(m, 'arp_ip_target')) {
          out.push({
            range: u.tok.range,
            related: relatedElsewhere(m, [m.arpIntervalUse]),
            message: `${u.tok.text} has no effect: ARP monitoring is off because arp_interval is 0 or not set${setIn(m, m.arpIntervalUse)}${scopeNote(m)}. Add arp_interval=<ms> (and no miimon) to use ARP monitoring, or remove the targets.`,
          });
        }
      }
    }
    return out;
  },
};
export default rule;
