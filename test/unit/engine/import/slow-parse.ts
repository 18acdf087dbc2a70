// Fake whole-file parsers for the worker seam (`ImportOptions.parser`): they run inside the parse
// worker instead of exceljs. The busy one never yields, as exceljs expanding a huge range does, and
// leaves a heartbeat file beside the workbook so a test can see it started, and that it stopped.
import { writeFileSync } from 'node:fs';
import type { WorkerParser } from '../../../../main/engine/import/parse-in-worker.ts';

export const heartbeatOf = (path: string) => `${path}.beat`;

export const parse: WorkerParser = (job) => {
  let last = 0;
  for (;;) {
    const now = Date.now();
    if (now - last >= 20) {
      writeFileSync(heartbeatOf(job.path), String(now));
      last = now;
    }
  }
};
