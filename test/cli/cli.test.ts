// Behaviour of the built CLI: exit codes, --fix, --stdin, --max-warnings, --quiet, configuration,
// suppression comments, globs, the text format's shape.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { bondlint, EXAMPLES, NS, readTree, ROOT, tmpDir, writeTree } from './helpers';

const BOND = 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100"\nBOOTPROTO=none\nIPADDR=192.0.2.10\nPREFIX=24\nONBOOT=yes\nNM_CONTROLLED=no\n';
const MEMBER = (dev: string, master = 'bond0') => `DEVICE=${dev}\nTYPE=Ethernet\nMASTER=${master}\nSLAVE=yes\nBOOTPROTO=none\nONBOOT=yes\nNM_CONTROLLED=no\n`;
/** A clean plain interface plus one duplicate-key warning. */
const WARN_ONLY = 'DEVICE=eth0\nBOOTPROTO=none\nIPADDR=192.0.2.10\nPREFIX=24\nONBOOT=no\nONBOOT=yes\n';

function withTree(files: Record<string, string | Buffer>, fn: (dir: string) => void): void {
  const dir = tmpDir();
  try {
    writeTree(dir, files);
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { ruleId: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.ruleId));

test('exit 0: a clean host', () => {
  const r = bondlint(['examples/db-active-backup']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'No problems in 7 files.\n');
});

test('exit 1: errors; text lines look like compiler output, no colours when piped', () => {
  const r = bondlint(['examples/legacy-mistakes']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^examples\/legacy-mistakes\/etc\/\S+:\d+:\d+: (error|warning|info|hint) [a-z0-9-]+ \S/);
  assert.ok(!r.stdout.includes('\x1b['), 'no escape sequences');
  assert.match(lines[lines.length - 1], /^\d+ problems \(\d+ errors, \d+ warnings, \d+ infos, \d+ hints\) in \d+ files of \d+ checked\.$/);
  assert.ok(lines.some((l) => /^ {4}\S+:\d+:\d+: note: /.test(l)), 'related locations are indented notes');
  // --color forces colours (as on a terminal); NO_COLOR does not matter then.
  assert.ok(bondlint(['--color', 'examples/legacy-mistakes']).stdout.includes('\x1b['));
});

test('exit 2: usage errors', () => {
  for (const args of [[], ['--bogus', 'examples'], ['--format', 'xml', 'examples'], ['--max-warnings', 'x', 'examples'], ['--rule', 'no-such-rule=off', 'examples'], ['--rule', 'duplicate-key=loud', 'examples'], ['--config', 'x', '--no-config', 'examples'], ['--stdin'], ['--fix', '--stdin', '--stdin-filename', 'ifcfg-eth0']]) {
    const r = bondlint(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^bondlint: /, args.join(' '));
    assert.equal(r.stdout, '');
  }
});

test('--help, --version, --list-rules exit 0', () => {
  assert.match(bondlint(['--help']).stdout, /^Usage: bondlint \[options\] PATH/);
  assert.match(bondlint(['--version']).stdout, /^bondlint \d+\.\d+\.\d+/);
  const list = bondlint(['--list-rules']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /^duplicate-key +ifcfg +warning +yes +A4 +Key assigned more than once$/m);
  assert.match(list.stdout, /^unused-suppression +any +info/m);
  const json = JSON.parse(bondlint(['--list-rules', '--format', 'json']).stdout) as { id: string; docUrl: string }[];
  assert.ok(json.some((r) => r.id === 'type-bonding' && r.docUrl.endsWith('/docs/rules/type-bonding.md')));
});

test('bin/bondlint (the command npm installs) runs the linter, with the same output and exit status', () => {
  const viaBin = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bondlint'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  assert.match(viaBin(['--version']).stdout, /^bondlint \d+\.\d+\.\d+/);
  const direct = bondlint(['examples/legacy-mistakes']);
  assert.equal(direct.code, 1);
  assert.deepEqual(viaBin(['examples/legacy-mistakes']), direct);
});

test('exit 2: a missing path is reported on stderr and the other paths are still linted', () => {
  const r = bondlint(['no/such/dir', 'examples/legacy-mistakes']);
  assert.equal(r.code, 2, 'I/O problems win over lint errors');
  assert.match(r.stderr, /bondlint: no\/such\/dir: no such file or directory \(ENOENT\)/);
  assert.match(r.stdout, /type-bonding/);
});

test('exit 2: an unreadable file (dangling link) is reported, the rest is linted; JSON lists it under errors', () => {
  // Root can read any file, so "unreadable" is a file whose read fails: a link to nowhere.
  withTree({ [`h/${NS}/ifcfg-bond0`]: BOND, [`h/${NS}/ifcfg-eth0`]: MEMBER('eth0') }, (dir) => {
    fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'h', NS, 'ifcfg-eth1'));
    const r = bondlint(['--format', 'json', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ifcfg-eth1: no such file or directory \(ENOENT\)/);
    const out = JSON.parse(r.stdout) as { files: { path: string }[]; errors: { path: string; message: string }[]; summary: { files: number; ioErrors: number } };
    assert.equal(out.summary.files, 2);
    assert.equal(out.summary.ioErrors, 1);
    assert.match(out.errors[0].path, /ifcfg-eth1$/);
  });
});

