// The built server (dist/server.js --stdio) against hostile clients and hostile workspaces: malformed
// JSON-RPC, requests that make no sense, floods of edits, huge and binary files, unreadable and odd
// files in an indexed folder. After each, the server must still be running, must have said what went
// wrong (stderr or window/logMessage) where something did, and must answer the next request correctly.
//
// Running as root, chmod 000 does not stop reads: unreadable files are made with what root cannot read
// either (a dangling symlink, a FIFO, a directory named like a file, a symlink loop). Tests that need a
// non-root user are skipped when running as root, and say so.
import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER } from '../helpers/lsp-client';

import fc from 'fast-check';
import { FramingGuard } from '../../server/src/stdio-transport';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const uriOf = (p: string) => pathToFileURL(p).toString();

interface Msg { jsonrpc?: string; id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }

/** A client that writes raw bytes and parses the server's output itself (it must survive our garbage). */
class RawClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly messages: Msg[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  private buf = Buffer.alloc(0);
  private nextId = 1000;
  private waiters: { pred: (m: Msg) => boolean; res: (m: Msg) => void }[] = [];

  constructor(args: string[] = ['--stdio'], user?: { uid: number; gid: number }) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe', ...user });
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.proc.stdout.on('data', (d: Buffer) => { this.buf = Buffer.concat([this.buf, d]); this.parse(); });
    this.proc.on('exit', (code) => { this.exitCode = code; });
    this.proc.stdin.on('error', () => undefined);
  }

  private parse(): void {
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buf.subarray(0, sep).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      assert.ok(m && /^Content-Length: \d+(\r\nContent-Type: [^\r\n]*)?$/i.test(header), `the server wrote something that is not a JSON-RPC header: ${JSON.stringify(header.slice(0, 200))}`);
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8')) as Msg;
      this.buf = this.buf.subarray(sep + 4 + len);
      this.messages.push(msg);
      for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i].pred(msg)) { this.waiters[i].res(msg); this.waiters.splice(i, 1); }
      // Answer the server's own requests (configuration, progress, registration, refresh).
      if (msg.method && msg.id !== undefined && msg.id !== null) this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
    }
  }

  write(data: string | Buffer): void { this.proc.stdin.write(data); }

  send(msg: object): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown): void { this.send({ jsonrpc: '2.0', method, params }); }

  wait(pred: (m: Msg) => boolean, ms = 15_000, what = 'a message'): Promise<Msg> {
    const hit = this.messages.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no ${what} within ${ms} ms (server ${this.exitCode === undefined ? 'running' : `exited with ${this.exitCode}`})\nstderr: ${this.stderr.slice(-3000)}\nlog: ${this.log().slice(-3000)}`)), ms);
      this.waiters.push({ pred, res: (m) => { clearTimeout(t); res(m); } });
    });
  }

  async request(method: string, params: unknown, ms = 15_000): Promise<Msg> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.wait((m) => m.id === id && m.method === undefined, ms, `answer to ${method} #${id}`);
  }

  async initialize(rootPath?: string, initializationOptions?: unknown): Promise<void> {
    const rootUri = rootPath ? uriOf(rootPath) : null;
    const r = await this.request('initialize', {
      processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
      initializationOptions,
    });
    assert.ok(r.result, JSON.stringify(r));
    this.notify('initialized', {});
  }

  /** window/logMessage text and stderr. */
  log(): string {
    return this.messages.filter((m) => m.method === 'window/logMessage' || m.method === 'window/showMessage').map((m) => (m.params as { message: string }).message).join('\n') + this.stderr;
  }

  diagnosticsFor(uri: string, pred: (p: { uri: string; version?: number; diagnostics: { code?: string }[] }) => boolean = () => true, ms?: number) {
    return this.wait((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && pred(m.params as never), ms, `diagnostics for ${uri}`)
      .then((m) => m.params as { uri: string; version?: number; diagnostics: { code?: string; range: unknown }[] });
  }

  open(uri: string, text: string, languageId = 'ifcfg', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** The server is alive and answers correctly: completion of ifcfg keys in a fresh document. */
  async healthy(tag = `${this.nextId}`): Promise<void> {
    assert.equal(this.exitCode, undefined, `the server exited (${this.exitCode})\n${this.stderr.slice(-2000)}`);
    const uri = `file:///health/${tag}/etc/sysconfig/network-scripts/ifcfg-bond0`;
    this.open(uri, 'DEVICE=bond0\nONBOOT = yes\n');
    const d = await this.diagnosticsFor(uri);
    assert.ok(d.diagnostics.some((x) => x.code === 'spaces-around-equals'), JSON.stringify(d));
    const r = await this.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const items = (r.result as { items: { label: string }[] }).items;
    assert.ok(items.some((i) => i.label === 'BONDING_OPTS'), JSON.stringify(r).slice(0, 300));
  }

  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    const exited = new Promise<number | null>((res) => this.proc.once('exit', (c) => res(c)));
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch { this.proc.kill(); }
    return Promise.race([exited, new Promise<number | null>((r) => setTimeout(() => { this.proc.kill('SIGKILL'); r(-1); }, 5000))]);
  }
}

