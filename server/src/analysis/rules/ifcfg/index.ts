// Every ifcfg rule (one module each). Adding a rule = adding a module and a line here.
import type { IfcfgRule } from '../types';

import spacesAroundEquals from './spaces-around-equals';
import unquotedWhitespace from './unquoted-whitespace';
import slashComment from './slash-comment';
import unterminatedQuote from './unterminated-quote';
import shellExpansion from './shell-expansion';
import lineContinuation from './line-continuation';
import shellMetacharacter from './shell-metacharacter';
import exportPrefix from './export-prefix';
import invalidLine from './invalid-line';
import invalidKeyName from './invalid-key-name';
import duplicateKey from './duplicate-key';
import unknownKey from './unknown-key';
import booleanSpelling from './boolean-spelling';
import deviceNameMismatch from './device-name-mismatch';
import backupFile from './backup-file';
import bondMissingDevice from './bond-missing-device';
import bondNotRecognised from './bond-not-recognised';
import typeBonding from './type-bonding';
import bondTypeEthernet from './bond-type-ethernet';
import missingBondingMaster from './missing-bonding-master';
import bondMissingOpts from './bond-missing-opts';
import invalidBootproto from './invalid-bootproto';
import ipaddrNumberingGap from './ipaddr-numbering-gap';
import masterWithoutSlave from './master-without-slave';
import slaveWithoutMaster from './slave-without-master';
import memberIpConfig from './member-ip-config';
import memberHwaddr from './member-hwaddr';
import memberMacaddr from './member-macaddr';
import memberBridgeOrVlan from './member-bridge-or-vlan';
import invalidValue from './invalid-value';

export const IFCFG_RULES: readonly IfcfgRule[] = [
  spacesAroundEquals, unquotedWhitespace, slashComment, unterminatedQuote, shellExpansion, lineContinuation,
  shellMetacharacter, exportPrefix, invalidLine, invalidKeyName,
  // A4-A6: keys and values
  duplicateKey, unknownKey, booleanSpelling, invalidValue,
  // B: file name and DEVICE
  deviceNameMismatch, backupFile, bondMissingDevice,
  // C: the bond file
  bondNotRecognised, typeBonding, bondTypeEthernet, missingBondingMaster, bondMissingOpts, invalidBootproto,
  ipaddrNumberingGap,
  // D: member files
  masterWithoutSlave, slaveWithoutMaster, memberIpConfig, memberHwaddr, memberMacaddr, memberBridgeOrVlan,
];
