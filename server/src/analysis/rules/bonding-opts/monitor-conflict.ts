import { noteRule, optsOf, removeToken, tokenOf } from './util';
import type { Fix } from '../types';

/** E4: miimon and arp_interval both set; one silently turns the other off. */
export default noteRule({
  id: 'bonding-opts-miimon-and-arp',
  title: 'MII and ARP monitoring both configured',
  catalogue: ['E4'],
  kinds: ['monitor-conflict'],
  fix: (f, ctx) => {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const t = tokenOf(ctx, f);
    const out: Fix[] = [];
    const toks = opts.split.tokens;
    const miimon = toks.filter((x) => x.key === 'miimon');
    const arp = toks.filter((x) => ['arp_interval', 'arp_ip_target', 'arp_validate', 'arp_all_targets', 'arp_missed_max'].includes(x.key));
    const drop = (list: typeof toks, title: string) => {
      // Removing several tokens: each edit removes the token and the separator before it (never overlapping).
      const edits = list.map((x) => removeToken(ctx, opts, x));
      if (edits.length && edits.every((e) => e)) out.push({ title, edits: dedupe(edits as NonNullable<(typeof edits)[number]>[]) });
    };
    if (t && miimon.length) drop(arp, 'Keep MII monitoring (remove the ARP monitoring options)');
    if (t && arp.length) drop(miimon, 'Keep ARP monitoring (remove miimon)');
    return out;
  },
});

function dedupe<T extends { range: { start: { character: number }; end: { character: number } } }>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.range.start.character - b.range.start.character);
  return sorted.filter((e, i) => i === 0 || e.range.start.character >= sorted[i - 1].range.end.character);
}
