import { noteRule } from './util';

/** slaves=+ethX inside BONDING_OPTS: members are enslaved by their own files. */
export default noteRule({
  id: 'bonding-opts-slaves',
  title: 'Members enslaved from BONDING_OPTS',
  catalogue: ['E15'],
  kinds: ['enslave'],
});
