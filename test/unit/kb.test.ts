// Knowledge-base tests: (1) the tables agree with the research reference in /work/shared/reference
// (skipped when that folder is absent — the product ships without it), (2) self-consistency of
// the tables and helpers, (3) the kernel parsing models behave like the kernel code they mirror.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  BOND_OPTIONS,
  BOOLEAN_SPELLINGS,
  BONDING_MODULE_PARAMS,
  IFCFG_KEYS,
  MODES,
  MODE_NAMES,
  MODPROBE_COMMANDS,
  MODULE_ONLY_OPTIONS,
  NOT_MODULE_PARAMS,
  checkBondingModuleParam,
  getBondingModuleParam,
  getKey,
  getKeyEntry,
  getModprobeCommand,
  getOption,
  IFNAME_MAX_BYTES,
  interfaceNameProblem,
  kernelParseModuleInt,
  kernelParseTableValue,
  keyAppliesToRole,
  modeByName,
  modeByNumber,
  optionEffectInMode,
  parseEnumValue,
  parseIfcfgBoolean,
  parseModeValue,
  parseOptionValue,
  resolveKey,
  type BondOption,
  type BondOptionKeyword,
  type IfcfgKey,
  type ModeName,
} from '../../server/src/analysis/kb';

// ------------------------------------------------------------------------------------------------
// Reference data
// ------------------------------------------------------------------------------------------------

const REF_DIR = path.resolve(__dirname, '../../../shared/reference');
const HAS_REF = fs.existsSync(path.join(REF_DIR, 'bonding-options.json')) && fs.existsSync(path.join(REF_DIR, 'ifcfg-keys.json'));
const SKIP_REF = HAS_REF ? false : `reference folder ${REF_DIR} not found (it is not shipped with the product); skipping reference cross-checks`;

interface RefOption {
  name: string;
  type: string;
  range: string;
  values: Record<string, number>;
  default: string;
  modes: ModeName[];
  rejected_in: ModeName[];
  kernel_flags: string[];
  module_param: boolean;
  sysfs: boolean | null;
  netlink: boolean;
  summary: string;
  notes: string[];
  requires: string[];
  conflicts: string[];
}
interface RefKey {
  name: string;
  type: string;
  values: string;
  default_initscripts: string;
  default_nm: string;
  used_by: string[];
  iface_types: string[];
  numbered: boolean;
  nm_extension: boolean;
  summary: string;
  notes: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(REF_DIR, file), 'utf8')) as T;
}
function readText(file: string): string {
  return fs.readFileSync(path.join(REF_DIR, file), 'utf8');
}
const refOptions: RefOption[] = HAS_REF ? readJson<RefOption[]>('bonding-options.json') : [];
const refKeys: RefKey[] = HAS_REF ? readJson<RefKey[]>('ifcfg-keys.json') : [];

/**
 * Deliberate deviations from bonding-options.json / ifcfg-keys.json, each with the reason.
 * The comparisons below consult this table instead of silently tolerating differences.
 */
const OPTION_DEVIATIONS: Record<string, { field: string; why: string }[]> = {
  // The reference marks sysfs as unknown (null) for these two. We model "no sysfs file" and set
  // sysfsUncertain: a patch posting adding the file was seen, but not its merge, and the bonding
  // maintainers stated that new options get netlink only. Consumers must treat the flag as soft.
  ns_ip6_target: [{ field: 'sysfs', why: 'reference: unknown (null); modelled as false + sysfsUncertain' }],
  coupled_control: [{ field: 'sysfs', why: 'reference: unknown (null); modelled as false + sysfsUncertain' }],
};
/**
 * Not deviations but refinements, checked as supersets: for range-typed options the kernel value
 * table has more keywords (e.g. miimon also accepts "maxval", arp_missed_max "minval"/"maxval"/
 * "default") than the reference lists, so reference values must be a subset of our keywords.
 * For ad_select we additionally list an unconfirmed 2025 value ("actor_port_prio") separately in
 * unconfirmedValues; it is NOT part of `values` and not accepted by parseEnumValue.
 */

function hasDeviation(opt: string, field: string): boolean {
  return (OPTION_DEVIATIONS[opt] ?? []).some((d) => d.field === field);
}

function sorted<T>(xs: readonly T[]): T[] {
  return [...xs].sort();
}

/** Extracts numeric bounds from the reference's free-text range column. */
function parseRefRange(range: string): number[] {
  return (range.match(/(?<!\d)-?\d+|INT_MAX/g) ?? []).map((t) => (t === 'INT_MAX' ? 2147483647 : Number(t)));
}

/** The reference's default column often starts with a number or "name (number)". */
function parseRefDefaultNumber(def: string): number | undefined {
  let m = /^(-?\d+)\b/.exec(def);
  if (m) return Number(m[1]);
  m = /^[\w.+-]+ \((-?\d+)\)/.exec(def);
  if (m) return Number(m[1]);
  return undefined;
}

