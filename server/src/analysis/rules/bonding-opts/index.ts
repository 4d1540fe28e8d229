// Rules about BONDING_OPTS content (ifcfg bond files), judged with the kernel model.
import type { IfcfgRule } from '../types';

export const BONDING_OPTS_RULES: readonly IfcfgRule[] = [];
