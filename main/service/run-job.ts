// Runs a service call as a job: in a worker thread, its progress streamed to the caller in order,
// and stopped hard — `terminate()` — when the caller cancels or the deadline passes. A check between
// rows cannot interrupt one long call (exceljs's whole-document read, a layout of 10,000 products,
// pdfkit drawing), and a job the user gave up on must not keep a core busy: ending the thread is the
// only stop that always works. The request is parsed here, so a malformed one is refused before a
// thread starts; what comes back is plain data (jobs.ts).
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseRequest } from '../api/contract.ts';
import { cancelledError } from '../engine/cancelled.ts';
import { CatalogError } from '../engine/errors.ts';
import type { Translated } from '../engine/model.ts';
import { Progress, type OnProgress } from '../engine/progress.ts';
import { JOBS, type JobName, type JobRequestInput, type JobResult } from './jobs.ts';
import { removeTemps } from './unfinished-outputs.ts';

export type JobOptions = {
  signal?: AbortSignal;
  /** Every progress event of the job, in the order its stages sent them. */
  onProgress?: OnProgress;
  /** Milliseconds from the start past which the job is stopped (JOB_TIMEOUT); none when absent. */
  timeoutMs?: number;
};

/** What the worker (job-worker.ts) is started with. */
export type JobStart = { name: JobName; request: unknown };

/** What the worker posts back; a failure that is not a CatalogError crosses as its message only. */
export type JobMessage =
  | { type: 'progress'; progress: unknown }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; text: Translated; field?: string }
  | { type: 'failure'; message: string };

const ENTRY = new URL('./job-worker.mjs', import.meta.url);

const jobTimeout = (seconds: number) =>
  new CatalogError('JOB_TIMEOUT', {
    fr: `Le travail a dépassé ${seconds} s et a été arrêté.`,
    en: `The job took more than ${seconds} s and was stopped.`,
  });

const jobFailed = (detail: string) =>
  new CatalogError('JOB_FAILED', {
    fr: `Le travail s'est arrêté de façon inattendue (${detail}).`,
    en: `The job stopped unexpectedly (${detail}).`,
  });

/**
 * Threads with tsx, the engine and the fonts already loaded, for the next jobs. Starting one costs
 * about two seconds on a 2-core machine — most of a live preview's wait — so a surface that runs job
 * after job (the app, browser mode) keeps a few ready: two, because the Preview step asks for its plan
 * and its page at once. The CLI, which runs one job and exits, keeps none.
 */
const WARM = 2;
const spares: Worker[] = [];
let keepSpares = false;

