// Runs the batch's reseller tasks across threads, one per core by default: each reseller's layout and
// PDFs are independent, so 40 lists take about a core's share each. With one thread asked for, the
// tasks run here, in order, with no thread to start. A cancel ends every thread at once (a PDF being
// drawn cannot be interrupted otherwise) and the caller removes what they left half-written.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cancelledError, throwIfCancelled } from '../../engine/cancelled.ts';
import { CatalogError } from '../../engine/errors.ts';
import type { GridWorkerReply } from './grid-worker.ts';
import { writeResellerOutputs, type ResellerOutputs, type ResellerTask } from './reseller-outputs.ts';

const ENTRY = new URL('./grid-worker.mjs', import.meta.url);

export type PoolOptions = {
  workers?: number | undefined;
  signal?: AbortSignal | undefined;
  /** After each task, in the order they finish. */
  onDone?: (index: number, outputs: ResellerOutputs) => void;
};

export const defaultWorkers = () => Math.max(1, availableParallelism());

export async function runResellerTasks(
  tasks: ResellerTask[],
  options: PoolOptions = {},
): Promise<ResellerOutputs[]> {
  const { signal } = options;
  const count = Math.min(tasks.length, options.workers ?? defaultWorkers());
  const results: ResellerOutputs[] = new Array(tasks.length);
  if (count <= 1) {
    for (const [index, task] of tasks.entries()) {
      throwIfCancelled(signal);
      results[index] = await writeResellerOutputs(task, signal);
      options.onDone?.(index, results[index]);
    }
    return results;
  }

  throwIfCancelled(signal);
  const workers = Array.from({ length: count }, () => new Worker(ENTRY));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      signal?.addEventListener('abort', () => fail(cancelledError()), { once: true });
      const feed = (worker: Worker) => {
        if (failed || next >= tasks.length) return;
        const id = next++;
        worker.postMessage({ id, task: tasks[id] });
      };
      for (const worker of workers) {
        worker.on('message', (reply: GridWorkerReply) => {
          if (reply.type === 'done') {
            results[reply.id] = reply.outputs;
            options.onDone?.(reply.id, reply.outputs);
            if (++finished === tasks.length) resolve();
            else feed(worker);
          } else if (reply.type === 'error') fail(new CatalogError(reply.code, reply.text));
          else fail(new Error(reply.message));
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (finished < tasks.length) fail(new Error(`a batch thread stopped (exit code ${code})`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
  return results;
}
