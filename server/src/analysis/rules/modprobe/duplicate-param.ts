import { DiagnosticTag } from 'vscode-languageserver-types';
import { kernelParseModuleInt } from '../../kb/parse';
import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, settingOf, tableValue, type ParamUse } from './bonding-load';
import { removeWordsEdits } from './edits';

/** What the kernel would store, for comparing two occurrences ("4" and "802.3ad" are the same mode). */
function meaning(u: ParamUse): string {
  const v = u.tok.value;
  if (v === undefined) return '\u0000none';
  const p = u.param!;
  if (p.type === 'int' || p.type === 'uint') {
    const r = kernelParseModuleInt(v, p.type === 'uint');
    return r.ok ? `#${r.number}` : v;
  }
  const t = tableValue(p.name, v);
  return t ? `#${t.number}` : v;
}

/** E16 / E14 / E7 (module path): the same parameter twice for one module name, in one file or across the host's modprobe.d files; the last value wins. */
const rule: ModprobeRule = {
  id: 'modprobe-duplicate-param',
  language: 'modprobe',
  severity: 'warning',
  title: 'Bonding module parameter set more than once',
  catalogue: ['E16', 'E14', 'E7'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    // Every word of the load for a module name counts, whichever modprobe.d file it is in: kmod joins
    // the files in the order of their names, so the last word of the last file wins. Only this file's
    // overridden words are reported here (the other files report theirs).
    const groups = new Map<string, ParamUse[]>();
    for (const u of a.loadUses) {
      if (!u.param) continue;
      const key = `${u.target}\u0000${settingOf(u.param.name)}`;
      const list = groups.get(key) ?? [];
      list.push(u);
      groups.set(key, list);
    }
    const out: Finding[] = [];
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const winner = list[list.length - 1];
      const there = !a.here(winner);
      const where = `line ${winner.tok.range.start.line + 1}`;
      for (const u of list.slice(0, -1)) {
        if (!a.here(u) || meaning(u) === meaning(winner)) continue;
        const related = [{ location: { uri: winner.doc.uri, range: winner.tok.range }, message: there ? `the value that wins, in ${winner.doc.fileName}: ${winner.tok.text}` : `the value that wins: ${winner.tok.text}` }];
        // kmod reads the other file after this one: say so, since nothing in this file shows it.
        const later = there ? `in ${winner.doc.fileName}, ${where}, which modprobe reads after this file, as it reads the modprobe.d files in the order of their names` : where;
        if (u.param!.name === 'arp_ip_target') {
          out.push({
            range: u.tok.range,
            message: `arp_ip_target is given again (${later}). A second occurrence does not add to this list: its addresses overwrite this one's from the first position on, and only leftover positions of the longer list survive. Write all targets as one comma-separated list${there ? ', in one file' : ''}.`,
            related,
          });
          continue;
        }
        const alias = settingOf(u.canonical) === settingOf(winner.canonical) && u.canonical !== winner.canonical
          ? ` (${u.canonical} and ${winner.canonical} are two names for the same setting)` : '';
        out.push({
          range: u.tok.range,
          message: `${u.tok.text} is overridden by ${winner.tok.text} (${later})${alias}: the kernel reads the parameters left to right and keeps the last value, so this one has no effect. Remove one of them.`,
          tags: [DiagnosticTag.Unnecessary],
          related,
          data: { order: u.order },
        });
      }
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const edits = u && removeWordsEdits(ctx, [{ stmt: u.stmt, tok: u.tok }]);
    return edits ? [{ title: `Remove the overridden ${u.tok.text}`, edits, preferred: true }] : [];
  },
};
export default rule;
