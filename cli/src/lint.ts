// The lint run: reads the files, groups them into hosts exactly as the editor's WorkspaceModel does
// (so that cross-file rules work the same), optionally applies the safe fixes in place, then
// diagnoses every file.
import * as fs from 'fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, fixAll, hostRootOf, pathOfUri, WorkspaceModel } from '../../server/src/analysis';
import type { DiagnoseOptions } from '../../server/src/analysis';
import type { LanguageId } from '../../server/src/analysis/rules/types';
import { readTextSync } from '../../server/src/workspace-index';
import { describeError, type FileEntry } from './collect';

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
  progress?: (phase: 'reading' | 'checking', done: number, total: number) => void;
}

const MAX_FIX_ROUNDS = 10;

export async function lint(input: LintInput): Promise<LintRun> {
  const run: LintRun = { files: [], errors: [], warnings: [] };
  const loaded: Loaded[] = [];
  const total = input.entries.length;
  let done = 0;
  for (const entry of input.entries) {
    const override = input.overrides?.get(entry.file);
    let text = override;
    if (text === undefined) {
      const r = readTextSync(entry.file);
      if (r.text === undefined) {
        run.errors.push({ path: entry.file, message: describeError(r.error ?? 'cannot read') });
        input.progress?.('reading', ++done, total);
        continue;
      }
      text = r.text;
    }
    loaded.push({ entry, original: text, report: !input.report || input.report.has(entry.file), index: -1 });
    input.progress?.('reading', ++done, total);
  }
  const reported = loaded.filter((l) => l.report);
  reported.forEach((l, i) => { l.index = i; });
  const options = new Map(reported.map((l) => [l.entry.file, input.optionsFor(l.entry.file)]));
  const results: LintedFile[] = new Array(reported.length);

  // Nothing crosses from one host to another (see WorkspaceModel), so each host is analysed in a
  // model of its own and dropped once its files are diagnosed: the same diagnostics as one model of
  // the whole run, in memory the size of one host rather than of the fleet.
  const hosts = new Map<string, Loaded[]>();
  for (const l of loaded) {
    const root = hostRootOf(pathOfUri(l.entry.uri));
    const h = hosts.get(root);
    if (h) h.push(l); else hosts.set(root, [l]);
  }
  let checked = 0;
  const writeErrors: { index: number; path: string; message: string }[] = [];
  for (const files of hosts.values()) {
    if (!files.some((l) => l.report)) continue;
    const model = new WorkspaceModel();
    for (const l of files) model.set(l.entry.uri, l.original, l.entry.language);
    const mine = files.filter((l) => l.report);
    const fixes = input.fix ? fixHost(model, mine, options, writeErrors) : new Map<string, string[]>();
    for (const l of mine) {
      const { uri, file, language } = l.entry;
      results[l.index] = { file, uri, language, diagnostics: diagnose(model.get(uri)!, options.get(file)), fixes: fixes.get(file) ?? [] };
      input.progress?.('checking', ++checked, reported.length);
    }
  }
  // In the order of the files, as when the whole run was one model.
  writeErrors.sort((a, b) => a.index - b.index);
  for (const { path, message } of writeErrors) run.errors.push({ path, message });
  run.files = results;
  return run;
}

interface Loaded {
  entry: FileEntry;
  original: string;
  /** Reported (the others only give context). */
  report: boolean;
  /** Position among the reported files. */
  index: number;
}

/** --fix for the reported files of one host: applies the safe fixes until stable, writes them back. */
function fixHost(model: WorkspaceModel, reported: Loaded[], options: Map<string, DiagnoseOptions>, errors: { index: number; path: string; message: string }[]): Map<string, string[]> {
  const fixes = new Map<string, string[]>();
  // Fixes are single-file, but a fix in one file can change what a cross-file rule says about
  // another: repeat until a whole round changes nothing, so that a second --fix is a no-op.
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    let changed = false;
    for (const l of reported) {
      const { uri, language, file } = l.entry;
      const ctx = model.get(uri)!;
      const result = fixAll(ctx, (t) => { model.set(uri, t, language); return model.get(uri)!; }, options.get(file));
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
