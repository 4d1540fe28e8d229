// Where each rule is documented, and the list of everything that can appear as a diagnostic code
// (the rules plus the `unused-suppression` pseudo-rule). Pure: no file system, no node imports.
import { getRule, RULES } from './rules';
import type { LanguageId, RuleSeverity } from './rules/types';
import { UNUSED_SUPPRESSION } from './suppression';
import { trimEndChars } from './text';

/** Folder (relative to the package root) that holds one `<rule-id>.md` page per rule. */
export const RULE_DOCS_DIR = 'docs/rules';

/**
 * URL of a rule's documentation page: `${base}/docs/rules/${id}.md`. `base` is the package root as a
 * URL (a `file:` URL of the installed package, or a web URL of the repository); a trailing slash is
 * ignored.
 */
export function ruleDocUrl(id: string, base: string): string {
  return `${trimEndChars(base, '/')}/${RULE_DOCS_DIR}/${encodeURIComponent(id)}.md`;
}

/** What the CLI, the config loader and the docs need to know about a diagnostic code. */
export interface RuleInfo {
  id: string;
  /** The language whose files the rule checks ("any" for unused-suppression). */
  language: LanguageId | 'any';
  severity: RuleSeverity;
  title: string;
  catalogue: readonly string[];
  /** The rule offers at least one quick fix for some of its findings. */
  hasFix: boolean;
}

const UNUSED_SUPPRESSION_INFO: RuleInfo = {
  id: UNUSED_SUPPRESSION,
  language: 'any',
  severity: 'info',
  title: 'Suppression comment that suppresses nothing',
  catalogue: [],
  hasFix: true,
};

/** Every diagnostic code, rules first (in RULES order), then unused-suppression. Read RULES at call time. */
export function allRuleInfo(): RuleInfo[] {
  return [
    ...RULES.map((r): RuleInfo => ({
      id: r.id, language: r.language, severity: r.severity, title: r.title, catalogue: r.catalogue ?? [], hasFix: typeof r.fix === 'function',
    })),
    UNUSED_SUPPRESSION_INFO,
  ];
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return allRuleInfo().find((r) => r.id === id);
}

export function isKnownRuleId(id: string): boolean {
  return id === UNUSED_SUPPRESSION || getRule(id) !== undefined;
}
