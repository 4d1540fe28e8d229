import { rejectionRule, removeTokenFix, tokenOf } from './util';

/** E8, E11, E12, E13: options the kernel refuses in the bond's mode ("mode dependency failed"). */
export default rejectionRule({
  id: 'bonding-opts-rejected-in-mode',
  title: 'Bonding option the kernel refuses in this mode',
  catalogue: ['E8', 'E11', 'E12', 'E13'],
  causes: ['mode'],
  message: (v) => `The kernel refuses '${v.token.text}' here: ${v.reason}. Remove it, or change the mode.`,
  fix: (f, ctx) => { const t = tokenOf(ctx, f); return t ? removeTokenFix(ctx, t, `Remove '${t.text}' (not valid in this mode)`) : []; },
});
