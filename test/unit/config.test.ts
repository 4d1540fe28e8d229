// .bondlintrc discovery and merging (server/src/config.ts), with an in-memory file system.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  ConfigResolver, defaultDocsBase, parseConfig, ruleDocUrl, validateRules, type ConfigFs,
} from '../../server/src/config';
import { RULES } from '../../server/src/analysis';

/** In-memory files; counts reads so that caching can be checked. */
function memFs(files: Record<string, string>): ConfigFs & { reads: string[]; files: Record<string, string> } {
  const m = {
    files,
    reads: [] as string[],
    readFile(file: string) {
      m.reads.push(file);
      return Object.prototype.hasOwnProperty.call(m.files, file) ? m.files[file] : undefined;
    },
  };
  return m;
}

const P = (...parts: string[]) => path.join(path.sep, ...parts);

test('nearer .bondlintrc files override farther ones; defaults stay for unnamed rules', () => {
  const mfs = memFs({
    [P('fleet', '.bondlintrc')]: '[rules]\nmember-hwaddr = off\nduplicate-key = error\n',
    [P('fleet', 'web01', '.bondlintrc')]: '[rules]\nduplicate-key = info\n',
  });
  const r = new ConfigResolver({ fs: mfs });
  const file = P('fleet', 'web01', 'etc', 'sysconfig', 'network-scripts', 'ifcfg-eth0');
  assert.deepEqual(r.optionsFor(file), { rules: { 'member-hwaddr': 'off', 'duplicate-key': 'info' } });
  assert.deepEqual(r.optionsFor(P('fleet', 'db01', 'ifcfg-eth0')), { rules: { 'member-hwaddr': 'off', 'duplicate-key': 'error' } });
  assert.deepEqual(r.optionsFor(P('elsewhere', 'ifcfg-eth0')), { rules: {} });
  assert.deepEqual(r.configFilesFor(file), [P('fleet', '.bondlintrc'), P('fleet', 'web01', '.bondlintrc')]);
});

test('root = true stops the walk up (inline ; comments allowed, as in the documented example)', () => {
  const mfs = memFs({
    [P('.bondlintrc')]: '[rules]\nbackup-file = off\n',
    [P('repo', '.bondlintrc')]: '; .bondlintrc\nroot = true          ; stop walking up here\n[rules]\nmember-hwaddr = off\nduplicate-key = error\n',
  });
  const r = new ConfigResolver({ fs: mfs });
  assert.deepEqual(r.optionsFor(P('repo', 'h1', 'ifcfg-eth0')), { rules: { 'member-hwaddr': 'off', 'duplicate-key': 'error' } });
  // Outside the root-marked tree the top-level file applies.
  assert.deepEqual(r.optionsFor(P('other', 'ifcfg-eth0')), { rules: { 'backup-file': 'off' } });
});

test('overrides (CLI --rule, editor settings) win over .bondlintrc; invalid override values are dropped', () => {
  const mfs = memFs({ [P('h', '.bondlintrc')]: '[rules]\nduplicate-key = off\nmember-hwaddr = warning\n' });
  const r = new ConfigResolver({ fs: mfs });
  const o = r.optionsFor(P('h', 'ifcfg-eth0'), { 'duplicate-key': 'error', 'unknown-key': 'bogus' as never });
  assert.deepEqual(o, { rules: { 'duplicate-key': 'error', 'member-hwaddr': 'warning' } });
});

test('unknown rule ids, severities, settings and sections are warned about and ignored', () => {
  const warnings: string[] = [];
  const file = P('h', '.bondlintrc');
  const mfs = memFs({ [file]: 'rot = true\n[rules]\nno-such-rule = off\nduplicate-key = fatal\nmember-hwaddr = OFF\n[rule]\nx = 1\n' });
  const r = new ConfigResolver({ fs: mfs, onWarning: (w) => warnings.push(w) });
  assert.deepEqual(r.optionsFor(P('h', 'ifcfg-eth0')), { rules: { 'member-hwaddr': 'off' } });
  assert.equal(warnings.length, 4, warnings.join('\n'));
  assert.ok(warnings.every((w) => w.startsWith(file)));
  assert.ok(warnings.some((w) => /unknown rule 'no-such-rule'/.test(w)));
  assert.ok(warnings.some((w) => /'duplicate-key': unknown severity 'fatal'/.test(w)));
  assert.ok(warnings.some((w) => /unknown setting 'rot'/.test(w)));
  assert.ok(warnings.some((w) => /unknown section \[rule\]/.test(w)));
  // Cached: asking again neither rereads nor warns again.
  r.optionsFor(P('h', 'ifcfg-eth1'));
  assert.equal(warnings.length, 4);
});

