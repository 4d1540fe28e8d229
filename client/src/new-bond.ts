// Bonding: New Bond… — asks for name, mode, members and addressing, then writes the bond's ifcfg
// file, new member files and minimal edits to existing member files as ONE workspace edit (one undo).
// The file texts and edits come from the pure template module; the host's interfaces come from the
// server's topology (or, when the server cannot answer, from the ifcfg files in the target folder).
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ifcfgRole, isYes } from '../../server/src/analysis/context';
import { parseIfcfg } from '../../server/src/analysis/ifcfg/parser';
import { backupName } from '../../server/src/analysis/ifcfg/backup-names';
import { MODES, modeByName, type ModeName } from '../../server/src/analysis/kb';
import {
  bondSpecProblems, deviceNameProblem, firstFreeBondName, ifcfgFileName, memberEdits, memberFileText, bondFileText,
  modeUsesLacpRate, modeUsesPrimary, modeUsesXmitHash, optionChoices, parseAddressWithPrefix,
  type BondSpec, type Ipv4Spec, type YesNo,
} from '../../server/src/analysis/templates';
import { isIPv4 } from '../../server/src/analysis/rules/ifcfg/values';
import { fetchTopology } from './topology';

/** Arguments for a run without prompts (anything left out is asked for). */
export interface NewBondArgs {
  /** Target folder (path or URI string, or a Uri): the network-scripts directory. */
  folder?: string | vscode.Uri;
  name?: string;
  mode?: ModeName;
  members?: string[];
  ipv4?: Ipv4Spec;
  miimon?: number;
  primary?: string;
  lacpRate?: string;
  xmitHashPolicy?: string;
  nmControlled?: YesNo;
  /** Open the new bond file afterwards (default: only when something was asked interactively). */
  open?: boolean;
}

export interface NewBondResult {
  bond: vscode.Uri;
  created: vscode.Uri[];
  edited: vscode.Uri[];
  /** Where the host's interfaces came from: the server's topology, or the folder on disk (fallback). */
  interfacesFrom: 'server' | 'disk';
}

interface Candidate {
  device: string;
  /** Existing ifcfg file of the interface. */
  uri?: vscode.Uri;
  detail?: string;
}

interface Inventory {
  /** Device names (and ifcfg file suffixes) already present on the host. */
  taken: Set<string>;
  bonds: Set<string>;
  /** Member device -> its bond. */
  memberOf: Map<string, string>;
  candidates: Candidate[];
  nmControlled: YesNo;
  source: 'server' | 'disk';
}

class Cancelled extends Error {}

let shownPrompt: string | undefined;
/** Title of the New Bond prompt on screen (for tests that drive the prompts through commands). */
export function currentNewBondPrompt(): string | undefined {
  return shownPrompt;
}

async function prompting<T>(title: string, show: () => Thenable<T>): Promise<T> {
  shownPrompt = title;
  try { return await show(); } finally { if (shownPrompt === title) shownPrompt = undefined; }
}

function asFolderUri(f: string | vscode.Uri): vscode.Uri {
  if (typeof f !== 'string') return f;
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(f) ? vscode.Uri.parse(f) : vscode.Uri.file(f);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

function isUnder(child: vscode.Uri, parent: vscode.Uri): boolean {
  const c = child.fsPath, p = parent.fsPath;
  return c === p || c.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
}

/** The folder of the active ifcfg editor, or a picked network-scripts directory of the workspace. */
async function targetFolder(): Promise<vscode.Uri> {
  const ed = vscode.window.activeTextEditor?.document;
  if (ed && ed.languageId === 'ifcfg' && ed.uri.scheme === 'file') return vscode.Uri.joinPath(ed.uri, '..');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) throw new Error('Open a folder (a host tree with etc/sysconfig/network-scripts) first.');
  const seen = new Map<string, vscode.Uri>();
  for (const f of folders) {
    const u = vscode.Uri.joinPath(f.uri, 'etc', 'sysconfig', 'network-scripts');
    seen.set(u.toString(), u);
  }
  const found = await vscode.workspace.findFiles('**/network-scripts/ifcfg-*', '**/{node_modules,.git}/**', 500);
  for (const f of found) {
    const d = vscode.Uri.joinPath(f, '..');
    seen.set(d.toString(), d);
  }
  const dirs = [...seen.values()];
  const withFiles = new Set(found.map((f) => vscode.Uri.joinPath(f, '..').toString()));
  // Prefer directories that already hold ifcfg files when the workspace root itself has none.
  const useful = dirs.filter((d) => withFiles.has(d.toString()));
  const choices = useful.length ? [...useful, ...dirs.filter((d) => !withFiles.has(d.toString()))] : dirs;
  if (choices.length === 1) return choices[0];
  const pick = await prompting('New Bond: folder', () => vscode.window.showQuickPick(choices.map((d) => ({
    label: vscode.workspace.asRelativePath(d, folders.length > 1),
    description: withFiles.has(d.toString()) ? undefined : 'no ifcfg files yet',
    uri: d,
  })), { title: 'New Bond: where should the ifcfg files go?', placeHolder: 'network-scripts directory', ignoreFocusOut: true }));
  if (!pick) throw new Cancelled();
  return pick.uri;
}

