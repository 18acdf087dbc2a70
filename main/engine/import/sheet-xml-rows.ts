// Turns one worksheet's XML, as it streams by, into the rows the whole-file reader would give for it:
// the same cell values (through the same `toCell`), formulas with their cached results, dates by
// their number format, hidden rows, and — from the parts of the sheet that follow its cells — hidden
// columns, merges and hyperlinks. Rows of a sheet that is not kept are only counted.
import type ExcelJS from 'exceljs';
import type { Cell, RawRow } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { toCell } from './exceljs-cell.ts';
import { importErrors } from './import-errors.ts';
import { NumberCells } from './number-cells.ts';
import type { ReadContext } from './read-context.ts';
import { slideFormula } from './slide-formula.ts';
import { parseRange } from './tame-sheet-xml.ts';
import { PLAIN_FORMAT, StringCollector, type CellFormat, type SharedString } from './xlsx-parts.ts';
import { attrOf, decodeEntities, decodeText, forEachAttr, scanAttrs, type XmlHandler } from './xml-tokens.ts';

type Box = { top: number; left: number; bottom: number; right: number };

/** Excel's serial day number as a date, as exceljs converts it (1900 or 1904 system). */
const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

const on = (v: string | undefined) => v === '1' || v === 'true';

/** The number written in `s` from `from` to `to`, if it is only digits (and not absurdly long), else -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (to - from > 9) return -1;
  let n = 0;
  for (let j = from; j < to; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether `</c>` is written at `i`. */
const endsCell = (s: string, i: number) =>
  s.charCodeAt(i) === 60 &&
  s.charCodeAt(i + 1) === 47 &&
  s.charCodeAt(i + 2) === 99 &&
  s.charCodeAt(i + 3) === 62;

/** The column (0-based) of a reference's letters (`AB12` → 27), or -1 without letters. */
function columnOf(s: string, from: number, to: number): number {
  let letters = 0;
  for (let j = from; j < to; j++) {
    const l = s.charCodeAt(j) | 0x20;
    if (l < 97 || l > 122) break;
    letters = letters * 26 + (l - 96);
  }
  return letters - 1;
}

/** A style index written in digits; 0 (no style) for anything else. */
function styleOf(s: string, from: number, to: number): number {
  let style = 0;
  for (let j = from; j < to; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return 0;
    style = style * 10 + d;
  }
  return style;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal (`-12.5`, `3760123456784`) of at most 15 digits, read without a substring; NaN for
 * anything else (an exponent, more digits), which `parseFloat` then reads. Such a number and its
 * power of ten are exact doubles, so one division gives the correctly rounded value, as parseFloat.
 */
export function decimalAt(s: string, from: number, to: number): number {
  let j = from;
  const negative = s.charCodeAt(j) === 45;
  if (negative) j++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === 46 && decimals < 0) decimals = 0;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (++digits > 15) return NaN;
      if (decimals >= 0) decimals++;
    } else return NaN;
  }
  if (digits === 0) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

export type SheetRowsOptions = {
  name: string;
  keep: boolean;
  formats: CellFormat[];
  strings: SharedString[];
  /** The Cell of each shared string once converted, filled as the sheets use them. */
  sharedCells: (Cell | undefined)[];
  date1904: boolean;
  ctx: ReadContext;
  /** Rows read so far across the workbook, for the context's checks. */
  counter: { rows: number };
};

export class SheetRows implements XmlHandler {
  capturing = false;
  readonly rows: RawRow[] = [];
  /** Rows holding a value that is not empty, as the sheet list counts them. */
  rowCount = 0;
  readonly hiddenColumnRanges: { min: number; max: number }[] = [];
  readonly mergeRefs: string[] = [];
  readonly hyperlinks: { ref: string; id: string }[] = [];
  /** The relationship id of the sheet's drawing (its pictures), if it has one. */
  drawing: string | undefined;
  /** Rows marked hidden, whether or not they hold a value (a merge may bring them in). */
  readonly hiddenRows = new Set<number>();
  /** The last row and column (1-based) holding any cell, values or not: the sheet's used range. */
  usedRows = 0;
  usedColumns = 0;
  /** The longest text of a cell that is not a shared string, in UTF-16 units (see `capCells`). */
  longestText = 0;
  /** The widest row that holds a value, counting cells of styles only (exceljs's column count). */
  columnCount = 0;
  private sorted = true;

