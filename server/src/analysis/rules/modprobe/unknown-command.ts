import { modprobeSyntaxRule } from './syntax-helper';

export default modprobeSyntaxRule('unknown-command', {
  id: 'modprobe-unknown-command',
  severity: 'error',
  title: 'Unknown modprobe.d command',
  catalogue: ['F12'],
});
