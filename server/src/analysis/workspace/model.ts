// The workspace model: every ifcfg and modprobe file the caller hands in, grouped into hosts, with
// each host's bond topology derived from its files. Pure: the caller reads files (server from disk
// and open editors, CLI from disk, tests from strings); nothing here touches the file system.
//
// Host grouping: a file under `…/etc/sysconfig/network-scripts/` belongs to the host rooted before
// `etc/`, together with that root's `etc/modprobe.d/*.conf` and `etc/modprobe.conf`; any other file
// belongs to the host of its directory. Nothing crosses from one host to another.
import { baseName, DocContext, IfcfgContext, isYes, makeContext, ModprobeContext } from '../context';
import { backupName } from '../ifcfg/backup-names';
import type { IfcfgAssignment } from '../ifcfg/parser';
import type { ModprobeStatement } from '../modprobe/parser';
import type { LanguageId } from '../rules/types';
import { MEMO, Memo, type Memoizable, type MemoSlots } from '../memo';
import type { ParseCache } from '../parse-cache';

/** The host root of a file path ('/' separated). */
export function hostRootOf(path: string): string {
  const p = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  const fast = hostRootFast(p);
  if (fast !== undefined) return fast;
  const m = /^(.*?)\/?etc\/(?:sysconfig\/network-scripts\/[^/]+|modprobe\.d\/[^/]+|modprobe\.conf)$/.exec(p);
  if (m) return m[1] === '' ? '/' : m[1];
  const slash = p.lastIndexOf('/');
  return slash <= 0 ? '/' : p.slice(0, slash);
}

/**
 * The directories below a host's root that hold its files: ifcfg files, and every directory kmod
 * reads modprobe.d files from (a file in /etc/modprobe.d hides a same-named one in the others, so
 * they belong to one host). Longer suffixes first (usr/lib/modprobe.d before lib/modprobe.d).
 */
const SYSTEM_DIRS = ['etc/sysconfig/network-scripts/', 'usr/local/lib/modprobe.d/', 'usr/lib/modprobe.d/', 'lib/modprobe.d/', 'run/modprobe.d/', 'etc/modprobe.d/'];

/**
 * hostRootOf for the usual …/etc/sysconfig/network-scripts/NAME and …/etc/modprobe.d/NAME paths
 * (and the other modprobe.d directories)
 * without the regular expression (whose lazy prefix is tried at every position); undefined for
 * anything else, which the expression then decides.
 */
function hostRootFast(p: string): string | undefined {
  const slash = p.lastIndexOf('/');
  if (slash < 0 || slash === p.length - 1 || p.indexOf('\n') >= 0) return undefined;
  // The directory is p up to and including the slash: compared in place, not sliced.
  const dirLength = slash + 1;
  let sys: string | undefined;
  for (const d of SYSTEM_DIRS) {
    const at = dirLength - d.length;
    if (at >= 0 && p.startsWith(d, at) && (at === 0 || p[at - 1] === '/')) { sys = d; break; }
  }
  if (sys === undefined) return undefined;
  const etc = dirLength - sys.length;
  const root = etc > 0 && p[etc - 1] === '/' ? p.slice(0, etc - 1) : p.slice(0, etc);
  return root === '' ? '/' : root;
}

