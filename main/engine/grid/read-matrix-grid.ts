// Reads matrix-shaped price grids: per block, an optional (often merged) title row naming the family,
// a header row of variants whose corner says « Quantité » or is empty (or names the family), then one
// tier per row with its quantity in the first column. Blocks follow one another, separated by blank
// or title rows; a sheet with a single untitled block is one family named after the sheet.
import type { Issue, RawRow, RawSheet } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { QUANTITY_HEADER } from '../import/matrix-sheet.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import type { GridCell, GridFamily, GridReadOptions, GridTier } from './grid-model.ts';
import { gridIssue, gridMessages } from './grid-issues.ts';
import { looksLikePrice, quantityIssue, readPriceCell, readQuantity } from './grid-values.ts';
import { filledColumns, isBlankRow, mergedAcross, rowsInOrder } from './sheet-cells.ts';

type Header = { quantityColumn: number; corner?: string };

type Block = {
  title?: { text: string; row: number };
  corner?: string;
  headerRow: number;
  quantityColumn: number;
  columns: { index: number; name: string }[];
  tiers: GridTier[];
  /** Columns already reported for prices without a header, so each is named once. */
  headerless: Set<number>;
};

const textOf = (row: RawRow, column: number) => normalizeSpaces(cellText(row.cells[column] ?? EMPTY_CELL));

export function readMatrixGrid(
  sheet: RawSheet,
  opts: GridReadOptions = {},
): { families: GridFamily[]; issues: Issue[] } {
  const rows = rowsInOrder(sheet);
  const issues: Issue[] = [];
  const blocks: Block[] = [];
  let block: Block | undefined;
  let title: { text: string; row: number } | undefined;
  let orphanReported = false;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    if (block && readTier(sheet, block, row, opts, issues)) continue;
    block = undefined;

    const header = headerAt(sheet, rows, i, opts);
    if (header) {
      block = openBlock(sheet, row, header, title, issues);
      blocks.push(block);
      title = undefined;
      orphanReported = false;
      continue;
    }
    const filled = filledColumns(row);
    if (readQuantity(row.cells[filled[0]!], opts) !== undefined) {
      // Quantities with no header above: which price is which variant cannot be said.
      if (!orphanReported)
        issues.push(
          gridIssue(
            'error',
            'GRID_HEADER_MISSING',
            { sheet: sheet.name, row: row.number },
            gridMessages.headerMissing(),
          ),
        );
      orphanReported = true;
      continue;
    }
    if (filled.length === 1) {
      title = { text: textOf(row, filled[0]!), row: row.number };
      orphanReported = false;
    }
  }
  return { families: namedFamilies(sheet, blocks, issues), issues };
}

/**
 * The header at row `i`, if it is one: its corner says « Quantité »/« Qté », or the next filled row
 * starts with a quantity and this one has text (not prices) over that row's price columns.
 */
function headerAt(sheet: RawSheet, rows: RawRow[], i: number, opts: GridReadOptions): Header | undefined {
  const row = rows[i]!;
  const filled = filledColumns(row);
  const first = filled[0]!;
  const firstText = textOf(row, first);
  if (
    filled.length >= 2 &&
    QUANTITY_HEADER.test(foldForMatch(firstText)) &&
    readQuantity(row.cells[first], opts) === undefined
  )
    return { quantityColumn: first };

  const next = rows.slice(i + 1).find((r) => !isBlankRow(r));
  if (!next) return undefined;
  const quantityColumn = filledColumns(next)[0]!;
  if (readQuantity(next.cells[quantityColumn], opts) === undefined) return undefined;
  if (first < quantityColumn || readQuantity(row.cells[quantityColumn], opts) !== undefined) return undefined;
  const variants = filled.filter((c) => c > quantityColumn);
  if (variants.length === 0 || variants.some((c) => looksLikePrice(row.cells[c], opts))) return undefined;
  // A lone merged cell is a title over the block, not a one-variant header.
  if (filled.length === 1 && mergedAcross(sheet, row.number, first)) return undefined;
  return first === quantityColumn ? { quantityColumn, corner: firstText } : { quantityColumn };
}

