// Authoring: every snippet (expanded with its defaults, and with every choice) and every generated
// bond file lints clean; member edits change only the bytes they must.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { diagnose, makeContext, WorkspaceModel } from '../../server/src/analysis';
import type { IfcfgContext } from '../../server/src/analysis';
import { getOption, MODE_NAMES, MODES, modeByName, type ModeName } from '../../server/src/analysis/kb';
import {
  bondFiles, bondFileText, bondingOpts, bondSpecProblems, firstFreeBondName, memberEdits, memberFileText,
  modeUsesLacpRate, modeUsesPrimary, modeUsesXmitHash, parseAddressWithPrefix, type BondSpec,
} from '../../server/src/analysis/templates';
import { applyEdits } from '../helpers/analysis';

const ROOT = join(__dirname, '..', '..');
const NS = 'file:///srv/host/etc/sysconfig/network-scripts/';
const MODPROBE = 'file:///srv/host/etc/modprobe.d/bonding.conf';

// ---------------------------------------------------------------------------------------------
// A small expander for VS Code snippet syntax: tab stops, placeholders (nested), choices, variables
// with regex transforms (format: $n, ${n}, ${n:-else}, ${n:else}, ${n:+if}, ${n:?if:else}).

type SNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SNode[]; transform?: Transform };
type FNode = { kind: 'text'; value: string } | { kind: 'group'; index: number; ifValue?: string; elseValue?: string };
interface Transform { regex: RegExp; format: FNode[] }

class SnippetParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): SNode[] {
    const out = this.nodes(false);
    if (this.i !== this.s.length) throw new Error(`unexpected "${this.s[this.i]}" at ${this.i} in ${this.s}`);
    return out;
  }

  private nodes(nested: boolean): SNode[] {
    const out: SNode[] = [];
    let text = '';
    const flush = () => { if (text) out.push({ kind: 'text', value: text }); text = ''; };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && '$}\\'.includes(this.s[this.i + 1] ?? '')) { text += this.s[this.i + 1]; this.i += 2; continue; }
      if (c === '}' && nested) break;
      if (c === '$') {
        const n = this.dollar();
        if (n) { flush(); out.push(n); continue; }
      }
      text += c;
      this.i++;
    }
    flush();
    return out;
  }

  private dollar(): SNode | undefined {
    const rest = this.s.slice(this.i + 1);
    let m = /^[0-9]+/.exec(rest);
    if (m) { this.i += 1 + m[0].length; return { kind: 'tabstop', index: Number(m[0]) }; }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(rest);
    if (m) { this.i += 1 + m[0].length; return { kind: 'variable', name: m[0] }; }
    if (rest[0] !== '{') return undefined;
    m = /^\{([0-9]+|[_A-Za-z][_A-Za-z0-9]*)/.exec(rest);
    if (!m) return undefined;
    this.i += 1 + m[0].length;
    const id = m[1];
    const isTab = /^[0-9]/.test(id);
    const c = this.s[this.i];
    if (c === '}') { this.i++; return isTab ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id }; }
    if (c === ':') {
      this.i++;
      const children = this.nodes(true);
      this.expect('}');
      return isTab ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
    }
    if (c === '|' && isTab) {
      this.i++;
      const choices: string[] = [];
      let cur = '';
      for (;;) {
        const ch = this.s[this.i];
        if (ch === undefined) throw new Error('unterminated choice');
        if (ch === '\\' && ',|\\'.includes(this.s[this.i + 1])) { cur += this.s[this.i + 1]; this.i += 2; continue; }
        if (ch === ',') { choices.push(cur); cur = ''; this.i++; continue; }
        if (ch === '|') { choices.push(cur); this.i++; this.expect('}'); break; }
        cur += ch;
        this.i++;
      }
      return { kind: 'tabstop', index: Number(id), choices };
    }
    if (c === '/') {
      this.i++;
      const transform = this.transform();
      return isTab ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id, transform };
    }
    throw new Error(`unexpected "${c}" after \${${id} in ${this.s}`);
  }

  private transform(): Transform {
    let regex = '';
    while (this.s[this.i] !== '/') {
      if (this.i >= this.s.length) throw new Error('unterminated regex');
      if (this.s[this.i] === '\\' && this.s[this.i + 1] === '/') { regex += '/'; this.i += 2; continue; }
      regex += this.s[this.i++];
    }
    this.i++;
    const format: FNode[] = [];
    let text = '';
    while (this.s[this.i] !== '/') {
      if (this.i >= this.s.length) throw new Error('unterminated format');
      const rest = this.s.slice(this.i);
      let m: RegExpExecArray | null;
      if (rest[0] === '\\' && rest.length > 1) { text += rest[1]; this.i += 2; continue; }
      if ((m = /^\$([0-9]+)/.exec(rest)) || (m = /^\$\{([0-9]+)\}/.exec(rest))) {
        if (text) format.push({ kind: 'text', value: text }); text = '';
        format.push({ kind: 'group', index: Number(m[1]) });
        this.i += m[0].length;
        continue;
      }
      if ((m = /^\$\{([0-9]+):(\+|\?|-)?([^:}]*)(?::([^}]*))?\}/.exec(rest))) {
        if (text) format.push({ kind: 'text', value: text }); text = '';
        const [, idx, op, a, b] = m;
        if (op === '+') format.push({ kind: 'group', index: Number(idx), ifValue: a });
        else if (op === '?') format.push({ kind: 'group', index: Number(idx), ifValue: a, elseValue: b ?? '' });
        else format.push({ kind: 'group', index: Number(idx), elseValue: a });
        this.i += m[0].length;
        continue;
      }
      text += rest[0];
      this.i++;
    }
    if (text) format.push({ kind: 'text', value: text });
    this.i++;
    let options = '';
    while (this.s[this.i] !== '}') { if (this.i >= this.s.length) throw new Error('unterminated transform'); options += this.s[this.i++]; }
    this.i++;
    return { regex: new RegExp(regex, options), format };
  }

  private expect(ch: string): void {
    if (this.s[this.i] !== ch) throw new Error(`expected "${ch}" at ${this.i} in ${this.s}`);
    this.i++;
  }
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as (string | undefined)[];
    return t.format.map((f) => {
      if (f.kind === 'text') return f.value;
      const g = groups[f.index];
      if (g) return f.ifValue ?? g;
      return f.elseValue ?? '';
    }).join('');
  });
}

