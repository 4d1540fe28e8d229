#!/usr/bin/env node
// Source of truth for syntaxes/ifcfg.tmLanguage.json and
// syntaxes/modprobe.tmLanguage.json.  The JSON files are generated: edit this
// file, then run
//
//     node syntaxes/src/build-grammars.mjs          # rewrite the JSON files
//     node syntaxes/src/build-grammars.mjs --check  # exit 1 if they are stale
//
// Regular expressions are written with String.raw so they read as Oniguruma
// sees them.  Rules for every regex in here (checked by
// test/grammar/redos.test.ts, which tokenizes 100k-character hostile lines):
//   * no quantified group whose body is itself open-ended-quantified
//     ((a+)+, (a|b+)*, ...).  Repetition is over single characters or over
//     alternatives that start with disjoint characters;
//   * runs that may be followed by a failing test are possessive (*+, ++);
//   * look-aheads that scan to the end of the line are anchored (\G or ^) so
//     they run at most once per string / line, never from every position;
//   * a regex that can fail after scanning a run must not be able to start
//     again inside that run: "opener, run, closer" excludes the opener from
//     the run (\$\{[^}$\n]*\}), token regexes start with a look-behind for a
//     token boundary;
//   * no re-tokenized captures (`captures.N.patterns`) on tokens that repeat
//     within a line: vscode-textmate copies the line prefix for every such
//     capture, which is quadratic.
//
// Both languages are strictly line based (the ifcfg reader of NetworkManager
// has no line continuation; kmod joins lines ending in a backslash, which the
// modprobe grammar models with a rule that ends at the next line start).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const r = String.raw;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..');

// escape regex metacharacters ('-' is literal outside a class)
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of literal words, longest first (so `layer2+3` beats `layer2`). */
const words = (list) => [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRe).join('|');

// ---------------------------------------------------------------------------
// Domain vocabulary (from /work/shared/reference/bonding-options.md and
// ifcfg-keys.md).  Only used for highlighting; validation is the server's job.

/** Named values of enumerated bonding options (mode, arp_validate, ...). */
const BONDING_NAMED_VALUES = [
  // mode
  'balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb',
  // arp_validate
  'none', 'active', 'backup', 'all', 'filter', 'filter_active', 'filter_backup',
  // arp_all_targets
  'any',
  // primary_reselect
  'always', 'better', 'failure',
  // fail_over_mac (none/active above)
  'follow',
  // xmit_hash_policy
  'layer2', 'layer3+4', 'layer2+3', 'encap2+3', 'encap3+4', 'vlan+srcmac',
  // lacp_rate
  'slow', 'fast',
  // ad_select
  'stable', 'bandwidth', 'count',
  // range tables / booleans
  'off', 'on', 'default', 'maxval',
];

/** ifcfg keys that only matter for bonding (get an extra support scope). */
const BONDING_KEYS = r`BONDING_OPTS|BONDING_MODULE_OPTS|BONDING_MASTER|BONDING_SLAVE[0-9]*|MASTER|MASTER_UUID|SLAVE|BOND_PORT_QUEUE_ID|BOND_PORT_PRIO|AUTOCONNECT_SLAVES`;

// ---------------------------------------------------------------------------
// Pieces shared by both grammars: tokens inside an option value
// (`mode=802.3ad`, `arp_ip_target=+10.0.0.1,10.0.0.2`, `miimon=100`).

const HEX = '[0-9A-Fa-f]';
const MAC = r`${HEX}{2}(?::${HEX}{2}){5}`;
const IPV4 = r`(?:[0-9]{1,3}\.){3}[0-9]{1,3}`;
// Either eight full groups or a form containing "::".  Every repetition is
// bounded and separated by a mandatory ':' so backtracking is bounded too.
const IPV6 = r`(?:(?:${HEX}{1,4}:){7}${HEX}{1,4}|(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?::(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?)(?:/[0-9]{1,3})?`;

/**
 * Patterns for the inside of one option value (after `name=`), shared by
 * BONDING_OPTS and `options MODULE ...`.  Atoms only start right after `=`,
 * `,`, a sign or a quote and must end at a delimiter; `fallbackClass` is the
 * character class of everything else that still belongs to the value.
 */
