import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';

function bondNames(n: number): string {
  if (n === 2) return 'bond0 and bond1';
  if (n === 3) return 'bond0, bond1 and bond2';
  return `bond0 … bond${n - 1}`;
}

/**
 * F3 (single-file part): `options bonding max_bonds=N` with N ≥ 2 creates bonds at every module load,
 * whatever the per-interface configuration says. Said without looking at ifcfg files: what it does
 * and what Red Hat/Fedora advise. When the host's ifcfg files are known and define bonds, the
 * cross-file modprobe-max-bonds-with-ifcfg reports instead (one diagnostic per token, not two).
 */
const rule: ModprobeRule = {
  id: 'modprobe-max-bonds',
  language: 'modprobe',
  severity: 'warning',
  title: 'max_bonds creates bonds at module load',
  catalogue: ['F3'],
  check(ctx) {
    // When the workspace shows ifcfg bonds on this host, modprobe-max-bonds-with-ifcfg says it better (naming them).
    if (ctx.host?.facts.bonds.size) return [];
    const out: Finding[] = [];
    for (const m of bondingAnalysis(ctx).scopes) {
      const u = m.last.get('max_bonds');
      const n = m.int('max_bonds');
      if (!u || !m.own(u) || n === undefined || n < 2) continue;
      out.push({
        range: u.tok.range,
        message: `${u.tok.text} makes the bonding module create ${bondNames(n)} as soon as it loads, with the module-wide defaults, whether or not an ifcfg-bondN file or NetworkManager profile describes them. Bonds defined per interface (BONDING_OPTS, NetworkManager) are created when they are brought up, and Red Hat/Fedora documentation says not to set max_bonds with them (NetworkManager even loads the module with max_bonds=0). Remove it unless these bonds are configured only through module options.`,
      });
    }
    return out;
  },
};
export default rule;