describe('reference: bonding-options.json', { skip: SKIP_REF }, () => {
  test('every reference option exists in BOND_OPTIONS and vice versa', () => {
    assert.equal(refOptions.length, 38, 'reference should list 38 options');
    for (const r of refOptions) assert.ok(getOption(r.name), `missing option ${r.name}`);
    assert.deepEqual(sorted(BOND_OPTIONS.map((o) => o.name)), sorted(refOptions.map((r) => r.name)));
  });

  test('named values and their numbers agree', () => {
    for (const r of refOptions) {
      const o = getOption(r.name)!;
      const refEntries = Object.entries(r.values);
      if (refEntries.length === 0) continue;
      if (o.values) {
        const ours = Object.fromEntries(o.values.map((v) => [v.name, v.number]));
        assert.deepEqual(ours, r.values, `${r.name}: value table differs`);
      } else {
        // range option: reference keywords must be among the kernel-table keywords we model
        const keywords = o.keywords;
        assert.ok(keywords, `${r.name}: reference has named values but we have neither values nor keywords`);
        for (const [name, num] of refEntries) {
          const k: BondOptionKeyword | undefined = keywords.find((x) => x.name === name);
          assert.ok(k, `${r.name}: keyword ${name} missing`);
          assert.equal(k.number, num, `${r.name}: keyword ${name} number`);
        }
      }
    }
  });

  test('modes with an effect and rejected_in modes agree', () => {
    for (const r of refOptions) {
      const o = getOption(r.name)!;
      assert.deepEqual(sorted(o.rejectedIn), sorted(r.rejected_in), `${r.name}: rejected_in`);
      assert.deepEqual(sorted(o.modes), sorted(r.modes), `${r.name}: modes`);
    }
  });

  test('module_param / sysfs / netlink flags agree', () => {
    for (const r of refOptions) {
      const o = getOption(r.name)!;
      assert.equal(o.moduleParam, r.module_param, `${r.name}: module_param`);
      assert.equal(o.netlink, r.netlink, `${r.name}: netlink`);
      if (r.sysfs === null) {
        assert.ok(hasDeviation(r.name, 'sysfs'), `${r.name}: reference sysfs unknown but no deviation recorded`);
        assert.equal(o.sysfsUncertain, true, `${r.name}: should be flagged sysfsUncertain`);
      } else {
        assert.equal(o.sysfs, r.sysfs, `${r.name}: sysfs`);
        assert.ok(!o.sysfsUncertain, `${r.name}: sysfsUncertain set although the reference is certain`);
      }
    }
  });

  test('kernel flags (NOSLAVES, IFDOWN, RAWVAL) agree', () => {
    for (const r of refOptions) {
      const o = getOption(r.name)!;
      assert.equal(!!o.requiresNoMembers, r.kernel_flags.includes('NOSLAVES'), `${r.name}: NOSLAVES`);
      assert.equal(!!o.requiresBondDown, r.kernel_flags.includes('IFDOWN'), `${r.name}: IFDOWN`);
      assert.equal(!!o.rawValue, r.kernel_flags.includes('RAWVAL'), `${r.name}: RAWVAL`);
    }
  });

  test('numeric ranges agree where the reference gives bounds', () => {
    let checked = 0;
    for (const r of refOptions) {
      const o = getOption(r.name)!;
      const nums = parseRefRange(r.range);
      if (nums.length < 2 && !/chars/.test(r.range)) continue;
      if (/addresses/.test(r.range)) {
        assert.equal(o.maxTargets, nums[1], `${r.name}: max targets`);
      } else if (/chars/.test(r.range)) {
        assert.equal(o.maxLength, nums[0], `${r.name}: max length`);
      } else {
        assert.equal(o.min, nums[0], `${r.name}: min`);
        assert.equal(o.max, nums[1], `${r.name}: max`);
        if (o.values) {
          assert.equal(Math.min(...o.values.map((v) => v.number)), nums[0], `${r.name}: lowest value`);
          assert.equal(Math.max(...o.values.map((v) => v.number)), nums[1], `${r.name}: highest value`);
        }
      }
      checked++;
    }
    assert.ok(checked >= 30, `only ${checked} ranges checked`);
  });

  test('numeric defaults agree where the reference states one', () => {
    for (const r of refOptions) {
      const n = parseRefDefaultNumber(r.default);
      if (n === undefined) continue;
      assert.equal(getOption(r.name)!.defaultNumber, n, `${r.name}: default`);
    }
  });

  test('module parameter list matches modprobe-syntax.md §4', () => {
    const md = readText('modprobe-syntax.md');
    const para = /Module parameters \(all others[^)]*\):([^\n]*)/.exec(md);
    assert.ok(para, 'module parameter paragraph not found');
    const listed = [...para[1].split('(So')[0].matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    assert.deepEqual(sorted(BONDING_MODULE_PARAMS.map((p) => p.name)), sorted(listed));
    assert.deepEqual(sorted(BOND_OPTIONS.filter((o) => o.moduleParam).map((o) => o.name)), sorted(listed));
    const ineffective = [...(para[1].split('(So')[1] ?? '').matchAll(/`(?:options bonding )?([a-z_0-9]+)=/g)].map((m) => m[1]);
    assert.ok(ineffective.length >= 5);
    for (const n of ineffective) assert.ok(NOT_MODULE_PARAMS.includes(n), `${n} should not be a module parameter`);
  });

  test('NetworkManager option support matches bonding-options.md §6', () => {
    const md = readText('bonding-options.md');
    const acc = /accepted option names: ([^.]*)\./.exec(md);
    const notAcc = /\*\*Not accepted\*\*[^:]*: ([^.]*?), any misspelling/.exec(md);
    assert.ok(acc && notAcc, 'NM lists not found');
    const accepted = acc[1].split(',').map((s) => s.trim().replace(/ \(.*\)$/, ''));
    const rejected = notAcc[1].split(',').map((s) => s.trim());
    for (const n of accepted) {
      const o = getOption(n);
      if (!o) continue; // balance-slb is NetworkManager-only, not a kernel option
      assert.equal(o.nmSupported, true, `${n} should be nmSupported`);
    }
    for (const n of rejected) assert.equal(getOption(n)?.nmSupported, false, `${n} should not be nmSupported`);
  });
});

describe('reference: ifcfg-keys.json', { skip: SKIP_REF }, () => {
  test('every reference key exists in IFCFG_KEYS and vice versa', () => {
    assert.equal(refKeys.length, 56, 'reference should list 56 keys');
    for (const r of refKeys) assert.ok(getKeyEntry(r.name), `missing key ${r.name}`);
    assert.deepEqual(sorted(IFCFG_KEYS.map((k) => k.name)), sorted(refKeys.map((r) => r.name)));
  });

  test('used_by, numbered and nm_extension agree', () => {
    for (const r of refKeys) {
      const k = getKeyEntry(r.name)!;
      assert.deepEqual(sorted(k.usedBy), sorted(r.used_by), `${r.name}: used_by`);
      assert.equal(!!k.numbered, r.numbered, `${r.name}: numbered`);
      assert.equal(!!k.nmExtension, r.nm_extension, `${r.name}: nm_extension`);
    }
  });

  test('interface roles agree (reference types mapped onto our roles)', () => {
    // Mapping, not a deviation: the reference's "all" is our 'any'; "ethernet (bond port)" is our
    // 'member'; for member-only keys (MASTER, SLAVE, MASTER_UUID) the reference says "ethernet"
    // because a bond member is an Ethernet file — we use the finer 'member' role there.
    const mapRef = (t: string): string[] => (t === 'all' ? ['any'] : t === 'ethernet (bond port)' ? ['member'] : t === 'ethernet' ? ['ethernet', 'member'] : [t]);
    for (const r of refKeys) {
      const k = getKeyEntry(r.name)!;
      for (const t of r.iface_types) {
        assert.ok(mapRef(t).some((role) => k.roles.includes(role as never)), `${r.name}: role for reference type "${t}" missing`);
      }
      const justified = new Set(r.iface_types.flatMap(mapRef));
      for (const role of k.roles) assert.ok(justified.has(role), `${r.name}: role ${role} not backed by the reference`);
    }
  });

  test('value types and integer ranges agree', () => {
    for (const r of refKeys) {
      const k = getKeyEntry(r.name)!;
      if (r.type === 'boolean') assert.equal(k.valueType, 'boolean', `${r.name}: boolean`);
      const chars = /^(\d+)-(\d+) chars/.exec(r.values);
      if (chars) {
        assert.equal(k.valueType, 'interface', `${r.name}: interface name`);
        assert.equal(Number(chars[2]), IFNAME_MAX_BYTES, `${r.name}: name length`);
        continue;
      }
      const m = /^(-?\d+)\s*(?:-|\.\.)\s*(-?\d+)/.exec(r.values) ?? /integer (-?\d+)-(-?\d+)/.exec(r.type);
      if (m) {
        assert.equal(k.min, Number(m[1]), `${r.name}: min`);
        assert.equal(k.max, Number(m[2]), `${r.name}: max`);
      }
    }
  });

  test('boolean spellings match ifcfg-keys.md §3', () => {
    const md = readText('ifcfg-keys.md');
    const row = (prefix: string) => {
      const line = md.split('\n').find((l) => l.startsWith(prefix));
      assert.ok(line, `row ${prefix} not found`);
      const cells = line.split('|').map((c) => c.trim());
      const words = (c: string) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { t: words(cells[2]), f: words(cells[3]) };
    };
    const ini = row('| initscripts');
    const nm = row('| NetworkManager');
    assert.deepEqual(sorted(BOOLEAN_SPELLINGS.initscripts.true), sorted(ini.t));
    assert.deepEqual(sorted(BOOLEAN_SPELLINGS.initscripts.false), sorted(ini.f));
    assert.deepEqual(sorted(BOOLEAN_SPELLINGS.nm.true), sorted(nm.t));
    assert.deepEqual(sorted(BOOLEAN_SPELLINGS.nm.false), sorted(nm.f));
  });
});

describe('reference: modprobe-syntax.md', { skip: SKIP_REF }, () => {
  test('every command of the command table exists', () => {
    const md = readText('modprobe-syntax.md');
    const cmds = md
      .split('\n')
      .filter((l) => /^\| `[a-z]+`/.test(l))
      .flatMap((l) => [...l.split('|')[1].matchAll(/`([a-z]+)`/g)].map((m) => m[1]));
    assert.ok(cmds.length >= 8, 'command table not found');
    for (const c of cmds) assert.ok(getModprobeCommand(c), `missing modprobe command ${c}`);
  });
});

// ------------------------------------------------------------------------------------------------
// Own words: nothing copied from the reference
// ------------------------------------------------------------------------------------------------

function optionTexts(o: BondOption): string[] {
  return [o.summary, o.description, ...(o.values ?? []).map((v) => v.description)];
}
function keyTexts(k: IfcfgKey): string[] {
  return [k.summary, k.description];
}
function allTexts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const m of MODES) {
    for (const f of ['title', 'summary', 'behaviour', 'switchRequirements', 'faultTolerance', 'loadBalancing', 'macBehaviour', 'typicalUse'] as const) {
      out.push({ where: `mode ${m.name}.${f}`, text: m[f] });
    }
  }
  for (const o of BOND_OPTIONS) optionTexts(o).forEach((t, i) => out.push({ where: `option ${o.name}[${i}]`, text: t }));
  for (const k of IFCFG_KEYS) keyTexts(k).forEach((t, i) => out.push({ where: `key ${k.name}[${i}]`, text: t }));
  for (const c of MODPROBE_COMMANDS) out.push({ where: `modprobe ${c.name}.summary`, text: c.summary }, { where: `modprobe ${c.name}.description`, text: c.description });
  for (const p of BONDING_MODULE_PARAMS) out.push({ where: `module param ${p.name}`, text: p.loadTimeRule });
  return out;
}
const norm = (s: string) => s.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();

describe('own words', () => {
  test('every text field is non-empty', () => {
    for (const { where, text } of allTexts()) assert.ok(text && text.trim().length > 0, `${where} is empty`);
  });

  test('no summary is a verbatim copy of the reference summary', { skip: SKIP_REF }, () => {
    for (const r of refOptions) {
      for (const t of optionTexts(getOption(r.name)!)) {
        assert.notEqual(norm(t), norm(r.summary), `option ${r.name} copies the reference summary`);
        if (r.summary.length >= 40) assert.ok(!norm(t).includes(norm(r.summary)), `option ${r.name} contains the reference summary`);
      }
    }
    for (const r of refKeys) {
      for (const t of keyTexts(getKeyEntry(r.name)!)) {
        assert.notEqual(norm(t), norm(r.summary), `key ${r.name} copies the reference summary`);
        if (r.summary.length >= 40) assert.ok(!norm(t).includes(norm(r.summary)), `key ${r.name} contains the reference summary`);
      }
    }
  });

  test('no run of 8 consecutive words is taken from the reference texts', { skip: SKIP_REF }, () => {
    const N = 8;
    const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9.+/=-]+/g, ' ').trim().split(' ').filter(Boolean);
    const refCorpus = [
      ...['bonding-options.md', 'ifcfg-keys.md', 'modprobe-syntax.md', 'common-mistakes.md', 'sources.md'].map(readText),
      ...refOptions.flatMap((r) => [r.summary, ...r.notes, ...r.requires, ...r.conflicts]),
      ...refKeys.flatMap((r) => [r.summary, ...r.notes]),
    ];
    const grams = new Set<string>();
    for (const doc of refCorpus) {
      const w = words(doc);
      for (let i = 0; i + N <= w.length; i++) grams.add(w.slice(i, i + N).join(' '));
    }
    const hits: string[] = [];
    for (const { where, text } of allTexts()) {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) {
        const g = w.slice(i, i + N).join(' ');
        if (grams.has(g)) {
          hits.push(`${where}: "${g}"`);
          break;
        }
      }
    }
    assert.deepEqual(hits, []);
  });
});

// ------------------------------------------------------------------------------------------------
// Modes
// ------------------------------------------------------------------------------------------------

describe('modes', () => {
  test('seven modes numbered 0-6 in kernel order with all doc fields', () => {
    assert.equal(MODES.length, 7);
    MODES.forEach((m, i) => {
      assert.equal(m.number, i);
      assert.equal(MODE_NAMES[i], m.name);
      for (const f of ['title', 'summary', 'behaviour', 'switchRequirements', 'faultTolerance', 'loadBalancing', 'macBehaviour', 'typicalUse', 'procName'] as const) {
        assert.ok(m[f].trim().length > 0, `${m.name}.${f}`);
      }
      assert.ok(!m.summary.includes('\n'), `${m.name}.summary must be one line`);
    });
  });

  test('mode-family facts (include/net/bonding.h)', () => {
    const nums = (pred: (m: (typeof MODES)[number]) => boolean) => MODES.filter(pred).map((m) => m.number);
    assert.deepEqual(nums((m) => m.needsEthtoolSpeed), [4, 5, 6]);
    assert.deepEqual(nums((m) => m.forcesMiimon), [4, 5, 6]);
    assert.deepEqual(nums((m) => m.supportsArpMonitoring), [0, 1, 2, 3]);
    assert.deepEqual(nums((m) => m.usesPrimary), [1, 5, 6]);
    assert.deepEqual(nums((m) => m.usesXmitHash), [2, 4, 5, 6]);
    assert.deepEqual(nums((m) => m.promiscuousAllMembers), [0, 2, 3, 4]);
    assert.deepEqual(nums((m) => m.switchConfig === 'static-lag'), [0, 2, 3]);
    assert.deepEqual(nums((m) => m.switchConfig === 'lacp'), [4]);
  });

  test('modeByNumber / modeByName', () => {
    assert.equal(modeByNumber(4)?.name, '802.3ad');
    assert.equal(modeByNumber(7), undefined);
    assert.equal(modeByNumber(-1), undefined);
    assert.equal(modeByNumber(1.5), undefined);
    assert.equal(modeByName('active-backup')?.number, 1);
    assert.equal(modeByName('Active-Backup'), undefined);
    assert.equal(modeByName('802.3AD'), undefined);
    assert.equal(modeByName('__proto__'), undefined);
    assert.equal(modeByName('toString'), undefined);
  });

  test('parseModeValue follows bond_opt_parse()', () => {
    const ok: [string, ModeName][] = [
      ['802.3ad', '802.3ad'],
      ['4', '802.3ad'],
      ['04', '802.3ad'], // %llu: leading zeros are decimal
      ['  4  ', '802.3ad'], // digits+whitespace -> number, leading blanks skipped
      ['4 5', '802.3ad'], // %llu stops at the first non-digit
      [' balance-alb', 'balance-alb'], // %32s skips leading whitespace
      ['balance-alb extra', 'balance-alb'], // only the first word is compared
      ['active-backup\n', 'active-backup'], // echo's newline is stripped
      ['0', 'balance-rr'],
      ['6', 'balance-alb'],
      ['default', 'balance-rr'], // balance-rr carries BOND_VALFLAG_DEFAULT
    ];
    for (const [v, name] of ok) assert.equal(parseModeValue(v)?.name, name, JSON.stringify(v));
    for (const v of ['7', '-1', '+4', '0x4', '4.0', '4x', '802.3AD', 'Balance-RR', 'lacp', 'LACP', '', '   ', '\n4', 'balance_rr']) {
      assert.equal(parseModeValue(v), undefined, JSON.stringify(v));
    }
    // The kernel's %llu conversion wraps silently at 2^64: 2^64 + 4 reads as 4.
    assert.equal(parseModeValue('18446744073709551620')?.name, '802.3ad');
    assert.deepEqual(kernelParseTableValue({ entries: [{ name: 'x', number: 4 }] }, '18446744073709551620'), { ok: true, number: 4, name: 'x', matchedBy: 'number' });
  });
});

// ------------------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------------------

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('options', () => {
  test('lookups are exact and prototype-safe', () => {
    for (const n of PROTO_NAMES) {
      assert.equal(getOption(n), undefined, n);
      assert.equal(getKey(n), undefined, n);
      assert.equal(getKeyEntry(n), undefined, n);
      assert.equal(getModprobeCommand(n), undefined, n);
      assert.equal(getBondingModuleParam(n), undefined, n);
      assert.equal(modeByName(n), undefined, n);
    }
    assert.equal(getOption('MIIMON'), undefined);
    assert.equal(getOption('lacp-rate'), undefined, 'sysfs/BONDING_OPTS names use underscores only');
    assert.equal(getOption('miimon')?.name, 'miimon');
  });

  test('structural invariants', () => {
    const names = new Set<string>();
    for (const o of BOND_OPTIONS) {
      assert.ok(!names.has(o.name), `duplicate ${o.name}`);
      names.add(o.name);
      for (const m of [...o.modes, ...o.rejectedIn]) assert.ok(MODE_NAMES.includes(m), `${o.name}: bad mode ${m}`);
      assert.deepEqual(o.modes.filter((m) => o.rejectedIn.includes(m)), [], `${o.name}: mode both effective and rejected`);
      assert.ok(o.default.trim().length > 0, `${o.name}: default`);
      assert.ok(!o.summary.includes('\n'), `${o.name}: summary must be one line`);
      if (o.min !== undefined && o.max !== undefined) assert.ok(o.min <= o.max, `${o.name}: min > max`);
      if (o.defaultNumber !== undefined && o.min !== undefined && o.max !== undefined) {
        assert.ok(o.defaultNumber >= o.min && o.defaultNumber <= o.max, `${o.name}: default out of range`);
      }
      if (o.kind === 'enum' || o.kind === 'boolean-int') {
        assert.ok(o.values && o.values.length >= 2, `${o.name}: enum without values`);
        assert.equal(new Set(o.values.map((v) => v.name)).size, o.values.length, `${o.name}: duplicate value names`);
        assert.equal(new Set(o.values.map((v) => v.number)).size, o.values.length, `${o.name}: duplicate value numbers`);
        assert.ok(o.values.filter((v) => v.isDefault).length <= 1, `${o.name}: several default entries`);
        assert.ok(o.acceptsNumber, `${o.name}: enum tables accept numbers`);
      }
      if (o.kind === 'boolean-int') assert.deepEqual(o.values!.map((v) => [v.name, v.number]).sort(), [['off', 0], ['on', 1]]);
      if (o.rawValue) assert.equal(o.values, undefined, `${o.name}: RAWVAL options have no value table`);
      if (o.keywords) {
        for (const k of o.keywords) assert.ok(k.number >= o.min! && k.number <= o.max!, `${o.name}: keyword ${k.name} out of range`);
      }
      if (o.sharesSettingWith) assert.equal(getOption(o.sharesSettingWith)?.sharesSettingWith, o.name);
      assert.equal(o.valueCaseSensitive || o.kind === 'mac', true);
    }
    assert.equal(BOND_OPTIONS.length, 38);
  });

  test('mode restrictions are consistent with the mode families', () => {
    for (const m of MODES) {
      const arp = ['arp_interval', 'arp_validate', 'arp_missed_max'].map((n) => optionEffectInMode(getOption(n)!, m.name));
      assert.ok(arp.every((e) => (m.supportsArpMonitoring ? e === 'effective' : e === 'rejected')), `ARP options in ${m.name}`);
      for (const n of ['primary', 'active_slave', 'prio']) {
        assert.equal(optionEffectInMode(getOption(n)!, m.name), m.usesPrimary ? 'effective' : 'rejected', `${n} in ${m.name}`);
      }
      for (const n of ['lacp_rate', 'lacp_active', 'ad_actor_sys_prio', 'ad_actor_system', 'ad_user_port_key', 'coupled_control', 'broadcast_neighbor']) {
        assert.equal(optionEffectInMode(getOption(n)!, m.name), m.number === 4 ? 'effective' : 'rejected', `${n} in ${m.name}`);
      }
    }
    assert.equal(optionEffectInMode(getOption('ad_select')!, 'active-backup'), 'no-effect');
    assert.equal(optionEffectInMode(getOption('xmit_hash_policy')!, 'balance-rr'), 'no-effect');
    assert.equal(optionEffectInMode(getOption('packets_per_slave')!, 'balance-xor'), 'rejected');
  });

  test('parseEnumValue accepts every name and number, case-sensitively', () => {
    for (const o of BOND_OPTIONS.filter((x) => x.values)) {
      for (const v of o.values!) {
        assert.deepEqual(parseEnumValue(o, v.name), { name: v.name, number: v.number }, `${o.name}=${v.name}`);
        assert.deepEqual(parseEnumValue(o, String(v.number)), { name: v.name, number: v.number }, `${o.name}=${v.number}`);
        if (v.name.toUpperCase() !== v.name) assert.equal(parseEnumValue(o, v.name.toUpperCase()), undefined, `${o.name}=${v.name.toUpperCase()}`);
      }
      const max = Math.max(...o.values!.map((v) => v.number));
      assert.equal(parseEnumValue(o, String(max + 1)), undefined, `${o.name}=${max + 1}`);
      assert.equal(parseEnumValue(o, '-1'), undefined);
      const def = o.values!.find((v) => v.isDefault);
      assert.deepEqual(parseEnumValue(o, 'default'), def ? { name: def.name, number: def.number } : undefined, `${o.name}=default`);
    }
    // specific facts
    assert.deepEqual(parseEnumValue(getOption('xmit_hash_policy')!, 'layer3+4'), { name: 'layer3+4', number: 1 });
    assert.deepEqual(parseEnumValue(getOption('arp_validate')!, '6'), { name: 'filter_backup', number: 6 });
    assert.equal(parseEnumValue(getOption('lacp_rate')!, 'default'), undefined, 'lacp_rate has no default-flagged entry');
    assert.equal(parseEnumValue(getOption('arp_validate')!, 'yes'), undefined);
    assert.equal(parseEnumValue(getOption('xmit_hash_policy')!, 'layer3'), undefined);
    assert.equal(parseEnumValue(getOption('ad_select')!, 'actor_port_prio'), undefined, 'unconfirmed values are not accepted');
    assert.equal(parseEnumValue(getOption('miimon')!, '100'), undefined, 'not an enumeration');
  });

  test('integer options follow the kernel range tables', () => {
    const miimon = getOption('miimon')!;
    assert.deepEqual(parseOptionValue(miimon, '100'), { ok: true, number: 100, matchedBy: 'range' });
    assert.equal((parseOptionValue(miimon, 'off') as { number: number }).number, 0);
    assert.equal((parseOptionValue(miimon, 'maxval') as { number: number }).number, 2147483647);
    assert.equal(parseOptionValue(miimon, '2147483648')?.ok, false);
    assert.equal(parseOptionValue(miimon, '100ms')?.ok, false);
    assert.equal(parseOptionValue(miimon, '-1')?.ok, false);
    const prio = getOption('ad_actor_sys_prio')!;
    assert.equal(parseOptionValue(prio, '0')?.ok, false);
    assert.equal(parseOptionValue(prio, '65535')?.ok, true);
    assert.equal(parseOptionValue(prio, '65536')?.ok, false);
    assert.equal((parseOptionValue(prio, 'default') as { number: number }).number, 65535);
    const missed = getOption('arp_missed_max')!;
    assert.equal(parseOptionValue(missed, '0')?.ok, false, 'kernel range starts at 1');
    assert.equal((parseOptionValue(missed, 'default') as { number: number }).number, 2);
    assert.equal(parseOptionValue(getOption('peer_notif_delay')!, '300001')?.ok, false);
    assert.equal(parseOptionValue(getOption('peer_notif_delay')!, 'default')?.ok, false, 'current table has no default entry');
    assert.equal(parseOptionValue(getOption('packets_per_slave')!, '65536')?.ok, false);
    assert.equal(parseOptionValue(getOption('lp_interval')!, '0')?.ok, false);
    assert.equal(parseOptionValue(getOption('arp_ip_target')!, '192.0.2.1'), undefined, 'RAWVAL: no table');
    for (const o of BOND_OPTIONS.filter((x) => x.kind === 'integer' && x.keywords)) {
      assert.equal(parseOptionValue(o, String(o.min))?.ok, true, `${o.name} min`);
      assert.equal(parseOptionValue(o, String(o.max))?.ok, true, `${o.name} max`);
      assert.equal(parseOptionValue(o, String(o.max! + 1))?.ok, false, `${o.name} max+1`);
      if (o.min! > 0) assert.equal(parseOptionValue(o, String(o.min! - 1))?.ok, false, `${o.name} min-1`);
    }
  });

  test('module-only and non-module options', () => {
    assert.deepEqual(sorted(MODULE_ONLY_OPTIONS), ['max_bonds', 'tx_queues']);
    for (const n of ['lacp_active', 'tlb_dynamic_lb', 'arp_missed_max', 'peer_notif_delay', 'ns_ip6_target', 'active_slave', 'ad_actor_system']) {
      assert.ok(NOT_MODULE_PARAMS.includes(n), n);
    }
    assert.deepEqual(sorted(BONDING_MODULE_PARAMS.map((p) => p.name)), sorted(BOND_OPTIONS.filter((o) => o.moduleParam).map((o) => o.name)));
  });
});

// ------------------------------------------------------------------------------------------------
// ifcfg keys
// ------------------------------------------------------------------------------------------------

describe('ifcfg keys', () => {
  test('numbered keys resolve, others do not', () => {
    assert.equal(getKey('IPADDR2')?.name, 'IPADDR');
    assert.deepEqual(resolveKey('IPADDR2') && { name: resolveKey('IPADDR2')!.key.name, index: resolveKey('IPADDR2')!.index }, { name: 'IPADDR', index: 2 });
    assert.equal(getKey('IPADDR')?.name, 'IPADDR');
    assert.equal(getKey('IPADDR0')?.name, 'IPADDR');
    assert.equal(getKey('PREFIX1')?.name, 'PREFIX');
    assert.equal(getKey('GATEWAY0')?.name, 'GATEWAY');
    assert.equal(getKey('DNS1')?.name, 'DNS');
    assert.equal(getKey('DNS'), undefined, 'DNS is only valid numbered');
    assert.equal(getKey('DNS0'), undefined, 'DNS numbering starts at 1');
    assert.equal(getKey('BONDING_SLAVE0')?.name, 'BONDING_SLAVE');
    assert.equal(getKey('IPADDR01'), undefined, 'leading zeros are never read');
    assert.equal(getKey('DEVICE1'), undefined, 'DEVICE is not numbered');
    assert.equal(getKey('onboot'), undefined, 'keys are case-sensitive');
    assert.equal(getKey('BONDING_OPT'), undefined);
    assert.equal(getKey('IPV6ADDR')?.name, 'IPV6ADDR');
  });

  test('structural invariants and snippets', () => {
    const names = new Set<string>();
    for (const k of IFCFG_KEYS) {
      assert.ok(!names.has(k.name), `duplicate ${k.name}`);
      names.add(k.name);
      assert.match(k.name, /^[A-Z_][A-Z0-9_]*$/);
      assert.ok(k.roles.length > 0 && k.usedBy.length > 0, k.name);
      assert.equal(!!k.numbered, !!k.numbering, `${k.name}: numbered needs numbering`);
      if (k.valueType === 'boolean') assert.ok(k.allowedValues && k.allowedValues.length > 0, `${k.name}: boolean values`);
      if (k.snippet) {
        const m = /^([A-Z_][A-Z0-9_]*)=/.exec(k.snippet);
        assert.ok(m, `${k.name}: snippet must start with KEY=`);
        assert.equal(getKey(m[1]), k, `${k.name}: snippet key ${m[1]} resolves elsewhere`);
        let depth = 0;
        for (let i = 0; i < k.snippet.length; i++) {
          if (k.snippet[i] === '$' && k.snippet[i + 1] === '{') depth++;
          else if (k.snippet[i] === '}' && depth > 0) depth--;
        }
        assert.equal(depth, 0, `${k.name}: unbalanced snippet`);
        if (k.multiWord) assert.ok(k.snippet.includes('"'), `${k.name}: multi-word snippet should quote`);
      }
      if (k.min !== undefined && k.max !== undefined) assert.ok(k.min <= k.max);
    }
    const common = IFCFG_KEYS.filter((k) => k.common).map((k) => k.name);
    for (const n of ['DEVICE', 'TYPE', 'BOOTPROTO', 'ONBOOT', 'NM_CONTROLLED', 'IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY', 'MASTER', 'SLAVE', 'BONDING_MASTER', 'BONDING_OPTS']) {
      assert.ok(common.includes(n), `${n} should be common`);
    }
    assert.ok(getKeyEntry('BONDING_OPTS')!.snippet!.startsWith('BONDING_OPTS="mode=${1|'));
    assert.equal(IFCFG_KEYS.length, 56);
  });

  test('roles', () => {
    assert.equal(keyAppliesToRole(getKeyEntry('IPADDR')!, 'member'), false);
    assert.equal(keyAppliesToRole(getKeyEntry('DNS')!, 'member'), false, 'ipConfig keys never apply to members');
    assert.equal(keyAppliesToRole(getKeyEntry('MASTER')!, 'member'), true);
    assert.equal(keyAppliesToRole(getKeyEntry('BONDING_OPTS')!, 'bond'), true);
    assert.equal(keyAppliesToRole(getKeyEntry('BONDING_OPTS')!, 'member'), false);
    assert.equal(keyAppliesToRole(getKeyEntry('ONBOOT')!, 'member'), true);
  });

  test('boolean parsing per consumer', () => {
    assert.equal(parseIfcfgBoolean('on', 'initscripts'), true);
    assert.equal(parseIfcfgBoolean('on', 'nm'), undefined, 'NetworkManager does not know on/off');
    assert.equal(parseIfcfgBoolean('OFF', 'initscripts'), false);
    assert.equal(parseIfcfgBoolean('Yes', 'nm'), true);
    assert.equal(parseIfcfgBoolean('T', 'nm'), true);
    assert.equal(parseIfcfgBoolean('0', 'nm'), false);
    assert.equal(parseIfcfgBoolean('maybe', 'initscripts'), undefined);
    assert.equal(parseIfcfgBoolean('', 'nm'), undefined);
  });
});

// ------------------------------------------------------------------------------------------------
// modprobe
// ------------------------------------------------------------------------------------------------

describe('modprobe', () => {
  test('commands', () => {
    for (const n of ['alias', 'options', 'install', 'remove', 'blacklist', 'softdep', 'weakdep', 'include', 'config']) {
      const c = getModprobeCommand(n);
      assert.ok(c, n);
      assert.ok(c.syntax.startsWith(n));
    }
    assert.equal(getModprobeCommand('Options'), undefined, 'command words are case-sensitive');
    assert.equal(getModprobeCommand('option'), undefined);
    assert.equal(getModprobeCommand('options')!.args.find((a) => a.restOfLine)?.kind, 'module-params');
  });

  test('module parameter checks (kernel/params.c + bond_check_params)', () => {
    assert.deepEqual(checkBondingModuleParam('miimon', '100'), { ok: true, number: 100 });
    assert.deepEqual(checkBondingModuleParam('miimon', '0x64'), { ok: true, number: 100 }, 'kstrtoint base 0 accepts hex');
    assert.deepEqual(checkBondingModuleParam('miimon', '010'), { ok: true, number: 8 }, 'leading 0 is octal for module parameters');
    assert.equal(checkBondingModuleParam('miimon', '100ms').ok, false);
    assert.equal(checkBondingModuleParam('miimon', 'off').ok, false, 'keywords only work through sysfs');
    assert.equal(checkBondingModuleParam('miimon', undefined).ok, false);
    assert.deepEqual(checkBondingModuleParam('use_carrier', 'on'), { ok: false, reason: 'invalid', outcome: 'load-fails' }, 'int parameter');
    assert.deepEqual(checkBondingModuleParam('mode', '802.3ad'), { ok: true, number: 4, name: '802.3ad' });
    assert.deepEqual(checkBondingModuleParam('mode', 'lacp'), { ok: false, reason: 'invalid', outcome: 'load-fails' });
    assert.deepEqual(checkBondingModuleParam('arp_all_targets', 'bogus'), { ok: false, reason: 'invalid', outcome: 'reset' });
    assert.equal(checkBondingModuleParam('lacp-rate', 'fast').ok, true, 'kernel treats - and _ alike in parameter names');
    assert.deepEqual(checkBondingModuleParam('lacp_active', 'off'), { ok: false, reason: 'unknown', outcome: 'ignored' });
    const targets17 = Array.from({ length: 17 }, (_, i) => `192.0.2.${i + 1}`).join(',');
    assert.deepEqual(checkBondingModuleParam('arp_ip_target', targets17), { ok: false, reason: 'too-many-items', outcome: 'load-fails' });
    assert.equal(checkBondingModuleParam('arp_ip_target', targets17.split(',').slice(0, 16).join(',')).ok, true);
  });

  test('kstrtoint model', () => {
    assert.deepEqual(kernelParseModuleInt('-5'), { ok: true, number: -5 });
    assert.equal(kernelParseModuleInt('-5', true).ok, false);
    assert.deepEqual(kernelParseModuleInt('+7'), { ok: true, number: 7 });
    assert.deepEqual(kernelParseModuleInt('42\n'), { ok: true, number: 42 });
    assert.equal(kernelParseModuleInt('08').ok, false, '8 is not an octal digit');
    assert.equal(kernelParseModuleInt('2147483648').ok, false);
    assert.deepEqual(kernelParseModuleInt('2147483648', true), { ok: true, number: 2147483648 });
    assert.equal(kernelParseModuleInt('').ok, false);
    assert.equal(kernelParseModuleInt(' 1').ok, false);
  });
});

describe('interface names', () => {
  test('dev_valid_name rules', () => {
    assert.equal(interfaceNameProblem('bond0'), undefined);
    assert.equal(interfaceNameProblem('a'.repeat(15)), undefined);
    assert.ok(interfaceNameProblem('a'.repeat(16)));
    assert.ok(interfaceNameProblem(''));
    assert.ok(interfaceNameProblem('.'));
    assert.ok(interfaceNameProblem('..'));
    assert.ok(interfaceNameProblem('eth0:1'));
    assert.ok(interfaceNameProblem('a/b'));
    assert.ok(interfaceNameProblem('bond 0'));
  });
});