/** uid/gid of `nobody` when it can run the server (it must be able to read dist/server.js). */
function nobody(): { uid: number; gid: number } | undefined {
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(SERVER)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 });
  return r.status === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

const clients: RawClient[] = [];
const tmpDirs: string[] = [];
after(async () => {
  for (const c of clients) if (c.exitCode === undefined) c.proc.kill('SIGKILL');
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

async function fresh(root?: string, init?: unknown, user?: { uid: number; gid: number }): Promise<RawClient> {
  const c = new RawClient(['--stdio'], user);
  clients.push(c);
  await c.initialize(root, init);
  return c;
}

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bonding-robust-'));
  tmpDirs.push(d);
  return d;
}

const frame = (body: string | Buffer, length?: number | string) => {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? b.length}\r\n\r\n`, 'ascii'), b]);
};

describe('the stdio framing guard (server/src/stdio-transport.ts) on its own', () => {
  type Item = { kind: 'ok'; body: string } | { kind: 'garbage'; bytes: Buffer } | { kind: 'bad-header'; header: string } | { kind: 'too-long'; body: string; extra: number } | { kind: 'too-short'; body: string; less: number };
  const jsonBody = fc.record({ id: fc.nat(), method: fc.string({ maxLength: 20 }), text: fc.string({ unit: 'grapheme', maxLength: 60 }) })
    .map((o) => JSON.stringify({ jsonrpc: '2.0', id: o.id, method: o.method, params: { text: `${o.text} Content-Length: 5\r\n\r\n` } }));
  const noHeader = (b: Buffer) => !/content-/i.test(b.toString('latin1'));
  const item: fc.Arbitrary<Item> = fc.oneof(
    { weight: 5, arbitrary: jsonBody.map((body) => ({ kind: 'ok' as const, body })) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((a) => Buffer.from(a)).filter(noHeader).map((bytes) => ({ kind: 'garbage' as const, bytes })) },
    { weight: 1, arbitrary: fc.constantFrom('Content-Length: abc', 'Content-Length: -1', 'Content-Length 5', 'Content-Type: x', 'Content-Length: 99999999999999', 'Content-Length: 1\r\nBad Header').map((header) => ({ kind: 'bad-header' as const, header })) },
    { weight: 1, arbitrary: fc.record({ body: jsonBody, extra: fc.integer({ min: 1, max: 500 }) }).map((r) => ({ kind: 'too-long' as const, ...r })) },
    { weight: 1, arbitrary: fc.record({ body: jsonBody, less: fc.integer({ min: 1, max: 20 }) }).map((r) => ({ kind: 'too-short' as const, ...r })) },
  );
  const bytesOf = (it: Item): Buffer => {
    switch (it.kind) {
      case 'ok': return frame(it.body);
      case 'garbage': return it.bytes;
      case 'bad-header': return Buffer.from(`${it.header}\r\n\r\nxyz`, 'latin1');
      case 'too-long': return frame(it.body, Buffer.byteLength(it.body) + it.extra);
      case 'too-short': return frame(it.body, Math.max(0, Buffer.byteLength(it.body) - it.less));
    }
  };
  /** Runs the guard over the chunks; returns the bodies it emitted, re-read with a strict parser. */
  const run = (chunks: Buffer[]): Promise<{ bodies: string[]; reports: string[] }> => new Promise((resolve) => {
    const reports: string[] = [];
    const g = new FramingGuard((m) => reports.push(m));
    const out: Buffer[] = [];
    g.on('data', (d: Buffer) => out.push(d));
    g.on('end', () => {
      let all = Buffer.concat(out);
      const bodies: string[] = [];
      while (all.length) {
        const m = /^Content-Length: (\d+)\r\n\r\n/.exec(all.toString('latin1', 0, 40));
        assert.ok(m, `the guard emitted something that is not a framed message: ${JSON.stringify(all.toString('latin1', 0, 60))}`);
        const start = m[0].length;
        bodies.push(all.subarray(start, start + Number(m[1])).toString('utf8'));
        all = all.subarray(start + Number(m[1]));
      }
      resolve({ bodies, reports });
    });
    for (const c of chunks) g.write(c);
    g.end();
  });

  test('valid messages pass through whole and in order, however the bytes are split; garbage is dropped and reported', async () => {
    await fc.assert(fc.asyncProperty(fc.array(item, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), async (items, cuts) => {
      // After a too-short message, the rest of its body is garbage without a header: the next real
      // header is found. After a too-long one, the next header is found inside the body.
      const stream = Buffer.concat(items.map(bytesOf));
      const chunks: Buffer[] = [];
      for (let at = 0, k = 0; at < stream.length; k++) { const n = cuts[k % cuts.length]; chunks.push(stream.subarray(at, at + n)); at += n; }
      const { bodies, reports } = await run(chunks);
      const expected = items.filter((i) => i.kind === 'ok').map((i) => (i as { body: string }).body);
      // Every valid message is emitted, whole and in order; the only extra bodies are truncated ones.
      let k = 0;
      const extra: string[] = [];
      for (const b of bodies) { if (k < expected.length && b === expected[k]) k++; else extra.push(b); }
      assert.equal(k, expected.length, `lost a valid message: ${JSON.stringify({ expected, bodies })}`);
      // Extra bodies come from messages with a wrong Content-Length: truncated (not JSON), or a
      // too-long one recovered whole because the next header showed where it really ended.
      const wrong = items.filter((i) => i.kind === 'too-short' || i.kind === 'too-long');
      assert.ok(extra.length <= wrong.length, JSON.stringify(extra));
      for (const e of extra) {
        let parsed = true;
        try { JSON.parse(e); } catch { parsed = false; }
        assert.ok(!parsed || wrong.some((i) => i.kind === 'too-long' && i.body === e), `unexpected message ${e}`);
      }
      if (items.some((i) => i.kind !== 'ok' && i.kind !== 'too-short')) assert.ok(reports.length > 0, 'garbage went unreported');
    }), { numRuns: Number(process.env.GUARD_RUNS ?? 300) });
  });

  test('a 50 MB message split in 64 KB chunks passes in linear time', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'a'.repeat(50_000_000) } });
    const stream = frame(body);
    const chunks: Buffer[] = [];
    for (let at = 0; at < stream.length; at += 65536) chunks.push(stream.subarray(at, at + 65536));
    const t0 = Date.now();
    const { bodies } = await run(chunks);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].length, body.length);
    assert.ok(Date.now() - t0 < 10_000, `${Date.now() - t0} ms`);
  });
});

describe('malformed JSON-RPC', () => {
  const cases: [string, Buffer | string][] = [
    ['garbage bytes without any header', Buffer.from([0, 1, 2, 255, 254, 10, 13, 65, 66, 67])],
    ['garbage ending in a blank line', 'hello world\r\n\r\n'],
    ['a header line without a colon', 'Content-Length 12\r\n\r\n{"jsonrpc":1}'],
    ['no Content-Length header', 'Content-Type: application/json\r\n\r\n{}'],
    ['a non-numeric Content-Length', frame('{"jsonrpc":"2.0","method":"x"}', 'abc')],
    ['a negative Content-Length', frame('{"jsonrpc":"2.0","method":"x"}', -5)],
    ['a Content-Length too small for the body', frame('{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}', 10)],
    ['a Content-Length larger than the body', frame('{"jsonrpc":"2.0","method":"x"}', 60)],
    ['an enormous Content-Length', frame('{}', 99_999_999_999)],
    ['an invalid JSON body', frame('{"jsonrpc":"2.0","id":7,"method":')],
    ['a body that is not UTF-8', frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
    ['JSON that is not a JSON-RPC message', frame('[1,2,3]')],
    ['a JSON-RPC message with neither method nor id', frame('{"jsonrpc":"2.0"}')],
    ['a request for an unknown method', frame('{"jsonrpc":"2.0","id":"u1","method":"no/suchMethod","params":{}}')],
    ['a hover request without params', frame('{"jsonrpc":"2.0","id":"h1","method":"textDocument/hover"}')],
    ['a hover request with params of the wrong types', frame('{"jsonrpc":"2.0","id":"h2","method":"textDocument/hover","params":{"textDocument":7,"position":"x"}}')],
    ['a completion request with a null position', frame('{"jsonrpc":"2.0","id":"c1","method":"textDocument/completion","params":{"textDocument":{"uri":"file:///x/ifcfg-a"},"position":null}}')],
    ['didOpen with a missing text', frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/ifcfg-b","languageId":"ifcfg","version":1}}}')],
    ['didChange with garbage contentChanges', frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x/ifcfg-b","version":2},"contentChanges":[{"range":7,"text":null}]}}')],
    ['codeAction with diagnostics that are not objects', frame('{"jsonrpc":"2.0","id":"a1","method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x/ifcfg-b"},"range":null,"context":{"diagnostics":[1,null,"x"]}}}')],
  ];

  test('each malformed input: the server keeps running, says so, and answers the next request', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    await Promise.all(cases.map(async ([what, bytes]) => {
      const c = await fresh();
      try {
        const logBefore = c.log().length;
        c.write(bytes);
        await new Promise((r) => setTimeout(r, 150));
        await c.healthy(what.replace(/\W+/g, '-'));
        // A framing or parse problem must be reported somewhere (requests get error responses instead).
        const answered = c.messages.some((m) => typeof m.id === 'string' && m.error);
        if (!/unknown method|without params|wrong types|null position|not objects|missing text|garbage contentChanges/.test(what) && !(c.log().length > logBefore || answered)) {
          failures.push(`${what}: nothing logged`);
        }
        const code = await c.stop();
        if (code !== 0) failures.push(`${what}: exit code ${code} after shutdown/exit`);
      } catch (e) {
        failures.push(`${what}: ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`);
        c.proc.kill('SIGKILL');
      }
    }));
    assert.deepEqual(failures, []);
  });

  test('requests that cannot be handled get an error response, not silence', async () => {
    const c = await fresh();
    const r = await c.request('no/suchMethod', {});
    assert.equal(r.error?.code, -32601);
    const h = await c.request('textDocument/hover', { textDocument: 7, position: 'x' });
    assert.ok(h.error || h.result === null, JSON.stringify(h));
    await c.healthy();
    await c.stop();
  });
});

describe('requests that make no sense', () => {
  test('unknown documents, positions past the end of a line or of the file, negative and fractional positions', async () => {
    const c = await fresh();
    const uri = 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0';
    c.open(uri, 'DEVICE=bond0\nBONDING_OPTS="mode=1"\n');
    await c.diagnosticsFor(uri);
    const unknown = 'file:///nowhere/etc/sysconfig/network-scripts/ifcfg-zz';
    const positions = [{ line: 0, character: 500 }, { line: 40, character: 0 }, { line: 1_000_000_000, character: 1_000_000_000 }, { line: -1, character: -1 }, { line: 0.5, character: 1.5 }];
    const methods: [string, (u: string, p: unknown) => unknown][] = [
      ['textDocument/hover', (u, p) => ({ textDocument: { uri: u }, position: p })],
      ['textDocument/completion', (u, p) => ({ textDocument: { uri: u }, position: p })],
      ['textDocument/definition', (u, p) => ({ textDocument: { uri: u }, position: p })],
      ['textDocument/references', (u, p) => ({ textDocument: { uri: u }, position: p, context: { includeDeclaration: true } })],
      ['textDocument/prepareRename', (u, p) => ({ textDocument: { uri: u }, position: p })],
      ['textDocument/rename', (u, p) => ({ textDocument: { uri: u }, position: p, newName: 'bond9' })],
      ['textDocument/codeAction', (u, p) => ({ textDocument: { uri: u }, range: { start: p, end: p }, context: { diagnostics: [] } })],
      ['textDocument/inlayHint', (u, p) => ({ textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: p } })],
      ['textDocument/documentSymbol', (u) => ({ textDocument: { uri: u } })],
      ['textDocument/documentLink', (u) => ({ textDocument: { uri: u } })],
      ['textDocument/codeLens', (u) => ({ textDocument: { uri: u } })],
      ['textDocument/diagnostic', (u) => ({ textDocument: { uri: u } })],
    ];
    for (const u of [uri, unknown, 'untitled:Untitled-1', 'not a uri', '']) {
      for (const p of positions) {
        for (const [m, params] of methods) {
          const r = await c.request(m, params(u, p));
          // A result (often null or empty) or an error response: both are answers.
          assert.ok('result' in r || r.error, `${m} on ${u} at ${JSON.stringify(p)}: ${JSON.stringify(r)}`);
          if (r.error) assert.notEqual(r.error.code, -32603, `${m} on ${u} at ${JSON.stringify(p)} failed inside the server: ${r.error.message}`);
        }
      }
    }
    // Diagnostics a client made up (null, no range, not ours) or no context at all: an answer, not an internal error.
    const junk = [null, 7, {}, { source: 'bonding', code: 'spaces-around-equals' }, { source: 'bonding', code: 'x', range: { start: null, end: 3 } }];
    for (const context of [{ diagnostics: junk }, { diagnostics: null }, undefined]) {
      const r = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context });
      assert.ok(Array.isArray(r.result), `codeAction with context ${JSON.stringify(context)}: ${JSON.stringify(r)}`);
    }
    const ws = await c.request('workspace/symbol', { query: '\u0000(['.repeat(1000) });
    assert.ok(Array.isArray(ws.result));
    assert.equal(c.exitCode, undefined);
    await c.healthy();
    await c.stop();
  });

  test('didChange before didOpen, didClose of a document never opened, a second didOpen of the same document', async () => {
    const c = await fresh();
    const uri = 'file:///h2/etc/sysconfig/network-scripts/ifcfg-eth0';
    c.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'DEVICE=eth0\n' }] });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: { line: 9, character: 9 }, end: { line: 9, character: 99 } }, text: 'x' }] });
    c.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/ifcfg-opened' } });
    c.open(uri, 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n');
    c.open(uri, 'DEVICE=eth0\nMASTER = bond0\n', 'ifcfg', 2);
    // An incremental edit whose range lies past the end of the document.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 50, character: 3 }, end: { line: 60, character: 0 } }, text: 'ONBOOT = yes\n' }] });
    const d = await c.diagnosticsFor(uri, (p) => p.version === 3);
    assert.ok(Array.isArray(d.diagnostics));
    await c.healthy();
    await c.stop();
  });

  test('10 000 rapid edits: the last version wins, nothing is lost in between', { timeout: 120_000 }, async () => {
    const c = await fresh();
    const uri = 'file:///h3/etc/sysconfig/network-scripts/ifcfg-bond0';
    c.open(uri, '');
    let text = '';
    const lines: string[] = [];
    for (let v = 2; v <= 10_001; v++) {
      const line = v % 7 === 0 ? `X${v} = ${v}` : `X${v}=${v}`;
      // Mix incremental inserts and (every 1000th) full replacements.
      if (v % 1000 === 0) {
        lines.push(line);
        text = lines.join('\n') + '\n';
        c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      } else {
        lines.push(line);
        c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: line + '\n' }] });
        text += line + '\n';
      }
    }
    const d = await c.diagnosticsFor(uri, (p) => p.version === 10_001, 90_000);
    const spaces = d.diagnostics.filter((x) => x.code === 'spaces-around-equals').length;
    assert.equal(spaces, Math.min(1000, lines.filter((l) => l.includes(' = ')).length));
    const sym = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((sym.result as unknown[]).length, 10_000);
    await c.healthy();
    await c.stop();
  });
});

describe('huge, binary and unreadable files', () => {
  test('a 50 MB document and a binary document, opened: answered, and the next request too', { timeout: 180_000 }, async () => {
    const c = await fresh();
    const big = 'file:///h4/etc/sysconfig/network-scripts/ifcfg-bond0';
    const line = 'BONDING_OPTS="mode=1 miimon=100 updelay=200"\nIPADDR=192.0.2.1\n';
    c.open(big, line.repeat(Math.ceil(50_000_000 / line.length)));
    const d = await c.diagnosticsFor(big, () => true, 150_000);
    assert.ok(Array.isArray(d.diagnostics));
    const bin = 'file:///h4/etc/modprobe.d/bonding.conf';
    const bytes = Buffer.alloc(200_000);
    let s = 1;
    for (let i = 0; i < bytes.length; i++) { s = (s * 1103515245 + 12345) & 0x7fffffff; bytes[i] = s >> 16; }
    c.open(bin, bytes.toString('latin1'), 'modprobe');
    await c.diagnosticsFor(bin, () => true, 60_000);
    const h = await c.request('textDocument/hover', { textDocument: { uri: big }, position: { line: 1_000_000, character: 5 } }, 60_000);
    assert.ok('result' in h);
    c.notify('textDocument/didClose', { textDocument: { uri: big } });
    await c.healthy();
    await c.stop();
  });

  test('a workspace with huge, binary, invalid UTF-8, unreadable and looping entries is indexed; problems are logged', { timeout: 120_000 }, async () => {
    const root = tmp();
    const ns = path.join(root, 'h', 'etc', 'sysconfig', 'network-scripts');
    const md = path.join(root, 'h', 'etc', 'modprobe.d');
    fs.mkdirSync(ns, { recursive: true });
    fs.mkdirSync(md, { recursive: true });
    fs.writeFileSync(path.join(ns, 'ifcfg-bond0'), 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\n');
    fs.writeFileSync(path.join(ns, 'ifcfg-eth0'), 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n');
    // 50 MB: over the index's size limit (skipped and logged).
    const fd = fs.openSync(path.join(ns, 'ifcfg-huge'), 'w');
    const chunk = Buffer.from('IPADDR=192.0.2.1\n'.repeat(65536));
    for (let n = 0; n < 50_000_000; n += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    // Binary and invalid UTF-8 (indexed: they are small).
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 131 + 7) & 0xff;
    fs.writeFileSync(path.join(ns, 'ifcfg-binary'), bin);
    fs.writeFileSync(path.join(ns, 'ifcfg-badutf8'), Buffer.concat([Buffer.from('DEVICE=eth1\nMASTER=bond0\nNAME='), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0xfe]), Buffer.from('\nSLAVE=yes\n')]));
    fs.writeFileSync(path.join(md, 'bonding.conf'), Buffer.from([0xef, 0xbb, 0xbf, 0x6f, 0x70, 0x74, 0x69, 0x6f, 0x6e, 0x73, 0x20, 0xff, 0x00, 0x0a]));
    // What root cannot read either.
    fs.symlinkSync(path.join(ns, 'does-not-exist'), path.join(ns, 'ifcfg-dangling'));
    fs.mkdirSync(path.join(ns, 'ifcfg-isadir'));
    spawnSync('mkfifo', [path.join(ns, 'ifcfg-fifo')]);
    fs.symlinkSync(path.join(ns, 'ifcfg-fifo'), path.join(ns, 'ifcfg-fifolink'));
    fs.symlinkSync(path.join(ns, 'ifcfg-isadir'), path.join(ns, 'ifcfg-dirlink'));
    fs.symlinkSync(path.join(root, 'h'), path.join(ns, 'loop'));
    fs.symlinkSync(path.join(ns, 'ifcfg-selfloop'), path.join(ns, 'ifcfg-selfloop'));
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'b', 'up'));

    const c = await fresh(root);
    const bond = uriOf(path.join(ns, 'ifcfg-bond0'));
    c.open(bond, fs.readFileSync(path.join(ns, 'ifcfg-bond0'), 'utf8'));
    await c.diagnosticsFor(bond, () => true, 60_000);
    const top = await c.request('bonding/topology', {}, 60_000);
    const hosts = (top.result as { hosts: { bonds: { device: string; members: { device: string }[] }[] }[] }).hosts;
    const members = hosts.flatMap((h) => h.bonds.flatMap((b) => b.members.map((m) => m.device))).sort();
    assert.deepEqual(members, ['eth0', 'eth1'], JSON.stringify(hosts));
    const log = c.log();
    assert.match(log, /ifcfg-huge: larger than/);
    assert.match(log, /ifcfg-dangling: ENOENT/);
    assert.match(log, /ifcfg-selfloop: ELOOP/);
    assert.match(log, /ifcfg-fifolink: not a regular file/);
    assert.match(log, /ifcfg-dirlink: not a regular file/);
    // The FIFO itself is not a candidate (the walk lists regular files and symlinks), the directory
    // named ifcfg-isadir is walked like any directory, and the symlink loops are not followed.
    assert.doesNotMatch(log, /ifcfg-fifo:|ifcfg-isadir:/);
    // Opening what the index skipped works like any document.
    const huge = uriOf(path.join(ns, 'ifcfg-binary'));
    c.open(huge, bin.toString('utf8'));
    await c.diagnosticsFor(huge);
    await c.healthy();
    await c.stop();
  });

  // Running as root, chmod 000 files and directories stay readable. As root, the server is started as
  // `nobody` for this test (spawn's uid/gid), so that permissions apply; skipped if that is impossible.
  const NOBODY = IS_ROOT ? nobody() : undefined;
  test('a file and a directory without read permission are skipped and logged (EACCES)', { skip: IS_ROOT && !NOBODY ? 'running as root without a usable nobody user: root reads mode-000 files anyway' : false, timeout: 60_000 }, async () => {
    const root = tmp();
    fs.chmodSync(root, 0o755);
    const ns = path.join(root, 'h', 'etc', 'sysconfig', 'network-scripts');
    fs.mkdirSync(ns, { recursive: true });
    fs.writeFileSync(path.join(ns, 'ifcfg-bond0'), 'DEVICE=bond0\nTYPE=Bond\n');
    fs.writeFileSync(path.join(ns, 'ifcfg-noperm'), 'DEVICE=noperm\n');
    fs.chmodSync(path.join(ns, 'ifcfg-noperm'), 0);
    fs.mkdirSync(path.join(root, 'h', 'noperm-dir'));
    fs.writeFileSync(path.join(root, 'h', 'noperm-dir', 'ifcfg-x'), 'DEVICE=x\n');
    fs.chmodSync(path.join(root, 'h', 'noperm-dir'), 0);
    try {
      const c = await fresh(root, undefined, NOBODY);
      await c.request('bonding/topology', {}, 60_000);
      assert.match(c.log(), /ifcfg-noperm: EACCES/);
      assert.match(c.log(), /noperm-dir: EACCES/);
      // A document the server cannot read from disk can still be opened with the editor's text.
      const uri = uriOf(path.join(ns, 'ifcfg-noperm'));
      c.open(uri, 'DEVICE = noperm\n');
      assert.ok((await c.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'spaces-around-equals'));
      c.notify('textDocument/didClose', { textDocument: { uri } });
      await c.healthy();
      await c.stop();
    } finally {
      fs.chmodSync(path.join(root, 'h', 'noperm-dir'), 0o755);
    }
  });

  test('files deleted (and replaced by directories) while the workspace is being indexed', { timeout: 120_000 }, async () => {
    const root = tmp();
    const hosts = 300;
    for (let h = 0; h < hosts; h++) {
      const ns = path.join(root, `h${h}`, 'etc', 'sysconfig', 'network-scripts');
      fs.mkdirSync(ns, { recursive: true });
      for (const n of ['bond0', 'eth0', 'eth1', 'eth2']) fs.writeFileSync(path.join(ns, `ifcfg-${n}`), n === 'bond0' ? 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\n' : `DEVICE=${n}\nMASTER=bond0\nSLAVE=yes\n`);
    }
    const c = new RawClient();
    clients.push(c);
    const init = c.initialize(root);
    // Delete and mangle files while the server walks and reads them.
    let deleted = 0;
    for (let h = hosts - 1; h >= 0; h -= 2) {
      const ns = path.join(root, `h${h}`, 'etc', 'sysconfig', 'network-scripts');
      for (const n of ['eth1', 'eth2']) { fs.rmSync(path.join(ns, `ifcfg-${n}`), { force: true }); deleted++; }
      if (h % 10 === 1) { fs.rmSync(path.join(ns, 'ifcfg-eth0')); fs.mkdirSync(path.join(ns, 'ifcfg-eth0')); }
      if (h % 30 === 1) fs.rmSync(path.join(root, `h${h}`), { recursive: true, force: true });
      if (h % 4 === 1) await new Promise((r) => setImmediate(r));
    }
    await init;
    assert.ok(deleted > 100);
    const top = await c.request('bonding/topology', {}, 60_000);
    assert.ok(Array.isArray((top.result as { hosts: unknown[] }).hosts));
    await c.healthy();
    await c.stop();
  });
});
