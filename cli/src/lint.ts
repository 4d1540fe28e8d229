// The lint run: reads the files, groups them into hosts exactly as the editor's WorkspaceModel does
// (so that cross-file rules work the same), optionally applies the safe fixes in place, then
// diagnoses every file, one host at a time. lint() takes a collected list of files (in one thread or
// several: --jobs); lintTree() walks directories itself and checks each host as soon as it is
// complete. Both may hand the reading (and the walk) to a reader thread: read-ahead.ts.
import * as fs from 'fs';
import * as os from 'os';
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, fixAll, hostRootOf, WorkspaceModel } from '../../server/src/analysis';
import { ParseCache } from '../../server/src/analysis/parse-cache';
import type { DiagnoseOptions } from '../../server/src/analysis';
import type { LanguageId } from '../../server/src/analysis/rules/types';
import { readTextSync } from '../../server/src/read-text';
import { CONFIG_FILE_NAME } from '../../server/src/config';
import { pathToUri } from '../../server/src/workspace-index';
import { describeError, type FileEntry } from './collect';
import { READER_AFTER_FILES, readAhead, type ReadAhead, type TextSource, type WalkRecord } from './read-ahead';
import { walkStack, walkStep, type WalkSink } from '../../server/src/walk';

export interface LintedFile {
  file: string;
  uri: string;
  language: LanguageId;
  diagnostics: Diagnostic[];
  /** Titles of the fixes applied to this file (--fix). */
  fixes: string[];
}

export interface LintRun {
  files: LintedFile[];
  errors: { path: string; message: string }[];
  warnings: string[];
}

export interface LintInput {
  entries: FileEntry[];
  /** Text to use instead of the disk for these absolute paths (--stdin). */
  overrides?: Map<string, string>;
  /** Only these files are reported (the others give context); all when undefined. */
  report?: Set<string>;
  optionsFor: (file: string) => DiagnoseOptions;
  fix: boolean;
  /** Files checked so far, of the reported ones (after each host). */
  progress?: (done: number, total: number) => void;
  /** Threads (--jobs): a number, or `auto`; one when undefined. */
  jobs?: number | 'auto';
  /** Whether worker threads may be used (the program: yes; library callers: by default no). */
  threads?: boolean;
  /** Starts a reader thread (undefined: none); called once the run has read READER_AFTER_FILES files. */
  startReader?: () => ReadAhead | undefined;
}

const MAX_FIX_ROUNDS = 10;
const NO_FIXES: string[] = [];

/**
 * --jobs auto: a thread per this many files. Measured on the 2-core reference machine (bench/):
 * at 10,000 files two threads were slower than one (a worker starts cold, and both threads and the
 * garbage collector share two cores); at 50,000 files 5 % faster for 30 % more memory. Hence one
 * thread by default, and `auto` only for large runs.
 */
export const FILES_PER_JOB = 10_000;
const MAX_AUTO_JOBS = 4;

/** Threads to use for `requested` (--jobs): a number as given, `auto` from the files and cores. */
export function decideJobs(files: number, requested: number | 'auto' | undefined, cores: number): number {
  if (requested === 'auto') return Math.max(1, Math.min(cores, MAX_AUTO_JOBS, Math.floor(files / FILES_PER_JOB)));
  return requested && requested > 0 ? requested : 1;
}

/** One file of a shard, in plain data (it crosses to a worker thread). */
interface ShardFile {
  entry: FileEntry;
  /** Position among the reported files; -1 when the file only gives context. */
  index: number;
  /** Position in the run's file list (read errors are reported in that order). */
  order: number;
  /** Index into ShardTask.options (reported files only). */
  options: number;
}

/** A set of whole hosts, analysed together (in this thread or in a worker). */
export interface ShardTask {
  /** The files of each host (grouped once, by lint()). */
  hosts: ShardFile[][];
  options: DiagnoseOptions[];
  overrides: [string, string][];
  fix: boolean;
}

export interface ShardResult {
  results: LintedFile[];
  indexes: number[];
  readErrors: { order: number; path: string; message: string }[];
  writeErrors: { index: number; path: string; message: string }[];
}

/** What a worker thread is started with (recognised at the end of this file). */
export const SHARD_WORKER = 'bondlint-shard-worker';

