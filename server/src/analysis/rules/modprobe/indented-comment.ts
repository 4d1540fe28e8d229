import { modprobeSyntaxRule } from './syntax-helper';

export default modprobeSyntaxRule('indented-comment', {
  id: 'modprobe-indented-comment',
  severity: 'info',
  title: "Indented '#' is not a comment in modprobe.d",
  catalogue: ['F8'],
}, (f, ctx) => {
  const l = ctx.file.text.lines[f.range.start.line];
  const hash = l.text.indexOf('#');
  if (hash <= 0 || f.range.start.line !== f.range.end.line) return [];
  return [{ title: "Move '#' to the first column", edits: [{ range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: hash } }, newText: '' }], safe: true, preferred: true }];
});