function openBlock(
  sheet: RawSheet,
  row: RawRow,
  header: Header,
  title: Block['title'],
  issues: Issue[],
): Block {
  const columns: Block['columns'] = [];
  const seen = new Set<string>();
  for (const index of filledColumns(row).filter((c) => c > header.quantityColumn)) {
    const name = textOf(row, index);
    if (seen.has(name))
      issues.push(
        gridIssue(
          'warning',
          'GRID_VARIANT_DUPLICATE',
          { sheet: sheet.name, row: row.number, column: index },
          gridMessages.variantDuplicate(name),
        ),
      );
    seen.add(name);
    columns.push({ index, name });
  }
  return {
    ...(title ? { title } : {}),
    ...(header.corner ? { corner: header.corner } : {}),
    headerRow: row.number,
    quantityColumn: header.quantityColumn,
    columns,
    tiers: [],
    headerless: new Set(),
  };
}

/** Reads `row` as a tier of `block`; false when the row is not one (it ends the block). */
function readTier(
  sheet: RawSheet,
  block: Block,
  row: RawRow,
  opts: GridReadOptions,
  issues: Issue[],
): boolean {
  const at = (column?: number) => ({
    sheet: sheet.name,
    row: row.number,
    ...(column === undefined ? {} : { column }),
  });
  const quantity = readQuantity(row.cells[block.quantityColumn], opts);
  const named = new Set(block.columns.map((c) => c.index));
  const priced = filledColumns(row).filter((c) => c > block.quantityColumn);
  if (quantity === undefined) {
    if (!isBlank(row.cells[block.quantityColumn]) || !priced.some((c) => looksLikePrice(row.cells[c], opts)))
      return false;
    issues.push(
      gridIssue('error', 'GRID_QUANTITY_MISSING', at(block.quantityColumn), gridMessages.quantityMissing()),
    );
    return true;
  }
  for (const c of priced.filter((c) => !named.has(c) && !block.headerless.has(c))) {
    block.headerless.add(c);
    issues.push(
      gridIssue(
        'error',
        'GRID_VARIANT_HEADER_MISSING',
        { sheet: sheet.name, row: block.headerRow, column: c },
        gridMessages.variantHeaderMissing(),
      ),
    );
  }
  if (!quantity.ok) {
    issues.push(quantityIssue(quantity, at(block.quantityColumn)));
    return true;
  }
  const cells: GridCell[] = block.columns.map((column) => {
    const reading = readPriceCell(row.cells[column.index], at(column.index), opts);
    if (reading.issue) issues.push(reading.issue);
    return reading.cell;
  });
  const previous = block.tiers.at(-1)?.quantity;
  if (block.tiers.some((t) => t.quantity === quantity.quantity))
    issues.push(
      gridIssue(
        'error',
        'GRID_QUANTITY_DUPLICATE',
        at(block.quantityColumn),
        gridMessages.quantityDuplicate(quantity.quantity),
      ),
    );
  else if (previous !== undefined && quantity.quantity < previous)
    issues.push(
      gridIssue(
        'warning',
        'GRID_QUANTITY_ORDER',
        at(block.quantityColumn),
        gridMessages.quantityOrder(quantity.quantity, previous),
      ),
    );
  if (!cells.some((c) => c.kind === 'price'))
    issues.push(
      gridIssue(
        'warning',
        'GRID_TIER_NO_PRICE',
        at(block.quantityColumn),
        gridMessages.tierWithoutPrice(quantity.label),
      ),
    );
  block.tiers.push({ quantity: quantity.quantity, row: row.number, label: quantity.label, cells });
  return true;
}

/** A block is named by its title row, else by its header's corner, else by the sheet. */
function namedFamilies(sheet: RawSheet, blocks: Block[], issues: Issue[]): GridFamily[] {
  const read = blocks.filter((b) => {
    if (b.tiers.length > 0) return true;
    issues.push(
      gridIssue(
        'warning',
        'GRID_BLOCK_EMPTY',
        { sheet: sheet.name, row: b.headerRow },
        gridMessages.blockEmpty(),
      ),
    );
    return false;
  });
  const unnamed = read.filter((b) => !b.title && !b.corner);
  return read.map((b) => {
    let name = b.title?.text ?? b.corner;
    if (name === undefined) {
      name = unnamed.length > 1 ? `${sheet.name} (${unnamed.indexOf(b) + 1})` : sheet.name;
      if (unnamed.length > 1)
        issues.push(
          gridIssue(
            'warning',
            'GRID_FAMILY_UNNAMED',
            { sheet: sheet.name, row: b.headerRow },
            gridMessages.familyUnnamed(name),
          ),
        );
    }
    return {
      name,
      ...(b.title ? { titleRow: b.title.row } : {}),
      headerRow: b.headerRow,
      variants: b.columns.map((c) => c.name),
      tiers: b.tiers,
    };
  });
}
