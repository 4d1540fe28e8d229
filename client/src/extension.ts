// The VS Code client: starts the bonding language server and wires a few commands. Thin on purpose:
// everything language-specific lives in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State,
  type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult,
} from 'vscode-languageclient/node';
import { registerNewBondCommand, type NewBondApi } from './new-bond';
import { registerTopologyView, type TopologyApi } from './topology';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up and asks the user. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Tells the user the server is down for good, with a way to the log and a way back. */
function reportServerDown(message: string): void {
  output.error(message);
  void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
    if (choice === 'Show Output') output.show(true);
    else if (choice === 'Restart') void vscode.commands.executeCommand('bonding.restartServer');
  });
}

/**
 * A crashed server is restarted up to MAX_RESTARTS times within RESTART_WINDOW_MS, each time with a
 * line in the output and a status bar note; one more crash in that window and it stays down, with an
 * error message offering the output and a manual restart.
 */
function crashHandler(): ErrorHandler {
  let crashes: number[] = [];
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few read/write errors in a row are survivable; a stream of them means the server is gone.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes = [...crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
      if (crashes.length <= MAX_RESTARTS) {
        output.warn(`The bonding language server stopped unexpectedly; restarting it (${crashes.length} of ${MAX_RESTARTS} restarts within 3 minutes).`);
        vscode.window.setStatusBarMessage('$(warning) Bonding language server crashed and was restarted', 5000);
        return { action: CloseAction.Restart, handled: true };
      }
      reportServerDown(`The bonding language server crashed ${crashes.length} times in 3 minutes and will not be restarted.`);
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'ifcfg' },
      { scheme: 'file', language: 'modprobe' },
      { scheme: 'untitled', language: 'ifcfg' },
      { scheme: 'untitled', language: 'modprobe' },
    ],
    outputChannel: output,
    errorHandler: crashHandler(),
    initializationFailedHandler: (error) => {
      reportServerDown(`The bonding language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
    synchronize: {
      configurationSection: 'bonding',
      // The server keeps a model of every host in the workspace: tell it when files change on disk.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/ifcfg-*'),
        vscode.workspace.createFileSystemWatcher('**/modprobe.d/*.conf'),
        vscode.workspace.createFileSystemWatcher('**/modprobe.conf'),
        vscode.workspace.createFileSystemWatcher('**/.bondlintrc'),
      ],
    },
    initializationOptions: {
      fileEventsFromClient: true,
      // Code lenses carry LSP locations; this client command converts them for editor.action.showReferences.
      codeLensCommand: 'bonding.showReferences',
      maxFiles: vscode.workspace.getConfiguration('bonding').get<number>('index.maxFiles', 20000),
    },
  };
  return new LanguageClient('bonding', 'Bonding Language Server', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined; topology: TopologyApi; newBond: NewBondApi }> {
  output = vscode.window.createOutputChannel('Bonding Language Server', { log: true });
  context.subscriptions.push(output);
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('bonding.restartServer', async () => {
      output.info('Restarting the bonding language server…');
      if (client && client.state !== State.Stopped) await client.stop();
      client = createClient(context);
      await client.start();
      vscode.window.setStatusBarMessage('Bonding language server restarted', 3000);
    }),
    vscode.commands.registerCommand('bonding.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('bonding.showReferences', (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const c = client?.protocol2CodeConverter;
      if (!c) return;
      return vscode.commands.executeCommand('editor.action.showReferences', c.asUri(uri), c.asPosition(position), locations.map((l) => c.asLocation(l)));
    }),
    { dispose: () => void client?.stop() },
  );
  const newBond = registerNewBondCommand(context, () => client);
  const topology = registerTopologyView(context, () => client);
  await client.start();
  return { client: () => client, topology, newBond };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