/** ifcfg files in the folder, parsed (open editors win over the disk). */
async function scanFolder(folder: vscode.Uri): Promise<{ uri: vscode.Uri; device: string; role: string; master?: string; nm?: string }[]> {
  let entries: [string, vscode.FileType][] = [];
  try { entries = await vscode.workspace.fs.readDirectory(folder); } catch { return []; }
  const out: { uri: vscode.Uri; device: string; role: string; master?: string; nm?: string }[] = [];
  for (const [name, type] of entries) {
    if (!name.startsWith('ifcfg-') || !(type & vscode.FileType.File)) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try { text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)); } catch { continue; }
    const file = parseIfcfg(text);
    const device = file.byKey.get('DEVICE')?.value || name.slice('ifcfg-'.length);
    if (backupName(name, device)) continue;
    out.push({ uri, device, role: ifcfgRole(file, name), master: file.byKey.get('MASTER')?.value, nm: file.byKey.get('NM_CONTROLLED')?.value });
  }
  return out;
}

async function inventory(folder: vscode.Uri, client: LanguageClient | undefined): Promise<Inventory> {
  const files = await scanFolder(folder);
  // NM_CONTROLLED like most files of the folder (an absent key means yes).
  const no = files.filter((f) => f.nm !== undefined && !isYes(f.nm)).length;
  const nmControlled: YesNo = files.length && no * 2 > files.length ? 'no' : 'yes';
  const taken = new Set<string>();
  const bonds = new Set<string>();
  const memberOf = new Map<string, string>();
  for (const f of files) {
    taken.add(f.device);
    taken.add(path.basename(f.uri.fsPath).slice('ifcfg-'.length));
    if (f.role === 'bond') bonds.add(f.device);
    if (f.role === 'member' && f.master) memberOf.set(f.device, f.master);
  }
  const r = await fetchTopology(client, {}, 5000);
  if (r.kind === 'ok') {
    const host = r.result.hosts.filter((h) => isUnder(folder, vscode.Uri.parse(h.root)))
      .sort((a, b) => b.root.length - a.root.length)[0];
    if (host) {
      for (const b of host.bonds) {
        taken.add(b.device);
        bonds.add(b.device);
        for (const m of b.members) { taken.add(m.device); memberOf.set(m.device, b.device); }
      }
      for (const i of host.interfaces) taken.add(i.device);
      const candidates = host.interfaces.map((i): Candidate => ({ device: i.device, uri: vscode.Uri.parse(i.uri), detail: vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri)) }));
      return { taken, bonds, memberOf, candidates, nmControlled, source: 'server' };
    }
  }
  const candidates = files
    .filter((f) => f.role === 'plain' && !memberOf.has(f.device) && f.device !== 'lo')
    .map((f): Candidate => ({ device: f.device, uri: f.uri, detail: vscode.workspace.asRelativePath(f.uri) }))
    .sort((a, b) => a.device.localeCompare(b.device));
  return { taken, bonds, memberOf, candidates, nmControlled, source: 'disk' };
}

async function askName(folder: vscode.Uri, inv: Inventory): Promise<string> {
  const value = firstFreeBondName(inv.taken);
  const name = await prompting('New Bond: name', () => vscode.window.showInputBox({
    title: 'New Bond (1/4): bond name', value, prompt: `Interface name of the bond; the file will be ${path.join(vscode.workspace.asRelativePath(folder), 'ifcfg-<name>')}`,
    ignoreFocusOut: true,
    validateInput: async (v) => nameProblem(v.trim(), folder, inv),
  }));
  if (name === undefined) throw new Cancelled();
  return name.trim();
}

