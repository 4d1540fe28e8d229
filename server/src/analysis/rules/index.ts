// Every rule the analysis knows. Each folder keeps its own list; this joins them.
import type { Rule } from './types';
import { IFCFG_RULES } from './ifcfg';
import { BONDING_OPTS_RULES } from './bonding-opts';
import { MODPROBE_RULES } from './modprobe';
import { HOST_RULES } from './host';

export const RULES: readonly Rule[] = [...IFCFG_RULES, ...BONDING_OPTS_RULES, ...MODPROBE_RULES, ...HOST_RULES];

const byId = new Map<string, Rule>();
for (const r of RULES) {
  if (byId.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
  byId.set(r.id, r);
}

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
