// Reading on a second thread while the main thread analyses. A large run reads its files in a reader
// thread (reader.ts), started once the run proves large; the main thread reads (and walks) itself
// until the thread is up, then hands over the rest: a list of files to read, or the rest of a
// depth-first walk of the directories named on the command line. Analysis is synchronous, so the
// records are taken from the port without the event loop (receiveMessageOnPort), and the main thread
// sleeps on a shared counter when the next batch is not there yet. If the reader fails or stalls, the
// main thread does the work itself.
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import type { LanguageId } from '../../server/src/analysis/rules/types';
import { readTextSync } from '../../server/src/read-text';
import type { Batch, ReadRequest, ReaderData } from './reader';

/** The texts of a list of files, in that list's order. */
export interface TextSource {
  next(): { text?: string; error?: string };
  close(): void;
}

/** What a walk finds, in depth-first order (see reader.ts). */
export type WalkRecord =
  | { kind: 'dir'; dir: string; hasConfig: boolean }
  | { kind: 'file'; file: string; language: LanguageId; text?: string; error?: string }
  | { kind: 'done'; dir: string }
  | { kind: 'error'; dir: string; code: string };

/** The reader thread failed or stalled during a walk: the caller starts over without it. */
export class ReaderFailed extends Error {}

/** How long the main thread waits for a batch before it gives up on the reader. */
const STALL_MS = 10_000;

/** How far (in records) the reader may read ahead of the analysis: about a megabyte of texts. */
const MAX_AHEAD = 4096;

/** Batches from the reader, taken without the event loop. */
class Inbox {
  private batch: Batch = [];
  private at = 0;
  private received = 0;
  /** [0] records posted by the reader, [1] records taken here (see ReaderChannel). */
  readonly posted = new Int32Array(new SharedArrayBuffer(8));
  private readonly ports = new MessageChannel();

  constructor(private readonly worker: Worker) {}

  /** The port the reader posts to (sent to it with the request). */
  get remote(): MessagePort { return this.ports.port2; }

  /** The next record (`width` values, or as many as its kind has when 0); undefined when the reader failed or stalled. */
  take(width: number): Batch | undefined {
    while (this.at >= this.batch.length) {
      // Everything received so far is taken: the reader may go on.
      Atomics.store(this.posted, 1, this.received);
      Atomics.notify(this.posted, 1);
      const m = receiveMessageOnPort(this.ports.port1);
      if (m) { this.batch = m.message as Batch; this.at = 0; continue; }
      const now = Atomics.load(this.posted, 0);
      if (now === -1) return undefined;
      if (now === this.received && Atomics.wait(this.posted, 0, now, STALL_MS) === 'timed-out') return undefined;
    }
    const kind = this.batch[this.at];
    const n = width > 0 ? width : WIDTH[kind as string];
    const record = this.batch.slice(this.at, this.at + n);
    this.at += n;
    this.received++;
    return record;
  }

  close(): void {
    this.ports.port1.close();
    void this.worker.terminate();
  }
}

/** Values per walk record, by kind. */
const WIDTH: Record<string, number> = { dir: 3, file: 5, done: 2, error: 3, end: 1 };

export class ReadAhead {
  private worker: Worker | undefined;

  /** Starts the thread now (it waits for a job); undefined where the reader bundle is missing. */
  static start(): ReadAhead | undefined {
    // The reader bundle, next to the CLI bundle (dist/).
    if (!fs.existsSync(path.join(__dirname, 'bondlint-reader.js'))) return undefined;
    const data: ReaderData = { ready: new Int32Array(new SharedArrayBuffer(4)) };
    return new ReadAhead(new Worker(path.join(__dirname, 'bondlint-reader.js'), { workerData: data }), data.ready);
  }

  private constructor(worker: Worker, private readonly readyFlag: Int32Array) {
    this.worker = worker;
    // Never keeps the process alive; an error only means the main thread does the work instead.
    worker.unref();
    worker.on('error', () => undefined);
  }

  private claim(): Worker | undefined {
    const w = this.worker;
    this.worker = undefined;
    return w;
  }

