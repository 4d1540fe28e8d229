// Faithful models of the small parsers the kernel applies to bonding values. Pure, no I/O.
//
// Two different parsers matter for a bond:
//  * bond_opt_parse() (drivers/net/bonding/bond_options.c) — used for every sysfs write
//    (/sys/class/net/<bond>/bonding/<opt>, which is what initscripts does with BONDING_OPTS) and for
//    the string-typed module parameters (mode, xmit_hash_policy, lacp_rate, ...).
//  * kstrtoint()/kstrtouint() with base 0 (lib/kstrtox.c via kernel/params.c) — used for the
//    integer-typed module parameters (miimon, updelay, max_bonds, ...).
// They accept different spellings: sysfs takes `miimon=off`, the module parameter does not; the
// module parameter takes `miimon=0x64`, sysfs does not.

/** One entry of a bonding option value table (`struct bond_opt_value`). */
export interface KernelTableEntry {
  readonly name: string;
  readonly number: number;
  /** Entry carries BOND_VALFLAG_DEFAULT: the literal word "default" resolves to it. */
  readonly isDefault?: boolean;
}

/** A bonding option's value table: named entries (in kernel order) plus an optional numeric range. */
export interface KernelValueTable {
  readonly entries: readonly KernelTableEntry[];
  /**
   * Inclusive numeric range, present only when the kernel table has a BOND_VALFLAG_MAX entry
   * (a missing BOND_VALFLAG_MIN entry means 0). Enumerations (mode, lacp_rate, ...) have no range:
   * only the listed numbers are valid.
   */
  readonly range?: { readonly min: number; readonly max: number };
}

export type KernelParseResult =
  | {
      readonly ok: true;
      /** The numeric value the kernel stores. */
      readonly number: number;
      /** Table entry that matched (absent for a plain in-range number that has no name). */
      readonly name?: string;
      readonly matchedBy: 'name' | 'default-keyword' | 'number' | 'range';
    }
  | {
      readonly ok: false;
      /**
       * empty: nothing but whitespace; unknown-name: a word that is not in the table (names are
       * case-sensitive); not-in-table: a number that is not a listed value (enumerations);
       * out-of-range: a number outside the table's min..max.
       */
      readonly reason: 'empty' | 'unknown-name' | 'not-in-table' | 'out-of-range';
    };

/** C `isspace()` as the kernel defines it for ASCII: space, \t, \n, \v, \f, \r. */
export function isCSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

const U64_MOD = 1n << 64n;
/** Longest name the kernel compares (`sscanf(val, "%32s", ...)`; BOND_OPT_MAX_NAMELEN is 32). */
export const BOND_OPT_MAX_NAMELEN = 32;

/**
 * Parses a value exactly like bond_opt_parse() does for a string coming from sysfs or from a
 * string module parameter:
 *  1. everything from the first "\n" on is dropped (echo's trailing newline);
 *  2. if every remaining character is a digit or whitespace, the value is read as an unsigned
 *     decimal number (`%llu`: leading whitespace skipped, reading stops at the first non-digit,
 *     so "  4 " is 4 and "4 5" is 4; no sign, no hex, leading zeros are fine);
 *     the number must equal a table entry or lie inside the table's range;
 *  3. otherwise the first whitespace-delimited word (at most 32 characters, leading whitespace
 *     skipped, anything after the word ignored) must equal an entry name exactly — the comparison
 *     is case-sensitive — or be the word "default" when the table has a default entry.
 */
export function kernelParseTableValue(table: KernelValueTable, raw: string): KernelParseResult {
  const nl = raw.indexOf('\n');
  const s = nl >= 0 ? raw.slice(0, nl) : raw;

  let numeric = true;
  for (const ch of s) {
    if (!isDigit(ch) && !isCSpace(ch)) {
      numeric = false;
      break;
    }
  }

  if (numeric) {
    let i = 0;
    while (i < s.length && isCSpace(s[i])) i++;
    if (i >= s.length || !isDigit(s[i])) return { ok: false, reason: 'empty' };
    let v = 0n;
    while (i < s.length && isDigit(s[i])) {
      v = (v * 10n + BigInt(s.charCodeAt(i) - 48)) % U64_MOD; // the kernel's u64 wraps silently
      i++;
    }
    for (const e of table.entries) {
      if (BigInt(e.number) === v) return { ok: true, number: e.number, name: e.name, matchedBy: 'number' };
    }
    if (table.range && v >= BigInt(table.range.min) && v <= BigInt(table.range.max)) {
      return { ok: true, number: Number(v), matchedBy: 'range' };
    }
    return { ok: false, reason: table.range ? 'out-of-range' : 'not-in-table' };
  }

  let i = 0;
  while (i < s.length && isCSpace(s[i])) i++;
  let j = i;
  while (j < s.length && !isCSpace(s[j]) && j - i < BOND_OPT_MAX_NAMELEN) j++;
  const word = s.slice(i, j);
  for (const e of table.entries) {
    if (word === 'default' && e.isDefault) return { ok: true, number: e.number, name: e.name, matchedBy: 'default-keyword' };
    if (word === e.name) return { ok: true, number: e.number, name: e.name, matchedBy: 'name' };
  }
  return { ok: false, reason: 'unknown-name' };
}

