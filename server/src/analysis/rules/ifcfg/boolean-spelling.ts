import { parseIfcfgBoolean } from '../../kb';
import type { Finding, IfcfgRule } from '../types';
import { effectiveAssignments, getKeyCached, liveAssignments, replaceValue, valueRange } from './util';

/** Each accepted-values list of the knowledge base, lower-cased once (not once per value checked). */
const lowered = new WeakMap<readonly string[], Set<string>>();

function accepts(values: readonly string[] | undefined, v: string): boolean {
  if (!values) return false;
  let set = lowered.get(values);
  if (!set) lowered.set(values, (set = new Set(values.map((x) => x.toLowerCase()))));
  return set.has(v.toLowerCase());
}

/**
 * A6: a yes/no key spelled in a way one of its readers does not understand — mostly on/off, which
 * initscripts accepts and NetworkManager does not (it then uses the key's default).
 */
const rule: IfcfgRule = {
  id: 'boolean-spelling',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Boolean value a consumer does not understand (on/off)',
  catalogue: ['A6'],
  check(ctx) {
    const out: Finding[] = [];
    for (const a of effectiveAssignments(ctx)) {
      if (!a.valueOk || a.value === '') continue;
      const key = getKeyCached(a.key);
      if (!key || key.valueType !== 'boolean' || !key.acceptedBy) continue;
      const nm = key.acceptedBy.nm;
      const init = key.acceptedBy.initscripts;
      const nmBad = !!nm && !accepts(nm.values, a.value);
      const initBad = !!init && !accepts(init.values, a.value);
      if (!nmBad && !initBad) continue;
      // A NetworkManager extension value (IPV6_AUTOCONF=shared) is deliberate: only NetworkManager acts on it.
      if (!nmBad && nm && parseIfcfgBoolean(a.value, 'nm') === undefined) continue;
      const initReads = parseIfcfgBoolean(a.value, 'initscripts');
      const want = initReads === undefined ? undefined : initReads ? 'yes' : 'no';
      const nmDefault = key.defaults?.nm ?? key.default ?? 'its default';
      let message: string;
      if (nmBad && init && !initBad) {
        message = `NetworkManager does not understand '${a.value}' as a boolean and uses the default for ${a.key} (${nmDefault}), while initscripts reads it as ${want}: the two disagree. Write ${a.key}=${want}.`;
      } else if (nmBad && !init) {
        message = `NetworkManager does not understand '${a.value}' as a boolean and uses the default for ${a.key} (${nmDefault}). Write ${want ? `${a.key}=${want}` : 'yes or no'}.`;
      } else if (nmBad) {
        message = `'${a.value}' is not a boolean for ${a.key}: NetworkManager uses the default (${nmDefault}) and initscripts treats it as neither yes nor no. Write yes or no.`;
      } else {
        message = `initscripts does not understand '${a.value}' as a boolean for ${a.key} and treats it as neither yes nor no. Write yes or no.`;
      }
      out.push({ range: valueRange(a), message, data: want ? { value: want } : undefined });
    }
    return out;
  },
  fix(f, ctx) {
    const v = f.data?.value;
    if (typeof v !== 'string') return [];
    const a = liveAssignments(ctx).find((x) => x.line === f.range.start.line);
    if (!a) return [];
    return [{ title: `Write ${a.key}=${v}`, edits: [replaceValue(ctx, a, v)], safe: true, preferred: true }];
  },
};
export default rule;
