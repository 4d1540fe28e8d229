// modprobe.d syntax (kmod) and the bonding module's load-time parameters.
// Facts: kmod man/modprobe.d.5, libkmod/libkmod-config.c, libkmod/libkmod.c, shared/util.c,
// tools/modprobe.c; kernel/params.c; drivers/net/bonding/bond_main.c (module_param list,
// bond_check_params()). Prose written for this product.
import { BOND_OPTIONS, getOption, kernelTableOf, type BondOption } from './options';
import { kernelParseModuleInt, kernelParseTableValue, type KernelIntParseResult, type KernelParseResult } from './parse';

export type ModprobeCommandName = 'alias' | 'options' | 'install' | 'remove' | 'blacklist' | 'softdep' | 'weakdep' | 'include' | 'config';

export type ModprobeArgKind =
  /** A module name ("-" and "_" are interchangeable). */
  | 'module'
  /** A module name or shell-style wildcard pattern (alias names). */
  | 'module-pattern'
  /** `param[=value]` words, passed to the kernel verbatim (to the end of the line). */
  | 'module-params'
  /** A shell command line, run verbatim (to the end of the line). */
  | 'shell-command'
  /** Module names introduced by the `pre:` / `post:` markers. */
  | 'softdep-list'
  /** A list of module names. */
  | 'module-list';

export interface ModprobeArg {
  readonly name: string;
  readonly kind: ModprobeArgKind;
  readonly required: boolean;
  /** The argument takes everything up to the end of the (joined) line, spaces included. */
  readonly restOfLine?: boolean;
}

export interface ModprobeCommand {
  readonly name: ModprobeCommandName;
  /** Usage line. */
  readonly syntax: string;
  readonly args: readonly ModprobeArg[];
  /** Own words, one sentence. */
  readonly summary: string;
  /** Own words, markdown. */
  readonly description: string;
  /** kmod refuses the line ("ignoring bad line ...") when a required argument is missing. */
  readonly missingArgsIsError: boolean;
  /** Words after the last used argument are silently ignored by kmod (alias, blacklist). */
  readonly extraWordsIgnored?: boolean;
  /** Accepted but discouraged. */
  readonly deprecated?: string;
  /** kmod recognises the word but does not act on the line. */
  readonly notParsed?: boolean;
  /** Newer kmod only. */
  readonly since?: string;
  readonly snippet?: string;
}

