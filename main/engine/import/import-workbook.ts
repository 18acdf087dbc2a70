// The import's front door: recognises the file, refuses what it cannot read with a useful message,
// picks the sheet and returns plain data. All file reading of the import happens here and in the readers.
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Issue, RawSheet, SheetSummary, SourceTable } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import { buildTable, headRows } from './build-table.ts';
import { capCells } from './cap-cells.ts';
import { chooseSheet } from './choose-sheet.ts';
import { importErrors } from './import-errors.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import { makeReadContext, type Progress, type ReadContext } from './read-context.ts';
import { readCsv } from './read-csv.ts';
import { parseInWorker } from './parse-in-worker.ts';
import { readXlsxStream } from './read-xlsx-stream.ts';
import { oleIsEncryptedPackage, sniffBytes } from './sniff-file.ts';
import { inspectZip } from './zip-guard.ts';

export type ImportOptions = {
  sheet?: string;
  /** Read this sheet if the workbook has it, else choose as usual (a mapping profile's sheet). */
  preferSheet?: string;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  limits?: Partial<ImportLimits>;
  /** Use the streaming reader whatever the size (tests, benchmarks). */
  mode?: 'auto' | 'full' | 'stream';
  /** The sheet row the user picked as the header (from 1); found from the rows when absent. */
  headerRow?: number;
  /** Tests only: the URL of a module whose `parse` replaces the whole-file reader in its worker. */
  parser?: string;
};

export type ImportResult = {
  file: string;
  format: 'xlsx' | 'csv';
  mode: 'full' | 'stream';
  sheets: SheetSummary[];
  table: SourceTable;
  /** The sheet's first rows as text, for a surface that lets the user pick the header row. */
  head: { number: number; cells: string[] }[];
  /** How a CSV file was decoded, shown by `inspect`. */
  csv?: { encoding: string; delimiter: string };
};

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The rows read: a row whose cells are all empty (styles only, empty strings) is not counted. */
const filledRows = (s: RawSheet) =>
  s.rows.filter((row) => row.cells.some((cell) => cell.value.kind !== 'empty')).length;

const summary = (s: RawSheet): SheetSummary => ({ name: s.name, state: s.state, rowCount: filledRows(s) });

const largeFileNotice = (file: string): Issue => ({
  severity: 'info',
  code: 'LARGE_FILE_MODE',
  message: {
    fr: `${file} est volumineux : il a été lu ligne à ligne, sans le charger entier en mémoire.`,
    en: `${file} is large: it was read row by row, without loading it whole into memory.`,
  },
});

/** The zip's facts, once it is known to be an Excel workbook (an .ods or .numbers is told as such). */
async function workbookZip(path: string, file: string, ctx: ReadContext) {
  const zip = await inspectZip(path, file, ctx.limits);
  if (zip.kind === 'ods') throw importErrors.ods(file);
  if (zip.kind === 'numbers') throw importErrors.numbers(file);
  if (zip.kind !== 'xlsx') throw importErrors.notAWorkbook(file);
  return zip;
}

async function importXlsx(
  path: string,
  file: string,
  ctx: ReadContext,
  options: ImportOptions,
): Promise<ImportResult> {
  const zip = await workbookZip(path, file, ctx);
  // Our streaming reader reads every size: 5× faster than the whole-file one at 10,000 rows, and equal
  // to it on every fixture and corpus file. The whole-file reader (exceljs, in a worker with a
  // deadline) remains for `mode: 'full'` and the tests that swap its parser.
  const stream = options.mode === 'stream' || (options.mode !== 'full' && !options.parser);
  const large = zip.sheetBytes > ctx.limits.streamAboveBytes;

  if (stream) {
    // The streaming reader follows the package's relationships: unusual part names need no rewriting.
    let streamed = await readXlsxStream(path, ctx, options.sheet ?? options.preferSheet);
    // The preferred sheet was not there: stream again for the usual choice (rare, and only for big files).
    if (!options.sheet && options.preferSheet && !streamed.some((s) => s.sheet))
      streamed = await readXlsxStream(path, ctx);
    const sheets = streamed.map(({ name, state, rowCount }) => ({ name, state, rowCount }));
    const chosen = chooseSheet(sheets, options.sheet, file, options.preferSheet);
    const read = streamed[chosen]?.sheet;
    if (!read) throw importErrors.noSheet(file);
    // No text longer than the cap (the reader measured them as they went by): nothing to cut, and
    // no need to look at every cell of a large sheet again.
    const within = (streamed[chosen]?.longestText ?? Infinity) <= ctx.limits.maxCellChars;
    const { sheet, notices } = within
      ? { sheet: read, notices: [] }
      : capCells(read, file, ctx.limits.maxCellChars);
    return {
      file,
      format: 'xlsx',
      mode: 'stream',
      sheets,
      table: buildTable(
        sheet,
        file,
        large ? [largeFileNotice(file), ...notices] : notices,
        options.headerRow,
      ),
      head: headRows(sheet),
    };
  }

  const raw = await parseInWorker(path, ctx, options.parser);
  const sheets = raw.map(summary);
  const chosen = raw[chooseSheet(sheets, options.sheet, file, options.preferSheet)]!;
  const { sheet, notices } = capCells(chosen, file, ctx.limits.maxCellChars);
  return {
    file,
    format: 'xlsx',
    mode: 'full',
    sheets,
    table: buildTable(sheet, file, notices, options.headerRow),
    head: headRows(sheet),
  };
}