test('explicit files, directories and quoted globs; a non-config file named explicitly is an error', () => {
  const one = bondlint([`examples/legacy-mistakes/${NS}/ifcfg-eth1`, '--format', 'json']);
  assert.deepEqual((JSON.parse(one.stdout) as { files: { path: string }[] }).files.map((f) => f.path), [`examples/legacy-mistakes/${NS}/ifcfg-eth1`]);
  const glob = bondlint(['examples/*/etc', '--format', 'json']);
  const all = bondlint(['examples', '--format', 'json']);
  assert.equal(glob.stdout, all.stdout, "'examples/*/etc' finds the same files as 'examples'");
  const deep = JSON.parse(bondlint(['examples/**/ifcfg-bond*', '--format', 'json']).stdout) as { files: { path: string }[] };
  assert.ok(deep.files.length >= 6 && deep.files.every((f) => /\/ifcfg-bond[^/]*$/.test(f.path)));
  const none = bondlint(['examples/*/nothing-here']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no files match/);
  const readme = bondlint(['examples/README.md']);
  assert.equal(readme.code, 2);
  assert.match(readme.stderr, /not an ifcfg-\* file/);
});

test('cross-file rules work as in the editor: hosts are grouped from the paths', () => {
  withTree({ [`h1/${NS}/ifcfg-bond0`]: BOND, [`h1/${NS}/ifcfg-eth0`]: MEMBER('eth0'), [`h2/${NS}/ifcfg-eth0`]: MEMBER('eth0') }, (dir) => {
    const r = bondlint(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
    const h2 = out.files.find((f) => f.path.includes('/h2/'))!;
    const h1 = out.files.filter((f) => f.path.includes('/h1/'));
    assert.deepEqual(h2.diagnostics.map((d) => d.ruleId), ['master-missing-bond'], 'h1 bond0 does not serve h2');
    assert.deepEqual(h1.flatMap((f) => f.diagnostics), []);
  });
});

test('modprobe.d files of a host are judged together, as kmod reads them (name order), like in the editor', () => {
  const MD = 'etc/modprobe.d';
  withTree({
    // h1: ARP monitoring split over two files is one complete setup
    [`h1/${MD}/a.conf`]: 'options bonding mode=active-backup arp_interval=1000\n',
    [`h1/${MD}/b.conf`]: 'options bonding arp_ip_target=192.0.2.1\n',
    // h2: miimon in a.conf, ARP monitoring in b.conf: the conflict is b.conf's, with a.conf as a note
    [`h2/${MD}/a.conf`]: 'options bonding mode=active-backup miimon=100\n',
    [`h2/${MD}/b.conf`]: 'options bonding arp_interval=1000 arp_ip_target=192.0.2.1\n',
  }, (dir) => {
    const r = bondlint(['--format', 'json', '--jobs', '2', dir]);
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string; related?: { path?: string; uri?: string }[] }[] }[] };
    const of = (h: string, f: string) => out.files.find((x) => x.path.endsWith(`/${h}/${MD}/${f}`))!.diagnostics;
    assert.deepEqual([...of('h1', 'a.conf'), ...of('h1', 'b.conf')], []);
    assert.deepEqual(of('h2', 'a.conf'), []);
    assert.deepEqual(of('h2', 'b.conf').map((d) => d.ruleId), ['modprobe-miimon-and-arp']);
    assert.match(JSON.stringify(of('h2', 'b.conf')[0]), /h2\/etc\/modprobe\.d\/a\.conf/);
    // the text format shows the other file as a note
    assert.match(bondlint([dir]).stdout, /\n {4}\S*h2\/etc\/modprobe\.d\/a\.conf:1:36: note: /);
  });
});

