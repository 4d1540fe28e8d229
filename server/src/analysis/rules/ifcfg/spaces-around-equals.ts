import { syntaxRule } from './syntax-helper';

/** `KEY = value`: bash runs KEY as a command, NetworkManager ignores the line. */
export default syntaxRule('spaces-around-equals', {
  id: 'spaces-around-equals',
  severity: 'error',
  title: "Spaces around '=' in an assignment",
  catalogue: ['A1'],
}, (f, ctx) => {
  const line = ctx.file.text.lines[f.range.start.line].text;
  const seg = line.slice(f.range.start.character, f.range.end.character);
  if (!/^[ \t]*=[ \t]*$/.test(seg)) return [];
  return [{ title: "Remove the spaces around '='", edits: [{ range: f.range, newText: '=' }], safe: true, preferred: true }];
});
