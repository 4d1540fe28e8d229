import { modprobeSyntaxRule } from './syntax-helper';

export default modprobeSyntaxRule('missing-argument', {
  id: 'modprobe-missing-argument',
  severity: 'error',
  catalogue: ['F12'],
  title: 'modprobe.d command without its required arguments',
});
