// `.bondlintrc` files: per-directory rule severities, shared by the CLI and the language server.
//
//   ; .bondlintrc  (INI, parsed with the `ini` package)
//   root = true              ; do not look at .bondlintrc files in parent directories
//   [rules]
//   member-hwaddr = off
//   duplicate-key = error
//
// For a file, every .bondlintrc from its directory up to the file system root (or up to the first one
// with `root = true`) applies; nearer files override farther ones. Unknown rule ids, unknown severities
// and unknown settings are reported through `onWarning` and otherwise ignored.
//
// Precedence, weakest first: the rule's default severity < .bondlintrc files (farthest first) <
// `overrides` (the CLI's --rule, the editor's `bonding.rules` setting).
import * as nodeFs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { DiagnoseOptions, SeverityOverride } from './analysis/diagnostics';
import { isKnownRuleId, ruleDocUrl as ruleDocUrlAt } from './analysis/rule-docs';
import { trimEndChars } from './analysis/text';

export type { SeverityOverride } from './analysis/diagnostics';

// The `ini` package ships no type declarations; this is the one function used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ini: { parse(text: string): Record<string, unknown> } = require('ini');

export const CONFIG_FILE_NAME = '.bondlintrc';
export const SEVERITY_VALUES: readonly SeverityOverride[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The file access the resolver needs; tests pass an in-memory one. */
export interface ConfigFs {
  /** The file's text, or undefined when there is no such file. Other failures may throw. */
  readFile(file: string): string | undefined;
}

export interface ConfigResolverOptions {
  fs?: ConfigFs;
  /** Called with one line per problem found in a config file (CLI: stderr; server: the log). */
  onWarning?: (message: string) => void;
}

export interface ParsedConfig {
  file: string;
  root: boolean;
  rules: Record<string, SeverityOverride>;
  warnings: string[];
}

export const nodeConfigFs: ConfigFs = {
  readFile(file) {
    try {
      return nodeFs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  },
};

/** 'off' | 'hint' | 'info' | 'warning' | 'error' (case-insensitive), or undefined. */
export function parseSeverity(value: unknown): SeverityOverride | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (SEVERITY_VALUES as readonly string[]).includes(v) ? (v as SeverityOverride) : undefined;
}

/**
 * Checks a map of rule id → severity (from a config file, `--rule` options or editor settings). Entries
 * with an unknown id or severity are left out and described in `warnings` (prefixed by `source`).
 */
export function validateRules(entries: Record<string, unknown>, source: string): { rules: Record<string, SeverityOverride>; warnings: string[] } {
  const rules: Record<string, SeverityOverride> = {};
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(entries)) {
    const sev = parseSeverity(value);
    if (!isKnownRuleId(id)) {
      warnings.push(`${source}: unknown rule '${id}' ignored`);
      continue;
    }
    if (!sev) {
      warnings.push(`${source}: rule '${id}': unknown severity '${typeof value === 'string' ? value : JSON.stringify(value)}' ignored (use ${SEVERITY_VALUES.join(', ')})`);
      continue;
    }
    rules[id] = sev;
  }
  return { rules, warnings };
}

function isTrue(v: unknown): boolean | undefined {
  if (v === true) return true;
  if (v === false) return false;
  if (typeof v === 'string') {
    if (/^(true|yes|on|1)$/i.test(v.trim())) return true;
    if (/^(false|no|off|0)$/i.test(v.trim())) return false;
  }
  return undefined;
}

/** Parses the text of one .bondlintrc. Never throws: problems become warnings. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const out: ParsedConfig = { file, root: false, rules: {}, warnings: [] };
  let data: Record<string, unknown>;
  try {
    data = ini.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    out.warnings.push(`${file}: cannot parse (${String(e)}); ignored`);
    return out;
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'root') {
      const t = isTrue(value);
      if (t === undefined) out.warnings.push(`${file}: 'root' must be true or false, not '${String(value)}'; ignored`);
      else out.root = t;
    } else if (key === 'rules' && value && typeof value === 'object') {
      const v = validateRules(value as Record<string, unknown>, file);
      out.rules = v.rules;
      out.warnings.push(...v.warnings);
    } else if (value && typeof value === 'object') {
      out.warnings.push(`${file}: unknown section [${key}] ignored`);
    } else {
      out.warnings.push(`${file}: unknown setting '${key}' ignored`);
    }
  }
  return out;
}

/** Reads and parses one config file (the CLI's --config). Throws when it cannot be read. */
export function loadConfigFile(file: string, fs: ConfigFs = nodeConfigFs): ParsedConfig {
  const text = fs.readFile(file);
  if (text === undefined) {
    const e = new Error(`${file}: no such file`) as NodeJS.ErrnoException;
    e.code = 'ENOENT';
    throw e;
  }
  return parseConfig(text, file);
}

