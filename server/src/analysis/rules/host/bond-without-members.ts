import type { IfcfgRule } from '../types';
import { bondOf, hostFacts, keyLocation } from './util';
import { bondByContent } from '../ifcfg/util';

/** C6: a bond that no ifcfg file names as MASTER. */
const rule: IfcfgRule = {
  id: 'bond-without-members',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Bond without members',
  catalogue: ['C6'],
  check(ctx) {
    const f = hostFacts(ctx);
    const b = f && bondOf(ctx, f);
    // A file that is a bond only by its name (ifcfg-bond0 being written) is not judged yet.
    if (!b || b.members.length || !bondByContent(ctx)) return [];
    return [{
      range: keyLocation(ctx, 'DEVICE'),
      message: `No ifcfg file on this host has MASTER=${b.device}, so the bond comes up without any member and carries no traffic. Add MASTER=${b.device} and SLAVE=yes to the member interfaces' files.`,
    }];
  },
};
export default rule;
