// Neutralises, in one worksheet's XML, the ranges exceljs's document reader would expand cell by cell:
// a data validation over `A1:XFD1048576` (common in templates) becomes 17 billion map entries and the
// parse never ends. The import needs no validation rule nor conditional format, so oversized ones are
// dropped; merges matter (a category row merged across the table), so oversized ones are only clipped
// to the cells the sheet actually uses, where they change nothing a reader could see.
import { columnIndex, columnLetter } from '../common/column-letter.ts';

/** A data validation or conditional format over more cells than this is dropped. */
export const RULE_CELLS_MAX = 50_000;
/** Above this many merged cells in a sheet, merges are clipped to the used range. */
export const MERGED_CELLS_MAX = 100_000;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

type Box = { top: number; left: number; bottom: number; right: number };

/** `A1`, `A1:C3`, `A:C` (whole columns), `1:3` (whole rows), with or without `$`. */
export function parseRange(ref: string): Box | undefined {
  const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const [, c1 = '', r1 = '', c2 = c1, r2 = r1] = m;
  if (!c1 && !r1) return undefined;
  const left = c1 ? columnIndex(c1) + 1 : 1;
  const right = c2 ? columnIndex(c2) + 1 : MAX_COL;
  const top = r1 ? Number(r1) : 1;
  const bottom = r2 ? Number(r2) : MAX_ROW;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** Cells covered by a space-separated list of ranges (`sqref`); an unreadable one counts as huge. */
export function sqrefCells(sqref: string): number {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, ref) => {
      const box = parseRange(ref);
      return sum + (box ? area(box) : MAX_ROW * MAX_COL);
    }, 0);
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The last row and column holding a cell, from the `r` attributes of `<c>` elements. */
function usedRange(xml: string): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  const start = xml.indexOf('<sheetData');
  if (start < 0) return { rows, cols };
  const closing = xml.indexOf('</sheetData>', start);
  const end = closing < 0 ? xml.length : closing;
  const cell = /<c\s[^>]*?\br="([A-Z]+)(\d+)"/g;
  cell.lastIndex = start;
  for (let m = cell.exec(xml); m && m.index < end; m = cell.exec(xml)) {
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, columnIndex(m[1]!) + 1);
  }
  return { rows, cols };
}

export type TamedSheet = { xml: string; changes: string[] };

/** Returns the XML untouched (same string) when nothing in it would explode. */
export function tameSheetXml(xml: string): TamedSheet {
  const changes: string[] = [];
  // Everything to neutralise follows the cells; searching from there skips the bulk of the text.
  const tail = Math.max(0, xml.lastIndexOf('</sheetData>'));
  let head = xml.slice(0, tail);
  let rest = xml.slice(tail);

  // Data validations: drop the oversized rules, and the block when none is left.
  rest = rest.replace(/<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/, (block, inner: string) => {
    const rules = inner.match(/<dataValidation\b[\s\S]*?(?:\/>|<\/dataValidation>)/g) ?? [];
    const kept = rules.filter(
      (rule) => sqrefCells(attr(rule.slice(0, rule.indexOf('>')), 'sqref') ?? '') <= RULE_CELLS_MAX,
    );
    if (kept.length === rules.length) return block;
    changes.push(`dataValidation ×${rules.length - kept.length}`);
    return kept.length ? `<dataValidations count="${kept.length}">${kept.join('')}</dataValidations>` : '';
  });

  // Conditional formats, in the sheet and in its x14 extension.
  rest = rest.replace(
    /<conditionalFormatting\b([^>]*)>[\s\S]*?<\/conditionalFormatting>/g,
    (element, attrs: string) => {
      if (sqrefCells(attr(attrs, 'sqref') ?? '') <= RULE_CELLS_MAX) return element;
      changes.push('conditionalFormatting');
      return '';
    },
  );
  rest = rest.replace(
    /<x14:conditionalFormatting\b[^>]*>[\s\S]*?<\/x14:conditionalFormatting>/g,
    (element) => {
      const sqref = /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(element)?.[1] ?? '';
      if (sqrefCells(sqref) <= RULE_CELLS_MAX) return element;
      changes.push('x14:conditionalFormatting');
      return '';
    },
  );

  // Merges: clipped to the used range only when, together, they cover an absurd number of cells.
  const mergeBlock = /<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/.exec(rest);
  if (mergeBlock) {
    const refs = [...mergeBlock[1]!.matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)].map((m) => m[1]!);
    const boxes = refs.map(parseRange);
    const total = boxes.reduce((sum, b) => sum + (b ? area(b) : 0), 0);
    if (total > MERGED_CELLS_MAX) {
      const used = usedRange(head);
      const clipped = boxes
        .filter((b): b is Box => b !== undefined && b.top <= used.rows && b.left <= used.cols)
        .map((b) => ({ ...b, bottom: Math.min(b.bottom, used.rows), right: Math.min(b.right, used.cols) }))
        .filter((b) => area(b) > 1);
      const cells = clipped.map(
        (b) =>
          `<mergeCell ref="${columnLetter(b.left - 1)}${b.top}:${columnLetter(b.right - 1)}${b.bottom}"/>`,
      );
      changes.push(`mergeCells ${total} → ${clipped.reduce((s, b) => s + area(b), 0)} cells`);
      rest =
        rest.slice(0, mergeBlock.index) +
        (cells.length ? `<mergeCells count="${cells.length}">${cells.join('')}</mergeCells>` : '') +
        rest.slice(mergeBlock.index + mergeBlock[0].length);
    }
  }

  if (changes.length === 0) return { xml, changes };
  head += rest;
  return { xml: head, changes };
}