function optionValueRepo(L, fallbackClass) {
  const S = r`(?<=[=,+"'-])`;
  const E = r`(?=[ \t,"';\\]|$)`;
  return {
    'option-value': {
      patterns: [
        { include: '#option-value-sign' },
        { match: r`${S}(?:${words(BONDING_NAMED_VALUES)})${E}`, name: `constant.language.option-value.${L}` },
        { match: r`${S}[YNyn]${E}`, name: `constant.language.boolean.${L}` },
        { match: r`${S}${MAC}${E}`, name: `constant.numeric.mac-address.${L}` },
        { match: r`${S}${IPV4}${E}`, name: `constant.numeric.ipv4.${L}` },
        { match: r`${S}${IPV6}${E}`, name: `constant.numeric.ipv6.${L}` },
        { match: r`${S}[0-9]++${E}`, name: `constant.numeric.integer.${L}` },
        { match: ',', name: `punctuation.separator.comma.${L}` },
        { match: `${fallbackClass}++`, name: `string.unquoted.option-value.${L}` },
      ],
    },
    'option-value-sign': {
      // arp_ip_target=+10.0.0.1 / -10.0.0.1 (sysfs add/remove syntax), prio=-5
      match: r`(?<=[=,"])[+-]`,
      name: `keyword.operator.sign.${L}`,
    },
  };
}

// ---------------------------------------------------------------------------
// ifcfg

