// The lint run: reads the files into one WorkspaceModel (so that hosts and cross-file rules work
// exactly as in the editor), optionally applies the safe fixes in place, then diagnoses every file.
import * as fs from 'fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, fixAll, WorkspaceModel } from '../../server/src/analysis';
import type { DiagnoseOptions } from '../../server/src/analysis';
import type { LanguageId } from '../../server/src/analysis/rules/types';
import { readText } from '../../server/src/workspace-index';
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
  const model = new WorkspaceModel();
  const loaded: { entry: FileEntry; original: string }[] = [];
  const total = input.entries.length;
  let done = 0;
  for (const entry of input.entries) {
    const override = input.overrides?.get(entry.file);
    let text = override;
    if (text === undefined) {
      const r = await readText(entry.file);
      if (r.text === undefined) {
        run.errors.push({ path: entry.file, message: describeError(r.error ?? 'cannot read') });
        input.progress?.('reading', ++done, total);
        continue;
      }
      text = r.text;
    }
    model.set(entry.uri, text, entry.language);
    loaded.push({ entry, original: text });
    input.progress?.('reading', ++done, total);
  }
  const reported = loaded.filter((l) => !input.report || input.report.has(l.entry.file));
  const options = new Map(reported.map((l) => [l.entry.file, input.optionsFor(l.entry.file)]));
  const fixes = new Map<string, string[]>();

  if (input.fix) {
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
        run.errors.push({ path: file, message: problem });
        model.set(uri, l.original, language);
        fixes.delete(file);
      }
    }
  }

  let checked = 0;
  for (const l of reported) {
    const { uri, file, language } = l.entry;
    run.files.push({ file, uri, language, diagnostics: diagnose(model.get(uri)!, options.get(file)), fixes: fixes.get(file) ?? [] });
    input.progress?.('checking', ++checked, reported.length);
  }
  return run;
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
