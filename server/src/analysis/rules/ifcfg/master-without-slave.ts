import type { IfcfgRule } from '../types';
import { boolOf, effective, hasValue, insertLineAfter, replaceValue } from './util';

/** D2: MASTER= without SLAVE=yes — NetworkManager enslaves it, initscripts configures it as a plain NIC. */
const rule: IfcfgRule = {
  id: 'master-without-slave',
  language: 'ifcfg',
  severity: 'error',
  title: 'MASTER= without SLAVE=yes',
  catalogue: ['D2'],
  check(ctx) {
    const m = effective(ctx, 'MASTER');
    if (!hasValue(m)) return [];
    const s = effective(ctx, 'SLAVE');
    if (s && !s.valueOk) return [];
    if (boolOf(s, 'initscripts') === true) return [];
    return [{
      range: m.keyRange,
      message: `MASTER=${m.value} without ${s ? `SLAVE=yes (SLAVE is '${s.value}')` : 'SLAVE=yes'}: NetworkManager makes ${ctx.deviceName} a port of ${m.value} anyway, but initscripts needs both keys and otherwise brings ${ctx.deviceName} up as an ordinary interface, outside the bond. Add SLAVE=yes.`,
    }];
  },
  fix(f, ctx) {
    const m = effective(ctx, 'MASTER');
    if (!m) return [];
    const s = effective(ctx, 'SLAVE');
    const edit = s ? replaceValue(ctx, s, 'yes') : insertLineAfter(ctx, m.line, 'SLAVE=yes');
    return [{ title: 'Set SLAVE=yes', edits: [edit], safe: true, preferred: true }];
  },
};
export default rule;
