// A model of what happens when initscripts applies BONDING_OPTS to a new bond through sysfs, and of
// what the bonding driver says to each write. Pure: it judges tokens, it touches no system.
//
// The order is initscripts' (install_bonding_driver + ifup-eth): every `mode` and `miimon` token first,
// in the order written; then every other token in order, `primary` excepted; `arp_ip_target` split on
// commas and added one address at a time; `primary` last, after the members are enslaved.
// The driver's behaviour is that of the sysfs store path: a value table check (bond_opt_parse), the
// mode dependency check (unsuppmodes), then the option's setter with its own checks and side effects.
import { getOption, MAX_ARP_TARGETS, parseOptionValue, type BondOption } from '../kb/options';
import { MODES, type ModeName } from '../kb/modes';
import { interfaceNameProblem, kernelIn4Pton } from '../kb/parse';
import type { OptToken } from './tokens';
import { grepLine } from './grep';

/** Transmit queues of a bond unless the module parameter tx_queues says otherwise. */
const DEFAULT_TX_QUEUES = 16;

/** Files of /sys/class/net/<dev>/ that a `../name` key would write. */
const NETDEV_ATTRIBUTES = new Set(['mtu', 'tx_queue_len', 'flags', 'ifalias', 'group', 'gro_flush_timeout', 'napi_defer_hard_irqs', 'netdev_group', 'proto_down', 'carrier']);

/** Resolves a key used as a path below /sys/class/net/<bond>/bonding/ (undefined if it leaves /sys/class/net/<bond>). */
export function normalizeSysfsPath(key: string): string | undefined {
  const out: string[] = [];
  for (const part of key.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else out.push('..'); continue; }
    out.push(part);
  }
  if (out.filter((p) => p === '..').length > 1) return undefined;
  return out.join('/');
}

export type Outcome = 'accepted' | 'rejected' | 'skipped';

export type RejectCause =
  | 'unknown-option'   // no such file under bonding/
  | 'module-only'      // max_bonds, tx_queues: module parameters without a sysfs file
  | 'invalid-value'    // the value table, range or address parser refuses it
  | 'mode'             // "mode dependency failed"
  | 'needs-miimon'     // updelay/downdelay/peer_notif_delay while miimon is 0
  | 'has-members'      // option that needs a member-less bond, after slaves=+x
  | 'member-state'     // active_slave / queue_id / slaves naming interfaces not enslaved
  | 'path';            // key used as a path that leaves the options directory

export type NoteKind =
  | 'monitor-conflict' // miimon and arp_interval turning each other off
  | 'delay-rounding'   // updelay/downdelay not a multiple of miimon
  | 'ignored-text'     // the kernel reads a prefix of the value and ignores the rest
  | 'echo-flag'        // a value echo takes as its own flag
  | 'path-key'         // key written as a path
  | 'enslave'          // slaves=+x inside BONDING_OPTS
  | 'grep-skip'        // initscripts' grep de-duplication skips an ARP target
  | 'no-op';           // accepted and means "as if unset"

export interface Note {
  kind: NoteKind;
  message: string;
}

export interface Verdict {
  token: OptToken;
  outcome: Outcome;
  /** Why it was rejected (or skipped), in words for the user. */
  reason?: string;
  /** errno name the write fails with, when rejected. */
  errno?: 'EINVAL' | 'EACCES' | 'EPERM' | 'ENOENT' | 'ENODEV' | 'EBUSY';
  /** What kind of rejection: lets each rule report its own kind. */
  cause?: RejectCause;
  /** Accepted, but with a side effect worth telling. */
  notes: Note[];
  /** The sysfs writes this token caused, in order (arp_ip_target lists cause one per address). */
  writes: { key: string; value: string; ok: boolean }[];
}

export interface BondState {
  mode: ModeName;
  miimon: number;
  arpInterval: number;
  updelay: number;
  downdelay: number;
  arpTargets: string[];
  primary?: string;
  /** Interfaces enslaved so far (through `slaves=+ifname` tokens; the members' own files come later). */
  enslaved: string[];
  /** queue_id per member. */
  queueIds: Map<string, number>;
  /** Every option written successfully, by name, with the last value that took. */
  values: Map<string, string>;
}

export interface Simulation {
  verdicts: Verdict[];
  state: BondState;
  /** Token whose write turned link monitoring off, etc.: facts for rules about the final state. */
  monitoringDisabledBy?: OptToken;
}

export interface SimulateOptions {
  /** Names of the bond's members (enslaved before `primary` is written). Unknown → not judged. */
  members?: readonly string[];
}