export async function lint(input: LintInput): Promise<LintRun> {
  const total = input.entries.length;
  const report = (file: string) => !input.report || input.report.has(file);
  // Options per reported file, shared by identity (one object per directory): sent once per shard.
  const optionIds = new Map<DiagnoseOptions, number>();
  const optionList: DiagnoseOptions[] = [];
  let reported = 0;
  // Files grouped into hosts by path alone: nothing crosses from one host to another (see
  // WorkspaceModel), so hosts can be analysed apart, in any thread, with the same result.
  const hosts = new Map<string, ShardFile[]>();
  input.entries.forEach((entry, order) => {
    let options = -1;
    let index = -1;
    if (report(entry.file)) {
      index = reported++;
      const o = input.optionsFor(entry.file);
      options = optionIds.get(o) ?? -1;
      if (options < 0) { options = optionList.length; optionIds.set(o, options); optionList.push(o); }
    }
    const f: ShardFile = { entry, index, order, options };
    const root = hostRootOf(entry.file);
    const h = hosts.get(root);
    if (h) h.push(f); else hosts.set(root, [f]);
  });
  const overrides = [...(input.overrides ?? new Map<string, string>())];
  const jobs = input.threads ? decideJobs(reported, input.jobs, os.availableParallelism()) : 1;

  // Contiguous runs of hosts with about the same number of files each.
  const shards: ShardFile[][][] = [[]];
  const target = total / jobs;
  let inShard = 0;
  for (const files of hosts.values()) {
    if (inShard >= target && shards.length < jobs) { shards.push([]); inShard = 0; }
    shards[shards.length - 1].push(files);
    inShard += files.length;
  }
  const task = (hostFiles: ShardFile[][]): ShardTask => ({ hosts: hostFiles, options: optionList, overrides, fix: input.fix });

  const parts: Promise<ShardResult>[] = [];
  const progressPorts: MessagePort[] = [];
  for (const files of shards.slice(1)) {
    const { port1, port2 } = new MessageChannel();
    progressPorts.push(port1);
    parts.push(runInWorker(task(files), port2));
  }
  // This thread takes the first shard while the workers take the others. Their progress is read
  // synchronously from their ports (this thread is busy until its own shard is done).
  let ownDone = 0;
  const workerDone = new Array<number>(progressPorts.length).fill(0);
  const progress = input.progress && ((done: number, of: number) => {
    if (!progressPorts.length) { input.progress!(done, of); return; }
    ownDone = done;
    progressPorts.forEach((port, i) => { for (let m; (m = receiveMessageOnPort(port)); ) workerDone[i] = m.message as number; });
    input.progress!(ownDone + workerDone.reduce((a, b) => a + b, 0), reported);
  });
  // One thread analysing: a reader thread reads ahead (several: each reads its own shard).
  let texts: TextSource | undefined;
  if (jobs === 1 && input.startReader) {
    const skip = new Set(overrides.map(([f]) => f));
    texts = readAhead(shards[0].flatMap((h) => h.filter((f) => !skip.has(f.entry.file)).map((f) => f.entry.file)), input.startReader);
  }
  let own: ShardResult;
  try {
    own = runShard(task(shards[0]), progress, texts);
  } finally {
    texts?.close();
  }
  const all = [own, ...(await Promise.all(parts))];
  for (const port of progressPorts) port.close();

  const run: LintRun = { files: [], errors: [], warnings: [] };
  const results: LintedFile[] = new Array(reported);
  const readErrors = all.flatMap((r) => r.readErrors).sort((a, b) => a.order - b.order);
  const writeErrors = all.flatMap((r) => r.writeErrors).sort((a, b) => a.index - b.index);
  for (const r of all) r.results.forEach((f, i) => { results[r.indexes[i]] = f; });
  for (const { path, message } of [...readErrors, ...writeErrors]) run.errors.push({ path, message });
  // In the order of the files (unreadable ones left out), as when the whole run was one model.
  run.files = results.filter((f) => f !== undefined);
  return run;
}

/** Reads and analyses whole hosts; synchronous (a worker runs one of these and exits). */
export function runShard(task: ShardTask, progress?: (done: number, total: number) => void, texts?: TextSource): ShardResult {
  const out: ShardResult = { results: [], indexes: [], readErrors: [], writeErrors: [] };
  const overrides = new Map(task.overrides);
  const reportedTotal = task.hosts.reduce((n, h) => n + h.filter((f) => f.index >= 0).length, 0);
  let checked = 0;
  const parsed = new ParseCache();
  // One host at a time: read, analysed in a model of its own, dropped once its files are diagnosed.
  // The same diagnostics as one model of the whole run, in memory the size of one host rather than
  // the fleet, and the texts and everything derived from them die young (cheap for the GC).
  for (const files of task.hosts) {
    const loaded: Loaded[] = [];
    for (const f of files) {
      let text = overrides.get(f.entry.file);
      if (text === undefined) {
        const r = texts ? texts.next() : readTextSync(f.entry.file);
        if (r.text === undefined) out.readErrors.push({ order: f.order, path: f.entry.file, message: describeError(r.error ?? 'cannot read') });
        text = r.text;
      }
      if (text !== undefined) loaded.push({ entry: f.entry, original: text, report: f.index >= 0, index: f.index, options: task.options[f.options] });
    }
    const n = checkHost(loaded, task.fix, parsed, out);
    if (!n) continue;
    checked += n;
    progress?.(checked, reportedTotal);
  }
  return out;
}

