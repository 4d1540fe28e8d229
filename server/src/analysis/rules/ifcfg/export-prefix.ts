import { syntaxRule } from './syntax-helper';

/** `export KEY=value`: valid shell, invisible to NetworkManager. */
export default syntaxRule('export', {
  id: 'export-prefix',
  severity: 'warning',
  title: "'export' before an assignment",
  catalogue: ['A7'],
}, (f) => [{ title: "Remove 'export'", edits: [{ range: f.range, newText: '' }], safe: true, preferred: true }]);
