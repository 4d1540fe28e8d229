// The language server: thin glue between the LSP connection and the pure analysis library.
// Runs over stdio (--stdio) or node IPC (--node-ipc); stdout carries only JSON-RPC.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, InitializeResult,
  DocumentDiagnosticReportKind, CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType,
  WorkDoneProgressReporter, ResponseError, ErrorCodes,
} from 'vscode-languageserver/node';
import * as nav from './analysis/navigation';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, hostViewOf, fixAll, makeContext, minimalEdit } from './analysis';
import type { HostModel } from './analysis';
import type { LanguageId } from './analysis/rules/types';
import { readText, readTextSync, scanFolders, uriToPath } from './workspace-index';
import { TopologyChangedNotification, TopologyRequest } from './protocol';
import { topology, topologyOf } from './topology';
import { CONFIG_FILE_NAME, ConfigResolver, defaultDocsBase, validateRules } from './config';
import type { SeverityOverride } from './config';
import { stdioTransport } from './stdio-transport';

// Anything that prints to stdout would corrupt the protocol stream: route console output to stderr.
console.log = console.error;
console.info = console.error;

declare const VERSION: string;

let shutdownRequested = false;
/** Transport problems (garbage on stdin, unreadable messages): stderr until the connection can log. */
let logTransportProblem = (m: string): void => { process.stderr.write(`${m}\n`); };
// Over stdio, a guard keeps the JSON-RPC framing in step after garbage or a wrong Content-Length
// (vscode-jsonrpc alone would stop reading for good); see stdio-transport.ts.
const connection = process.argv.includes('--stdio')
  ? (() => {
      const [reader, writer] = stdioTransport((m) => logTransportProblem(m), () => process.exit(shutdownRequested ? 0 : 1));
      return createConnection(ProposedFeatures.all, reader, writer);
    })()
  : createConnection(ProposedFeatures.all);
logTransportProblem = (m) => connection.console.warn(m);
connection.onShutdown(() => { shutdownRequested = true; });
const documents = new TextDocuments(TextDocument);
const analyzer = new Analyzer();
let pullDiagnostics = false;
let folders: string[] = [];
let maxFiles = 20000;
let watchDynamically = false;
let progressSupported = false;
let renameFiles = false;
let codeLensCommand: string | undefined;
let refreshLenses = false;
let refreshHints = false;
let indexing: Promise<void> | undefined;
let configurationSupported = false;
/** Rule severities from the editor's settings (bonding.rules); they override .bondlintrc. */
let settingsRules: Record<string, SeverityOverride> = {};
const resolver = new ConfigResolver({ onWarning: (m) => connection.console.warn(m) });
const docsBase = defaultDocsBase();

function applyConfig(): void {
  analyzer.setOptionsProvider((uri) => ({ ...resolver.optionsFor(uri, settingsRules), docsBase }));
}
applyConfig();
/** Until the first index is complete, cross-file diagnostics would be wrong: hold them back. */
let indexed = false;

interface InitOptions { pullDiagnostics?: boolean; maxFiles?: number; fileEventsFromClient?: boolean; codeLensCommand?: string }

connection.onInitialize((params): InitializeResult => {
  // Diagnostics are pushed (every client shows them, for every open document, and cross-file changes
  // reach documents the user is not looking at). A client may ask for the pull model instead with
  // initializationOptions.pullDiagnostics; it then gets no pushes, so nothing is shown twice.
  const init = (params.initializationOptions ?? {}) as InitOptions;
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic && init.pullDiagnostics === true;
  if (typeof init.maxFiles === 'number' && init.maxFiles >= 0) maxFiles = init.maxFiles;
  watchDynamically = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && !init.fileEventsFromClient;
  progressSupported = !!params.capabilities.window?.workDoneProgress;
  configurationSupported = !!params.capabilities.workspace?.configuration;
  renameFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename') ?? false;
  codeLensCommand = init.codeLensCommand;
  refreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  refreshHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = roots.map(uriToPath).filter((p): p is string => !!p);
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['=', ' ', '"', ','], resolveProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      workspace: { workspaceFolders: { supported: true } },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      documentLinkProvider: {},
      codeLensProvider: {},
      inlayHintProvider: true,
    },
    serverInfo: { name: 'bonding-language-server', version: VERSION },
  };
  if (pullDiagnostics) result.capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
  return result;
});

