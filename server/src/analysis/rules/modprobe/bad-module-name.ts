import { modprobeSyntaxRule } from './syntax-helper';

export default modprobeSyntaxRule('bad-module-name', {
  id: 'modprobe-bad-module-name',
  severity: 'error',
  title: "Unbalanced '[' or ']' in a module name",
});
