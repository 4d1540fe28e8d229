import { firstLineRange } from '../../text';
import { pathOfUri } from '../../workspace/model';
import type { ModprobeRule } from '../types';
import { kmodSkips } from './bonding-load';

/**
 * A modprobe.d file that kmod never reads: its name starts with a dot, or a file of the same name in a
 * directory kmod reads first (/etc/modprobe.d before /run, /usr/local/lib, /usr/lib, /lib) hides it.
 */
const rule: ModprobeRule = {
  id: 'modprobe-hidden-file',
  language: 'modprobe',
  severity: 'warning',
  title: 'modprobe.d file that kmod never reads',
  check(ctx) {
    const skip = kmodSkips(ctx);
    if (!skip) return [];
    if (skip.reason === 'dot') {
      const name = ctx.fileName;
      return [{
        range: firstLineRange(ctx),
        message: `Nothing in this file takes effect: kmod skips files in modprobe.d whose name starts with a dot. Rename it to ${name.slice(1) || 'bonding.conf'} if its lines are meant to apply.`,
      }];
    }
    const by = pathOfUri(skip.by.uri);
    const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
    return [{
      range: firstLineRange(ctx),
      message: `Nothing in this file takes effect: ${skip.by.fileName} in ${dirOf(by)} has the same name, and kmod reads only that one (a file in a directory it reads first hides a same-named file in the others). Put these lines in that file, or give this file a name of its own.`,
      related: [{ location: { uri: skip.by.uri, range: firstLineRange(skip.by) }, message: `${by}: the file kmod reads instead` }],
    }];
  },
};
export default rule;
