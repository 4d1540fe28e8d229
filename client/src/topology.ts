// The bond topology: fetched from the server (`bonding/topology`) and shown as a tree
// hosts → bonds → members. The client only displays what the server answers.
import * as vscode from 'vscode';
import { CancellationTokenSource, ErrorCodes, LanguageClient, ResponseError, State } from 'vscode-languageclient/node';
import {
  TopologyBond, TopologyChangedNotification, TopologyHost, TopologyMember, TopologyParams, TopologyRequest, TopologyResult,
} from '../../server/src/protocol';

export type TopologyFetch =
  | { kind: 'ok'; result: TopologyResult }
  /** The server does not implement `bonding/topology` (an older or other server). */
  | { kind: 'unsupported'; message: string }
  /** No server, the server failed, or it did not answer in time. */
  | { kind: 'unavailable'; message: string };

/** Asks the server for the topology; never throws. */
export async function fetchTopology(client: LanguageClient | undefined, params: TopologyParams = {}, timeoutMs = 15000): Promise<TopologyFetch> {
  if (!client || client.state === State.Stopped) return { kind: 'unavailable', message: 'The bonding language server is not running.' };
  const cts = new CancellationTokenSource();
  const timer = setTimeout(() => cts.cancel(), timeoutMs);
  try {
    const result = await client.sendRequest<TopologyResult | null>(TopologyRequest, params, cts.token);
    if (!result || !Array.isArray(result.hosts)) return { kind: 'ok', result: { hosts: [] } };
    return { kind: 'ok', result };
  } catch (e) {
    if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) {
      return { kind: 'unsupported', message: `The language server does not answer ${TopologyRequest}.` };
    }
    if (cts.token.isCancellationRequested) return { kind: 'unavailable', message: `The language server did not answer ${TopologyRequest} within ${timeoutMs / 1000} s.` };
    return { kind: 'unavailable', message: `${TopologyRequest} failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
    cts.dispose();
  }
}

export type TopologyNode =
  | { kind: 'host'; host: TopologyHost }
  | { kind: 'bond'; host: TopologyHost; bond: TopologyBond }
  | { kind: 'member'; bond: TopologyBond; member: TopologyMember };

function openCommand(uri: string, line: number): vscode.Command {
  const pos = new vscode.Position(Math.max(0, line), 0);
  return { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(pos, pos) } satisfies vscode.TextDocumentShowOptions] };
}

export class TopologyProvider implements vscode.TreeDataProvider<TopologyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TopologyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** What the last request returned (undefined before the first). */
  last?: TopologyFetch;
  private pending?: Promise<TopologyFetch>;
  private stale = true;
  private attached?: LanguageClient;
  private attachment: vscode.Disposable[] = [];
  private debounce?: ReturnType<typeof setTimeout>;
  private watchTimer?: ReturnType<typeof setInterval>;
  view?: vscode.TreeView<TopologyNode>;

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.attach();
  }

  /** Follows the current client: the Restart command replaces it. */
  attach(): void {
    const c = this.getClient();
    if (!c || c === this.attached) return;
    for (const d of this.attachment) d.dispose();
    this.attached = c;
    this.attachment = [
      c.onNotification(TopologyChangedNotification, () => this.refreshSoon()),
      c.onDidChangeState((e) => {
        if (e.newState === State.Running) this.refreshSoon();
        if (e.newState === State.Stopped) this.waitForNewClient();
      }),
    ];
  }

  private waitForNewClient(): void {
    if (this.watchTimer) return;
    const end = Date.now() + 60000;
    this.watchTimer = setInterval(() => {
      const c = this.getClient();
      if ((c && c !== this.attached) || Date.now() > end) {
        clearInterval(this.watchTimer);
        this.watchTimer = undefined;
        this.attach();
        this.refresh();
      }
    }, 250);
  }

  /** Marks the data stale and redraws (the tree asks again only while it is visible). */
  refresh(): void {
    this.stale = true;
    this.changed.fire(undefined);
  }

  /** Coalesces bursts (the server notifies on every keystroke in a host's files). */
  refreshSoon(ms = 400): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => { this.debounce = undefined; this.refresh(); }, ms);
  }

  /** The current topology (fetched again when stale). */
  async load(): Promise<TopologyFetch> {
    this.attach();
    if (!this.stale && this.last) return this.last;
    if (this.pending) return this.pending;
    this.stale = false;
    this.pending = fetchTopology(this.getClient()).then((r) => {
      this.last = r;
      this.pending = undefined;
      this.updateMessage();
      return r;
    });
    return this.pending;
  }

  private updateMessage(): void {
    if (!this.view) return;
    const r = this.last;
    if (!r) this.view.message = undefined;
    else if (r.kind !== 'ok') this.view.message = r.message;
    else if (!r.result.hosts.length) this.view.message = 'No ifcfg files in the workspace. Bonding: New Bond… creates one.';
    else if (!r.result.hosts.some((h) => h.bonds.length)) this.view.message = 'No bonds defined yet. Bonding: New Bond… creates one.';
    else this.view.message = undefined;
  }

  async getChildren(node?: TopologyNode): Promise<TopologyNode[]> {
    if (!node) {
      const r = await this.load();
      return r.kind === 'ok' ? r.result.hosts.map((host) => ({ kind: 'host', host })) : [];
    }
    if (node.kind === 'host') return node.host.bonds.map((bond) => ({ kind: 'bond', host: node.host, bond }));
    if (node.kind === 'bond') return node.bond.members.map((member) => ({ kind: 'member', bond: node.bond, member }));
    return [];
  }

  getTreeItem(node: TopologyNode): vscode.TreeItem {
    if (node.kind === 'host') {
      const { host } = node;
      const item = new vscode.TreeItem(host.name, host.bonds.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `host:${host.root}`;
      item.iconPath = new vscode.ThemeIcon('server');
      item.description = host.bonds.length === 1 ? '1 bond' : `${host.bonds.length} bonds`;
      item.tooltip = vscode.Uri.parse(host.root).fsPath;
      item.resourceUri = vscode.Uri.parse(host.root);
      item.contextValue = 'bondingHost';
      return item;
    }
    if (node.kind === 'bond') {
      const { bond } = node;
      const item = new vscode.TreeItem(bond.device, bond.members.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `bond:${bond.uri}`;
      item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub');
      item.description = `${bond.mode} · ${bond.monitoring}`;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${bond.device}** — mode \`${bond.mode}\`, monitoring: ${bond.monitoring}`);
      if (bond.primary) md.appendMarkdown(`, primary \`${bond.primary}\``);
      md.appendMarkdown(`\n\n${bond.members.length ? `Members: ${bond.members.map((m) => `\`${m.device}\``).join(', ')}` : 'No members.'}`);
      item.tooltip = md;
      item.command = openCommand(bond.uri, bond.line);
      item.contextValue = 'bondingBond';
      return item;
    }
    const { bond, member } = node;
    const item = new vscode.TreeItem(member.device, vscode.TreeItemCollapsibleState.None);
    item.id = `member:${bond.uri}:${member.device}`;
    item.iconPath = new vscode.ThemeIcon('plug');
    const notes: string[] = [];
    if (bond.primary === member.device) notes.push('primary');
    if (!member.uri) notes.push('no ifcfg file');
    item.description = notes.join(' · ') || undefined;
    item.tooltip = member.uri ? vscode.Uri.parse(member.uri).fsPath : `${member.device}: no ifcfg file for this member`;
    if (member.uri) item.command = openCommand(member.uri, member.line ?? 0);
    item.contextValue = 'bondingMember';
    return item;
  }

  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.watchTimer) clearInterval(this.watchTimer);
    for (const d of this.attachment) d.dispose();
    this.changed.dispose();
  }
}

