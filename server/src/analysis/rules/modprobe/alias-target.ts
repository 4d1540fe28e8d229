import { BONDING_MODULE } from '../../kb/modprobe';
import type { Finding, Fix, ModprobeRule } from '../types';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { bondingAnalysis, looksLikeBonding, type AliasLine } from './bonding-load';
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
    // Aliases of every modprobe.d file of the host: `alias bond1 bond0` here chains to `alias bond0 bonding` there.
    const bondingAliases = new Map<string, AliasLine>();
    for (const x of a.allAliases) if (x.moduleN === BONDING_MODULE && !bondingAliases.has(x.nameN)) bondingAliases.set(x.nameN, x);
    const out: Finding[] = [];
    a.aliases.forEach((al, i) => {
      if (al.moduleN === BONDING_MODULE) return;
      if (BOND_NAME.test(al.nameN)) {
        let why: string;
        let fix: 'bonding' | undefined;
        let related: DiagnosticRelatedInformation[] | undefined;
        const chained = bondingAliases.get(al.moduleN);
        if (chained) {
          const there = !a.here(chained);
          why = `'${al.module.text}' is itself an alias${there ? ` (declared in ${chained.doc.fileName})` : ''}, and kmod does not follow an alias to another alias`;
          if (there) related = [{ location: { uri: chained.doc.uri, range: { start: chained.stmt.range.start, end: chained.module.range.end } }, message: `the alias '${chained.name.text}', in ${chained.doc.fileName}` }];
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
          related,
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
