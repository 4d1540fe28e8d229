import { syntaxRule } from './syntax-helper';

export default syntaxRule('invalid-key', {
  id: 'invalid-key-name',
  severity: 'error',
  title: 'Key that is not a valid shell variable name',
});