export const MODPROBE_COMMANDS: readonly ModprobeCommand[] = [
  {
    name: 'alias',
    syntax: 'alias <wildcard> <modulename>',
    args: [
      { name: 'wildcard', kind: 'module-pattern', required: true },
      { name: 'modulename', kind: 'module', required: true },
    ],
    summary: 'Gives a module an additional name, so `modprobe <name>` loads the real module.',
    description:
      'The first word may contain shell wildcards. kmod does not follow an alias that points to another alias. ' +
      '`alias bond0 bonding` only matters when something runs `modprobe bond0`; current initscripts (with BONDING_OPTS) and NetworkManager load `bonding` directly and do not need it. ' +
      '`options` lines written for the alias name take effect only if the load goes through that alias name.',
    missingArgsIsError: true,
    extraWordsIgnored: true,
    snippet: 'alias ${1:bond0} ${2:bonding}',
  },
  {
    name: 'options',
    syntax: 'options <modulename> <param>[=<value>] ...',
    args: [
      { name: 'modulename', kind: 'module', required: true },
      { name: 'parameters', kind: 'module-params', required: true, restOfLine: true },
    ],
    summary: 'Adds parameters that are passed to a module (or alias) every time it is loaded.',
    description:
      'All matching lines are concatenated in configuration order, followed by options from the modprobe command line; the kernel reads them left to right, so the last value of a parameter wins. ' +
      'Everything after the module name goes to the kernel as is — a `#` there is not a comment. ' +
      'A parameter name the module does not have is skipped (the kernel logs a warning), but a malformed value for a real one (e.g. `miimon=100ms`) makes the load fail. Parameters only take effect when the module is actually (re)loaded.',
    missingArgsIsError: true,
    snippet: 'options ${1:bonding} ${2:max_bonds=0}',
  },
  {
    name: 'install',
    syntax: 'install <modulename> <command...>',
    args: [
      { name: 'modulename', kind: 'module', required: true },
      { name: 'command', kind: 'shell-command', required: true, restOfLine: true },
    ],
    summary: 'Runs a shell command instead of inserting the module.',
    description:
      'The command runs through the shell; `$CMDLINE_OPTS` expands to the options given on the modprobe command line. To load the real module from inside the command use `modprobe --ignore-install`, otherwise it recurses. ' +
      'kmod warns that this command may go away; prefer `softdep` for ordering. Old multi-bond recipes that use `-o` to rename the module do not work with kmod, which has no such option.',
    missingArgsIsError: true,
    deprecated: 'kmod documents install commands as possibly removed in the future; use softdep where it suffices.',
    snippet: 'install ${1:module} ${2:/sbin/modprobe --ignore-install ${1:module}}',
  },
  {
    name: 'remove',
    syntax: 'remove <modulename> <command...>',
    args: [
      { name: 'modulename', kind: 'module', required: true },
      { name: 'command', kind: 'shell-command', required: true, restOfLine: true },
    ],
    summary: 'Runs a shell command instead of removing the module with `modprobe -r`.',
    description: 'The counterpart of `install` for unloading; the same caveats apply.',
    missingArgsIsError: true,
    deprecated: 'Like install, discouraged in favour of softdep.',
    snippet: 'remove ${1:module} ${2:/sbin/modprobe -r --ignore-remove ${1:module}}',
  },
  {
    name: 'blacklist',
    syntax: 'blacklist <modulename>',
    args: [{ name: 'modulename', kind: 'module', required: true }],
    summary: 'Ignores the module\'s built-in aliases, so hardware detection does not load it automatically.',
    description:
      'It does not forbid loading: `modprobe <module>` by name, a dependency, or an explicit `alias` line still loads it. To really prevent loading, combine it with `install <module> /bin/false`.',
    missingArgsIsError: true,
    extraWordsIgnored: true,
    snippet: 'blacklist ${1:module}',
  },
  {
    name: 'softdep',
    syntax: 'softdep <modulename> pre: <modules...> post: <modules...>',
    args: [
      { name: 'modulename', kind: 'module', required: true },
      { name: 'dependencies', kind: 'softdep-list', required: true, restOfLine: true },
    ],
    summary: 'Loads other modules before (`pre:`) and/or after (`post:`) the named module.',
    description:
      'Either list may be omitted. For the same module it takes precedence over `install`/`remove` lines. ' +
      '`softdep bonding pre: <nic drivers>` makes sure the NIC drivers are present before bonding (the modern form of the old `add above` syntax).',
    missingArgsIsError: true,
    snippet: 'softdep ${1:bonding} pre: ${2:e1000e}',
  },
  {
    name: 'weakdep',
    syntax: 'weakdep <modulename> <modules...>',
    args: [
      { name: 'modulename', kind: 'module', required: true },
      { name: 'modules', kind: 'module-list', required: true, restOfLine: true },
    ],
    summary: 'Declares modules that may be needed later, so initramfs tools include them; modprobe itself loads nothing.',
    description: 'Only understood by newer kmod versions; older ones report the line as bad.',
    missingArgsIsError: true,
    since: 'kmod 33 (approx.)',
    snippet: 'weakdep ${1:module} ${2:other_module}',
  },
  {
    name: 'include',
    syntax: 'include <file>',
    args: [],
    summary: 'Obsolete: kmod logs an error and does not read the named file.',
    description: 'A leftover from module-init-tools. Put the lines into a `.conf` file in one of the modprobe.d directories instead.',
    missingArgsIsError: false,
    deprecated: 'Not supported by kmod.',
    notParsed: true,
  },
  {
    name: 'config',
    syntax: 'config <option>',
    args: [],
    summary: 'Obsolete: kmod logs an error and ignores the line.',
    description: 'A leftover from module-init-tools with no effect under kmod.',
    missingArgsIsError: false,
    deprecated: 'Not supported by kmod.',
    notParsed: true,
  },
];

const commandsByName = new Map<string, ModprobeCommand>(MODPROBE_COMMANDS.map((c) => [c.name, c]));

/** Exact, case-sensitive lookup of a modprobe.d command word; safe for "__proto__" etc. */
export function getModprobeCommand(name: string): ModprobeCommand | undefined {
  return commandsByName.get(name);
}

/** Directories kmod reads, highest priority first (a file name in an earlier one hides the same name later). */
export const MODPROBE_CONFIG_DIRS: readonly string[] = [
  '/etc/modprobe.d',
  '/run/modprobe.d',
  '/usr/local/lib/modprobe.d',
  '/usr/lib/modprobe.d',
  '/lib/modprobe.d',
];

/** Only files ending in this suffix (with at least one character before it, not starting with ".") are read. */
export const MODPROBE_CONFIG_SUFFIX = '.conf';

/** Files older tools read that kmod ignores unless passed with -C. */
export const MODPROBE_IGNORED_LEGACY_FILES: readonly string[] = ['/etc/modprobe.conf'];