connection.onInitialized(() => {
  if (watchDynamically) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/ifcfg-*' }, { globPattern: '**/modprobe.d/*.conf' }, { globPattern: '**/modprobe.conf' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
    });
  }
  indexing = loadSettings().then(indexWorkspace).catch((e) => connection.console.error(`index failed: ${e?.stack ?? e}`)).finally(() => {
    indexed = true;
    for (const doc of documents.all()) publish(doc);
  });
});

function languageOf(doc: TextDocument): LanguageId | undefined {
  if (doc.languageId === 'ifcfg' || doc.languageId === 'modprobe') return doc.languageId;
  return analyzer.languageOfUri(doc.uri);
}

async function loadSettings(): Promise<void> {
  if (!configurationSupported) return;
  try {
    const cfg = (await connection.workspace.getConfiguration('bonding')) as { rules?: Record<string, unknown> } | null;
    const { rules, warnings } = validateRules(cfg?.rules ?? {}, 'bonding.rules');
    for (const w of warnings) connection.console.warn(w);
    settingsRules = rules;
    applyConfig();
  } catch (e) {
    connection.console.warn(`cannot read settings: ${String(e)}`);
  }
}

/** Settings or a .bondlintrc changed: every open document is judged again. */
function republishAll(): void {
  applyConfig();
  for (const doc of documents.all()) publish(doc);
  afterHostChange();
}

connection.onDidChangeConfiguration(async (change) => {
  const fromPush = (change.settings as { bonding?: { rules?: Record<string, unknown> } } | undefined)?.bonding;
  if (fromPush && !configurationSupported) {
    const { rules, warnings } = validateRules(fromPush.rules ?? {}, 'bonding.rules');
    for (const w of warnings) connection.console.warn(w);
    settingsRules = rules;
  } else {
    await loadSettings();
  }
  republishAll();
});

async function indexWorkspace(): Promise<void> {
  if (!folders.length) return;
  const t0 = Date.now();
  let progress: WorkDoneProgressReporter | undefined;
  if (progressSupported) {
    try {
      progress = await connection.window.createWorkDoneProgress();
      progress.begin('Indexing bonding configuration', 0, 'scanning…', false);
    } catch { progress = undefined; }
  }
  const scan = await scanFolders(folders, maxFiles);
  for (const e of scan.errors.slice(0, 20)) connection.console.warn(`index: cannot read ${e}`);
  let done = 0;
  let slice = Date.now();
  // Files the editor has open are already in the model with the editor's text. Files are read
  // synchronously (a promise per file cost more than the reading) in slices of about 10 ms, between
  // which requests get their turn.
  for (const c of scan.files) {
    if (!documents.get(c.uri)) {
      const r = readTextSync(c.file);
      if (r.text !== undefined) analyzer.update(c.uri, r.text, c.language);
      else connection.console.warn(`index: skipped ${c.file}: ${r.error}`);
    }
    if (++done % 500 === 0) progress?.report(Math.round((done / scan.files.length) * 100), `${done}/${scan.files.length} files`);
    if (done % 500 === 0 || (done % 32 === 0 && Date.now() - slice >= 10)) {
      await new Promise((r) => setImmediate(r));
      slice = Date.now();
    }
  }
  progress?.done();
  if (scan.truncated) connection.window.showWarningMessage(`Bonding: indexed the first ${maxFiles} files only (setting bonding.index.maxFiles).`);
  connection.console.info(`index: ${scan.files.length} files in ${Date.now() - t0} ms`);
}

/** Re-publishes diagnostics of the open documents in the given hosts. */
function refreshHosts(hosts: Iterable<HostModel>): void {
  const set = new Set(hosts);
  if (!set.size) return;
  for (const doc of documents.all()) {
    const h = analyzer.model.hostOf(doc.uri);
    if (h && set.has(h)) publish(doc);
  }
  afterHostChange(set);
}

/** What the topology view last showed of each host (by root), to tell the client only of real changes. */
const shownTopology = new Map<string, string>();

/** Whether the topology of these hosts differs from what the client was last told. */
function topologyMoved(hosts: Iterable<HostModel>): boolean {
  let moved = false;
  for (const h of hosts) {
    const now = JSON.stringify(topologyOf([h], folders).hosts);
    if (shownTopology.get(h.root) !== now) { shownTopology.set(h.root, now); moved = true; }
  }
  return moved;
}

