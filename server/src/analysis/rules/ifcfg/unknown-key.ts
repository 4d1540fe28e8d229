import { IFCFG_KEYS, resolveKey } from '../../kb';
import { nearest, trimEndChars } from '../../text';
import type { IfcfgRule, RuleSeverity } from '../types';
import { EXTRA_KEYS, EXTRA_NUMBERED, isExtraKnownKey, SUSE_ONLY_KEYS, SUSE_RENAME_IS_FIX } from './extra-known-keys';
import { liveAssignments, renameKey } from './util';
import { rememberByString } from '../../memo';

/** Keys whose misspelling breaks bonding itself (the near miss is then an error). */
const BONDING_KEYS = new Set(['BONDING_OPTS', 'BONDING_MASTER', 'MASTER', 'SLAVE', 'MASTER_UUID']);

/** Spellings to suggest: the knowledge base first (the everyday keys), then the other real keys. */
let candidates: string[] | undefined;
function allCandidates(): string[] {
  if (!candidates) {
    const kb = IFCFG_KEYS.filter((k) => !k.usedBy.every((u) => u === 'suse-sysconfig'))
      .map((k) => (k.numbering && !k.numbering.bareName ? `${k.name}${k.numbering.firstIndex}` : k.name));
    candidates = [...kb, ...EXTRA_KEYS];
  }
  return candidates;
}

/** Numbered keys (IPADDR, DNS, ...) for suggestions like IPADR2 -> IPADDR2. */
let numberedBases: string[] | undefined;
function allNumberedBases(): string[] {
  if (!numberedBases) numberedBases = [...IFCFG_KEYS.filter((k) => k.numbered && !k.usedBy.every((u) => u === 'suse-sysconfig')).map((k) => k.name), ...EXTRA_NUMBERED];
  return numberedBases;
}

interface Verdict { suggestion?: string; reason: 'unknown' | 'leading-zero' | 'suse'; renameFixes: boolean }

const DIGITS = '0123456789';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A key whose number has leading zeros, split as /^([A-Za-z_][A-Za-z0-9_]*?)0+([0-9]+)$/ would split
 * it (shortest base, then the zeros, then at least one digit), in linear time: that regex backtracks
 * cubically on a long run of zeros that is not at the end (found by npm run fuzz).
 */
export function leadingZeroSplit(key: string): { base: string; digits: string } | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return undefined;
  let t = key.length;
  while (t > 0 && isDigit(key[t - 1])) t--;
  // The base is at least one character; the zeros start at the first '0' of the trailing digits that
  // leaves room for one more digit after it.
  let p = Math.max(t, 1);
  while (p < key.length - 1 && key[p] !== '0') p++;
  if (p >= key.length - 1 || key[p] !== '0') return undefined;
  let z = p;
  while (z < key.length - 1 && key[z] === '0') z++;
  return { base: key.slice(0, p), digits: key.slice(z) };
}

function judge(key: string): Verdict | undefined {
  const kb = resolveKey(key);
  if (kb) {
    if (!kb.key.usedBy.every((u) => u === 'suse-sysconfig')) return undefined;
    const rhel = SUSE_ONLY_KEYS.get(kb.key.name);
    return { suggestion: rhel, reason: 'suse', renameFixes: SUSE_RENAME_IS_FIX.has(kb.key.name) };
  }
  if (isExtraKnownKey(key)) return undefined;
  if (SUSE_ONLY_KEYS.has(key)) return { suggestion: SUSE_ONLY_KEYS.get(key), reason: 'suse', renameFixes: SUSE_RENAME_IS_FIX.has(key) };
  // IPADDR01: a number with leading zeros is never read; IPADDR1 is.
  const lz = leadingZeroSplit(key);
  if (lz) {
    const fixed = lz.base + String(Number(lz.digits));
    if (fixed !== key && (resolveKey(fixed) || isExtraKnownKey(fixed))) return { suggestion: fixed, reason: 'leading-zero', renameFixes: true };
  }
  const max = key.length <= 4 ? 1 : 2;
  // A numbered key with a misspelt base: IPADR2 -> IPADDR2.
  const num = /^(.*?[^0-9])([0-9]+)$/.exec(key);
  if (num) {
    const base = nearest(num[1], allNumberedBases(), max);
    if (base) {
      const s = base + num[2];
      if (resolveKey(s) || isExtraKnownKey(s)) return { suggestion: s, reason: 'unknown', renameFixes: true };
    }
  }
  const s = nearest(key, allCandidates(), max);
  return { suggestion: s, reason: 'unknown', renameFixes: !!s };
}

/** judge() per key name, remembered: it depends on the name only, and the same keys recur in every file. */
const verdictOf = rememberByString(judge);

/** A5: a key neither initscripts nor NetworkManager reads (usually a misspelling); both ignore it silently. */
const rule: IfcfgRule = {
  id: 'unknown-key',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Unknown or misspelled key',
  catalogue: ['A5'],
  check(ctx) {
    const out = [];
    for (const a of liveAssignments(ctx)) {
      const v = verdictOf(a.key);
      if (!v) continue;
      const severity: RuleSeverity | undefined = v.suggestion && BONDING_KEYS.has(trimEndChars(v.suggestion, DIGITS)) ? 'error' : undefined;
      let message: string;
      if (v.reason === 'suse') {
        message = `${a.key} is a SUSE sysconfig key: neither initscripts nor NetworkManager reads it on RHEL-family systems, so it has no effect.`
          + (v.suggestion ? ` The RHEL key is ${v.suggestion}.` : ' On RHEL each member gets its own ifcfg file with MASTER=<bond> and SLAVE=yes.');
      } else if (v.reason === 'leading-zero') {
        message = `Neither initscripts nor NetworkManager reads a numbered key with leading zeros: ${a.key} is ignored. Write ${v.suggestion}.`;
      } else if (v.suggestion && v.suggestion.toLowerCase() === a.key.toLowerCase()) {
        message = `Keys are case-sensitive: '${a.key}' is not ${v.suggestion}, so initscripts and NetworkManager both ignore it. Write ${v.suggestion}.`;
      } else {
        message = `Unknown key '${a.key}': initscripts and NetworkManager both ignore it silently.`
          + (v.suggestion ? ` Did you mean ${v.suggestion}?` : ' Check the spelling or remove it.');
      }
      out.push({
        range: a.keyRange,
        message,
        severity,
        data: v.suggestion && v.renameFixes ? { suggestion: v.suggestion } : undefined,
      });
    }
    return out;
  },
  fix(f, ctx) {
    const s = f.data?.suggestion;
    if (typeof s !== 'string') return [];
    const a = liveAssignments(ctx).find((x) => x.line === f.range.start.line);
    if (!a) return [];
    return [{ title: `Rename to ${s}`, edits: [renameKey(a, s)], preferred: true, safe: s.toLowerCase() === a.key.toLowerCase() }];
  },
};
export default rule;
