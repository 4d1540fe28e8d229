import { syntaxRule } from './syntax-helper';

export default syntaxRule('metacharacter', {
  id: 'shell-metacharacter',
  severity: 'error',
  title: 'Unquoted shell operator in a value',
  catalogue: ['A3'],
});
