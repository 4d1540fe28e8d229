// bondlint: the analysis library as a command-line linter for CI and pre-commit hooks.
// Reads files, never executes, sources or evaluates them; writes only with --fix.
import './v8-flags';
import * as path from 'path';
import { languageOfPath } from '../../server/src/analysis';
import type { DiagnoseOptions } from '../../server/src/analysis';
import { allRuleInfo, ruleDocUrl } from '../../server/src/analysis/rule-docs';
import { CONFIG_FILE_NAME, ConfigResolver, defaultDocsBase, loadConfigFile, nodeConfigFs } from '../../server/src/config';
import type { ConfigFs, SeverityOverride } from '../../server/src/config';
import { pathToUri } from '../../server/src/workspace-index';
import { CliOptions, HELP, parseArgs, UsageError } from './args';
import { collect, isInside, plainDirectories, type FileEntry } from './collect';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { isShardWorker, lint, lintTree, type LintRun } from './lint';
import { ReadAhead, ReaderFailed } from './read-ahead';
import { buildReport, countWarnings } from './report';
import { trimEndChars } from '../../server/src/analysis/text';

declare const VERSION: string;
const TOOL = { name: 'bondlint', version: typeof VERSION === 'string' ? VERSION : '0.0.0-dev' };

export interface Io {
  /** Large runs may use worker threads (the program does; tests calling main() need not). */
  threads?: boolean;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin: () => Promise<string>;
}

function listRules(o: CliOptions, docsBase: string): string {
  const rules = allRuleInfo();
  if (o.format !== 'text') {
    return JSON.stringify(rules.map((r) => ({ ...r, catalogue: [...r.catalogue], docUrl: ruleDocUrl(r.id, docsBase) })), null, 2) + '\n';
  }
  const w = Math.max(...rules.map((r) => r.id.length));
  const lines = [`${'RULE'.padEnd(w)}  LANGUAGE  SEVERITY  FIX  CATALOGUE      TITLE`];
  for (const r of rules) {
    lines.push(`${r.id.padEnd(w)}  ${r.language.padEnd(8)}  ${r.severity.padEnd(8)}  ${(r.hasFix ? 'yes' : '-').padEnd(3)}  ${(r.catalogue.join(',') || '-').padEnd(13)}  ${r.title}`);
  }
  lines.push('', `${rules.length} rules. Documentation: ${trimEndChars(docsBase, '/')}/docs/rules/README.md`);
  return lines.join('\n') + '\n';
}