interface ExpandOptions {
  vars: Record<string, string>;
  /** Tab stop index -> chosen alternative (default: the first). */
  choose?: Map<number, string>;
}

/** Expands a snippet body: every tab stop takes its default (or the chosen alternative), $n mirrors it. */
function expand(body: string, o: ExpandOptions): string {
  const tree = new SnippetParser(body).parse();
  const values = new Map<number, string>();
  const variable = (n: Extract<SNode, { kind: 'variable' }>): string => {
    if (!(n.name in o.vars)) throw new Error(`variable ${n.name} is not known to the test`);
    const v = o.vars[n.name];
    return n.transform ? applyTransform(v, n.transform) : v;
  };
  // First pass: the value of each tab stop (its first placeholder or choice).
  const collect = (nodes: SNode[]): string => nodes.map((n): string => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'variable') return variable(n);
    let v: string | undefined;
    if (n.choices) v = o.choose?.get(n.index) ?? n.choices[0];
    else if (n.children) v = collect(n.children);
    if (v !== undefined && !values.has(n.index)) values.set(n.index, v);
    return v ?? '';
  }).join('');
  collect(tree);
  const render = (nodes: SNode[]): string => nodes.map((n): string => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'variable') return variable(n);
    return values.get(n.index) ?? '';
  }).join('');
  return render(tree);
}

function choicesOf(body: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const walk = (nodes: SNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'tabstop' && n.choices) out.set(n.index, n.choices);
      if (n.kind !== 'text' && n.children) walk(n.children);
    }
  };
  walk(new SnippetParser(body).parse());
  return out;
}

test('the snippet expander follows VS Code semantics on small cases', () => {
  const vars = { TM_FILENAME: 'ifcfg-bond3' };
  assert.equal(expand('a${1:x}b$1c$0', { vars }), 'axbxc');
  assert.equal(expand('${1|p,q|}-$1', { vars }), 'p-p');
  assert.equal(expand('${1|p,q|}', { vars, choose: new Map([[1, 'q']]) }), 'q');
  assert.equal(expand('${1:${TM_FILENAME/^ifcfg-(.+)$|^.*$/${1:-bond0}/}}', { vars }), 'bond3');
  assert.equal(expand('${1:${TM_FILENAME/^ifcfg-(.+)$|^.*$/${1:-bond0}/}}', { vars: { TM_FILENAME: 'Untitled-1' } }), 'bond0');
  assert.equal(expand('\\$x \\} $', { vars }), '$x } $');
});

