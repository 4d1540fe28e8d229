import type { IfcfgRule } from '../types';
import { optsOf } from './util';

/** E3: neither MII nor ARP monitoring ends up active: a dead link is never noticed. */
const rule: IfcfgRule = {
  id: 'bonding-opts-no-link-monitoring',
  language: 'ifcfg',
  severity: 'warning',
  title: 'No link monitoring',
  catalogue: ['E3'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts || !opts.assignment.valueOk) return [];
    const st = opts.sim.state;
    if (st.miimon > 0 || st.arpInterval > 0) return [];
    const miimon0 = opts.split.tokens.find((t) => t.key === 'miimon');
    return [{
      range: miimon0?.range ?? opts.assignment.rawRange,
      message: `With these options the bond (mode ${st.mode}) has no link monitoring under initscripts: miimon ends up 0 and arp_interval is not set, so a failed member keeps receiving traffic. Add miimon=100 (NetworkManager would default to it, initscripts does not).`,
    }];
  },
  fix: (f, ctx) => {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const m0 = opts.split.tokens.find((t) => t.key === 'miimon' && t.value === '0');
    if (m0?.valueRange) {
      const line = ctx.file.text.lines[m0.valueRange.start.line].text;
      if (line.slice(m0.valueRange.start.character, m0.valueRange.end.character) === '0') return [{ title: 'Set miimon=100', edits: [{ range: m0.valueRange, newText: '100' }], preferred: true }];
      return [];
    }
    // Append " miimon=100" at the end of the value, inside the quotes.
    const a = opts.assignment;
    const last = opts.split.tokens[opts.split.tokens.length - 1];
    if (!last || (a.quote !== 'double' && a.quote !== 'single')) return [];
    return [{ title: 'Add miimon=100', edits: [{ range: { start: last.range.end, end: last.range.end }, newText: ' miimon=100' }], preferred: true }];
  },
};
export default rule;
