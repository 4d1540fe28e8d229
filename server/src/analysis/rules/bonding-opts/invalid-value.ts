import { getOption } from '../../kb/options';
import { rejectionRule, replaceIn, tokenOf } from './util';

/** E2, E6, E19: a value the kernel's parser or range check refuses. */
export default rejectionRule({
  id: 'bonding-opts-invalid-value',
  title: 'Bonding option value the kernel rejects',
  catalogue: ['E2', 'E6', 'E19'],
  causes: ['invalid-value'],
  message: (v) => `The kernel rejects '${v.token.text}': ${v.reason}. The option keeps its previous value (initscripts only logs the failure; NetworkManager drops the option).`,
  fix: (f, ctx) => {
    const t = tokenOf(ctx, f);
    const opt = t && getOption(t.key);
    if (!t || !opt?.values || t.value === undefined || !t.valueRange) return [];
    const right = opt.values.find((v) => v.name.toLowerCase() === t.value!.toLowerCase() || v.name.replace(/[-_]/g, '') === t.value!.replace(/[-_]/g, '').toLowerCase());
    const e = right && replaceIn(ctx, t.valueRange, t.value, right.name);
    return e ? [{ title: `Change to '${right!.name}'`, edits: [e], preferred: true }] : [];
  },
});
