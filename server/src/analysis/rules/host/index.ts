// Cross-file rules: they need the file's host (ctx.host) and stay silent without it.
import type { Rule } from '../types';
import masterMissingBond from './master-missing-bond';
import bondWithoutMembers from './bond-without-members';
import primaryNotMember from './primary-not-member';
import nmControlledMismatch from './nm-controlled-mismatch';
import onbootMismatch from './onboot-mismatch';
import { duplicateDevice, duplicateHwaddr, duplicateIpaddr } from './duplicates';
import lacpSpeedMismatch from './lacp-speed-mismatch';
import { perBondOptionsInModprobe, conflictsWithBondingOpts, maxBondsWithIfcfg } from './modprobe-vs-ifcfg';

export const HOST_RULES: readonly Rule[] = [
  masterMissingBond, bondWithoutMembers, primaryNotMember, nmControlledMismatch, onbootMismatch,
  duplicateDevice, duplicateHwaddr, duplicateIpaddr, lacpSpeedMismatch,
  perBondOptionsInModprobe, conflictsWithBondingOpts, maxBondsWithIfcfg,
];
