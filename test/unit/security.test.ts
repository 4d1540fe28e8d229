// Security properties of the analysis, the server and the CLI:
//   (a) configuration content is never executed, sourced or evaluated, and the analysis does no I/O
//       (a scan of the sources with the TypeScript parser);
//   (b) keys such as __proto__ / constructor / toString / hasOwnProperty — as ifcfg keys and values,
//       BONDING_OPTS option names and values, modprobe parameters, device and file names, rule ids —
//       behave exactly like any unknown word, and analysing them pollutes no prototype;
//   (c) no regular expression backtracks catastrophically: long adversarial lines finish within a
//       bound (in a child process, so a hang fails the test instead of blocking it), and no regex
//       literal has nested unbounded quantifiers.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  codeActions, complete, diagnose, fixAll, hover, makeContext, suppressionActions, WorkspaceModel,
} from '../../server/src/analysis';
import * as nav from '../../server/src/analysis/navigation';
import { IFCFG_KEY_NAMES } from '../../server/src/analysis/kb/ifcfg-keys';
import { BOND_OPTIONS } from '../../server/src/analysis/kb/options';
import { BONDING_MODULE_PARAMS } from '../../server/src/analysis/kb/modprobe';
import { ConfigResolver, parseConfig, validateRules } from '../../server/src/config';
import { grepLine } from '../../server/src/analysis/bonding-opts/grep';
import { adversarialDocs, analyseIsolated, UNIT_PATTERNS } from '../fuzz/adversarial';

const ROOT = path.resolve(__dirname, '..', '..');

// ------------------------------------------------------------------------------------------- (a)

function tsFiles(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) { if (recursive) out.push(...tsFiles(rel, true)); } else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out.sort();
}

const ANALYSIS = tsFiles('server/src/analysis', true);
const SERVER = tsFiles('server/src', false);
const CLI = tsFiles('cli/src', true);

interface Scan {
  file: string;
  /** Module specifiers: import/export from, import x = require(), require('x'), import('x'). */
  modules: string[];
  /** Things that run strings as code, or load modules by computed name. */
  evals: string[];
  /** Regex literals (source text between the slashes) and RegExp constructor calls. */
  regexes: { line: number; source: string; flags: string }[];
  regexCtors: { line: number; text: string }[];
}

function scan(file: string): Scan {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const s: Scan = { file, modules: [], evals: [], regexes: [], regexCtors: [] };
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const literal = (n: ts.Node | undefined) => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
  /** path.join(__dirname, 'literal'): a file shipped next to this bundle. */
  const besideUs = (n: ts.Node) => ts.isCallExpression(n) && n.getText().startsWith('path.join(') && n.arguments.length === 2
    && ts.isIdentifier(n.arguments[0]) && n.arguments[0].text === '__dirname' && literal(n.arguments[1]);
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) s.modules.push(n.moduleSpecifier.text);
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) s.modules.push(n.moduleReference.expression.text);
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isIdentifier(callee) && callee.text === 'require') {
        if (literal(n.arguments[0])) s.modules.push((n.arguments[0] as ts.StringLiteral).text);
        else s.evals.push(`${at(n)}: require() with a computed argument`);
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (literal(n.arguments[0])) s.modules.push((n.arguments[0] as ts.StringLiteral).text);
        else s.evals.push(`${at(n)}: import() with a computed argument`);
      }
      if (ts.isIdentifier(callee) && callee.text === 'Function') s.evals.push(`${at(n)}: Function()`);
      if (ts.isIdentifier(callee) && (callee.text === 'setTimeout' || callee.text === 'setInterval' || callee.text === 'setImmediate') && n.arguments[0] && (ts.isStringLiteral(n.arguments[0]) || ts.isTemplateExpression(n.arguments[0]))) {
        s.evals.push(`${at(n)}: ${callee.text} with a string`);
      }
      if (ts.isIdentifier(callee) && callee.text === 'RegExp') s.regexCtors.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.getText() });
    }
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
      if (n.expression.text === 'Function') s.evals.push(`${at(n)}: new Function()`);
      // A worker thread runs a file of ours (the CLI's parallel check): never code given as a string.
      if (n.expression.text === 'Worker') {
        const [script, options] = n.arguments ?? [];
        const ok = script && ((ts.isIdentifier(script) && script.text === '__filename') || literal(script) || besideUs(script));
        if (!ok || (options && /\beval\s*:/.test(options.getText()))) s.evals.push(`${at(n)}: new Worker(${script?.getText() ?? ''}) runs code that is not one of our files`);
      }
      if (n.expression.text === 'RegExp') s.regexCtors.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.getText() });
    }
    if (ts.isIdentifier(n) && n.text === 'eval') s.evals.push(`${at(n)}: eval`);
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'eval') s.evals.push(`${at(n)}: .eval`);
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = n.getText();
      s.regexes.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, source: t.slice(1, t.lastIndexOf('/')), flags: t.slice(t.lastIndexOf('/') + 1) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return s;
}

