// One step of the directory walk, shared by the workspace index, the CLI and the CLI's reader thread
// (cli/src/reader.ts), so that every walk goes into the same directories and finds the same files.
// Imports nothing heavy.
import * as fs from 'fs';
import * as path from 'path';
import { languageOfPath } from './analysis/language';
import type { LanguageId } from './analysis/rules/types';

export const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

/**
 * Sorts the entries of a listed directory: subdirectories to walk into (not SKIP_DIRS, not symbolic
 * links: no loops) and the files the analysis understands (regular files and symbolic links, which
 * the reader follows), with their full paths.
 */
export function classifyEntries(dir: string, entries: fs.Dirent[], onDir: (full: string) => void, onFile: (full: string, language: LanguageId) => boolean | void): void {
  // path.join(dir, name) without normalizing the whole path again for every entry, when `dir` is
  // already normal (always, below the root folders): entry names hold no separator, '.' or '..'.
  const plain = dir !== '.' && path.normalize(dir) === dir;
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const ent of entries) {
    const full = plain ? prefix + ent.name : path.join(dir, ent.name);
    if (ent.isDirectory()) {
      if (!SKIP_DIRS.has(ent.name)) onDir(full);
      continue;
    }
    if (!ent.isFile() && !ent.isSymbolicLink()) continue;
    const language = languageOfPath(full);
    if (language && onFile(full, language) === false) return;
  }
}

/** What a walk step finds (see walkStep). */
export interface WalkSink {
  /** A directory was listed; whether it holds an entry named configName. */
  dir(dir: string, hasConfig: boolean): void;
  file(file: string, language: LanguageId): void;
  /** The directory's whole subtree was walked. */
  done(dir: string): void;
  /** A directory could not be listed. */
  error(dir: string, code: string): void;
}

/**
 * The depth-first walk of `roots` as a stack of steps: '+DIR' lists DIR, '-DIR' says its subtree is
 * done. A stack is plain data, so a walk begun in one thread can be finished in another (the CLI
 * starts walking while its reader thread starts, then hands the rest over).
 */
export function walkStack(roots: readonly string[]): string[] {
  return roots.map((r) => '+' + r).reverse();
}

/** Takes one step off the stack: lists a directory (pushing its subdirectories) or closes one. */
export function walkStep(stack: string[], configName: string, sink: WalkSink): void {
  const step = stack.pop()!;
  const dir = step.slice(1);
  if (step[0] === '-') { sink.done(dir); return; }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    sink.error(dir, (e as NodeJS.ErrnoException).code ?? String(e));
    return;
  }
  sink.dir(dir, entries.some((e) => e.name === configName));
  const subdirs: string[] = [];
  classifyEntries(dir, entries, (sub) => subdirs.push(sub), (file, language) => sink.file(file, language));
  stack.push('-' + dir);
  for (let i = subdirs.length - 1; i >= 0; i--) stack.push('+' + subdirs[i]);
}
