// Completion for ifcfg and modprobe.d documents.
import {
  CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind, Position, Range,
} from 'vscode-languageserver-types';
import type { DocContext, IfcfgContext, IfcfgRole, ModprobeContext } from './context';
import { IFCFG_KEYS, getKey, IfcfgKey } from './kb';
import { MODPROBE_COMMANDS } from './modprobe/parser';
import { contentStart, isSpace } from './text';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function complete(ctx: DocContext, pos: Position): CompletionList {
  try {
    return ctx.language === 'ifcfg' ? completeIfcfg(ctx, pos) : completeModprobe(ctx, pos);
  } catch {
    return EMPTY;
  }
}

function roleFits(key: IfcfgKey, role: IfcfgRole): boolean {
  const roles = key.roles as readonly string[];
  if (roles.includes('any') || roles.includes('all')) return true;
  if (role === 'bond') return roles.includes('bond');
  if (role === 'member') return roles.includes('member') || roles.includes('ethernet');
  return !roles.includes('bond') || roles.includes('ethernet');
}

function completeIfcfg(ctx: IfcfgContext, pos: Position): CompletionList {
  const line = ctx.file.text.lines[pos.line];
  if (!line) return EMPTY;
  const s = line.text;
  const col = Math.min(pos.character, s.length);
  let start = contentStart(line);
  while (start < col && isSpace(s[start])) start++;
  if (s[start] === '#') return EMPTY;
  const eq = s.indexOf('=', start);
  if (eq < 0 || col <= eq) {
    // Key position: replace the word from the start of the key to the cursor (and the rest of the key).
    let end = col;
    while (end < s.length && /[A-Za-z0-9_]/.test(s[end])) end++;
    const prefixStart = s.startsWith('export ', start) ? start + 7 : start;
    const replace: Range = { start: { line: pos.line, character: prefixStart }, end: { line: pos.line, character: end } };
    const present = new Set(ctx.file.assignments.filter((a) => a.line !== pos.line).map((a) => a.key));
    const items: CompletionItem[] = [];
    for (const k of IFCFG_KEYS) {
      if (present.has(k.name)) continue;
      const fits = roleFits(k, ctx.role);
      const withValue = eq < 0;
      items.push({
        label: k.name,
        kind: CompletionItemKind.Property,
        detail: k.summary,
        documentation: { kind: MarkupKind.Markdown, value: k.description },
        sortText: `${k.common && fits ? 0 : fits ? 1 : 2}${k.name}`,
        filterText: k.name,
        textEdit: { range: replace, newText: withValue ? keySnippet(k) : k.name },
        insertTextFormat: withValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        command: withValue && (k.allowedValues?.length) ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
      });
    }
    return { isIncomplete: false, items };
  }
  const key = s.slice(start, eq).trim().replace(/^export\s+/, '');
  const info = getKey(key);
  if (!info?.allowedValues?.length) return EMPTY;
  // Value position: offer the allowed spellings, replacing the current word (inside quotes if any).
  let vs = eq + 1;
  if (s[vs] === '"' || s[vs] === "'") vs++;
  let ve = col;
  while (ve < s.length && !isSpace(s[ve]) && s[ve] !== '"' && s[ve] !== "'" && s[ve] !== '#') ve++;
  const replace: Range = { start: { line: pos.line, character: vs }, end: { line: pos.line, character: ve } };
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

function keySnippet(k: IfcfgKey): string {
  if (k.snippet) return k.snippet;
  if (k.allowedValues?.length) return `${k.name}=\${1|${k.allowedValues.join(',')}|}`;
  return `${k.name}=$0`;
}

function completeModprobe(ctx: ModprobeContext, pos: Position): CompletionList {
  const line = ctx.file.text.lines[pos.line];
  if (!line) return EMPTY;
  const s = line.text.slice(0, pos.character);
  if (/^\S*$/.test(s) && !s.startsWith('#')) {
    const replace: Range = { start: { line: pos.line, character: 0 }, end: pos };
    return {
      isIncomplete: false,
      items: MODPROBE_COMMANDS.map((c) => ({
        label: c,
        kind: CompletionItemKind.Keyword,
        textEdit: { range: replace, newText: c },
      })),
    };
  }
  return EMPTY;
}
