import { syntaxRule } from './syntax-helper';

/** `BONDING_OPTS=mode=1 miimon=100`: only the first word is assigned. Fix: quote the whole value. */
export default syntaxRule('unquoted-whitespace', {
  id: 'unquoted-whitespace',
  severity: 'error',
  title: 'Unquoted whitespace inside a value',
  catalogue: ['A2'],
}, (f, ctx) => {
  const a = ctx.file.assignments.find((x) => x.line === f.range.start.line);
  if (!a || a.quote !== 'none') return [];
  const line = ctx.file.text.lines[a.line].text;
  const start = a.rawRange.start.character;
  const end = f.range.end.character;
  const text = line.slice(start, end);
  // Only plain words: anything that double quotes would change ($, `, \, ") is left to the user.
  if (!text || /["$`\\]/.test(text)) return [];
  return [{
    title: `Quote the value: ${a.key}="${text}"`,
    edits: [{ range: { start: { line: a.line, character: start }, end: { line: a.line, character: start } }, newText: '"' }, { range: { start: { line: a.line, character: end }, end: { line: a.line, character: end } }, newText: '"' }],
    safe: true,
    preferred: true,
  }];
});