/** Runs bondlint; returns the exit status (0 clean, 1 problems, 2 usage or I/O error). */
export async function main(io: Io): Promise<number> {
  const warn = (msg: string) => io.stderr.write(`bondlint: ${msg}\n`);
  let o: CliOptions;
  try {
    o = parseArgs(io.argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    warn(e.message);
    io.stderr.write('Try \'bondlint --help\' for more information.\n');
    return 2;
  }
  const docsBase = o.docsBaseUrl ?? defaultDocsBase();
  if (o.help) { io.stdout.write(HELP); return 0; }
  if (o.version) { io.stdout.write(`${TOOL.name} ${TOOL.version}\n`); return 0; }
  if (o.listRules) { io.stdout.write(listRules(o, docsBase)); return 0; }

  const base = path.resolve(io.cwd, o.base ?? '.');
  let ioProblem = false;
  let listed = new Map<string, boolean>();

  // Rule severities: rule defaults < .bondlintrc files (or --config FILE) < --rule.
  let optionsFor: (file: string) => DiagnoseOptions;
  if (o.noConfig) {
    optionsFor = () => ({ rules: { ...o.rules } });
  } else if (o.config !== undefined) {
    let fileRules: Record<string, SeverityOverride>;
    try {
      const cfg = loadConfigFile(path.resolve(io.cwd, o.config));
      for (const w of cfg.warnings) warn(`warning: ${w}`);
      fileRules = cfg.rules;
    } catch (e) {
      warn(`${o.config}: cannot read the configuration file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return 2;
    }
    optionsFor = () => ({ rules: { ...fileRules, ...o.rules } });
  } else {
    // Directories the walk listed without a .bondlintrc need no second look (no failing reads).
    const configFs: ConfigFs = {
      readFile: (file) => {
        const i = file.lastIndexOf(path.sep);
        return i > 0 && file.slice(i + 1) === CONFIG_FILE_NAME && listed.get(file.slice(0, i)) === false ? undefined : nodeConfigFs.readFile(file);
      },
    };
    const resolver = new ConfigResolver({ fs: configFs, onWarning: (w) => warn(`warning: ${w}`) });
    // Every file of a directory gets the same options: resolve them once per directory. A directory
    // the walk listed without a .bondlintrc has exactly its parent's options.
    // (Asked once per file: directories by string cutting, not path.dirname and path.join.)
    const byDir = new Map<string, DiagnoseOptions>();
    const dirOf = (p: string) => {
      const i = p.lastIndexOf(path.sep);
      return i > 0 ? p.slice(0, i) : path.dirname(p);
    };
    const forDir = (dir: string): DiagnoseOptions => {
      let opts = byDir.get(dir);
      if (opts) return opts;
      const parent = dirOf(dir);
      opts = listed.get(dir) === false && parent !== dir ? forDir(parent) : resolver.optionsFor(dir + path.sep + CONFIG_FILE_NAME, o.rules);
      byDir.set(dir, opts);
      return opts;
    };
    optionsFor = (file) => forDir(dirOf(file));
  }

  // Files. With plain directories and nothing to fix, lintTree() walks them and checks each host as
  // soon as its files are in; a large tree is walked and read by a reader thread meanwhile. Otherwise
  // collect() walks and lint() checks, with a reader thread from READER_AFTER_FILES files on. (Reader
  // threads never keep the process alive.)
  const startReader = io.threads ? () => ReadAhead.start() : undefined;
  const showProgress = !!io.stderr.isTTY;
  let lastProgress = 0;
  const progress = (done: number, total?: number) => {
    const now = Date.now();
    if (done < 500 || (now - lastProgress < 100 && done !== total)) return;
    lastProgress = now;
    io.stderr.write(`\r\x1b[Kbondlint: checking ${total ? `${done}/${total}` : done} files…`);
  };
  let run: LintRun | undefined;
  let ioErrors: { path: string; message: string }[] = [];
  const roots = !o.fix && !o.stdin && (o.jobs === undefined || o.jobs === 1) ? plainDirectories(o.paths, io.cwd) : undefined;
  if (roots) {
    try {
      const tree = lintTree({ roots, startReader, listed, optionsFor, progress: showProgress ? progress : undefined });
      for (const e of tree.walkErrors) { warn(`${e.path}: ${e.message}`); ioProblem = true; }
      if (!tree.found && !ioProblem) warn('no ifcfg-* or modprobe files found');
      ioErrors = tree.walkErrors;
      run = tree;
    } catch (e) {
      if (!(e instanceof ReaderFailed)) throw e;
      // Start over without the thread.
    }
  }
  if (!run) {
    const collected = await collect(o.paths, io.cwd);
    listed = collected.listed;
    for (const e of collected.errors) { warn(`${e.path}: ${e.message}`); ioProblem = true; }
    ioErrors = collected.errors;
    let entries: FileEntry[] = collected.files;
    const overrides = new Map<string, string>();
    let report: Set<string> | undefined;
    if (o.stdin) {
      const name = path.resolve(io.cwd, o.stdinFilename!);
      const language = languageOfPath(name);
      if (!language) {
        warn(`--stdin-filename ${o.stdinFilename}: not an ifcfg-* file, a modprobe.d/*.conf file or modprobe.conf`);
        return 2;
      }
      if (o.paths.length && !collected.roots.some((r) => isInside(name, r))) {
        warn(`--stdin-filename ${o.stdinFilename} must lie inside one of the given paths (they provide the rest of its host)`);
        return 2;
      }
      let text: string;
      try {
        text = await io.readStdin();
      } catch (e) {
        warn(`cannot read standard input (${String(e)})`);
        return 2;
      }
      overrides.set(name, text);
      if (!entries.some((e) => e.file === name)) entries = [...entries, { file: name, uri: pathToUri(name), language }];
      report = new Set([name]);
    } else if (!entries.length && !ioProblem) {
      warn('no ifcfg-* or modprobe files found');
    }
    run = await lint({
      entries,
      overrides,
      report,
      optionsFor,
      fix: o.fix,
      jobs: o.jobs,
      threads: io.threads,
      startReader,
      progress: showProgress ? progress : undefined,
    });
  }
  if (showProgress && lastProgress) io.stderr.write('\r\x1b[K');
  for (const e of run.errors) { warn(`${path.relative(io.cwd, e.path) || e.path}: ${e.message}`); ioProblem = true; }

  const rep = buildReport(run, base, o.quiet);
  // Errors found by the walk are part of the report too (JSON `errors`, SARIF notifications).
  rep.ioErrors = [...ioErrors, ...rep.ioErrors];
  rep.summary.ioErrors = rep.ioErrors.length;
  const color = o.color ?? (!!io.stdout.isTTY && !io.env.NO_COLOR);
  io.stdout.write(o.format === 'json' ? formatJson(rep, TOOL, docsBase) : o.format === 'sarif' ? formatSarif(rep, TOOL, docsBase) : formatText(rep, color));

  if (ioProblem) return 2;
  const errors = run.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 1).length, 0);
  if (errors > 0) return 1;
  if (o.maxWarnings >= 0 && countWarnings(run) > o.maxWarnings) {
    if (o.format === 'text') warn(`too many warnings (${countWarnings(run)}; at most ${o.maxWarnings} allowed)`);
    return 1;
  }
  return 0;
}

/**
 * Runs bondlint as the program: arguments, streams and exit status of this process. Called below when
 * dist/bondlint.js is run itself, and by bin/bondlint (the command npm installs), which loads it.
 */
export function runProgram(): void {
  // A closed pipe (`bondlint … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  main({
    threads: true,
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
  }).then((code) => {
    process.exitCode = code;
  }, (e: unknown) => {
    process.stderr.write(`bondlint: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}

// `node dist/bondlint.js …`. A worker thread of a large run loads the same file and is started by
// lint.ts instead.
if (require.main === module && !isShardWorker) runProgram();
