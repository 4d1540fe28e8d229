import type { IfcfgRule } from '../types';
import { backupName } from '../../ifcfg/backup-names';
import { effective, firstLineRange, nmValue } from './util';

/** B2 (this file's part): a backup copy left in network-scripts, and which consumer still reads it. */
const rule: IfcfgRule = {
  id: 'backup-file',
  language: 'ifcfg',
  severity: 'warning',
  title: 'Backup copy of an ifcfg file in network-scripts',
  catalogue: ['B2'],
  check(ctx) {
    const dev = effective(ctx, 'DEVICE');
    const b = backupName(ctx.fileName, dev ? nmValue(dev) : undefined);
    if (!b) return [];
    const move = ` Move backups out of /etc/sysconfig/network-scripts (e.g. to /root).`;
    let message: string;
    if (!b.initscriptsReads && !b.nmReads) {
      message = `${ctx.fileName} is a backup copy: initscripts and NetworkManager both skip names ending in '${b.tag}', so nothing here takes effect — edits made to this file are silently lost, and the copy comes back to life if it is ever renamed.` + move;
    } else if (!b.initscriptsReads) {
      message = `initscripts skips names ending in '${b.tag}', but NetworkManager does not: it loads ${ctx.fileName} as an extra connection profile next to ${b.stem}, usually for the same device.` + move;
    } else if (!b.nmReads) {
      message = `NetworkManager skips names ending in '${b.tag}', but initscripts does not: the network service brings up ${ctx.fileName} as one more interface configuration next to ${b.stem}.` + move;
    } else {
      message = `'${b.tag}' is not a suffix initscripts or NetworkManager skip: both read ${ctx.fileName} as one more interface configuration next to ${b.stem}, usually for the same device.` + move;
    }
    return [{ range: firstLineRange(ctx), message, data: { tag: b.tag } }];
  },
};
export default rule;