/** Path part of a file URI (decoded), or the string itself for plain paths. */
export function pathOfUri(uri: string): string {
  // The common case: a file URI with nothing to decode.
  if (uri.startsWith('file:///') && !/[%?#]/.test(uri)) return uri.slice(7);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri;
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)/i.exec(uri);
  const p = m ? m[1] : uri.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  try { return decodeURIComponent(p); } catch { return p; }
}

export interface IfcfgEntry {
  ctx: IfcfgContext;
  /** Read by initscripts / NetworkManager (backup copies may be read by one of them or neither). */
  readByInitscripts: boolean;
  readByNm: boolean;
}

export interface BondFacts {
  device: string;
  entry: IfcfgEntry;
  /** The DEVICE assignment (or undefined when the name comes from the file name). */
  deviceAssignment?: IfcfgAssignment;
  members: MemberFacts[];
}

export interface MemberFacts {
  device: string;
  entry: IfcfgEntry;
  /** The MASTER assignment naming the bond (or MASTER_UUID). */
  master: IfcfgAssignment;
}

export interface AliasFacts {
  ctx: ModprobeContext;
  statement: ModprobeStatement;
  name: string;
  module: string;
}

export interface OptionsFacts {
  ctx: ModprobeContext;
  statement: ModprobeStatement;
  /** Module or alias name the options are attached to (normalized: '-' → '_'). */
  module: string;
}

export interface HostFacts extends Memoizable {
  ifcfg: IfcfgEntry[];
  /** The entry of each ifcfg file. */
  byContext: Map<DocContext, IfcfgEntry>;
  /** Files each consumer reads, by DEVICE (a device name with several files is a duplicate). */
  byDevice: Map<string, IfcfgEntry[]>;
  bonds: Map<string, BondFacts>;
  /** Members whose MASTER names no bond of this host. */
  orphans: MemberFacts[];
  modprobe: ModprobeContext[];
  aliases: AliasFacts[];
  options: OptionsFacts[];
}

export class HostModel implements Memoizable {
  readonly files = new Map<string, DocContext>();
  [MEMO]: MemoSlots | undefined = undefined;
  /** Bumped on every change to one of the host's files. */
  version = 0;
  private cached?: HostFacts;

  constructor(readonly root: string) {}

  touch(): void {
    this.version++;
    this.cached = undefined;
  }

  /** The host's URIs in order, kept while only texts change (an edit does not re-sort the host). */
  private order?: string[];
  private orderSize = -1;

  /** Called when a file joins or leaves the host. */
  filesChanged(): void {
    this.order = undefined;
  }

  get facts(): HostFacts {
    if (this.cached) return this.cached;
    if (!this.order || this.orderSize !== this.files.size) {
      this.order = [...this.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.orderSize = this.files.size;
    }
    return (this.cached = deriveFacts(this.order.map((u) => this.files.get(u)!)));
  }
}

/** Which consumers read a file (a backup copy is skipped by one or both); per file, remembered. */
const readers = new Memo((ctx: IfcfgContext): { initscripts: boolean; nm: boolean } => {
  const b = backupName(ctx.fileName, ctx.get('DEVICE')?.value);
  return { initscripts: b ? b.initscriptsReads : true, nm: b ? b.nmReads : true };
});

/** The facts of a host from its files, in URI order. */
function deriveFacts(files: DocContext[]): HostFacts {
  const f: HostFacts = { ifcfg: [], byContext: new Map(), byDevice: new Map(), bonds: new Map(), orphans: [], modprobe: [], aliases: [], options: [], [MEMO]: undefined };
  for (const ctx of files) {
    if (ctx.language === 'modprobe') {
      f.modprobe.push(ctx);
      for (const st of ctx.file.statements) {
        if (st.command === 'alias' && st.args.length >= 2) f.aliases.push({ ctx, statement: st, name: st.args[0].text, module: st.args[1].text.replace(/-/g, '_') });
        if (st.command === 'options' && st.args.length >= 1) f.options.push({ ctx, statement: st, module: st.args[0].text.replace(/-/g, '_') });
      }
      continue;
    }
    const r = readers.of(ctx);
    const entry: IfcfgEntry = { ctx, readByInitscripts: r.initscripts, readByNm: r.nm };
    f.ifcfg.push(entry);
    f.byContext.set(ctx, entry);
    if (!entry.readByInitscripts && !entry.readByNm) continue;
    const list = f.byDevice.get(ctx.deviceName) ?? [];
    list.push(entry);
    f.byDevice.set(ctx.deviceName, list);
  }
  // Bonds: real files (not backups) whose role is bond; the first file wins for a name.
  const primaryEntries = f.ifcfg.filter((e) => e.readByInitscripts && e.readByNm);
  for (const e of primaryEntries) {
    if (e.ctx.role !== 'bond' || f.bonds.has(e.ctx.deviceName)) continue;
    f.bonds.set(e.ctx.deviceName, { device: e.ctx.deviceName, entry: e, deviceAssignment: e.ctx.get('DEVICE'), members: [] });
  }
  const byUuid = new Map<string, BondFacts>();
  for (const b of f.bonds.values()) {
    const u = b.entry.ctx.get('UUID')?.value;
    if (u) byUuid.set(u.toLowerCase(), b);
  }
  for (const e of primaryEntries) {
    const master = e.ctx.get('MASTER');
    const masterUuid = e.ctx.get('MASTER_UUID');
    if (!master?.value && !masterUuid?.value) continue;
    const bond = (master?.value ? f.bonds.get(master.value) : undefined) ?? (masterUuid?.value ? byUuid.get(masterUuid.value.toLowerCase()) : undefined);
    const m: MemberFacts = { device: e.ctx.deviceName, entry: e, master: (master?.value ? master : masterUuid)! };
    if (bond) bond.members.push(m);
    else f.orphans.push(m);
  }
  return f;
}

/** All files of a workspace (or a CLI run), grouped into hosts. */
export class WorkspaceModel {
  /** @param parseCache parsed files to share with other models (the CLI's hosts: one model each) */
  constructor(private readonly parseCache?: ParseCache) {}

  private readonly byUri = new Map<string, DocContext>();
  private readonly hostByUri = new Map<string, HostModel>();
  private readonly hostsByRoot = new Map<string, HostModel>();

  /** Adds or replaces a file; returns its host (whose version changed). Unchanged text is a no-op. */
  set(uri: string, text: string, language: LanguageId): HostModel {
    const old = this.byUri.get(uri);
    const host = this.hostFor(uri);
    if (old && old.language === language && old.text === text) return host;
    const ctx = makeContext(uri, text, language, this.parseCache && { cache: this.parseCache, owner: host });
    ctx.host = host;
    this.byUri.set(uri, ctx);
    if (!host.files.has(uri)) host.filesChanged();
    host.files.set(uri, ctx);
    host.touch();
    return host;
  }

  /** Removes a file; returns the host it belonged to. */
  delete(uri: string): HostModel | undefined {
    const host = this.hostByUri.get(uri);
    if (!this.byUri.delete(uri) || !host) return undefined;
    host.files.delete(uri);
    host.filesChanged();
    this.hostByUri.delete(uri);
    host.touch();
    if (host.files.size === 0) this.hostsByRoot.delete(host.root);
    return host;
  }

  get(uri: string): DocContext | undefined {
    return this.byUri.get(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  hostOf(uri: string): HostModel | undefined {
    return this.hostByUri.get(uri);
  }

  hosts(): IterableIterator<HostModel> {
    return this.hostsByRoot.values();
  }

  uris(): IterableIterator<string> {
    return this.byUri.keys();
  }

  get size(): number {
    return this.byUri.size;
  }

  private hostFor(uri: string): HostModel {
    let h = this.hostByUri.get(uri);
    if (h) return h;
    const root = hostRootOf(pathOfUri(uri));
    h = this.hostsByRoot.get(root);
    if (!h) { h = new HostModel(root); this.hostsByRoot.set(root, h); }
    this.hostByUri.set(uri, h);
    return h;
  }
}

/** NM_CONTROLLED as NetworkManager reads it (default yes). */
export function nmControlled(ctx: IfcfgContext): boolean {
  const v = ctx.get('NM_CONTROLLED')?.value;
  return v === undefined || v === '' ? true : isYes(v);
}

export { baseName };