/** What the tree view offers to tests and other callers (through the extension's exports). */
export interface TopologyApi {
  provider: TopologyProvider;
  view: vscode.TreeView<TopologyNode>;
}

export const TOPOLOGY_VIEW = 'bondingTopology';
/** Context key that shows the view in the Explorer once the extension runs. */
const VIEW_ENABLED = 'bonding.topologyViewEnabled';

export function registerTopologyView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): TopologyApi {
  const provider = new TopologyProvider(getClient);
  const view = vscode.window.createTreeView(TOPOLOGY_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  void vscode.commands.executeCommand('setContext', VIEW_ENABLED, true);
  const isConfig = (d: vscode.TextDocument) => d.languageId === 'ifcfg' || d.languageId === 'modprobe';
  context.subscriptions.push(
    provider,
    view,
    view.onDidChangeVisibility((e) => { if (e.visible) provider.refresh(); }),
    vscode.workspace.onDidSaveTextDocument((d) => { if (isConfig(d)) provider.refreshSoon(); }),
    vscode.commands.registerCommand('bonding.refreshTopology', async () => {
      provider.refresh();
      return provider.load();
    }),
    vscode.commands.registerCommand('bonding.showTopology', async () => {
      await vscode.commands.executeCommand('setContext', VIEW_ENABLED, true);
      await vscode.commands.executeCommand(`${TOPOLOGY_VIEW}.focus`);
      // The workbench reports the view as visible a moment after focusing it.
      if (!view.visible) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => { sub.dispose(); resolve(); }, 3000);
          const sub = view.onDidChangeVisibility((e) => { if (e.visible) { clearTimeout(timer); sub.dispose(); resolve(); } });
        });
      }
      provider.refresh();
      return provider.load();
    }),
  );
  return { provider, view };
}
