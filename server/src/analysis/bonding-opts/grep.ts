// initscripts' duplicate check for ARP targets, `grep -q ADDR arp_ip_target`, emulated: ADDR is read as
// grep's basic regular expression and simulated as an NFA, O(|pattern| × |line|) — compiling document
// text into a JavaScript RegExp let one crafted line (`…,.*.*.*.*.*x`) freeze the server for minutes.
//
// Supported: literal characters, `.`, bracket expressions (`[0-9]`, `[^.]`, `[[:digit:]]`), `*` after
// an atom (a leading `*` is literal, as in BRE), `^` at the start and `$` at the end; `\c` is the
// character c. An unmatched `[` makes grep fail, so nothing matches (initscripts then writes the
// target). GNU's `\(…\)`, `\{m,n\}`, `\+`, `\?`, `\|` are read as literal characters.

type CharTest = (ch: string) => boolean;

interface Atom { test: CharTest; star: boolean }

const CLASSES: Record<string, CharTest> = {
  digit: (c) => c >= '0' && c <= '9',
  alpha: (c) => /^[A-Za-z]$/.test(c),
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  upper: (c) => c >= 'A' && c <= 'Z',
  lower: (c) => c >= 'a' && c <= 'z',
  space: (c) => /^\s$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
  print: (c) => c >= ' ' && c !== '\x7f',
  graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f',
};

/** A bracket expression starting at p[i] === '['; undefined when it is not closed. */
function bracket(p: string, i: number, n: number): { test: CharTest; next: number } | undefined {
  let j = i + 1;
  const negate = p[j] === '^';
  if (negate) j++;
  const parts: CharTest[] = [];
  let first = true;
  while (j < n && (first || p[j] !== ']')) {
    first = false;
    if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      const cls = close > 0 ? p.slice(j + 2, close) : '';
      if (close > 0 && Object.prototype.hasOwnProperty.call(CLASSES, cls)) { parts.push(CLASSES[cls]); j = close + 2; continue; }
    }
    const lo = p[j];
    if (p[j + 1] === '-' && j + 2 < n && p[j + 2] !== ']') {
      const hi = p[j + 2];
      parts.push((c) => c >= lo && c <= hi);
      j += 3;
    } else {
      parts.push((c) => c === lo);
      j++;
    }
  }
  if (j >= n) return undefined;
  return { test: (c) => parts.some((t) => t(c)) !== negate, next: j + 1 };
}

function compile(p: string): { atoms: Atom[]; start: boolean; end: boolean } | undefined {
  let i = 0;
  let n = p.length;
  const start = p.startsWith('^');
  if (start) i = 1;
  let end = false;
  if (n > i && p[n - 1] === '$') {
    let k = n - 2;
    while (k >= i && p[k] === '\\') k--;
    if ((n - 2 - k) % 2 === 0) { end = true; n--; }
  }
  const atoms: Atom[] = [];
  while (i < n) {
    const c = p[i];
    let test: CharTest;
    if (c === '\\' && i + 1 < n) { const lit = p[i + 1]; test = (ch) => ch === lit; i += 2; }
    else if (c === '.') { test = () => true; i++; }
    else if (c === '[') { const b = bracket(p, i, n); if (!b) return undefined; test = b.test; i = b.next; }
    else { test = (ch) => ch === c; i++; } // includes a leading '*', which BRE reads literally
    let star = false;
    while (i < n && p[i] === '*') { star = true; i++; }
    atoms.push({ test, star });
  }
  return { atoms, start, end };
}

/** Whether `grep -q pattern` finds a match in `line` (basic regular expression, see above). */
export function grepLine(line: string, pattern: string): boolean {
  const re = compile(pattern);
  if (!re) return false;
  const { atoms, start, end } = re;
  const n = atoms.length;
  const close = (set: Uint8Array) => { for (let k = 0; k < n; k++) if (set[k] && atoms[k].star) set[k + 1] = 1; };
  let cur = new Uint8Array(n + 1);
  cur[0] = 1;
  close(cur);
  for (let j = 0; j < line.length; j++) {
    if (cur[n] && !end) return true;
    const next = new Uint8Array(n + 1);
    for (let k = 0; k < n; k++) if (cur[k] && atoms[k].test(line[j])) next[atoms[k].star ? k : k + 1] = 1;
    if (!start) next[0] = 1;
    close(next);
    cur = next;
  }
  return cur[n] === 1;
}
