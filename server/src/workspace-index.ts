// Reads the workspace's ifcfg and modprobe files from disk into the analysis model. Only reads:
// never executes, sources or writes anything. Skips .git and node_modules, follows no symlinked
// directories (no loops), bounds the number of files, and yields to the event loop while it works so
// that requests are answered during indexing.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { classifyEntries } from './walk';
import type { LanguageId } from './analysis/rules/types';

export { MAX_FILE_BYTES, readText, readTextSync } from './read-text';

export interface Candidate {
  uri: string;
  file: string;
  language: LanguageId;
}

export interface ScanResult {
  files: Candidate[];
  truncated: boolean;
  errors: string[];
}

/** Absolute POSIX paths whose characters URL encoding leaves alone (and no '.', '..' or empty segments). */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._+,=@-]+)+$/;
const POSIX = process.platform !== 'win32';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  // The common case without the URL machinery (the inverse of pathToUri's): same result.
  if (POSIX && uri.startsWith('file:///') && PLAIN_PATH.test(uri.slice(7))) return uri.slice(7);
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(p: string): string {
  // The common case without the URL machinery (a few microseconds per file): same result.
  if (POSIX && PLAIN_PATH.test(p)) return 'file://' + p;
  return pathToFileURL(p).toString();
}

/** The longest stretch the server's index works without giving requests a turn. */
const SLICE_MS = 10;

/**
 * Walks the folders (breadth first) and lists every file the analysis understands. Lists directories
 * synchronously (one readdir costs microseconds; a promise per directory cost most of the walk), and
 * yields to the event loop at least every SLICE_MS, so that requests are answered meanwhile.
 */
export async function scanFolders(folders: string[], maxFiles: number, shouldStop: () => boolean = () => false): Promise<ScanResult> {
  const out: ScanResult = { files: [], truncated: false, errors: [] };
  const queue = [...folders];
  let slice = Date.now();
  for (let q = 0; q < queue.length; q++) {
    if (shouldStop()) break;
    if (!listDir(queue[q], queue, out, maxFiles)) return out;
    if (Date.now() - slice >= SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      slice = Date.now();
    }
  }
  return out;
}

/** Lists one directory: files into `out`, subdirectories onto `queue`. False once maxFiles is exceeded. */
function listDir(dir: string, queue: string[], out: ScanResult, maxFiles: number): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.errors.push(`${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return true;
  }
  let more = true;
  classifyEntries(dir, entries, (sub) => queue.push(sub), (full, language) => {
    if (out.files.length >= maxFiles) { out.truncated = true; return (more = false); }
    out.files.push({ uri: pathToUri(full), file: full, language });
  });
  return more;
}

