import { modprobeSyntaxRule } from './syntax-helper';

/** `options bonding mode=4\` + `miimon=100` → `mode=4miimon=100`. */
export default modprobeSyntaxRule('continuation-join', {
  id: 'modprobe-continuation-join',
  severity: 'error',
  catalogue: ['F9'],
  title: 'Line continuation glues two words together',
}, (f) => [{
  title: 'Insert a space before the backslash', edits: [{ range: { start: f.range.start, end: f.range.start }, newText: ' ' }], safe: true, preferred: true }]);
