import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis, relatedElsewhere, type ArpTargetItem } from './bonding-load';
import { replaceIn, valueSubRange } from './edits';

function what(t: ArpTargetItem): string {
  switch (t.problem) {
    case 'plus': return `'${t.value}' has a '+' in front: that is the sysfs add-command syntax, which the module parameter does not understand`;
    case 'zero': return '0.0.0.0 is refused as an ARP target';
    case 'zeronet': return `${t.value} lies in 0.0.0.0/8, which kernels before 5.3 refuse as an ARP target`;
    case 'broadcast': return '255.255.255.255 is refused as an ARP target';
    default: return t.value === '' ? 'the list has an empty entry (a stray comma)' : `'${t.value}' is not an IPv4 address the kernel can read`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** E6: invalid, refused or duplicate ARP targets in the module parameter. */
const rule: ModprobeRule = {
  id: 'modprobe-bad-arp-target',
  language: 'modprobe',
  severity: 'error',
  title: 'Invalid or duplicate arp_ip_target address',
  catalogue: ['E6'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    const out: Finding[] = [];
    for (const m of a.scopes) {
      // Would ARP monitoring have run without the bad targets? Then a bad one leaves the bonds unmonitored.
      const wouldRun = m.arpIntervalGiven > 0 && m.arpDrop !== 'miimon' && m.arpDrop !== 'forced-miimon';
      for (const t of m.targets) {
        if (!m.own(t.use) || (!t.problem && !t.duplicate)) continue;
        const v = t.use.tok.value ?? '';
        // An empty entry is shown on its comma.
        const [from, to] = t.from < t.to ? [t.from, t.to] : t.from > 0 ? [t.from - 1, t.from] : [0, Math.min(1, v.length)];
        const range = valueSubRange(t.use.tok.valueRange, v, from, to) ?? t.use.tok.range;
        const single = m.uses.filter((x) => x.param?.name === 'arp_ip_target').length === 1;
        const data = { order: t.use.order, from: t.from, to: t.to, dup: t.duplicate === true && single };
        if (t.duplicate) {
          const first = t.duplicateOf?.use;
          const there = first && !m.here(first) ? ` (given in ${first.doc.fileName})` : '';
          out.push({ range, severity: 'warning', message: `${t.value} is already in the arp_ip_target list${there}: the kernel skips it with a warning. Remove the repeat.`, related: relatedElsewhere(m, [first]), data });
          continue;
        }
        out.push({
          range,
          severity: wouldRun ? 'error' : 'warning',
          message: `${capitalize(what(t))}. When the module loads, the kernel logs "bad arp_ip_target module parameter" and turns ARP monitoring off${wouldRun && m.miimon === 0 ? ', so the bonds created with these defaults detect no link failure at all' : ''}. Use plain dotted IPv4 addresses separated by commas.`,
          data,
        });
      }
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const from = f.data?.from as number;
    const to = f.data?.to as number;
    const v = u?.tok.value;
    if (!u || v === undefined || typeof from !== 'number' || typeof to !== 'number') return [];
    const item = v.slice(from, to);
    const r = valueSubRange(u.tok.valueRange, v, from, to);
    if (!r) return [];
    if (item.startsWith('+')) {
      const e = replaceIn(ctx, r, item, item.slice(1));
      return e ? [{ title: `Remove the '+' (write ${item.slice(1)})`, edits: [e], preferred: true }] : [];
    }
    // A duplicate: remove it together with the comma before it (or after it, for the first item).
    if (f.data?.dup === true) {
      const wide = from > 0 ? valueSubRange(u.tok.valueRange, v, from - 1, to) : to < v.length ? valueSubRange(u.tok.valueRange, v, from, to + 1) : undefined;
      const expected = from > 0 ? v.slice(from - 1, to) : v.slice(from, to + 1);
      const e = wide && wide !== u.tok.valueRange ? replaceIn(ctx, wide, expected, '') : undefined;
      if (e) return [{ title: `Remove the repeated ${item}`, edits: [e], safe: true, preferred: true }];
    }
    return [];
  },
};

export default rule;
