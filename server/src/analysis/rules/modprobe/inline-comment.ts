import { modprobeSyntaxRule } from './syntax-helper';

/** `options bonding mode=4 # LACP`: modprobe.d has no inline comments. */
export default modprobeSyntaxRule('inline-comment', {
  id: 'modprobe-inline-comment',
  severity: 'warning',
  title: 'Inline comment passed to the module as parameters',
  catalogue: ['F7'],
});