const SCANS = new Map([...ANALYSIS, ...SERVER, ...CLI].map((f) => [f, scan(f)]));
const bare = (m: string) => m.replace(/^node:/, '');
// worker_threads is allowed (the CLI checks hosts in a worker running its own bundle, and reads files
// in one running the reader bundle); every `new Worker(…)` is checked to run __filename, a literal
// path or path.join(__dirname, 'literal'), without `eval`.
const NEVER = new Set(['child_process', 'vm', 'cluster', 'repl', 'inspector', 'module']);
const NETWORK = new Set(['net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls']);

describe('(a) configuration content is never executed, sourced or evaluated', () => {
  test('the scan sees the sources', () => {
    assert.ok(ANALYSIS.length > 50 && SERVER.includes('server/src/server.ts') && CLI.includes('cli/src/main.ts'), `${ANALYSIS.length} analysis files`);
    assert.ok(SCANS.get('server/src/server.ts')!.modules.includes('vscode-languageserver/node'));
  });

  test('no child_process, vm, eval, new Function or computed require/import in server/src and cli/src', () => {
    const found: string[] = [];
    for (const s of SCANS.values()) {
      found.push(...s.evals);
      for (const m of s.modules) if (NEVER.has(bare(m))) found.push(`${s.file}: imports ${m}`);
    }
    assert.deepEqual(found, []);
  });

  test('the analysis imports only itself and vscode-languageserver-types: no fs, no network, no process', () => {
    const found: string[] = [];
    for (const f of ANALYSIS) {
      for (const m of SCANS.get(f)!.modules) {
        if (m.startsWith('.')) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), m));
          if (!target.startsWith('server/src/analysis/')) found.push(`${f}: imports ${m} (outside the analysis)`);
        } else if (m !== 'vscode-languageserver-types') found.push(`${f}: imports ${m}`);
      }
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      if (/\bprocess\.(env|binding|dlopen|kill|exit)\b|\bglobalThis\b/.test(text)) found.push(`${f}: uses process/globalThis`);
    }
    assert.deepEqual(found, []);
  });

  test('the server and the CLI import no network module (they may read files)', () => {
    const found: string[] = [];
    for (const f of [...SERVER, ...CLI]) for (const m of SCANS.get(f)!.modules) if (NETWORK.has(bare(m))) found.push(`${f}: imports ${m}`);
    assert.deepEqual(found, []);
  });

  test('the scanner itself catches what it looks for', () => {
    const tmp = path.join(ROOT, 'test', 'fuzz', '.scan-probe.ts');
    fs.writeFileSync(tmp, "import * as cp from 'node:child_process';\nconst m = 'x'; require(m); eval('1'); new Function('return 1'); (0, globalThis.eval)('2');\nnew Worker('1+1', { eval: true }); new Worker(m); new Worker(path.join(__dirname, m)); new Worker(path.join(__dirname, 'ok.js'));\nexport const r = /(a+)+$/;\n");
    try {
      const s = scan(path.relative(ROOT, tmp));
      assert.deepEqual(s.modules, ['node:child_process']);
      assert.equal(s.evals.filter((e) => e.includes('new Worker')).length, 3, s.evals.join('; '));
      for (const what of ['require() with a computed argument', 'eval', 'new Function()', '.eval']) assert.ok(s.evals.some((e) => e.endsWith(`: ${what}`)), `${what} not caught: ${s.evals.join('; ')}`);
      assert.ok(nestedQuantifier(s.regexes[0].source));
    } finally {
      fs.rmSync(tmp);
    }
  });
});

