// Hover documentation for ifcfg keys and modprobe commands.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { DocContext } from './context';
import { getKey } from './kb';
import { contains } from './text';

export function hover(ctx: DocContext, pos: Position): Hover | null {
  try {
    if (ctx.language === 'ifcfg') {
      for (const a of ctx.file.assignments) {
        if (a.line !== pos.line) continue;
        if (contains(a.keyRange, pos)) {
          const k = getKey(a.key);
          if (!k) return null;
          const lines = [`**${k.name}**: ${k.summary}`, '', k.description];
          if (k.allowedValues?.length) lines.push('', `Values: ${k.allowedValues.map((v) => `\`${v}\``).join(', ')}`);
          if (k.default) lines.push('', `Default: ${k.default}`);
          return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: a.keyRange };
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}