// ---------------------------------------------------------------------------------------------
// Snippets

interface Snippet { prefix: string | string[]; description: string; body: string | string[] }

function loadSnippets(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

function bodyOf(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

const IFCFG_SNIPPETS = loadSnippets('ifcfg.json');
const MODPROBE_SNIPPETS = loadSnippets('modprobe.json');

function problems(d: Diagnostic[]): string[] {
  return d.filter((x) => x.severity === DiagnosticSeverity.Error || x.severity === DiagnosticSeverity.Warning)
    .map((x) => `${x.code} (line ${x.range.start.line}): ${typeof x.message === 'string' ? x.message : ''}`);
}

function lintIfcfg(fileName: string, text: string): string[] {
  return problems(diagnose(makeContext(NS + fileName, text, 'ifcfg')));
}

function deviceOf(text: string): string {
  const m = /^DEVICE=(\S+)$/m.exec(text);
  assert.ok(m, `no DEVICE line in\n${text}`);
  return m[1];
}

/** Every expansion to check: the defaults, then each alternative of each choice (one at a time). */
function variants(body: string): { label: string; choose?: Map<number, string> }[] {
  const out: { label: string; choose?: Map<number, string> }[] = [{ label: 'defaults' }];
  for (const [index, alts] of choicesOf(body)) {
    for (const alt of alts.slice(1)) out.push({ label: `$${index}=${alt}`, choose: new Map([[index, alt]]) });
  }
  return out;
}

test('ifcfg snippets: expanded with their defaults and with every choice, each lints clean', () => {
  assert.ok(IFCFG_SNIPPETS.length >= 8);
  for (const [name, s] of IFCFG_SNIPPETS) {
    const body = bodyOf(s);
    for (const v of variants(body)) {
      // In an untitled buffer the fallback device name is used; name the file after it.
      const text = expand(body, { vars: { TM_FILENAME: 'Untitled-1' }, choose: v.choose });
      const fileName = `ifcfg-${deviceOf(text)}`;
      assert.deepEqual(lintIfcfg(fileName, text), [], `${name} (${v.label}) as ${fileName}:\n${text}`);
      assert.ok(text.endsWith('\n'), `${name}: ends with a line break`);
      assert.doesNotMatch(text, /\$|\\/, `${name}: nothing left of the snippet syntax`);
    }
  }
});

test('ifcfg snippets take DEVICE (and a VLAN\'s PHYSDEV) from the file name', () => {
  for (const [name, s] of IFCFG_SNIPPETS) {
    const body = bodyOf(s);
    const fallback = deviceOf(expand(body, { vars: { TM_FILENAME: 'Untitled-1' } }));
    // Same text when the file is already named after the default device.
    assert.equal(expand(body, { vars: { TM_FILENAME: `ifcfg-${fallback}` } }), expand(body, { vars: { TM_FILENAME: 'Untitled-1' } }), name);
    const other = fallback.replace(/[0-9]+/, '7');
    const text = expand(body, { vars: { TM_FILENAME: `ifcfg-${other}` } });
    assert.equal(deviceOf(text), other, name);
    assert.deepEqual(lintIfcfg(`ifcfg-${other}`, text), [], `${name} as ifcfg-${other}:\n${text}`);
    if (/^VLAN=yes$/m.test(text)) assert.match(text, /^PHYSDEV=bond7$/m, name);
  }
});

function opts(text: string): Map<string, string> {
  const m = /^BONDING_OPTS="([^"]*)"$/m.exec(text);
  return new Map((m ? m[1].split(' ') : []).map((kv) => kv.split('=') as [string, string]));
}

function expandDefault(s: Snippet): string {
  return expand(bodyOf(s), { vars: { TM_FILENAME: 'Untitled-1' } });
}