/** How the file turned out to be, once its size and first bytes are checked. */
type Opened =
  | { kind: 'zip'; path: string; file: string; ctx: ReadContext }
  | { kind: 'text'; path: string; file: string; ctx: ReadContext };

/**
 * The checks every read starts with (found, a file, not empty, not too large, what its bytes say),
 * then `read` on a workbook or a text file. Errors that are not the import's own are worded as
 * "unreadable", naming the file.
 */
async function openSource<T>(
  path: string,
  options: ImportOptions,
  read: (opened: Opened) => Promise<T>,
): Promise<T> {
  const file = basename(path);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx = makeReadContext(file, limits, options.signal, options.onProgress);
  try {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) throw importErrors.folder(file);
    if (!info || !info.isFile()) throw importErrors.notFound(file);
    if (info.size === 0) throw importErrors.empty(file);
    if (info.size > limits.maxFileBytes) throw importErrors.tooLarge(file, info.size, limits.maxFileBytes);

    const kind = sniffBytes(await readHead(path, 8192));
    switch (kind) {
      case 'empty':
        throw importErrors.empty(file);
      case 'ole':
        throw oleIsEncryptedPackage(await readFile(path))
          ? importErrors.encrypted(file)
          : importErrors.xls(file);
      case 'zip':
        return await read({ kind: 'zip', path, file, ctx });
      case 'text':
        return await read({ kind: 'text', path, file, ctx });
      case 'binary':
        // A file named .xlsx that is not a zip was cut short or overwritten.
        throw ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase())
          ? importErrors.damaged(file)
          : importErrors.notAWorkbook(file);
    }
  } catch (error) {
    if (isCatalogError(error)) throw error;
    throw importErrors.unreadable(file, error instanceof Error ? error.message : error);
  }
}

export function importWorkbook(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  return openSource(path, options, async ({ kind, file, ctx }) => {
    if (kind === 'zip') return importXlsx(path, file, ctx, options);
    const csv = readCsv(await readFile(path), file, ctx.limits, ctx.check);
    const { encoding, delimiter } = csv;
    const { sheet, notices } = capCells(csv.sheet, file, ctx.limits.maxCellChars);
    return {
      file,
      format: 'csv',
      mode: 'full',
      sheets: [summary(sheet)],
      table: buildTable(sheet, file, [...csv.notices, ...notices], options.headerRow),
      head: headRows(sheet),
      csv: { encoding, delimiter },
    };
  });
}

export type WorkbookSheets = {
  file: string;
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
  /** Cells and lines cut to the limits, each on its cell. */
  notices: Issue[];
};

/**
 * Every sheet of a workbook as read, for the readers that look at several sheets at once (a price
 * grid and its reseller list). Always the whole-file reader, which sees merges: a price grid's block
 * titles are merged cells, and such workbooks are small. A CSV file is one sheet.
 */
export function importSheets(path: string, options: ImportOptions = {}): Promise<WorkbookSheets> {
  return openSource(path, options, async ({ kind, file, ctx }) => {
    const capped = (read: RawSheet[], notices: Issue[] = []) => {
      const cut = read.map((sheet) => capCells(sheet, file, ctx.limits.maxCellChars));
      return { sheets: cut.map((c) => c.sheet), notices: [...notices, ...cut.flatMap((c) => c.notices)] };
    };
    if (kind === 'text') {
      const csv = readCsv(await readFile(path), file, ctx.limits, ctx.check);
      return { file, format: 'csv', ...capped([csv.sheet], csv.notices) };
    }
    await workbookZip(path, file, ctx);
    return { file, format: 'xlsx', ...capped(await parseInWorker(path, ctx, options.parser)) };
  });
}
