// Every modprobe.d rule (one module each). Adding a rule = adding a module and a line here.
import type { ModprobeRule } from '../types';

import indentedComment from './indented-comment';
import unknownCommand from './unknown-command';
import deprecatedCommand from './deprecated-command';
import missingArgument from './missing-argument';
import badModuleName from './bad-module-name';
import continuationJoin from './continuation-join';
import inlineComment from './inline-comment';

export const MODPROBE_RULES: readonly ModprobeRule[] = [
  indentedComment, unknownCommand, deprecatedCommand, missingArgument, badModuleName, continuationJoin, inlineComment,
];
