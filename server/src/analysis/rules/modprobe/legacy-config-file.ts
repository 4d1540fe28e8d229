import type { ModprobeRule } from '../types';
import { withoutQueryAndFragment } from '../../text';

/** The directory part of a document URI, decoded ("" when there is none). */
function parentDir(uri: string): string {
  const path = withoutQueryAndFragment(uri).replace(/\\/g, '/');
  const parts = path.split('/');
  let dir = parts.length >= 2 ? parts[parts.length - 2] : '';
  try { dir = decodeURIComponent(dir); } catch { /* keep as is */ }
  return dir;
}

/** F10: /etc/modprobe.conf is not read by kmod. */
const rule: ModprobeRule = {
  id: 'modprobe-legacy-config-file',
  language: 'modprobe',
  severity: 'warning',
  title: 'modprobe.conf is not read by kmod',
  catalogue: ['F10'],
  check(ctx) {
    if (ctx.fileName !== 'modprobe.conf' || parentDir(ctx.uri) === 'modprobe.d') return [];
    const first = ctx.file.statements[0];
    if (!first) return [];
    return [{
      range: first.range,
      message: 'Nothing in this file takes effect: current modprobe (kmod) does not read /etc/modprobe.conf, only *.conf files in /etc/modprobe.d, /run/modprobe.d and /usr/lib/modprobe.d (it was the file of the old module-init-tools). Move these lines to a file such as /etc/modprobe.d/bonding.conf — and for bonds, prefer per-bond settings in BONDING_OPTS over module options.',
    }];
  },
};
export default rule;
