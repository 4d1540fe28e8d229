// The parsed view of one document that rules, completion and hover work on. Built once per document
// version and shared by every consumer.
import { IfcfgAssignment, IfcfgFile, parseIfcfg } from './ifcfg/parser';
import { ModprobeFile, parseModprobe } from './modprobe/parser';
import type { LanguageId } from './rules/types';
import type { HostModel } from './workspace/model';
import { splitBondingOpts, type SplitResult } from './bonding-opts/tokens';
import { simulate, type Simulation } from './bonding-opts/kernel';
import { baseName } from './language';
import { MEMO, Memo, type Memoizable } from './memo';
import type { ParseCache } from './parse-cache';

/** BONDING_OPTS of a bond file: its tokens and what the kernel makes of them. */
export interface BondingOpts {
  assignment: IfcfgAssignment;
  split: SplitResult;
  sim: Simulation;
}

export type IfcfgRole = 'bond' | 'member' | 'plain';

export interface IfcfgContext extends Memoizable {
  language: 'ifcfg';
  uri: string;
  text: string;
  /** The host this file belongs to, when the caller knows the workspace (cross-file rules need it). */
  host?: HostModel;
  /** Last path segment, e.g. "ifcfg-bond0". */
  fileName: string;
  file: IfcfgFile;
  role: IfcfgRole;
  /** DEVICE when set, otherwise the file name's suffix. */
  deviceName: string;
  get(key: string): IfcfgAssignment | undefined;
  /** The effective BONDING_OPTS, tokenized and judged (undefined when the file has none). */
  opts?: BondingOpts;
}

export interface ModprobeContext extends Memoizable {
  language: 'modprobe';
  uri: string;
  text: string;
  host?: HostModel;
  fileName: string;
  file: ModprobeFile;
}

export type DocContext = IfcfgContext | ModprobeContext;

export { baseName, languageOfPath } from './language';

const TRUE = new Set(['yes', 'true', 't', 'y', '1']);

export function isYes(v: string | undefined): boolean {
  return v !== undefined && TRUE.has(v.toLowerCase());
}

export function ifcfgRole(file: IfcfgFile, fileName: string): IfcfgRole {
  const get = (k: string): string | undefined => file.byKey.get(k)?.value;
  if (get('MASTER') || isYes(get('SLAVE')) || get('MASTER_UUID')) return 'member';
  const type = get('TYPE')?.toLowerCase();
  if (type === 'bond' || type === 'bonding' || isYes(get('BONDING_MASTER')) || get('BONDING_OPTS')) return 'bond';
  const dev = get('DEVICE') ?? fileName.replace(/^ifcfg-/, '');
  if (/^bond\d+$/.test(dev)) return 'bond';
  return 'plain';
}

/** BONDING_OPTS tokenized and judged once per assignment (shared with its parsed file, see ParseCache). */
const judgedOpts = new Memo((bo: IfcfgAssignment): BondingOpts => {
  const split = splitBondingOpts(bo);
  return { assignment: bo, split, sim: simulate(split.tokens) };
});

/**
 * The parsed view of a document. `parsed` (the CLI's ParseCache, with the host the document belongs
 * to) shares parsed files between hosts.
 */
export function makeContext(uri: string, text: string, language: LanguageId, parsed?: { cache: ParseCache; owner: object }): DocContext {
  const fileName = baseName(uri);
  if (language === 'modprobe') return { language, uri, text, fileName, file: parsed ? parsed.cache.modprobeFor(text, parsed.owner) : parseModprobe(text), [MEMO]: undefined };
  const file = parsed ? parsed.cache.ifcfgFor(text, parsed.owner) : parseIfcfg(text);
  const role = ifcfgRole(file, fileName);
  const deviceName = file.byKey.get('DEVICE')?.value || fileName.replace(/^ifcfg-/, '');
  const ctx: IfcfgContext = { language, uri, text, fileName, file, role, deviceName, get: (k) => file.byKey.get(k), [MEMO]: undefined };
  const bo = file.byKey.get('BONDING_OPTS');
  if (bo) {
    // Tokenized and judged on first use: the language server holds every file of the workspace, and
    // most bonds are never looked at.
    let opts: BondingOpts | undefined;
    let judged = false;
    Object.defineProperty(ctx, 'opts', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!judged) {
          opts = judgedOpts.of(bo);
          judged = true;
        }
        return opts;
      },
      set: (v: BondingOpts | undefined) => { opts = v; judged = true; },
    });
  }
  return ctx;
}