// ------------------------------------------------------------------------------------------- (b)

const PROTO_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
/** The same shape without the meaning: letters become x/X, everything else stays. */
const harmless = (w: string) => w.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X');

function protoSnapshot(): string {
  const objs: [string, object][] = [['Object', Object.prototype], ['Array', Array.prototype], ['Map', Map.prototype], ['String', String.prototype], ['Function', Function.prototype]];
  return JSON.stringify(objs.map(([n, o]) => [n, Object.getOwnPropertyNames(o).sort(), Object.getOwnPropertySymbols(o).length]));
}

/** Everything the analysis says about a document, with `word` replaced by a placeholder. */
function summary(uri: string, text: string, lang: 'ifcfg' | 'modprobe', word: string, siblings: Record<string, string> = {}): unknown {
  const norm = (v: unknown) => JSON.parse(JSON.stringify(v ?? null).split(word).join('WORD').split(word.toLowerCase()).join('word'));
  const ctx = makeContext(uri, text, lang);
  const diags = diagnose(ctx);
  const model = new WorkspaceModel();
  for (const [u, t] of Object.entries(siblings)) model.set(u, t, u.endsWith('.conf') ? 'modprobe' : 'ifcfg');
  model.set(uri, text, lang);
  const hdiags = diagnose(model.get(uri)!);
  const lines = text.split('\n');
  const probes: unknown[] = [];
  for (let line = 0; line < lines.length; line++) {
    for (const character of [0, 2, lines[line].indexOf('=') + 2, lines[line].length]) {
      const p = { line, character };
      probes.push(hover(ctx, p), complete(ctx, p).items.map((i) => i.label).slice(0, 5), nav.definition(model, uri, p), nav.prepareRename(model, uri, p));
    }
  }
  return norm({
    diags: diags.map(brief), hdiags: hdiags.map(brief),
    actions: [...codeActions(ctx, diags), ...suppressionActions(ctx, diags)].map((a) => [a.title, a.edit]),
    probes, symbols: nav.documentSymbols(model, uri), lenses: nav.codeLenses(model, uri), hints: nav.inlayHints(model, uri, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }),
    fixed: fixAll(ctx, (t) => makeContext(uri, t, lang)).text,
  });
}

function brief(d: Diagnostic) {
  return { code: d.code, severity: d.severity, range: d.range, message: d.message, data: d.data };
}

const IFCFG = 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0';
const MODPROBE = 'file:///h/etc/modprobe.d/bonding.conf';
const BOND = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\n';

