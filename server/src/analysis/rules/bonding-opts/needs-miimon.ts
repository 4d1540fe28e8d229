import { rejectionRule } from './util';

/** E10: updelay/downdelay/peer_notif_delay written while miimon is 0. */
export default rejectionRule({
  id: 'bonding-opts-needs-miimon',
  title: 'Delay option without MII monitoring',
  catalogue: ['E10'],
  causes: ['needs-miimon'],
  message: (v) => `The kernel refuses '${v.token.text}': ${v.reason}. Set miimon (for example miimon=100) and keep arp_interval out, or drop the delay.`,
});
