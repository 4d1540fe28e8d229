// Shared pieces of the BONDING_OPTS rules: access to the judged tokens and byte-exact edits.
import { nearest } from '../../text';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { BondingOpts, IfcfgContext } from '../../context';
import type { Verdict, RejectCause, NoteKind } from '../../bonding-opts/kernel';
import type { OptToken } from '../../bonding-opts/tokens';
import type { Finding, Fix, IfcfgRule, RuleSeverity } from '../types';

/** BONDING_OPTS of the file when it is worth judging (a bond's options NetworkManager can read). */
export function optsOf(ctx: IfcfgContext): BondingOpts | undefined {
  return ctx.opts;
}

/** The document text covered by a single-line range, or undefined when it spans lines. */
export function textAt(ctx: IfcfgContext, r: Range): string | undefined {
  if (r.start.line !== r.end.line) return undefined;
  return ctx.file.text.lines[r.start.line]?.text.slice(r.start.character, r.end.character);
}

/** True when the token is written literally in the file (no escapes or quotes inside it). */
export function literal(ctx: IfcfgContext, t: OptToken): boolean {
  return textAt(ctx, t.range) === t.text;
}

/** Replaces a literal piece of a token; undefined if the source is not literal there. */
export function replaceIn(ctx: IfcfgContext, r: Range, expected: string, newText: string): TextEdit | undefined {
  return textAt(ctx, r) === expected ? { range: r, newText } : undefined;
}

/** Removes a token and one neighbouring separator, so "a=1 b=2 c=3" minus b=2 reads "a=1 c=3". */
export function removeToken(ctx: IfcfgContext, opts: BondingOpts, t: OptToken): TextEdit | undefined {
  if (!literal(ctx, t)) return undefined;
  const toks = opts.split.tokens;
  const prev = toks[t.index - 1];
  const next = toks[t.index + 1];
  let range: Range;
  if (prev && prev.range.end.line === t.range.start.line) range = { start: prev.range.end, end: t.range.end };
  else if (next && next.range.start.line === t.range.end.line) range = { start: t.range.start, end: next.range.start };
  else range = t.range;
  const between = textAt(ctx, range);
  if (between === undefined || between.trim() !== t.text) return undefined;
  return { range, newText: '' };
}

export function removeTokenFix(ctx: IfcfgContext, t: OptToken, title = `Remove '${t.text}'`): Fix[] {
  const opts = optsOf(ctx);
  const e = opts && removeToken(ctx, opts, t);
  return e ? [{ title, edits: [e] }] : [];
}

/** Finds the token a finding was reported on (findings carry the token index in data). */
export function tokenOf(ctx: IfcfgContext, f: Finding): OptToken | undefined {
  const i = f.data?.token;
  return typeof i === 'number' ? optsOf(ctx)?.split.tokens[i] : undefined;
}

/** A rule that reports the tokens the kernel model rejected for one of the given causes. */
export function rejectionRule(meta: {
  id: string; title: string; catalogue?: string[]; causes: RejectCause[]; severity?: RuleSeverity;
  message?: (v: Verdict, ctx: IfcfgContext) => string;
  fix?: (f: Finding, ctx: IfcfgContext) => Fix[];
}): IfcfgRule {
  return {
    id: meta.id, language: 'ifcfg', severity: meta.severity ?? 'error', title: meta.title, catalogue: meta.catalogue,
    check(ctx) {
      const opts = optsOf(ctx);
      if (!opts) return [];
      return opts.sim.verdicts
        .filter((v) => v.outcome === 'rejected' && v.cause && meta.causes.includes(v.cause))
        .map((v) => ({
          range: v.token.range,
          message: meta.message ? meta.message(v, ctx) : `The kernel rejects '${v.token.text}': ${v.reason}. initscripts logs the failure and carries on without it; NetworkManager drops it.`,
          data: { token: v.token.index },
        }));
    },
    fix: meta.fix,
  };
}

/** A rule that reports accepted tokens carrying one of the given kinds of kernel note. */
export function noteRule(meta: {
  id: string; title: string; catalogue?: string[]; kinds: NoteKind[]; severity?: RuleSeverity;
  fix?: (f: Finding, ctx: IfcfgContext) => Fix[];
}): IfcfgRule {
  return {
    id: meta.id, language: 'ifcfg', severity: meta.severity ?? 'warning', title: meta.title, catalogue: meta.catalogue,
    check(ctx) {
      const opts = optsOf(ctx);
      if (!opts) return [];
      const out: Finding[] = [];
      for (const v of opts.sim.verdicts) {
        for (const n of v.notes) {
          if (meta.kinds.includes(n.kind)) out.push({ range: v.token.range, message: `'${v.token.text}': ${n.message}.`, data: { token: v.token.index, kind: n.kind } });
        }
      }
      return out;
    },
    fix: meta.fix,
  };
}

/** The bonding option a misspelled name most likely meant (`lacp-rate`, `arp_ip_targets`, `xmit_policy`). */
export function suggestOption(key: string, names: readonly string[]): string | undefined {
  const k = key.replace(/-/g, '_').toLowerCase();
  if (names.includes(k)) return k;
  const close = nearest(k, names, 3);
  if (close) return close;
  const parts = k.split('_').filter(Boolean);
  if (parts.length < 2) return undefined;
  const hits = names.filter((n) => parts.every((p) => n.split('_').includes(p)));
  return hits.length === 1 ? hits[0] : undefined;
}