const MONITOR_FORCED_MODES: ReadonlySet<ModeName> = new Set(['802.3ad', 'balance-tlb', 'balance-alb']);

function modeName(n: number): ModeName {
  return MODES.find((m) => m.number === n)?.name ?? 'balance-rr';
}

/** IPv4 in dotted-quad form (four decimal parts, each 0-255, nothing after). */
export function parseIPv4(s: string): number[] | undefined {
  const r = kernelIn4Pton(s);
  return r && r.rest === '' ? r.parts : undefined;
}

/** What `echo VALUE > file` stores in the kernel's buffer: the value, trailing newline trimmed. */
function sysfsString(v: string): string {
  return v.trimEnd();
}

export function simulate(tokens: readonly OptToken[], opts: SimulateOptions = {}): Simulation {
  const st: BondState = { mode: 'balance-rr', miimon: 0, arpInterval: 0, updelay: 0, downdelay: 0, arpTargets: [], enslaved: [], queueIds: new Map(), values: new Map() };
  const verdicts = new Map<OptToken, Verdict>();
  const sim: Simulation = { verdicts: [], state: st };
  const verdict = (t: OptToken): Verdict => {
    let v = verdicts.get(t);
    if (!v) { v = { token: t, outcome: 'accepted', notes: [], writes: [] }; verdicts.set(t, v); }
    return v;
  };
  const reject = (t: OptToken, errno: Verdict['errno'], reason: string, cause: RejectCause = 'invalid-value'): void => {
    const v = verdict(t);
    v.outcome = 'rejected';
    v.errno = errno;
    v.cause ??= cause;
    v.reason = v.reason ? `${v.reason}; ${reason}` : reason;
  };

  const write = (t: OptToken, key: string, rawValue: string): boolean => {
    const w = { key, value: rawValue, ok: false };
    verdict(t).writes.push(w);
    w.ok = store(t, key, rawValue);
    return w.ok;
  };

  const store = (t: OptToken, rawKey: string, value0: string): boolean => {
    let rawValue = value0;
    // initscripts uses the key as a file name under bonding/ without checking it.
    const key = rawKey.includes('/') ? normalizeSysfsPath(rawKey) : rawKey;
    if (key === undefined || key.startsWith('../')) {
      const outside = key?.slice(3);
      if (outside && NETDEV_ATTRIBUTES.has(outside)) {
        verdict(t).notes.push({ kind: 'path-key', message: `'${rawKey}' is a path: initscripts writes the bond's own ${outside} file (/sys/class/net/<bond>/${outside}), outside the bonding options. Set ${outside.toUpperCase()}= in the ifcfg file instead` });
        return true;
      }
      reject(t, 'ENOENT', `'${rawKey}' is a path outside the bonding options directory; initscripts would write to a sysfs file that is not a bonding option`, 'path');
      return false;
    }
    if (key !== rawKey) verdict(t).notes.push({ kind: 'path-key', message: `'${rawKey}' is a path that happens to name the ${key} option; write ${key}= instead` });
    if (rawKey.endsWith('/')) {
      reject(t, 'ENOENT', `'${rawKey}' ends in '/': initscripts cannot open it as a file`, 'path');
      return false;
    }
    // `echo -n …` takes the value as one of echo's own flags and writes nothing at all; `echo -e`
    // (without n) writes an empty line, which the kernel then judges as an empty value.
    if (/^-[neE]+$/.test(rawValue)) {
      if (rawValue.includes('n')) {
        verdict(t).notes.push({ kind: 'echo-flag', message: `initscripts writes the value with echo, which takes '${rawValue}' as one of its own flags: nothing is written and ${key} keeps its previous value` });
        return true;
      }
      rawValue = '';
    }
    const opt = getOption(key);
    if (!opt || !opt.sysfs) {
      reject(t, 'ENOENT', opt
        ? `'${key}' is a module parameter only: there is no /sys/class/net/<bond>/bonding/${key}, so initscripts cannot set it per bond`
        : `the bonding driver has no option '${key}' (initscripts writes to /sys/class/net/<bond>/bonding/${key}, which does not exist)`, opt ? 'module-only' : 'unknown-option');
      return false;
    }
    const value = sysfsString(rawValue);
    if (opt.rejectedIn.includes(st.mode)) {
      reject(t, 'EACCES', `the kernel refuses '${key}' in mode ${st.mode} ("mode dependency failed"); it is only accepted in ${modesExcept(opt.rejectedIn)}`, 'mode');
      return false;
    }
    if (opt.requiresNoMembers && st.enslaved.length) {
      reject(t, 'EPERM', `${key} can only be changed while the bond has no members, and ${st.enslaved.join(', ')} ${st.enslaved.length > 1 ? 'were' : 'was'} enslaved earlier in this list`, 'has-members');
      return false;
    }
    return setOption(t, opt, value);
  };

  const setOption = (t: OptToken, opt: BondOption, value: string): boolean => {
    const parsed = parsedValue(opt, value);
    if (parsed && !parsed.ok) {
      reject(t, 'EINVAL', describeParseFailure(opt, value, parsed.reason));
      return false;
    }
    const num = parsed && parsed.ok ? parsed.number : undefined;
    switch (opt.name) {
      case 'mode': {
        st.mode = modeName(num!);
        if (MONITOR_FORCED_MODES.has(st.mode)) {
          if (st.arpInterval) { st.arpInterval = 0; verdict(t).notes.push({ kind: 'monitor-conflict', message: `mode ${st.mode} cannot use ARP monitoring: the kernel turns arp_interval off` }); }
          if (!st.miimon) st.miimon = 100;
        }
        break;
      }
      case 'miimon':
        st.miimon = num!;
        if (num! > 0 && st.arpInterval) {
          st.arpInterval = 0;
          verdict(t).notes.push({ kind: 'monitor-conflict', message: 'setting miimon turns ARP monitoring (arp_interval) off: the two monitors cannot run together' });
        }
        break;
      case 'arp_interval':
        st.arpInterval = num!;
        if (num! > 0 && st.miimon) {
          sim.monitoringDisabledBy = t;
          st.miimon = 0;
          verdict(t).notes.push({ kind: 'monitor-conflict', message: 'setting arp_interval turns MII monitoring (miimon) off: the two monitors cannot run together' });
        }
        break;
      case 'updelay':
      case 'downdelay':
      case 'peer_notif_delay':
        if (opt.requiresMiimon && !st.miimon) {
          reject(t, 'EPERM', `${opt.name} needs MII monitoring, but miimon is 0 at this point${sim.monitoringDisabledBy ? ` (${sim.monitoringDisabledBy.text} turned it off)` : ''}`, 'needs-miimon');
          return false;
        }
        if (opt.name === 'updelay') st.updelay = num!;
        if (opt.name === 'downdelay') st.downdelay = num!;
        if (opt.multipleOfMiimon && st.miimon && num! % st.miimon !== 0) {
          verdict(t).notes.push({ kind: 'delay-rounding', message: `${opt.name}=${num} is not a multiple of miimon=${st.miimon}: the kernel rounds it down to ${Math.floor(num! / st.miimon) * st.miimon} ms` });
        }
        break;
      case 'arp_ip_target':
        return arpTarget(t, value);
      case 'ns_ip6_target':
        if (!value.startsWith('+') && !value.startsWith('-')) {
          reject(t, 'EPERM', 'the kernel expects +ADDRESS or -ADDRESS for ns_ip6_target');
          return false;
        }
        if (!isIPv6(value.slice(1))) {
          reject(t, 'EINVAL', `'${value.slice(1)}' is not an IPv6 address`);
          return false;
        }
        break;
      case 'ad_actor_system': {
        // mac_pton(): six two-digit hex bytes separated by ':'; anything after them is ignored.
        const mac = /^([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2})/.exec(value);
        if (!mac) { reject(t, 'EINVAL', `'${value}' is not a MAC address: the kernel wants six two-digit hex bytes (02:00:00:00:00:01)`); return false; }
        const bytes = mac.slice(1).map((h) => parseInt(h, 16));
        if (bytes[0] & 1) { reject(t, 'EINVAL', `${value} is a multicast address; the LACP system id must be unicast`); return false; }
        if (mac[0].length < value.length) verdict(t).notes.push({ kind: 'ignored-text', message: `the kernel reads only '${mac[0]}' and ignores '${value.slice(mac[0].length)}'` });
        if (bytes.every((b) => b === 0)) verdict(t).notes.push({ kind: 'no-op', message: '00:00:00:00:00:00 tells the kernel to use the bond\'s own MAC as the LACP system id, the same as not setting it' });
        break;
      }
      case 'primary':
      case 'active_slave': {
        const p = interfaceNameProblem(value);
        if (value && p && opt.name === 'active_slave') { reject(t, 'EINVAL', p, 'invalid-value'); return false; }
        if (opt.name === 'primary') st.primary = value;
        if (opt.name === 'active_slave' && value && !st.enslaved.includes(value)) {
          reject(t, 'EINVAL', `'${value}' is not enslaved when BONDING_OPTS is applied (members join afterwards), so the kernel cannot make it active; use primary=${value} instead`, 'member-state');
          return false;
        }
        break;
      }
      case 'slaves': {
        if (!/^[+-]./.test(value)) { reject(t, 'EPERM', "the kernel expects '+ifname' or '-ifname' for slaves"); return false; }
        const ifname = value.slice(1);
        if (value.startsWith('-')) {
          const i = st.enslaved.indexOf(ifname);
          if (i < 0) { reject(t, 'EINVAL', `${ifname} is not a member at this point`, 'member-state'); return false; }
          st.enslaved.splice(i, 1);
          return true;
        }
        if (opts.members && !opts.members.includes(ifname)) { reject(t, 'ENODEV', `there is no interface ${ifname} to enslave`, 'member-state'); return false; }
        if (st.enslaved.includes(ifname)) { reject(t, 'EBUSY', `${ifname} is already a member`, 'member-state'); return false; }
        st.enslaved.push(ifname);
        verdict(t).notes.push({ kind: 'enslave', message: `members are normally enslaved by their own ifcfg files (MASTER=${'<bond>'} SLAVE=yes); enslaving ${ifname} here, before the remaining options, makes options that need a member-less bond fail` });
        return true;
      }
      case 'queue_id': {
        const m = /^([^:\s]{1,15}):(\d+)$/.exec(value);
        if (!m) { reject(t, 'EPERM', "queue_id expects 'ifname:queue'"); return false; }
        if (!st.enslaved.includes(m[1])) { reject(t, 'EPERM', `queue_id names ${m[1]}, which is not a member when BONDING_OPTS is applied (members join afterwards); set BOND_PORT_QUEUE_ID in the member's file instead`, 'member-state'); return false; }
        const qid = Number(m[2]);
        if (qid > DEFAULT_TX_QUEUES) { reject(t, 'EINVAL', `queue ${qid} does not exist: queue ids go up to ${DEFAULT_TX_QUEUES} unless the module parameter tx_queues is raised`); return false; }
        const holder = [...st.queueIds].find(([member, q]) => q === qid && member !== m[1] && qid !== 0);
        if (holder) { reject(t, 'EPERM', `queue id ${qid} is already given to ${holder[0]}; each non-zero queue id can belong to one member only`, 'member-state'); return false; }
        st.queueIds.set(m[1], qid);
        break;
      }
      default:
        break;
    }
    st.values.set(opt.name, value);
    return true;
  };

  const arpTarget = (t: OptToken, value: string): boolean => {
    // Called per single "+address" write.
    if (!value.startsWith('+') && !value.startsWith('-')) {
      reject(t, 'EPERM', 'the kernel expects +ADDRESS or -ADDRESS');
      return false;
    }
    const parsed = kernelIn4Pton(value.slice(1));
    if (!parsed) { reject(t, 'EINVAL', `'${value.slice(1)}' is not a valid IPv4 address`); return false; }
    const ip = parsed.parts;
    const addr = ip.join('.');
    if (parsed.rest) verdict(t).notes.push({ kind: 'ignored-text', message: `the kernel reads only ${addr} and silently ignores '${parsed.rest}'${/^,/.test(parsed.rest) ? ': with a leading +, initscripts sends the whole list in one write, so only the first target is added. Drop the +' : ''}` });
    if (value.startsWith('-')) {
      const i = st.arpTargets.indexOf(addr);
      if (i < 0) { reject(t, 'EINVAL', `${addr} is not a current ARP target`); return false; }
      st.arpTargets.splice(i, 1);
      return true;
    }
    if (ip[0] === 0 || ip.every((p) => p === 255)) { reject(t, 'EINVAL', `${addr} cannot be an ARP target`); return false; }
    if (st.arpTargets.includes(addr)) { reject(t, 'EINVAL', `${addr} is already an ARP target`); return false; }
    if (st.arpTargets.length >= MAX_ARP_TARGETS) { reject(t, 'EINVAL', `the kernel keeps at most ${MAX_ARP_TARGETS} ARP targets; ${addr} does not fit`); return false; }
    st.arpTargets.push(addr);
    st.values.set('arp_ip_target', st.arpTargets.join(','));
    return true;
  };

  // Pass 1: mode and miimon, in the order written.
  for (const t of tokens) {
    if (t.key === 'mode' || t.key === 'miimon') {
      verdict(t);
      write(t, t.key, t.value ?? t.text);
    }
  }
  // Pass 2: the rest, in order; primary waits for the members.
  for (const t of tokens) {
    if (t.key === 'mode' || t.key === 'miimon' || t.key === 'primary') continue;
    const v = verdict(t);
    if (!t.key) { v.outcome = 'skipped'; v.reason = 'a token without a key is ignored'; continue; }
    const value = t.value ?? t.text;
    if (t.key === 'arp_ip_target' && getOption('arp_ip_target') && !getOption('arp_ip_target')!.rejectedIn.includes(st.mode)) {
      if (value.startsWith('+')) {
        // One write with the whole value (commas included).
        if (grepFinds(st.arpTargets, value.slice(1))) { v.outcome = 'skipped'; v.reason = `initscripts skips it: '${value.slice(1)}' already matches a target in the list`; continue; }
        write(t, 'arp_ip_target', value);
        continue;
      }
      const addrs = value.split(',').filter((a) => a !== '');
      if (!addrs.length) { v.outcome = 'skipped'; v.reason = 'empty target list'; continue; }
      for (const a of addrs) {
        if (grepFinds(st.arpTargets, a)) {
          v.notes.push({ kind: 'grep-skip', message: `initscripts does not add ${a}: its duplicate check (grep) already matches ${st.arpTargets.find((x) => grepMatch(x, a))} in the target list` });
          continue;
        }
        write(t, 'arp_ip_target', `+${a}`);
      }
      continue;
    }
    write(t, t.key, value);
  }
  // After enslaving: primary.
  for (const t of tokens) {
    if (t.key !== 'primary') continue;
    verdict(t);
    write(t, 'primary', t.value ?? t.text);
  }
  sim.verdicts = tokens.map((t) => verdict(t));
  return sim;
}