/** Facts about kmod's line reader, for parsers and diagnostics. */
export const MODPROBE_LINE_RULES = {
  /** Only a "#" in the very first column starts a comment; an indented "#" is a bad line. */
  commentOnlyInFirstColumn: true,
  /** There are no trailing comments: "#" after an options line goes to the kernel. */
  inlineComments: false,
  /** A backslash before the newline joins the next line with nothing inserted. */
  continuationInsertsSpace: false,
  /** Words are separated by spaces and tabs. */
  separators: [' ', '\t'] as readonly string[],
  /** Command words are case-sensitive. */
  commandsCaseSensitive: true,
  /** In module and alias names "-" and "_" are the same. */
  dashEqualsUnderscore: true,
} as const;

/** kmod's normalisation of module names: "-" becomes "_". */
export function normalizeModuleName(name: string): string {
  return name.replace(/-/g, '_');
}

// ---------------------------------------------------------------------------------------------
// The bonding module's parameters
// ---------------------------------------------------------------------------------------------

export const BONDING_MODULE = 'bonding';

/** How the kernel stores a module parameter (`module_param(name, type, perm)`). */
export type ModuleParamType = 'int' | 'uint' | 'charp' | 'charp-array';

/** What bond_check_params() does with an unusable value at load time. */
export type LoadTimeOutcome =
  /** The bonding module refuses to load: no bond at all until it is fixed. */
  | 'load-fails'
  /** A warning is logged and the value replaced. */
  | 'reset'
  /** The value is dropped (the feature stays off). */
  | 'dropped';

export interface BondingModuleParam {
  readonly name: string;
  readonly type: ModuleParamType;
  /** Most comma-separated items a charp-array accepts; more make the load fail. */
  readonly maxItems?: number;
  /** What an invalid or out-of-range value leads to (a non-numeric value for int/uint always fails the load). */
  readonly onInvalid: LoadTimeOutcome;
  /** Own words: the load-time rule in detail. */
  readonly loadTimeRule: string;
}

/**
 * The module parameters of `bonding` (bond_main.c). Every other bonding option is sysfs/netlink only:
 * as `options bonding <name>=...` it is ignored with "unknown parameter" in the kernel log.
 */