  private inSheetData = false;
  private rowNumber = 0;
  private rowHidden = false;
  private rowCells: Cell[] = [];
  private rowHasValue = false;
  private rowFilled = false;
  private rowMaxCol = 0;
  /** The format of the row's first cell with a value: the row's emphasis (no object made per row). */
  private rowFirstFormat: CellFormat | undefined;

  private col = -1;
  private type: string | undefined;
  private format: CellFormat = PLAIN_FORMAT;
  private styled = false;
  private v: string | undefined;
  /** A shared string's index already read by `cellAt`, else -1. */
  private sharedIndex = -1;
  /** A number already read by `cellAt`, else NaN. */
  private number = NaN;
  /** The last cell came from the shared strings or the number cells: empty only as EMPTY_CELL. */
  private plain = false;
  private inF = false;
  private f = '';
  private fShared = false;
  private fRef: string | undefined;
  private fSi: string | undefined;
  private inV = false;
  private inline = false;
  private sawInline = false;
  private readonly collector = new StringCollector();
  /** Number cells already built, shared by the rows that hold the same number. */
  private readonly numberCells = new NumberCells();
  /** Master formulas of shared formulas, by their `si`. */
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();

  constructor(private readonly o: SheetRowsOptions) {}

  open(name: string, tag: string): void {
    if (this.inline) {
      this.collector.open(name, tag);
      this.capturing = this.collector.capturing;
      return;
    }
    switch (name) {
      case 'c':
        if (this.inSheetData) this.openCell(tag, 0, tag.length);
        return;
      case 'v':
        this.inV = this.capturing = true;
        return;
      case 'f':
        this.inF = this.capturing = true;
        this.fShared = attrOf(tag, 't') === 'shared';
        this.fRef = this.fShared ? attrOf(tag, 'ref') : undefined;
        this.fSi = this.fShared ? attrOf(tag, 'si') : undefined;
        return;
      case 'is':
        this.inline = this.sawInline = true;
        this.collector.reset();
        return;
      case 'row':
        if (this.inSheetData) this.openRow(tag);
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'col': {
        let min = 0;
        let max = 0;
        let hidden = false;
        forEachAttr(tag, (attr, value) => {
          if (attr === 'min') min = Number(value);
          else if (attr === 'max') max = Number(value);
          else if (attr === 'hidden') hidden = on(value);
        });
        if (hidden && min > 0) this.hiddenColumnRanges.push({ min, max: Math.max(min, max) });
        return;
      }
      case 'mergeCell': {
        const ref = attrOf(tag, 'ref');
        if (ref) this.mergeRefs.push(ref);
        return;
      }
      case 'drawing':
        forEachAttr(tag, (attr, value) => {
          if (this.drawing === undefined && attr.endsWith(':id')) this.drawing = value;
        });
        return;
      case 'hyperlink': {
        const ref = attrOf(tag, 'ref');
        let id: string | undefined;
        forEachAttr(tag, (attr, value) => {
          if (id === undefined && attr.endsWith(':id')) id = value;
        });
        if (ref && id) this.hyperlinks.push({ ref, id });
        return;
      }
    }
  }

