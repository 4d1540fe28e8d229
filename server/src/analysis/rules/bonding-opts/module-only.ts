import { rejectionRule, removeTokenFix, tokenOf } from './util';

/** E15: max_bonds / tx_queues exist only as module parameters. */
export default rejectionRule({
  id: 'bonding-opts-module-only',
  title: 'Module-load-only parameter in BONDING_OPTS',
  catalogue: ['E15'],
  causes: ['module-only'],
  message: (v) => `'${v.token.key}' only exists as a parameter of the bonding module at load time; there is no per-bond setting, so initscripts' write fails and NetworkManager drops it. Remove it (and avoid it in modprobe.d too when bonds are defined in ifcfg files).`,
  fix: (f, ctx) => { const t = tokenOf(ctx, f); return t ? removeTokenFix(ctx, t) : []; },
});
