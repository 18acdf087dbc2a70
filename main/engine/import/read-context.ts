// What a reader needs to stop in time: the limits, the deadline and the caller's cancel signal.
import type { OnProgress } from '../progress.ts';
import type { ImportLimits } from './limits.ts';
import { importErrors } from './import-errors.ts';

export type { Progress } from '../progress.ts';

export type ReadContext = {
  file: string;
  limits: ImportLimits;
  /** Epoch milliseconds past which the import is stopped. */
  deadline: number;
  onProgress?: OnProgress;
  /** Throws when cancelled or past the deadline; reports progress now and then. */
  check(rowsRead: number): void;
  /**
   * Rejects with IMPORT_TIMEOUT at the deadline or CANCELLED on abort, whatever the reader is
   * doing: for work that cannot call `check` (one long parse call). Call `dispose` when done.
   */
  whenStopped(): { stopped: Promise<never>; dispose(): void };
};

export function makeReadContext(
  file: string,
  limits: ImportLimits,
  signal?: AbortSignal,
  onProgress?: OnProgress,
  deadline = Date.now() + limits.timeoutMs,
): ReadContext {
  const timeout = () => importErrors.timeout(file, Math.round(limits.timeoutMs / 1000));
  return {
    file,
    limits,
    deadline,
    ...(onProgress ? { onProgress } : {}),
    check(rowsRead) {
      if (signal?.aborted) throw importErrors.cancelled(file);
      // Checking the clock on every row would cost more than the row; every 256 is plenty.
      if ((rowsRead & 0xff) !== 0) return;
      if (Date.now() > deadline) throw timeout();
      onProgress?.({ stage: 'import', done: rowsRead });
    },
    whenStopped() {
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const stopped = new Promise<never>((_, reject) => {
        if (signal?.aborted) return reject(importErrors.cancelled(file));
        // setTimeout takes at most 2^31-1 ms; a deadline further away is as good as none.
        const wait = Math.min(Math.max(0, deadline - Date.now()), 2 ** 31 - 1);
        timer = setTimeout(() => reject(timeout()), wait);
        onAbort = () => reject(importErrors.cancelled(file));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      // Nobody may be listening when it fires after the work is done.
      stopped.catch(() => undefined);
      return {
        stopped,
        dispose() {
          clearTimeout(timer);
          if (onAbort) signal?.removeEventListener('abort', onAbort);
        },
      };
    },
  };
}
