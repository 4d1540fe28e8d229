// Turns the PATH arguments (files, directories, simple globs) into the list of files to lint, with
// the same language detection and the same skips as the language server's workspace index.
import * as fs from 'fs';
import * as path from 'path';
import { languageOfPath } from '../../server/src/analysis';
import type { LanguageId } from '../../server/src/analysis/rules/types';
import { CONFIG_FILE_NAME } from '../../server/src/config';
import { pathToUri } from '../../server/src/workspace-index';
import { SKIP_DIRS, walkStack, walkStep, type WalkSink } from '../../server/src/walk';

export interface FileEntry {
  /** Absolute path. */
  file: string;
  uri: string;
  language: LanguageId;
}

export interface Collected {
  files: FileEntry[];
  /** Paths that could not be read, with the reason (reported on stderr; exit status 2). */
  errors: { path: string; message: string }[];
  /** The directories and files the arguments named (after glob expansion), absolute. */
  roots: string[];
  /**
   * Directories the walk listed, each with whether it holds an entry named .bondlintrc: the
   * configuration lookup need not ask the file system again about these.
   */
  listed: Map<string, boolean>;
}

const MAGIC = /[*?[]/;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory', ELOOP: 'too many symbolic links', EISDIR: 'is a directory',
};

/** 'ENOENT' → 'no such file or directory (ENOENT)'; other texts unchanged. */
export function describeError(code: string): string {
  return ERRNO_TEXT[code] ? `${ERRNO_TEXT[code]} (${code})` : code;
}

export function hasGlob(p: string): boolean {
  return MAGIC.test(p);
}

/** One glob segment → RegExp. `*` and `?` do not match a leading dot, as in the shell. */
function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      let body = seg.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const dotOk = seg.startsWith('.');
  return new RegExp(`^${dotOk ? '' : '(?!\\.)'}${re}$`);
}

function readdir(dir: string): fs.Dirent[] {
  try { return fs.readdirSync(dir, { withFileTypes: true }); } catch { return []; }
}

function isDir(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

/** Expands a glob (`*`, `?`, `[…]`, `**`) relative to cwd; results are absolute and sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const abs = path.resolve(cwd, pattern).replace(/\\/g, '/');
  const parts = abs.split('/');
  const first = parts.findIndex((s) => MAGIC.test(s));
  if (first < 0) return fs.existsSync(abs) ? [abs] : [];
  let current = [parts.slice(0, first).join('/') || '/'];
  for (let i = first; i < parts.length; i++) {
    const seg = parts[i];
    const last = i === parts.length - 1;
    const next: string[] = [];
    if (seg === '**') {
      // Zero or more directories.
      for (const base of current) {
        const stack = [base];
        while (stack.length) {
          const d = stack.pop()!;
          next.push(d);
          for (const e of readdir(d)) if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(path.posix.join(d, e.name));
        }
      }
      if (last) {
        // A trailing ** means "everything below": the directories themselves are enough (they are walked later).
        current = next;
        continue;
      }
    } else if (!MAGIC.test(seg)) {
      for (const base of current) { const p = path.posix.join(base, seg); if (fs.existsSync(p)) next.push(p); }
    } else {
      const re = segmentRegExp(seg);
      for (const base of current) {
        for (const e of readdir(base)) {
          if (!re.test(e.name)) continue;
          if (!last && !(e.isDirectory() || (e.isSymbolicLink() && isDir(path.posix.join(base, e.name))))) continue;
          if (SKIP_DIRS.has(e.name)) continue;
          next.push(path.posix.join(base, e.name));
        }
      }
    }
    current = [...new Set(next)];
  }
  return current.map((p) => path.resolve(p)).sort();
}

/**
 * Lists the files to lint. A file named explicitly must be an ifcfg or modprobe file (otherwise it is
 * an error); files matched by a glob that are neither are skipped quietly.
 */
export async function collect(args: readonly string[], cwd: string): Promise<Collected> {
  const out: Collected = { files: [], errors: [], roots: [], listed: new Map() };
  const seen = new Set<string>();
  const add = (file: string, language: LanguageId, uri?: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.files.push({ file, uri: uri ?? pathToUri(file), language });
  };
  const dirs: string[] = [];
  for (const arg of args) {
    const explicit = !hasGlob(arg);
    const matches = explicit ? [path.resolve(cwd, arg)] : expandGlob(arg, cwd);
    if (!matches.length) { out.errors.push({ path: arg, message: 'no files match' }); continue; }
    for (const m of matches) {
      let st: fs.Stats;
      try {
        st = fs.statSync(m);
      } catch (e) {
        out.errors.push({ path: explicit ? arg : m, message: describeError((e as NodeJS.ErrnoException).code ?? String(e)) });
        continue;
      }
      out.roots.push(m);
      if (st.isDirectory()) { dirs.push(m); continue; }
      const language = languageOfPath(m);
      if (language) add(m, language);
      else if (explicit) out.errors.push({ path: arg, message: 'not an ifcfg-* file, a modprobe.d/*.conf file or modprobe.conf' });
    }
  }
  if (dirs.length) {
    // The CLI's one walk (lintTree's too): depth first, the workspace index's skips. It starts from
    // absolute, normalized directories and joins entry names onto them, so its paths are already what
    // path.resolve would make of them.
    const unlisted: { path: string; message: string }[] = [];
    const stack = walkStack(dirs);
    const sink: WalkSink = {
      dir: (dir, hasConfig) => { out.listed.set(dir, hasConfig); },
      file: (file, language) => add(file, language),
      done: () => undefined,
      error: (dir, code) => { unlisted.push({ path: dir, message: describeError(code) }); },
    };
    while (stack.length) walkStep(stack, CONFIG_FILE_NAME, sink);
    // Directories that could not be listed, by path (as lintTree reports them).
    out.errors.push(...unlisted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  out.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return out;
}

/**
 * The arguments as absolute directories when every one of them is a plain path (no glob) of an
 * existing directory and none lies inside another (string-wise, as the walk sees paths), in the order
 * given; undefined otherwise. Such a run can be walked and checked host by host (lint.ts: lintTree).
 */
export function plainDirectories(args: readonly string[], cwd: string): string[] | undefined {
  if (!args.length || args.some(hasGlob)) return undefined;
  const dirs = args.map((a) => path.resolve(cwd, a));
  for (const d of dirs) {
    try { if (!fs.statSync(d).isDirectory()) return undefined; } catch { return undefined; }
  }
  for (const a of dirs) for (const b of dirs) if (a !== b && isInside(b, a)) return undefined;
  return new Set(dirs).size === dirs.length ? dirs : undefined;
}

/** True when `file` is `root` or lies below it. */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
