// The server's stdio transport: vscode-jsonrpc's reader and writer, behind a guard that keeps the LSP
// base protocol framing (`Content-Length: N\r\n\r\n` + N bytes) in step whatever arrives on stdin.
//
// vscode-jsonrpc alone never recovers from a framing error: after garbage bytes, a header without a
// colon, a non-numeric or wrong Content-Length, every later message is read as part of a header or of
// a body, and the server answers nothing ever again — silently. The guard passes well-framed messages
// through unchanged and, when the framing is off, says so and finds the next real header:
//   - bytes before a header are dropped up to the next `Content-Length:` / `Content-Type:`;
//   - a header block that is not `Name: value` lines ending in an empty line, or has no (or a
//     non-numeric, or a too large) Content-Length, is not a header: the search goes on after its first
//     byte (header-like text inside garbage or JSON cannot stop it);
//   - a raw `Content-Length: N\r\n` cannot occur inside JSON text: when one shows up inside a body, the
//     declared length was too large, the body ends there and reading resumes at that header (also when
//     the body swallowed only the first bytes of the next header: a body that does not end like JSON
//     is checked against the next few bytes before it is passed on).
// Bodies that are framed right but are not JSON (or not JSON-RPC) reach vscode-jsonrpc, whose errors
// are reported too. Only reads and reframes; never interprets a message.
import { Transform, type TransformCallback } from 'stream';
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** Larger bodies cannot become a JavaScript string anyway. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 4096;
/** Problems reported per connection (a flood of garbage is reported, not echoed). */
const MAX_REPORTS = 50;

/** How far ahead one search for a header looks (garbage beyond is dropped a window at a time). */
const SEARCH_WINDOW = 1 << 20;

/**
 * Where the next header may start (`Content-Length:` or `Content-Type:`, any case) within the first
 * SEARCH_WINDOW bytes of `view`; -1 when there is none.
 */
function nextHeaderStart(view: Buffer): number {
  // The usual case: the header is right there.
  if (view.length >= 8 && view.toString('latin1', 0, 8).toLowerCase() === 'content-') return 0;
  // Headers are ASCII: search a latin1 view (one character per byte, so indexes are byte offsets).
  const s = view.toString('latin1', 0, Math.min(view.length, SEARCH_WINDOW));
  const m = /content-(?:length|type)[ \t]*:/i.exec(s);
  return m ? m.index : -1;
}

/** A raw `Content-Length: N\r\n` between `from` and `to`: proof that a body's declared length was wrong. */
function headerInside(view: Buffer, from: number, to: number): number {
  const s = view.toString('latin1', from, to);
  const m = /content-length[ \t]*:[ \t]*\d+\r\n/i.exec(s);
  return m ? from + m.index : -1;
}

/** A growable byte queue: appends without re-copying everything (50 MB bodies arrive in 64 KB chunks). */
class ByteQueue {
  private data = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  get length(): number { return this.end - this.start; }
  view(): Buffer { return this.data.subarray(this.start, this.end); }

  append(chunk: Buffer): void {
    if (this.end + chunk.length > this.data.length) {
      const need = this.length + chunk.length;
      const next = need <= this.data.length / 2 ? this.data : Buffer.alloc(Math.max(need, this.data.length * 2, 65536));
      this.data.copy(next, 0, this.start, this.end);
      this.data = next;
      this.end = this.length;
      this.start = 0;
    }
    chunk.copy(this.data, this.end);
    this.end += chunk.length;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start >= this.end) { this.start = this.end = 0; if (this.data.length > 1 << 20) this.data = Buffer.alloc(0); }
  }
}

/** What a header block may look like: `Name: value` lines, then an empty line. */
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*([^\r\n]*)$/;
/** The start of a header line still arriving: a name, maybe a colon and part of a value. */
const PARTIAL_LINE = /^[A-Za-z][A-Za-z0-9-]*(?:[ \t]*:[^\r\n]*)?\r?$/;
/** Bytes looked at past a body that does not end like JSON, to see whether it swallowed a header. */
const LOOKAHEAD = 24;

type HeaderCheck = { ok: true; headerLength: number; bodyLength: number } | { ok: false; wait: boolean; problem?: string };

/** Checks the header block at the start of `view`. */
function checkHeader(view: Buffer): HeaderCheck {
  const text = view.toString('latin1', 0, Math.min(view.length, MAX_HEADER_BYTES));
  const sep = text.indexOf('\r\n\r\n');
  const lines = (sep >= 0 ? text.slice(0, sep) : text).split('\r\n');
  const complete = sep >= 0 ? lines : lines.slice(0, -1);
  let length: number | undefined;
  for (const line of complete) {
    const m = HEADER_LINE.exec(line);
    if (!m) return { ok: false, wait: false, problem: `not a header line: ${JSON.stringify(line.slice(0, 60))}` };
    if (m[1].toLowerCase() !== 'content-length') continue;
    if (!/^\d{1,12}[ \t]*$/.test(m[2])) return { ok: false, wait: false, problem: `Content-Length is not a number: ${JSON.stringify(m[2].slice(0, 40))}` };
    length = Number(m[2].trim());
    if (length > MAX_BODY_BYTES) return { ok: false, wait: false, problem: `Content-Length ${length} is larger than ${MAX_BODY_BYTES}` };
  }
  if (sep < 0) {
    const last = lines[lines.length - 1];
    const cl = /^content-length[ \t]*:(.*)$/i.exec(last);
    const partialOk = last === '' || last === '\r' || (PARTIAL_LINE.test(last) && (!cl || /^[ \t]*\d*[ \t]*\r?$/.test(cl[1])));
    return partialOk && text.length < MAX_HEADER_BYTES ? { ok: false, wait: true } : { ok: false, wait: false, problem: 'no end of header' };
  }
  if (length === undefined) return { ok: false, wait: false, problem: 'no Content-Length' };
  return { ok: true, headerLength: sep + 4, bodyLength: length };
}

