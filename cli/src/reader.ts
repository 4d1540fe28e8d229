// The reader thread of a bondlint run (bundled on its own as dist/bondlint-reader.js, so that it
// starts in a few milliseconds): reads the files it is sent, in the order given, and hands their texts
// back in batches while the main thread analyses the hosts read before. See read-ahead.ts.
import { parentPort, type MessagePort } from 'worker_threads';
import { readTextSync } from '../../server/src/read-text';

/** What the main thread sends, once. */
export interface ReadRequest {
  files: string[];
  /** [0]: files posted so far; -1 once the reader failed. */
  posted: Int32Array;
  port: MessagePort;
}

/** Files per message: few messages, and the first host's texts arrive at once. */
export const BATCH = 64;

/** A batch: text and error of each file in turn (one of the two is null). */
export type Batch = (string | null)[];

function read({ files, posted, port }: ReadRequest): void {
  try {
    let batch: Batch = [];
    for (let i = 0; i < files.length; i++) {
      const r = readTextSync(files[i]);
      batch.push(r.text ?? null, r.text === undefined ? r.error ?? 'cannot read' : null);
      if (batch.length === 2 * BATCH || i === files.length - 1) {
        port.postMessage(batch);
        batch = [];
        Atomics.store(posted, 0, i + 1);
        Atomics.notify(posted, 0);
      }
    }
  } catch {
    Atomics.store(posted, 0, -1);
    Atomics.notify(posted, 0);
  }
  port.close();
}

parentPort?.once('message', read);