test('results are cached per directory; invalidate() rereads what changed', () => {
  const rc = P('a', '.bondlintrc');
  const mfs = memFs({ [rc]: '[rules]\nduplicate-key = off\n' });
  const r = new ConfigResolver({ fs: mfs });
  const f1 = P('a', 'b', 'ifcfg-eth0');
  r.optionsFor(f1);
  const n = mfs.reads.length;
  assert.equal(n, 3); // /a/b, /a, /
  r.optionsFor(P('a', 'b', 'ifcfg-eth1'));
  r.optionsFor(P('a', 'ifcfg-eth2'));
  assert.equal(mfs.reads.length, n, 'no reads for cached directories');

  mfs.files[rc] = '[rules]\nduplicate-key = error\n';
  assert.deepEqual(r.optionsFor(f1).rules, { 'duplicate-key': 'off' }, 'still cached');
  r.invalidate(rc);
  assert.deepEqual(r.optionsFor(f1).rules, { 'duplicate-key': 'error' });
  // A new file below: invalidating its directory is enough.
  mfs.files[P('a', 'b', '.bondlintrc')] = '[rules]\nduplicate-key = hint\n';
  r.invalidate(P('a', 'b', '.bondlintrc'));
  assert.deepEqual(r.optionsFor(f1).rules, { 'duplicate-key': 'hint' });
  delete mfs.files[rc];
  r.invalidate();
  assert.deepEqual(r.optionsFor(P('a', 'ifcfg-eth2')).rules, {});
});

test('a config file that cannot be read is a warning, not a failure', () => {
  const warnings: string[] = [];
  const r = new ConfigResolver({
    fs: { readFile: (f) => { if (f === P('x', '.bondlintrc')) throw Object.assign(new Error('denied'), { code: 'EACCES' }); return undefined; } },
    onWarning: (w) => warnings.push(w),
  });
  assert.deepEqual(r.optionsFor(P('x', 'ifcfg-eth0')), { rules: {} });
  assert.match(warnings[0], /cannot read \(EACCES\)/);
});

test('file: URIs are accepted as well as paths', () => {
  const mfs = memFs({ [P('h', '.bondlintrc')]: '[rules]\nduplicate-key = off\n' });
  const r = new ConfigResolver({ fs: mfs });
  assert.deepEqual(r.optionsFor(pathToFileURL(P('h', 'ifcfg-eth0')).href).rules, { 'duplicate-key': 'off' });
});

test('parseConfig: BOM, booleans for root, case-insensitive severities', () => {
  const c = parseConfig('\uFEFFroot=yes\n[rules]\nduplicate-key=Warning\n', '/x/.bondlintrc');
  assert.equal(c.root, true);
  assert.deepEqual(c.rules, { 'duplicate-key': 'warning' });
  assert.deepEqual(c.warnings, []);
  assert.equal(parseConfig('root = maybe\n', 'f').warnings.length, 1);
});

test('validateRules knows every rule and unused-suppression', () => {
  const all = Object.fromEntries([...RULES.map((r) => r.id), 'unused-suppression'].map((id) => [id, 'off']));
  const v = validateRules(all, 'src');
  assert.deepEqual(v.warnings, []);
  assert.equal(Object.keys(v.rules).length, RULES.length + 1);
});

test('the real file system: the resolver reads .bondlintrc from disk', () => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(require('os').tmpdir()), 'bondlintrc-'));
  try {
    fs.mkdirSync(path.join(dir, 'etc'));
    fs.writeFileSync(path.join(dir, '.bondlintrc'), 'root = true\n[rules]\nmember-hwaddr = error\n');
    const r = new ConfigResolver();
    assert.deepEqual(r.optionsFor(path.join(dir, 'etc', 'ifcfg-eth0')), { rules: { 'member-hwaddr': 'error' } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ruleDocUrl: base + /docs/rules/<id>.md; the default base is this package', () => {
  assert.equal(ruleDocUrl('duplicate-key', 'https://example.org/bonding/'), 'https://example.org/bonding/docs/rules/duplicate-key.md');
  const base = defaultDocsBase();
  assert.match(base, /^file:\/\//);
  const root = fileURLToPath(base);
  assert.ok(fs.existsSync(path.join(root, 'package.json')));
  assert.ok(fs.existsSync(fileURLToPath(ruleDocUrl('duplicate-key'))), 'the default URL points at the rule page');
});
