import type { Finding, ModprobeRule } from '../types';
import { bondingAnalysis } from './bonding-load';
import { removeWordsEdits } from './edits';

/** E18: use_carrier=0 — obsolete; kernels with the 2025 removal refuse to load the module with it. */
const rule: ModprobeRule = {
  id: 'modprobe-use-carrier',
  language: 'modprobe',
  severity: 'warning',
  title: 'use_carrier=0 (obsolete; newer kernels refuse it)',
  catalogue: ['E18'],
  check(ctx) {
    const a = bondingAnalysis(ctx);
    const out: Finding[] = [];
    for (const m of a.scopes) {
      const u = m.last.get('use_carrier');
      if (!u || !m.own(u) || m.int('use_carrier') !== 0) continue;
      out.push({
        range: u.tok.range,
        message: `${u.tok.text} makes MII monitoring poll the NICs through old MII/ethtool ioctls instead of trusting the driver's carrier state. It is obsolete, and kernels that carry the 2025 removal of use_carrier=0 refuse to load the bonding module with it, so no bond would come up after a kernel update. Remove it (1 is the default).`,
        data: { order: u.order },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const u = bondingAnalysis(ctx).uses[f.data?.order as number];
    const edits = u && removeWordsEdits(ctx, [{ stmt: u.stmt, tok: u.tok }]);
    return edits ? [{ title: `Remove ${u.tok.text}`, edits, preferred: true }] : [];
  },
};
export default rule;
