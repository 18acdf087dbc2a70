// Runs one contender of the import benchmark, alone in this process, and prints one line of JSON.
// A process per contender is the point: peak RSS is a process-wide high-water mark that never comes
// down, so two readers measured in one process would each be charged for the other.
//
// Usage (normally from bench/import.ts): node --expose-gc --import tsx bench/run-one.ts <contender> <file>
import path from 'node:path';
import type { Entry } from 'yauzl';
import type { ImportResult } from '../main/engine/import/import-workbook.ts';
import { describeError, isMain, measure, printReport, type Measurement } from './measure.ts';

export const CONTENDERS = [
  'baseline',
  'unzip-scan',
  'ours-reader',
  'exceljs-stream',
  'ours-stream',
  'ours-auto',
  'exceljs-load',
] as const;
export type Contender = (typeof CONTENDERS)[number];

/** What one child reports. Memory in bytes except `peakRssKiB`, which is what the OS gives. */
export type RunReport =
  | ({
      ok: true;
      contender: Contender;
      /** Rows the contender produced: data rows for ours, every row with a value for exceljs. */
      rows: number;
      /** Non-empty cells visited, where the contender walks cells itself. */
      cells?: number;
      /** The reader our import chose (`full` or `stream`). */
      mode?: string;
    } & Measurement)
  | { ok: false; contender: string; error: string };

type Outcome = { rows: number; cells?: number; mode?: string; keep: unknown };
/** Loads what a contender needs (outside the clock), then returns the work to time. */
type Load = () => Promise<(file: string) => Promise<Outcome>>;

const ours =
  (mode?: 'stream'): Load =>
  async () => {
    const { importWorkbook } = await import('../main/engine/import/import-workbook.ts');
    return async (file) => {
      const result: ImportResult = await importWorkbook(file, mode ? { mode } : {});
      return { rows: result.table.rows.length, mode: result.mode, keep: result };
    };
  };

const LOADS: Record<Contender, Load> = {
  // Nothing but node + tsx + this file: the start-up cost every other child also pays.
  baseline: async () => async () => ({ rows: 0, keep: undefined }),

  // The floor no reader can beat: inflate the sheets and the shared strings, and count the `<c `
  // of the sheets' cells without parsing anything.
  'unzip-scan': async () => {
    const { default: yauzl } = await import('yauzl');
    const { createInflateRaw } = await import('node:zlib');
    const marker = Buffer.from('<c ');
    return (file) =>
      new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true }, (error, zip) => {
          if (error || !zip) return reject(error ?? new Error('no zip'));
          let cells = 0;
          zip.on('error', reject);
          zip.on('end', () => resolve({ rows: 0, cells, keep: undefined }));
          zip.on('entry', (entry: Entry) => {
            const isSheet = /(^|\/)worksheets\/[^/]+\.xml$/.test(entry.fileName);
            if (!isSheet && !/sharedStrings\.xml$/i.test(entry.fileName)) return zip.readEntry();
            // Inflated in 128 KiB pieces, as our reader does: the floor is the fastest unzip, not yauzl's default.
            const deflated = entry.compressionMethod === 8;
            zip.openReadStream(entry, deflated ? { decompress: false } : {}, (e, raw) => {
              if (e || !raw) return reject(e ?? new Error('no stream'));
              const stream = deflated ? raw.pipe(createInflateRaw({ chunkSize: 128 * 1024 })) : raw;
              // A marker cut between two pieces is counted too: the piece's tail is carried over.
              let tail: Buffer = Buffer.alloc(0);
              stream.on('data', (piece: Buffer) => {
                if (!isSheet) return;
                const bytes = tail.length ? Buffer.concat([tail, piece]) : piece;
                for (let i = bytes.indexOf(marker); i >= 0; i = bytes.indexOf(marker, i + 3)) cells++;
                tail = bytes.subarray(bytes.length - 2);
              });
              stream.on('error', reject);
              stream.on('end', () => zip.readEntry());
            });
          });
          zip.readEntry();
        });
      });
  },

  // Our streaming reader alone (read-xlsx-stream.ts): the rows of the first sheet, no table built.
  'ours-reader': async () => {
    const { readXlsxStream } = await import('../main/engine/import/read-xlsx-stream.ts');
    const { makeReadContext } = await import('../main/engine/import/read-context.ts');
    const { DEFAULT_LIMITS } = await import('../main/engine/import/limits.ts');
    return async (file) => {
      const sheets = await readXlsxStream(file, makeReadContext(path.basename(file), DEFAULT_LIMITS));
      const sheet = sheets.find((s) => s.sheet)?.sheet;
      const cells = sheet?.rows.reduce((n, r) => n + r.cells.length, 0) ?? 0;
      return { rows: sheet?.rows.length ?? 0, cells, mode: 'stream', keep: sheets };
    };
  },

  'ours-stream': ours('stream'),
  'ours-auto': ours(),

  // What a naive import does: the whole workbook model in memory, then a walk over every cell.
  'exceljs-load': async () => {
    const { default: ExcelJS } = await import('exceljs');
    return async (file) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      let rows = 0;
      let cells = 0;
      workbook.eachSheet((ws) => {
        ws.eachRow({ includeEmpty: false }, (row) => {
          rows++;
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.value !== null) cells++;
          });
        });
      });
      return { rows, cells, keep: workbook };
    };
  },

  // The floor: exceljs's streaming reader with the options our reader uses, keeping nothing.
  'exceljs-stream': async () => {
    const { default: ExcelJS } = await import('exceljs');
    return async (file) => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        worksheets: 'emit',
        entries: 'emit',
      });
      let rows = 0;
      let cells = 0;
      for await (const ws of reader) {
        for await (const row of ws) {
          rows++;
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.value !== null) cells++;
          });
        }
      }
      return { rows, cells, keep: undefined };
    };
  },
};

async function run(contender: Contender, file: string): Promise<RunReport> {
  const { outcome, measurement } = await measure(
    async () => {
      const work = await LOADS[contender]();
      return () => work(file);
    },
    (o) => o.keep,
  );
  return {
    ok: true,
    contender,
    rows: outcome.rows,
    ...(outcome.cells !== undefined ? { cells: outcome.cells } : {}),
    ...(outcome.mode !== undefined ? { mode: outcome.mode } : {}),
    ...measurement,
  };
}

const isContender = (name: string | undefined): name is Contender => CONTENDERS.some((c) => c === name);

async function main(argv: string[]): Promise<void> {
  const [name, file] = argv;
  if (!isContender(name) || (name !== 'baseline' && !file)) {
    console.error(`usage: run-one.ts <${CONTENDERS.join('|')}> <file.xlsx>`);
    process.exit(2);
  }
  let report: RunReport;
  try {
    report = await run(name, file ?? '');
  } catch (error) {
    report = { ok: false, contender: name, error: describeError(error) };
  }
  printReport(report);
}

// The parent imports this file for its list of contenders and types; only a child runs one.
if (isMain(import.meta.url)) {
  await main(process.argv.slice(2));
}
