// Completion for ifcfg and modprobe.d documents: keys by interface role, key values, BONDING_OPTS
// option names and values (mode-aware), `options bonding …` module parameters, modprobe commands.
import {
  CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind, Position, Range,
} from 'vscode-languageserver-types';
import type { DocContext, IfcfgContext, IfcfgRole, ModprobeContext } from './context';
import { IFCFG_KEYS, getKey, IfcfgKey, keyAppliesToRole } from './kb/ifcfg-keys';
import { BOND_OPTIONS, effectiveModes, getOption, type BondOption } from './kb/options';
import { MODES, parseModeValue, type ModeName } from './kb/modes';
import { MODPROBE_COMMANDS, BONDING_MODULE_PARAMS, normalizeModuleName } from './kb/modprobe';
import { commandDoc, keyDoc, modeDoc, optionDoc } from './docs';
import { contentStart, isSpace } from './text';

/** What the rest of the host looks like; supplied by the caller (the server reads the folder). */
export interface HostView {
  /** Device names of the bonds defined next to this file. */
  bonds(): string[];
  /** Device names of the interfaces whose MASTER is `bond`. */
  membersOf(bond: string): string[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export interface CompleteOptions {
  /**
   * Leave each item's documentation out; the item's `data` names what to document and
   * resolveCompletionItem() fills it in (completionItem/resolve). The list is then a fraction of the
   * size: the key list's documentation is most of its 30 KB.
   */
  lazyDocumentation?: boolean;
}

export function complete(ctx: DocContext, pos: Position, host?: HostView, opts: CompleteOptions = {}): CompletionList {
  let list: CompletionList;
  try {
    list = ctx.language === 'ifcfg' ? completeIfcfg(ctx, pos, host) : completeModprobe(ctx, pos);
  } catch {
    return EMPTY;
  }
  if (!opts.lazyDocumentation) for (const item of list.items) resolveInPlace(item);
  return list;
}

/** What an item's documentation is about (kept in `data` until the client resolves the item). */
export type DocRef =
  | { doc: 'key'; name: string }
  | { doc: 'option'; name: string; mode: ModeName }
  | { doc: 'mode'; name: string }
  | { doc: 'command'; name: string };

/** Fills in the documentation of an item from complete(…, { lazyDocumentation: true }). */
export function resolveCompletionItem(item: CompletionItem): CompletionItem {
  const copy = { ...item };
  resolveInPlace(copy);
  return copy;
}

const docCache = new Map<string, string | undefined>();

function documentationOf(ref: DocRef): string | undefined {
  const cacheKey = `${ref.doc}\0${ref.name}\0${ref.doc === 'option' ? ref.mode : ''}`;
  if (docCache.has(cacheKey)) return docCache.get(cacheKey);
  let text: string | undefined;
  if (ref.doc === 'key') { const k = getKey(ref.name); text = k && keyDoc(k); }
  else if (ref.doc === 'option') { const o = getOption(ref.name); text = o && optionDoc(o, { currentMode: ref.mode }); }
  else if (ref.doc === 'mode') { const m = MODES.find((x) => x.name === ref.name); text = m && modeDoc(m); }
  else if (ref.doc === 'command') { const c = MODPROBE_COMMANDS.find((x) => x.name === ref.name); text = c && commandDoc(c); }
  docCache.set(cacheKey, text);
  return text;
}

function resolveInPlace(item: CompletionItem): void {
  const ref = item.data as Partial<DocRef> | undefined;
  if (item.documentation !== undefined || !ref || typeof ref !== 'object' || typeof ref.name !== 'string') return;
  if (ref.doc === 'option' && !MODES.some((m) => m.name === ref.mode)) return;
  const value = documentationOf(ref as DocRef);
  if (value !== undefined) item.documentation = { kind: MarkupKind.Markdown, value };
}

function roleFits(key: IfcfgKey, role: IfcfgRole): boolean {
  if (role === 'bond') return keyAppliesToRole(key, 'bond');
  if (role === 'member') return keyAppliesToRole(key, 'member');
  return keyAppliesToRole(key, 'ethernet');
}

function completeIfcfg(ctx: IfcfgContext, pos: Position, host?: HostView): CompletionList {
  const line = ctx.file.text.lines[pos.line];
  if (!line) return EMPTY;
  const s = line.text;
  // The cursor as a column inside the line's content: never before a BOM, never past the end.
  const col = Math.max(contentStart(line), Math.min(pos.character, s.length));
  let start = contentStart(line);
  while (start < col && isSpace(s[start])) start++;
  if (s[start] === '#') return EMPTY;
  const eq = s.indexOf('=', start);
  if (eq < 0 || col <= eq) return keyItems(ctx, pos, s, start, col, eq);
  const key = s.slice(start, eq).trim().replace(/^export\s+/, '');
  if (key === 'BONDING_OPTS') return bondingOptsItems(ctx, pos, s, eq + 1, col, host);
  return valueItems(ctx, key, pos, s, eq + 1, col, host);
}

function keyItems(ctx: IfcfgContext, pos: Position, s: string, start: number, col: number, eq: number): CompletionList {
  let keyStart = start;
  if (s.startsWith('export', start) && isSpace(s[start + 6] ?? '')) {
    keyStart = start + 6;
    while (keyStart < s.length && isSpace(s[keyStart])) keyStart++;
  }
  if (col < keyStart) return EMPTY; // inside `export `: no key goes there
  let end = col;
  while (end < s.length && /[A-Za-z0-9_]/.test(s[end])) end++;
  const replace: Range = { start: { line: pos.line, character: keyStart }, end: { line: pos.line, character: end } };
  const present = new Set(ctx.file.assignments.filter((a) => a.line !== pos.line).map((a) => a.key));
  const items: CompletionItem[] = [];
  for (const k of IFCFG_KEYS) {
    if (present.has(k.name) && !k.numbered) continue;
    const fits = roleFits(k, ctx.role);
    const withValue = eq < 0;
    items.push({
      label: k.name,
      kind: CompletionItemKind.Property,
      detail: k.summary,
      data: { doc: 'key', name: k.name } satisfies DocRef,
      sortText: `${k.common && fits ? 0 : fits ? 1 : 2}${k.name}`,
      textEdit: { range: replace, newText: withValue ? keySnippet(k) : k.name },
      insertTextFormat: withValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    });
  }
  return { isIncomplete: false, items };
}

function keySnippet(k: IfcfgKey): string {
  if (k.snippet) return k.snippet;
  if (k.allowedValues?.length) return `${k.name}=\${1|${k.allowedValues.join(',')}|}`;
  if (k.multiWord) return `${k.name}="$1"`;
  return `${k.name}=$0`;
}

/** Range of the word under the cursor inside a value (quotes excluded). */
function valueWord(s: string, from: number, col: number, stops = ' \t"\'#'): { start: number; end: number } {
  let a = col;
  while (a > from && !stops.includes(s[a - 1])) a--;
  let b = col;
  while (b < s.length && !stops.includes(s[b])) b++;
  return { start: a, end: b };
}

function valueItems(ctx: IfcfgContext, key: string, pos: Position, s: string, from: number, col: number, host?: HostView): CompletionList {
  const w = valueWord(s, from, col);
  const replace: Range = { start: { line: pos.line, character: w.start }, end: { line: pos.line, character: w.end } };
  if (key === 'MASTER') {
    const bonds = host?.bonds() ?? [];
    return {
      isIncomplete: false,
      items: bonds.map((b, i) => ({ label: b, kind: CompletionItemKind.Reference, detail: 'bond defined in this folder', sortText: String(i).padStart(3, '0'), textEdit: { range: replace, newText: b } })),
    };
  }
  const info = getKey(key);
  if (!info?.allowedValues?.length) return EMPTY;
  return {
    isIncomplete: false,
    items: info.allowedValues.map((v, i) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      detail: `${key}=${v}`,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: replace, newText: v },
    })),
  };
}