/** Documents (language, uri, text) in which `w` appears in one role. */
function placements(w: string): [string, 'ifcfg' | 'modprobe', string, string][] {
  const keys = ['BOOTPROTO', 'TYPE', 'ONBOOT', 'NM_CONTROLLED', 'MASTER', 'SLAVE', 'DEVICE', 'HWADDR', 'IPADDR', 'BONDING_MASTER'];
  const out: [string, 'ifcfg' | 'modprobe', string, string][] = [
    ['ifcfg key', 'ifcfg', IFCFG, `${BOND}BONDING_OPTS="mode=1 miimon=100"\n${w}=1\n`],
    ['ifcfg key (exported)', 'ifcfg', IFCFG, `${BOND}export ${w}=yes\n`],
    ['BONDING_OPTS option name', 'ifcfg', IFCFG, `${BOND}BONDING_OPTS="mode=1 ${w}=1 miimon=100"\n`],
    ['BONDING_OPTS bare word', 'ifcfg', IFCFG, `${BOND}BONDING_OPTS="mode=1 ${w} miimon=100"\n`],
    ['suppression rule id', 'ifcfg', IFCFG, `# bondlint disable ${w}\n${BOND}`],
    ['modprobe parameter', 'modprobe', MODPROBE, `alias bond0 bonding\noptions bonding mode=1 ${w}=1 miimon=100\n`],
    ['modprobe bare parameter', 'modprobe', MODPROBE, `options bonding ${w}\n`],
    ['modprobe module name', 'modprobe', MODPROBE, `options ${w} mode=1\nalias ${w} bonding\nblacklist ${w}\nsoftdep ${w} pre: ${w}\n`],
    ['modprobe command', 'modprobe', MODPROBE, `${w} bonding mode=1\n`],
  ];
  for (const k of keys) out.push([`${k} value`, 'ifcfg', IFCFG, `${BOND}BONDING_OPTS="mode=1 miimon=100"\n${k}=${w}\n`]);
  for (const o of BOND_OPTIONS.filter((x) => x.sysfs)) out.push([`BONDING_OPTS ${o.name}= value`, 'ifcfg', IFCFG, `${BOND}BONDING_OPTS="${o.name === 'mode' ? '' : 'mode=1 '}${o.name}=${w}"\n`]);
  for (const p of BONDING_MODULE_PARAMS) out.push([`modprobe ${p.name}= value`, 'modprobe', MODPROBE, `options bonding ${p.name}=${w}\n`]);
  for (const k of IFCFG_KEY_NAMES.slice(0, 400)) if (!keys.includes(k)) out.push([`${k} value`, 'ifcfg', IFCFG, `${BOND}${k}=${w}\n`]);
  return out;
}