function ifcfgGrammar() {
  const L = 'ifcfg';
  // Generic value atoms (not inside BONDING_OPTS): word boundaries instead of
  // option delimiters.
  const GS = r`(?<![\w.:-])`;
  const GE = r`(?![\w.:-])`;
  // Characters that end an unquoted word piece.
  const WORD = r`[^ \t\n;'"\\$${'`'}|&()<>]`;

  const assignmentHead = (keyRe) =>
    r`^[ \t]*+(?:(export)([ \t]++))?(${keyRe})(?:([ \t]++)(=)|(=))`;
  const headCaptures = {
    1: { name: `storage.modifier.export.${L}` },
    3: {
      name: `variable.other.key.${L}`,
      patterns: [{ match: r`(?<![A-Za-z0-9_])(?:${BONDING_KEYS})(?![A-Za-z0-9_])`, name: `support.variable.bonding.${L}` }],
    },
    // KEY =value: bash runs a command called KEY, NetworkManager ignores the
    // line.  The '=' is marked too, since themes only colour the foreground of
    // invalid tokens and a blank would stay invisible.
    4: { name: `invalid.illegal.whitespace-before-assignment.${L}` },
    5: { name: `keyword.operator.assignment.${L} invalid.illegal.whitespace-before-assignment.${L}` },
    6: { name: `keyword.operator.assignment.${L}` },
  };

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'ifcfg',
    scopeName: 'source.ifcfg',
    comment:
      'RHEL /etc/sysconfig/network-scripts/ifcfg-* files: the shell subset accepted by NetworkManager ifcfg-rh (shvar.c) and sourced by initscripts. GENERATED by syntaxes/src/build-grammars.mjs - do not edit by hand.',
    patterns: [
      { include: '#comment-line' },
      { include: '#blank-line' },
      { include: '#bonding-opts-assignment' },
      { include: '#assignment' },
      { include: '#unrecognized-line' },
    ],
    repository: {
      'comment-line': {
        match: r`^([ \t]*+)((#).*)`,
        captures: {
          2: { name: `comment.line.number-sign.${L}` },
          3: { name: `punctuation.definition.comment.${L}` },
        },
      },
      'blank-line': { match: r`^[ \t]++$` },
      'bonding-opts-assignment': {
        // BONDING_OPTS (initscripts/NM) and SUSE's BONDING_MODULE_OPTS hold
        // space separated bonding options.
        name: `meta.assignment.bonding-options.${L}`,
        begin: assignmentHead('BONDING_OPTS|BONDING_MODULE_OPTS'),
        beginCaptures: headCaptures,
        end: '$',
        patterns: [
          { include: '#value-trailer' },
          { include: '#bonding-opts-double-quoted' },
          { include: '#bonding-opts-single-quoted' },
          { include: '#value-common' },
          { include: '#bonding-option' },
        ],
      },
      assignment: {
        name: `meta.assignment.${L}`,
        begin: assignmentHead('[A-Za-z_][A-Za-z0-9_]*+'),
        beginCaptures: headCaptures,
        end: '$',
        patterns: [
          { include: '#value-trailer' },
          // a boolean is recognised only as the whole value
          { match: r`(?<==)(?i:yes|no|true|false)(?=[ \t;]|$)`, name: `constant.language.boolean.${L}` },
          { include: '#string-double-quoted' },
          { include: '#string-single-quoted' },
          { include: '#value-common' },
          { include: '#value-atoms' },
          { match: r`${WORD}++`, name: `string.unquoted.value.${L}` },
        ],
      },
      'unrecognized-line': {
        // Anything else: NetworkManager logs "invalid line ignored".
        match: r`^[ \t]*+(\S.*)`,
        captures: { 1: { name: `invalid.illegal.unrecognized-line.${L}` } },
      },

      // -- after the value ---------------------------------------------------
      'value-trailer': {
        // The first unquoted blank or ';' ends the value.  NetworkManager then
        // allows only blanks, at most one ';', and a '#' comment.  Anything
        // else (e.g. BONDING_OPTS=mode=1 miimon=100, KEY= value, A=1; B=2) makes
        // it reject the value ("badly quoted").  Both rules can only start at
        // the first character of a blank/';' run.
        patterns: [
          {
            match: r`(?<![ \t])(?=[ \t;])[ \t]*+(;)?[ \t]*+(?:((#).*))?$`,
            captures: {
              1: { name: `punctuation.terminator.statement.${L}` },
              2: { name: `comment.line.number-sign.${L}` },
              3: { name: `punctuation.definition.comment.${L}` },
            },
          },
          {
            begin: r`(?<![ \t])(?=[ \t;])`,
            end: '$',
            name: `invalid.illegal.unquoted-whitespace.${L}`,
          },
        ],
      },

      // -- pieces of a shell word (outside quotes) ----------------------------
      'value-common': {
        patterns: [
          { include: '#string-ansi-c' },
          { match: r`\\$`, name: `invalid.illegal.line-continuation.${L}` },
          { match: r`\\.`, name: `constant.character.escape.${L}` },
          { include: '#variable' },
          { match: '`', name: `invalid.illegal.command-substitution.${L}` },
          { match: r`\$(?=\()|[|&()<>]`, name: `invalid.illegal.metacharacter.${L}` },
          // a lone '$' is an ordinary character
          { match: r`\$`, name: `string.unquoted.value.${L}` },
        ],
      },
      variable: {
        // Outside quotes NetworkManager takes these literally but bash expands them.
        patterns: [
          {
            match: r`(\$)\{[^}$\n]*+\}`,
            name: `variable.other.${L}`,
            captures: { 1: { name: `punctuation.definition.variable.${L}` } },
          },
          {
            match: r`(\$)(?:[A-Za-z_][A-Za-z0-9_]*+|[0-9#?*@$!-])`,
            name: `variable.other.${L}`,
            captures: { 1: { name: `punctuation.definition.variable.${L}` } },
          },
        ],
      },
      'value-atoms': {
        patterns: [
          { match: r`${GS}${MAC}${GE}`, name: `constant.numeric.mac-address.${L}` },
          { match: r`${GS}${IPV4}${GE}`, name: `constant.numeric.ipv4.${L}` },
          { match: r`${GS}${IPV6}${GE}`, name: `constant.numeric.ipv6.${L}` },
          { match: r`${GS}[0-9]++${GE}`, name: `constant.numeric.integer.${L}` },
        ],
      },

      // -- quoting --------------------------------------------------------------
      'string-double-quoted': {
        name: `string.quoted.double.${L}`,
        begin: '"',
        beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
        end: '"|$',
        endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
        patterns: [
          { include: '#double-quoted-unterminated' },
          { include: '#double-quoted-content' },
          { match: r`(?<=")(?i:yes|no|true|false)(?=")`, name: `constant.language.boolean.${L}` },
          { include: '#value-atoms' },
        ],
      },
      'double-quoted-unterminated': {
        // Checked once, right after the opening quote.
        begin: r`\G(?=(?:[^"\\\n]|\\.?)*+$)`,
        end: '$',
        name: `invalid.illegal.unterminated-string.${L}`,
        patterns: [{ include: '#double-quoted-content' }],
      },
      'double-quoted-content': {
        patterns: [
          { match: r`\\[$${'`'}"\\]`, name: `constant.character.escape.${L}` },
          { match: r`\\$`, name: `invalid.illegal.line-continuation.${L}` },
          { match: r`\\.` }, // backslash is kept literally before other characters
          {
            // NetworkManager does not support any expansion inside "...".
            match: r`(\$)(?:\{[^}"$\n]*+\}|[A-Za-z_][A-Za-z0-9_]*+|[0-9#?*@$!-])`,
            name: `variable.other.${L} invalid.illegal.expansion.${L}`,
            captures: { 1: { name: `punctuation.definition.variable.${L}` } },
          },
          { match: r`\$|${'`'}`, name: `invalid.illegal.expansion.${L}` },
        ],
      },
      'string-single-quoted': {
        name: `string.quoted.single.${L}`,
        begin: "'",
        beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
        end: "'|$",
        endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
        patterns: [
          { include: '#single-quoted-unterminated' },
          { match: r`(?<=')(?i:yes|no|true|false)(?=')`, name: `constant.language.boolean.${L}` },
          { include: '#value-atoms' },
        ],
      },
      'single-quoted-unterminated': {
        begin: r`\G(?=[^'\n]*+$)`,
        end: '$',
        name: `invalid.illegal.unterminated-string.${L}`,
      },
      'string-ansi-c': {
        name: `string.quoted.single.ansi-c.${L}`,
        begin: r`\$'`,
        beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
        end: "'|$",
        endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
        patterns: [
          {
            begin: r`\G(?=(?:[^'\\\n]|\\.?)*+$)`,
            end: '$',
            name: `invalid.illegal.unterminated-string.${L}`,
            patterns: [{ include: '#ansi-c-escape' }],
          },
          { include: '#ansi-c-escape' },
        ],
      },
      'ansi-c-escape': {
        patterns: [
          {
            match: r`\\(?:[abeEfnrtv?"'\\]|[0-7]{1,3}|x${HEX}{1,2}|u${HEX}{1,4}|U${HEX}{1,8})`,
            name: `constant.character.escape.${L}`,
          },
          { match: r`\\$`, name: `invalid.illegal.line-continuation.${L}` },
          { match: r`\\.` },
        ],
      },

      // -- BONDING_OPTS ----------------------------------------------------------
      'bonding-opts-double-quoted': {
        name: `string.quoted.double.${L}`,
        begin: '"',
        beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
        end: '"|$',
        endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
        patterns: [
          {
            begin: r`\G(?=(?:[^"\\\n]|\\.?)*+$)`,
            end: '$',
            name: `invalid.illegal.unterminated-string.${L}`,
            patterns: [{ include: '#double-quoted-content' }, { include: '#bonding-option' }],
          },
          { include: '#double-quoted-content' },
          { include: '#bonding-option' },
        ],
      },
      'bonding-opts-single-quoted': {
        name: `string.quoted.single.${L}`,
        begin: "'",
        beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
        end: "'|$",
        endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
        patterns: [
          {
            begin: r`\G(?=[^'\n]*+$)`,
            end: '$',
            name: `invalid.illegal.unterminated-string.${L}`,
            patterns: [{ include: '#bonding-option' }],
          },
          { include: '#bonding-option' },
        ],
      },
      'bonding-option': {
        // name=value or a bare name
        patterns: [
          {
            name: `meta.option.${L}`,
            begin: r`(?<![A-Za-z0-9_-])([A-Za-z_][A-Za-z0-9_-]*+)(=)`,
            beginCaptures: {
              1: { name: `support.type.property-name.option.${L}` },
              2: { name: `punctuation.separator.key-value.option.${L}` },
            },
            end: r`(?!${WORD})`,
            patterns: [{ include: '#option-value' }],
          },
          { match: r`(?<![A-Za-z0-9_-])[A-Za-z_][A-Za-z0-9_-]*+`, name: `support.type.property-name.option.${L}` },
        ],
      },
      ...optionValueRepo(L, WORD.replace('[^', '[^,')),
    },
  };
}

// ---------------------------------------------------------------------------
// modprobe.d

function modprobeGrammar() {
  const L = 'modprobe';
  const MOD = r`[^ \t\n\\]++`; // a module / alias name token
  const KW = (k) => r`^[ \t]*+(${k})(?=[ \t\\]|$)`;

  /** A command: keyword, then a nested rule for what follows the first argument. */
  const command = (kw, firstArg, rest, extra = {}) => ({
    name: `meta.statement.$1.${L}`,
    begin: KW(kw),
    beginCaptures: { 1: { name: `keyword.control.$1.${L}` } },
    end: '$',
    patterns: [
      { include: '#line-continuation' },
      {
        begin: `(${MOD})`,
        beginCaptures: { 1: firstArg },
        end: '$',
        patterns: [{ include: '#line-continuation' }, ...rest],
      },
    ],
    ...extra,
  });
  const moduleName = { name: `entity.name.function.module.${L}` };
  const extraArgument = { match: MOD, name: `invalid.illegal.extra-argument.${L}` };

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'modprobe',
    scopeName: 'source.modprobe',
    comment:
      'modprobe.d(5) / modprobe.conf as parsed by kmod (libkmod-config.c, shared/util.c freadline_wrapped). GENERATED by syntaxes/src/build-grammars.mjs - do not edit by hand.',
    patterns: [
      { include: '#comment' },
      { include: '#indented-comment' },
      { include: '#incomplete-command' },
      { include: '#alias' },
      { include: '#options' },
      { include: '#install-remove' },
      { include: '#blacklist' },
      { include: '#softdep' },
      { include: '#weakdep' },
      { include: '#deprecated-command' },
      { include: '#unknown-command' },
    ],
    repository: {
      comment: {
        // Only a '#' in the very first column starts a comment.  Lines are
        // joined before that check, so a comment ending in '\' swallows the
        // next line.
        name: `comment.line.number-sign.${L}`,
        begin: '^#',
        beginCaptures: { 0: { name: `punctuation.definition.comment.${L}` } },
        end: '$',
        patterns: [{ include: '#escaped-character-plain' }, { include: '#line-continuation' }],
      },
      'indented-comment': {
        // kmod: "ignoring bad line starting with '#...'".
        begin: r`^[ \t]++(?=#)`,
        end: '$',
        contentName: `invalid.illegal.indented-comment.${L}`,
        patterns: [{ include: '#escaped-character-plain' }, { include: '#line-continuation' }],
      },
      'incomplete-command': {
        // Mandatory arguments missing: kmod ignores the whole line.
        patterns: [
          {
            match: r`^[ \t]*+(alias)(?:[ \t]++(${MOD}))?[ \t]*+$`,
            captures: {
              1: { name: `keyword.control.$1.${L} invalid.illegal.missing-argument.${L}` },
              2: { name: `entity.name.type.alias.${L}`, patterns: [{ include: '#wildcard' }] },
            },
          },
          {
            match: r`^[ \t]*+(options|install|remove)(?:[ \t]++(${MOD}))?[ \t]*+$`,
            captures: {
              1: { name: `keyword.control.$1.${L} invalid.illegal.missing-argument.${L}` },
              2: { name: `entity.name.function.module.${L}` },
            },
          },
          {
            match: r`^[ \t]*+(blacklist|softdep|weakdep)[ \t]*+$`,
            captures: { 1: { name: `keyword.control.$1.${L} invalid.illegal.missing-argument.${L}` } },
          },
        ],
      },
      alias: command('alias', { name: `entity.name.type.alias.${L}`, patterns: [{ include: '#wildcard' }] }, [
        {
          begin: `(${MOD})`,
          beginCaptures: { 1: moduleName },
          end: '$',
          patterns: [{ include: '#line-continuation' }, extraArgument],
        },
      ]),
      options: command('options', moduleName, [
        { include: '#escaped-character' },
        { include: '#inline-comment' },
        { include: '#parameter' },
      ]),
      'install-remove': command('install|remove', moduleName, [{ include: '#shell-command' }]),
      blacklist: command('blacklist', moduleName, [extraArgument]),
      softdep: command('softdep', moduleName, [
        {
          // pre: and post: are only recognised as separate words.
          name: `meta.softdep.$1.${L}`,
          begin: r`(?<![^ \t])(pre|post)(:)(?=[ \t\\]|$)`,
          beginCaptures: {
            1: { name: `keyword.other.softdep.$1.${L}` },
            2: { name: `punctuation.separator.colon.${L}` },
          },
          end: r`(?<![^ \t])(?=(?:pre|post):(?:[ \t\\]|$))|$`,
          patterns: [{ include: '#line-continuation' }, { match: MOD, name: `entity.name.function.module.${L}` }],
        },
        // modules before any pre:/post: are ignored by kmod
        { match: MOD, name: `invalid.illegal.softdep-module-without-pre-post.${L}` },
      ]),
      weakdep: command('weakdep', moduleName, [{ match: MOD, name: `entity.name.function.module.${L}` }]),
      'deprecated-command': {
        // include/config: kmod logs an error and ignores the line.
        begin: KW('include|config'),
        beginCaptures: { 1: { name: `keyword.control.$1.${L} invalid.deprecated.command.${L}` } },
        end: '$',
        patterns: [{ include: '#escaped-character-plain' }, { include: '#line-continuation' }],
      },
      'unknown-command': {
        // "ignoring bad line starting with '<cmd>'" (commands are case-sensitive)
        begin: r`^[ \t]*+([^ \t\n\\]++)`,
        beginCaptures: { 1: { name: `invalid.illegal.unknown-command.${L}` } },
        end: '$',
        patterns: [{ include: '#escaped-character-plain' }, { include: '#line-continuation' }],
      },

      // -- pieces --------------------------------------------------------------
      'line-continuation': {
        // kmod joins the next physical line with nothing in between.  When
        // neither side has a blank the two words are glued together
        // (`mode=4\` + `miimon=100` -> `mode=4miimon=100`).
        patterns: [
          {
            begin: r`(?<![^ \t])(\\)$`,
            beginCaptures: { 1: { name: `constant.character.escape.line-continuation.${L}` } },
            end: '^',
          },
          {
            begin: r`(\\)$`,
            beginCaptures: { 1: { name: `constant.character.escape.line-continuation.${L}` } },
            end: r`^([^ \t\n\\]*+)`,
            endCaptures: { 1: { name: `invalid.illegal.glued-continuation.${L}` } },
          },
        ],
      },
      'escaped-character': {
        // kmod drops a backslash and keeps the next character
        match: r`\\.`,
        name: `constant.character.escape.${L}`,
      },
      'escaped-character-plain': { match: r`\\.` },
      wildcard: {
        patterns: [
          { match: r`[*?]`, name: `keyword.operator.wildcard.${L}` },
          { match: r`\[[^\]\[\n]*+\]`, name: `keyword.operator.wildcard.${L}` },
        ],
      },
      'inline-comment': {
        // No inline comments in modprobe.d: '#' and everything after it is
        // passed to the module as parameters.
        match: r`(?<![^ \t])#(?:[^\\\n]|\\.)*+`,
        name: `invalid.illegal.inline-comment.${L}`,
      },
      parameter: {
        patterns: [
          {
            name: `meta.parameter.${L}`,
            begin: r`(?<![^ \t])([^ \t\n="\\#]++)(=)`,
            beginCaptures: {
              1: { name: `support.type.property-name.option.${L}` },
              2: { name: `punctuation.separator.key-value.option.${L}` },
            },
            end: r`(?=[ \t\\])|$`,
            patterns: [
              {
                name: `string.quoted.double.${L}`,
                begin: '"',
                beginCaptures: { 0: { name: `punctuation.definition.string.begin.${L}` } },
                end: '"|$',
                endCaptures: { 0: { name: `punctuation.definition.string.end.${L}` } },
                patterns: [{ include: '#option-value' }, { match: r`[ \t]++` }],
              },
              { include: '#option-value' },
            ],
          },
          { match: r`(?<![^ \t])[^ \t\n="\\#]++`, name: `support.type.property-name.option.${L}` },
        ],
      },
      'shell-command': {
        // One physical line of the install/remove command, handed to the
        // shell grammar in isolation so an unbalanced quote cannot leak into
        // the following lines.  Very long lines are handed over in pieces of
        // at most 1000 characters: the shell grammar's cost grows faster than
        // linearly with nesting depth, and capture re-tokenization runs
        // without VS Code's time limit.  (Plain greedy interval: `{m,n}+` is
        // NOT possessive in Oniguruma's Ruby syntax.)
        match: r`(?:[^\\\n]|\\.){1,1000}`,
        // vscode-textmate only discovers grammars to load by walking
        // `patterns`/`include`, never `captures`; this (otherwise unused) list
        // makes it load source.shell for the capture below.
        patterns: [{ include: 'source.shell' }],
        captures: {
          0: { name: 'meta.embedded.line.shell', contentName: 'source.shell', patterns: [{ include: 'source.shell' }] },
        },
      },
      ...optionValueRepo(L, r`[^ \t\n,"\\]`),
    },
  };
}

// ---------------------------------------------------------------------------

const outputs = {
  'ifcfg.tmLanguage.json': ifcfgGrammar(),
  'modprobe.tmLanguage.json': modprobeGrammar(),
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, grammar] of Object.entries(outputs)) {
  const path = join(outDir, file);
  const text = JSON.stringify(grammar, null, 2) + '\n';
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`syntaxes/${file} is out of date: run node syntaxes/src/build-grammars.mjs`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote syntaxes/${file}`);
  }
}
process.exit(stale ? 1 : 0);
