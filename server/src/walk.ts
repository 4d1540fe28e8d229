// One step of the directory walk, shared by the workspace index, the CLI and the CLI's reader thread
// (cli/src/reader.ts), so that every walk goes into the same directories and finds the same files.
// Imports nothing heavy.
import type * as fs from 'fs';
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
