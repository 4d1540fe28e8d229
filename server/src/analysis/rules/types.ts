// What a rule is: one small module with its id, its documentation, its check and (when the remedy is
// unambiguous) its fix. Rules see parsed documents only; they never read files or touch the network.
import type { DiagnosticRelatedInformation, DiagnosticTag, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { IfcfgContext, ModprobeContext } from '../context';

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';
export type LanguageId = 'ifcfg' | 'modprobe';

export interface RuleMeta {
  /** Stable id, used as the diagnostic code, in settings and in suppression comments. */
  id: string;
  language: LanguageId;
  severity: RuleSeverity;
  /** One line: what the rule detects. */
  title: string;
  /** Ids of the matching entries in the team's catalogue of real misconfigurations (e.g. "A1"). */
  catalogue?: readonly string[];
}

export interface Finding {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this one finding (e.g. a near-miss of a bonding key). */
  severity?: RuleSeverity;
  tags?: DiagnosticTag[];
  related?: DiagnosticRelatedInformation[];
  /** Whatever the rule's fix needs; travels in Diagnostic.data. */
  data?: Record<string, unknown>;
}

export interface Fix {
  title: string;
  /** Edits to the document the diagnostic belongs to. */
  edits: TextEdit[];
  /** Edits that reach other files too (or create files); used instead of `edits` when present. */
  workspaceEdit?: WorkspaceEdit;
  /** Safe to apply without looking (part of "fix all"). */
  safe?: boolean;
  preferred?: boolean;
}

export interface IfcfgRule extends RuleMeta {
  language: 'ifcfg';
  check(ctx: IfcfgContext): Finding[];
  fix?(finding: Finding, ctx: IfcfgContext): Fix[];
}

export interface ModprobeRule extends RuleMeta {
  language: 'modprobe';
  check(ctx: ModprobeContext): Finding[];
  fix?(finding: Finding, ctx: ModprobeContext): Fix[];
}

export type Rule = IfcfgRule | ModprobeRule;
