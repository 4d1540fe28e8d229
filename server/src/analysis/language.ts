// Which language a file is, from its path alone. Imports nothing heavy: the CLI's reader thread
// (cli/src/reader.ts) uses it while it walks.
import type { LanguageId } from './rules/types';
import { withoutQueryAndFragment } from './text';

export function baseName(uri: string): string {
  // The common case: nothing to cut off or decode.
  if (!/[?#%]/.test(uri)) return uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  const path = withoutQueryAndFragment(uri);
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  let name = path.slice(slash + 1);
  try { name = decodeURIComponent(name); } catch { /* keep as is */ }
  return name;
}

/** Which language a file is, from its path alone (used by the CLI and the workspace index). */
export function languageOfPath(path: string): LanguageId | undefined {
  const norm = path.replace(/\\/g, '/');
  const name = baseName(norm);
  if (name.startsWith('ifcfg-')) return 'ifcfg';
  if (name === 'modprobe.conf') return 'modprobe';
  if (/(^|\/)modprobe\.d\/[^/]+\.conf$/.test(norm)) return 'modprobe';
  return undefined;
}
