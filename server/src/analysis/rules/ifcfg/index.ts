// Every ifcfg rule (one module each). Adding a rule = adding a module and a line here.
import type { IfcfgRule } from '../types';

import spacesAroundEquals from './spaces-around-equals';
import unquotedWhitespace from './unquoted-whitespace';
import slashComment from './slash-comment';
import unterminatedQuote from './unterminated-quote';
import shellExpansion from './shell-expansion';
import lineContinuation from './line-continuation';
import shellMetacharacter from './shell-metacharacter';
import exportPrefix from './export-prefix';
import invalidLine from './invalid-line';
import invalidKeyName from './invalid-key-name';

export const IFCFG_RULES: readonly IfcfgRule[] = [
  spacesAroundEquals, unquotedWhitespace, slashComment, unterminatedQuote, shellExpansion, lineContinuation,
  shellMetacharacter, exportPrefix, invalidLine, invalidKeyName,
];
