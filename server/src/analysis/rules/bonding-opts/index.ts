// Rules about BONDING_OPTS content (ifcfg bond files), judged with the kernel model.
import type { IfcfgRule } from '../types';
import unknownOption from './unknown-option';
import moduleOnly from './module-only';
import invalidValue from './invalid-value';
import rejectedInMode from './rejected-in-mode';
import needsMiimon from './needs-miimon';
import memberState from './member-state';
import monitorConflict from './monitor-conflict';
import delayRounding from './delay-rounding';
import silentlyIgnored from './silently-ignored';
import enslave from './enslave-in-opts';
import noEffect from './no-effect';
import noMonitoring from './no-monitoring';
import arpIncomplete from './arp-targets';
import repeatedArpTarget from './repeated-arp-target';
import duplicateOption from './duplicate-option';
import separators from './separators';
import useCarrier from './use-carrier';
import numericValue from './numeric-value';
import gratArp from './grat-arp-unsol-na';
import arpValidate from './arp-validate-without-arp';

export const BONDING_OPTS_RULES: readonly IfcfgRule[] = [
  unknownOption, moduleOnly, invalidValue, rejectedInMode, needsMiimon, memberState, monitorConflict,
  delayRounding, silentlyIgnored, enslave, noEffect, noMonitoring, arpIncomplete, repeatedArpTarget, duplicateOption,
  separators, useCarrier, numericValue, gratArp, arpValidate,
];