interface DirConfig {
  rules: Record<string, SeverityOverride>;
  /** The config files that applied, farthest first. */
  files: string[];
}

function toPath(fileOrUri: string): string {
  if (fileOrUri.startsWith('file:')) {
    try { return fileURLToPath(fileOrUri); } catch { /* fall through */ }
  }
  return path.resolve(fileOrUri);
}

/** Finds and merges the .bondlintrc files that apply to a file; caches the result per directory. */
export class ConfigResolver {
  private readonly fs: ConfigFs;
  private readonly onWarning: (message: string) => void;
  private readonly cache = new Map<string, DirConfig>();

  constructor(opts: ConfigResolverOptions = {}) {
    this.fs = opts.fs ?? nodeConfigFs;
    this.onWarning = opts.onWarning ?? (() => undefined);
  }

  /**
   * Diagnose options for a file (a path or a file: URI): rule defaults, then .bondlintrc files from
   * the farthest to the nearest, then `overrides`. Invalid override entries are dropped silently
   * (validate them once with validateRules where they are read).
   */
  optionsFor(filePath: string, overrides?: Readonly<Record<string, SeverityOverride>>): DiagnoseOptions {
    const dir = path.dirname(toPath(filePath));
    const rules: Record<string, SeverityOverride> = { ...this.resolveDir(dir).rules };
    for (const [id, v] of Object.entries(overrides ?? {})) {
      const sev = parseSeverity(v);
      if (sev) rules[id] = sev;
    }
    return { rules };
  }

  /** The .bondlintrc files that apply to a file, farthest first (for logs and --debug output). */
  configFilesFor(filePath: string): string[] {
    return [...this.resolveDir(path.dirname(toPath(filePath))).files];
  }

  /**
   * Forgets cached results: all of them, or those of a directory and everything below it. Pass the
   * path of a .bondlintrc that changed (or was created or deleted), or of a directory.
   */
  invalidate(p?: string): void {
    if (p === undefined) { this.cache.clear(); return; }
    const abs = toPath(p);
    const dir = path.basename(abs) === CONFIG_FILE_NAME ? path.dirname(abs) : abs;
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const key of [...this.cache.keys()]) {
      if (key === dir || key.startsWith(prefix)) this.cache.delete(key);
    }
  }

  private resolveDir(dir: string): DirConfig {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    const own = this.load(path.join(dir, CONFIG_FILE_NAME));
    const parent = path.dirname(dir);
    const base: DirConfig = own?.root || parent === dir ? { rules: {}, files: [] } : this.resolveDir(parent);
    const result: DirConfig = own
      ? { rules: { ...base.rules, ...own.rules }, files: [...base.files, own.file] }
      : base;
    this.cache.set(dir, result);
    return result;
  }

  private load(file: string): ParsedConfig | undefined {
    let text: string | undefined;
    try {
      text = this.fs.readFile(file);
    } catch (e) {
      this.onWarning(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)}); ignored`);
      return undefined;
    }
    if (text === undefined) return undefined;
    const parsed = parseConfig(text, file);
    for (const w of parsed.warnings) this.onWarning(w);
    return parsed;
  }
}

let docsBase: string | undefined;

/**
 * `file:` URL of the installed package (the folder holding package.json and docs/), found by walking
 * up from this module (dist/*.js when bundled, server/src/ under tsx).
 */
export function defaultDocsBase(): string {
  if (docsBase) return docsBase;
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(nodeFs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'bonding-config') break;
    } catch { /* keep walking */ }
    const parent = path.dirname(dir);
    if (parent === dir) { dir = path.resolve(__dirname, '..'); break; }
    dir = parent;
  }
  return (docsBase = trimEndChars(pathToFileURL(dir).href, '/'));
}

/** `${base}/docs/rules/${id}.md`; the base defaults to the installed package (a file: URL). */
export function ruleDocUrl(id: string, base: string = defaultDocsBase()): string {
  return ruleDocUrlAt(id, base);
}
