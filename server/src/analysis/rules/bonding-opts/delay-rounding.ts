import { noteRule, replaceIn, tokenOf, optsOf } from './util';

/** E10 (warning part): updelay/downdelay not a multiple of miimon are rounded down. */
export default noteRule({
  id: 'bonding-opts-delay-not-multiple',
  title: 'Delay that is not a multiple of miimon',
  catalogue: ['E10'],
  kinds: ['delay-rounding'],
  fix: (f, ctx) => {
    const t = tokenOf(ctx, f);
    const miimon = optsOf(ctx)?.sim.state.miimon;
    if (!t?.valueRange || t.value === undefined || !miimon) return [];
    const n = Number(t.value);
    if (!Number.isFinite(n)) return [];
    const down = Math.floor(n / miimon) * miimon;
    const up = down + miimon;
    const fixes = [];
    for (const v of [down, up]) {
      const e = replaceIn(ctx, t.valueRange, t.value, String(v));
      if (e && v >= 0) fixes.push({ title: `Change ${t.key} to ${v}${v === down ? ' (what the kernel uses)' : ''}`, edits: [e] });
    }
    return fixes;
  },
});