  close(name: string): void {
    if (this.inline) {
      if (name === 'is') {
        this.inline = false;
        this.capturing = false;
      } else {
        this.collector.close(name);
        this.capturing = this.collector.capturing;
      }
      return;
    }
    switch (name) {
      case 'v':
        this.inV = this.capturing = false;
        return;
      case 'f':
        this.inF = this.capturing = false;
        return;
      case 'c':
        if (this.inSheetData) this.closeCell();
        return;
      case 'row':
        if (this.inSheetData) this.closeRow();
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  text(piece: string): void {
    if (this.inline) this.collector.add(piece);
    else if (this.inV) this.v = this.v === undefined ? piece : this.v + piece;
    else if (this.inF) this.f += piece;
  }

  /**
   * The usual cell, `<c …><v>…</v></c>` or `<c …/>`, read straight from the text when it is whole in
   * it: no event per tag, no substring but the value's. Returns where the text resumes, or -1 for
   * anything else (a formula, an inline string, spaces between tags, a cell cut between two pieces),
   * which the tokenizer then reads tag by tag as usual.
   */
  cellAt(s: string, lt: number): number {
    if (!this.inSheetData || this.inline) return -1;
    // One pass over `<c r="B7" s="3" t="s">` up to its `>`: the attributes read as they go by, into
    // locals, so that a cell this path leaves to the tokenizer has changed nothing. Anything unusual
    // (spaces around `=`, a bare word, a tag cut between two pieces) is left to it.
    let col = -1;
    let type: string | undefined;
    let style = 0;
    // Every read stays inside `s` (a character past its end is NaN, which would slow every read).
    const last = s.length - 1;
    let i = lt + 2;
    let c: number;
    for (;;) {
      if (i > last) return -1;
      c = s.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) {
        if (++i > last) return -1;
        c = s.charCodeAt(i);
      }
      if (c === 62 || c === 47) break; // > or /
      const start = i;
      while (c !== 61 && c > 32 && c !== 62 && c !== 47) {
        if (++i > last) return -1;
        c = s.charCodeAt(i);
      }
      if (c !== 61 || i === last) return -1;
      const quote = s.charCodeAt(i + 1);
      if (quote !== 34 && quote !== 39) return -1;
      const close = s.indexOf(quote === 34 ? '"' : "'", i + 2);
      if (close < 0) return -1;
      if (i - start === 1) {
        const name = s.charCodeAt(start);
        if (name === 114)
          col = columnOf(s, i + 2, close); // r
        else if (name === 116)
          type = close === i + 3 ? s.charAt(i + 2) : s.slice(i + 2, close); // t
        else if (name === 115) style = styleOf(s, i + 2, close); // s
      }
      i = close + 1;
    }
    if (c === 47) {
      if (i === last) return -1;
      // `<c r="B2" s="1"/>`: styles only.
      if (s.charCodeAt(i + 1) !== 62) return -1;
      this.startCell(col, type, style);
      this.closeCell();
      return i + 2;
    }
    const gt = i;
    // `</c>` or `<v>` must be whole in the text; if not, the tokenizer carries the cell over.
    if (gt + 4 > last) return -1;
    if (endsCell(s, gt + 1)) {
      this.startCell(col, type, style);
      this.closeCell();
      return gt + 5;
    }
    // `<v>`, its text up to the next `<`, which must be `</v></c>` (compared code by code: no call).
    if (s.charCodeAt(gt + 1) !== 60 || s.charCodeAt(gt + 2) !== 118 || s.charCodeAt(gt + 3) !== 62) return -1;
    const close = s.indexOf('<', gt + 4);
    if (close < 0 || close + 7 > last || s.charCodeAt(close + 1) !== 47 || s.charCodeAt(close + 2) !== 118)
      return -1;
    if (s.charCodeAt(close + 3) !== 62 || !endsCell(s, close + 4)) return -1;
    this.startCell(col, type, style);
    if (close > gt + 4) {
      // A shared string's index and a plain number are read without a substring: nearly every cell.
      if (type === 's') this.sharedIndex = digitsAt(s, gt + 4, close);
      else if ((type === undefined || type === 'n') && !this.format.date)
        this.number = decimalAt(s, gt + 4, close);
      if (this.sharedIndex >= 0 || !Number.isNaN(this.number)) this.v = '';
      else this.v = decodeText(s.slice(gt + 4, close));
    }
    this.closeCell();
    return close + 8;
  }

  private openRow(tag: string): void {
    let number = 0;
    let hidden = false;
    // By bounds, not names and values: the other attributes of a row (spans, heights) are never sliced.
    scanAttrs(tag, (start, end, from, to) => {
      const length = end - start;
      if (length === 1 && tag.charCodeAt(start) === 114) {
        const digits = to > from ? digitsAt(tag, from, to) : -1;
        number = digits >= 0 ? digits : Number(decodeEntities(tag.slice(from, to)));
      } else if (length === 6 && tag.startsWith('hidden', start))
        hidden = on(decodeEntities(tag.slice(from, to)));
      return false;
    });
    if (!(number > 0)) number = this.rowNumber + 1;
    if (number < this.rowNumber) this.sorted = false;
    this.rowNumber = number;
    this.rowHidden = hidden;
    if (hidden) this.hiddenRows.add(number);
    this.rowCells = [];
    this.rowHasValue = this.rowFilled = false;
    this.rowMaxCol = 0;
    this.rowFirstFormat = undefined;
    this.col = -1;
    this.o.ctx.check(this.o.counter.rows++);
  }

  private openCell(tag: string, from: number, to: number): void {
    // One pass over `c r="B7" s="3" t="s"`, no closure, no object, and no substring but a rare type's.
    let col = -1;
    let type: string | undefined;
    let style = 0;
    const n = to;
    let i = from;
    while (i < n && tag.charCodeAt(i) > 32) i++;
    while (i < n) {
      let c = tag.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
      const start = i;
      while (i < n && c !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) c = tag.charCodeAt(++i);
      const nameLength = i - start;
      while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
      if (c !== 61) {
        if (i === start) i++;
        continue;
      }
      c = tag.charCodeAt(++i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
      if (c !== 34 && c !== 39) break;
      const close = tag.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) break;
      if (nameLength === 1) {
        const name = tag.charCodeAt(start);
        if (name === 114)
          col = columnOf(tag, i + 1, close); // r
        else if (name === 116)
          type = close === i + 2 ? tag.charAt(i + 1) : tag.slice(i + 1, close); // t
        else if (name === 115) style = styleOf(tag, i + 1, close); // s
      }
      i = close + 1;
    }
    this.startCell(col, type, style);
  }

  /** A cell begins: its column (-1: the one after the last), type and style index. */
  private startCell(col: number, type: string | undefined, style: number): void {
    this.col = col >= 0 ? col : this.col + 1;
    this.type = type;
    // As exceljs: style 0 is no style at all.
    this.styled = style > 0;
    this.format = this.styled ? (this.o.formats[style] ?? PLAIN_FORMAT) : PLAIN_FORMAT;
    this.v = undefined;
    this.sharedIndex = -1;
    this.number = NaN;
    this.f = '';
    this.fShared = false;
    this.sawInline = false;
    const cols = this.col + 1;
    if (cols > this.rowMaxCol) this.rowMaxCol = cols;
  }

  /** The cached value of a cell, in the shape exceljs gives it (what `toCell` reads). */
  private result(): unknown {
    const v = this.v;
    if (v === undefined) return undefined;
    switch (this.type) {
      case 'str':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      case 'd':
        // An ISO date cell (rare, Strict files): a time without a zone is the wall-clock time.
        return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
      default: {
        const n = parseFloat(v);
        return this.format.date ? excelToDate(n, this.o.date1904) : n;
      }
    }
  }

  /** The cell as the whole-file reader converts it; the common kinds built directly, the rest by `toCell`. */
  private cell(): Cell | undefined {
    this.plain = false;
    const numFmt = this.format.numFmt;
    if (this.f !== '' || this.fShared) {
      let formula = this.f;
      if (this.fShared && this.fSi !== undefined) {
        const master = this.masters.get(this.fSi);
        if (this.f !== '' && this.fRef !== undefined)
          this.masters.set(this.fSi, { formula: this.f, row: this.rowNumber, col: this.col });
        else if (this.f === '' && master)
          formula = slideFormula(master.formula, master, { row: this.rowNumber, col: this.col });
      }
      return toCell({ formula, result: this.result() } as ExcelJS.CellValue, numFmt);
    }
    if (this.sawInline) {
      const inline = this.collector.value();
      if (inline !== undefined) return toCell(inline as ExcelJS.CellValue, numFmt);
    }
    const v = this.v;
    if (v === undefined) return undefined;
    switch (this.type) {
      case 's': {
        const index = this.sharedIndex >= 0 ? this.sharedIndex : parseInt(v, 10);
        const cached = this.o.sharedCells[index];
        // A shared string's Cell is empty only as EMPTY_CELL (see below and toCell).
        this.plain = true;
        if (cached) return cached;
        const shared = this.o.strings[index];
        if (shared === undefined) return undefined;
        // One Cell per shared string, shared by every row that uses it: cells are plain data, never mutated.
        const cell: Cell =
          typeof shared !== 'string'
            ? toCell(shared as ExcelJS.CellValue)
            : shared === ''
              ? EMPTY_CELL
              : { value: { kind: 'text', value: shared } };
        return (this.o.sharedCells[index] = cell);
      }
      case 'str':
      case 'inlineStr':
        return toCell(v);
      case undefined:
      case 'n': {
        const value = Number.isNaN(this.number) ? parseFloat(v) : this.number;
        if (this.format.date || Number.isNaN(value)) break;
        this.plain = true;
        return this.numberCells.get(value, numFmt && numFmt !== 'General' ? numFmt : undefined);
      }
    }
    return toCell(this.result() as ExcelJS.CellValue, numFmt);
  }

  private closeCell(): void {
    const cell = this.cell();
    if (!cell) return;
    this.rowHasValue = true;
    if (this.col >= this.o.ctx.limits.maxColumns)
      throw importErrors.tooManyColumns(this.o.ctx.file, this.o.name, this.o.ctx.limits.maxColumns);
    // Built by a fast path, the cell is empty only as EMPTY_CELL: its value need not be loaded.
    if (this.plain ? cell === EMPTY_CELL : cell.value.kind === 'empty') {
      if (!this.o.keep) return;
    } else {
      this.rowFilled = true;
      this.rowFirstFormat ??= this.format;
      if (!this.plain) {
        // Shared strings are measured once for the workbook (read-xlsx-stream.ts), numbers hold no text.
        const v = cell.value;
        if (
          (v.kind === 'text' || v.kind === 'rich' || v.kind === 'hyperlink') &&
          v.value.length > this.longestText
        )
          this.longestText = v.value.length;
      }
    }
    if (this.o.keep) this.rowCells[this.col] = cell;
  }

  private closeRow(): void {
    const number = this.rowNumber;
    if (this.rowMaxCol > 0) {
      if (number > this.usedRows) this.usedRows = number;
      if (this.rowMaxCol > this.usedColumns) this.usedColumns = this.rowMaxCol;
    }
    if (!this.rowHasValue) return;
    if (this.rowMaxCol > this.columnCount) this.columnCount = this.rowMaxCol;
    if (this.rowFilled && ++this.rowCount > this.o.ctx.limits.maxRows)
      throw importErrors.tooManyRows(this.o.ctx.file, this.o.name, this.o.ctx.limits.maxRows);
    if (!this.o.keep) return;
    const cells = this.rowCells;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = EMPTY_CELL;
    const first = this.rowFirstFormat;
    // A plain literal, not a spread: one object per row of a large sheet.
    this.rows.push(
      first && (first.bold || first.filled)
        ? { number, hidden: this.rowHidden, cells, emphasis: { bold: first.bold, filled: first.filled } }
        : { number, hidden: this.rowHidden, cells },
    );
  }

  /** Rows in sheet order (a generator may write them out of order; Excel never does). */
  sortedRows(): RawRow[] {
    return this.sorted ? this.rows : [...this.rows].sort((a, b) => a.number - b.number);
  }

  /** The merged ranges, clipped to the used range when they cover absurdly many cells (tame-sheet-xml). */
  merges(maxMergedCells: number): Box[] {
    const boxes = this.mergeRefs.map(parseRange).filter((b): b is Box => b !== undefined);
    const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (boxes.reduce((sum, b) => sum + area(b), 0) <= maxMergedCells) return boxes;
    const rows = Math.max(1, this.usedRows);
    const cols = Math.max(1, this.usedColumns);
    return boxes
      .filter((b) => b.top <= rows && b.left <= cols)
      .map((b) => ({ ...b, bottom: Math.min(b.bottom, rows), right: Math.min(b.right, cols) }))
      .filter((b) => area(b) > 1);
  }
}
