// The fuzz / property harness shared by test/unit/property.test.ts (a few thousand cases in `npm test`)
// and test/fuzz/run.ts (`npm run fuzz`, 100k+ cases). It knows:
//   - the seed corpus: every file of examples/ and of bench/gen-fleet.mjs hosts, each with its host's
//     other files (so cross-file rules and navigation have something to work on);
//   - mutations (bytes, lines, quotes, backslashes, `=`, `#`, tabs, CR/LF mixes, NUL, BOM, lone
//     surrogates, very long lines) and token-soup documents built from the languages' own vocabulary;
//   - check(): runs the whole analysis on one document and returns every invariant it breaks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type {
  CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analyzer, applyTextEdits, codeActions, complete, diagnose, fixAll, hostViewOf, hover, makeContext,
  RULES, suppressionActions, WorkspaceModel,
} from '../../server/src/analysis';
import type { DocContext } from '../../server/src/analysis';
import * as nav from '../../server/src/analysis/navigation';
import type { Finding, Rule } from '../../server/src/analysis/rules/types';
import { IFCFG_KEY_NAMES } from '../../server/src/analysis/kb/ifcfg-keys';
import { BOND_OPTIONS } from '../../server/src/analysis/kb/options';
import { SwallowedExceptions } from './swallowed';

export type Lang = 'ifcfg' | 'modprobe';
export const ROOT = path.resolve(__dirname, '..', '..');

/** One document to analyse, with the other files of its host ({ uri: text }). */
export interface Case {
  uri: string;
  lang: Lang;
  text: string;
  siblings: Record<string, string>;
}

export interface Seed {
  name: string;
  uri: string;
  lang: Lang;
  text: string;
  siblings: Record<string, string>;
}

// ---------------------------------------------------------------- seed corpus