export type KernelIntParseResult =
  | { readonly ok: true; readonly number: number }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'overflow' };

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT_MAX = 4294967295;

/**
 * Parses an integer module parameter like kstrtoint()/kstrtouint() with base 0, which is what
 * `module_param(x, int, 0)` uses: an optional "+" (or "-" for signed), then "0x"/"0X" + hex digits,
 * or a leading "0" + octal digits, or decimal; one trailing "\n" is tolerated, nothing else may
 * follow. Anything else (e.g. "100ms", "on", "") makes the module load fail.
 * `undefined` stands for a parameter written without "=value", which the kernel also rejects.
 */
export function kernelParseModuleInt(raw: string | undefined, unsigned = false): KernelIntParseResult {
  if (raw === undefined) return { ok: false, reason: 'missing' };
  let s = raw;
  let negative = false;
  if (s.startsWith('+')) s = s.slice(1);
  else if (!unsigned && s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (s.endsWith('\n')) s = s.slice(0, -1);
  let base = 10;
  if (s.length >= 3 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && /[0-9a-fA-F]/.test(s[2])) {
    base = 16;
    s = s.slice(2);
  } else if (s.startsWith('0')) {
    base = 8;
  }
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return { ok: false, reason: 'invalid' };
  let v = 0n;
  for (const ch of s) {
    v = v * BigInt(base) + BigInt(parseInt(ch, 16));
    if (v >= U64_MOD) return { ok: false, reason: 'overflow' };
  }
  const n = negative ? -v : v;
  const lo = unsigned ? 0n : BigInt(INT_MIN);
  const hi = unsigned ? BigInt(UINT_MAX) : BigInt(INT_MAX);
  if (n < lo || n > hi) return { ok: false, reason: 'overflow' };
  return { ok: true, number: Number(n) };
}

/** UTF-8 encoding of a string (kept dependency-free: no Buffer/TextEncoder needed). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Number of bytes a string takes in UTF-8 (interface-name limits are in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** IFNAMSIZ is 16 including the terminating NUL, so a name holds at most 15 bytes. */
export const IFNAME_MAX_BYTES = 15;

/**
 * Why the kernel (dev_valid_name(), mirrored by NetworkManager) would refuse an interface name,
 * or undefined if it is acceptable: empty, longer than 15 bytes, "." or "..", or containing "/",
 * ":" or whitespace.
 */
export function interfaceNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'interface name is empty';
  if (utf8Length(name) > IFNAME_MAX_BYTES) return `interface name is longer than ${IFNAME_MAX_BYTES} bytes`;
  if (name === '.' || name === '..') return 'interface name cannot be "." or ".."';
  for (const ch of name) {
    if (ch === '/' || ch === ':' || isCSpace(ch)) return `interface name cannot contain ${JSON.stringify(ch)}`;
    // The kernel tests each byte with its own isspace(), which also flags 0xA0; that byte occurs in
    // the UTF-8 form of some non-ASCII characters (e.g. U+00A0, "à").
    if (utf8Bytes(ch).includes(0xa0)) return `interface name cannot contain ${JSON.stringify(ch)} (the kernel treats one of its bytes as whitespace)`;
  }
  return undefined;
}

/**
 * The kernel's in4_pton(src, -1, …, delim = -1, …), as the bonding driver reads an ARP target (sysfs
 * `+ADDRESS` and the `arp_ip_target` module parameter alike): four dot-separated decimal parts, each
 * at most 255 (leading zeros allowed, no empty part), then the end of the string or a delimiter, which
 * is any character but a hex digit or a dot (`10.0.0.1/24`, `10.0.0.1:5`, `10.0.0.1g` read as 10.0.0.1;
 * `10.0.0.1a` and `10.0.0.1.` fail). `rest` is what the kernel ignores after the address.
 * Checked against the bonding oracle (Linux 6.1).
 */
export function kernelIn4Pton(s: string): { parts: number[]; rest: string } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?=$|[^0-9a-fA-F.])/.exec(s);
  if (!m) return undefined;
  const parts: number[] = [];
  for (const p of m.slice(1, 5)) {
    const digits = p.replace(/^0+(?=\d)/, '');
    if (digits.length > 3 || Number(digits) > 255) return undefined;
    parts.push(Number(digits));
  }
  return { parts, rest: s.slice(m[0].length) };
}