/**
 * Views that depend on other files (lenses, hints, pulled diagnostics, the topology) are stale now.
 * `hosts`: the hosts that changed (the topology notification is sent only when theirs moved);
 * without it, everything may have changed.
 */
function afterHostChange(hosts?: Iterable<HostModel>): void {
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  if (refreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  if (refreshHints) void connection.languages.inlayHint.refresh();
  if (!hosts) shownTopology.clear();
  if (!hosts || topologyMoved(hosts)) void connection.sendNotification(TopologyChangedNotification);
}

function publish(doc: TextDocument): void {
  if (pullDiagnostics || !indexed) return;
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: analyzer.diagnostics(doc.uri) });
}

function sync(doc: TextDocument): void {
  const lang = languageOf(doc);
  if (!lang) return;
  const host = analyzer.update(doc.uri, doc.getText(), lang);
  publish(doc);
  refreshHostsExcept(host, doc.uri);
}

function refreshHostsExcept(host: HostModel, uri: string): void {
  for (const other of documents.all()) {
    if (other.uri !== uri && analyzer.model.hostOf(other.uri) === host) publish(other);
  }
  afterHostChange([host]);
}

documents.onDidOpen((e) => { pendingSync.delete(e.document.uri); nextGeneration(e.document.uri); sync(e.document); });
documents.onDidChangeContent((e) => scheduleSync(e.document));

// An edit is analysed at once when the server has been idle since the last analysis for at least as
// long as that analysis took, so typing shows its diagnostics without delay. Edits that come faster
// (a burst of thousands: a paste, a macro, a client replaying changes) are coalesced until then,
// latest text only: analysis then takes at most about half the time, however fast the edits come,
// instead of re-analysing the file once per edit and falling minutes behind. A wait shorter than a
// timer's resolution (1 ms, and often 2-4 ms late on a busy machine) is one turn of the event loop
// instead, which reads every edit that has arrived meanwhile: the edits are still coalesced, without
// making a cheap analysis wait several times its cost. Every request first catches up (fresh()), so
// answers never see stale text.
const pendingSync = new Map<string, TextDocument>();
let syncTimer: NodeJS.Timeout | undefined;
let syncTurn: NodeJS.Immediate | undefined;
let lastSyncEnd = 0;
let lastSyncCost = 0;
/** Below this, waiting for a timer costs more than it saves (see above). */
const TIMER_MIN_MS = 1;
function scheduleSync(doc: TextDocument): void {
  pendingSync.set(doc.uri, doc);
  if (syncTimer || syncTurn) return;
  const wait = lastSyncEnd + lastSyncCost - performance.now();
  if (wait <= 0) flushSyncs();
  else if (wait < TIMER_MIN_MS) syncTurn = setImmediate(flushSyncs);
  else syncTimer = setTimeout(flushSyncs, wait);
}
function flushSyncs(): void {
  clearTimeout(syncTimer);
  syncTimer = undefined;
  clearImmediate(syncTurn);
  syncTurn = undefined;
  const docs = [...pendingSync.values()];
  pendingSync.clear();
  const t0 = performance.now();
  for (const d of docs) if (documents.get(d.uri) === d) sync(d);
  lastSyncEnd = performance.now();
  lastSyncCost = lastSyncEnd - t0;
}
/** Wraps a request handler so that it runs on the latest text of every document. */
function fresh<P, R>(handler: (params: P) => R): (params: P) => R {
  return (params) => {
    if (pendingSync.size) flushSyncs();
    return handler(params);
  };
}
/**
 * Per-URI event counter: an asynchronous disk read may only update the model if no newer event
 * (another close, a watcher event, a reopen) for that file happened while it was reading.
 */
const generation = new Map<string, number>();
function nextGeneration(uri: string): number {
  const g = (generation.get(uri) ?? 0) + 1;
  generation.set(uri, g);
  return g;
}