describe('(b) __proto__, constructor, toString… are ordinary words', () => {
  for (const w of PROTO_WORDS) {
    test(`'${w}' gives the same results as '${harmless(w)}' in every role`, () => {
      const before = protoSnapshot();
      const differ: string[] = [];
      for (const [role, lang, uri, text] of placements(w)) {
        const h = harmless(w);
        const a = summary(uri, text, lang, w);
        const b = summary(uri, text.split(w).join(h), lang, h);
        const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
        if (ja !== jb) {
          let i = 0;
          while (ja[i] === jb[i]) i++;
          differ.push(`${role}: …${ja.slice(Math.max(0, i - 150), i + 150)}…\n  vs …${jb.slice(Math.max(0, i - 150), i + 150)}…`);
        }
      }
      assert.equal(protoSnapshot(), before, 'a prototype gained or lost a property');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(differ, []);
    });
  }

  test('device, bond and file names: ifcfg-__proto__ with MASTER=__proto__ members', () => {
    const before = protoSnapshot();
    for (const w of PROTO_WORDS) {
      const h = harmless(w);
      const files = (name: string) => ({
        [`file:///h/etc/sysconfig/network-scripts/ifcfg-${name}`]: `DEVICE=${name}\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100 primary=${name}x"\n`,
        [`file:///h/etc/sysconfig/network-scripts/ifcfg-${name}x`]: `DEVICE=${name}x\nMASTER=${name}\nSLAVE=yes\n`,
        'file:///h/etc/modprobe.d/bonding.conf': `alias ${name} bonding\noptions ${name} miimon=100\n`,
      });
      const fw = files(w);
      const fh = files(h);
      const [uw, uh] = [Object.keys(fw)[0], Object.keys(fh)[0]];
      const a = summary(uw, fw[uw], 'ifcfg', w, Object.fromEntries(Object.entries(fw).slice(1)));
      const b = summary(uh, fh[uh], 'ifcfg', h, Object.fromEntries(Object.entries(fh).slice(1)));
      assert.equal(JSON.stringify(a), JSON.stringify(b), w);
      // Rename to and from such names is refused or done like any other name.
      const model = new WorkspaceModel();
      for (const [u, t] of Object.entries(fw)) model.set(u, t, u.endsWith('.conf') ? 'modprobe' : 'ifcfg');
      assert.doesNotThrow(() => nav.workspaceSymbols(model, w));
      try { nav.rename(model, uw, { line: 0, character: 8 }, 'bond5'); } catch (e) { assert.equal((e as Error).constructor, Error); }
    }
    assert.equal(protoSnapshot(), before);
  });

  test('rule ids in settings and .bondlintrc: __proto__ is an unknown rule, not a prototype', () => {
    const before = protoSnapshot();
    const { rules, warnings } = validateRules(JSON.parse('{"__proto__": "off", "constructor": "off", "toString": "error", "duplicate-key": "off"}'), 'bonding.rules');
    assert.deepEqual(Object.keys(rules), ['duplicate-key']);
    assert.equal(warnings.length, 3);
    const parsed = parseConfig('root = true\n[rules]\n__proto__ = off\nconstructor = off\nhasOwnProperty = off\n[__proto__]\nx = 1\n', '/x/.bondlintrc');
    assert.deepEqual(Object.keys(parsed.rules), []);
    const r = new ConfigResolver({ fs: { readFile: (f) => (f === '/x/.bondlintrc' ? '[rules]\n__proto__ = off\nduplicate-key = error\n' : undefined) } });
    const opts = r.optionsFor('/x/ifcfg-bond0', JSON.parse('{"__proto__": "off"}'));
    assert.deepEqual(JSON.parse(JSON.stringify(opts.rules)), { 'duplicate-key': 'error' });
    const text = 'DEVICE=bond0\nDEVICE=bond0\n';
    const dup = (o: Parameters<typeof diagnose>[1]) => diagnose(makeContext(IFCFG, text, 'ifcfg'), o).filter((d) => d.code === 'duplicate-key').map((d) => d.severity);
    assert.deepEqual(dup(opts), [1]);
    assert.deepEqual(dup({ rules: JSON.parse('{"__proto__": {"x": 1}, "constructor": "off"}') }), dup({}));
    assert.deepEqual(diagnose(makeContext(IFCFG, text, 'ifcfg'), { rules: JSON.parse('{"__proto__": "off", "constructor": "off", "toString": "off"}') }), diagnose(makeContext(IFCFG, text, 'ifcfg')));
    assert.equal(protoSnapshot(), before);
  });
});

// ------------------------------------------------------------------------------------------- (c)

/**
 * A description of the first quantified group containing an unbounded quantifier ((a+)+, (?:x*y)*,
 * (a|b+){2,}), or undefined. Star height > 1 is the shape behind exponential backtracking.
 */
export function nestedQuantifier(src: string): string | undefined {
  const stack: { start: number; inner: boolean }[] = [{ start: 0, inner: false }];
  const quantAt = (i: number): { unbounded: boolean; len: number } | undefined => {
    const c = src[i];
    if (c === '*' || c === '+') return { unbounded: true, len: 1 };
    if (c === '?') return { unbounded: false, len: 1 };
    if (c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(src.slice(i));
      if (m) return { unbounded: m[2] === ',' && (m[3] === '' || Number(m[3]) > 16), len: m[0].length };
    }
    return undefined;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    let atomEnd = i + 1;
    if (c === '\\') atomEnd = i + 2;
    else if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (c === '(') {
      stack.push({ start: i, inner: false });
      i++;
      if (src[i] === '?') { i++; if (src[i] === '<' && src[i + 1] !== '=' && src[i + 1] !== '!') { i = src.indexOf('>', i) + 1; } else i++; }
      continue;
    } else if (c === ')') {
      const g = stack.pop()!;
      const q = quantAt(i + 1);
      if (q?.unbounded && g.inner) return `group at ${g.start} is repeated and contains a repeated part: ${src.slice(g.start, i + 1 + q.len)}`;
      const parent = stack[stack.length - 1];
      parent.inner ||= g.inner || !!q?.unbounded;
      i += 1 + (q?.len ?? 0);
      if (src[i] === '?') i++;
      continue;
    } else if (c === '|') { i++; continue; }
    const q = quantAt(atomEnd);
    if (q?.unbounded) stack[stack.length - 1].inner = true;
    i = atomEnd + (q?.len ?? 0);
    if (q && src[i] === '?') i++;
  }
  return undefined;
}

