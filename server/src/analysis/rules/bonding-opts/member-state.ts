import { rejectionRule } from './util';

/** active_slave / queue_id / slaves / fail_over_mac… that depend on which members exist when the options are written. */
export default rejectionRule({
  id: 'bonding-opts-member-state',
  title: 'Option that cannot work when BONDING_OPTS is applied (no members yet)',
  causes: ['member-state', 'has-members'],
  message: (v) => `The kernel rejects '${v.token.text}': ${v.reason}.`,
});
