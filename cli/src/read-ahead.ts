// Reading on a second thread while the main thread analyses: a large run reads its files in a reader
// thread (reader.ts), started before the directory walk so that it is ready when the file list is.
// Analysis is synchronous, so the texts are taken from the port without the event loop
// (receiveMessageOnPort) and the main thread sleeps on a shared counter when the next batch is not
// there yet. If the reader fails or stalls, the main thread reads the remaining files itself.
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { readTextSync } from '../../server/src/read-text';
import type { Batch, ReadRequest } from './reader';

/** The texts of a list of files, in that list's order. */
export interface TextSource {
  next(): { text?: string; error?: string };
  close(): void;
}

/** How long the main thread waits for a batch before it reads the files itself. */
const STALL_MS = 10_000;


export class ReadAhead {
  private worker: Worker | undefined;

  /** Starts the thread now (it waits for read()); undefined where the reader bundle is missing. */
  static start(): ReadAhead | undefined {
    // The reader bundle, next to the CLI bundle (dist/).
    if (!fs.existsSync(path.join(__dirname, 'bondlint-reader.js'))) return undefined;
    return new ReadAhead(new Worker(path.join(__dirname, 'bondlint-reader.js')));
  }

  private constructor(worker: Worker) {
    this.worker = worker;
    // Never keeps the process alive; an error only means the main thread reads instead.
    worker.unref();
    worker.on('error', () => undefined);
  }

  /** Reads `files` in the thread; the source yields their texts in order. Once per ReadAhead. */
  read(files: string[]): TextSource {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return direct(files);
    const posted = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const request: ReadRequest = { files, posted, port: port2 };
    worker.postMessage(request, [port2]);
    let batch: Batch = [];
    let at = 0;
    let received = 0;
    let fallback = false;
    const stop = () => { port1.close(); void worker.terminate(); };
    return {
      next() {
        if (fallback) return readTextSync(files[received++]);
        while (at >= batch.length) {
          const m = receiveMessageOnPort(port1);
          if (m) { batch = m.message as Batch; at = 0; continue; }
          const now = Atomics.load(posted, 0);
          if (now === -1 || (now === received && Atomics.wait(posted, 0, now, STALL_MS) === 'timed-out')) {
            // The reader failed or stalled: read the rest here.
            fallback = true;
            stop();
            return readTextSync(files[received++]);
          }
        }
        const text = batch[at++];
        const error = batch[at++];
        received++;
        return text !== null ? { text } : { error: error ?? 'cannot read' };
      },
      close: stop,
    };
  }

  /** Stops the thread if read() was never called. */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The same source without a thread. */
export function direct(files: string[]): TextSource {
  let i = 0;
  return { next: () => readTextSync(files[i++]), close: () => undefined };
}
