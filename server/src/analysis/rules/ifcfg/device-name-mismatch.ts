import { interfaceNameProblem } from '../../kb';
import type { IfcfgRule } from '../types';
import { backupName } from '../../ifcfg/backup-names';
import { effective, fileSuffix, hasValue, nmValue, replaceValue, valueRange } from './util';

/** How NetworkManager turns a profile name into a file name (characters outside a safe set become '_'). */
function nmFileNameOf(name: string): string {
  return name.replace(/[^A-Za-z0-9._:@+-]/g, '_');
}

/** B1 (this file's part): `ifcfg-bond0` with `DEVICE=bond1`. */
const rule: IfcfgRule = {
  id: 'device-name-mismatch',
  language: 'ifcfg',
  severity: 'warning',
  title: 'DEVICE does not match the file name',
  catalogue: ['B1'],
  check(ctx) {
    const suffix = fileSuffix(ctx);
    const dev = effective(ctx, 'DEVICE');
    if (!suffix || !hasValue(dev) || dev.value === suffix) return [];
    // Alias files (ifcfg-eth0:1), range files and backups follow other rules.
    if (suffix.includes(':') || suffix.endsWith('-range') || backupName(ctx.fileName, dev.value)) return [];
    const name = nmValue(effective(ctx, 'NAME'));
    if (name && nmFileNameOf(name) === suffix) {
      return [{
        range: valueRange(dev),
        severity: 'info',
        message: `This file is named after its profile (NAME="${name}"), as NetworkManager writes them, and configures ${dev.value}. NetworkManager does not mind, but 'ifup ${dev.value}' under initscripts only finds it by searching every file for DEVICE=${dev.value}, and bonding.rst expects ifcfg-${dev.value}.`,
      }];
    }
    const fixable = !interfaceNameProblem(suffix);
    return [{
      range: valueRange(dev),
      message: `The file is ${ctx.fileName} but DEVICE=${dev.value}: initscripts and NetworkManager both apply it to ${dev.value} ('ifup ${suffix}' finds this file and brings up ${dev.value}), so it does not configure ${suffix}, and tools and people disagree about which file is which. Set DEVICE=${suffix} or rename the file to ifcfg-${dev.value}.`,
      data: fixable ? { device: suffix } : undefined,
    }];
  },
  fix(f, ctx) {
    const d = f.data?.device;
    const dev = effective(ctx, 'DEVICE');
    if (typeof d !== 'string' || !dev) return [];
    return [{ title: `Set DEVICE=${d} (the file name's suffix)`, edits: [replaceValue(ctx, dev, d)], preferred: true }];
  },
};
export default rule;
