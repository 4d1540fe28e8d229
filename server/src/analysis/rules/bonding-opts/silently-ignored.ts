import { noteRule } from './util';

/** Values the kernel or initscripts read only partly, or not at all, without an error. */
export default noteRule({
  id: 'bonding-opts-silently-ignored',
  title: 'Part of an option is silently ignored',
  catalogue: ['E6'],
  kinds: ['ignored-text', 'echo-flag', 'grep-skip', 'no-op', 'path-key'],
});
