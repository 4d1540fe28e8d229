// A HostView for completion: the ifcfg files next to a document, read from disk (open documents
// override disk). Parsed files are cached by path and modification time. Reads only; never executes.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { ifcfgRole } from './analysis/context';
import { parseIfcfg } from './analysis/ifcfg/parser';
import type { HostView } from './analysis';

interface Entry { mtimeMs: number; device: string; role: string; master?: string }
const cache = new Map<string, Entry>();
const BACKUP = /(~|\.(bak|old|orig|rpmnew|rpmorig|rpmsave|rej|augnew|augtmp))$/;

function summarize(file: string, text: string): Omit<Entry, 'mtimeMs'> {
  const f = parseIfcfg(text);
  const name = path.basename(file);
  return { device: f.byKey.get('DEVICE')?.value || name.replace(/^ifcfg-/, ''), role: ifcfgRole(f, name), master: f.byKey.get('MASTER')?.value };
}

export function hostViewFor(uri: string, openText: (uri: string) => string | undefined): HostView | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let dir: string;
  try { dir = path.dirname(fileURLToPath(uri)); } catch { return undefined; }
  const entries = (): Omit<Entry, 'mtimeMs'>[] => {
    let names: string[];
    try { names = fs.readdirSync(dir); } catch { return []; }
    const out: Omit<Entry, 'mtimeMs'>[] = [];
    for (const n of names) {
      if (!n.startsWith('ifcfg-') || BACKUP.test(n)) continue;
      const file = path.join(dir, n);
      const open = openText(pathToFileURL(file).toString());
      if (open !== undefined) { out.push(summarize(file, open)); continue; }
      try {
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > 1 << 20) continue;
        const c = cache.get(file);
        if (c && c.mtimeMs === st.mtimeMs) { out.push(c); continue; }
        const e = { mtimeMs: st.mtimeMs, ...summarize(file, fs.readFileSync(file, 'utf8')) };
        cache.set(file, e);
        out.push(e);
      } catch { /* unreadable: skip */ }
    }
    return out;
  };
  return {
    bonds: () => [...new Set(entries().filter((e) => e.role === 'bond').map((e) => e.device))].sort(),
    membersOf: (bond) => entries().filter((e) => e.master === bond).map((e) => e.device).sort(),
  };
}
