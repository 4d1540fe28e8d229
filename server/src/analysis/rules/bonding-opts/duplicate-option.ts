import { DiagnosticTag } from 'vscode-languageserver-types';
import type { IfcfgRule } from '../types';
import { optsOf, removeTokenFix, tokenOf } from './util';

const REPEATABLE = new Set(['arp_ip_target', 'ns_ip6_target', 'slaves', 'queue_id']);

/** E16: the same option twice; the last one wins (initscripts writes both, NetworkManager keeps the last). */
const rule: IfcfgRule = {
  id: 'bonding-opts-duplicate-option',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Bonding option given more than once',
  catalogue: ['E16'],
  check(ctx) {
    const opts = optsOf(ctx);
    if (!opts) return [];
    const last = new Map<string, number>();
    for (const t of opts.split.tokens) if (t.key && !REPEATABLE.has(t.key)) last.set(t.key, t.index);
    return opts.split.tokens
      .filter((t) => t.key && !REPEATABLE.has(t.key) && last.get(t.key) !== t.index)
      .map((t) => {
        const winner = opts.split.tokens[last.get(t.key)!];
        return {
          range: t.range,
          message: `${t.key} is set again later ('${winner.text}'), which is the value that stays: this '${t.text}' is dead text${t.value !== winner.value ? ', and it disagrees with the later one' : ''}. Remove one of them.`,
          tags: [DiagnosticTag.Unnecessary],
          data: { token: t.index },
        };
      });
  },
  fix: (f, ctx) => { const t = tokenOf(ctx, f); return t ? removeTokenFix(ctx, t, `Remove the earlier '${t.text}'`) : []; },
};
export default rule;
