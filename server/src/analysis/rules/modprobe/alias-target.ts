import { BONDING_MODULE } from '../../kb/modprobe';
import type { Finding, Fix, ModprobeRule } from '../types';
import { bondingAnalysis, looksLikeBonding } from './bonding-load';
import { replaceIn } from './edits';

const BOND_NAME = /^bond(\d+|\*)$/;

/** F13: `alias bond0 bondig` (typo), `alias bond1 bond0` (alias of an alias), `alias bonding bond0` (swapped). */
const rule: ModprobeRule = {
  id: 'modprobe-alias-target',
  language: 'modprobe',
  severity: 'error',
  title: 'Bond alias that does not point to the bonding module',
  catalogue: ['F13'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    const bondingAliases = new Set(a.aliases.filter((x) => x.moduleN === BONDING_MODULE).map((x) => x.nameN));
    const out: Finding[] = [];
    a.aliases.forEach((al, i) => {
      if (al.moduleN === BONDING_MODULE) return;
      if (BOND_NAME.test(al.nameN)) {
        let why: string;
        let fix: 'bonding' | undefined;
        if (bondingAliases.has(al.moduleN)) {
          why = `'${al.module.text}' is itself an alias, and kmod does not follow an alias to another alias`;
          fix = 'bonding';
        } else if (looksLikeBonding(al.module.text)) {
          why = `there is no module '${al.module.text}' (module names are case-sensitive)`;
          fix = 'bonding';
        } else {
          why = `'${al.module.text}' is not the bonding driver`;
        }
        out.push({
          range: al.module.range,
          message: `alias ${al.name.text} points to '${al.module.text}', but ${why}: 'modprobe ${al.name.text}' fails (or loads the wrong module), so anything that loads the bond by its name gets no bonding driver. Write 'alias ${al.name.text} bonding'.`,
          data: { alias: i, fix },
        });
      } else if (al.nameN === BONDING_MODULE && BOND_NAME.test(al.moduleN)) {
        out.push({
          range: { start: al.name.range.start, end: al.module.range.end },
          message: `The words are swapped: this makes 'bonding' a name for a module '${al.module.text}', which does not exist, so 'modprobe bonding' can fail to load the driver. The alias comes first: 'alias ${al.module.text} bonding'.`,
          data: { alias: i, swap: true },
        });
      }
    });
    return out;
  },
  fix(f, ctx) {
    const al = bondingAnalysis(ctx).aliases[f.data?.alias as number];
    if (!al) return [];
    const fixes: Fix[] = [];
    if (f.data?.fix === 'bonding') {
      const e = replaceIn(ctx, al.module.range, al.module.text, 'bonding');
      if (e) fixes.push({ title: `Change to 'alias ${al.name.text} bonding'`, edits: [e], preferred: true });
    } else if (f.data?.swap === true) {
      const a1 = replaceIn(ctx, al.name.range, al.name.text, al.module.text);
      const a2 = replaceIn(ctx, al.module.range, al.module.text, al.name.text);
      if (a1 && a2) fixes.push({ title: `Swap to 'alias ${al.module.text} ${al.name.text}'`, edits: [a1, a2], preferred: true });
    }
    return fixes;
  },
};
export default rule;
