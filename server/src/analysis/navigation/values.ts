// How a bonding option value reads to a human: the name behind a number (mode=4 → 802.3ad,
// xmit_hash_policy=1 → layer3+4) and the unit of a plain number (miimon=100 → ms).
import { getOption, parseEnumValue, type BondOption } from '../kb/options';
import { modeByName } from '../kb/modes';

const DIGITS = /^[0-9]+$/;

function optionOf(key: string): BondOption | undefined {
  return getOption(key.replace(/-/g, '_'));
}

/** The named value a number stands for, when the option is an enumeration (or off/on) and the value a plain number. */
export function valueName(key: string, value: string | undefined): { name: string; description?: string } | undefined {
  if (value === undefined || !DIGITS.test(value)) return undefined;
  const opt = optionOf(key);
  if (!opt?.values) return undefined;
  const v = parseEnumValue(opt, value);
  if (!v) return undefined;
  const description = opt.name === 'mode' ? modeByName(v.name)?.summary : opt.values.find((x) => x.number === v.number)?.description;
  return { name: v.name, description };
}

/** 'ms' or 's' for a plain number given to a time-valued option. */
export function valueUnit(key: string, value: string | undefined): 'ms' | 's' | undefined {
  if (value === undefined || !DIGITS.test(value)) return undefined;
  const u = optionOf(key)?.unit;
  return u === 'ms' || u === 's' ? u : undefined;
}

/** The value as a symbol detail: `4 (802.3ad)`, `100 ms`, or the value as written. */
export function describeValue(key: string, value: string | undefined): string {
  if (value === undefined) return '';
  const n = valueName(key, value);
  if (n) return `${value} (${n.name})`;
  const u = valueUnit(key, value);
  return u ? `${value} ${u}` : value;
}
