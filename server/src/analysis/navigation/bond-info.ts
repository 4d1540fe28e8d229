// What a bond looks like once configured: its mode and preferred member, from BONDING_OPTS and, for
// what BONDING_OPTS leaves out, from modprobe.d (bonds created through sysfs start from the module
// parameters).
import type { ModeName } from '../kb/modes';
import { parseModeValue } from '../kb/modes';
import type { BondFacts } from '../workspace/model';
import type { HostIndex } from './occurrences';
import { modName } from './util';

/** The `options` lines of the host that configure the bonding module for this bond. */
function moduleOptionValue(idx: HostIndex, bond: BondFacts, key: string): string | undefined {
  let moduleValue: string | undefined;
  let bondValue: string | undefined;
  for (const o of idx.facts.options) {
    const mod = o.module;
    const forBond = mod === modName(bond.device);
    if (!forBond && mod !== 'bonding' && !idx.bondingAliases.has(mod)) continue;
    for (const t of o.statement.options ?? []) {
      if (modName(t.name) !== key || t.value === undefined) continue;
      if (forBond) bondValue = t.value;
      else moduleValue = t.value;
    }
  }
  return bondValue ?? moduleValue;
}

export function bondMode(idx: HostIndex, bond: BondFacts): ModeName {
  const sim = bond.entry.ctx.opts?.sim;
  if (sim && sim.state.values.has('mode')) return sim.state.mode;
  const v = moduleOptionValue(idx, bond, 'mode');
  return (v !== undefined && parseModeValue(v)?.name) || 'balance-rr';
}

/** The member named by primary= (BONDING_OPTS first, then modprobe.d). */
export function bondPrimary(idx: HostIndex, bond: BondFacts): string | undefined {
  const toks = bond.entry.ctx.opts?.split.tokens.filter((t) => t.key === 'primary' && t.value) ?? [];
  if (toks.length) return toks[toks.length - 1].value;
  return moduleOptionValue(idx, bond, 'primary') || undefined;
}

/** True for `options` lines that configure the bonding module (bonding, an alias of it, or a bond's name). */
export function isBondingOptions(idx: HostIndex | undefined, module: string): boolean {
  const m = modName(module);
  if (m === 'bonding') return true;
  if (!idx) return false;
  if (idx.bondingAliases.has(m)) return true;
  for (const b of idx.facts.bonds.keys()) if (modName(b) === m) return true;
  return false;
}