async function nameProblem(name: string, folder: vscode.Uri, inv: Inventory): Promise<string | undefined> {
  const p = deviceNameProblem(name);
  if (p) return p;
  if (inv.taken.has(name)) return `${name} is already used on this host`;
  if (await exists(vscode.Uri.joinPath(folder, ifcfgFileName(name)))) return `${ifcfgFileName(name)} already exists`;
  return undefined;
}

async function askMode(): Promise<ModeName> {
  const items = MODES.map((m) => ({ label: m.name, description: `mode ${m.number} · ${m.title}`, detail: m.summary, mode: m.name }));
  const qp = vscode.window.createQuickPick<(typeof items)[number]>();
  qp.title = 'New Bond (2/4): mode';
  qp.placeholder = 'Bonding mode';
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const ab = items.find((i) => i.mode === 'active-backup');
  if (ab) qp.activeItems = [ab];
  const picked = await prompting('New Bond: mode', () => new Promise<ModeName | undefined>((resolve) => {
    qp.onDidAccept(() => { resolve(qp.selectedItems[0]?.mode); qp.hide(); });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  }));
  qp.dispose();
  if (!picked) throw new Cancelled();
  return picked;
}

type MemberItem = vscode.QuickPickItem & { device: string; isNew?: boolean };

/** Multi-select of the host's free interfaces; typing a name that is not listed offers it as a new interface. */
async function askMembers(bond: string, inv: Inventory): Promise<string[]> {
  const base: MemberItem[] = inv.candidates.map((c) => ({ label: c.device, description: 'existing file: made a member', detail: c.detail, device: c.device }));
  const fresh = new Map<string, MemberItem>();
  const qp = vscode.window.createQuickPick<MemberItem>();
  const title = 'New Bond (3/4): members';
  qp.title = title;
  qp.placeholder = base.length ? 'Pick the member interfaces, or type a new interface name' : 'Type the name of a member interface (e.g. eth0), then check it';
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.matchOnDetail = true;
  qp.items = base;
  const typedProblem = (v: string): string | undefined => {
    if (!v) return undefined;
    if (v === bond) return 'the bond itself';
    if (inv.bonds.has(v)) return `${v} is a bond`;
    const of = inv.memberOf.get(v);
    if (of) return `${v} is already a member of ${of}`;
    return deviceNameProblem(v);
  };
  const update = () => {
    const v = qp.value.trim();
    const selected = qp.selectedItems;
    const items: MemberItem[] = [...base, ...fresh.values()];
    if (v && !items.some((i) => i.device === v) && !typedProblem(v)) {
      items.push({ label: v, description: `new: creates ${ifcfgFileName(v)}`, device: v, isNew: true, alwaysShow: true });
    }
    qp.items = items;
    qp.selectedItems = items.filter((i) => selected.some((s) => s.device === i.device));
    const p = typedProblem(v);
    qp.title = p && !items.some((i) => i.device === v) ? `${title} — ${v}: ${p}` : title;
  };
  qp.onDidChangeValue(update);
  qp.onDidChangeSelection((sel) => { for (const s of sel) if (s.isNew) fresh.set(s.device, { ...s, alwaysShow: false }); });
  const result = await prompting('New Bond: members', () => new Promise<string[] | undefined>((resolve) => {
    qp.onDidAccept(() => {
      let devices = qp.selectedItems.map((i) => i.device);
      const v = qp.value.trim();
      // Nothing checked: Enter takes the highlighted interface, or the name just typed.
      if (!devices.length) devices = qp.activeItems.map((i) => i.device);
      if (!devices.length && v && !typedProblem(v)) devices = [v];
      if (!devices.length) { qp.title = `${title} — pick at least one member`; return; }
      resolve(devices);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  }));
  qp.dispose();
  if (!result) throw new Cancelled();
  return result;
}

async function pickOne<T extends string>(title: string, items: { label: T; description?: string; detail?: string }[], placeHolder: string): Promise<T> {
  const pick = await prompting(title, () => vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }));
  if (!pick) throw new Cancelled();
  return pick.label;
}

