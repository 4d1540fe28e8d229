// Every rule the analysis knows, in one list. Adding a rule = adding a module and a line here.
import type { Rule } from './types';

import spacesAroundEquals from './ifcfg/spaces-around-equals';
import unquotedWhitespace from './ifcfg/unquoted-whitespace';
import slashComment from './ifcfg/slash-comment';
import unterminatedQuote from './ifcfg/unterminated-quote';
import shellExpansion from './ifcfg/shell-expansion';
import lineContinuation from './ifcfg/line-continuation';
import shellMetacharacter from './ifcfg/shell-metacharacter';
import exportPrefix from './ifcfg/export-prefix';
import invalidLine from './ifcfg/invalid-line';
import invalidKeyName from './ifcfg/invalid-key-name';

import mpIndentedComment from './modprobe/indented-comment';
import mpUnknownCommand from './modprobe/unknown-command';
import mpDeprecatedCommand from './modprobe/deprecated-command';
import mpMissingArgument from './modprobe/missing-argument';
import mpBadModuleName from './modprobe/bad-module-name';
import mpContinuationJoin from './modprobe/continuation-join';
import mpInlineComment from './modprobe/inline-comment';

export const RULES: readonly Rule[] = [
  spacesAroundEquals, unquotedWhitespace, slashComment, unterminatedQuote, shellExpansion, lineContinuation,
  shellMetacharacter, exportPrefix, invalidLine, invalidKeyName,
  mpIndentedComment, mpUnknownCommand, mpDeprecatedCommand, mpMissingArgument, mpBadModuleName, mpContinuationJoin,
  mpInlineComment,
];

const byId = new Map(RULES.map((r) => [r.id, r]));
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
