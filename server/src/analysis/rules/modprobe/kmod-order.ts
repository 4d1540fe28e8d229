// Which modprobe.d files kmod reads, and in which order. Pure: works on paths only.
//
// What this relies on (the team's reference summary /work/shared/reference/modprobe-syntax.md §1 and
// §3, written from kmod's libkmod/libkmod.c (the list of configuration directories) and
// libkmod/libkmod-config.c (how the files are collected and parsed)):
//  - kmod reads the directories /etc/modprobe.d, /run/modprobe.d, /usr/local/lib/modprobe.d,
//    <distconfdir>/modprobe.d (e.g. /usr/lib/modprobe.d) and /lib/modprobe.d, highest priority first;
//  - only files whose name ends in `.conf`, with at least one character before it, are read, and
//    names starting with `.` are skipped;
//  - a name present in a higher-priority directory hides the same name in the lower ones;
//  - the surviving files are processed in lexicographic order of their file NAME, whatever their
//    directory, and the `options` lines of all of them are concatenated in that order (then line by
//    line), so a later file can add to or override an earlier one;
//  - /etc/modprobe.conf is not in kmod's search list at all (only read when passed with -C): it is
//    no modprobe.d file here and keeps its own single-file treatment.
// "Lexicographic" is taken as kmod's plain byte comparison of the names (strcmp over UTF-8), which
// is code point order: `10-x.conf` sorts before `9-x.conf`, `B.conf` before `a.conf`.

/** kmod's configuration directories, highest priority first (relative to the system root). */
export const KMOD_CONFIG_DIRS: readonly string[] = ['etc/modprobe.d', 'run/modprobe.d', 'usr/local/lib/modprobe.d', 'usr/lib/modprobe.d', 'lib/modprobe.d'];

/**
 * Priority of the directory of a file (0 = /etc/modprobe.d, the highest), matched on the end of the
 * path so that a copy of a system below a workspace folder (`/fleet/h1/etc/modprobe.d`) counts like
 * the real one. A `modprobe.d` directory anywhere else ranks after kmod's own; undefined when the
 * directory is not a modprobe.d directory at all.
 */
export function configDirRank(dir: string): number | undefined {
  if (dir !== 'modprobe.d' && !dir.endsWith('/modprobe.d')) return undefined;
  // More specific directories come first in the list (usr/local/lib before usr/lib before lib), so the
  // first suffix that matches is the right one.
  for (let i = 0; i < KMOD_CONFIG_DIRS.length; i++) {
    const d = KMOD_CONFIG_DIRS[i];
    if (dir === d || dir.endsWith(`/${d}`)) return i;
  }
  return KMOD_CONFIG_DIRS.length;
}

/** Whether kmod reads a file of this name from a configuration directory. */
export function kmodReadsName(name: string): boolean {
  return name.length > '.conf'.length && name.endsWith('.conf') && !name.startsWith('.');
}

/** Byte order of the UTF-8 encodings (strcmp), which is code point order. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

export interface KmodOrder<T> {
  /** The files kmod reads, in the order it reads them. */
  read: T[];
  /** Files hidden by a file of the same name in a higher-priority directory. */
  hidden: { item: T; by: T }[];
}

/**
 * The files among `items` that kmod reads and their order. `pathOf` gives a '/'-separated path.
 * Files not in a modprobe.d directory, and names kmod skips, are left out (in neither list).
 */
export function kmodReadOrder<T>(items: readonly T[], pathOf: (item: T) => string): KmodOrder<T> {
  const cands: { item: T; name: string; dir: string; rank: number }[] = [];
  for (const item of items) {
    const p = pathOf(item).replace(/\\/g, '/');
    const slash = p.lastIndexOf('/');
    const name = p.slice(slash + 1);
    const dir = slash < 0 ? '' : p.slice(0, slash);
    const rank = configDirRank(dir);
    if (rank === undefined || !kmodReadsName(name)) continue;
    cands.push({ item, name, dir, rank });
  }
  // Same name: the higher-priority directory first (it is the one kmod keeps); two directories of the
  // same rank (not kmod's own) in a fixed order.
  cands.sort((a, b) => compareNames(a.name, b.name) || a.rank - b.rank || compareNames(a.dir, b.dir));
  const out: KmodOrder<T> = { read: [], hidden: [] };
  let keep: (typeof cands)[number] | undefined;
  for (const c of cands) {
    if (keep && keep.name === c.name) { out.hidden.push({ item: c.item, by: keep.item }); continue; }
    keep = c;
    out.read.push(c.item);
  }
  return out;
}