/** Makes `worker` an idle spare: it must not keep the process alive, nor stay once it failed. */
function addSpare(worker: Worker): void {
  worker.unref();
  const drop = () => {
    const at = spares.indexOf(worker);
    if (at >= 0) spares.splice(at, 1);
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spares.push(worker);
}

/** Starts threads until WARM are ready (after a cancel ended one, or when asked to keep them). */
function replenish(): void {
  while (keepSpares && spares.length < WARM) addSpare(new Worker(ENTRY));
}

/** After a job that ended by itself, its thread becomes a spare (warm caches); else it ends. */
function release(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (keepSpares && spares.length < WARM) addSpare(worker);
  else void worker.terminate();
}

/** Keeps loaded workers ready for the next jobs (or stops keeping them). */
export function keepWorkerWarm(on: boolean): void {
  keepSpares = on;
  if (on) replenish();
  else for (const worker of spares.splice(0)) void worker.terminate();
}

/** The thread id of the spare the next job would take, if any (tests: a thread runs job after job). */
export const spareThread = (): number | undefined => spares.at(-1)?.threadId;

function takeWorker(start: JobStart): Worker {
  // The last one released has the warmest caches.
  const ready = spares.pop();
  if (!ready) return new Worker(ENTRY, { workerData: start });
  ready.removeAllListeners('error');
  ready.removeAllListeners('exit');
  ready.ref();
  ready.postMessage(start);
  return ready;
}

export async function runJob<N extends JobName>(
  name: N,
  input: JobRequestInput<N>,
  options: JobOptions = {},
): Promise<JobResult<N>> {
  const job = JOBS[name];
  const request: unknown = parseRequest(job.request, input);
  const { signal, onProgress, timeoutMs } = options;
  if (signal?.aborted) throw cancelledError();

  const worker = takeWorker({ name, request });
  // Set once the outcome is decided: whatever the thread says after that (its exit when terminated,
  // a last page) is not heard.
  let decided = false;
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => stop(cancelledError());
  let settle: (outcome: { result: unknown } | { error: Error }) => void = () => undefined;
  const outcome = new Promise<unknown>((resolvePromise, reject) => {
    settle = (outcome) => {
      decided = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if ('error' in outcome) reject(outcome.error);
      else resolvePromise(outcome.result);
    };
  });
  // Cancel, deadline, a progress callback that throws: the thread is ended whatever it is doing,
  // what it was writing is removed, and only then does the caller hear of it — within a second,
  // not when the page or the read in progress is done.
  const stop = (error: Error) => {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    void worker
      .terminate()
      .catch(() => undefined)
      .then(() => removeUnfinishedOutputs(name, request))
      .then(() => settle({ error }));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  if (timeoutMs !== undefined) {
    // setTimeout takes at most 2^31-1 ms; a deadline further away is as good as none.
    const wait = Math.min(Math.max(0, timeoutMs), 2 ** 31 - 1);
    timer = setTimeout(() => stop(jobTimeout(Math.round(timeoutMs / 1000))), wait);
  }

  worker.on('message', (message: JobMessage) => {
    if (decided) return;
    if (message.type === 'progress') {
      // Checked against the contract on the way in: a surface only ever sees well-formed events.
      const progress = Progress.safeParse(message.progress);
      if (!progress.success) return;
      try {
        onProgress?.(progress.data);
      } catch (error) {
        stop(error instanceof Error ? error : new Error(String(error)));
      }
    } else if (message.type === 'done') settle({ result: message.result });
    else if (message.type === 'error') {
      const field = message.field ? { field: message.field } : undefined;
      settle({ error: new CatalogError(message.code, message.text, field) });
    } else settle({ error: new Error(message.message) });
  });
  worker.on('error', (error) => decided || settle({ error }));
  worker.on('exit', (code) => decided || settle({ error: jobFailed(`exit code ${code}`) }));
  let stopped = true;
  try {
    const result = job.result.parse(await outcome) as JobResult<N>;
    stopped = false;
    return result;
  } catch (error) {
    // A refusal the thread answered (a CatalogError it posted) leaves it sound; anything else does not.
    stopped = !(error instanceof CatalogError) || error.code === 'CANCELLED' || error.code === 'JOB_TIMEOUT';
    throw error;
  } finally {
    // Done, the thread waits for its next job (see job-worker.ts): kept as the spare, or ended.
    if (stopped) {
      void worker.terminate();
      replenish();
    } else release(worker);
  }
}

/**
 * A thread ended mid-write leaves the hidden temp file write-atomic.ts was filling (and Data Merge's
 * staging folder) beside the outputs: removed here, so a stopped build leaves the out folder as it
 * was. Only this workbook's outputs' temps (`.<workbook>-<template>….<hex>.tmp`) are touched.
 */
async function removeUnfinishedOutputs(name: JobName, request: unknown): Promise<void> {
  if (name === 'grid') {
    // A price-grid batch writes into one folder per reseller under `out`.
    const dir = resolve((request as { out: string }).out);
    const folders = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      folders.filter((f) => f.isDirectory()).map((f) => removeTemps(join(dir, f.name), () => true)),
    );
    await removeTemps(dir, () => true);
    return;
  }
  if (name !== 'build') return;
  const { file, out } = request as { file: string; out: string };
  const stem = basename(file, extname(file));
  await removeTemps(resolve(out), (entry) => entry.startsWith(`.${stem}-`));
}
