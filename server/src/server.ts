// The language server: thin glue between the LSP connection and the pure analysis library.
// Runs over stdio (--stdio) or node IPC (--node-ipc); stdout carries only JSON-RPC.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, InitializeResult,
  DocumentDiagnosticReportKind, CodeActionKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from './analysis';
import { hostViewFor } from './host-view';

// Anything that prints to stdout would corrupt the protocol stream: route console output to stderr.
console.log = console.error;
console.info = console.error;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = new Analyzer();
let pullDiagnostics = false;

connection.onInitialize((params): InitializeResult => {
  // Diagnostics are pushed (every client shows them, for every open document, and cross-file changes
  // reach documents the user is not looking at). A client may ask for the pull model instead with
  // initializationOptions.pullDiagnostics; it then gets no pushes, so nothing is shown twice.
  const init = (params.initializationOptions ?? {}) as { pullDiagnostics?: boolean };
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic && init.pullDiagnostics === true;
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['=', ' ', '"', ','], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'bonding-language-server', version: VERSION },
  };
  if (pullDiagnostics) {
    result.capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
  }
  return result;
});

declare const VERSION: string;

function languageOf(doc: TextDocument): 'ifcfg' | 'modprobe' | undefined {
  if (doc.languageId === 'ifcfg' || doc.languageId === 'modprobe') return doc.languageId;
  return analyzer.languageOfUri(doc.uri);
}

function contextOf(doc: TextDocument) {
  const lang = languageOf(doc);
  return lang ? analyzer.context(doc.uri, doc.version, doc.getText(), lang) : undefined;
}

function publish(doc: TextDocument): void {
  // A client that pulls diagnostics would show pushed ones a second time.
  if (pullDiagnostics) return;
  const ctx = contextOf(doc);
  const diagnostics = ctx ? analyzer.diagnostics(ctx) : [];
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

documents.onDidOpen((e) => publish(e.document));
documents.onDidChangeContent((e) => publish(e.document));
documents.onDidClose((e) => {
  analyzer.forget(e.document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  const ctx = doc && contextOf(doc);
  return { kind: DocumentDiagnosticReportKind.Full, items: ctx ? analyzer.diagnostics(ctx) : [] };
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  const ctx = doc && contextOf(doc);
  return ctx ? analyzer.completion(ctx, params.position, hostViewFor(ctx.uri, (u) => documents.get(u)?.getText())) : null;
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  const ctx = doc && contextOf(doc);
  return ctx ? analyzer.hover(ctx, params.position) : null;
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  const ctx = doc && contextOf(doc);
  return ctx ? analyzer.codeActions(ctx, params.context.diagnostics) : [];
});

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

documents.listen(connection);
connection.listen();
