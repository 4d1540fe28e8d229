// Measures the language server on a generated fleet over real stdio JSON-RPC, as an editor sees it:
//   ready      initialize → the first publishDiagnostics of an open member file (the server holds
//              diagnostics back until its first index of the workspace is complete)
//   rss        VmRSS of the server process (/proc/PID/status) once ready, and at the end
//   edits      didChange of a bond file → its diagnostics AND those of an open member of the same
//              bond (the cross-file refresh), p50/p95/p99
//   completion / hover request → response, p50/p95/p99
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver-protocol/node';
import { summarize } from './stats.mjs';

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  CompletionRequest, HoverRequest, ShutdownRequest, ExitNotification, LogMessageNotification,
} = lsp;

/** CPU time (user + system, ms) the process has used so far, from /proc/PID/stat (10 ms ticks). */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10; // utime, stime (fields 14, 15) at 100 Hz
  } catch {
    return NaN;
  }
}

function procStatus(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return { rssKb: NaN, hwmKb: NaN };
  }
}

/**
 * @param {object} o
 * @param {string} o.server  path of the bundled server (dist/server.js)
 * @param {string} o.root    fleet directory (workspace folder)
 * @param {string} o.host    host directory name inside root whose bond is edited
 * @param {number} o.files   number of files in the fleet (for maxFiles)
 * @param {number} o.edits   number of didChange edits
 * @param {number} o.requests number of completion and of hover requests
 */
export async function benchServer(o) {
  const ns = join(o.root, o.host, 'etc', 'sysconfig', 'network-scripts');
  const bondFile = join(ns, 'ifcfg-bond0');
  const bondText = readFileSync(bondFile, 'utf8');
  const memberName = findMember(ns);
  const memberFile = join(ns, memberName);
  const memberText = readFileSync(memberFile, 'utf8');
  const bondUri = pathToFileURL(bondFile).href;
  const memberUri = pathToFileURL(memberFile).href;

  const proc = spawn(process.execPath, [o.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  const logs = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const t = performance.now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.pred(p)) { waiters.splice(i, 1); w.resolve({ t, p }); }
    }
  });
  conn.onNotification(LogMessageNotification.type, (p) => logs.push(p.message));
  conn.onNotification(() => undefined); // topology notifications and the like
  conn.onRequest(() => null); // e.g. refresh requests (none with these capabilities)
  conn.listen();
  const waitDiag = (uri, pred = () => true, ms = 120000) => new Promise((resolve, reject) => {
    const w = { uri, pred, resolve: (x) => { clearTimeout(timer); resolve(x); } };
    const timer = setTimeout(() => {
      const i = waiters.indexOf(w);
      if (i >= 0) waiters.splice(i, 1);
      reject(new Error(`no diagnostics for ${uri} within ${ms} ms\n${stderr}`));
    }, ms);
    waiters.push(w);
  });

  try {
    // Ready: initialize → the member's first diagnostics (published only after the first index).
    const rootUri = pathToFileURL(o.root).href;
    const t0 = performance.now();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fleet' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions: { maxFiles: Math.max(20000, o.files * 2) },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    const firstMember = waitDiag(memberUri);
    void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: memberUri, languageId: 'ifcfg', version: 1, text: memberText } });
    const { t: tReady } = await firstMember;
    const readyMs = tReady - t0;
    const readyCpuMs = cpuMs(proc.pid);
    const afterIndex = procStatus(proc.pid);
    const indexLog = logs.find((m) => m.startsWith('index:'));

    const firstBond = waitDiag(bondUri);
    void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bondUri, languageId: 'ifcfg', version: 1, text: bondText } });
    await firstBond;

    // Edits: replace the BONDING_OPTS line (an incremental change), a different value every time,
    // some of them mistakes the member's diagnostics depend on.
    const lines = bondText.split('\n');
    const optsLine = lines.findIndex((l) => l.startsWith('BONDING_OPTS='));
    let current = lines[optsLine];
    const variants = (i) => [
      `BONDING_OPTS="mode=802.3ad miimon=${100 + (i % 50)} lacp_rate=fast xmit_hash_policy=layer3+4"`,
      `BONDING_OPTS="mode=active-backup miimon=${100 + (i % 50)} primary=${memberName.slice(6)}"`,
      `BONDING_OPTS="mode=active-backup lacp_rate=fast miimon=${100 + (i % 50)}"`,
      `BONDING_OPTS=mode=4 miimon=${100 + (i % 50)}`,
      `BONDING_OPTS="mode=balance-xor arp_interval=${1000 + i} arp_ip_target=10.0.0.1"`,
    ][i % 5];
    const editMs = [];
    let version = 1;
    const cpuBeforeEdits = cpuMs(proc.pid);
    for (let i = 0; i < o.edits; i++) {
      const next = variants(i);
      const v = ++version;
      const bondDone = waitDiag(bondUri, (p) => p.version === v);
      const memberDone = waitDiag(memberUri);
      const t = performance.now();
      void conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: bondUri, version: v },
        contentChanges: [{ range: { start: { line: optsLine, character: 0 }, end: { line: optsLine, character: current.length } }, text: next }],
      });
      const [a, b] = await Promise.all([bondDone, memberDone]);
      editMs.push(Math.max(a.t, b.t) - t);
      current = next;
    }

    const serverCpuPerEditMs = (cpuMs(proc.pid) - cpuBeforeEdits) / Math.max(1, o.edits);
    // Completion: a key on a new last line, and a value inside BONDING_OPTS; hover on keys.
    const lastLine = bondText.endsWith('\n') ? lines.length - 1 : lines.length;
    const optsValueCol = current.indexOf('mode=') + 5;
    const completionMs = [];
    const hoverMs = [];
    let items = 0;
    for (let i = 0; i < o.requests; i++) {
      const position = i % 2 ? { line: optsLine, character: optsValueCol } : { line: lastLine, character: 0 };
      let t = performance.now();
      const r = await conn.sendRequest(CompletionRequest.type, { textDocument: { uri: bondUri }, position });
      completionMs.push(performance.now() - t);
      items += Array.isArray(r) ? r.length : r?.items?.length ?? 0;
      const line = [1, 3, optsLine, 6][i % 4];
      t = performance.now();
      await conn.sendRequest(HoverRequest.type, { textDocument: { uri: bondUri }, position: { line, character: 2 } });
      hoverMs.push(performance.now() - t);
    }
    const atEnd = procStatus(proc.pid);
    return {
      files: o.files,
      readyMs,
      readyCpuMs,
      indexLog,
      rssAfterIndexMb: afterIndex.rssKb / 1024,
      rssAtEndMb: atEnd.rssKb / 1024,
      peakRssMb: atEnd.hwmKb / 1024,
      edits: summarize(editMs),
      serverCpuPerEditMs,
      loadAvg: os.loadavg()[0],
      serverCpuMs: cpuMs(proc.pid),
      completion: summarize(completionMs),
      completionItems: o.requests ? items / o.requests : 0,
      hover: summarize(hoverMs),
    };
  } finally {
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await conn.sendNotification(ExitNotification.type);
    } catch { /* killed below */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (proc.exitCode === null) proc.kill();
    conn.dispose();
  }
}

function findMember(ns) {
  // Generated hosts name their members MASTER=bond0; the first such file (sorted) is used.
  for (const name of readdirSync(ns).sort()) {
    if (!name.startsWith('ifcfg-') || name === 'ifcfg-bond0') continue;
    if (/^MASTER=bond0$/m.test(readFileSync(join(ns, name), 'utf8'))) return name;
  }
  throw new Error(`no member of bond0 in ${ns}`);
}
