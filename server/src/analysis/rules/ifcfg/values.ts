// Small, strict validators for ifcfg values, as NetworkManager parses them (glibc inet_pton and
// NetworkManager's own MAC parser); initscripts hands the same strings to ip(8) and ipcalc.

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** A dotted-quad IPv4 address as inet_pton() accepts it (no leading zeros, no shorthand). */
export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

export function ipv4ToNumber(s: string): number {
  return s.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** A netmask whose one-bits are contiguous (255.255.255.0 yes, 255.0.255.0 no). */
export function isContiguousNetmask(s: string): boolean {
  if (!isIPv4(s)) return false;
  const inv = (~ipv4ToNumber(s)) >>> 0;
  return ((inv + 1) & inv) >>> 0 === 0;
}

/** An IPv6 address as inet_pton() accepts it (including '::' and an IPv4 tail). */
export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.length > 45) return false;
  let head = s;
  let tailGroups = 0;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return false;
  if (s.includes('.')) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    head = s.slice(0, lastColon + 1) + '0';
    tailGroups = 1; // the IPv4 tail is two groups; '0' stands for one of them
  }
  const dbl = head.indexOf('::');
  if (dbl >= 0 && head.indexOf('::', dbl + 1) >= 0) return false;
  const group = /^[0-9A-Fa-f]{1,4}$/;
  const count = (part: string): number | undefined => {
    if (part === '') return 0;
    const gs = part.split(':');
    return gs.every((g) => group.test(g)) ? gs.length : undefined;
  };
  if (dbl >= 0) {
    const left = count(head.slice(0, dbl));
    const right = count(head.slice(dbl + 2));
    if (left === undefined || right === undefined) return false;
    return left + right + tailGroups <= 7;
  }
  const n = count(head);
  return n !== undefined && n + tailGroups === 8;
}

/** `addr` or `addr/prefix` (0-128). */
export function isIPv6WithPrefix(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return isIPv6(s);
  const p = s.slice(slash + 1);
  return isIPv6(s.slice(0, slash)) && /^[0-9]{1,3}$/.test(p) && Number(p) <= 128;
}

/** `addr` or `addr%interface`. */
export function isIPv6Gateway(s: string): boolean {
  const pct = s.indexOf('%');
  if (pct < 0) return isIPv6(s);
  return isIPv6(s.slice(0, pct)) && pct + 1 < s.length;
}

export type MacVerdict = 'ok' | 'nonstandard' | 'invalid';

/**
 * A MAC address of `octets` bytes. 'ok' = colon-separated hex pairs (what initscripts compares
 * against); 'nonstandard' (dashes, one-digit bytes) = NetworkManager accepts it but initscripts' textual comparison fails;
 * 'invalid' = NetworkManager rejects it.
 */
export function macVerdict(s: string, octets: readonly number[]): MacVerdict {
  for (const n of octets) {
    if (new RegExp(`^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){${n - 1}}$`).test(s)) return 'ok';
  }
  for (const n of octets) {
    if (new RegExp(`^[0-9A-Fa-f]{1,2}(?:([-:])[0-9A-Fa-f]{1,2}){${n - 1}}$`).test(s)) {
      const seps = s.replace(/[0-9A-Fa-f]/g, '');
      if (/^(:+|-+)$/.test(seps)) return 'nonstandard';
    }
  }
  return 'invalid';
}

/** Colon-separated, two digits per byte, letter case kept. */
export function normaliseMac(s: string): string {
  return s.split(/[-:]/).map((b) => (b.length === 1 ? '0' + b : b)).join(':');
}

/** A decimal integer, optionally negative (surrounding blanks allowed, as NetworkManager's integer reader allows). */
export function parseDecimal(s: string): number | undefined {
  const t = s.trim();
  return /^-?[0-9]{1,15}$/.test(t) ? Number(t) : undefined;
}