/**
 * parseOptionValue, remembered per option and value: the same few values (802.3ad, 100, fast) recur in
 * every bond of a fleet, and the kernel's parser is not cheap. (Bounded; results are only read.)
 */
const parsedValues = new Map<string, ReturnType<typeof parseOptionValue>>();
function parsedValue(opt: BondOption, value: string): ReturnType<typeof parseOptionValue> {
  const key = `${opt.name}\u0000${value}`;
  if (parsedValues.has(key)) return parsedValues.get(key);
  const r = parseOptionValue(opt, value);
  if (parsedValues.size < 4096) parsedValues.set(key, r);
  return r;
}

function modesExcept(rejected: readonly ModeName[]): string {
  return MODES.filter((m) => !rejected.includes(m.name)).map((m) => m.name).join(', ');
}

function describeParseFailure(opt: BondOption, value: string, reason: string): string {
  if (reason === 'empty') return `${opt.name} needs a value`;
  if (opt.values) {
    const names = opt.values.map((v) => v.name).join(', ');
    if (reason === 'unknown-name') {
      const ci = opt.values.find((v) => v.name.toLowerCase() === value.toLowerCase());
      return ci ? `'${value}' is not a ${opt.name} value: the kernel compares names case-sensitively (write '${ci.name}')` : `'${value}' is not a ${opt.name} value (${names}, or their numbers)`;
    }
    return `${value} is not a ${opt.name} value: valid are ${opt.values.map((v) => `${v.name} (${v.number})`).join(', ')}`;
  }
  if (reason === 'out-of-range') return `${value} is outside the range the kernel accepts for ${opt.name} (${opt.min}–${opt.max})`;
  if (reason === 'unknown-name') {
    if (/^\d+\s*[a-z]+$/i.test(value)) return `'${value}' is not a number: write plain digits, without a unit`;
    if (/^0x/i.test(value)) return `'${value}': the kernel reads ${opt.name} as a decimal number only`;
    return `'${value}' is not a valid ${opt.name} value: the kernel expects a decimal number${opt.keywords?.length ? ` (or ${opt.keywords.map((k) => k.name).join('/')})` : ''}`;
  }
  return `'${value}' is not accepted for ${opt.name}`;
}

/** initscripts' `grep -q ADDR file`: a basic regex search in the current target list. */
/** initscripts' `grep -q ADDR` test, as grep reads ADDR (a basic regular expression; linear time). */
function grepMatch(target: string, pattern: string): boolean {
  return grepLine(target, pattern);
}

function grepFinds(targets: readonly string[], pattern: string): boolean {
  return targets.some((t) => grepMatch(t, pattern));
}

function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !s.includes(':')) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = s.split(':').filter((g) => g !== '');
  return groups.length <= 8 && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g) || parseIPv4(g) !== undefined);
}
