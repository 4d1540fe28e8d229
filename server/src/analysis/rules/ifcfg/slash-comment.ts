import { syntaxRule } from './syntax-helper';

/** `NM_CONTROLLED=no   //comment`: '//' is not a comment in shell. */
export default syntaxRule('slash-comment', {
  id: 'slash-comment',
  severity: 'error',
  title: "'//' used as a comment",
  catalogue: ['A2', 'A3'],
}, (f, ctx) => {
  const line = ctx.file.text.lines[f.range.start.line].text;
  const at = line.indexOf('//', f.range.start.character);
  if (at < 0) return [];
  return [{ title: "Turn '//' into a '#' comment", edits: [{ range: { start: { line: f.range.start.line, character: at }, end: { line: f.range.start.line, character: at + 2 } }, newText: '#' }], safe: true, preferred: true }];
});
