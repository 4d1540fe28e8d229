// Runs the BUILT command-line linter (dist/bondlint.js) as a child process. `npm run test:cli` builds first.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'dist', 'bondlint.js');
export const EXAMPLES = path.join(ROOT, 'examples');
const PKG_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface Result { code: number | null; stdout: string; stderr: string }

export function bondlint(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Result {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm run test:cli does)`);
  const env = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Replaces machine-specific parts (the checkout's location, the package version) with placeholders. */
export function normalize(s: string): string {
  const url = pathToFileURL(ROOT).href;
  return s.split(url).join('file://<ROOT>').split(ROOT).join('<ROOT>')
    .replace(new RegExp(`"(version|semanticVersion)": "${PKG_VERSION.replace(/\./g, '\\.')}"`, 'g'), '"$1": "<VERSION>"');
}

/** A fresh temporary directory (real path, so that paths in the output match). */
export function tmpDir(prefix = 'bondlint-'): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), prefix));
}

/** Writes files (relative path → text or bytes) below dir. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** Every file below dir (relative path → bytes). */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export const NS = 'etc/sysconfig/network-scripts';
