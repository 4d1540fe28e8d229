// F1, F2, F3: modprobe.d `options bonding …` next to ifcfg bonds configured with BONDING_OPTS.
import { modprobeOptTokens } from '../../bonding-opts/tokens';
import { getBondingModuleParam } from '../../kb/modprobe';
import { parseEnumValue, getOption } from '../../kb/options';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding, Fix, ModprobeRule } from '../types';
import { hostFacts } from './util';
import { kmodSkips } from '../modprobe/bonding-load';

const GLOBAL_ONLY = new Set(['max_bonds', 'tx_queues']);

function bondsWithOpts(ctx: Parameters<ModprobeRule['check']>[0]) {
  const f = hostFacts(ctx);
  return f ? [...f.bonds.values()].filter((b) => b.entry.ctx.opts) : [];
}

/** The file's `options bonding` lines (none when kmod never reads the file: they change nothing). */
function bondingOptionLines(ctx: Parameters<ModprobeRule['check']>[0]) {
  if (kmodSkips(ctx)) return [];
  return ctx.file.statements.filter((st) => st.command === 'options' && st.args[0]?.text.replace(/-/g, '_') === 'bonding' && st.options);
}

/** Canonical form of a value for comparing modprobe and BONDING_OPTS (mode=4 equals mode=802.3ad). */
function canon(key: string, value: string | undefined): string {
  const o = getOption(key);
  const e = o && value !== undefined ? parseEnumValue(o, value) : undefined;
  return e ? e.name : (value ?? '').trim();
}

export const perBondOptionsInModprobe: ModprobeRule = {
  id: 'modprobe-options-with-bonding-opts',
  language: 'modprobe',
  severity: 'warning',
  title: 'Bond options in modprobe.d while ifcfg files use BONDING_OPTS',
  catalogue: ['F1'],
  check(ctx) {
    const bonds = bondsWithOpts(ctx);
    if (!bonds.length) return [];
    const out: Finding[] = [];
    for (const st of bondingOptionLines(ctx)) {
      const toks = modprobeOptTokens(st.options!).filter((t) => !GLOBAL_ONLY.has(t.key.replace(/-/g, '_')) && getBondingModuleParam(t.key.replace(/-/g, '_')));
      if (!toks.length) continue;
      out.push({
        range: { start: toks[0].range.start, end: toks[toks.length - 1].range.end },
        message: `This host configures ${bonds.map((b) => b.device).join(', ')} with BONDING_OPTS, which overrides these module defaults option by option; whatever BONDING_OPTS leaves out silently comes from here, and the module only rereads this file when it is reloaded. Put every bond setting in BONDING_OPTS and keep modprobe.d to 'alias bondN bonding'.`,
        related: bonds.map((b) => ({ location: { uri: b.entry.ctx.uri, range: b.entry.ctx.opts!.assignment.rawRange }, message: `${b.device}: BONDING_OPTS` })),
        data: { line: st.line },
      });
    }
    return out;
  },
  fix(f, ctx) {
    const bonds = bondsWithOpts(ctx);
    const st = bondingOptionLines(ctx).find((x) => x.line === f.data?.line);
    if (!st || !bonds.length || st.line !== st.endLine) return [];
    const toks = modprobeOptTokens(st.options!);
    const moving = toks.filter((t) => !GLOBAL_ONLY.has(t.key.replace(/-/g, '_')) && getBondingModuleParam(t.key.replace(/-/g, '_')) && t.value !== undefined);
    if (!moving.length) return [];
    const changes: Record<string, TextEdit[]> = {};
    for (const b of bonds) {
      const a = b.entry.ctx.opts!.assignment;
      if (a.quote !== 'double' && a.quote !== 'single') return [];
      const have = new Set(b.entry.ctx.opts!.split.tokens.map((t) => t.key));
      const add = moving.filter((t) => !have.has(t.key.replace(/-/g, '_'))).map((t) => `${t.key.replace(/-/g, '_')}=${t.value}`);
      if (!add.length) continue;
      const end = { line: a.line, character: a.rawRange.end.character - 1 };
      changes[b.entry.ctx.uri] = [{ range: { start: end, end }, newText: (b.entry.ctx.opts!.split.tokens.length ? ' ' : '') + add.join(' ') }];
    }
    // The options line loses the moved words; with nothing left, the whole line goes.
    const keep = toks.filter((t) => !moving.includes(t));
    const l = ctx.file.text.lines[st.line];
    let edit: TextEdit;
    if (!keep.length) {
      edit = l.eol ? { range: { start: { line: st.line, character: 0 }, end: { line: st.line + 1, character: 0 } }, newText: '' }
        : { range: { start: { line: st.line, character: 0 }, end: { line: st.line, character: l.text.length } }, newText: '' };
    } else {
      const from = st.args[1].range.start;
      edit = { range: { start: from, end: toks[toks.length - 1].range.end }, newText: keep.map((t) => t.text).join(' ') };
    }
    changes[ctx.uri] = [edit];
    const fix: Fix = {
      title: `Move ${moving.map((t) => t.key).join(', ')} into BONDING_OPTS of ${bonds.map((b) => b.device).join(', ')}`,
      edits: [],
      workspaceEdit: { changes },
    };
    return [fix];
  },
};

