// Reads the workspace's ifcfg and modprobe files from disk into the analysis model. Only reads:
// never executes, sources or writes anything. Skips .git and node_modules, follows no symlinked
// directories (no loops), bounds the number of files, and yields to the event loop while it works so
// that requests are answered during indexing.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { languageOfPath } from './analysis';
import type { LanguageId } from './analysis/rules/types';

export const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);
/** Files larger than this are not indexed (an ifcfg file is a few hundred bytes). */
export const MAX_FILE_BYTES = 1 << 20;

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

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** Walks the folders (breadth first) and lists every file the analysis understands. */
export async function scanFolders(folders: string[], maxFiles: number, shouldStop: () => boolean = () => false): Promise<ScanResult> {
  const out: ScanResult = { files: [], truncated: false, errors: [] };
  const queue = [...folders];
  let visited = 0;
  while (queue.length) {
    if (shouldStop()) break;
    const dir = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      out.errors.push(`${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    for (const ent of entries) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) queue.push(full);
        continue;
      }
      if (!ent.isFile() && !ent.isSymbolicLink()) continue;
      const language = languageOfPath(full);
      if (!language) continue;
      if (out.files.length >= maxFiles) { out.truncated = true; return out; }
      out.files.push({ uri: pathToUri(full), file: full, language });
    }
    if (++visited % 200 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** Reads one file as text; undefined when it is missing, not a regular file, too big or unreadable. */
export async function readText(file: string): Promise<{ text?: string; error?: string }> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
    const buf = await fs.promises.readFile(file);
    return { text: buf.toString('utf8') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
