// Builds the `bonding/topology` answer from the workspace model.
import * as path from 'path';
import type { HostModel, WorkspaceModel } from './analysis';
import type { TopologyHost, TopologyResult } from './protocol';
import { pathToUri } from './workspace-index';

export function topology(model: WorkspaceModel, folders: string[], uri?: string): TopologyResult {
  const only = uri ? model.hostOf(uri) : undefined;
  return topologyOf(model.hosts(), folders, only && ((h) => h === only));
}

/** The topology of the hosts `filter` keeps (all of them without one). */
export function topologyOf(all: Iterable<HostModel>, folders: string[], filter?: (h: HostModel) => boolean): TopologyResult {
  const hosts: TopologyHost[] = [];
  for (const h of all) {
    if (filter && !filter(h)) continue;
    const f = h.facts;
    if (!f.ifcfg.length) continue;
    const folder = folders.find((x) => h.root === x || h.root.startsWith(x + path.sep));
    const name = folder ? path.relative(path.dirname(folder), h.root) || path.basename(h.root) : h.root;
    const memberDevices = new Set<string>();
    const bonds = [...f.bonds.values()].map((b) => {
      const st = b.entry.ctx.opts?.sim.state;
      const mode = st?.mode ?? 'balance-rr';
      const monitoring = !st ? 'none' : st.arpInterval > 0 ? `ARP ${st.arpInterval} ms${st.arpTargets.length ? ` → ${st.arpTargets.join(', ')}` : ''}` : st.miimon > 0 ? `miimon ${st.miimon} ms` : 'none';
      for (const m of b.members) memberDevices.add(m.device);
      return {
        device: b.device,
        uri: b.entry.ctx.uri,
        line: b.deviceAssignment?.line ?? 0,
        mode,
        monitoring,
        primary: st?.primary || undefined,
        members: b.members.map((m) => ({ device: m.device, uri: m.entry.ctx.uri, line: m.entry.ctx.get('DEVICE')?.line ?? 0 })),
      };
    }).sort((a, b) => a.device.localeCompare(b.device));
    const interfaces = f.ifcfg
      .filter((e) => e.readByInitscripts && e.readByNm && e.ctx.role !== 'bond' && !memberDevices.has(e.ctx.deviceName) && e.ctx.deviceName !== 'lo')
      .map((e) => ({ device: e.ctx.deviceName, uri: e.ctx.uri }))
      .sort((a, b) => a.device.localeCompare(b.device));
    hosts.push({ root: pathToUri(h.root), name, bonds, interfaces });
  }
  hosts.sort((a, b) => a.name.localeCompare(b.name));
  return { hosts };
}