test('--max-warnings: more warnings than allowed → 1; within the limit → 0', () => {
  withTree({ [`h/${NS}/ifcfg-eth0`]: WARN_ONLY }, (dir) => {
    assert.equal(bondlint([dir]).code, 0, 'warnings alone do not fail by default');
    assert.equal(bondlint(['--max-warnings', '1', dir]).code, 0);
    const r = bondlint(['--max-warnings', '0', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /too many warnings \(1; at most 0 allowed\)/);
    assert.equal(bondlint(['--max-warnings=-1', dir]).code, 0);
  });
});

test('--quiet reports errors only (warnings still count for --max-warnings)', () => {
  const r = bondlint(['--quiet', 'examples/legacy-mistakes']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith(' '));
  assert.ok(lines.slice(0, -1).every((l) => / error /.test(l)), r.stdout);
  withTree({ [`h/${NS}/ifcfg-eth0`]: WARN_ONLY }, (dir) => {
    const q = bondlint(['--quiet', '--max-warnings', '0', dir]);
    assert.equal(q.stdout, 'No problems in 1 file.\n');
    assert.equal(q.code, 1);
  });
});

test('--stdin: lints the text as the given path; alone, or with the rest of its host from disk', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'legacy-mistakes', NS, 'ifcfg-eth3'), 'utf8');
  const name = `examples/legacy-mistakes/${NS}/ifcfg-eth3`;
  // Alone: a member whose bond is not known.
  const alone = bondlint(['--stdin', '--stdin-filename', name, '--format', 'json'], { input: text });
  assert.deepEqual(ruleIds(alone.stdout), ['master-missing-bond']);
  // With its host: bond2 is on disk, and ifcfg-eth4 (DEVICE=eth3) duplicates it. Only stdin is reported.
  const host = bondlint(['--stdin', '--stdin-filename', name, '--format', 'json', 'examples/legacy-mistakes'], { input: text });
  const out = JSON.parse(host.stdout) as { files: { path: string }[] };
  assert.deepEqual(out.files.map((f) => f.path), [name]);
  assert.deepEqual(ruleIds(host.stdout), ['duplicate-device']);
  assert.equal(host.code, 1);
  // The stdin text replaces the file on disk.
  const fixed = bondlint(['--stdin', '--stdin-filename', name, 'examples/legacy-mistakes'], { input: text.replace('DEVICE=eth3', 'DEVICE=eth3\n# no change\n') });
  assert.match(fixed.stdout, /ifcfg-eth3:2:1: error duplicate-device/);
  // Not inside the given paths, or not an ifcfg/modprobe name: usage errors.
  assert.equal(bondlint(['--stdin', '--stdin-filename', '/tmp/ifcfg-x', 'examples/legacy-mistakes'], { input: text }).code, 2);
  assert.equal(bondlint(['--stdin', '--stdin-filename', 'notes.txt'], { input: text }).code, 2);
});

