import { syntaxRule } from './syntax-helper';

export default syntaxRule('line-continuation', {
  id: 'line-continuation',
  severity: 'error',
  title: 'Backslash line continuation',
  catalogue: ['A3'],
});
