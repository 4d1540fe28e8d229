// The reader thread of a bondlint run (bundled on its own as dist/bondlint-reader.js, so that it
// starts in a few milliseconds). Two jobs, see read-ahead.ts:
//  - read: reads the files it is sent, in the order given;
//  - walk: goes on with a depth-first walk the main thread began (server/src/walk.ts: a stack of
//    steps), reading each file as it is found and saying when each directory's subtree is done, so
//    that the main thread can check a host as soon as all of its files are in.
// Everything goes back in batches through a port, while the main thread analyses what came before.
import { parentPort, workerData, type MessagePort } from 'worker_threads';
import { readTextSync } from '../../server/src/read-text';
import { walkStep } from '../../server/src/walk';

/** What the main thread sends, once. */
export type ReadRequest = ({ job: 'read'; files: string[] } | { job: 'walk'; stack: string[]; configName: string }) & ReaderChannel;

/** workerData: [0] is set to 1 once this thread is up and waiting for its job. */
export interface ReaderData { ready: Int32Array }

/** Records per message: few messages, and the first host's texts arrive at once. */
export const BATCH = 64;

/**
 * One record of a walk, flattened into the batch array:
 *   'dir', path, holds configName (boolean)        a directory was listed
 *   'file', path, language, text | null, error | null
 *   'done', path                                   the directory's whole subtree was walked
 *   'error', path, code                            a directory could not be listed
 *   'end'                                          the walk of every root is done
 * A read job sends only text, error pairs (one of the two null), one per file, in order.
 */
export type Batch = (string | boolean | null)[];

export interface ReaderChannel {
  /**
   * [0]: records posted so far, -1 once the reader failed; [1]: records the main thread has taken.
   * The reader stays at most `maxAhead` records (and a batch) ahead, so that a fleet read faster than
   * it is analysed does not pile up in memory.
   */
  posted: Int32Array;
  maxAhead: number;
  port: MessagePort;
}

/** Collects records and posts them BATCH at a time; `posted` counts records sent. */
class Sender {
  private batch: Batch = [];
  private records = 0;
  private sent = 0;
  constructor(private readonly ch: ReaderChannel) {}
  add(...record: Batch): void {
    for (const x of record) this.batch.push(x);
    if (++this.records - this.sent >= BATCH) this.flush();
  }
  flush(): void {
    if (this.records === this.sent) return;
    this.ch.port.postMessage(this.batch);
    this.batch = [];
    this.sent = this.records;
    Atomics.store(this.ch.posted, 0, this.sent);
    Atomics.notify(this.ch.posted, 0);
    // Far enough ahead: wait until the main thread takes more (it says so after every batch).
    for (let taken = Atomics.load(this.ch.posted, 1); this.sent - taken > this.ch.maxAhead; taken = Atomics.load(this.ch.posted, 1)) {
      Atomics.wait(this.ch.posted, 1, taken, 1000);
    }
  }
}

function read(files: string[], out: Sender): void {
  for (const file of files) {
    const r = readTextSync(file);
    out.add(r.text ?? null, r.text === undefined ? r.error ?? 'cannot read' : null);
  }
}

function walk(stack: string[], configName: string, out: Sender): void {
  const sink = {
    dir: (dir: string, hasConfig: boolean) => out.add('dir', dir, hasConfig),
    file: (file: string, language: string) => {
      const r = readTextSync(file);
      out.add('file', file, language, r.text ?? null, r.text === undefined ? r.error ?? 'cannot read' : null);
    },
    done: (dir: string) => out.add('done', dir),
    error: (dir: string, code: string) => out.add('error', dir, code),
  };
  while (stack.length) walkStep(stack, configName, sink);
}

parentPort?.once('message', (req: ReadRequest) => {
  const out = new Sender(req);
  try {
    if (req.job === 'read') read(req.files, out);
    else {
      walk(req.stack, req.configName, out);
      out.add('end');
    }
    out.flush();
  } catch {
    Atomics.store(req.posted, 0, -1);
    Atomics.notify(req.posted, 0);
  }
  req.port.close();
});

const ready = (workerData as ReaderData | undefined)?.ready;
if (ready) { Atomics.store(ready, 0, 1); Atomics.notify(ready, 0); }
