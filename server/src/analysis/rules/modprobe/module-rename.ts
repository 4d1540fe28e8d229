import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';
import { removeWords } from './edits';

/** F11: `options bond1 -o bond1 …`, `install bond1 … modprobe … bonding -o bond1`: kmod has no -o. */
const rule: ModprobeRule = {
  id: 'modprobe-module-rename',
  language: 'modprobe',
  severity: 'warning',
  title: 'Module rename (-o) that kmod does not support',
  catalogue: ['F11'],
  check(ctx) {
    const out: Finding[] = [];
    bondingAnalysis(ctx).tricks.forEach((t, i) => {
      const words = t.first === t.last ? `'${t.first.text}'` : `'${t.first.text} ${t.last.text}'`;
      const range = { start: t.first.range.start, end: t.last.range.end };
      const tail = 'The bonding module is loaded once and its parameters are shared by every bond, so per-bond settings belong in BONDING_OPTS of each ifcfg-bondN (or NetworkManager / systemd-networkd).';
      out.push({
        range,
        message: t.where === 'options'
          ? `${words} is the old module-init-tools trick for loading bonding a second time under another name; kmod has no such option. In an options line these words are simply handed to the kernel, which ignores them as unknown parameters, so no second instance${t.newName ? ` named ${t.newName}` : ''} is created. ${tail}`
          : `This command calls modprobe with ${words}, a module-rename option kmod's modprobe does not have: it stops with "invalid option" and loads nothing, so loading '${t.stmt.args[0].text}' fails. ${tail}`,
        data: { trick: i },
      });
    });
    return out;
  },
  fix(f, ctx) {
    const t = bondingAnalysis(ctx).tricks[f.data?.trick as number];
    if (!t || t.where !== 'options') return [];
    const e = removeWords(ctx, t.stmt, t.first, t.last);
    return e ? [{ title: `Remove '${t.first === t.last ? t.first.text : `${t.first.text} ${t.last.text}`}'`, edits: [e] }] : [];
  },
};
export default rule;
