// Runs the whole-file .xlsx parse in a worker thread, so the deadline and the cancel button are hard
// stops: `wb.xlsx.load` is one call that no check between rows can interrupt, and a workbook that
// makes exceljs spin (a rule expanded over a whole sheet, say) would otherwise hold the import for
// ever. At the deadline or on abort the worker is terminated and the import says why at once.
// One idle worker is kept for a while, so a batch of imports does not pay its start-up each time.
import { Worker } from 'node:worker_threads';
import type { RawSheet, Translated } from '../model.ts';
import { CatalogError } from '../errors.ts';
import type { ImportLimits } from './limits.ts';
import type { ReadContext } from './read-context.ts';

export type ParseJob = {
  path: string;
  file: string;
  limits: ImportLimits;
  deadline: number;
  /** Tests only: the URL of a module whose `parse` replaces the reader inside the worker. */
  parser?: string;
};
export type WorkerParser = (job: ParseJob, ctx: ReadContext) => Promise<RawSheet[]>;
export type ParseRequest = { id: number; job: ParseJob };
export type ParseReply =
  | { id: number; type: 'progress'; done: number }
  | { id: number; type: 'done'; sheets: RawSheet[] }
  | { id: number; type: 'error'; code: string; text: Translated }
  | { id: number; type: 'failure'; message: string };

const ENTRY = new URL('./parse-worker.mjs', import.meta.url);
/** How long an idle worker is kept for the next import. */
const IDLE_MS = 30_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;
let nextId = 1;

function takeWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = undefined;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const worker = new Worker(ENTRY);
  // An 'error' event with no listener would bring the whole process down; jobs add their own.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (idle?.worker === worker) idle = undefined;
  });
  return worker;
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // An idle worker must not keep a CLI run alive.
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

export async function parseInWorker(path: string, ctx: ReadContext, parser?: string): Promise<RawSheet[]> {
  ctx.check(0);
  const id = nextId++;
  const worker = takeWorker();
  const { stopped, dispose } = ctx.whenStopped();
  let reusable = false;
  let onMessage: (reply: ParseReply) => void = () => undefined;
  let onError: (error: Error) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  const parsed = new Promise<RawSheet[]>((resolve, reject) => {
    onMessage = (reply) => {
      if (reply.id !== id) return;
      if (reply.type === 'progress') return ctx.onProgress?.({ stage: 'import', done: reply.done });
      reusable = reply.type !== 'failure';
      if (reply.type === 'done') resolve(reply.sheets);
      else if (reply.type === 'error') reject(new CatalogError(reply.code, reply.text));
      else reject(new Error(reply.message));
    };
    onError = reject;
    onExit = (code) => reject(new Error(`the reader stopped unexpectedly (exit code ${code})`));
  });
  parsed.catch(() => undefined);
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  try {
    const job: ParseJob = {
      path,
      file: ctx.file,
      limits: ctx.limits,
      deadline: ctx.deadline,
      ...(parser ? { parser } : {}),
    };
    worker.postMessage({ id, job } satisfies ParseRequest);
    return await Promise.race([parsed, stopped]);
  } finally {
    dispose();
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    // Stopped mid-parse, or left in an unknown state: the worker goes, whatever it was doing.
    if (reusable) release(worker);
    else void worker.terminate();
  }
}
