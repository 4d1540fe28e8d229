import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';

/** F4 (single-file part): `options bond0 …` only applies when the module is loaded as `modprobe bond0`. */
const rule: ModprobeRule = {
  id: 'modprobe-alias-options',
  language: 'modprobe',
  severity: 'warning',
  title: 'Bonding options attached to an alias name',
  catalogue: ['F4'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    const out: Finding[] = [];
    // An alias line in any modprobe.d file of the host declares the name (kmod keeps one alias list).
    const declaredNames = new Set(a.allAliases.map((x) => x.nameN));
    for (const l of a.optionLines) {
      if (l.via !== 'alias') continue;
      const name = l.stmt.args[0];
      const declared = declaredNames.has(l.target);
      out.push({
        range: name.range,
        message: `These options are passed to the bonding driver only when it is loaded through the name '${name.text}' ('modprobe ${name.text}'${declared ? '' : `, which needs an 'alias ${name.text} bonding' line in some modprobe.d file`}). initscripts with BONDING_OPTS and NetworkManager load the module as 'bonding', so there these options are silently skipped. Even when they apply, module parameters are shared by all bonds; put per-bond settings in BONDING_OPTS of ifcfg-${name.text} instead.`,
      });
    }
    return out;
  },
};
export default rule;
