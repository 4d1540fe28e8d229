import type { Range } from 'vscode-languageserver-types';
import { pathOfUri } from '../../workspace/model';
import type { ModprobeRule } from '../types';
import { configDirRank, kmodReadOrder, kmodReadsName } from './kmod-order';

/** The first line of a file (where a whole-file finding goes). */
function firstLine(ctx: { file: { text: { lines: readonly { text: string }[] } } }): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: ctx.file.text.lines[0]?.text.length ?? 0 } };
}

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
    const path = pathOfUri(ctx.uri).replace(/\\/g, '/');
    const slash = path.lastIndexOf('/');
    if (configDirRank(path.slice(0, Math.max(slash, 0))) === undefined) return [];
    if (!kmodReadsName(path.slice(slash + 1))) {
      return [{
        range: firstLine(ctx),
        message: `Nothing in this file takes effect: kmod skips files in modprobe.d whose name starts with a dot. Rename it to ${path.slice(slash + 2) || 'bonding.conf'} if its lines are meant to apply.`,
      }];
    }
    const others = ctx.host?.facts.modprobe;
    if (!others || others.length < 2) return [];
    const hidden = kmodReadOrder(others, (x) => pathOfUri(x.uri)).hidden.find((h) => h.item === ctx);
    if (!hidden) return [];
    const by = pathOfUri(hidden.by.uri);
    const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
    return [{
      range: firstLine(ctx),
      message: `Nothing in this file takes effect: ${hidden.by.fileName} in ${dirOf(by)} has the same name, and kmod reads only that one (a file in a directory it reads first hides a same-named file in the others). Put these lines in that file, or give this file a name of its own.`,
      related: [{ location: { uri: hidden.by.uri, range: firstLine(hidden.by) }, message: `${by}: the file kmod reads instead` }],
    }];
  },
};
export default rule;