export const BONDING_MODULE_PARAMS: readonly BondingModuleParam[] = [
  { name: 'max_bonds', type: 'int', onInvalid: 'reset', loadTimeRule: 'Negative values are replaced by 1.' },
  { name: 'tx_queues', type: 'int', onInvalid: 'reset', loadTimeRule: 'Values outside 1-255 are replaced by 16.' },
  { name: 'num_grat_arp', type: 'int', onInvalid: 'reset', loadTimeRule: 'Same variable as num_unsol_na; outside 0-255 it becomes 1.' },
  { name: 'num_unsol_na', type: 'int', onInvalid: 'reset', loadTimeRule: 'Same variable as num_grat_arp; outside 0-255 it becomes 1.' },
  { name: 'miimon', type: 'int', onInvalid: 'reset', loadTimeRule: 'Negative becomes 0; 0 in 802.3ad/balance-tlb/balance-alb becomes 100; when set, arp_interval is dropped.' },
  { name: 'updelay', type: 'int', onInvalid: 'reset', loadTimeRule: 'Negative becomes 0; ignored (warning) without miimon; rounded down to a multiple of miimon.' },
  { name: 'downdelay', type: 'int', onInvalid: 'reset', loadTimeRule: 'Negative becomes 0; ignored (warning) without miimon; rounded down to a multiple of miimon.' },
  { name: 'use_carrier', type: 'int', onInvalid: 'reset', loadTimeRule: 'Values other than 0/1 become 1 (kernels with the 2025 removal refuse to load for anything but 1).' },
  { name: 'mode', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Name or number; an invalid value stops the module from loading.' },
  { name: 'primary', type: 'charp', onInvalid: 'dropped', loadTimeRule: 'Dropped with a warning in modes without a primary (only 1, 5, 6 use it).' },
  { name: 'primary_reselect', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Only parsed when primary is also given; then an invalid value stops the load.' },
  { name: 'lacp_rate', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Only parsed in 802.3ad (ignored otherwise); an invalid value there stops the load.' },
  { name: 'ad_select', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Always parsed; an invalid value stops the load (outside 802.3ad only a warning that it has no effect).' },
  { name: 'min_links', type: 'int', onInvalid: 'reset', loadTimeRule: 'Taken as given.' },
  { name: 'xmit_hash_policy', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Only parsed in balance-xor, 802.3ad, balance-tlb and balance-alb (ignored in 0/1/3); an invalid value there stops the load.' },
  { name: 'arp_interval', type: 'int', onInvalid: 'reset', loadTimeRule: 'Negative becomes 0; dropped when miimon is set, when no valid arp_ip_target is given, or when a target is invalid.' },
  { name: 'arp_ip_target', type: 'charp-array', maxItems: 16, onInvalid: 'dropped', loadTimeRule: 'Comma-separated; more than 16 entries stop the load; an invalid address disables ARP monitoring; duplicates are skipped.' },
  { name: 'arp_validate', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'Stops the load when invalid or when arp_interval ends up 0.' },
  { name: 'arp_all_targets', type: 'charp', onInvalid: 'reset', loadTimeRule: 'An invalid value is reported and replaced by any.' },
  { name: 'fail_over_mac', type: 'charp', onInvalid: 'load-fails', loadTimeRule: 'An invalid value stops the load; outside active-backup only a warning.' },
  { name: 'all_slaves_active', type: 'int', onInvalid: 'reset', loadTimeRule: 'Values other than 0/1 become 0.' },
  { name: 'resend_igmp', type: 'int', onInvalid: 'reset', loadTimeRule: 'Outside 0-255 it becomes 1.' },
  { name: 'packets_per_slave', type: 'int', onInvalid: 'reset', loadTimeRule: 'Outside 0-65535 it becomes 1.' },
  { name: 'lp_interval', type: 'uint', onInvalid: 'reset', loadTimeRule: '0 becomes 1.' },
];

const paramsByName = new Map<string, BondingModuleParam>(BONDING_MODULE_PARAMS.map((p) => [p.name, p]));

/**
 * Looks up a bonding module parameter as the kernel matches parameter names: "-" and "_" are
 * interchangeable (`lacp-rate` finds lacp_rate), otherwise exact and case-sensitive.
 */
export function getBondingModuleParam(name: string): BondingModuleParam | undefined {
  return paramsByName.get(name.replace(/-/g, '_'));
}

/** Bonding options that exist only at module load (no sysfs file, no netlink attribute). */
export const MODULE_ONLY_OPTIONS: readonly string[] = BOND_OPTIONS.filter((o) => o.moduleParam && !o.sysfs && !o.netlink).map((o) => o.name);

/** Bonding options that are NOT module parameters (silently ineffective in `options bonding ...`). */
export const NOT_MODULE_PARAMS: readonly string[] = BOND_OPTIONS.filter((o) => !o.moduleParam).map((o) => o.name);

export type ModuleParamCheck =
  | { readonly ok: true; readonly number?: number; readonly name?: string }
  | {
      readonly ok: false;
      /** unknown: not a bonding parameter (ignored with a warning); invalid: the kernel refuses the value. */
      readonly reason: 'unknown' | 'missing-value' | 'invalid' | 'too-many-items';
      readonly outcome: 'ignored' | LoadTimeOutcome;
    };

/**
 * Checks one `name=value` from `options bonding ...` the way the kernel reads it at load time
 * (type conversion in kernel/params.c, table parsing in bond_opt_parse()). Range rules that
 * bond_check_params() merely corrects are not reported here; see each parameter's loadTimeRule.
 * Context-dependent checks (lacp_rate only in 802.3ad, arp_validate needing arp_interval, ...) are
 * left to the caller.
 */
export function checkBondingModuleParam(name: string, value: string | undefined): ModuleParamCheck {
  const p = getBondingModuleParam(name);
  if (!p) return { ok: false, reason: 'unknown', outcome: 'ignored' };
  if (value === undefined) return { ok: false, reason: 'missing-value', outcome: 'load-fails' };
  if (p.type === 'int' || p.type === 'uint') {
    const r: KernelIntParseResult = kernelParseModuleInt(value, p.type === 'uint');
    return r.ok ? { ok: true, number: r.number } : { ok: false, reason: 'invalid', outcome: 'load-fails' };
  }
  if (value.length > 1024) return { ok: false, reason: 'invalid', outcome: 'load-fails' };
  if (p.type === 'charp-array') {
    const items = value.split(',');
    if (p.maxItems !== undefined && items.length > p.maxItems) return { ok: false, reason: 'too-many-items', outcome: 'load-fails' };
    return { ok: true };
  }
  const opt: BondOption | undefined = getOption(p.name);
  const table = opt ? kernelTableOf(opt) : undefined;
  if (!table) return { ok: true }; // primary: any string is stored
  const r: KernelParseResult = kernelParseTableValue(table, value);
  return r.ok ? { ok: true, number: r.number, name: r.name } : { ok: false, reason: 'invalid', outcome: p.onInvalid };
}