/** Analyses one host's files in a model of their own (fixing them first with --fix); returns how many were reported. */
function checkHost(loaded: Loaded[], fix: boolean, parsed: ParseCache, out: Pick<ShardResult, 'results' | 'indexes' | 'writeErrors'>): number {
  const mine = loaded.filter((l) => l.report);
  if (!mine.length) return 0;
  const model = new WorkspaceModel(parsed);
  for (const l of loaded) model.set(l.entry.uri, l.original, l.entry.language);
  const fixes = fix ? fixHost(model, mine, out.writeErrors) : undefined;
  for (const l of mine) {
    const { uri, file, language } = l.entry;
    out.results.push({ file, uri, language, diagnostics: diagnose(model.get(uri)!, l.options), fixes: fixes?.get(file) ?? NO_FIXES });
    out.indexes.push(l.index);
  }
  return mine.length;
}

export interface TreeInput {
  /** Absolute, normalized directories, none inside another (see collect.ts: plainDirectories). */
  roots: string[];
  /** Starts a reader thread (undefined: none); called once the walk has found READER_AFTER_FILES files. */
  startReader?: () => ReadAhead | undefined;
  /** Filled as the walk lists directories (whether each holds a .bondlintrc), before optionsFor is asked about their files. */
  listed: Map<string, boolean>;
  optionsFor: (file: string) => DiagnoseOptions;
  /** Files checked so far (the total is not known before the walk ends). */
  progress?: (done: number) => void;
}

export interface TreeRun extends LintRun {
  /** Files found (checked or unreadable). */
  found: number;
  /** Directories that could not be listed. */
  walkErrors: { path: string; message: string }[];
}

/** The order of collect(): by path, as strings. */
const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Walks and lints directory trees, checking each host as soon as the walk has left the host's root
 * directory (depth first: no file of that host can follow); hosts whose root lies above the roots are
 * checked at the end. This thread walks and reads until the reader thread is up (started once the
 * tree proves large), then hands it the rest of the walk and only analyses. The same report
 * as collect() and lint() on the same directories (the order restored at the end); no --fix, --stdin
 * or --jobs. Throws ReaderFailed when the reader thread fails or stalls: the caller starts over.
 */
export function lintTree(input: TreeInput): TreeRun {
  const out: ShardResult = { results: [], indexes: [], readErrors: [], writeErrors: [] };
  const run: TreeRun = { files: [], errors: [], warnings: [], found: 0, walkErrors: [] };
  const pending = new Map<string, Loaded[]>();
  const unreadable: { path: string; message: string }[] = [];
  const parsed = new ParseCache();
  let checked = 0;
  const check = (files: Loaded[]) => {
    checked += checkHost(files, false, parsed, out);
    input.progress?.(checked);
  };
  const handle = (r: WalkRecord) => {
    if (r.kind === 'dir') input.listed.set(r.dir, r.hasConfig);
    else if (r.kind === 'error') run.walkErrors.push({ path: r.dir, message: describeError(r.code) });
    else if (r.kind === 'done') {
      const files = pending.get(r.dir);
      if (files) { pending.delete(r.dir); check(files); }
    } else {
      // Every path comes once: the roots are distinct and none lies inside another, and the walk
      // follows no symbolic link to a directory.
      run.found++;
      if (r.text === undefined) { unreadable.push({ path: r.file, message: describeError(r.error ?? 'cannot read') }); return; }
      const l: Loaded = { entry: { file: r.file, uri: pathToUri(r.file), language: r.language }, original: r.text, report: true, index: -1, options: input.optionsFor(r.file) };
      const root = hostRootOf(r.file);
      const files = pending.get(root);
      if (files) files.push(l); else pending.set(root, [l]);
    }
  };
  const stack = walkStack(input.roots);
  const here: WalkSink = {
    dir: (dir, hasConfig) => handle({ kind: 'dir', dir, hasConfig }),
    file: (file, language) => { const r = readTextSync(file); handle({ kind: 'file', file, language, text: r.text, error: r.error }); },
    done: (dir) => handle({ kind: 'done', dir }),
    error: (dir, code) => handle({ kind: 'error', dir, code }),
  };
  let reader: ReadAhead | undefined;
  let asked = false;
  while (stack.length && !reader?.ready) {
    walkStep(stack, CONFIG_FILE_NAME, here);
    if (!asked && run.found >= READER_AFTER_FILES) { asked = true; reader = input.startReader?.(); }
  }
  if (stack.length && reader) {
    const { records, close } = reader.walk(stack, CONFIG_FILE_NAME);
    try {
      for (const r of records) handle(r);
    } finally {
      close();
    }
  } else {
    reader?.dispose();
  }
  for (const files of pending.values()) check(files);
  run.files = out.results.sort(byFile);
  run.errors = unreadable.sort((a, b) => byFile({ file: a.path }, { file: b.path }));
  run.walkErrors.sort((a, b) => byFile({ file: a.path }, { file: b.path }));
  return run;
}

