// Which ifcfg-* file names are backup copies, and which consumer still reads them.
// initscripts (etc/rc.d/init.d/functions is_ignored_file, case-sensitive): ~ .bak .old .orig .rpmnew
// .rpmorig .rpmsave. NetworkManager (nms-ifcfg-rh-utils.c utils_should_ignore_file, letter case
// ignored): .bak ~ .orig .rej .rpmnew .augnew .augtmp and rpm's temporary ';xxxxxxxx' names.

export interface BackupName {
  /** The backup part of the name as written ('.bak', '~', '-backup', ';1a2b3c4d', '.20240101'). */
  tag: string;
  /** The file name without the tag. */
  stem: string;
  initscriptsReads: boolean;
  nmReads: boolean;
}

const INIT_SKIPS = ['~', '.bak', '.old', '.orig', '.rpmnew', '.rpmorig', '.rpmsave'];
const NM_SKIPS = ['.bak', '~', '.orig', '.rej', '.rpmnew', '.augnew', '.augtmp'];
const RPM_TEMP = /;[0-9a-fA-F]{8}$/;
/** Names people give backups that neither consumer skips (after a dot: not a VLAN id, which has at most 4 digits). */
const DOT_BACKUP = /\.(?:save|sav|copy|backup|bkp|back|bak[0-9]+|old[0-9]+|orig[0-9]+|prev|previous|disabled?|tmp|temp|new|keep|[0-9]{6,}|[0-9]{4}-[0-9]{2}-[0-9]{2}|bak|old|orig|rpmnew|rpmorig|rpmsave|rej|augnew|augtmp)$/i;
/** The same after '-', '_' or a blank: only a backup when DEVICE names the stem (ifcfg-br-backup can be a real bridge). */
const SEP_BACKUP = /[-_](?:save|sav|copy|backup|bkp|back|bak|old|orig|prev|previous|disabled?|tmp|temp|[0-9]{6,}|[0-9]{4}-[0-9]{2}-[0-9]{2})$/i;
/** What file managers call copies: `ifcfg-eth0 (copy)`, `ifcfg-eth0 (2)`, `ifcfg-eth0 copy`. */
const FILE_MANAGER_COPY = /\s+(?:\((?:copy|[0-9]{1,3})\)|copy(?:\s+[0-9]+)?)$/i;

function endsWithCs(name: string, tags: readonly string[]): string | undefined {
  return tags.find((t) => name.length > t.length && name.endsWith(t));
}

function endsWithCi(name: string, tags: readonly string[]): string | undefined {
  const l = name.toLowerCase();
  return tags.find((t) => l.length > t.length && l.endsWith(t));
}

/**
 * Classifies an ifcfg file name (without directory). `device` is the file's DEVICE value, used to
 * decide ambiguous names such as `ifcfg-bond0-old` (a backup only when DEVICE=bond0).
 */
export function backupName(fileName: string, device?: string): BackupName | undefined {
  if (!fileName.startsWith('ifcfg-')) return undefined;
  const initTag = endsWithCs(fileName, INIT_SKIPS);
  const nmTag = endsWithCi(fileName, NM_SKIPS) ?? (RPM_TEMP.test(fileName) ? ';' : undefined);
  let tag: string | undefined;
  if (initTag || nmTag) {
    const t = nmTag === ';' ? fileName.slice(fileName.lastIndexOf(';')) : (initTag ?? nmTag)!;
    tag = fileName.slice(fileName.length - t.length);
  } else {
    const m = DOT_BACKUP.exec(fileName) ?? FILE_MANAGER_COPY.exec(fileName);
    if (m) tag = m[0];
    else {
      const s = SEP_BACKUP.exec(fileName);
      if (s && device !== undefined && 'ifcfg-' + device === fileName.slice(0, fileName.length - s[0].length)) tag = s[0];
    }
  }
  if (!tag) return undefined;
  const stem = fileName.slice(0, fileName.length - tag.length);
  if (stem.length <= 'ifcfg-'.length) return undefined;
  return { tag, stem, initscriptsReads: !initTag, nmReads: !nmTag };
}