async function askIpv4(): Promise<Ipv4Spec> {
  const how = await pickOne('New Bond (4/4): IPv4 addressing', [
    { label: 'static', description: 'address/prefix and gateway on the bond' },
    { label: 'dhcp', description: 'BOOTPROTO=dhcp' },
  ], 'How does the bond get its IPv4 address?');
  if (how === 'dhcp') return 'dhcp';
  const cidr = await prompting('New Bond: address', () => vscode.window.showInputBox({
    title: 'New Bond: IPv4 address/prefix', placeHolder: '192.0.2.10/24', ignoreFocusOut: true,
    validateInput: (v) => (parseAddressWithPrefix(v) ? undefined : 'address/prefix, e.g. 192.0.2.10/24'),
  }));
  if (cidr === undefined) throw new Cancelled();
  const { address, prefix } = parseAddressWithPrefix(cidr)!;
  const gw = await prompting('New Bond: gateway', () => vscode.window.showInputBox({
    title: 'New Bond: default gateway (optional)', placeHolder: 'e.g. 192.0.2.1 (empty: no GATEWAY)', ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isIPv4(v.trim()) ? (v.trim() === address ? 'the gateway cannot be the bond\'s own address' : undefined) : 'an IPv4 address, or empty'),
  }));
  if (gw === undefined) throw new Cancelled();
  return gw.trim() ? { address, prefix, gateway: gw.trim() } : { address, prefix };
}

/** Builds the bond from the arguments, asking for whatever is missing; throws Cancelled when the user backs out. */
async function collect(args: NewBondArgs, client: LanguageClient | undefined): Promise<{ folder: vscode.Uri; spec: BondSpec; inv: Inventory; asked: boolean }> {
  let asked = false;
  const folder = args.folder ? asFolderUri(args.folder) : await targetFolder();
  const inv = await inventory(folder, client);
  let name = args.name;
  if (name === undefined) { name = await askName(folder, inv); asked = true; } else {
    const p = await nameProblem(name, folder, inv);
    if (p) throw new Error(`Bond name ${name}: ${p}`);
  }
  let mode = args.mode;
  if (mode === undefined) { mode = await askMode(); asked = true; } else if (!modeByName(mode)) throw new Error(`Unknown bonding mode "${mode}"`);
  let members = args.members;
  if (members === undefined) { members = await askMembers(name, inv); asked = true; }
  for (const m of members) {
    if (inv.bonds.has(m)) throw new Error(`${m} is a bond, not a member interface`);
    const of = inv.memberOf.get(m);
    if (of) throw new Error(`${m} is already a member of ${of}`);
  }
  let { primary, lacpRate, xmitHashPolicy } = args;
  if (asked) {
    // Mode-specific choices, only in the interactive flow (the non-interactive call says what it wants).
    if (primary === undefined && modeUsesPrimary(mode) && members.length > 1) {
      const p = await pickOne('New Bond: primary member', [{ label: '(none)', description: 'no preferred member' }, ...members.map((m) => ({ label: m, description: 'preferred whenever its link is up' }))], 'Preferred member (primary=)');
      primary = p === '(none)' ? undefined : p;
    }
    if (lacpRate === undefined && modeUsesLacpRate(mode)) {
      lacpRate = await pickOne('New Bond: LACP rate', optionChoices('lacp_rate').map((c) => ({ label: c.name, description: c.description })), 'lacp_rate');
    }
    if (xmitHashPolicy === undefined && modeUsesXmitHash(mode)) {
      xmitHashPolicy = await pickOne('New Bond: transmit hash policy', optionChoices('xmit_hash_policy').map((c) => ({ label: c.name, detail: c.description })), 'xmit_hash_policy');
    }
  }
  let ipv4 = args.ipv4;
  if (ipv4 === undefined) { ipv4 = await askIpv4(); asked = true; }
  const spec: BondSpec = {
    name, mode, members, ipv4, nmControlled: args.nmControlled ?? inv.nmControlled,
    ...(args.miimon !== undefined ? { miimon: args.miimon } : {}),
    ...(primary ? { primary } : {}), ...(lacpRate ? { lacpRate } : {}), ...(xmitHashPolicy ? { xmitHashPolicy } : {}),
  };
  const problems = bondSpecProblems(spec);
  if (problems.length) throw new Error(`Cannot create ${name}: ${problems.join('; ')}`);
  return { folder, spec, inv, asked };
}