test('ifcfg snippets cover the common designs, a member and a VLAN', () => {
  const texts = IFCFG_SNIPPETS.map(([name, s]) => ({ name, s, text: expandDefault(s), o: opts(expandDefault(s)) }));
  const has = (what: string, f: (o: Map<string, string>, text: string) => boolean) =>
    assert.ok(texts.some((t) => f(t.o, t.text)), `no snippet for ${what}`);
  has('active-backup + miimon + primary', (o) => o.get('mode') === 'active-backup' && !!o.get('miimon') && !!o.get('primary'));
  has('active-backup + ARP monitoring', (o) => o.get('mode') === 'active-backup' && !!o.get('arp_interval') && !!o.get('arp_ip_target') && !!o.get('arp_validate'));
  has('802.3ad + lacp_rate + xmit_hash_policy', (o) => o.get('mode') === '802.3ad' && !!o.get('lacp_rate') && !!o.get('xmit_hash_policy'));
  has('balance-alb', (o) => o.get('mode') === 'balance-alb');
  has('balance-rr', (o) => o.get('mode') === 'balance-rr');
  has('a member', (_o, t) => makeContext(NS + 'ifcfg-eth0', t, 'ifcfg').language === 'ifcfg'
    && (makeContext(NS + 'ifcfg-eth0', t, 'ifcfg') as IfcfgContext).role === 'member');
  has('a VLAN on a bond', (_o, t) => /^VLAN=yes$/m.test(t) && /^PHYSDEV=bond0$/m.test(t));
  for (const t of texts) {
    // Every bond snippet is recognised as a bond by both consumers' rules and says which mode it is.
    if (!t.o.size) continue;
    const ctx = makeContext(NS + `ifcfg-${deviceOf(t.text)}`, t.text, 'ifcfg') as IfcfgContext;
    assert.equal(ctx.role, 'bond', t.name);
    const modeChoice = choicesOf(bodyOf(t.s)).get(Number(/mode=\$\{([0-9]+)\|/.exec(bodyOf(t.s))?.[1]));
    if (modeChoice) {
      assert.deepEqual([...modeChoice].sort(), [...MODE_NAMES].sort(), `${t.name}: the mode list offers every mode the KB knows`);
    } else {
      const mode = modeByName(t.o.get('mode')!);
      assert.ok(mode, t.name);
      assert.ok(t.s.description.includes(mode.summary), `${t.name}: description carries the KB summary of ${mode.name}`);
      assert.ok(t.s.description.includes(`(mode ${mode.number})`), t.name);
    }
  }
});

test('choice lists in snippets offer only values the kernel accepts', () => {
  for (const [name, s] of [...IFCFG_SNIPPETS, ...MODPROBE_SNIPPETS]) {
    const body = bodyOf(s);
    for (const [index, alts] of choicesOf(body)) {
      const m = new RegExp(`([a-z_]+)=\\$\\{${index}\\|`).exec(body) ?? new RegExp(`([A-Z_]+)=\\$\\{${index}\\|`).exec(body);
      assert.ok(m, `${name}: choice $${index} follows a key`);
      const key = m[1];
      if (key === 'NM_CONTROLLED') { assert.deepEqual(alts, ['yes', 'no'], name); continue; }
      if (key === 'mode') { for (const a of alts) assert.ok(modeByName(a), `${name}: ${a}`); continue; }
      const opt = getOption(key);
      assert.ok(opt?.values, `${name}: ${key} is an enumerated option`);
      for (const a of alts) assert.ok(opt.values.some((v) => v.name === a), `${name}: ${key}=${a}`);
    }
  }
});

test('modprobe snippets: expanded with their defaults and every choice, each lints clean', () => {
  const all: string[] = [];
  for (const [name, s] of MODPROBE_SNIPPETS) {
    const body = bodyOf(s);
    for (const v of variants(body)) {
      const text = expand(body, { vars: {}, choose: v.choose });
      all.push(text);
      assert.deepEqual(problems(diagnose(makeContext(MODPROBE, text, 'modprobe'))), [], `${name} (${v.label}):\n${text}`);
    }
  }
  const joined = all.join('');
  assert.match(joined, /^alias bond0 bonding$/m);
  assert.match(joined, /^softdep bonding pre: \S+/m);
  assert.match(joined, /^options bonding mode=\S+ miimon=100$/m);
  const options = MODPROBE_SNIPPETS.find(([, s]) => /^options bonding mode=/m.test(bodyOf(s)))!;
  assert.match(bodyOf(options[1]), /^# .*BONDING_OPTS/m, 'options bonding comes with the advice to prefer BONDING_OPTS');
  // The comment sits in column 1 (kmod has no other comments).
  for (const [, s] of MODPROBE_SNIPPETS) for (const l of bodyOf(s).split('\n')) assert.ok(!/^\s+#/.test(l));
});

test('all snippet prefixes are unique within a language', () => {
  for (const list of [IFCFG_SNIPPETS, MODPROBE_SNIPPETS]) {
    const prefixes = list.flatMap(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.equal(new Set(prefixes).size, prefixes.length, prefixes.join(' '));
  }
});

// ---------------------------------------------------------------------------------------------
// Generated bond files

function specFor(mode: ModeName, ipv4: BondSpec['ipv4'], nmControlled: 'yes' | 'no'): BondSpec {
  return {
    name: 'bond3', mode, members: ['eth2', 'ens1f0'], ipv4, nmControlled,
    primary: modeUsesPrimary(mode) ? 'eth2' : undefined,
    lacpRate: modeUsesLacpRate(mode) ? 'fast' : undefined,
    xmitHashPolicy: modeUsesXmitHash(mode) ? 'layer3+4' : undefined,
  };
}

const IPV4S: BondSpec['ipv4'][] = [
  { address: '192.0.2.10', prefix: 24, gateway: '192.0.2.1' },
  { address: '198.51.100.7', prefix: 30 },
  'dhcp',
];

test('generated files lint clean for every mode, addressing and NM_CONTROLLED, alone and as a host', () => {
  let n = 0;
  for (const mode of MODE_NAMES) {
    for (const ipv4 of IPV4S) {
      for (const nm of ['yes', 'no'] as const) {
        const spec = specFor(mode, ipv4, nm);
        assert.deepEqual(bondSpecProblems(spec), []);
        const files = bondFiles(spec);
        assert.deepEqual(files.map((f) => f.fileName), ['ifcfg-bond3', 'ifcfg-eth2', 'ifcfg-ens1f0']);
        const model = new WorkspaceModel();
        for (const f of files) {
          assert.deepEqual(lintIfcfg(f.fileName, f.text), [], `${mode} ${JSON.stringify(ipv4)} ${nm}: ${f.fileName}\n${f.text}`);
          model.set(NS + f.fileName, f.text, 'ifcfg');
          const ctx = makeContext(NS + f.fileName, f.text, 'ifcfg') as IfcfgContext;
          assert.equal(ctx.role, f.role);
          n++;
        }
        // Cross-file rules (members exist, NM_CONTROLLED/ONBOOT agree, primary is a member, …).
        for (const f of files) {
          assert.deepEqual(problems(diagnose(model.get(NS + f.fileName)!)), [], `${mode} host lint: ${f.fileName}`);
        }
      }
    }
  }
  assert.equal(n, MODE_NAMES.length * IPV4S.length * 2 * 3);
});

test('generated files have the expected shape', () => {
  const spec: BondSpec = {
    name: 'bond1', mode: 'active-backup', members: ['eth2', 'eth3'], primary: 'eth2',
    ipv4: { address: '192.0.2.20', prefix: 24, gateway: '192.0.2.1' }, nmControlled: 'no',
  };
  assert.equal(bondFileText(spec), [
    'DEVICE=bond1', 'TYPE=Bond', 'BONDING_MASTER=yes', 'BONDING_OPTS="mode=active-backup miimon=100 primary=eth2"',
    'ONBOOT=yes', 'BOOTPROTO=none', 'IPADDR=192.0.2.20', 'PREFIX=24', 'GATEWAY=192.0.2.1', 'NM_CONTROLLED=no', '',
  ].join('\n'));
  assert.equal(memberFileText(spec, 'eth3'), [
    'DEVICE=eth3', 'TYPE=Ethernet', 'MASTER=bond1', 'SLAVE=yes', 'ONBOOT=yes', 'BOOTPROTO=none', 'NM_CONTROLLED=no', '',
  ].join('\n'));
  assert.equal(bondFileText({ ...spec, ipv4: 'dhcp', nmControlled: 'yes' }, '\r\n'),
    'DEVICE=bond1\r\nTYPE=Bond\r\nBONDING_MASTER=yes\r\nBONDING_OPTS="mode=active-backup miimon=100 primary=eth2"\r\nONBOOT=yes\r\nBOOTPROTO=dhcp\r\nNM_CONTROLLED=yes\r\n');
  assert.equal(bondingOpts({ ...spec, mode: '802.3ad', primary: undefined, lacpRate: 'slow', xmitHashPolicy: 'layer2+3', miimon: 200 }),
    'mode=802.3ad miimon=200 lacp_rate=slow xmit_hash_policy=layer2+3');
  for (const m of MODES) assert.match(bondingOpts({ ...spec, mode: m.name, primary: undefined }), new RegExp(`^mode=${m.name.replace(/\./g, '\\.')} miimon=100$`));
});

test('spec problems are reported instead of writing a broken file', () => {
  const ok: BondSpec = { name: 'bond1', mode: '802.3ad', members: ['eth2'], ipv4: 'dhcp', nmControlled: 'yes' };
  assert.deepEqual(bondSpecProblems(ok), []);
  const bad = (patch: Partial<BondSpec>, re: RegExp) => {
    const p = bondSpecProblems({ ...ok, ...patch });
    assert.ok(p.some((x) => re.test(x)), `${JSON.stringify(patch)} -> ${JSON.stringify(p)}`);
    assert.throws(() => bondFiles({ ...ok, ...patch }), re);
  };
  bad({ primary: 'eth2' }, /primary is not used in 802\.3ad/);
  bad({ mode: 'active-backup', primary: 'eth9' }, /not one of the members/);
  bad({ mode: 'active-backup', lacpRate: 'fast' }, /lacp_rate has no effect in active-backup/);
  bad({ lacpRate: 'quick' }, /lacp_rate=quick is not valid/);
  bad({ xmitHashPolicy: 'layer3' }, /xmit_hash_policy=layer3 is not valid/);
  bad({ members: [] }, /at least one member/);
  bad({ members: ['eth2', 'eth2'] }, /listed twice/);
  bad({ members: ['bond1'] }, /the bond itself/);
  bad({ name: 'bond 1' }, /bond name/);
  bad({ name: 'averyveryverylongname' }, /longer than 15/);
  bad({ members: ['eth$x'] }, /letters, digits/);
  bad({ mode: 'lacp' as ModeName }, /unknown mode/);
  bad({ ipv4: { address: '192.0.2.300', prefix: 24 } }, /not an IPv4 address/);
  bad({ ipv4: { address: '192.0.2.3', prefix: 33 } }, /prefix 33/);
  bad({ ipv4: { address: '192.0.2.3', prefix: 24, gateway: 'router' } }, /gateway/);
  bad({ miimon: 0 }, /miimon 0/);
});

test('first free bondN and address parsing', () => {
  assert.equal(firstFreeBondName([]), 'bond0');
  assert.equal(firstFreeBondName(['ifcfg-bond0', 'ifcfg-eth0', 'bond2']), 'bond1');
  assert.equal(firstFreeBondName(['bond0', 'bond1']), 'bond2');
  assert.deepEqual(parseAddressWithPrefix('192.0.2.10/24'), { address: '192.0.2.10', prefix: 24 });
  assert.equal(parseAddressWithPrefix('192.0.2.10'), undefined);
  assert.equal(parseAddressWithPrefix('192.0.2.10/0'), undefined);
  assert.equal(parseAddressWithPrefix('192.0.2.256/24'), undefined);
});

// ---------------------------------------------------------------------------------------------
// Member edits

const BOND = { name: 'bond1', nmControlled: 'no' as const };

function edited(text: string, bond: Pick<BondSpec, 'name' | 'nmControlled'> = BOND, name = 'ifcfg-eth2'): string {
  const edits = memberEdits(text, bond, NS + name);
  const out = applyEdits(text, edits);
  // Applying again changes nothing.
  assert.deepEqual(memberEdits(out, bond, NS + name), [], `not idempotent:\n${JSON.stringify(out)}`);
  return out;
}

/** The lines of `before` that are not in `removed` come through unchanged and in order. */
function keepsOtherLines(before: string, after: string, changed: RegExp): void {
  const keep = before.split(/(?<=\n)/).filter((l) => !changed.test(l));
  let rest = after;
  for (const l of keep) {
    const at = rest.indexOf(l);
    assert.ok(at >= 0, `line ${JSON.stringify(l)} missing from\n${JSON.stringify(after)}`);
    rest = rest.slice(at + l.length);
  }
}

test('member edits: a static interface becomes a member; comments and other lines stay byte for byte', () => {
  const before = [
    '# eth2: uplink to sw1 port 12',
    'DEVICE=eth2',
    'TYPE=Ethernet',
    'HWADDR=52:54:00:12:34:56   # permanent MAC',
    'BOOTPROTO=static',
    'IPADDR=192.0.2.50',
    '# old address kept for reference',
    'PREFIX=24',
    'GATEWAY=192.0.2.1',
    'DNS1=192.0.2.53',
    'DEFROUTE=yes',
    'ONBOOT=yes',
    'MTU=9000',
    '',
  ].join('\n');
  const after = edited(before);
  assert.equal(after, [
    '# eth2: uplink to sw1 port 12',
    'DEVICE=eth2',
    'TYPE=Ethernet',
    'MASTER=bond1',
    'SLAVE=yes',
    'NM_CONTROLLED=no',
    'HWADDR=52:54:00:12:34:56   # permanent MAC',
    'BOOTPROTO=static',
    '# old address kept for reference',
    'ONBOOT=yes',
    'MTU=9000',
    '',
  ].join('\n'));
  keepsOtherLines(before, after, /^(IPADDR|PREFIX|GATEWAY|DNS1|DEFROUTE)=/);
  assert.deepEqual(lintIfcfg('ifcfg-eth2', after), []);
});

test('member edits keep CRLF, quoting and a BOM, and change values in place', () => {
  const before = '\uFEFFDEVICE="eth2"\r\nMASTER="bond0"\r\nSLAVE=no\r\nBOOTPROTO=dhcp\r\nNM_CONTROLLED=yes # managed\r\nONBOOT=no\r\nUSERCTL=no\r\n';
  const after = edited(before);
  assert.equal(after, '\uFEFFDEVICE="eth2"\r\nMASTER="bond1"\r\nSLAVE=yes\r\nBOOTPROTO=none\r\nNM_CONTROLLED=no # managed\r\nONBOOT=yes\r\nUSERCTL=no\r\n');
  assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line breaks');
  assert.deepEqual(lintIfcfg('ifcfg-eth2', after), []);
});

test('member edits: inserted lines use CRLF in a CRLF file', () => {
  const after = edited('DEVICE=eth2\r\nIPADDR=192.0.2.9\r\nPREFIX=24\r\n');
  assert.equal(after, 'DEVICE=eth2\r\nMASTER=bond1\r\nSLAVE=yes\r\nNM_CONTROLLED=no\r\n');
});

test('member edits: last line without a line break, being removed', () => {
  assert.equal(edited('DEVICE=eth2\nIPADDR=192.0.2.9'), 'DEVICE=eth2\nMASTER=bond1\nSLAVE=yes\nNM_CONTROLLED=no');
  assert.equal(edited('DEVICE=eth2'), 'DEVICE=eth2\nMASTER=bond1\nSLAVE=yes\nNM_CONTROLLED=no');
  assert.equal(edited('DEVICE=eth2\nONBOOT=yes', { name: 'bond1', nmControlled: 'yes' }), 'DEVICE=eth2\nMASTER=bond1\nSLAVE=yes\nONBOOT=yes');
});

test('member edits: MASTER_UUID goes, a duplicate IPADDR goes too, NM_CONTROLLED=yes needs no line', () => {
  const before = 'DEVICE=eth2\nIPADDR=192.0.2.8\nMASTER_UUID=0b6b1e44-2d0c-4d6e-9b0d-2c1a9a1c1f00\nIPADDR=192.0.2.9\nSLAVE=yes\n';
  assert.equal(edited(before, { name: 'bond1', nmControlled: 'yes' }), 'DEVICE=eth2\nSLAVE=yes\nMASTER=bond1\n');
});

test('member edits on an existing member of this bond: nothing to do', () => {
  const text = 'DEVICE=eth2\nTYPE=Ethernet\nMASTER=bond1\nSLAVE=yes\nONBOOT=yes\nBOOTPROTO=none\nNM_CONTROLLED=no\n';
  assert.deepEqual(memberEdits(text, BOND), []);
});

test('member edits on an empty file and on a file with only comments', () => {
  assert.equal(edited(''), 'MASTER=bond1\nSLAVE=yes\nNM_CONTROLLED=no\n');
  assert.equal(edited('# spare port\n'), '# spare port\nMASTER=bond1\nSLAVE=yes\nNM_CONTROLLED=no\n');
});

test('member edits leave every byte outside the edited lines identical (fixture files)', () => {
  const edits: TextEdit[] = memberEdits(readFileSync(join(ROOT, 'test', 'e2e', 'workspace', 'host-a', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-eth1'), 'utf8'), BOND);
  assert.equal(edits.length, 1, JSON.stringify(edits));
  assert.equal(edits[0].newText, 'bond1');
});
