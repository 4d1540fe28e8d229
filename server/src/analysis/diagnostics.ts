// Runs the rules over a document and turns findings into LSP diagnostics and code actions.
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range,
} from 'vscode-languageserver-types';
import type { DocContext } from './context';
import { RULES, getRule } from './rules';
import type { Finding, Fix, Rule, RuleSeverity } from './rules/types';
import { ruleDocUrl } from './rule-docs';
import { applySuppressions, removeSuppressionEdit, suppressFileEdit, suppressLineEdit, UNUSED_SUPPRESSION } from './suppression';

export const SOURCE = 'bonding';

/** A rule reports at most this many findings per document (a 10 MB file of one mistake is still one mistake). */
export const MAX_FINDINGS_PER_RULE = 1000;

export type SeverityOverride = RuleSeverity | 'off';

export interface DiagnoseOptions {
  /** Per-rule severity overrides ("off" disables a rule). */
  rules?: Readonly<Record<string, SeverityOverride>>;
  /** Base URL of the rule documentation: each diagnostic links to BASE/docs/rules/<id>.md. */
  docsBase?: string;
}

const SEVERITY: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const BY_LANGUAGE = new Map<string, Rule[]>();
function rulesFor(ctx: DocContext): Rule[] {
  let list = BY_LANGUAGE.get(ctx.language);
  if (!list) BY_LANGUAGE.set(ctx.language, (list = RULES.filter((r) => r.language === ctx.language)));
  return list;
}

function runRule(rule: Rule, ctx: DocContext): Finding[] {
  try {
    return rule.language === 'ifcfg' && ctx.language === 'ifcfg' ? rule.check(ctx)
      : rule.language === 'modprobe' && ctx.language === 'modprobe' ? rule.check(ctx) : [];
  } catch (e) {
    // A broken rule must never take the whole analysis down; report it where it can be seen.
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'hint', message: `internal error in rule ${rule.id}: ${String(e)}` }];
  }
}

export function diagnose(ctx: DocContext, opts: DiagnoseOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const overrides = opts.rules;
  // Most runs override nothing: skip the per-rule lookups then.
  const anyOverride = overrides !== undefined && hasAnyKey(overrides);
  const rules = rulesFor(ctx);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const override = anyOverride && Object.prototype.hasOwnProperty.call(overrides, rule.id) ? overrides![rule.id] : undefined;
    if (override === 'off') continue;
    const findings = runRule(rule, ctx);
    if (findings.length === 0) continue;
    if (findings.length > MAX_FINDINGS_PER_RULE) findings.length = MAX_FINDINGS_PER_RULE;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const d: Diagnostic = {
        range: f.range,
        severity: SEVERITY[override ?? f.severity ?? rule.severity],
        code: rule.id,
        source: SOURCE,
        message: f.message,
      };
      if (f.tags) d.tags = f.tags;
      if (f.related) d.relatedInformation = f.related;
      if (f.data) d.data = f.data;
      out.push(d);
    }
  }
  const unused = opts.rules?.[UNUSED_SUPPRESSION];
  const result = applySuppressions(ctx, out, unused === 'off' ? undefined : SEVERITY[unused ?? 'info'] as 1 | 2 | 3 | 4);
  if (opts.docsBase) for (const d of result) if (typeof d.code === 'string') d.codeDescription = { href: ruleDocUrl(d.code, opts.docsBase) };
  if (result.length > 1) result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return result;
}

function hasAnyKey(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function fixesFor(rule: Rule, f: Finding, ctx: DocContext): Fix[] {
  try {
    if (rule.language === 'ifcfg' && ctx.language === 'ifcfg') return rule.fix?.(f, ctx) ?? [];
    if (rule.language === 'modprobe' && ctx.language === 'modprobe') return rule.fix?.(f, ctx) ?? [];
  } catch { /* a failing fix offers nothing */ }
  return [];
}

/** Quick fixes for the given diagnostics (as the client sends them back in the code action request). */
/**
 * One of our diagnostics as a client sends it back in a code action request, well-formed enough to
 * act on. Clients send what they like: anything else is skipped, not a TypeError.
 */
function isOurDiagnostic(d: unknown): d is Diagnostic & { code: string } {
  if (!d || typeof d !== 'object') return false;
  const x = d as Partial<Diagnostic>;
  const pos = (p: unknown) => !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
  return x.source === SOURCE && typeof x.code === 'string' && !!x.range && typeof x.range === 'object' && pos(x.range.start) && pos(x.range.end);
}

export function codeActions(ctx: DocContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  // Each rule runs once per request, however many of its diagnostics the client sends (a line with
  // thousands of findings would otherwise run it thousands of times).
  const findingsOf = new Map<Rule, Finding[]>();
  for (const d of diagnostics) {
    if (!isOurDiagnostic(d)) continue;
    if (d.code === UNUSED_SUPPRESSION) {
      const e = removeSuppressionEdit(ctx, d);
      if (e) actions.push({ title: 'Remove the unused suppression', kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [ctx.uri]: [e] } } });
      continue;
    }
    const rule = getRule(d.code);
    if (!rule?.fix) continue;
    let found = findingsOf.get(rule);
    if (!found) findingsOf.set(rule, (found = runRule(rule, ctx)));
    const finding = found.find((f) => sameRange(f.range, d.range));
    if (!finding) continue;
    for (const fix of fixesFor(rule, finding, ctx)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fix.preferred,
        edit: fix.workspaceEdit ?? { changes: { [ctx.uri]: fix.edits } },
      });
    }
  }
  return actions;
}

/** "Suppress RULE on this line / in this file" for each diagnostic (offered after the real fixes). */
export function suppressionActions(ctx: DocContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!isOurDiagnostic(d) || d.code === UNUSED_SUPPRESSION) continue;
    out.push(
      { title: `Suppress ${d.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [ctx.uri]: [suppressLineEdit(ctx, d.range.start.line, d.code)] } } },
      { title: `Suppress ${d.code} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [ctx.uri]: [suppressFileEdit(ctx, d.code)] } } },
    );
  }
  return out;
}