/** Whether bytes [from, to) end like a JSON-RPC body: '}' or ']' before trailing blanks. */
function endsLikeJson(view: Buffer, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = view[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7d || c === 0x5d;
  }
  return false;
}

export class FramingGuard extends Transform {
  private readonly queue = new ByteQueue();
  /** -1 while looking for a header; otherwise the body length of the message being read. */
  private bodyLength = -1;
  private headerLength = 0;
  /** Body bytes already searched for a misplaced header. */
  private scanned = 0;
  private dropped = 0;
  private reports = 0;
  private ending = false;

  constructor(private readonly report: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.queue.append(chunk);
    try { this.drain(); } catch (e) { this.warn(`stdin: ${String(e)}`); }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.ending = true;
    try { this.drain(); } catch (e) { this.warn(`stdin: ${String(e)}`); }
    if (this.queue.length) this.discard(this.queue.length);
    this.flushDropped('at the end of the input');
    done();
  }

  private warn(message: string): void {
    if (this.reports++ < MAX_REPORTS) this.report(message);
    else if (this.reports === MAX_REPORTS + 1) this.report('stdin: more framing problems; no longer reported');
  }

  private discard(n: number): void {
    this.dropped += n;
    this.queue.consume(n);
  }

  private flushDropped(where: string): void {
    if (!this.dropped) return;
    this.warn(`stdin: dropped ${this.dropped} byte(s) that are not a JSON-RPC message ${where}`);
    this.dropped = 0;
  }

  /** Passes view[headerLength, to) on as one message and consumes through `next`. */
  private pass(view: Buffer, to: number, next: number): void {
    this.push(Buffer.concat([Buffer.from(`Content-Length: ${to - this.headerLength}\r\n\r\n`, 'ascii'), view.subarray(this.headerLength, to)]));
    this.queue.consume(next);
    this.bodyLength = -1;
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      const view = this.queue.view();
      const end = this.headerLength + this.bodyLength;
      const available = Math.min(view.length, end);
      // A raw `Content-Length: N\r\n` cannot occur in JSON text: if one shows up inside the body,
      // the declared length was too large and the next message starts there. Only new bytes are
      // searched (with an overlap for a header split across chunks).
      const from = Math.max(this.headerLength, this.scanned - 40);
      const misplaced = available > from ? headerInside(view, from, available) : -1;
      this.scanned = available;
      if (misplaced >= 0) {
        this.warn(`stdin: a message declared ${this.bodyLength} bytes, but the next message starts after ${misplaced - this.headerLength}; reading resumes there`);
        this.pass(view, misplaced, misplaced);
        continue;
      }
      if (view.length < end) return;
      // A body that does not end like JSON may have swallowed the start of the next header (its
      // Content-Length a few bytes too large): look a little further before passing it on.
      if (!endsLikeJson(view, this.headerLength, end)) {
        if (view.length < end + LOOKAHEAD && !this.ending) return;
        const s = view.toString('latin1', Math.max(this.headerLength, end - LOOKAHEAD), Math.min(view.length, end + LOOKAHEAD));
        const m = /content-(?:length|type)[ \t]*:/i.exec(s);
        const q = m ? Math.max(this.headerLength, end - LOOKAHEAD) + m.index : -1;
        if (q >= 0 && q < end) {
          this.warn(`stdin: a message declared ${this.bodyLength} bytes, but the next message starts after ${q - this.headerLength}; reading resumes there`);
          this.pass(view, q, q);
          continue;
        }
      }
      this.pass(view, end, end);
    }
  }

  /** Finds and checks the next header block; true when a body of known length follows. */
  private readHeader(): boolean {
    for (;;) {
      const view = this.queue.view();
      if (!view.length) return false;
      const at = nextHeaderStart(view);
      if (at < 0) {
        // Keep a tail that may be the start of a header split across chunks.
        if (view.length > SEARCH_WINDOW) { this.discard(SEARCH_WINDOW - 32); continue; }
        if (view.length > 32) this.discard(view.length - 32);
        return false;
      }
      if (at > 0) { this.discard(at); continue; }
      const h = checkHeader(view);
      if (!h.ok) {
        if (h.wait && !this.ending) return false;
        // Not a header after all (a bad one, or header-like text in garbage): skip a byte, look again.
        if (h.problem && this.dropped === 0) this.warn(`stdin: bad message header (${h.problem}); skipping to the next message`);
        this.discard(1);
        continue;
      }
      this.flushDropped('before the next message');
      this.headerLength = h.headerLength;
      this.bodyLength = h.bodyLength;
      this.scanned = this.headerLength;
      return true;
    }
  }
}

/**
 * Reader and writer for --stdio, with the framing guard on stdin. Problems go to `report` (the
 * server logs them); `onClose` runs when stdin ends (the server then exits).
 */
export function stdioTransport(report: (message: string) => void, onClose: () => void): [MessageReader, MessageWriter] {
  const guard = new FramingGuard(report);
  process.stdin.on('error', (e) => report(`stdin: ${String(e)}`));
  process.stdin.pipe(guard);
  const reader = new StreamMessageReader(guard);
  reader.onError((e) => report(`cannot read a message: ${e instanceof Error ? e.message : String(e)}`));
  let closed = false;
  const close = () => { if (!closed) { closed = true; onClose(); } };
  guard.on('end', close);
  guard.on('close', close);
  process.stdin.on('close', () => guard.end());
  return [reader, new StreamMessageWriter(process.stdout)];
}
