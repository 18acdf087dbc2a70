// A batch thread: takes one reseller's task at a time, writes its files, posts what it wrote. A
// failure crosses back as a code and the user's words (a CatalogError) or a message.
import { parentPort } from 'node:worker_threads';
import { isCatalogError } from '../../engine/errors.ts';
import { writeResellerOutputs, type ResellerTask } from './reseller-outputs.ts';

export type GridWorkerRequest = { id: number; task: ResellerTask };
export type GridWorkerReply =
  | { id: number; type: 'done'; outputs: Awaited<ReturnType<typeof writeResellerOutputs>> }
  | { id: number; type: 'error'; code: string; text: { fr: string; en: string } }
  | { id: number; type: 'failure'; message: string };

parentPort!.on('message', ({ id, task }: GridWorkerRequest) => {
  writeResellerOutputs(task).then(
    (outputs) => parentPort!.postMessage({ id, type: 'done', outputs } satisfies GridWorkerReply),
    (error: unknown) =>
      parentPort!.postMessage(
        (isCatalogError(error)
          ? { id, type: 'error', code: error.code, text: error.text }
          : {
              id,
              type: 'failure',
              message: error instanceof Error ? error.message : String(error),
            }) satisfies GridWorkerReply,
      ),
  );
});
