// Parsed files shared by text between the hosts of one CLI run. A fleet's files are mostly copies of
// a few templates (the bench fleet: 2,096 distinct texts in 10,002 files), and a parsed file depends
// on its text alone, so each distinct text is parsed once. Never shared inside one host: rules index
// a host's files by their parsed objects (modprobe.d files merged in kmod's order, for one), so a
// second copy in the same host (a backup next to the original) gets a parse of its own.
import type { IfcfgFile } from './ifcfg/parser';
import { parseIfcfg } from './ifcfg/parser';
import type { ModprobeFile } from './modprobe/parser';
import { parseModprobe } from './modprobe/parser';
import { Memo } from './memo';

type Parsed = IfcfgFile | ModprobeFile;

/** Texts longer than this are parsed every time (configuration files are a few hundred bytes). */
const MAX_TEXT = 16 * 1024;

/** The parsed files one owner (a host) already uses. */
const inUse = new Memo((): Set<Parsed> => new Set());

/**
 * After this many lookups, a cache that found fewer than MIN_HIT_RATE of them stops looking (a fleet
 * of distinct files would only pay for the lookups).
 */
const TRIAL = 1000;
const MIN_HIT_RATE = 0.1;

export class ParseCache {
  private readonly ifcfg = new Map<string, IfcfgFile>();
  private readonly modprobe = new Map<string, ModprobeFile>();
  private lookups = 0;
  private hits = 0;
  private off = false;

  /** @param maxEntries distinct texts kept per language (the oldest go first) */
  constructor(private readonly maxEntries = 4096) {}

  ifcfgFor(text: string, owner: object): IfcfgFile {
    return this.take(this.ifcfg, text, owner, parseIfcfg);
  }

  modprobeFor(text: string, owner: object): ModprobeFile {
    return this.take(this.modprobe, text, owner, parseModprobe);
  }

  private take<T extends Parsed>(map: Map<string, T>, text: string, owner: object, parse: (text: string) => T): T {
    if (this.off || text.length > MAX_TEXT) return parse(text);
    if (++this.lookups === TRIAL && this.hits < TRIAL * MIN_HIT_RATE) {
      this.off = true;
      this.ifcfg.clear();
      this.modprobe.clear();
      return parse(text);
    }
    const used = inUse.of(owner);
    let file = map.get(text);
    if (file !== undefined && !used.has(file)) this.hits++;
    else {
      file = parse(text);
      if (!map.has(text)) {
        if (map.size >= this.maxEntries) map.delete(map.keys().next().value!);
        map.set(text, file);
      }
    }
    used.add(file);
    return file;
  }
}
