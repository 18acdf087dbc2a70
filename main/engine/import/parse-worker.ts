// Runs inside the parse worker: reads the file, parses it and posts plain data back. Anything it throws
// crosses back as a code and a message; the host (parse-in-worker.ts) rebuilds the error.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { RawSheet } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import type { ParseJob, ParseReply, ParseRequest, WorkerParser } from './parse-in-worker.ts';
import { makeReadContext } from './read-context.ts';
import { readXlsxFull } from './read-xlsx-full.ts';

const readWholeFile: WorkerParser = async (job, ctx) => readXlsxFull(await readFile(job.path), ctx);

async function parserFor(job: ParseJob): Promise<WorkerParser> {
  if (!job.parser) return readWholeFile;
  const module = (await import(job.parser)) as { parse: WorkerParser };
  return module.parse;
}

/** Image bytes move to the host instead of being copied. */
function transferables(sheets: RawSheet[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const sheet of sheets)
    for (const image of sheet.images)
      if (image.bytes.buffer instanceof ArrayBuffer) buffers.add(image.bytes.buffer);
  return [...buffers];
}

async function run({ id, job }: ParseRequest): Promise<void> {
  const post = (reply: ParseReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  const ctx = makeReadContext(
    job.file,
    job.limits,
    undefined,
    (progress) => post({ id, type: 'progress', done: progress.done }),
    job.deadline,
  );
  try {
    const sheets = await (await parserFor(job))(job, ctx);
    post({ id, type: 'done', sheets }, transferables(sheets));
  } catch (error) {
    post(
      isCatalogError(error)
        ? { id, type: 'error', code: error.code, text: error.text }
        : { id, type: 'failure', message: error instanceof Error ? error.message : String(error) },
    );
  }
}

parentPort?.on('message', (request: ParseRequest) => void run(request));