test('.bondlintrc, --config, --no-config and --rule', () => {
  withTree({ [`h/${NS}/ifcfg-eth0`]: WARN_ONLY, '.bondlintrc': 'root = true\n[rules]\nduplicate-key = error\n', 'h/.bondlintrc': '[rules]\nduplicate-key = off\nno-such-rule = off\n', 'strict.ini': '[rules]\nduplicate-key = error\n' }, (dir) => {
    const r = bondlint(['--format', 'json', dir]);
    assert.deepEqual(ruleIds(r.stdout), [], 'the nearer .bondlintrc turns it off');
    assert.match(r.stderr, /bondlint: warning: .*h\/\.bondlintrc: unknown rule 'no-such-rule' ignored/);
    assert.equal(r.code, 0);
    const noConfig = bondlint(['--no-config', dir]);
    assert.match(noConfig.stdout, /warning duplicate-key/);
    const cfg = bondlint(['--config', path.join(dir, 'strict.ini'), dir]);
    assert.match(cfg.stdout, /error duplicate-key/, '--config replaces the .bondlintrc files');
    assert.equal(cfg.code, 1);
    const rule = bondlint(['--rule', 'duplicate-key=hint', '--config', path.join(dir, 'strict.ini'), dir]);
    assert.match(rule.stdout, /hint duplicate-key/, '--rule wins over --config');
    assert.equal(rule.code, 0);
    const ruleOverRc = bondlint(['--rule', 'duplicate-key=error', dir]);
    assert.match(ruleOverRc.stdout, /error duplicate-key/, '--rule wins over .bondlintrc');
    assert.equal(bondlint(['--config', path.join(dir, 'missing.ini'), dir]).code, 2);
  });
});

test('suppression comments change the CLI output; unused ones are reported', () => {
  withTree({
    [`h/${NS}/ifcfg-eth0`]: WARN_ONLY.replace('ONBOOT=no\n', '# bondlint disable-next-line duplicate-key\nONBOOT=no\n'),
    [`h/${NS}/ifcfg-eth1`]: 'DEVICE=eth1\nBOOTPROTO=none\n# bondlint disable-next-line duplicate-key\nONBOOT=yes\n',
  }, (dir) => {
    const r = bondlint(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string; severity: string; range: { start: { line: number; column: number } } }[] }[] };
    assert.deepEqual(out.files[0].diagnostics, [], 'suppressed');
    assert.deepEqual(out.files[1].diagnostics.map((d) => [d.ruleId, d.severity, d.range.start.line, d.range.start.column]), [['unused-suppression', 'info', 3, 30]]);
    assert.equal(r.code, 0);
  });
});

