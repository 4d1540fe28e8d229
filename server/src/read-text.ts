// Reading one ifcfg or modprobe file as text, with the limits every reader applies: regular files
// only (a FIFO named like an ifcfg file must not hang anything), at most MAX_FILE_BYTES. No other
// imports, so that the CLI's reader thread (cli/src/reader.ts) starts in milliseconds.
import * as fs from 'fs';

/** Files larger than this are not indexed (an ifcfg file is a few hundred bytes). */
export const MAX_FILE_BYTES = 1 << 20;

// Opening with O_NONBLOCK: a FIFO named like an ifcfg file must not hang the reader (it is then
// refused as not a regular file, as readText refuses it).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** One options object for every read (a string option is copied into a new object on every call). */
const UTF8 = { encoding: 'utf8', flag: 'r' } as const;

/** readText without the event loop: one open, fstat, read and close per file. Same results. */
export function readTextSync(file: string): { text?: string; error?: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
    return { text: fs.readFileSync(fd, UTF8) };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads one file as text; undefined when it is missing, not a regular file, too big or unreadable. */
export async function readText(file: string): Promise<{ text?: string; error?: string }> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
    const buf = await fs.promises.readFile(file);
    return { text: buf.toString('utf8') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