/**
 * Runs a shard in a worker thread: this very file (dist/bondlint.js in the bundle), which sees
 * SHARD_WORKER in its workerData when it loads (end of this file) and runs shardWorkerMain().
 */
function runInWorker(task: ShardTask, progressPort: MessagePort): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { [SHARD_WORKER]: true, task, progressPort }, transferList: [progressPort] });
    let result: ShardResult | undefined;
    w.once('message', (m: ShardResult) => { result = m; });
    w.once('error', reject);
    w.once('exit', (code) => (result ? resolve(result) : reject(new Error(`analysis thread exited with status ${code} and no result`))));
  });
}

/** The body of a worker thread: runs its shard, posts the result (progress every 100 files). */
function shardWorkerMain(): void {
  const { task, progressPort } = workerData as { task: ShardTask; progressPort: MessagePort };
  let last = 0;
  const result = runShard(task, (done, total) => {
    if (done - last >= 100 || done === total) { last = done; progressPort.postMessage(done); }
  });
  progressPort.close();
  parentPort!.postMessage(result);
}

interface Loaded {
  entry: FileEntry;
  original: string;
  /** Reported (the others only give context). */
  report: boolean;
  /** Position among the reported files. */
  index: number;
  options: DiagnoseOptions | undefined;
}

/** --fix for the reported files of one host: applies the safe fixes until stable, writes them back. */
function fixHost(model: WorkspaceModel, reported: Loaded[], errors: { index: number; path: string; message: string }[]): Map<string, string[]> {
  const fixes = new Map<string, string[]>();
  // Fixes are single-file, but a fix in one file can change what a cross-file rule says about
  // another: repeat until a whole round changes nothing, so that a second --fix is a no-op.
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    let changed = false;
    for (const l of reported) {
      const { uri, language, file } = l.entry;
      const ctx = model.get(uri)!;
      const result = fixAll(ctx, (t) => { model.set(uri, t, language); return model.get(uri)!; }, l.options);
      if (result.text !== ctx.text) {
        changed = true;
        fixes.set(file, [...(fixes.get(file) ?? []), ...result.applied]);
      }
    }
    if (!changed) break;
  }
  for (const l of reported) {
    const { uri, file, language } = l.entry;
    const text = model.get(uri)!.text;
    if (text === l.original) continue;
    const problem = writeBack(file, l.original, text);
    if (problem) {
      errors.push({ index: l.index, path: file, message: problem });
      model.set(uri, l.original, language);
      fixes.delete(file);
    }
  }
  return fixes;
}

/**
 * Writes the fixed text, keeping every byte the fixes did not change (BOM, CRLF, …). Refuses when the
 * file is not valid UTF-8 (decoding it lost bytes) or changed on disk since it was read.
 */
function writeBack(file: string, original: string, text: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `cannot read again to fix (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  if (!Buffer.from(original, 'utf8').equals(bytes)) {
    return bytes.toString('utf8') === original ? 'not valid UTF-8; not fixed' : 'changed on disk while linting; not fixed';
  }
  try {
    fs.writeFileSync(file, Buffer.from(text, 'utf8'));
  } catch (e) {
    return `cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  return undefined;
}

/** True in a worker thread started by runInWorker(). */
export const isShardWorker = !isMainThread && !!(workerData as Record<string, unknown> | null)?.[SHARD_WORKER];
// (The bundle's V8 flags, cli/src/v8-flags.ts, are set in this thread too: it loads the same file.)
if (isShardWorker) shardWorkerMain();
