import { syntaxRule } from './syntax-helper';

export default syntaxRule('invalid-line', {
  id: 'invalid-line',
  severity: 'error',
  title: 'Line that is neither an assignment nor a comment',
  catalogue: ['A7'],
});
