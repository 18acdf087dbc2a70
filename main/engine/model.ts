// The plain data passed between the pipeline's stages (see DESIGN.md, "Pipeline").
// Schemas exist for what crosses a boundary as JSON (CLI --json, profiles, templates, later IPC);
// every type is inferred from its schema so the two never drift.
import { z } from 'zod';
import type { Money } from './money/money.ts';

export const Lang = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof Lang>;

/** A message in both languages: the engine never decides which one the user reads. */
export const Translated = z.object({ fr: z.string(), en: z.string() });
export type Translated = z.infer<typeof Translated>;

// ─── Cells ────────────────────────────────────────────────────────────────────────────────────────

export const TextRun = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/**
 * One cell as read from the workbook. Formulas carry their cached result as the value and the
 * formula text beside it; `numFmt` is kept because it tells a percentage or a date from a number.
 */
export const CellValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('number'), value: z.number(), numFmt: z.string().optional() }),
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('rich'), value: z.string(), runs: z.array(TextRun) }),
  z.object({ kind: z.literal('date'), value: z.string() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('error'), value: z.string() }),
  z.object({ kind: z.literal('hyperlink'), value: z.string(), url: z.string() }),
]);
export type CellValue = z.infer<typeof CellValue>;

export const Cell = z.object({
  value: CellValue,
  formula: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const EMPTY_CELL: Cell = Object.freeze({ value: Object.freeze({ kind: 'empty' }) }) as Cell;

// ─── Import ───────────────────────────────────────────────────────────────────────────────────────

export const SheetState = z.enum(['visible', 'hidden', 'veryHidden']);
export type SheetState = z.infer<typeof SheetState>;

/** An image embedded in the sheet, anchored at a row (1-based, as Excel numbers it). */
export const EmbeddedImage = z.object({
  row: z.number().int(),
  column: z.number().int(),
  extension: z.string(),
  bytes: z.instanceof(Uint8Array),
});
export type EmbeddedImage = z.infer<typeof EmbeddedImage>;

/** A sheet as the reader saw it, before any interpretation. Rows keep Excel's numbers. */
export type RawRow = {
  number: number;
  hidden: boolean;
  cells: Cell[];
  /** How the row's first filled cell is set (bold, a fill): evidence for a category heading. */
  emphasis?: { bold: boolean; filled: boolean };
};
export type RawSheet = {
  name: string;
  state: SheetState;
  rows: RawRow[];
  /** 0-based column indexes hidden in Excel. */
  hiddenColumns: number[];
  /** Merged ranges as 1-based inclusive bounds; only the top-left cell holds a value. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  images: EmbeddedImage[];
};

export const ColumnType = z.enum([
  'empty',
  'text',
  'rich',
  'number',
  'price',
  'percent',
  'ean',
  'date',
  'boolean',
  'url',
  'mixed',
]);
export type ColumnType = z.infer<typeof ColumnType>;

export const SourceColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  hidden: z.boolean(),
  type: ColumnType,
  samples: z.array(z.string()),
});
export type SourceColumn = z.infer<typeof SourceColumn>;

/**
 * What a row of a sheet is, decided with a reason the user can read (`inspect`, the app). Notes and
 * totals are neither products nor groups; a variant belongs to the product above it.
 */
export const RowRole = z.enum([
  'title',
  'header',
  'product',
  'variant',
  'category',
  'note',
  'total',
  'blank',
]);
export type RowRole = z.infer<typeof RowRole>;

export const RowDecision = z.object({
  row: z.number().int(),
  role: RowRole,
  /** Why, in the user's words: « fusionnée sur le tableau », "starts with *". */
  reason: Translated,
  /** The row's leading text, shortened, so a list of decisions reads without the sheet. */
  text: z.string().optional(),
  /** For a variant: the row number of its product. */
  parent: z.number().int().optional(),
  /** For a variant: the column letter whose value it shares with its product (a handle). */
  tie: z.string().optional(),
});
export type RowDecision = z.infer<typeof RowDecision>;

/** A quantity × variant price matrix (quantities down, variants across), recognised but not read as a table. */
export const MatrixShape = z.object({
  /** Row of the variant labels. */
  headerRow: z.number().int(),
  /** Column letter of the quantities. */
  quantityColumn: z.string(),
  quantities: z.array(z.number()),
  variants: z.array(z.string()),
});
export type MatrixShape = z.infer<typeof MatrixShape>;

export type SourceRow = {
  number: number;
  hidden: boolean;
  /** A product, or a variant of the product row `parent` (size, colour, a second price line). */
  role: 'product' | 'variant';
  parent?: number;
  /** The column letter whose value ties a variant to its product: repeating it is no duplicate. */
  tie?: string;
  /** Group from the last category row above ("Visserie"), if any. */
  group?: string;
  /** Aligned with `SourceTable.columns`. */
  cells: Cell[];
  images: EmbeddedImage[];
};

export type SourceTable = {
  file: string;
  sheet: string;
  /** The first text above the header row ("Quincaillerie Martin — Tarif 2026"): a catalog's title. */
  title?: string;
  /** Every text above the header row, in order: titles, supplier, "Prices exclude 10 % VAT"… */
  preamble: string[];
  /** Row number of the header; when `headerless`, the row above the first data row. */
  headerRow: number;
  /** The sheet has no header row: columns are named by their letter. */
  headerless: boolean;
  /** Every non-blank row's role and why, in sheet order. */
  roles: RowDecision[];
  /** Set when the sheet is a quantity × variant price matrix rather than a table of products. */
  matrix?: MatrixShape;
  columns: SourceColumn[];
  rows: SourceRow[];
  /** Category rows found between products, with their row numbers. */
  groups: { name: string; row: number }[];
  /** Numbers of rows that were entirely blank and skipped. */
  blankRows: number[];
  /** What the import wants the user to know (large-file mode, truncated columns…). */
  notices: Issue[];
};

export const SheetSummary = z.object({
  name: z.string(),
  state: SheetState,
  rowCount: z.number().int(),
});
export type SheetSummary = z.infer<typeof SheetSummary>;

// ─── Issues ───────────────────────────────────────────────────────────────────────────────────────

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const CellAddress = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** Column letter as Excel shows it ("F"); absent when the issue concerns a whole row. */
  column: z.string().optional(),
});
export type CellAddress = z.infer<typeof CellAddress>;

export const Issue = z.object({
  severity: Severity,
  code: z.string(),
  message: Translated,
  /** The cell as the user sees it: `'Tarif 2026'!F15`. */
  ref: z.string().optional(),
  cell: CellAddress.optional(),
  field: z.string().optional(),
  /** The page it concerns (preflight, the PDF), 1-based as printed: a surface can show that page. */
  page: z.number().int().positive().optional(),
  /** What the message was made from (a resolution, missing characters…), for a surface that words it. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Issue = z.infer<typeof Issue>;

// ─── Catalog ──────────────────────────────────────────────────────────────────────────────────────

export const FieldValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('rich'), value: z.string(), runs: z.array(TextRun) }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('price'), value: z.number(), currency: z.string().optional() }),
  z.object({ kind: z.literal('percent'), value: z.number() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('date'), value: z.string() }),
  z.object({ kind: z.literal('ean'), value: z.string() }),
  z.object({ kind: z.literal('url'), value: z.string() }),
  z.object({
    kind: z.literal('image'),
    /** Absolute path of a file in the images folder, when the cell names one. */
    path: z.string().optional(),
    /** Index into the item's embedded images, when the picture sits in the sheet. */
    embedded: z.number().int().optional(),
    name: z.string().optional(),
  }),
]);
export type FieldValue = z.infer<typeof FieldValue>;

export type CatalogItem = {
  row: number;
  group?: string;
  fields: Record<string, FieldValue>;
  images: EmbeddedImage[];
  /**
   * The product's variant rows (sizes, colours, a second price line), in sheet order. Each carries
   * its own values and the product's where its cells were blank; `items` holds products only.
   */
  variants?: CatalogItem[];
};

/** A product and its variants, one line each: what a price list prints. */
export const itemLines = (item: CatalogItem): CatalogItem[] =>
  item.variants?.length ? [item, ...item.variants] : [item];

export type CatalogGroup = { name: string; items: CatalogItem[] };

export type Catalog = {
  source: { file: string; sheet: string };
  template: string;
  items: CatalogItem[];
  /** Items in order, split by the grouping field (one unnamed group when not grouped). */
  groups: CatalogGroup[];
  /** Currency, tax basis and VAT as decided from the sheet and the user's settings; absent: unknown. */
  money?: Money;
};
