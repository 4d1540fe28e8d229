import type { Finding, IfcfgRule } from '../types';
import { optsOf } from './util';

/** E5: ARP monitoring without targets, or targets without ARP monitoring. */
const rule: IfcfgRule = {
  id: 'bonding-opts-arp-incomplete',
  language: 'ifcfg',
  severity: 'warning',
  title: 'ARP monitoring half configured',
  catalogue: ['E5'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const st = opts.sim.state;
    const out: Finding[] = [];
    const ok = (key: string) => opts.sim.verdicts.filter((v) => v.token.key === key && v.outcome === 'accepted');
    const interval = ok('arp_interval').filter((v) => Number(v.token.value) > 0);
    if (st.arpInterval > 0 && st.arpTargets.length === 0 && !ok('ns_ip6_target').length) {
      for (const v of interval) out.push({ range: v.token.range, message: `'${v.token.text}' turns ARP monitoring on, but there is no arp_ip_target to probe: the monitor has nothing to ask, so every member looks down to it (NetworkManager refuses the profile). Add arp_ip_target=<gateway address>.` });
    }
    if (st.arpInterval === 0) {
      for (const v of ok('arp_ip_target')) {
        if (v.writes.some((w) => w.ok)) out.push({ range: v.token.range, message: `'${v.token.text}' has no effect: ARP monitoring is off (arp_interval is 0${opts.sim.monitoringDisabledBy ? '' : ' or missing'}). NetworkManager refuses the profile. Add arp_interval, or remove the target.` });
      }
    }
    return out;
  },
};
export default rule;
