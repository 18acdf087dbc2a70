// The small JSON files the app keeps for the user (projects, the recent list, the autosave,
// remembered mappings): written atomically so a crash mid-write leaves the previous file, and
// read-modify-written one at a time per file so two quick saves never lose one another's entry.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../engine/io/write-atomic.ts';

export const writeJson = (path: string, data: unknown): Promise<void> =>
  writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);

/** The file's JSON, or undefined when it is missing or unreadable: memory is not worth an error. */
export async function readJsonOrUndefined(path: string): Promise<unknown> {
  try {
    return JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task on the same file has settled. */
export function oneAtATime<T>(path: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(path);
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