describe('(c) regular expressions: no catastrophic backtracking', () => {
  // Reviewed regexes the shape check flags although they cannot backtrack badly, and why.
  const REVIEWED: Record<string, string> = {
    '^(?:\\/(?!\\.\\.?(?:\\/|$))[A-Za-z0-9._+,=@-]+)+$': 'workspace-index PLAIN_PATH: each repetition starts with "/", which the repeated class excludes, so a path splits one way only (1M characters: 140 ms)',
  };
  test('no regex literal in server/src or cli/src has nested unbounded quantifiers', () => {
    const found: string[] = [];
    let n = 0;
    for (const s of SCANS.values()) {
      for (const r of s.regexes) {
        n++;
        const why = nestedQuantifier(r.source);
        if (why && !Object.prototype.hasOwnProperty.call(REVIEWED, r.source)) found.push(`${s.file}:${r.line}: /${r.source}/ — ${why}`);
      }
    }
    assert.ok(n > 100, `only ${n} regex literals found: is the scan broken?`);
    assert.deepEqual(found, []);
  });

  test('the nested-quantifier check recognises the classic shapes', () => {
    for (const bad of ['(a+)+', '(a*)*b', '(?:x+y)*', '(\\d+,?)+$', '([a-z]+\\s*)*=', '(a|b+){2,}']) assert.ok(nestedQuantifier(bad), bad);
    for (const ok of ['a+b*', '(ab)+', '(?:\\.\\d{1,3}){3}', '[+*]+', '(a+)?', '\\(a+\\)+', '^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$']) assert.equal(nestedQuantifier(ok), undefined, ok);
  });

  // recheck (an automaton-based ReDoS checker) finds what the shape check above cannot: polynomial
  // backtracking such as /\s+$/ or /a*?0+[0-9]+$/, quadratic or cubic in the length of a run of one
  // character (100 000 tabs before an `x`: 8 s for /\s+$/ in V8). Every literal must be linear, or
  // listed here with the bound on its input that keeps the worst case small.
  const BOUNDED: Record<string, string> = {
    '^([A-Za-z][A-Za-z0-9-]*)[ \\t]*:[ \\t]*([^\\r\\n]*)$': 'stdio-transport HEADER_LINE: header lines are cut at MAX_HEADER_BYTES (4096): at most a few ms',
    '^[ \\t]*\\d*[ \\t]*\\r?$': 'stdio-transport partial Content-Length value: within the 4096-byte header block',
    '\\s+(?:\\((?:copy|[0-9]{1,3})\\)|copy(?:\\s+[0-9]+)?)$': 'backup-names FILE_MANAGER_COPY: applied to a file name, at most 255 bytes (NAME_MAX)',
  };
  test('every regex literal in server/src and cli/src is linear (recheck), or its input is bounded', { timeout: 120_000 }, () => {
    const found: string[] = [];
    let n = 0;
    for (const s of SCANS.values()) {
      for (const r of s.regexes) {
        n++;
        if (Object.prototype.hasOwnProperty.call(BOUNDED, r.source)) continue;
        const res = checkSync(r.source, r.flags.replace(/[gy]/g, ''), { timeout: 20_000 });
        if (res.status !== 'safe') found.push(`${s.file}:${r.line}: /${r.source}/${r.flags} — ${res.status}${res.status === 'vulnerable' ? ` (${res.complexity.type}; attack ${JSON.stringify(res.attack.pattern)})` : ''}`);
      }
    }
    assert.ok(n > 100, `only ${n} regex literals found: is the scan broken?`);
    assert.deepEqual(found, []);
  });

  test('a key with thousands of zeros, and runs of blanks, ampersands and slashes, stay fast (found by npm run fuzz)', { timeout: 60_000 }, async () => {
    const n = 20_000;
    await analyseIsolated([
      { uri: IFCFG, lang: 'ifcfg', text: `DEVICE=eth0\nNM${'0'.repeat(n)}x=1\nIPADDR${'0'.repeat(n)}1=10.0.0.1\n`, label: 'keys with 20 000 zeros' },
      { uri: IFCFG, lang: 'ifcfg', text: `DEVICE=eth0\nONBOOT = ${'\t'.repeat(n)}x\n`, label: 'spaces around = before 20 000 tabs' },
      { uri: MODPROBE, lang: 'modprobe', text: `install bond0 /sbin/modprobe ${'&'.repeat(n)}x bonding -o ${';'.repeat(n)}x\n`, label: 'install words with 20 000 ampersands' },
    ], 2000);
  });

  // Every RegExp built at run time, and why its pattern is safe. A pattern built from document
  // content is never safe: it must not be compiled into a RegExp.
  const CONSTRUCTED: Record<string, string> = {
    'server/src/analysis/rules/ifcfg/values.ts:${OCTET}': 'IPv4 shape built from a constant octet pattern',
    'server/src/analysis/rules/ifcfg/values.ts:[0-9A-Fa-f]{2}': 'MAC shape, n is a constant of the key table',
    'server/src/analysis/rules/ifcfg/values.ts:[0-9A-Fa-f]{1,2}': 'MAC shape, n is a constant of the key table',
    'cli/src/collect.ts:^${': 'glob given on the command line by the user (not file content)',
  };
  test('no RegExp is compiled from document content', () => {
    const found: string[] = [];
    for (const s of SCANS.values()) {
      for (const c of s.regexCtors) {
        const ok = Object.keys(CONSTRUCTED).some((k) => { const [f, frag] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)]; return f === s.file && c.text.includes(frag); });
        if (!ok) found.push(`${s.file}:${c.line}: ${c.text}`);
      }
    }
    assert.deepEqual(found, []);
  });

  test('long adversarial lines (100k characters of each pattern, in the main positions) finish in time', { timeout: 300_000 }, async () => {
    // Every pattern in every position: `npm run fuzz` (test/fuzz/adversarial.ts).
    const docs = adversarialDocs(UNIT_PATTERNS, false);
    const bound = 10_000;
    const times = await analyseIsolated(docs, bound);
    const slow = times.filter((t) => t.ms > bound);
    assert.deepEqual(slow, []);
    assert.equal(times.length, docs.length);
  });

  test('arp_ip_target entries are not run as regular expressions (initscripts grep emulation)', { timeout: 60_000 }, async () => {
    const docs = [10, 20, 30].flatMap((k) => [
      { uri: IFCFG, lang: 'ifcfg' as const, text: `DEVICE=bond0\nBONDING_OPTS="mode=1 arp_interval=100 arp_ip_target=10.100.100.100,${'.*'.repeat(k)}x"\n`, label: `BONDING_OPTS with ${k} × '.*'` },
      { uri: IFCFG, lang: 'ifcfg' as const, text: `DEVICE=bond0\nBONDING_OPTS="mode=1 arp_interval=100 arp_ip_target=+10.100.100.100 arp_ip_target=+${'[0-9.]*'.repeat(k)}x"\n`, label: `BONDING_OPTS +target with ${k} × '[0-9.]*'` },
    ]);
    await analyseIsolated(docs, 3000);
  });

  test('code actions for every diagnostic of a line with thousands of findings stay fast', { timeout: 60_000 }, async () => {
    await analyseIsolated([
      { uri: MODPROBE, lang: 'modprobe', text: 'options bonding ' + ' ='.repeat(20_000), label: 'codeActions for the 1000 diagnostics of options bonding " =" × 20000' },
      { uri: IFCFG, lang: 'ifcfg', text: `DEVICE=bond0\nBONDING_OPTS="mode=balance-tlb miimon=100 ${'blacklist '.repeat(2000)}"\n`, label: 'codeActions for the 1000s of diagnostics of BONDING_OPTS "blacklist " × 2000' },
    ], 3000);
  });

  test('the grep emulation (bonding-opts/grep.ts) is linear and agrees with grep on realistic patterns', () => {
    const t0 = Date.now();
    assert.equal(grepLine('10.100.100.100', '.*'.repeat(5000) + 'x'), false);
    assert.equal(grepLine('10.100.100.100', '[0-9.]*'.repeat(5000) + '$'), true);
    assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
    const cases: [string, string, boolean][] = [
      ['10.0.0.1', '10.0.0.1', true], ['10.0.0.12', '10.0.0.1', true], ['10.0.0.1', '10.0.0.12', false], ['10.0.0.1', '10.0.0', true],
      ['10.0.0.1', '10x0x0x1', false], ['10.0.0.1', '10.0.0.', true], ['10.0.0.1', '^0.0', false], ['10.0.0.1', '0.0.1$', true], ['10.0.0.1', '0.0$', false],
      ['10.0.0.1', '1*0', true], ['10.0.0.1', '*', false], ['10.0.0.1', '[0-9]*\\.1$', true], ['10.0.0.1', '[[:digit:]]\\{1,3\\}', false], ['10.0.0.1', '[^0-9.]', false],
      ['10.0.0.1', '[', false], ['10.0.0.1', '', true], ['10.0.0.1', '^$', false], ['10.0.0.1', '1\\.0', false], ['10.0.0.1', '0\\.0', true], ['10.0.0.1', '10.0.0.1+', false],
    ];
    for (const [line, pat, want] of cases) assert.equal(grepLine(line, pat), want, `grep -q '${pat}' on ${line}`);
    // Agrees with the JavaScript-regex emulation it replaces wherever that one is well-defined.
    const alphabet = ['1', '0', '.', '*', '^', '$', '2', '[0-9]', '[^1]'];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let k = 0; k < 3000; k++) {
      let pat = '';
      for (let j = 1 + rnd(6); j > 0; j--) pat += alphabet[rnd(alphabet.length)];
      if (/\*\*|^\*|\^\*|[^\\]\^|.\^|\$./.test(pat)) continue; // shapes where BRE and JS differ
      const line = ['10.0.0.1', '192.168.1.20', '1.2.3.4', '10.10.10.10'][rnd(4)];
      let js: boolean;
      try { js = new RegExp(pat).test(line); } catch { continue; }
      assert.equal(grepLine(line, pat), js, `'${pat}' on ${line}`);
    }
  });
});