function langOf(p: string): Lang | undefined {
  if (/\/ifcfg-[^/]*$/.test(p)) return 'ifcfg';
  if (/\/modprobe\.d\/[^/]+\.conf$/.test(p) || /\/modprobe\.conf$/.test(p)) return 'modprobe';
  return undefined;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

function seedsOfHost(name: string, files: Record<string, string>): Seed[] {
  const out: Seed[] = [];
  for (const [uri, text] of Object.entries(files)) {
    const lang = langOf(uri);
    if (!lang) continue;
    const siblings = { ...files };
    delete siblings[uri];
    out.push({ name: `${name}:${uri.replace(/^.*\/etc\//, 'etc/')}`, uri, lang, text, siblings });
  }
  return out;
}

interface GenFleet {
  rng(seed: number): () => number;
  hostFiles(r: () => number, i: number, mistakeRate?: number): { files: Record<string, string> };
}

/** examples/ hosts and `hosts` generated hosts (every 3rd with an injected mistake). */
export async function loadSeeds(hosts = 12, fleetSeed = 1): Promise<Seed[]> {
  const seeds: Seed[] = [];
  const ex = path.join(ROOT, 'examples');
  for (const host of fs.readdirSync(ex, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const files: Record<string, string> = {};
    for (const f of walk(path.join(ex, host))) {
      if (langOf(f)) files[`file:///ex/${host}/${path.relative(path.join(ex, host), f).split(path.sep).join('/')}`] = fs.readFileSync(f, 'utf8');
    }
    seeds.push(...seedsOfHost(`examples/${host}`, files));
  }
  const gen = (await import(pathToFileURL(path.join(ROOT, 'bench', 'gen-fleet.mjs')).href)) as GenFleet;
  const r = gen.rng(fleetSeed);
  for (let i = 0; i < hosts; i++) {
    const { files } = gen.hostFiles(r, i, i % 3 === 0 ? 1 : 0);
    const host = `host${i}`;
    const byUri: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      byUri[name.startsWith('ifcfg-') ? `file:///fleet/${host}/etc/sysconfig/network-scripts/${name}` : `file:///fleet/${host}/etc/modprobe.d/${name}`] = text;
    }
    seeds.push(...seedsOfHost(`fleet/${host}`, byUri));
  }
  return seeds;
}

// ---------------------------------------------------------------- vocabulary and mutations

const OPTION_NAMES = BOND_OPTIONS.map((o) => o.name);
/** Small strings that matter to the parsers and rules. */
export const ATOMS: readonly string[] = [
  '"', "'", '\\', '=', '#', '\t', ' ', '  ', '\r', '\n', '\r\n', '\0', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00', '\u2028', '\u0085', '\x7f', 'é',
  '$', '$(', '${', '}', ')', '`', "$'", '$"', ';', '|', '&', '&&', '<', '>', '//', ',', ',,', '+', '-', ':', '.', '[', ']', '*', '?', '\\\n', '\\\r\n',
  'export ', 'mode=', 'miimon=', 'arp_ip_target=', 'arp_interval=', '+10.0.0.1', '-10.0.0.1', '10.0.0.1,10.0.0.2', 'primary=', 'slaves=+eth0', 'queue_id=eth0:1',
  '802.3ad', 'active-backup', 'balance-rr', '4', '1', '0', '100', '-1', '4294967296', '0x10', 'fast', 'yes', 'no', 'bond0', 'bond1', 'eth0', 'eth1', 'eno1',
  'DEVICE=', 'MASTER=', 'SLAVE=yes', 'TYPE=Bond', 'BONDING_MASTER=yes', 'BONDING_OPTS="', 'MASTER_UUID=', 'UUID=', 'HWADDR=', 'IPADDR=', 'NM_CONTROLLED=',
  'options ', 'options bonding ', 'alias bond0 bonding', 'alias ', 'install bonding /bin/true', 'remove ', 'blacklist ', 'softdep ', 'include ', 'bonding', 'bond-ing',
  '# bondlint disable-next-line all', '# bondlint disable ', '# bondlint disable-next-line ', 'unknown-key', 'duplicate-key',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf',
];

export const WORDS: readonly string[] = [...IFCFG_KEY_NAMES, ...OPTION_NAMES, ...RULES.map((r) => r.id)];

export type Mutation =
  | { k: 'insert'; at: number; s: string }
  | { k: 'delete'; at: number; len: number }
  | { k: 'duplicate'; at: number; len: number }
  | { k: 'replaceChar'; at: number; s: string }
  | { k: 'insertLine'; line: number; s: string }
  | { k: 'deleteLine'; line: number }
  | { k: 'duplicateLine'; line: number }
  | { k: 'swapLines'; a: number; b: number }
  | { k: 'eol'; style: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none'; seed: number }
  | { k: 'bom' }
  | { k: 'long'; at: number; unit: string; n: number }
  | { k: 'truncate'; at: number };

function atOf(text: string, at: number): number {
  return at % (text.length + 1);
}

function lineSplit(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

export function mutate(text: string, m: Mutation): string {
  switch (m.k) {
    case 'insert': { const i = atOf(text, m.at); return text.slice(0, i) + m.s + text.slice(i); }
    case 'delete': { const i = atOf(text, m.at); return text.slice(0, i) + text.slice(i + m.len); }
    case 'duplicate': { const i = atOf(text, m.at); const s = text.slice(i, i + m.len); return text.slice(0, i) + s + s + text.slice(i + m.len); }
    case 'replaceChar': { const i = atOf(text, m.at); return text.slice(0, i) + m.s + text.slice(i + 1); }
    case 'truncate': return text.slice(0, atOf(text, m.at));
    case 'bom': return '\uFEFF' + text;
    case 'long': { const i = atOf(text, m.at); return text.slice(0, i) + m.unit.repeat(m.n) + text.slice(i); }
    case 'eol': {
      const ls = text.split(/\r\n|\n|\r/);
      if (m.style === 'none') return ls.join('');
      let s = m.seed;
      const pick = () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return ['\n', '\r\n', '\r'][s % 3]; };
      const eol = m.style === 'lf' ? '\n' : m.style === 'crlf' ? '\r\n' : '\r';
      return ls.map((l, i) => (i === ls.length - 1 ? l : l + (m.style === 'mixed' ? pick() : eol))).join('');
    }
    default: {
      const ls = lineSplit(text);
      const n = ls.length;
      if (m.k === 'insertLine') { const i = m.line % (n + 1); ls.splice(i, 0, m.s + '\n'); return ls.join(''); }
      if (!n) return text;
      if (m.k === 'deleteLine') { ls.splice(m.line % n, 1); return ls.join(''); }
      if (m.k === 'duplicateLine') { const i = m.line % n; ls.splice(i, 0, ls[i].replace(/[\r\n]*$/, '\n')); return ls.join(''); }
      const a = m.a % n; const b = m.b % n;
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('');
    }
  }
}

export interface ArbOptions {
  /** Longest repetition of a mutation's `long` unit (very long lines). */
  maxRepeat?: number;
  maxMutations?: number;
}

let fragments: fc.Arbitrary<string> | undefined;
export function fragmentArb(): fc.Arbitrary<string> {
  return fragments ??= fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ATOMS) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ATOMS, ...WORDS), { minLength: 2, maxLength: 6 }).map((a) => a.join('')) },
  );
}

export function mutationArb(o: ArbOptions = {}): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const s = fragmentArb();
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ k: fc.constant('insert' as const), at, s }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('duplicate' as const), at, len: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('replaceChar' as const), at, s }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('insertLine' as const), line: fc.nat(), s: fc.array(fragmentArb(), { maxLength: 8 }).map((a) => a.join('')) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('deleteLine' as const), line: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('eol' as const), style: fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const, 'mixed' as const, 'none' as const), seed: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ k: 'bom' as const }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('long' as const), at, unit: fragmentArb().filter((u) => u.length > 0), n: fc.integer({ min: 1, max: o.maxRepeat ?? 2000 }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('truncate' as const), at }) },
  );
}

