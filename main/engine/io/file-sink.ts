// A file written piece by piece, synchronously: a PDF drawn page by page goes to disk as it is made
// instead of piling up in memory. Synchronous on purpose — pdfkit hands its bytes over during long
// synchronous stretches of drawing, when an asynchronous stream could not drain and would buffer
// everything. Meant for a path inside an output set's staging folder (output-set.ts), which makes
// the file appear complete or not at all.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { writeError } from './write-atomic.ts';

/** Bytes gathered before one write: few system calls, little memory. */
const BLOCK = 1024 * 1024;

export type FileSink = {
  write(chunk: Uint8Array): void;
  /** Writes what is left, syncs to disk and closes. */
  close(): void;
  /** Closes and removes the file: the build failed. */
  discard(): void;
};

/** A full disk or a refused write throws OUTPUT_WRITE_FAILED (or OUTPUT_LOCKED), naming the file. */
export function openFileSink(path: string): FileSink {
  const said = <T>(io: () => T): T => {
    try {
      return io();
    } catch (error) {
      throw writeError(path, error);
    }
  };
  const fd = said(() => openSync(path, 'wx', 0o666));
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let open = true;
  const flush = () => {
    if (pendingBytes === 0) return;
    const block = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    for (let done = 0; done < block.length;)
      done += said(() => writeSync(fd, block, done, block.length - done));
    pending = [];
    pendingBytes = 0;
  };
  return {
    write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BLOCK) flush();
    },
    close() {
      if (!open) return;
      flush();
      said(() => fsyncSync(fd));
      closeSync(fd);
      open = false;
    },
    discard() {
      if (open) closeSync(fd);
      open = false;
      rmSync(path, { force: true });
    },
  };
}