function toVscodeEdit(e: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): vscode.TextEdit {
  return new vscode.TextEdit(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
}

async function newBond(arg: NewBondArgs | vscode.Uri | undefined, getClient: () => LanguageClient | undefined): Promise<NewBondResult | undefined> {
  let args: NewBondArgs = {};
  if (arg instanceof vscode.Uri) {
    // From the Explorer's context menu: the folder (or the folder of the file) clicked.
    let isDir = false;
    try { isDir = ((await vscode.workspace.fs.stat(arg)).type & vscode.FileType.Directory) !== 0; } catch { /* not there */ }
    args.folder = isDir ? arg : vscode.Uri.joinPath(arg, '..');
  } else if (arg && typeof arg === 'object') args = arg;
  const { folder, spec, inv, asked } = await collect(args, getClient());

  const bondUri = vscode.Uri.joinPath(folder, ifcfgFileName(spec.name));
  if (await exists(bondUri)) throw new Error(`${ifcfgFileName(spec.name)} already exists`);
  const edit = new vscode.WorkspaceEdit();
  const meta: vscode.WorkspaceEditEntryMetadata = { label: `New bond ${spec.name}`, needsConfirmation: false };
  const created: vscode.Uri[] = [bondUri];
  const edited: vscode.Uri[] = [];
  const enc = new TextEncoder();
  edit.createFile(bondUri, { contents: enc.encode(bondFileText(spec)), overwrite: false }, meta);
  for (const m of spec.members) {
    const known = inv.candidates.find((c) => c.device === m)?.uri;
    const onDisk = vscode.Uri.joinPath(folder, ifcfgFileName(m));
    const existing = known ?? ((await exists(onDisk)) ? onDisk : undefined);
    if (existing) {
      const doc = await vscode.workspace.openTextDocument(existing);
      const edits = memberEdits(doc.getText(), spec, existing.toString());
      if (edits.length) {
        edit.set(existing, edits.map((e): [vscode.TextEdit, vscode.WorkspaceEditEntryMetadata] => [toVscodeEdit(e), meta]));
        edited.push(existing);
      }
    } else {
      edit.createFile(onDisk, { contents: enc.encode(memberFileText(spec, m)), overwrite: false }, meta);
      created.push(onDisk);
    }
  }

  if (!vscode.workspace.isTrusted) {
    const go = 'Create';
    const answer = await vscode.window.showWarningMessage(
      `This workspace is not trusted. Create ${created.length} file(s)${edited.length ? ` and change ${edited.length}` : ''} for bond ${spec.name}?`,
      { modal: true, detail: [...created.map((u) => `+ ${vscode.workspace.asRelativePath(u)}`), ...edited.map((u) => `~ ${vscode.workspace.asRelativePath(u)}`)].join('\n') },
      go,
    );
    if (answer !== go) return undefined;
  }
  // Documents that were clean before are saved after the edit, so the host on disk is consistent;
  // documents with unsaved changes of their own are left for the user to save.
  const cleanBefore = new Set(edited.filter((u) => !vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString())?.isDirty).map((u) => u.toString()));
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) throw new Error(`Could not create bond ${spec.name} (the workspace edit was refused).`);
  for (const d of vscode.workspace.textDocuments) if (cleanBefore.has(d.uri.toString()) && d.isDirty) await d.save();
  if (args.open ?? asked) await vscode.window.showTextDocument(bondUri, { preview: false });
  return { bond: bondUri, created, edited, interfacesFrom: inv.source };
}

/** What New Bond offers to tests (through the extension's exports). */
export interface NewBondApi {
  /** Title of the prompt on screen, if any. */
  prompt(): string | undefined;
}

export function registerNewBondCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): NewBondApi {
  context.subscriptions.push(vscode.commands.registerCommand('bonding.newBond', async (arg?: NewBondArgs | vscode.Uri) => {
    const interactive = !(arg && !(arg instanceof vscode.Uri) && arg.name && arg.mode && arg.members && arg.ipv4);
    try {
      return await newBond(arg, getClient);
    } catch (e) {
      if (e instanceof Cancelled) return undefined;
      if (!interactive) throw e;
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }));
  return { prompt: currentNewBondPrompt };
}
