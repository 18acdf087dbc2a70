// What a reader needs to stop in time: the limits, the deadline and the caller's cancel signal.
import type { ImportLimits } from './limits.ts';
import { importErrors } from './import-errors.ts';

export type Progress = { stage: 'import'; done: number; total?: number };

export type ReadContext = {
  file: string;
  limits: ImportLimits;
  /** Throws when cancelled or past the deadline; reports progress now and then. */
  check(rowsRead: number): void;
};

export function makeReadContext(
  file: string,
  limits: ImportLimits,
  signal?: AbortSignal,
  onProgress?: (p: Progress) => void,
): ReadContext {
  const deadline = Date.now() + limits.timeoutMs;
  return {
    file,
    limits,
    check(rowsRead) {
      if (signal?.aborted) throw importErrors.cancelled(file);
      // Checking the clock on every row would cost more than the row; every 256 is plenty.
      if ((rowsRead & 0xff) !== 0) return;
      if (Date.now() > deadline) throw importErrors.timeout(file, Math.round(limits.timeoutMs / 1000));
      onProgress?.({ stage: 'import', done: rowsRead });
    },
  };
}