documents.onDidClose(async (e) => {
  const uri = e.document.uri;
  pendingSync.delete(uri);
  const gen = nextGeneration(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  // Back to the file on disk (or gone, for an unsaved or deleted file).
  const file = uriToPath(uri);
  const lang = languageOf(e.document);
  const r = file ? await readText(file) : { text: undefined };
  if (documents.get(uri) || generation.get(uri) !== gen) return; // reopened or changed meanwhile
  const host = r.text !== undefined && lang && folders.some((f) => file!.startsWith(f)) ? analyzer.update(uri, r.text, lang) : analyzer.remove(uri);
  if (host) refreshHosts([host]);
});

connection.onDidChangeWatchedFiles(async (params) => {
  const touched = new Set<HostModel>();
  let configChanged = false;
  for (const ch of params.changes) {
    if (ch.uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
      const p = uriToPath(ch.uri);
      if (p) resolver.invalidate(p);
      configChanged = true;
      continue;
    }
    if (documents.get(ch.uri)) continue; // the editor's text wins over the disk
    const file = uriToPath(ch.uri);
    const lang = file && analyzer.languageOfUri(file);
    if (!file || !lang) continue;
    const gen = nextGeneration(ch.uri);
    if (ch.type === FileChangeType.Deleted) {
      const h = analyzer.remove(ch.uri);
      if (h) touched.add(h);
      continue;
    }
    const r = await readText(file);
    if (documents.get(ch.uri) || generation.get(ch.uri) !== gen) continue;
    const h = r.text !== undefined ? analyzer.update(ch.uri, r.text, lang) : analyzer.remove(ch.uri);
    if (h) touched.add(h);
  }
  if (configChanged) republishAll();
  else refreshHosts(touched);
});

connection.languages.diagnostics.on(async (params) => {
  await indexing;
  if (pendingSync.size) flushSyncs();
  return { kind: DocumentDiagnosticReportKind.Full, items: analyzer.diagnostics(params.textDocument.uri) };
});

connection.onCompletion(fresh((params) => {
  const ctx = analyzer.context(params.textDocument.uri);
  // Documentation comes with completionItem/resolve: the list stays small (a few KB, not 30).
  return ctx ? analyzer.completion(ctx, params.position, hostViewOf(analyzer.model, ctx.uri), { lazyDocumentation: true }) : null;
}));

connection.onCompletionResolve((item) => analyzer.resolveCompletion(item));

connection.onHover(fresh((params) => {
  const ctx = analyzer.context(params.textDocument.uri);
  return ctx ? analyzer.hover(ctx, params.position) : null;
}));

connection.onCodeAction(fresh((params) => {
  const ctx = analyzer.context(params.textDocument.uri);
  if (!ctx) return [];
  // Clients send what they like: no context, or no list of diagnostics, is a request without them.
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source || CodeActionKind.SourceFixAll.startsWith(`${k}.`));
  if (only && !wantsFixAll && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  if (wantsFixAll) {
    const opts = { ...resolver.optionsFor(ctx.uri, settingsRules) };
    const r = fixAll(ctx, (t) => Object.assign(makeContext(ctx.uri, t, ctx.language), { host: ctx.host }), opts);
    const edit = minimalEdit(ctx.text, r.text);
    return edit ? [{ title: `Fix all safe bonding problems (${r.applied.length})`, kind: CodeActionKind.SourceFixAll, edit: { changes: { [ctx.uri]: [edit] } } }] : [];
  }
  return analyzer.codeActions(ctx, Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []);
}));

const m = analyzer.model;
connection.onDefinition(fresh((p) => nav.definition(m, p.textDocument.uri, p.position)));
connection.onReferences(fresh((p) => nav.references(m, p.textDocument.uri, p.position, p.context.includeDeclaration)));
connection.onPrepareRename(fresh((p) => nav.prepareRename(m, p.textDocument.uri, p.position)));
connection.onRenameRequest(fresh((p) => {
  try {
    return nav.rename(m, p.textDocument.uri, p.position, p.newName, { renameFiles });
  } catch (e) {
    return new ResponseError(ErrorCodes.InvalidRequest, (e as Error).message);
  }
}));
connection.onDocumentSymbol(fresh((p) => nav.documentSymbols(m, p.textDocument.uri)));
connection.onWorkspaceSymbol(fresh((p) => nav.workspaceSymbols(m, p.query)));
connection.onDocumentLinks(fresh((p) => nav.documentLinks(m, p.textDocument.uri)));
connection.onCodeLens(fresh((p) => nav.codeLenses(m, p.textDocument.uri, { command: codeLensCommand })));
connection.languages.inlayHint.on(fresh((p) => nav.inlayHints(m, p.textDocument.uri, p.range)));

connection.onRequest(TopologyRequest, async (params: { uri?: string } | undefined) => {
  await indexing;
  if (pendingSync.size) flushSyncs();
  return topology(analyzer.model, folders, params?.uri);
});

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

documents.listen(connection);
connection.listen();
