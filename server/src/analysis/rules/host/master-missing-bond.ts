import type { IfcfgRule } from '../types';
import { bondFileText, deviceNameProblem } from '../../templates';
import type { DocContext } from '../../context';
import { nmControlled, type HostFacts, type IfcfgEntry, type MemberFacts } from '../../workspace/model';
import { entryOf, hostFacts } from './util';
import { Memo } from '../../memo';

/** Orphans by file and ifcfg files by name, once per host state (a lookup per file is quadratic). */
const lookups = new Memo((f: HostFacts) => {
  const l = { orphanOf: new Map<DocContext, MemberFacts>(), fileNamed: new Map<string, IfcfgEntry>() };
  for (const m of f.orphans) if (!l.orphanOf.has(m.entry.ctx)) l.orphanOf.set(m.entry.ctx, m);
  for (const e of f.ifcfg) if (!l.fileNamed.has(e.ctx.fileName)) l.fileNamed.set(e.ctx.fileName, e);
  return l;
});

/** D1: a member's MASTER= names a bond that has no ifcfg file in this host. */
const rule: IfcfgRule = {
  id: 'master-missing-bond',
  language: 'ifcfg',
  severity: 'error',
  title: 'MASTER names a bond that is not defined',
  catalogue: ['D1'],
  check(ctx) {
    const f = hostFacts(ctx);
    if (!f || !entryOf(ctx, f)) return [];
    const l = lookups.of(f);
    const orphan = l.orphanOf.get(ctx);
    if (!orphan) return [];
    const name = orphan.master.value;
    const sameFile = l.fileNamed.get(`ifcfg-${name}`);
    const hint = sameFile
      ? ` ${sameFile.ctx.fileName} exists but sets DEVICE=${sameFile.ctx.deviceName}${sameFile.ctx.role !== 'bond' ? ' and is not a bond' : ''}.`
      : '';
    const known = [...f.bonds.keys()];
    return [{
      range: orphan.master.rawRange,
      message: `No bond named '${name}' is defined on this host (no ifcfg file with DEVICE=${name} that is a bond).${hint} At boot initscripts creates an empty '${name}' with default options (balance-rr, no link monitoring) and NetworkManager leaves this port waiting for a controller that never appears. ${known.length ? `Bonds here: ${known.join(', ')}.` : `Create ifcfg-${name}.`}`,
      related: sameFile ? [{ location: { uri: sameFile.ctx.uri, range: sameFile.ctx.get('DEVICE')?.rawRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: `${sameFile.ctx.fileName} defines ${sameFile.ctx.deviceName}` }] : undefined,
      data: { bond: name },
    }];
  },
  fix(f, ctx) {
    const facts = hostFacts(ctx);
    const name = f.data?.bond;
    if (!facts || typeof name !== 'string' || deviceNameProblem(name)) return [];
    const slash = ctx.uri.lastIndexOf('/');
    const uri = `${ctx.uri.slice(0, slash + 1)}ifcfg-${encodeURIComponent(name)}`;
    if (facts.ifcfg.some((e) => e.ctx.uri === uri)) return [];
    const members = facts.orphans.filter((m) => m.master.value === name).map((m) => m.device);
    let text: string;
    try {
      text = bondFileText({ name, mode: 'active-backup', members, ipv4: 'dhcp', primary: members[0], nmControlled: nmControlled(ctx) ? 'yes' : 'no' }, ctx.file.text.eol);
    } catch {
      return [];
    }
    return [{
      title: `Create ifcfg-${name} (active-backup, DHCP; members ${members.join(', ')}) from a template`,
      edits: [],
      workspaceEdit: { documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ] },
    }];
  },
};
export default rule;
