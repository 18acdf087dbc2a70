// Reads a large .xlsx part by part, row by row, so memory follows the rows kept, not the XML: a
// streamed unzip (yauzl, native inflate), a streaming UTF-8 decoder that never splits a character,
// and a small tokenizer (xml-tokens.ts). It gives the whole-file reader's sheets for the same file —
// values, formats, formulas and their cached results, dates, hidden rows and columns, merges,
// hyperlinks, pictures — as read-xlsx-stream.test.ts checks on generated and real-world workbooks.
// It finds parts through the package's relationships, so unusual part names need no rewriting, and
// expands no range (a merge over the whole sheet is clipped like tame-sheet-xml.ts clips it). The
// deadline is a hard stop, in case the XML stalls between two rows.
import type { Cell, RawRow, RawSheet, SheetState } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import { sheetMatches } from './choose-sheet.ts';
import { importErrors } from './import-errors.ts';
import { parseRelationships, relsPartOf } from './package-parts.ts';
import type { ReadContext } from './read-context.ts';
import { readSheetImages } from './sheet-images.ts';
import { SheetRows } from './sheet-xml-rows.ts';
import { MERGED_CELLS_MAX } from './tame-sheet-xml.ts';
import {
  parseStyles,
  partText,
  readSharedStrings,
  readWorkbookInfo,
  streamXml,
  type CellFormat,
  type SharedString,
} from './xlsx-parts.ts';
import { openZip, type ZipEntries } from './zip-entries.ts';

export type StreamedSheet = {
  name: string;
  state: SheetState;
  rowCount: number;
  sheet?: RawSheet;
  /**
   * At least the length of the longest text of a cell of the kept sheet (UTF-16 units): when within
   * the cap, `capCells` has nothing to cut and need not look at every cell of a large sheet.
   */
  longestText?: number;
};

/** The longest shared string, rich text counted whole: a bound on every shared-string cell's text. */
function longestShared(strings: SharedString[]): number {
  let longest = 0;
  for (const s of strings) {
    let n = 0;
    if (typeof s === 'string') n = s.length;
    else for (const run of s.richText) n += run.text.length;
    if (n > longest) longest = n;
  }
  return longest;
}

export type StreamOptions = {
  /** Tests: cut every inflated piece to this many bytes, so characters straddle every cut. */
  chunkBytes?: number;
};

/** The hyperlinks of a kept sheet, set on their cells as exceljs does (the text shown stays). */
async function applyHyperlinks(
  zip: ZipEntries,
  part: string,
  parsed: SheetRows,
  rows: RawRow[],
): Promise<number> {
  let longest = 0;
  if (parsed.hyperlinks.length === 0) return longest;
  const rels = parseRelationships((await partText(zip, relsPartOf(part))) ?? '');
  const targets = new Map(rels.map((r) => [r.id, r.target]));
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const { ref, id } of parsed.hyperlinks) {
    const url = targets.get(id);
    const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
    if (url === undefined || !m) continue;
    const row = byNumber.get(Number(m[2]));
    if (!row) continue;
    let col = 0;
    for (const c of m[1]!.toUpperCase()) col = col * 26 + c.charCodeAt(0) - 64;
    const cells = row.cells;
    while (cells.length < col) cells.push(EMPTY_CELL);
    const v = cells[col - 1]!.value;
    const shown = v.kind === 'text' || v.kind === 'rich' ? v.value : url;
    cells[col - 1] = { value: { kind: 'hyperlink', value: shown, url } };
    longest = Math.max(longest, shown.length);
  }
  return longest;
}

/**
 * Merges as the whole-file reader sees them: a covered cell holds nothing, and a row a merge spans
 * is a row even when it has no value of its own.
 */
function applyMerges(rows: RawRow[], merges: RawSheet['merges'], hiddenRows: Set<number>): RawRow[] {
  if (merges.length === 0) return rows;
  // Rows by number, looked up by halving the sorted rows: no map of a large sheet's every row for a
  // few merges (category rows).
  const rowAt = (n: number): RawRow | undefined => {
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = rows[mid]!.number;
      if (at === n) {
        // A number written twice (a broken generator): the last one, as a map of the rows would keep.
        let last = mid;
        while (last + 1 < rows.length && rows[last + 1]!.number === n) last++;
        return rows[last];
      }
      if (at < n) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  };
  const addedRows = new Map<number, RawRow>();
  const byNumber = {
    get: (n: number) => rowAt(n) ?? addedRows.get(n),
    set: (n: number, r: RawRow) => addedRows.set(n, r),
  };
  const added: RawRow[] = [];
  const touched = new Set<RawRow>();
  for (const m of merges) {
    for (let n = m.top; n <= m.bottom; n++) {
      let row = byNumber.get(n);
      if (!row) {
        row = { number: n, hidden: hiddenRows.has(n), cells: [] };
        byNumber.set(n, row);
        added.push(row);
        continue;
      }
      const cells = row.cells as (Cell | undefined)[];
      for (let c = m.left; c <= Math.min(m.right, cells.length); c++) {
        if (n === m.top && c === m.left) continue;
        cells[c - 1] = undefined;
        touched.add(row);
      }
    }
  }
  // A covered cell is no cell: gone at the end of a row, an empty one inside it.
  for (const row of touched) {
    const cells = row.cells as (Cell | undefined)[];
    let end = cells.length;
    while (end > 0 && cells[end - 1] === undefined) end--;
    cells.length = end;
    for (let i = 0; i < end; i++) cells[i] ??= EMPTY_CELL;
  }
  return added.length === 0 ? rows : [...rows, ...added].sort((a, b) => a.number - b.number);
}