test('--fix round trip on a copy of examples/legacy-mistakes', () => {
  const dir = tmpDir();
  try {
    fs.cpSync(path.join(EXAMPLES, 'legacy-mistakes'), dir, { recursive: true });
    const old = new Date('2001-02-03T04:05:06Z');
    for (const rel of readTree(dir).keys()) fs.utimesSync(path.join(dir, rel), old, old);
    const before = readTree(dir);
    const beforeIds = ruleIds(bondlint(['--format', 'json', dir]).stdout);
    const r = bondlint(['--fix', '--format', 'json', dir]);
    assert.equal(r.code, 1, 'errors that have no safe fix remain');
    const out = JSON.parse(r.stdout) as { files: { path: string; fixed?: string[]; diagnostics: { ruleId: string }[] }[]; summary: { fixed: number; filesFixed: number } };
    const after = readTree(dir);
    const fixedFiles = new Set(out.files.filter((f) => f.fixed?.length).map((f) => path.relative(dir, f.path)));
    assert.ok(fixedFiles.size >= 4, [...fixedFiles].join(', '));
    for (const [rel, bytes] of before) {
      if (fixedFiles.has(rel)) {
        assert.notDeepEqual(after.get(rel), bytes, `${rel} was fixed`);
      } else {
        assert.deepEqual(after.get(rel), bytes, `${rel} is byte-identical`);
        assert.equal(fs.statSync(path.join(dir, rel)).mtime.getTime(), old.getTime(), `${rel} was not rewritten`);
      }
    }
    // The safe fixes are gone from the report; the rest is still there.
    const fixable = ['spaces-around-equals', 'unquoted-whitespace', 'slash-comment', 'type-bonding', 'missing-bonding-master', 'bonding-opts-numeric-value', 'modprobe-indented-comment', 'modprobe-numeric-value'];
    for (const id of fixable) assert.ok(beforeIds.includes(id), `${id} before`);
    const afterIds = out.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId));
    for (const id of fixable) assert.ok(!afterIds.includes(id), `${id} fixed`);
    for (const id of ['master-missing-bond', 'duplicate-device']) assert.ok(afterIds.includes(id), `${id} remains`);
    assert.deepEqual(ruleIds(bondlint(['--format', 'json', dir]).stdout), afterIds, 'a fresh lint agrees with the report');
    assert.equal(fs.readFileSync(path.join(dir, 'etc/sysconfig/network-scripts/ifcfg-eth1'), 'utf8').split('\n')[3], 'ONBOOT=yes');
    // Twice changes nothing.
    const again = bondlint(['--fix', '--format', 'json', dir]);
    assert.equal((JSON.parse(again.stdout) as { summary: { fixed: number } }).summary.fixed, 0);
    assert.deepEqual(readTree(dir), after);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix keeps a BOM and CRLF line ends, and refuses files that are not UTF-8', () => {
  const crlf = Buffer.from('\uFEFFDEVICE=eth0\r\nBOOTPROTO=none\r\nONBOOT = yes\r\nexport MTU=9000\r\n', 'utf8');
  const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nDEVICE=eth1\nONBOOT = yes\n')]);
  withTree({ [`h/${NS}/ifcfg-eth0`]: crlf, [`h/${NS}/ifcfg-eth1`]: latin1 }, (dir) => {
    const r = bondlint(['--fix', dir]);
    assert.equal(fs.readFileSync(path.join(dir, 'h', NS, 'ifcfg-eth0')).toString('utf8'), '\uFEFFDEVICE=eth0\r\nBOOTPROTO=none\r\nONBOOT=yes\r\nMTU=9000\r\n');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'h', NS, 'ifcfg-eth1')), latin1, 'not UTF-8: left alone');
    assert.match(r.stderr, /ifcfg-eth1: not valid UTF-8; not fixed/);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /ifcfg-eth1:3:7: error spaces-around-equals/, 'still reported');
  });
});

test('--docs-base-url sets the documentation links; the default is the installed package', () => {
  const r = bondlint(['--format', 'json', '--docs-base-url', 'https://example.org/bonding/', 'examples/legacy-mistakes']);
  const urls = (JSON.parse(r.stdout) as { files: { diagnostics: { ruleId: string; docUrl: string }[] }[] }).files.flatMap((f) => f.diagnostics);
  assert.ok(urls.every((d) => d.docUrl === `https://example.org/bonding/docs/rules/${d.ruleId}.md`));
  const def = (JSON.parse(bondlint(['--format', 'json', 'examples/legacy-mistakes']).stdout) as { files: { diagnostics: { docUrl: string }[] }[] }).files.flatMap((f) => f.diagnostics);
  for (const d of def) assert.ok(fs.existsSync(new URL(d.docUrl)), d.docUrl);
  assert.ok(def.every((d) => d.docUrl.startsWith(new URL(`file://${ROOT}/`).href)));
});

