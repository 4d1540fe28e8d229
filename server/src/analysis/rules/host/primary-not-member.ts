import type { IfcfgRule } from '../types';
import { bondOf, hostFacts } from './util';

/** E12 (second part): primary= names an interface that is not a member of the bond. */
const rule: IfcfgRule = {
  id: 'primary-not-member',
  language: 'ifcfg',
  severity: 'warning',
  title: 'primary names an interface that is not a member',
  catalogue: ['E12'],
  check(ctx) {
    const f = hostFacts(ctx);
    const b = f && bondOf(ctx, f);
    if (!b || !ctx.opts) return [];
    const members = b.members.map((m) => m.device);
    return ctx.opts.sim.verdicts
      .filter((v) => v.token.key === 'primary' && v.outcome === 'accepted' && v.token.value && !members.includes(v.token.value))
      .map((v) => ({
        range: v.token.valueRange ?? v.token.range,
        message: `'${v.token.value}' is not a member of ${b.device}${members.length ? ` (members: ${members.join(', ')})` : ''}: the kernel accepts the name but no member ever becomes primary, so the preferred link is not used.`,
        related: b.members.map((m) => ({ location: { uri: m.entry.ctx.uri, range: m.master.rawRange }, message: `member ${m.device}` })),
      }));
  },
};
export default rule;
