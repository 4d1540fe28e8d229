import type { Range } from 'vscode-languageserver-types';
import type { IfcfgContext } from '../../context';
import type { Finding, IfcfgRule, RuleSeverity } from '../types';
import { hostFacts, keyLocation } from './util';

/** B3, D5: two files of one host that configure the same DEVICE / HWADDR / IPADDR. */
function duplicateRule(meta: { id: string; key: 'DEVICE' | 'HWADDR' | 'IPADDR'; severity: RuleSeverity; catalogue: string[]; title: string; why: string }): IfcfgRule {
  return {
    id: meta.id, language: 'ifcfg', severity: meta.severity, title: meta.title, catalogue: meta.catalogue,
    check(ctx) {
      const f = hostFacts(ctx);
      if (!f) return [];
      const me = f.ifcfg.find((e) => e.ctx === ctx);
      if (!me || (!me.readByInitscripts && !me.readByNm)) return [];
      const norm = (c: IfcfgContext) => {
        const v = meta.key === 'DEVICE' ? c.deviceName : c.get(meta.key)?.value;
        return v ? (meta.key === 'HWADDR' ? v.toLowerCase().replace(/-/g, ':') : v) : undefined;
      };
      const mine = norm(ctx);
      if (!mine) return [];
      const others = f.ifcfg.filter((e) => e.ctx !== ctx && (e.readByInitscripts && me.readByInitscripts || e.readByNm && me.readByNm) && norm(e.ctx) === mine);
      if (!others.length) return [];
      const range: Range = keyLocation(ctx, meta.key);
      const f1: Finding = {
        range,
        message: `${meta.key}=${mine} is also configured in ${others.map((o) => o.ctx.fileName).join(', ')}: ${meta.why}`,
        related: others.map((o) => ({ location: { uri: o.ctx.uri, range: keyLocation(o.ctx, meta.key) }, message: `${o.ctx.fileName}: ${meta.key}=${mine}` })),
      };
      return [f1];
    },
  };
}

export const duplicateDevice = duplicateRule({
  id: 'duplicate-device', key: 'DEVICE', severity: 'error', catalogue: ['B3'], title: 'Two files configure the same device',
  why: 'the network service may bring the device up twice with different settings, and NetworkManager creates two profiles for it (NM_CONTROLLED=no in either makes it unmanaged). Keep one file per device.',
});
export const duplicateHwaddr = duplicateRule({
  id: 'duplicate-hwaddr', key: 'HWADDR', severity: 'error', catalogue: ['D5'], title: 'Two files match the same MAC address',
  why: 'both profiles match the same NIC, so which one applies depends on the order files are read. Each HWADDR must be the permanent MAC of one NIC.',
});
export const duplicateIpaddr = duplicateRule({
  id: 'duplicate-ipaddr', key: 'IPADDR', severity: 'warning', catalogue: ['B3'], title: 'Two files use the same IP address',
  why: 'the same address on two interfaces of one host answers ARP from both and breaks routing. Usually a copied file that was not fully edited.',
});
