import { syntaxRule } from './syntax-helper';

export default syntaxRule('unterminated-quote', {
  id: 'unterminated-quote',
  severity: 'error',
  title: 'Quote opened but not closed on the same line',
  catalogue: ['A3'],
});
