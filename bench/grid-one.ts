// Runs one price-grid batch, alone in this process, and prints one line of JSON: `catalog grid` on
// the benchmark's workbook with a given number of threads (1 runs the batch in this very thread).
//
// Usage (normally from bench/grid.ts): node --expose-gc --import tsx bench/grid-one.ts <file> <out> <workers>
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeError, isMain, measure, printReport, type Measurement } from './measure.ts';

export type GridRunReport =
  | ({
      ok: true;
      workers: number;
      resellers: number;
      files: number;
      pages: number;
      encrypted: number;
      outputMiB: number;
    } & Measurement)
  | { ok: false; workers: number; error: string };

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await bytesUnder(full) : (await stat(full)).size;
  }
  return total;
}

async function main(): Promise<void> {
  const [file, out, workersText] = process.argv.slice(2);
  const workers = Number(workersText);
  try {
    const { outcome, measurement } = await measure(async () => {
      const { buildPriceGrids } = await import('../main/service/price-grids/build-price-grids.ts');
      const { GridRequest } = await import('../main/api/grid-contract.ts');
      const request = GridRequest.parse({ file, out, workers, lang: 'fr' });
      return () => buildPriceGrids(request);
    });
    const files = outcome.resellers.flatMap((r) => r.files);
    printReport({
      ok: true,
      workers,
      resellers: outcome.resellers.length,
      files: files.length,
      pages: files.reduce((n, f) => n + (f.pages ?? 0), 0),
      encrypted: files.filter((f) => f.encrypted).length,
      outputMiB: (await bytesUnder(out!)) / 1024 / 1024,
      ...measurement,
    } satisfies GridRunReport);
  } catch (error) {
    printReport({ ok: false, workers, error: describeError(error) } satisfies GridRunReport);
  }
}

if (isMain(import.meta.url)) await main();
