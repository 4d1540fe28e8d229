import { OPTION_NAMES } from '../../kb/options';
import { rejectionRule, replaceIn, suggestOption, tokenOf } from './util';

/** E1: `lacp-rate=fast`, `arp_ip_targets=…`: no such bonding option. */
export default rejectionRule({
  id: 'bonding-opts-unknown-option',
  title: 'Unknown bonding option in BONDING_OPTS',
  catalogue: ['E1'],
  causes: ['unknown-option', 'path'],
  message: (v) => {
    const guess = suggestOption(v.token.key, OPTION_NAMES);
    return `'${v.token.key}' is not a bonding option: initscripts' write to /sys/class/net/<bond>/bonding/${v.token.key} fails and NetworkManager drops it, so the setting never applies.${guess ? ` Did you mean '${guess}'?` : ''}`;
  },
  fix: (f, ctx) => {
    const t = tokenOf(ctx, f);
    const guess = t && suggestOption(t.key, OPTION_NAMES);
    const e = t && guess && replaceIn(ctx, t.keyRange, t.key, guess);
    return e ? [{ title: `Change to '${guess}'`, edits: [e], preferred: true }] : [];
  },
});
