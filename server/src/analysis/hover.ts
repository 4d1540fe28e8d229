// Hover documentation: ifcfg keys and values, BONDING_OPTS options and values (mode docs in both
// `mode=1` and `mode=active-backup` form), modprobe commands and `options bonding …` parameters.
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import type { DocContext, IfcfgContext, ModprobeContext } from './context';
import { resolveKey } from './kb/ifcfg-keys';
import { getOption, parseEnumValue } from './kb/options';
import { getModprobeCommand, getBondingModuleParam } from './kb/modprobe';
import { commandDoc, keyDoc, modeDoc, optionDoc, valueDoc } from './docs';
import { modeByNumber, type ModeName } from './kb/modes';
import { contains } from './text';
import { modprobeOptTokens, type OptToken } from './bonding-opts/tokens';

export function hover(ctx: DocContext, pos: Position): Hover | null {
  try {
    return ctx.language === 'ifcfg' ? hoverIfcfg(ctx, pos) : hoverModprobe(ctx, pos);
  } catch {
    return null;
  }
}

function h(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function hoverIfcfg(ctx: IfcfgContext, pos: Position): Hover | null {
  const a = ctx.file.assignments.find((x) => x.line === pos.line);
  if (!a) return null;
  if (contains(a.keyRange, pos)) {
    const r = resolveKey(a.key);
    if (!r) return null;
    const dead = ctx.file.byKey.get(a.key) !== a ? '\n\n_This assignment is overridden by a later one in this file._' : '';
    return h(keyDoc(r.key, a.key) + dead, a.keyRange);
  }
  if (a.key === 'BONDING_OPTS' && ctx.opts && ctx.opts.assignment === a) {
    const mode = ctx.opts.sim.state.mode;
    const t = ctx.opts.split.tokens.find((x) => contains(x.range, pos));
    return t ? tokenHover(t, pos, mode, 'sysfs') : null;
  }
  return null;
}

function tokenHover(t: OptToken, pos: Position, mode: ModeName, where: 'sysfs' | 'module'): Hover | null {
  const o = getOption(t.key);
  if (!o) return null;
  if (t.valueRange && t.value !== undefined && contains(t.valueRange, pos)) {
    const v = parseEnumValue(o, t.value);
    if (v) {
      const doc = valueDoc(o, v.name);
      if (doc) return h(doc + (String(v.number) === t.value.trim() ? `\n\n\`${t.value}\` is the number of \`${v.name}\`.` : ''), t.valueRange);
    }
    if (o.name === 'mode' && /^\d+$/.test(t.value)) {
      const m = modeByNumber(Number(t.value));
      if (m) return h(modeDoc(m), t.valueRange);
    }
  }
  let doc = optionDoc(o, { currentMode: mode });
  if (where === 'module') {
    const p = getBondingModuleParam(o.name);
    doc += p ? `\n\nAs a module parameter: ${p.loadTimeRule}` : `\n\n⚠️ Not a module parameter: in \`options bonding\` the kernel ignores it ("unknown parameter").`;
  }
  return h(doc, t.keyRange);
}

function hoverModprobe(ctx: ModprobeContext, pos: Position): Hover | null {
  const st = ctx.file.statements.find((x) => x.line <= pos.line && x.endLine >= pos.line);
  if (!st) return null;
  if (contains(st.commandToken.range, pos)) {
    const c = getModprobeCommand(st.command);
    return c ? h(commandDoc(c), st.commandToken.range) : null;
  }
  if (st.command === 'options' && st.options && st.args[0]) {
    const module = st.args[0].text.replace(/-/g, '_');
    if (module !== 'bonding' && !/^bond\d+$/.test(module)) return null;
    const toks = modprobeOptTokens(st.options);
    const modeTok = toks.filter((x) => x.key === 'mode').pop();
    const mode = (modeTok?.value !== undefined && parseEnumValue(getOption('mode')!, modeTok.value)?.name as ModeName) || 'balance-rr';
    const t = toks.find((x) => contains(x.range, pos));
    if (t) return tokenHover({ ...t, key: t.key.replace(/-/g, '_') }, pos, mode, 'module');
  }
  return null;
}
