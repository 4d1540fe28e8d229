import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, ownUses, relatedElsewhere, scopeNote, setElsewhere, setIn, type LoadModel, type ParamUse } from './bonding-load';
import { removeWordsEdits } from './edits';

function whyNoInterval(m: LoadModel): string {
  switch (m.arpDrop) {
    case 'miimon': return `miimon=${m.miimon} is also set${setIn(m, m.miimonUse)}, and the kernel drops arp_interval in favour of it`;
    case 'forced-miimon': return `in ${m.mode.name}${setIn(m, m.modeUse)} the kernel uses MII monitoring (miimon is forced to 100 when unset) and drops arp_interval`;
    case 'bad-target': return `an invalid arp_ip_target${setIn(m, firstBadTarget(m))} makes the kernel switch ARP monitoring off`;
    case 'no-targets': return `arp_interval${setIn(m, m.arpIntervalUse)} has no arp_ip_target to probe, so the kernel resets it to 0`;
    case 'negative': return `arp_interval is negative${setIn(m, m.arpIntervalUse)} and reset to 0`;
    default: return m.arpIntervalUse ? `arp_interval is 0${setIn(m, m.arpIntervalUse)}` : 'no arp_interval is set';
  }
}

function firstBadTarget(m: LoadModel): ParamUse | undefined {
  return m.targets.find((t) => t.problem)?.use;
}

/** The words (of any file) that explain why ARP monitoring is off. */
function reasons(m: LoadModel): (ParamUse | undefined)[] {
  switch (m.arpDrop) {
    case 'miimon': return [m.miimonUse];
    case 'forced-miimon': return [m.modeUse];
    case 'bad-target': return [firstBadTarget(m)];
    default: return [m.arpIntervalUse];
  }
}

/** E9 / F6: arp_validate as a module parameter without ARP monitoring in effect makes the load fail. */
const rule: ModprobeRule = {
  id: 'modprobe-arp-validate-without-arp',
  language: 'modprobe',
  severity: 'error',
  title: 'arp_validate without ARP monitoring (module load fails)',
  catalogue: ['E9', 'F6'],
  check(ctx) {
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      const u = m.last.get('arp_validate');
      if (!u || !m.own(u) || m.arpInterval > 0 || m.modeInvalid) continue;
      out.push({
        range: u.tok.range,
        related: relatedElsewhere(m, reasons(m)),
        message: `arp_validate needs ARP monitoring, but ${whyNoInterval(m)}. At load the kernel reports "arp_validate requires arp_interval" and the bonding module refuses to load${scopeNote(m)} — even arp_validate=none counts — so no bond comes up. Remove arp_validate, or configure ARP monitoring completely (arp_interval and arp_ip_target, without miimon, in a mode that supports it).`,
        data: { target: m.target },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const m = bondingAnalysis(ctx).scopes.find((s) => s.target === f.data?.target);
    // Removing this file's arp_validate would leave another file's in effect: no fix from here.
    if (!m || setElsewhere(m, 'arp_validate')) return [];
    const words = ownUses(m, 'arp_validate').map((u) => ({ stmt: u.stmt, tok: u.tok }));
    const edits = words.length ? removeWordsEdits(ctx, words) : undefined;
    const noArpAtAll = !m.arpIntervalUse && !m.targets.length;
    return edits ? [{ title: 'Remove arp_validate', edits, preferred: noArpAtAll }] : [];
  },
};
export default rule;