/** A seed document with a few mutations applied. */
export function mutatedCaseArb(seeds: readonly Seed[], o: ArbOptions = {}): fc.Arbitrary<Case> {
  return fc.record({ seed: fc.nat(seeds.length - 1), muts: fc.array(mutationArb(o), { minLength: 1, maxLength: o.maxMutations ?? 6 }) })
    .map(({ seed, muts }) => {
      const s = seeds[seed];
      let text = s.text;
      for (const m of muts) text = mutate(text, m);
      return { uri: s.uri, lang: s.lang, text, siblings: s.siblings };
    });
}

const TARGETS: readonly { name: string; lang: Lang }[] = [
  { name: 'etc/sysconfig/network-scripts/ifcfg-bond0', lang: 'ifcfg' },
  { name: 'etc/sysconfig/network-scripts/ifcfg-eth0', lang: 'ifcfg' },
  { name: 'etc/sysconfig/network-scripts/ifcfg-bond0.bak', lang: 'ifcfg' },
  { name: 'etc/sysconfig/network-scripts/ifcfg-__proto__', lang: 'ifcfg' },
  { name: 'etc/modprobe.d/bonding.conf', lang: 'modprobe' },
  { name: 'etc/modprobe.conf', lang: 'modprobe' },
];

/** Token soup: lines made of the languages' own words and punctuation, placed into a seed's host. */
export function soupCaseArb(seeds: readonly Seed[]): fc.Arbitrary<Case> {
  const line = fc.array(fragmentArb(), { maxLength: 12 }).map((a) => a.join(''));
  return fc.record({
    seed: fc.nat(seeds.length - 1),
    target: fc.constantFrom(...TARGETS),
    lines: fc.array(line, { maxLength: 24 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
  }).map(({ seed, target, lines, eol }) => {
    const s = seeds[seed];
    const root = s.uri.replace(/\/etc\/.*$/, '');
    const uri = `${root}/${target.name}`;
    const siblings = { ...s.siblings, [s.uri]: s.text };
    delete siblings[uri];
    return { uri, lang: target.lang, text: lines.join(eol), siblings };
  });
}

export function caseArb(seeds: readonly Seed[], o: ArbOptions = {}): fc.Arbitrary<Case> {
  return fc.oneof({ weight: 3, arbitrary: mutatedCaseArb(seeds, o) }, { weight: 1, arbitrary: soupCaseArb(seeds) });
}

// ---------------------------------------------------------------- invariants

export interface Problem {
  kind: 'throw' | 'internal-error' | 'swallowed' | 'range' | 'nondeterministic' | 'fix-edit' | 'fix-outside' | 'fix-reparse'
    | 'apply-edits' | 'fix-all-idempotent' | 'slow';
  /** Stable across similar inputs (used to group findings). */
  signature: string;
  detail: string;
}

class Lines {
  readonly lines: string[];
  constructor(readonly text: string) { this.lines = text.split(/\r\n|\n|\r/); }
  has(p: Position | undefined): boolean {
    return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.lines.length
      && p.character >= 0 && p.character <= this.lines[p.line].length;
  }
  hasRange(r: Range | undefined): boolean {
    return !!r && this.has(r.start) && this.has(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
  }
}

const linesCache = new Map<string, Lines>();
function linesFor(text: string): Lines {
  let l = linesCache.get(text);
  if (!l) {
    if (linesCache.size > 64) linesCache.clear();
    linesCache.set(text, (l = new Lines(text)));
  }
  return l;
}

function inRange(inner: Range, outer: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function offsetOf(doc: TextDocument, p: Position): number {
  return doc.offsetAt(p);
}

/** The positions every document is probed at: corners, past the end, diagnostics, one random. */
function probePositions(text: string, diags: readonly Diagnostic[], extra?: Position): Position[] {
  const ls = text.split(/\r\n|\n|\r/);
  const out: Position[] = [];
  const mid = Math.floor(ls.length / 2);
  const len = (l: number) => ls[l]?.length ?? 0;
  out.push({ line: 0, character: 0 }, { line: 0, character: 1 }, { line: 0, character: len(0) }, { line: 0, character: len(0) + 7 });
  out.push({ line: mid, character: Math.floor(len(mid) / 2) }, { line: mid, character: len(mid) });
  out.push({ line: ls.length - 1, character: len(ls.length - 1) }, { line: ls.length, character: 0 }, { line: ls.length + 5, character: 3 });
  for (const d of diags.slice(0, 4)) out.push(d.range.start, { line: d.range.end.line, character: d.range.end.character + 1 });
  out.push({ line: -1, character: -1 });
  if (extra) out.push(extra);
  return out;
}

/** Everything the analysis answers about one document; plain data, compared for determinism. */
interface Outcome {
  diags: Diagnostic[];
  hostDiags: Diagnostic[];
  actions: CodeAction[];
  hostActions: CodeAction[];
  probes: unknown[];
  nav: unknown[];
  fixAll: string;
  hostFixAll: string;
}

export interface CheckOptions {
  /** Per-document time bound in ms for one run of every feature (the checks around it not counted). */
  timeBoundMs?: number;
  /** Extra position to probe (fast-check supplies one). */
  position?: Position;
  /** Code actions are asked for all diagnostics at once (default), or for the first N. */
  maxActionDiagnostics?: number;
  /** Records exceptions caught inside server/src (see swallowed.ts); started by the caller. */
  swallowed?: SwallowedExceptions;
}

function buildModel(c: Case): WorkspaceModel {
  const model = new WorkspaceModel();
  for (const [uri, text] of Object.entries(c.siblings)) {
    const lang = langOf(uri);
    if (lang) model.set(uri, text, lang);
  }
  model.set(c.uri, c.text, c.lang);
  return model;
}

function textsOf(c: Case): Map<string, string> {
  const m = new Map<string, string>();
  for (const [uri, text] of Object.entries(c.siblings)) if (langOf(uri)) m.set(uri, text);
  m.set(c.uri, c.text);
  return m;
}

function runOnce(c: Case, problems: Problem[], position?: Position, maxActionDiagnostics = Infinity): Outcome {
  const ctx = makeContext(c.uri, c.text, c.lang);
  const diags = diagnose(ctx);
  const forActions = (ds: Diagnostic[]) => (ds.length > maxActionDiagnostics ? ds.slice(0, maxActionDiagnostics) : ds);
  const actions = [...codeActions(ctx, forActions(diags)), ...suppressionActions(ctx, forActions(diags))];
  const model = buildModel(c);
  const hctx = model.get(c.uri)!;
  const hostDiags = diagnose(hctx);
  const hostActions = [...codeActions(hctx, forActions(hostDiags)), ...suppressionActions(hctx, forActions(hostDiags))];
  const view = hostViewOf(model, c.uri);
  const probes: unknown[] = [];
  const navs: unknown[] = [];
  for (const p of probePositions(c.text, hostDiags, position)) {
    probes.push(complete(ctx, p), complete(hctx, p, view), hover(ctx, p), hover(hctx, p));
    navs.push(nav.definition(model, c.uri, p), nav.references(model, c.uri, p, true), nav.references(model, c.uri, p, false), nav.prepareRename(model, c.uri, p));
    for (const newName of ['bond7', 'bad name']) {
      try {
        navs.push(nav.rename(model, c.uri, p, newName, { renameFiles: true }));
      } catch (e) {
        // rename() refuses with an Error whose message is for the user; anything else is a crash.
        if (!(e instanceof Error) || e.constructor !== Error) throw e;
        navs.push({ refused: e.message });
      }
    }
  }
  const lines = c.text.split(/\r\n|\n|\r/).length;
  navs.push(
    nav.documentSymbols(model, c.uri), nav.workspaceSymbols(model, ''), nav.workspaceSymbols(model, 'bond'), nav.workspaceSymbols(model, c.text.slice(0, 5)),
    nav.documentLinks(model, c.uri), nav.codeLenses(model, c.uri), nav.inlayHints(model, c.uri, { start: { line: 0, character: 0 }, end: { line: lines + 1, character: 0 } }),
    nav.definition(model, 'file:///nowhere/ifcfg-x', { line: 0, character: 0 }), nav.documentSymbols(model, 'file:///nowhere/ifcfg-x'),
  );
  const fa = fixAll(ctx, (t) => makeContext(c.uri, t, c.lang)).text;
  const hostModel = buildModel(c);
  const hfa = fixAll(hostModel.get(c.uri)!, (t) => { hostModel.set(c.uri, t, c.lang); return hostModel.get(c.uri)!; }).text;
  for (const [which, ds] of [['standalone', diags], ['host', hostDiags]] as const) {
    for (const d of ds) {
      const m = messageOf(d);
      if (/^internal error in rule/.test(m)) problems.push({ kind: 'internal-error', signature: `internal-error:${firstLine(m)}`, detail: `${which}: ${m}` });
    }
  }
  return { diags, hostDiags, actions, hostActions, probes, nav: navs, fixAll: fa, hostFixAll: hfa };
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').slice(0, 120);
}

/** Calls every rule's check() and fix() directly, without the analysis' try/catch, so throws are seen. */
function strictRules(c: Case, problems: Problem[]): void {
  const model = buildModel(c);
  for (const ctx of [makeContext(c.uri, c.text, c.lang), model.get(c.uri)!] as DocContext[]) {
    for (const rule of RULES) {
      if (rule.language !== ctx.language) continue;
      let findings: Finding[] = [];
      try {
        findings = (rule as Rule & { check(x: DocContext): Finding[] }).check(ctx);
      } catch (e) {
        problems.push({ kind: 'throw', signature: `check:${rule.id}:${errSig(e)}`, detail: `${rule.id}.check threw: ${errText(e)}` });
        continue;
      }
      if (!rule.fix) continue;
      for (const f of findings.slice(0, 50)) {
        try {
          (rule as Rule & { fix(f: Finding, x: DocContext): unknown }).fix(f, ctx);
        } catch (e) {
          problems.push({ kind: 'throw', signature: `fix:${rule.id}:${errSig(e)}`, detail: `${rule.id}.fix threw: ${errText(e)}` });
        }
      }
    }
  }
}

function errSig(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}:${firstLine(e.message)}` : String(e).slice(0, 80);
}

function errText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
}

/** Every Range / Position in the outcome lies in the document it refers to. */
function checkRanges(c: Case, texts: Map<string, string>, o: Outcome, problems: Problem[]): void {
  const docs = new Map<string, Lines>();
  const linesOf = (uri: string): Lines | undefined => {
    let l = docs.get(uri);
    if (!l && texts.has(uri)) docs.set(uri, (l = linesFor(texts.get(uri)!)));
    return l;
  };
  const me = linesOf(c.uri)!;
  const bad = (what: string, r: unknown, uri = c.uri) => problems.push({ kind: 'range', signature: `range:${what.replace(/'[^']*'/g, '…')}`, detail: `${what} outside ${uri}: ${JSON.stringify(r)}` });
  const range = (what: string, r: Range | undefined, l: Lines | undefined = me, uri = c.uri) => { if (!l || !l.hasRange(r)) bad(what, r, uri); };
  for (const [which, ds] of [['diagnostic', o.diags], ['host diagnostic', o.hostDiags]] as const) {
    for (const d of ds) {
      range(`${which} ${d.code}`, d.range);
      for (const ri of d.relatedInformation ?? []) range(`${which} ${d.code} relatedInformation`, ri.location.range, linesOf(ri.location.uri), ri.location.uri);
    }
  }
  const edit = (what: string, e: TextEdit | { insert: Range; replace: Range; newText: string }) => {
    if ('range' in e) range(what, e.range);
    else { range(`${what} insert`, e.insert); range(`${what} replace`, e.replace); }
  };
  for (const p of o.probes) {
    if (!p || typeof p !== 'object') continue;
    if ('items' in p) {
      for (const it of (p as { items: { label: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }[] }).items) {
        if (it.textEdit) edit(`completion '${it.label}' textEdit`, it.textEdit);
        for (const a of it.additionalTextEdits ?? []) edit(`completion '${it.label}' additionalTextEdit`, a);
      }
    } else if ('contents' in p) {
      const r = (p as { range?: Range }).range;
      if (r) range('hover', r);
    }
  }
  const loc = (what: string, l: { uri: string; range: Range }) => range(what, l.range, linesOf(l.uri), l.uri);
  const visit = (what: string, v: unknown): void => {
    if (Array.isArray(v)) { for (const x of v) visit(what, x); return; }
    if (!v || typeof v !== 'object') return;
    const o2 = v as Record<string, unknown>;
    if (typeof o2.uri === 'string' && o2.range) { loc(what, o2 as { uri: string; range: Range }); return; }
    if (o2.selectionRange && o2.range) {
      range('documentSymbol range', o2.range as Range);
      range('documentSymbol selectionRange', o2.selectionRange as Range);
      if (me.hasRange(o2.range as Range) && me.hasRange(o2.selectionRange as Range) && !inRange(o2.selectionRange as Range, o2.range as Range)) {
        problems.push({ kind: 'range', signature: 'range:documentSymbol selectionRange not inside range', detail: JSON.stringify(o2) });
      }
      if (Array.isArray(o2.children)) {
        for (const ch of o2.children as { range: Range }[]) {
          if (me.hasRange(ch.range) && me.hasRange(o2.range as Range) && !inRange(ch.range, o2.range as Range)) {
            problems.push({ kind: 'range', signature: 'range:documentSymbol child not inside parent', detail: JSON.stringify({ parent: o2.range, child: ch }) });
          }
        }
        visit(what, o2.children);
      }
      return;
    }
    if (o2.location) { visit(what, o2.location); return; }
    if (o2.position && 'label' in o2) { if (!me.has(o2.position as Position)) bad('inlayHint position', o2.position); return; }
    if (o2.range && ('command' in o2 || 'target' in o2 || 'placeholder' in o2)) { range(`${what} range`, o2.range as Range); if (o2.command) visit(`${what} command`, (o2.command as { arguments?: unknown }).arguments); return; }
    if ('documentChanges' in o2 || 'changes' in o2) { workspaceEditRanges(what, o2 as WorkspaceEdit, linesOf, bad); return; }
    for (const x of Object.values(o2)) if (x && typeof x === 'object') visit(what, x);
  };
  visit('navigation', o.nav);
  for (const a of [...o.actions, ...o.hostActions]) if (a.edit) workspaceEditRanges(`code action '${a.title}'`, a.edit, linesOf, bad);
}

/**
 * The text edits of a WorkspaceEdit grouped per document, each with the text it applies to. Resource
 * operations are followed in order: a rename makes the new URI stand for the old file's text.
 */
function editTargets(e: WorkspaceEdit, textOf: (uri: string) => string | undefined): { uri: string; before: string | undefined; edits: TextEdit[]; created: boolean }[] {
  const current = new Map<string, string | undefined>();
  const createdSet = new Set<string>();
  const get = (uri: string) => (current.has(uri) ? current.get(uri) : textOf(uri));
  const out = new Map<string, { uri: string; before: string | undefined; edits: TextEdit[]; created: boolean }>();
  const add = (uri: string, edits: readonly TextEdit[]) => {
    const t = out.get(uri) ?? { uri, before: get(uri), edits: [], created: createdSet.has(uri) };
    t.edits.push(...edits);
    out.set(uri, t);
  };
  for (const [uri, edits] of Object.entries(e.changes ?? {})) add(uri, edits);
  for (const dc of e.documentChanges ?? []) {
    if ('kind' in dc) {
      if (dc.kind === 'create') { current.set(dc.uri, ''); createdSet.add(dc.uri); }
      else if (dc.kind === 'rename') { current.set(dc.newUri, get(dc.oldUri)); current.set(dc.oldUri, undefined); }
      else if (dc.kind === 'delete') current.set(dc.uri, undefined);
    } else {
      add(dc.textDocument.uri, dc.edits as TextEdit[]);
    }
  }
  return [...out.values()];
}

function workspaceEditRanges(what: string, e: WorkspaceEdit, linesOf: (uri: string) => Lines | undefined, bad: (what: string, r: unknown, uri?: string) => void): void {
  for (const t of editTargets(e, (uri) => linesOf(uri)?.text)) {
    const l = t.before === undefined ? undefined : linesFor(t.before);
    for (const x of t.edits) if (!l || !l.hasRange(x.range)) bad(`${what} edit`, x.range, t.uri);
  }
}

/** Applying a fix: ranges non-overlapping, only the bytes inside the edits change, the result analyses. */
function checkFixes(c: Case, texts: Map<string, string>, actions: readonly CodeAction[], problems: Problem[], maxReparse = 24): void {
  const seen = new Set<string>();
  let reparse = 0;
  for (const a of actions) {
    // Suppression actions come two per diagnostic and look alike: check each distinct edit once.
    const key = JSON.stringify(a.edit);
    if (seen.has(key)) continue;
    seen.add(key);
    const e = a.edit;
    if (!e) continue;
    for (const { uri, before, edits } of editTargets(e, (u) => texts.get(u))) {
      const sig = `${a.title.replace(/'[^']*'|\d+|`[^`]*`/g, '…')}`;
      if (before === undefined) { problems.push({ kind: 'fix-edit', signature: `fix-edit:unknown document:${sig}`, detail: `'${a.title}' edits ${uri}, which is not in the workspace` }); continue; }
      const lines = linesFor(before);
      if (edits.some((x) => !lines.hasRange(x.range))) continue; // reported by checkRanges
      const doc = TextDocument.create(uri, 'x', 1, before);
      const spans = edits.map((x) => ({ s: offsetOf(doc, x.range.start), e: offsetOf(doc, x.range.end), t: x.newText })).sort((p, q) => p.s - q.s || p.e - q.e);
      let overlap = false;
      for (let i = 1; i < spans.length; i++) if (spans[i].s < spans[i - 1].e) overlap = true;
      if (overlap) { problems.push({ kind: 'fix-edit', signature: `fix-edit:overlapping edits:${sig}`, detail: `'${a.title}' on ${uri}: ${JSON.stringify(edits)}` }); continue; }
      const after = TextDocument.applyEdits(doc, edits);
      const ours = applyTextEdits(before, edits);
      if (ours !== after) problems.push({ kind: 'apply-edits', signature: `apply-edits:${sig}`, detail: `applyTextEdits differs from the LSP reference for '${a.title}' on ${JSON.stringify(before.slice(0, 200))}: ${JSON.stringify(edits)}` });
      if (spans.length) {
        const lo = spans[0].s;
        const hi = spans[spans.length - 1].e;
        if (!after.startsWith(before.slice(0, lo)) || !after.endsWith(before.slice(hi))) {
          problems.push({ kind: 'fix-outside', signature: `fix-outside:${sig}`, detail: `'${a.title}' changed bytes outside its edits` });
        }
        // Between the edits the original bytes stay, in order.
        let at = 0;
        let pos = 0;
        for (const sp of spans) {
          const keep = before.slice(pos, sp.s);
          if (after.slice(at, at + keep.length) !== keep) { problems.push({ kind: 'fix-outside', signature: `fix-outside:${sig}`, detail: `'${a.title}' changed bytes between its edits` }); break; }
          at += keep.length + sp.t.length;
          pos = sp.e;
        }
      }
      const lang = langOf(uri) ?? c.lang;
      if (++reparse > maxReparse) continue;
      try {
        const ds = diagnose(makeContext(uri, after, lang));
        const ie = ds.map(messageOf).find((m) => /^internal error in rule/.test(m));
        if (ie) problems.push({ kind: 'fix-reparse', signature: `fix-reparse:${sig}:${firstLine(ie)}`, detail: `after '${a.title}': ${ie}` });
      } catch (err) {
        problems.push({ kind: 'fix-reparse', signature: `fix-reparse:${sig}:${errSig(err)}`, detail: `after '${a.title}': ${errText(err)}` });
      }
    }
  }
}

function checkFixAllIdempotent(c: Case, o: Outcome, problems: Problem[]): void {
  const re = (t: string) => makeContext(c.uri, t, c.lang);
  const twice = fixAll(re(o.fixAll), re).text;
  if (twice !== o.fixAll) problems.push({ kind: 'fix-all-idempotent', signature: 'fix-all-idempotent:standalone', detail: `fixAll(fixAll(x)) !== fixAll(x):\n  once:  ${JSON.stringify(o.fixAll.slice(0, 300))}\n  twice: ${JSON.stringify(twice.slice(0, 300))}` });
  const model = buildModel({ ...c, text: o.hostFixAll });
  const htwice = fixAll(model.get(c.uri)!, (t) => { model.set(c.uri, t, c.lang); return model.get(c.uri)!; }).text;
  if (htwice !== o.hostFixAll) problems.push({ kind: 'fix-all-idempotent', signature: 'fix-all-idempotent:host', detail: `with a host, fixAll(fixAll(x)) !== fixAll(x):\n  once:  ${JSON.stringify(o.hostFixAll.slice(0, 300))}\n  twice: ${JSON.stringify(htwice.slice(0, 300))}` });
  // The Analyzer the server uses (with its caches) agrees with the plain functions.
  const an = new Analyzer();
  for (const [uri, text] of Object.entries(c.siblings)) { const l = langOf(uri); if (l) an.update(uri, text, l); }
  an.update(c.uri, c.text, c.lang);
  an.diagnostics(c.uri);
  if (!isDeepStrictEqual(an.diagnostics(c.uri), o.hostDiags)) problems.push({ kind: 'nondeterministic', signature: 'nondeterministic:Analyzer', detail: 'Analyzer.diagnostics differs from diagnose() on the same workspace' });
}

/** Runs every feature on one document and returns the invariants it breaks (empty: all good). */
export function check(c: Case, opts: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const t0 = performance.now();
  const sw = opts.swallowed;
  const guard = <T>(what: string, f: () => T): T | undefined => {
    try {
      return sw ? sw.watch(f) : f();
    } catch (e) {
      problems.push({ kind: 'throw', signature: `throw:${what}:${errSig(e)}`, detail: `${what} threw: ${errText(e)}` });
      return undefined;
    }
  };
  const first = guard('analysis', () => runOnce(c, problems, opts.position, opts.maxActionDiagnostics));
  const ms = performance.now() - t0;
  const second = guard('analysis', () => runOnce(c, [], opts.position, opts.maxActionDiagnostics));
  if (first && second && !isDeepStrictEqual(first, second)) {
    const keys = (Object.keys(first) as (keyof Outcome)[]).filter((k) => !isDeepStrictEqual(first[k], second[k]));
    problems.push({ kind: 'nondeterministic', signature: `nondeterministic:${keys.join(',')}`, detail: `two runs on the same input differ in ${keys.join(', ')}` });
  }
  if (first) {
    const texts = textsOf(c);
    checkRanges(c, texts, first, problems);
    guard('fixes', () => checkFixes(c, texts, [...first.actions], problems));
    guard('fixes', () => checkFixes(c, texts, [...first.hostActions], problems));
    guard('fixAll', () => checkFixAllIdempotent(c, first, problems));
  }
  guard('rules', () => strictRules(c, problems));
  for (const s of sw?.take() ?? []) problems.push({ kind: 'swallowed', signature: `swallowed:${s.className}:${s.where}`, detail: `${s.className} caught inside the analysis at ${s.where}: ${s.message}` });
  if (opts.timeBoundMs !== undefined && ms > opts.timeBoundMs) problems.push({ kind: 'slow', signature: 'slow', detail: `took ${Math.round(ms)} ms (bound ${opts.timeBoundMs} ms) on ${c.text.length} characters` });
  return dedupe(problems);
}

// Lighter checks for the unit-test properties (each one covers part of check(), at a fraction of its cost).

function guarded(problems: Problem[], what: string, f: () => void): void {
  try { f(); } catch (e) { problems.push({ kind: 'throw', signature: `throw:${what}:${errSig(e)}`, detail: `${what} threw: ${errText(e)}` }); }
}

const EMPTY_OUTCOME: Outcome = { diags: [], hostDiags: [], actions: [], hostActions: [], probes: [], nav: [], fixAll: '', hostFixAll: '' };

/** diagnose() alone and with the host: no throw, no internal error, every range inside. */
export function checkDiagnose(c: Case): Problem[] {
  const problems: Problem[] = [];
  guarded(problems, 'diagnose', () => {
    const diags = diagnose(makeContext(c.uri, c.text, c.lang));
    const hostDiags = diagnose(buildModel(c).get(c.uri)!);
    for (const d of [...diags, ...hostDiags]) {
      const m = messageOf(d);
      if (/^internal error in rule/.test(m)) problems.push({ kind: 'internal-error', signature: `internal-error:${firstLine(m)}`, detail: m });
    }
    checkRanges(c, textsOf(c), { ...EMPTY_OUTCOME, diags, hostDiags }, problems);
  });
  return dedupe(problems);
}

/** Completion, hover and every navigation request at one position: no throw, ranges inside, same answer twice. */
export function checkProbe(c: Case, p: Position): Problem[] {
  const problems: Problem[] = [];
  const once = (): Outcome => {
    const ctx = makeContext(c.uri, c.text, c.lang);
    const model = buildModel(c);
    const hctx = model.get(c.uri)!;
    const probes = [complete(ctx, p), complete(hctx, p, hostViewOf(model, c.uri)), hover(ctx, p), hover(hctx, p)];
    const navs: unknown[] = [nav.definition(model, c.uri, p), nav.references(model, c.uri, p, true), nav.prepareRename(model, c.uri, p),
      nav.inlayHints(model, c.uri, { start: { line: Math.max(0, p.line - 1), character: 0 }, end: { line: p.line + 1, character: p.character } })];
    try { navs.push(nav.rename(model, c.uri, p, 'bond7')); } catch (e) { if (!(e instanceof Error) || e.constructor !== Error) throw e; navs.push({ refused: e.message }); }
    return { ...EMPTY_OUTCOME, probes, nav: navs };
  };
  guarded(problems, 'probe', () => {
    const a = once();
    const b = once();
    if (!isDeepStrictEqual(a, b)) problems.push({ kind: 'nondeterministic', signature: 'nondeterministic:probe', detail: `two runs at ${JSON.stringify(p)} differ` });
    checkRanges(c, textsOf(c), a, problems);
  });
  return dedupe(problems);
}

/** Every quick fix for every diagnostic (alone and with the host), and fixAll idempotence. */
export function checkQuickFixes(c: Case): Problem[] {
  const problems: Problem[] = [];
  guarded(problems, 'quick fixes', () => {
    const ctx = makeContext(c.uri, c.text, c.lang);
    const hctx = buildModel(c).get(c.uri)!;
    const diags = diagnose(ctx);
    const hostDiags = diagnose(hctx);
    const actions = [...codeActions(ctx, diags), ...suppressionActions(ctx, diags)];
    const hostActions = [...codeActions(hctx, hostDiags), ...suppressionActions(hctx, hostDiags)];
    const texts = textsOf(c);
    checkRanges(c, texts, { ...EMPTY_OUTCOME, actions, hostActions }, problems);
    checkFixes(c, texts, actions, problems);
    checkFixes(c, texts, hostActions, problems);
    const fa = fixAll(ctx, (t) => makeContext(c.uri, t, c.lang)).text;
    const hostModel = buildModel(c);
    const hfa = fixAll(hostModel.get(c.uri)!, (t) => { hostModel.set(c.uri, t, c.lang); return hostModel.get(c.uri)!; }).text;
    checkFixAllIdempotent(c, { ...EMPTY_OUTCOME, diags, hostDiags, fixAll: fa, hostFixAll: hfa }, problems);
  });
  return dedupe(problems);
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => (seen.has(p.signature) ? false : (seen.add(p.signature), true)));
}

/** Shrinks a failing case (lines, then characters) while it still shows `signature`. */
export function minimize(c: Case, signature: string, opts: CheckOptions = {}, budget = 400): Case {
  const fails = (text: string) => check({ ...c, text }, { ...opts, timeBoundMs: signature === 'slow' ? opts.timeBoundMs : undefined }).some((p) => p.signature === signature);
  let text = c.text;
  let tries = 0;
  const pass = (split: (t: string) => string[], join: string) => {
    let parts = split(text);
    for (let chunk = Math.max(1, Math.floor(parts.length / 2)); chunk >= 1 && tries < budget; chunk = Math.floor(chunk / 2)) {
      for (let i = 0; i < parts.length && tries < budget;) {
        const cand = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        tries++;
        if (fails(cand.join(join))) parts = cand;
        else i += chunk;
      }
      text = parts.join(join);
    }
  };
  pass(lineSplit, '');
  if (text.length <= 4000) pass((t) => [...t], '');
  return { ...c, text };
}

export function describeCase(c: Case): string {
  return `${c.lang} ${c.uri} (${c.text.length} chars, ${Object.keys(c.siblings).length} other files in the host):\n${JSON.stringify(c.text.length > 600 ? c.text.slice(0, 600) + '…' : c.text)}`;
}