/** Options offered in BONDING_OPTS: sysfs options; those effective in the current mode first. */
function bondingOptsItems(ctx: IfcfgContext, pos: Position, s: string, from: number, col: number, host?: HostView): CompletionList {
  const w = valueWord(s, from, col);
  const word = s.slice(w.start, col);
  const mode = ctx.opts?.sim.state.mode ?? 'balance-rr';
  const set = new Set((ctx.opts?.split.tokens ?? []).filter((t) => !(t.range.start.line === pos.line && t.range.start.character === w.start)).map((t) => t.key));
  const eq = word.indexOf('=');
  if (eq >= 0) {
    const name = word.slice(0, eq);
    const vr: Range = { start: { line: pos.line, character: w.start + eq + 1 }, end: { line: pos.line, character: w.end } };
    return optionValueItems(name, vr, mode, host?.membersOf(ctx.deviceName) ?? []);
  }
  const replace: Range = { start: { line: pos.line, character: w.start }, end: { line: pos.line, character: w.end } };
  return optionNameItems(BOND_OPTIONS.filter((o) => o.sysfs && !o.runtimeOnly && !o.perMember), set, mode, replace);
}

function optionNameItems(options: readonly BondOption[], set: Set<string>, mode: ModeName, replace: Range): CompletionList {
  const items: CompletionItem[] = [];
  for (const o of options) {
    if (set.has(o.name) && !o.repeatable) continue;
    const refused = o.rejectedIn.includes(mode);
    const effective = effectiveModes(o).includes(mode) && !refused;
    const rank = o.name === 'mode' ? 0 : o.name === 'miimon' ? 1 : effective ? 2 : refused ? 4 : 3;
    items.push({
      label: o.name,
      kind: CompletionItemKind.Property,
      detail: refused ? `refused in ${mode}` : effective ? o.summary : `no effect in ${mode}`,
      data: { doc: 'option', name: o.name, mode } satisfies DocRef,
      sortText: `${rank}${o.name}`,
      textEdit: { range: replace, newText: `${o.name}=` },
      command: o.values?.length || o.name === 'primary' ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
      tags: refused ? [1 /* Deprecated: rendered struck through */] : undefined,
    });
  }
  return { isIncomplete: false, items };
}