export const conflictsWithBondingOpts: ModprobeRule = {
  id: 'modprobe-conflicts-bonding-opts',
  language: 'modprobe',
  severity: 'warning',
  title: 'modprobe.d option disagrees with BONDING_OPTS',
  catalogue: ['F2'],
  check(ctx) {
    const bonds = bondsWithOpts(ctx);
    if (!bonds.length) return [];
    const out: Finding[] = [];
    for (const st of bondingOptionLines(ctx)) {
      for (const t of modprobeOptTokens(st.options!)) {
        const key = t.key.replace(/-/g, '_');
        const clashes = bonds.flatMap((b) => b.entry.ctx.opts!.split.tokens.filter((x) => x.key === key && canon(key, x.value) !== canon(key, t.value)).map((x) => ({ b, x })));
        if (!clashes.length) continue;
        out.push({
          range: t.range,
          message: `${key}=${t.value ?? ''} here, but ${clashes.map(({ b, x }) => `${b.device} sets ${x.text}`).join(', ')} in BONDING_OPTS. BONDING_OPTS wins for those bonds; this value only applies to bonds created some other way, which makes the real setting hard to tell. Keep one place.`,
          related: clashes.map(({ b, x }) => ({ location: { uri: b.entry.ctx.uri, range: x.range }, message: `${b.device}: ${x.text}` })),
        });
      }
    }
    return out;
  },
};

export const maxBondsWithIfcfg: ModprobeRule = {
  id: 'modprobe-max-bonds-with-ifcfg',
  language: 'modprobe',
  severity: 'warning',
  title: 'max_bonds set while ifcfg files define bonds',
  catalogue: ['F3'],
  check(ctx) {
    const f = hostFacts(ctx);
    if (!f || !f.bonds.size) return [];
    const out: Finding[] = [];
    for (const st of bondingOptionLines(ctx)) {
      for (const t of modprobeOptTokens(st.options!)) {
        if (t.key.replace(/-/g, '_') !== 'max_bonds' || t.value === '0') continue;
        out.push({
          range: t.range,
          message: `max_bonds=${t.value ?? ''} makes the module create bond0… at load time with module defaults, independently of the ifcfg files that define ${[...f.bonds.keys()].join(', ')}; those bonds then exist before initscripts or NetworkManager configures them. Remove max_bonds (or set max_bonds=0).`,
          related: [...f.bonds.values()].map((b) => ({ location: { uri: b.entry.ctx.uri, range: b.deviceAssignment?.rawRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: `${b.device} is defined here` })),
        });
      }
    }
    return out;
  },
};
