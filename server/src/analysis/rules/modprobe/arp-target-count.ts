import { MAX_ARP_TARGETS } from '../../kb/options';
import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';

/** E6 / F12: more than 16 arp_ip_target addresses make the module parameter parser fail. */
const rule: ModprobeRule = {
  id: 'modprobe-too-many-arp-targets',
  language: 'modprobe',
  severity: 'error',
  title: 'More than 16 arp_ip_target addresses',
  catalogue: ['E6', 'F12'],
  check(ctx) {
    const out: Finding[] = [];
    for (const u of bondingAnalysis(ctx).uses) {
      if (u.param?.name !== 'arp_ip_target' || u.tok.value === undefined) continue;
      const n = u.tok.value.split(',').length;
      if (n <= MAX_ARP_TARGETS) continue;
      out.push({
        range: u.tok.valueRange ?? u.tok.range,
        message: `arp_ip_target lists ${n} addresses, but the parameter holds at most ${MAX_ARP_TARGETS}: the kernel reports "can only take ${MAX_ARP_TARGETS} arguments" and the bonding module refuses to load, so no bond comes up. Keep ${MAX_ARP_TARGETS} or fewer targets (a few reliable ones, such as the gateway, are enough).`,
      });
    }
    return out;
  },
};
export default rule;