function optionValueItems(name: string, replace: Range, mode: ModeName, members: string[]): CompletionList {
  const o = getOption(name);
  if (!o) return EMPTY;
  if (o.name === 'mode') {
    return {
      isIncomplete: false,
      items: MODES.map((m) => ({
        label: m.name,
        labelDetails: { detail: ` ${m.number}`, description: m.title },
        kind: CompletionItemKind.EnumMember,
        detail: m.summary,
        data: { doc: 'mode', name: m.name } satisfies DocRef,
        sortText: String(m.number),
        filterText: `${m.name} ${m.number}`,
        textEdit: { range: replace, newText: m.name },
      })),
    };
  }
  if (o.name === 'primary' || o.name === 'active_slave') {
    return { isIncomplete: false, items: members.map((m) => ({ label: m, kind: CompletionItemKind.Reference, detail: `member of this bond`, textEdit: { range: replace, newText: m } })) };
  }
  if (o.values?.length) {
    return {
      isIncomplete: false,
      items: o.values.map((v, i) => ({
        label: v.name,
        labelDetails: { detail: ` ${v.number}` },
        kind: CompletionItemKind.EnumMember,
        detail: v.description,
        sortText: String(i).padStart(3, '0'),
        filterText: `${v.name} ${v.number}`,
        textEdit: { range: replace, newText: v.name },
      })),
    };
  }
  const suggestions: Record<string, string[]> = { miimon: ['100'], updelay: ['200'], downdelay: ['200'], arp_interval: ['1000'] };
  const sug = suggestions[o.name];
  if (sug) return { isIncomplete: false, items: sug.map((v) => ({ label: v, kind: CompletionItemKind.Value, detail: `${o.name}=${v}${o.unit ? ` ${o.unit}` : ''} (a common choice)`, textEdit: { range: replace, newText: v } })) };
  void mode;
  return EMPTY;
}

