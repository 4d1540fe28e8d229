import { modprobeSyntaxRule } from './syntax-helper';

export default modprobeSyntaxRule('deprecated-command', {
  id: 'modprobe-deprecated-command',
  severity: 'error',
  title: "'include' / 'config' are not supported by kmod",
});
