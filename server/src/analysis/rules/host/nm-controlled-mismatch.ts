import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding, Fix, IfcfgRule } from '../types';
import type { IfcfgContext } from '../../context';
import { nmControlled, type BondFacts } from '../../workspace/model';
import { addKeyEdit, effective, replaceValue } from '../ifcfg/util';
import { bondOf, entryOf, hostFacts, keyLocation } from './util';

function setNmControlled(ctx: IfcfgContext, value: 'yes' | 'no'): TextEdit {
  const a = effective(ctx, 'NM_CONTROLLED');
  return a ? replaceValue(ctx, a, value) : addKeyEdit(ctx, `NM_CONTROLLED=${value}`, ['ONBOOT', 'BOOTPROTO', 'SLAVE', 'MASTER', 'TYPE', 'DEVICE']);
}

/** One fix per direction: every file of the bond (bond and members) gets the same NM_CONTROLLED. */
function alignFixes(bond: BondFacts, preferred: 'yes' | 'no'): Fix[] {
  const files = [bond.entry.ctx, ...bond.members.map((m) => m.entry.ctx)];
  const fixes: Fix[] = [];
  for (const value of [preferred, preferred === 'yes' ? 'no' : 'yes'] as const) {
    const changes: Record<string, TextEdit[]> = {};
    for (const f of files) if (nmControlled(f) !== (value === 'yes')) changes[f.uri] = [setNmControlled(f, value)];
    const n = Object.keys(changes).length;
    if (!n) continue;
    fixes.push({
      title: `Set NM_CONTROLLED=${value} on ${bond.device} and its members (${n} file${n > 1 ? 's' : ''})`,
      edits: [],
      workspaceEdit: { changes },
      preferred: value === preferred,
    });
  }
  return fixes;
}

const yn = (b: boolean) => (b ? 'yes' : 'no');

/** D7: NM_CONTROLLED differs between a bond and its members. Reported on both sides. */
const rule: IfcfgRule = {
  id: 'nm-controlled-mismatch',
  language: 'ifcfg',
  severity: 'error',
  title: 'NM_CONTROLLED differs between bond and member',
  catalogue: ['D7'],
  check(ctx) {
    const f = hostFacts(ctx);
    if (!f || !entryOf(ctx, f)) return [];
    const out: Finding[] = [];
    const b = bondOf(ctx, f);
    if (b) {
      const mine = nmControlled(ctx);
      const odd = b.members.filter((m) => nmControlled(m.entry.ctx) !== mine);
      if (odd.length) {
        out.push({
          range: keyLocation(ctx, 'NM_CONTROLLED'),
          message: `${b.device} is NM_CONTROLLED=${yn(mine)}${ctx.get('NM_CONTROLLED') ? '' : ' (the default)'}, but ${odd.map((m) => m.device).join(', ')} ${odd.length > 1 ? 'are' : 'is'} ${yn(!mine)}: one side is run by NetworkManager and the other by the network service, and the member never joins the bond reliably. Use the same value in all of them.`,
          related: odd.map((m) => ({ location: { uri: m.entry.ctx.uri, range: keyLocation(m.entry.ctx, 'NM_CONTROLLED') }, message: `${m.device}: NM_CONTROLLED=${yn(!mine)}` })),
          data: { side: 'bond', value: yn(mine), others: odd.map((m) => m.entry.ctx.uri) },
        });
      }
    }
    for (const bond of f.bonds.values()) {
      const m = bond.members.find((x) => x.entry.ctx === ctx);
      if (!m) continue;
      const theirs = nmControlled(bond.entry.ctx);
      if (nmControlled(ctx) === theirs) continue;
      out.push({
        range: keyLocation(ctx, ctx.get('NM_CONTROLLED') ? 'NM_CONTROLLED' : 'MASTER'),
        message: `This member is NM_CONTROLLED=${yn(!theirs)}${ctx.get('NM_CONTROLLED') ? '' : ' (the default)'} but its bond ${bond.device} is ${yn(theirs)}: NetworkManager and the network service each handle one side, so the member does not reliably join the bond. Use the same value on the bond and all its members.`,
        related: [{ location: { uri: bond.entry.ctx.uri, range: keyLocation(bond.entry.ctx, 'NM_CONTROLLED') }, message: `${bond.device}: NM_CONTROLLED=${yn(theirs)}` }],
        data: { side: 'member', value: yn(theirs), bond: bond.entry.ctx.uri },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const facts = hostFacts(ctx);
    if (!facts) return [];
    const bond = f.data?.side === 'bond' ? bondOf(ctx, facts) : [...facts.bonds.values()].find((b) => b.entry.ctx.uri === f.data?.bond);
    return bond ? alignFixes(bond, nmControlled(bond.entry.ctx) ? 'yes' : 'no') : [];
  },
};
export default rule;