function completeModprobe(ctx: ModprobeContext, pos: Position): CompletionList {
  const line = ctx.file.text.lines[pos.line];
  if (!line) return EMPTY;
  // Columns of the line's content (after a BOM) up to the cursor, which is clamped to the line.
  const base = contentStart(line);
  const col = Math.max(base, Math.min(pos.character, line.text.length));
  const at: Position = { line: pos.line, character: col };
  const before = line.text.slice(base, col);
  if (before.startsWith('#')) return EMPTY;
  const words = before.split(/[ \t]+/);
  if (words.length === 1) {
    const replace: Range = { start: { line: pos.line, character: base }, end: at };
    return {
      isIncomplete: false,
      items: MODPROBE_COMMANDS.filter((c) => !c.notParsed).map((c, i) => ({
        label: c.name,
        kind: CompletionItemKind.Keyword,
        detail: c.syntax,
        data: { doc: 'command', name: c.name } satisfies DocRef,
        sortText: String(i).padStart(2, '0'),
        textEdit: c.snippet ? { range: replace, newText: c.snippet } : { range: replace, newText: c.name },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      })),
    };
  }
  const cmd = words[0];
  if (words.length === 2 && (cmd === 'options' || cmd === 'alias' || cmd === 'softdep' || cmd === 'blacklist')) {
    const replace: Range = { start: { line: pos.line, character: col - words[1].length }, end: at };
    const items: CompletionItem[] = cmd === 'alias'
      ? [{ label: 'bond0', kind: CompletionItemKind.Value, textEdit: { range: replace, newText: 'bond0' } }]
      : [{ label: 'bonding', kind: CompletionItemKind.Module, detail: 'the Linux bonding driver', textEdit: { range: replace, newText: 'bonding' } }];
    return { isIncomplete: false, items };
  }
  if (cmd === 'alias' && words.length === 3) {
    const replace: Range = { start: { line: pos.line, character: col - words[2].length }, end: at };
    return { isIncomplete: false, items: [{ label: 'bonding', kind: CompletionItemKind.Module, textEdit: { range: replace, newText: 'bonding' } }] };
  }
  if (cmd === 'options' && words.length >= 3) {
    const module = normalizeModuleName(words[1]);
    if (module !== 'bonding' && !/^bond\d+$/.test(module)) return EMPTY;
    const word = words[words.length - 1];
    const wStart = col - word.length;
    const eq = word.indexOf('=');
    // Options already on this logical line, and the mode they set (module parameter semantics).
    const st = ctx.file.statements.find((x) => x.line <= pos.line && x.endLine >= pos.line);
    const present = new Set((st?.options ?? []).filter((o) => !(o.range.start.line === pos.line && o.range.start.character === wStart)).map((o) => o.name.replace(/-/g, '_')));
    const modeTok = st?.options?.filter((o) => o.name === 'mode').pop();
    const mode: ModeName = (modeTok?.value !== undefined && parseModeValue(modeTok.value)?.name) || 'balance-rr';
    if (eq >= 0) {
      const vr: Range = { start: { line: pos.line, character: wStart + eq + 1 }, end: at };
      return optionValueItems(word.slice(0, eq), vr, mode, []);
    }
    const params = new Set(BONDING_MODULE_PARAMS.map((p) => p.name));
    const replace: Range = { start: { line: pos.line, character: wStart }, end: at };
    return optionNameItems(BOND_OPTIONS.filter((o) => params.has(o.name)), present, mode, replace);
  }
  return EMPTY;
}
