import type { Range } from 'vscode-languageserver-types';
import type { IfcfgContext } from '../../context';
import type { Finding, IfcfgRule, RuleSeverity } from '../types';
import { Memo } from '../../memo';
import type { HostFacts, IfcfgEntry } from '../../workspace/model';
import { hostFacts, keyLocation } from './util';

type Key = 'DEVICE' | 'HWADDR' | 'IPADDR';

/** Files named in the message, and given as related information (a copied file can recur hundreds of times). */
const MAX_NAMED = 5;
const MAX_RELATED = 20;

/** The three values of a file, normalized once per file (an edit re-indexes the host, not re-reads it). */
const valuesOf = new Memo((c: IfcfgContext): Record<Key, string | undefined> => {
  const hw = c.get('HWADDR')?.value;
  return { DEVICE: c.deviceName || undefined, HWADDR: hw ? hw.toLowerCase().replace(/-/g, ':') : undefined, IPADDR: c.get('IPADDR')?.value || undefined };
});
function normalized(c: IfcfgContext, key: Key): string | undefined {
  return valuesOf.of(c)[key];
}

/**
 * The host's files by the normalized value of `key`, built once per host state (each file looking
 * through every other file made a host of 3 000 VLAN files take seconds).
 */
const indexes = new Memo((): Map<Key, Map<string, IfcfgEntry[]>> => new Map());
function indexOf(f: HostFacts, key: Key): Map<string, IfcfgEntry[]> {
  const byKey = indexes.of(f);
  let index = byKey.get(key);
  if (!index) {
    index = new Map();
    for (const e of f.ifcfg) {
      if (!e.readByInitscripts && !e.readByNm) continue;
      const v = normalized(e.ctx, key);
      if (v === undefined) continue;
      const list = index.get(v);
      if (list) list.push(e); else index.set(v, [e]);
    }
    byKey.set(key, index);
  }
  return index;
}

/** B3, D5: two files of one host that configure the same DEVICE / HWADDR / IPADDR. */
function duplicateRule(meta: { id: string; key: Key; severity: RuleSeverity; catalogue: string[]; title: string; why: string }): IfcfgRule {
  return {
    id: meta.id, language: 'ifcfg', severity: meta.severity, title: meta.title, catalogue: meta.catalogue,
    check(ctx) {
      const f = hostFacts(ctx);
      if (!f) return [];
      const me = f.byContext.get(ctx);
      if (!me || (!me.readByInitscripts && !me.readByNm)) return [];
      const mine = normalized(ctx, meta.key);
      if (!mine) return [];
      const same = indexOf(f, meta.key).get(mine);
      if (!same || same.length < 2) return [];
      // The other files a consumer reading this one also reads: the first MAX_RELATED of them, and
      // how many there are (no full scan per file: hundreds of copies would make it quadratic).
      const seenBy = (e: IfcfgEntry) => (e.readByInitscripts && me.readByInitscripts) || (e.readByNm && me.readByNm);
      const others: IfcfgEntry[] = [];
      let count = 0;
      for (const e of same) {
        if (e.ctx === ctx || !seenBy(e)) continue;
        if (others.length < MAX_RELATED) others.push(e);
        else if (me.readByInitscripts && me.readByNm) { count = same.length - 1; break; }
        count++;
      }
      if (!count) return [];
      const range: Range = keyLocation(ctx, meta.key);
      const names = others.slice(0, MAX_NAMED).map((o) => o.ctx.fileName).join(', ') + (count > MAX_NAMED ? ` and ${count - MAX_NAMED} more files` : '');
      const f1: Finding = {
        range,
        message: `${meta.key}=${mine} is also configured in ${names}: ${meta.why}`,
        related: others.slice(0, MAX_RELATED).map((o) => ({ location: { uri: o.ctx.uri, range: keyLocation(o.ctx, meta.key) }, message: `${o.ctx.fileName}: ${meta.key}=${mine}` })),
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
