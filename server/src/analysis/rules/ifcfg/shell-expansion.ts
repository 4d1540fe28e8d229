import { syntaxRule } from './syntax-helper';

/** `$VAR`, `$(cmd)` or backticks: bash expands them, NetworkManager reads the value as empty. */
export default syntaxRule('expansion', {
  id: 'shell-expansion',
  severity: 'error',
  title: 'Variable or command expansion in a value',
  catalogue: ['A3'],
});
