// Every modprobe.d rule (one module each). Adding a rule = adding a module and a line here.
import type { ModprobeRule } from '../types';

import indentedComment from './indented-comment';
import unknownCommand from './unknown-command';
import deprecatedCommand from './deprecated-command';
import missingArgument from './missing-argument';
import badModuleName from './bad-module-name';
import continuationJoin from './continuation-join';
import inlineComment from './inline-comment';
import legacyConfigFile from './legacy-config-file';
import hiddenFile from './hidden-file';
import aliasTarget from './alias-target';
import aliasOptions from './alias-options';
import moduleRename from './module-rename';
import notModuleParam from './not-module-param';
import unknownParam from './unknown-param';
import invalidValue from './invalid-value';
import tooManyArpTargets from './arp-target-count';
import badArpTarget from './bad-arp-target';
import arpValidateWithoutArp from './arp-validate-needs-interval';
import miimonAndArp from './monitor-conflict';
import arpIncomplete from './arp-incomplete';
import ignoredInMode from './ignored-in-mode';
import delayWithoutMiimon from './delay-without-miimon';
import delayNotMultiple from './delay-rounding';
import useCarrier from './use-carrier';
import numericValue from './numeric-value';
import duplicateParam from './duplicate-param';
import maxBonds from './max-bonds';

export const MODPROBE_RULES: readonly ModprobeRule[] = [
  indentedComment, unknownCommand, deprecatedCommand, missingArgument, badModuleName, continuationJoin, inlineComment,
  // bonding: files, aliases and the module parameters as the kernel reads them at load time
  legacyConfigFile, hiddenFile, aliasTarget, aliasOptions, moduleRename, notModuleParam, unknownParam, invalidValue,
  tooManyArpTargets, badArpTarget, arpValidateWithoutArp, miimonAndArp, arpIncomplete, ignoredInMode,
  delayWithoutMiimon, delayNotMultiple, useCarrier, numericValue, duplicateParam, maxBonds,
];
