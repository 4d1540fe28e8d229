import { syntaxRule } from './syntax-helper';

/** `BONDING_OPTS=mode=1 miimon=100`: only the first word is assigned. */
export default syntaxRule('unquoted-whitespace', {
  id: 'unquoted-whitespace',
  severity: 'error',
  title: 'Unquoted whitespace inside a value',
  catalogue: ['A2'],
});