test('directories walked in the reader thread, host by host, give the same report as the classic walk', () => {
  // Plain directory arguments are walked depth first in the reader thread and each host is checked as
  // soon as the walk leaves its root (lint.ts: lintTree); --jobs 2 (and globs) take the classic way:
  // the whole walk first, then the hosts. Edge cases: a host root that also holds files of its own
  // (ifcfg files in the directory above etc/), a host whose root lies above the arguments (two
  // arguments below it), .bondlintrc files at several levels, an unreadable file, a broken symlink,
  // skipped directories, the same file name in several hosts.
  const dir = tmpDir();
  try {
    writeTree(dir, {
      [`fleet/h1/${NS}/ifcfg-bond0`]: 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=4 miimon=100 primary=eth0"\n',
      [`fleet/h1/${NS}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\nNM_CONTROLLED=no\n',
      'fleet/h1/etc/modprobe.d/bonding.conf': 'options bonding mode=1 max_bonds=0\n',
      'fleet/h1/ifcfg-eth9': 'DEVICE=eth9\nMASTER=bond7\nONBOOT = yes\n',
      [`fleet/h1/sub/${NS}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond1\nSLAVE=yes\n',
      'fleet/h2/.bondlintrc': '[rules]\nmaster-missing-bond = warning\nspaces-around-equals = off\n',
      [`fleet/h2/${NS}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond3\nSLAVE=yes\nMTU = 9000\n',
      [`fleet/h2/${NS}/ifcfg-eth1`]: Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nDEVICE=eth1\n')]),
      [`fleet/h3/${NS}/ifcfg-bond0`]: 'DEVICE=bond0\nBONDING_OPTS="mode=6 arp_interval=100"\n',
      [`fleet/node_modules/x/${NS}/ifcfg-eth0`]: 'MASTER=bond9\n',
      [`split/${NS}/ifcfg-eth0`]: 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n',
      'split/etc/modprobe.d/bonding.conf': 'alias bond0 bonding\noptions bond0 mode=9\n',
      '.bondlintrc': '[rules]\nduplicate-device = hint\n',
    });
    fs.mkdirSync(path.join(dir, 'split', 'etc', 'sysconfig', 'empty'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'fleet', 'h3', NS, 'ifcfg-eth5'));
    for (const args of [['fleet'], ['fleet', 'split/etc/modprobe.d', `split/${NS}`], ['fleet/h2', 'fleet/h1']]) {
      for (const format of ['json', 'text']) {
        const tree = bondlint(['-f', format, ...args], { cwd: dir });
        const classic = bondlint(['-f', format, '--jobs', '2', ...args], { cwd: dir });
        assert.ok(tree.stdout.length > 200, tree.stdout);
        assert.deepEqual(tree, classic, `${args.join(' ')} --format ${format}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader thread that fails: the run goes on without it, with the same report', async () => {
  // A copy of the CLI bundle next to a reader that says it is up and then fails its job at once.
  const genFleet = pathToFileURL(path.join(ROOT, 'bench', 'gen-fleet.mjs')).href;
  const { generateFleet } = await import(genFleet) as { generateFleet: (out: string, total: number, o?: { seed?: number; mistakes?: number }) => unknown };
  const dir = tmpDir();
  try {
    generateFleet(path.join(dir, 'fleet'), 1100, { seed: 3, mistakes: 0.3 });
    const broken = path.join(dir, 'dist');
    fs.mkdirSync(broken);
    fs.copyFileSync(path.join(ROOT, 'dist', 'bondlint.js'), path.join(broken, 'bondlint.js'));
    fs.writeFileSync(path.join(broken, 'bondlint-reader.js'), [
      "const { parentPort, workerData } = require('worker_threads');",
      "parentPort.once('message', (req) => { Atomics.store(req.posted, 0, -1); Atomics.notify(req.posted, 0); });",
      'Atomics.store(workerData.ready, 0, 1);',
    ].join('\n'));
    const run = (bin: string, args: string[]) => {
      const r = spawnSync(process.execPath, [bin, '--docs-base-url', 'https://example.org/b', '-f', 'json', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    // A walk handed to the reader (plain directory), and a file list handed to it (a glob).
    for (const args of [['fleet'], ['fleet/*']]) {
      const good = run(path.join(ROOT, 'dist', 'bondlint.js'), args);
      assert.ok(good.stdout.length > 1000);
      assert.deepEqual(run(path.join(broken, 'bondlint.js'), args), good, args.join(' '));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// 1,100 files: one analysing thread then reads ahead in a reader thread (READER_AFTER_FILES), so this
// also compares the reader thread (-j 1) with shards that read their own files (-j 3).
test('--jobs: several threads give the same report, errors and fixes as one', async () => {
  const genFleet = pathToFileURL(path.join(ROOT, 'bench', 'gen-fleet.mjs')).href;
  const { generateFleet } = await import(genFleet) as { generateFleet: (out: string, total: number, o?: { seed?: number; mistakes?: number }) => unknown };
  const make = () => {
    const dir = tmpDir();
    generateFleet(path.join(dir, 'fleet'), 1100, { seed: 7, mistakes: 0.5 });
    fs.cpSync(path.join(EXAMPLES, 'legacy-mistakes'), path.join(dir, 'legacy'), { recursive: true });
    writeTree(dir, { [`z/${NS}/ifcfg-eth1`]: Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nDEVICE=eth1\nONBOOT = yes\n')]) });
    fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'legacy', NS, 'ifcfg-eth9'));
    return dir;
  };
  const a = make();
  const b = make();
  try {
    for (const format of ['json', 'text']) {
      const one = bondlint(['-j', '1', '-f', format, a], { cwd: a });
      const three = bondlint(['--jobs=3', '-f', format, a], { cwd: a });
      assert.equal(one.code, 2);
      assert.ok(one.stdout.length > 1000);
      assert.deepEqual(three, one, `--format ${format}`);
    }
    const fixOne = bondlint(['--fix', '-j', '1', '-f', 'json', '.'], { cwd: a });
    const fixThree = bondlint(['--fix', '-j', '3', '-f', 'json', '.'], { cwd: b });
    assert.ok((JSON.parse(fixOne.stdout) as { summary: { fixed: number } }).summary.fixed > 10);
    const rel = (r: typeof fixOne, dir: string) => ({ ...r, stdout: r.stdout.split(dir).join('<DIR>') });
    assert.deepEqual(rel(fixThree, b), rel(fixOne, a));
    assert.deepEqual(readTree(b), readTree(a), 'the same files, fixed the same way');
    assert.equal(bondlint(['-j', '0', a]).code, 2);
    assert.deepEqual(bondlint(['-j', 'auto', '-f', 'json', a], { cwd: a }).stdout, bondlint(['-f', 'json', a], { cwd: a }).stdout);
    assert.match(bondlint(['-j', 'many', a]).stderr, /--jobs needs a whole number/);
  } finally {
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
});

test('display paths: the fast path gives what path.relative gives', async () => {
  const { displayPath } = await import('../../cli/src/report');
  const slow = (file: string, base: string) => {
    const rel = path.relative(base, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
  };
  const bases = ['/', '/work', '/work/', '/work/fleet', '/work/fleet/', '/w'];
  const files = ['/work/fleet/h1/etc/x', '/work/fleet', '/work/fleet/', '/work/fleetx/a', '/work/./fleet/a', '/work/fleet/../a', '/work//fleet/a', '/work/fleet/a/..', '/work/fleet/.hidden', '/work/fleet/..x', '/etc/x', 'relative/x', '/'];
  for (const b of bases) for (const f of files) assert.equal(displayPath(f, b), slow(f, b), `${f} from ${b}`);
  const { default: fc } = await import('fast-check');
  const seg = fc.constantFrom('a', 'b', '.', '..', '', '..x', '.h', 'etc');
  const abs = fc.array(seg, { maxLength: 6 }).map((x) => '/' + x.join('/'));
  fc.assert(fc.property(abs, abs, (f, b) => assert.equal(displayPath(f, b), slow(f, b), `${f} from ${b}`)), { numRuns: 5000 });
});
