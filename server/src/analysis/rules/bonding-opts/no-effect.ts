import { effectiveModes, getOption } from '../../kb/options';
import type { IfcfgRule } from '../types';
import { optsOf, removeTokenFix, tokenOf } from './util';

/** E11/E13 (accepted part): the kernel takes the option but it does nothing in this mode. */
const rule: IfcfgRule = {
  id: 'bonding-opts-no-effect',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Bonding option that has no effect in this mode',
  catalogue: ['E11', 'E13'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const mode = opts.sim.state.mode;
    return opts.sim.verdicts.flatMap((v) => {
      const opt = getOption(v.token.key);
      if (v.outcome !== 'accepted' || !opt || !v.writes.length) return [];
      const modes = effectiveModes(opt);
      if (modes.includes(mode) || opt.name === 'primary' || opt.runtimeOnly) return [];
      const where = modes.length ? `it only matters in ${modes.join(', ')}` : 'it has no effect in any mode';
      return [{
        range: v.token.range,
        message: `'${v.token.text}' is accepted but does nothing in mode ${mode}: ${where}. Remove it, or check that the mode is the one you meant.`,
        data: { token: v.token.index },
      }];
    });
  },
  fix: (f, ctx) => { const t = tokenOf(ctx, f); return t ? removeTokenFix(ctx, t) : []; },
};
export default rule;