// ------------------------------------------------------------------------------------------- (d)

describe('(d) workspace trust', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { type?: string }> } };
  };

  test('the extension runs in untrusted workspaces: nothing it reads from one is executed', () => {
    // `supported: true` needs neither a description nor restrictedConfigurations (those are for 'limited').
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    // No setting names a program, a path to run or a shell command: there is nothing to restrict.
    const settings = Object.keys(pkg.contributes.configuration.properties);
    assert.ok(settings.length > 0);
    assert.deepEqual(settings.filter((k) => /path|command|exec|program|binary|shell|args|env/i.test(k)), []);
  });

  test('the server never edits files by itself (no workspace/applyEdit); the client writes only after asking when untrusted', () => {
    for (const f of [...SERVER, ...ANALYSIS]) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      assert.doesNotMatch(text, /applyEdit|ApplyWorkspaceEdit|writeFile|appendFile|unlink|rmSync|renameSync|mkdir/, f);
    }
    for (const f of tsFiles('client/src', true)) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      if (!/\bapplyEdit\(|\bfs\.(writeFile|delete|rename|createDirectory|copy)\(/.test(text)) continue;
      // Every file-writing path is behind a trust check that asks (a modal prompt) first.
      assert.match(text, /if \(!vscode\.workspace\.isTrusted\)[\s\S]{0,400}showWarningMessage\([\s\S]{0,600}modal: true/, `${f} writes files without asking in an untrusted workspace`);
    }
  });
});
