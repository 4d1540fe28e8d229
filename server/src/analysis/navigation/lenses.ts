// Code lenses (bond topology at a glance) and inlay hints (what a number means).
import type { CodeLens, InlayHint, Location, Range } from 'vscode-languageserver-types';
import type { IfcfgContext } from '../context';
import type { BondFacts, WorkspaceModel } from '../workspace/model';
import { bondMode, bondPrimary, isBondingOptions } from './bond-info';
import { hostIndex, ifcfgSpan, lookup } from './occurrences';
import { comparePos, isRange, safe, ZERO } from './util';
import { valueName, valueUnit } from './values';

export const SHOW_REFERENCES = 'editor.action.showReferences';

export interface CodeLensOptions {
  /**
   * Command id of every lens (default `editor.action.showReferences`), called with
   * `[uri: string, position: Position, locations: Location[]]` in LSP shapes.
   */
  command?: string;
}

/** The DEVICE value of a file (line 0 when it has none). */
function deviceLocation(ctx: IfcfgContext): Location {
  const d = ctx.get('DEVICE');
  const s = d?.value ? ifcfgSpan(ctx, d, 0, d.value.length) : undefined;
  return { uri: ctx.uri, range: s?.range ?? ZERO };
}

function lineRange(ctx: IfcfgContext, key: string): Range {
  const a = ctx.get(key);
  return a ? { start: a.keyRange.start, end: a.rawRange.end } : ZERO;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

export function bondLensTitle(mode: string, bond: BondFacts, primary: string | undefined): string {
  const names = bond.members.map((m) => m.device);
  const parts = [mode, names.length ? `${plural(names.length, 'member')}: ${names.join(', ')}` : 'no members'];
  if (primary) parts.push(`primary ${primary}`);
  return parts.join(' · ');
}

/**
 * textDocument/codeLens, already resolved. On a bond's DEVICE line (line 0 without DEVICE):
 * `active-backup · 2 members: eth0, eth1 · primary eth0`, showing the members' files. On a member's
 * MASTER (or MASTER_UUID) line: `member of bond0 (active-backup)`, showing the bond's file.
 */
export function codeLenses(model: WorkspaceModel, uri: string, options: CodeLensOptions = {}): CodeLens[] {
  return safe<CodeLens[]>([], () => {
    const l = lookup(model, uri);
    if (!l || l.ctx.language !== 'ifcfg') return [];
    const { idx } = l;
    const command = options.command || SHOW_REFERENCES;
    const out: CodeLens[] = [];
    for (const b of idx.facts.bonds.values()) {
      const mode = bondMode(idx, b);
      if (b.entry.ctx.uri === uri) {
        const range = lineRange(b.entry.ctx, 'DEVICE');
        const locations = b.members.map((m) => deviceLocation(m.entry.ctx));
        out.push({ range, command: { title: bondLensTitle(mode, b, bondPrimary(idx, b)), command, arguments: [uri, range.start, locations] } });
      }
      for (const m of b.members) {
        if (m.entry.ctx.uri !== uri) continue;
        const range = { start: m.master.keyRange.start, end: m.master.rawRange.end };
        const primary = bondPrimary(idx, b) === m.device ? ' · primary' : '';
        out.push({ range, command: { title: `member of ${b.device} (${mode})${primary}`, command, arguments: [uri, range.start, [deviceLocation(b.entry.ctx)]] } });
      }
    }
    return out.sort((a, b) => comparePos(a.range.start, b.range.start));
  });
}

/**
 * textDocument/inlayHint: after a numeric enum value its name (`mode=4` → `802.3ad`,
 * `xmit_hash_policy=1` → `layer3+4`, `lacp_rate=1` → `fast`), after a plain number given to a time
 * option its unit (`miimon=100` → `ms`). In BONDING_OPTS and in modprobe.d `options` lines of the
 * bonding module. Only hints whose position lies inside `range`. Labels carry no spaces; every hint
 * has paddingLeft.
 */
export function inlayHints(model: WorkspaceModel, uri: string, range: Range): InlayHint[] {
  return safe<InlayHint[]>([], () => {
    if (!isRange(range)) return [];
    const ctx = model.get(uri);
    if (!ctx) return [];
    const out: InlayHint[] = [];
    const hint = (key: string, value: string | undefined, valueRange: Range | undefined): void => {
      if (!valueRange || value === undefined) return;
      const position = valueRange.end;
      if (comparePos(position, range.start) < 0 || comparePos(position, range.end) > 0) return;
      const n = valueName(key, value);
      if (n) {
        out.push({ position, label: n.name, paddingLeft: true, ...(n.description ? { tooltip: n.description } : {}) });
        return;
      }
      const u = valueUnit(key, value);
      if (u) out.push({ position, label: u, paddingLeft: true, tooltip: u === 'ms' ? 'milliseconds' : 'seconds' });
    };
    if (ctx.language === 'ifcfg') {
      for (const t of ctx.opts?.split.tokens ?? []) hint(t.key, t.value, t.valueRange);
      return out;
    }
    const host = model.hostOf(uri);
    const idx = host ? hostIndex(host) : undefined;
    for (const st of ctx.file.statements) {
      if (st.command !== 'options' || !st.options || !st.args[0] || !isBondingOptions(idx, st.args[0].text)) continue;
      for (const o of st.options) hint(o.name, o.value, o.valueRange);
    }
    return out;
  });
}