  /** Reads `files` in the thread (waiting for it to start); the source yields their texts in order. One job per ReadAhead. */
  read(files: string[]): TextSource {
    const worker = this.claim();
    if (!worker) return direct(files);
    const inbox = new Inbox(worker);
    const request: ReadRequest = { job: 'read', files, posted: inbox.posted, maxAhead: MAX_AHEAD, port: inbox.remote };
    worker.postMessage(request, [inbox.remote]);
    let i = 0;
    let fallback = false;
    return {
      next() {
        if (!fallback) {
          const r = inbox.take(2);
          if (r) { i++; return r[0] !== null ? { text: r[0] as string } : { error: (r[1] as string | null) ?? 'cannot read' }; }
          // The reader failed or stalled: read the rest here.
          fallback = true;
          inbox.close();
        }
        return readTextSync(files[i++]);
      },
      close: () => inbox.close(),
    };
  }

  /** Whether the thread is up and waiting for its job (it takes a few tens of milliseconds to start). */
  get ready(): boolean {
    return this.worker !== undefined && Atomics.load(this.readyFlag, 0) === 1;
  }

  /**
   * Finishes a depth-first walk (server/src/walk.ts: walkStack, walkStep) in the thread, reading each
   * file it finds. The iterator throws ReaderFailed if the thread fails or stalls.
   */
  walk(stack: string[], configName: string): { records: IterableIterator<WalkRecord>; close(): void } {
    const worker = this.claim();
    if (!worker) throw new ReaderFailed('no reader thread');
    const inbox = new Inbox(worker);
    const request: ReadRequest = { job: 'walk', stack, configName, posted: inbox.posted, maxAhead: MAX_AHEAD, port: inbox.remote };
    worker.postMessage(request, [inbox.remote]);
    function* records(): IterableIterator<WalkRecord> {
      for (;;) {
        const r = inbox.take(0);
        if (!r) throw new ReaderFailed('the reader thread failed or stalled');
        switch (r[0]) {
          case 'dir': yield { kind: 'dir', dir: r[1] as string, hasConfig: r[2] as boolean }; break;
          case 'file': {
            const text = r[3] as string | null;
            yield text !== null
              ? { kind: 'file', file: r[1] as string, language: r[2] as LanguageId, text }
              : { kind: 'file', file: r[1] as string, language: r[2] as LanguageId, error: (r[4] as string | null) ?? 'cannot read' };
            break;
          }
          case 'done': yield { kind: 'done', dir: r[1] as string }; break;
          case 'error': yield { kind: 'error', dir: r[1] as string, code: r[2] as string }; break;
          case 'end': return;
          default: throw new ReaderFailed(`unknown record ${String(r[0])}`);
        }
      }
    }
    return { records: records(), close: () => inbox.close() };
  }

  /** Stops the thread if no job was given. */
  dispose(): void {
    void this.claim()?.terminate();
  }
}

/**
 * A run hands its reading (and walking) to a reader thread once it has read (or found) this many
 * files: a small run is done before a thread would be up, and starting one would only cost ~25 ms.
 */
export const READER_AFTER_FILES = 200;

/**
 * The texts of `files` in order: read here, and from READER_AFTER_FILES files on by a reader thread
 * (`start` makes one) once it is up, which then gets the rest of the list.
 */
export function readAhead(files: string[], start: () => ReadAhead | undefined): TextSource {
  let i = 0;
  let reader: ReadAhead | undefined;
  let asked = false;
  let inner: TextSource | undefined;
  return {
    next: () => {
      if (!inner) {
        if (!asked && i >= READER_AFTER_FILES) { asked = true; reader = start(); }
        if (!reader?.ready) return readTextSync(files[i++]);
        inner = reader.read(files.slice(i));
      }
      return inner.next();
    },
    close: () => (inner ? inner.close() : reader?.dispose()),
  };
}

/** The same source without a thread. */
export function direct(files: string[]): TextSource {
  let i = 0;
  return { next: () => readTextSync(files[i++]), close: () => undefined };
}