function hiddenColumnsOf(parsed: SheetRows, merges: RawSheet['merges'], maxColumns: number): number[] {
  const count = Math.min(
    maxColumns,
    merges.reduce((max, m) => Math.max(max, m.right), parsed.columnCount),
  );
  const hidden: number[] = [];
  for (const { min, max } of parsed.hiddenColumnRanges) {
    for (let c = min; c <= Math.min(max, count); c++) hidden.push(c - 1);
  }
  return [...new Set(hidden)].sort((a, b) => a - b);
}

async function readAll(
  zip: ZipEntries,
  ctx: ReadContext,
  requested: string | undefined,
  options: StreamOptions,
): Promise<StreamedSheet[]> {
  const book = await readWorkbookInfo(zip);
  const stylesXml = book.styles ? await partText(zip, book.styles) : undefined;
  const formats: CellFormat[] = stylesXml ? parseStyles(stylesXml) : [];
  ctx.check(0);
  const counter = { rows: 0 };
  const strings: SharedString[] = book.sharedStrings
    ? await readSharedStrings(zip, book.sharedStrings, () => ctx.check(0), options.chunkBytes)
    : [];

  // Filled up front: an array written at scattered indexes would fall back to a slow dictionary.
  const sharedCells = new Array<Cell | undefined>(strings.length).fill(undefined);
  const sharedLongest = longestShared(strings);
  const sheets: StreamedSheet[] = [];
  let kept = false;
  for (const entry of book.sheets) {
    const { name, state, part } = entry;
    // A chart sheet, a macro sheet or a missing part is no worksheet: exceljs lists none of them.
    if (!part || !zip.names.has(part) || !/(^|\/)worksheets\//.test(part)) continue;
    const keep = !kept && (requested ? sheetMatches(requested, name) : state === 'visible');
    const parsed = new SheetRows({
      name,
      keep,
      formats,
      strings,
      sharedCells,
      date1904: book.date1904,
      ctx,
      counter,
    });
    await streamXml(zip, part, parsed, options.chunkBytes);
    if (!keep) {
      sheets.push({ name, state, rowCount: parsed.rowCount });
      continue;
    }
    const merges = parsed.merges(MERGED_CELLS_MAX);
    const rows = applyMerges(parsed.sortedRows(), merges, parsed.hiddenRows);
    const linkLongest = await applyHyperlinks(zip, part, parsed, rows);
    const sheet: RawSheet = {
      name,
      state,
      rows,
      hiddenColumns: hiddenColumnsOf(parsed, merges, ctx.limits.maxColumns),
      merges,
      images: await readSheetImages(zip, part, parsed.drawing),
    };
    // An empty visible sheet is not the one the user meant, unless they named it.
    if (rows.length > 0 || requested) kept = true;
    const longestText = Math.max(sharedLongest, parsed.longestText, linkLongest);
    sheets.push({ name, state, rowCount: parsed.rowCount, ...(kept ? { sheet, longestText } : {}) });
  }
  return sheets;
}

/**
 * Streams every sheet; keeps the rows of the requested sheet (or of the first visible sheet that has
 * rows) and only counts the others' rows. `source` is the file, or the package's bytes.
 */
export async function readXlsxStream(
  source: string | Uint8Array,
  ctx: ReadContext,
  requested?: string,
  options: StreamOptions = {},
): Promise<StreamedSheet[]> {
  ctx.check(0);
  const { stopped, dispose } = ctx.whenStopped();
  let zip: ZipEntries | undefined;
  const reading = (async () => {
    zip = await openZip(source);
    return readAll(zip, ctx, requested, options);
  })();
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, stopped]);
  } catch (error) {
    if (isCatalogError(error)) throw error;
    // Past the deadline or cancelled, whatever the reader choked on is not the user's problem: say why
    // the import stopped.
    ctx.check(0);
    throw importErrors.damaged(ctx.file, error instanceof Error ? error.message : String(error));
  } finally {
    dispose();
    // Stops any inflate still running (after a timeout) with the file.
    (zip as ZipEntries | undefined)?.close();
  }
}
