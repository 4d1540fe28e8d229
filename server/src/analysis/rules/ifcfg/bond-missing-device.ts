import { interfaceNameProblem } from '../../kb';
import type { IfcfgRule } from '../types';
import { addKeyEdit, anchor, assignmentRange, effective, fileSuffix, hasValue, isNmBond, replaceValue } from './util';
import { backupName } from '../../ifcfg/backup-names';

/** B4: NetworkManager refuses a bond profile without DEVICE ("mandatory DEVICE keyword missing"). */
const rule: IfcfgRule = {
  id: 'bond-missing-device',
  language: 'ifcfg',
  severity: 'error',
  title: 'Bond file without DEVICE',
  catalogue: ['B4'],
  check(ctx) {
    if (ctx.role !== 'bond' || !isNmBond(ctx)) return [];
    const dev = effective(ctx, 'DEVICE');
    if (dev && !dev.valueOk) return [];
    if (hasValue(dev)) return [];
    const suffix = fileSuffix(ctx);
    const name = suffix && !interfaceNameProblem(suffix) && !backupName(ctx.fileName) ? suffix : undefined;
    return [{
      range: dev ? assignmentRange(dev) : anchor(ctx, ['TYPE', 'BONDING_MASTER', 'BONDING_OPTS']),
      message: `${dev ? 'DEVICE is empty' : 'This bond has no DEVICE'}: NetworkManager rejects the profile ("mandatory DEVICE keyword missing"), while initscripts falls back to the file name${suffix ? ` (${suffix})` : ''}. Add DEVICE=${name ?? '<bond name>'}.`,
      data: name ? { device: name } : undefined,
    }];
  },
  fix(f, ctx) {
    const d = f.data?.device;
    if (typeof d !== 'string') return [];
    const dev = effective(ctx, 'DEVICE');
    const edit = dev ? replaceValue(ctx, dev, d) : addKeyEdit(ctx, `DEVICE=${d}`, []);
    return [{ title: `Set DEVICE=${d}`, edits: [edit], safe: true, preferred: true }];
  },
};
export default rule;
