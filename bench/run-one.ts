// Runs one contender of the import benchmark, alone in this process, and prints one line of JSON.
// A process per contender is the point: peak RSS is a process-wide high-water mark that never comes
// down, so two readers measured in one process would each be charged for the other.
//
// Usage (normally from bench/import.ts): node --expose-gc --import tsx bench/run-one.ts <contender> <file>
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Entry } from 'yauzl';
import { debianPeer } from './debian-peer.ts';
import { treeRssKiB } from './peers/process-memory.ts';
import type { ImportResult } from '../main/engine/import/import-workbook.ts';
import { describeError, isMain, measure, printReport, type Measurement } from './measure.ts';

export const CONTENDERS = [
  'baseline',
  'unzip-scan',
  'decode-scan',
  'values-floor',
  'ours-reader',
  'exceljs-stream',
  'ours-stream',
  'ours-auto',
  'exceljs-load',
  'sheetjs',
  'libreoffice',
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
      /** Cells holding U+FFFD (a character lost in decoding), counted after the clock in what was read. */
      replacementChars?: number;
      /** Text cells holding any non-ASCII character: what a decoding bug could have damaged. */
      nonAsciiCells?: number;
      /** Another program (LibreOffice): its RSS is the sum over its process tree, and it has no JS heap. */
      external?: string;
    } & Measurement)
  | { ok: false; contender: string; error: string };

type Outcome = {
  rows: number;
  cells?: number;
  mode?: string;
  keep: unknown;
  /** Counts U+FFFD and non-ASCII text in what was read; called after the clock stops. */
  check?: () => Promise<TextCheck> | TextCheck;
};
type TextCheck = { replacementChars: number; nonAsciiCells: number };

/** Tallies one text value into `check`. */
function tally(check: TextCheck, text: string): void {
  if (text.includes('\uFFFD')) check.replacementChars++;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) check.nonAsciiCells++;
}
/** Loads what a contender needs (outside the clock), then returns the work to time. */
type Load = () => Promise<(file: string) => Promise<Outcome>>;

const ours =
  (mode?: 'stream'): Load =>
  async () => {
    const { importWorkbook } = await import('../main/engine/import/import-workbook.ts');
    const { cellText } = await import('../main/engine/common/cell-text.ts');
    return async (file) => {
      const result: ImportResult = await importWorkbook(file, mode ? { mode } : {});
      // Every cell of every product, as the rest of the pipeline will read it, plus the group names.
      const check = () => {
        const found: TextCheck = { replacementChars: 0, nonAsciiCells: 0 };
        for (const row of result.table.rows) for (const cell of row.cells) tally(found, cellText(cell));
        for (const group of result.table.groups) tally(found, group.name);
        return found;
      };
      return { rows: result.table.rows.length, mode: result.mode, keep: result, check };
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

  // Two floors above the unzip one (import-floors.ts): inflate + UTF-8 decode into JS strings + a
  // count of `<c `; and the least a reader yielding rows of values does (every row kept).
  'decode-scan': async () => {
    const { decodeScan } = await import('./import-floors.ts');
    return decodeScan;
  },
  'values-floor': async () => {
    const { valuesFloor } = await import('./import-floors.ts');
    return valuesFloor;
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

  // SheetJS: the whole workbook parsed (dense: rows as arrays, its fastest layout), then every cell
  // of the first sheet visited for its value — what we read too. Sheet rows, as exceljs counts them.
  sheetjs: async () => {
    const { default: XLSX } = await import('xlsx');
    return async (file) => {
      const workbook = XLSX.readFile(file, { dense: true });
      const sheet = workbook.Sheets[workbook.SheetNames[0]!] as unknown as ({ v?: unknown } | undefined)[][];
      let rows = 0;
      let cells = 0;
      for (const row of sheet) {
        if (!row) continue;
        let filled = false;
        for (const cell of row) {
          if (cell?.v === undefined) continue;
          cells++;
          filled = true;
        }
        if (filled) rows++;
      }
      const check = () => {
        const found: TextCheck = { replacementChars: 0, nonAsciiCells: 0 };
        for (const row of sheet)
          for (const cell of row ?? []) if (typeof cell?.v === 'string') tally(found, cell.v);
        return found;
      };
      return { rows, cells, keep: workbook, check };
    };
  },

  // Replaced in `run` (another program, measured from outside): see runLibreOffice.
  libreoffice: async () => async () => ({ rows: 0, keep: undefined }),
};

// ─── LibreOffice ──────────────────────────────────────────────────────────────────────────────────

/** Runs `bin args…`, sampling the RSS of its process tree every 25 ms; wall time and peak sum. */
function runSampled(
  bin: string,
  args: string[],
): Promise<{ timeMs: number; peakRssKiB: number; samples: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    let samples = 0;
    let done = false;
    const poll = async () => {
      while (!done && child.pid !== undefined) {
        peak = Math.max(peak, treeRssKiB(child.pid));
        samples++;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const polling = poll();
    child.on('error', reject);
    child.on('exit', (code) => {
      const timeMs = performance.now() - started;
      done = true;
      void polling.then(() =>
        code === 0
          ? resolve({ timeMs, peakRssKiB: peak, samples })
          : reject(new Error(`${bin} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`)),
      );
    });
  });
}

/** Records of a CSV (a quoted field may hold line breaks), the non-empty ones. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) record.push(field);
  if (record.some((f) => f !== '')) records.push(record);
  return records;
}

/**
 * `soffice --headless --convert-to csv`, UTF-8, with a fresh profile: one untimed conversion of a
 * tiny workbook first (LibreOffice builds its profile on first start, which no user pays twice),
 * then the timed one. The time is the whole process, LibreOffice's own start-up included.
 */
async function runLibreOffice(file: string): Promise<RunReport> {
  const peer = debianPeer(['soffice', 'libreoffice'], 'libreoffice-calc-nogui');
  if (!peer.found) return { ok: false, contender: 'libreoffice', error: `missing: ${peer.why}` };
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-soffice-'));
  try {
    const profile = `-env:UserInstallation=file://${work}/profile`;
    const convert = (input: string, out: string) => [
      profile,
      '--headless',
      '--norestore',
      // 44 = comma, 34 = double quote, 76 = UTF-8: the CSV keeps every character.
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      out,
      input,
    ];
    const { default: ExcelJS } = await import('exceljs');
    const tiny = new ExcelJS.Workbook();
    tiny.addWorksheet('x').addRow(['warm-up', 1]);
    await tiny.xlsx.writeFile(path.join(work, 'tiny.xlsx'));
    await runSampled(peer.bin, convert(path.join(work, 'tiny.xlsx'), path.join(work, 'warm')));
    const measured = await runSampled(peer.bin, convert(file, path.join(work, 'out')));
    const csv = await readFile(
      path.join(work, 'out', `${path.basename(file, path.extname(file))}.csv`),
      'utf8',
    );
    const records = csvRecords(csv);
    const found: TextCheck = { replacementChars: 0, nonAsciiCells: 0 };
    let cells = 0;
    for (const record of records)
      for (const field of record) {
        if (field === '') continue;
        cells++;
        tally(found, field);
      }
    return {
      ok: true,
      contender: 'libreoffice',
      rows: records.length,
      cells,
      ...found,
      external: peer.version,
      timeMs: measured.timeMs,
      peakRssKiB: measured.peakRssKiB,
      peakHeapUsed: 0,
      heapSamples: measured.samples,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function run(contender: Contender, file: string): Promise<RunReport> {
  if (contender === 'libreoffice') return runLibreOffice(file);
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
    ...(outcome.check ? await outcome.check() : {}),
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
