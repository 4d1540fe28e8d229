// Command-line parsing for bondlint. No dependencies: the option set is small and fixed.
import type { SeverityOverride } from '../../server/src/config';
import { parseSeverity } from '../../server/src/config';
import { isKnownRuleId } from '../../server/src/analysis/rule-docs';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  /** -1 = no limit. */
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  noConfig: boolean;
  rules: Record<string, SeverityOverride>;
  listRules: boolean;
  version: boolean;
  help: boolean;
  base?: string;
  docsBaseUrl?: string;
  /** undefined = decide from the terminal and NO_COLOR. */
  color?: boolean;
  /** Analysis threads; 0 = decide from the number of files and cores. */
  jobs: number | 'auto';
}

export class UsageError extends Error {}

export const HELP = `Usage: bondlint [options] PATH...

Lints RHEL ifcfg-* files and modprobe.d configuration for NIC bonding mistakes.
PATH is a file, a directory (searched recursively; .git and node_modules are skipped)
or a simple glob such as 'fleet/*/etc' (quote it so the shell leaves it alone).

Output:
  -f, --format FORMAT       text (default), json or sarif
  -q, --quiet               report errors only
      --max-warnings N      exit with 1 when there are more than N warnings
      --base DIR            paths in the report are relative to DIR (default: the current directory)
      --docs-base-url URL   base of the rule documentation links (default: the installed package)
      --color, --no-color   force colours on or off (default: on for a terminal unless NO_COLOR is set)

Fixing:
      --fix                 apply the safe quick fixes in place, then report what is left

Speed:
  -j, --jobs N|auto         analyse in N threads (default 1); auto: one per core, at most 4, for
                            runs of 10,000 files or more

Input:
      --stdin               read one file's text from standard input
      --stdin-filename NAME the path that text is linted as (required with --stdin); PATHs given
                            as well provide the other files of its host and must contain NAME

Rules:
      --config FILE         use this .bondlintrc instead of looking for .bondlintrc files
      --no-config           ignore .bondlintrc files
      --rule ID=SEVERITY    set a rule's severity: off, hint, info, warning or error (repeatable;
                            overrides configuration files)
      --list-rules          list every rule with its default severity and exit

  -h, --help                show this help and exit
  -v, --version             show the version and exit

Exit status: 0 no errors (and no more warnings than --max-warnings allows), 1 errors or too
many warnings, 2 usage error or a file or directory that could not be read (2 wins over 1).
`;

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    paths: [], format: 'text', fix: false, maxWarnings: -1, quiet: false, stdin: false, noConfig: false,
    rules: {}, listRules: false, version: false, help: false, jobs: 1,
  };
  let i = 0;
  const value = (name: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
    return argv[++i];
  };
  let onlyPaths = false;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') throw new UsageError("use --stdin --stdin-filename NAME to read from standard input");
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') { onlyPaths = true; continue; }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const flag = () => { if (inline !== undefined) throw new UsageError(`${name} takes no value`); };
    switch (name) {
      case '-f': case '--format': {
        const v = value(name, inline);
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format '${v}' (use text, json or sarif)`);
        o.format = v as Format;
        break;
      }
      case '--fix': flag(); o.fix = true; break;
      case '-q': case '--quiet': flag(); o.quiet = true; break;
      case '--max-warnings': {
        const v = value(name, inline);
        if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`--max-warnings needs a whole number ≥ 0 (or -1 for no limit), not '${v}'`);
        o.maxWarnings = Number(v);
        break;
      }
      case '-j': case '--jobs': {
        const v = value(name, inline);
        if (v === 'auto') { o.jobs = 'auto'; break; }
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`--jobs needs a whole number from 1 to 64 or 'auto', not '${v}'`);
        o.jobs = Number(v);
        break;
      }
      case '--stdin': flag(); o.stdin = true; break;
      case '--stdin-filename': o.stdinFilename = value(name, inline); break;
      case '-c': case '--config': o.config = value(name, inline); break;
      case '--no-config': flag(); o.noConfig = true; break;
      case '--rule': {
        const v = value(name, inline);
        const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(v.trim());
        if (!m) throw new UsageError(`--rule needs ID=SEVERITY, not '${v}'`);
        const sev = parseSeverity(m[2]);
        if (!isKnownRuleId(m[1])) throw new UsageError(`--rule: unknown rule '${m[1]}' (see --list-rules)`);
        if (!sev) throw new UsageError(`--rule ${m[1]}: unknown severity '${m[2]}' (use off, hint, info, warning or error)`);
        o.rules[m[1]] = sev;
        break;
      }
      case '--list-rules': flag(); o.listRules = true; break;
      case '-v': case '--version': flag(); o.version = true; break;
      case '-h': case '--help': flag(); o.help = true; break;
      case '--base': o.base = value(name, inline); break;
      case '--docs-base-url': o.docsBaseUrl = value(name, inline); break;
      case '--color': flag(); o.color = true; break;
      case '--no-color': flag(); o.color = false; break;
      default: throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (o.help || o.version || o.listRules) return o;
  if (o.config !== undefined && o.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (o.stdin && o.stdinFilename === undefined) throw new UsageError('--stdin needs --stdin-filename NAME (the language and the host follow from the name)');
  if (o.stdin && o.fix) throw new UsageError('--fix cannot be combined with --stdin');
  if (!o.stdin && o.paths.length === 0) throw new UsageError('no PATH given');
  return o;
}
