// A fake parser for the worker seam that waits for ever without using the CPU.
import type { WorkerParser } from '../../../../main/engine/import/parse-in-worker.ts';

export const parse: WorkerParser = () => new Promise(() => undefined);
