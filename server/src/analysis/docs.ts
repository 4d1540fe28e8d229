// Markdown documentation for keys, options, modes and commands, shared by hover and completion.
import { effectiveModes, getOption, type BondOption } from './kb/options';
import { MODES, type BondMode, type ModeName } from './kb/modes';
import type { IfcfgKey } from './kb/ifcfg-keys';
import type { ModprobeCommand } from './kb/modprobe';

export function modeDoc(m: BondMode): string {
  return [
    `**mode=${m.name}** (${m.number}) — ${m.title}`,
    '',
    m.behaviour,
    '',
    `| | |`,
    `|---|---|`,
    `| Switch | ${m.switchRequirements} |`,
    `| Fault tolerance | ${m.faultTolerance} |`,
    `| Load balancing | ${m.loadBalancing} |`,
    `| MAC addresses | ${m.macBehaviour} |`,
    `| Needs ethtool speed/duplex | ${m.needsEthtoolSpeed ? 'yes: member drivers must report speed and duplex' : 'no'} |`,
    `| Link monitoring | ${m.supportsArpMonitoring ? 'miimon or ARP (arp_interval + arp_ip_target)' : 'miimon only (ARP monitoring is refused)'}${m.forcesMiimon ? '; the kernel forces miimon=100 if none is set' : ''} |`,
    '',
    `**When to use it:** ${m.typicalUse}`,
  ].join('\n');
}

function range(o: BondOption): string | undefined {
  if (o.min === undefined && o.max === undefined) return undefined;
  return `${o.min ?? 0} – ${o.max ?? '∞'}${o.unit ? ` ${o.unit}` : ''}`;
}

export function optionDoc(o: BondOption, opts: { currentMode?: ModeName; moduleParam?: boolean } = {}): string {
  const lines = [`**${o.name}** — ${o.summary}`, '', o.description, ''];
  if (o.values?.length) {
    lines.push('Values:', '');
    for (const v of o.values) lines.push(`- \`${v.name}\` (${v.number})${v.description ? ` — ${v.description}` : ''}`);
    lines.push('');
  }
  const r = range(o);
  if (r) lines.push(`Range: ${r}${o.keywords?.length ? ` (also ${o.keywords.map((k) => `\`${k.name}\``).join(', ')} through sysfs)` : ''}  `);
  lines.push(`Default: ${o.default}  `);
  const effective = effectiveModes(o);
  if (effective.length && effective.length < MODES.length) lines.push(`Effective in: ${effective.join(', ')}  `);
  if (o.rejectedIn.length) lines.push(`Refused by the kernel in: ${o.rejectedIn.join(', ')}  `);
  if (opts.currentMode) {
    const effect = o.rejectedIn.includes(opts.currentMode) ? '⚠️ refused in this bond\'s mode' : effective.includes(opts.currentMode) ? 'effective in this bond\'s mode' : '⚠️ no effect in this bond\'s mode';
    lines.push(`This bond (${opts.currentMode}): ${effect}  `);
  }
  const where = [o.sysfs ? 'BONDING_OPTS (sysfs)' : undefined, o.moduleParam ? 'modprobe.d `options bonding`' : undefined].filter(Boolean).join(', ');
  if (where) lines.push(`Settable in: ${where}  `);
  if (o.requiresMiimon) lines.push('Needs miimon > 0 when written.  ');
  if (o.deprecated) lines.push('', `Deprecated: ${o.deprecated}`);
  return lines.join('\n').trimEnd();
}

export function valueDoc(o: BondOption, name: string): string | undefined {
  if (o.name === 'mode') {
    const m = MODES.find((x) => x.name === name);
    return m ? modeDoc(m) : undefined;
  }
  const v = o.values?.find((x) => x.name === name);
  if (!v) return undefined;
  return `**${o.name}=${v.name}** (${v.number})${v.description ? ` — ${v.description}` : ''}\n\n${o.summary}`;
}

export function keyDoc(k: IfcfgKey, shownName = k.name): string {
  const lines = [`**${shownName}** — ${k.summary}`, '', k.description];
  if (k.allowedValues?.length) lines.push('', `Values: ${k.allowedValues.map((v) => `\`${v}\``).join(', ')}`);
  if (k.min !== undefined || k.max !== undefined) lines.push('', `Range: ${k.min ?? ''} – ${k.max ?? ''}${k.unit ? ` ${k.unit}` : ''}`);
  if (k.default) lines.push('', `Default: ${k.default}`);
  const used = k.usedBy.map((u) => (u === 'nm' ? 'NetworkManager' : u)).join(', ');
  lines.push('', `Read by: ${used}`);
  if (k.deprecated) lines.push('', `Deprecated: ${k.deprecated}`);
  return lines.join('\n');
}

export function commandDoc(c: ModprobeCommand): string {
  const lines = [`**${c.name}** — \`${c.syntax}\``, '', c.summary, '', c.description];
  if (c.deprecated) lines.push('', `Deprecated: ${c.deprecated}`);
  return lines.join('\n');
}

export { getOption };
