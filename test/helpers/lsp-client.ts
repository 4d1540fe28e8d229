// A minimal LSP client over real stdio JSON-RPC, for protocol tests: spawns the built server
// (dist/server.js --stdio), records every notification, and checks that stdout carries only JSON-RPC.
import { spawn, ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, ProtocolConnection,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, PublishDiagnosticsParams,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  ClientCapabilities, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface Client {
  conn: ProtocolConnection;
  proc: ChildProcessWithoutNullStreams;
  stderr: () => string;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `pred`. */
  waitDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  stop(): Promise<number | null>;
}

export function uriOf(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(opts: { capabilities?: ClientCapabilities; rootUri?: string | null; args?: string[]; initializationOptions?: unknown } = {}): Promise<Client> {
  const proc = spawn(process.execPath, [SERVER, ...(opts.args ?? ['--stdio'])], { stdio: 'pipe' });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; res: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.pred(p)) { waiters.splice(i, 1); w.res(p); }
    }
  });
  conn.onError(([e]) => { err += `\n[client] protocol error: ${e.message}`; });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    capabilities: opts.capabilities ?? { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    initializationOptions: opts.initializationOptions,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  let version = 0;
  return {
    conn, proc, diagnostics, stderr: () => err,
    waitDiagnostics(uri, pred = () => true, ms = 10000) {
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(diagnostics.get(uri))}\nstderr: ${err}`)), ms);
        const w = { uri, pred, res: (p: PublishDiagnosticsParams) => { clearTimeout(t); res(p); } };
        waiters.push(w);
      });
    },
    open(uri, languageId, text, v = ++version) {
      void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: v, text } });
    },
    change(uri, v, text) {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    },
    close(uri) {
      void conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async stop() {
      const exited = new Promise<number | null>((res) => proc.once('exit', (c) => res(c)));
      try {
        await conn.sendRequest(ShutdownRequest.type);
        await conn.sendNotification(ExitNotification.type);
      } catch { proc.kill(); }
      const code = await Promise.race([exited, new Promise<number | null>((r) => setTimeout(() => { proc.kill(); r(-1); }, 3000))]);
      conn.dispose();
      return code;
    },
  };
}
