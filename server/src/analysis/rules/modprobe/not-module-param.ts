import { getOption } from '../../kb/options';
import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';

/** Why a bonding option cannot be a module parameter, in a few words. */
function why(name: string): string {
  switch (name) {
    case 'active_slave': return 'it is a runtime switch of an existing bond, not a setting';
    case 'slaves': return 'it is the sysfs command that enslaves members, not a setting';
    case 'queue_id':
    case 'prio': return 'it is set per member, not per module';
    default: return 'it can only be set per bond: through sysfs, BONDING_OPTS, NetworkManager or ip link';
  }
}

/** F5: `options bonding lacp_active=off`, `ad_actor_system=…`: real bonding options, but not module parameters. */
const rule: ModprobeRule = {
  id: 'modprobe-not-module-param',
  language: 'modprobe',
  severity: 'warning',
  title: 'Bonding option that is not a module parameter',
  catalogue: ['F5'],
  check(ctx) {
    const out: Finding[] = [];
    for (const u of bondingAnalysis(ctx).uses) {
      if (u.param) continue;
      const opt = getOption(u.canonical);
      if (!opt || opt.moduleParam) continue;
      out.push({
        range: u.tok.range,
        message: `'${u.tok.name}' is a bonding option but not a parameter of the bonding module (${why(opt.name)}). When the module loads, the kernel logs "unknown parameter '${u.tok.name}' ignored" and the setting never takes effect. Set it for each bond instead, e.g. in BONDING_OPTS of ifcfg-bondN.`,
      });
    }
    return out;
  },
};
export default rule;
