// One family's table: a header of variant names over their figure columns (Net HT, Net TTC, Public
// TTC), then one row per quantity tier. Built as rows of boxes whose heights are known before they are
// placed, so the page flow can keep a table whole or repeat its header where it must split.
import { mm } from '../common/millimetres.ts';
import type { Lang, TextRun } from '../model.ts';
import type { FontProvider } from '../layout/fonts.ts';
import type { Box, TextBox } from '../layout/layout-plan.ts';
import { layoutText } from '../layout/text-layout.ts';
import { DEFAULT_CHARACTER_STYLES, type ParagraphStyle } from '../templates/layout-schema.ts';
import type { GridRole, GridTemplate } from './grid-template.ts';
import {
  amountText,
  figureLabel,
  notAvailableText,
  quantityText,
  WORDS,
  type TaxBasis,
} from './grid-words.ts';
import type { PricedFamily } from './price-reseller-grid.ts';

export type GridTableContext = {
  template: GridTemplate;
  styles: Record<GridRole, ParagraphStyle>;
  fonts: FontProvider;
  locale: string;
  lang: Lang;
  basis: TaxBasis | undefined;
  /** The currency's sign, for the header's « en € »; absent when the workbook names none. */
  sign: string | undefined;
  /** The table's left edge and width. */
  x: number;
  width: number;
};

/** A row of boxes laid out at y = 0; `at(y)` moves it where the flow puts it. */
export type TableRow = { height: number; at(y: number): Box[] };

/** A text box of `text` in `style`, `width` wide, at (x, y). */
export function textAt(
  ctx: Pick<GridTableContext, 'fonts'>,
  text: string | TextRun[],
  style: ParagraphStyle,
  x: number,
  y: number,
  width: number,
  maxHeight = style.leading * (style.maxLines ?? 3),
  meta: Pick<TextBox, 'row' | 'field'> = {},
): TextBox {
  const runs = typeof text === 'string' ? [{ text }] : text;
  const result = layoutText(runs, style, DEFAULT_CHARACTER_STYLES, { width, height: maxHeight }, ctx.fonts);
  return {
    kind: 'text',
    x,
    y,
    width,
    height: result.height,
    style: style.name,
    lines: result.lines,
    overset: result.overset,
    ...meta,
  };
}

const moved = (boxes: Box[], dy: number): Box[] => boxes.map((b) => ({ ...b, y: b.y + dy }));

function rowOf(boxes: Box[], height: number): TableRow {
  return { height, at: (y) => moved(boxes, y) };
}

type Columns = {
  quantity: { x: number; width: number };
  variants: { x: number; width: number; figures: { x: number; width: number }[] }[];
};

/** How far a minimum's star reaches past its column's right inset (the star is wider than the inset). */
const STAR_OVERHANG = 2;

function columns(ctx: GridTableContext, family: PricedFamily): Columns {
  const quantityWidth = Math.min(mm(ctx.template.table.quantityWidth), ctx.width / 4);
  // The last column's star must not reach past the table into the margin.
  const rest = ctx.width - quantityWidth - STAR_OVERHANG;
  const each = rest / Math.max(1, family.variants.length);
  return {
    quantity: { x: ctx.x, width: quantityWidth },
    variants: family.variants.map((_, v) => {
      const x = ctx.x + quantityWidth + v * each;
      const sub = each / family.figures.length;
      return { x, width: each, figures: family.figures.map((_, f) => ({ x: x + f * sub, width: sub })) };
    }),
  };
}

/** The two header rows: variant names (white on the accent), then what each figure column holds. */
export function headerRows(ctx: GridTableContext, family: PricedFamily): TableRow[] {
  const cols = columns(ctx, family);
  const pad = mm(ctx.template.table.rowPadding);
  const inset = mm(1.2);
  const { tableHeader, tableSubHeader } = ctx.styles;

  const names: Box[] = [
    textAt(
      ctx,
      WORDS.quantity[ctx.lang],
      { ...tableHeader, align: 'left' },
      cols.quantity.x + inset,
      pad,
      cols.quantity.width - 2 * inset,
    ),
    ...family.variants.map((name, v) =>
      textAt(ctx, name, tableHeader, cols.variants[v]!.x + inset, pad, cols.variants[v]!.width - 2 * inset),
    ),
  ];
  const namesHeight = Math.max(tableHeader.leading, ...names.map((b) => b.height)) + 2 * pad;
  const first = rowOf(
    [
      {
        kind: 'rect',
        x: ctx.x,
        y: 0,
        width: ctx.width,
        height: namesHeight,
        fill: ctx.template.table.headerFill,
      },
      ...names,
    ],
    namesHeight,
  );

  const labels: Box[] = [
    ...(ctx.sign
      ? [
          textAt(
            ctx,
            WORDS.amountsIn(ctx.sign)[ctx.lang],
            { ...tableSubHeader, align: 'left' },
            cols.quantity.x + inset,
            pad,
            cols.quantity.width - 2 * inset,
          ),
        ]
      : []),
    ...cols.variants.flatMap((variant) =>
      variant.figures.map((column, f) =>
        textAt(
          ctx,
          figureLabel(family.figures[f]!, ctx.basis, ctx.lang),
          tableSubHeader,
          column.x + inset,
          pad,
          column.width - 2 * inset,
        ),
      ),
    ),
  ];
  const labelsHeight = Math.max(tableSubHeader.leading, ...labels.map((b) => b.height)) + 2 * pad;
  const second = rowOf(
    [
      {
        kind: 'rect',
        x: ctx.x,
        y: 0,
        width: ctx.width,
        height: labelsHeight,
        fill: ctx.template.table.subHeaderFill,
      },
      ...labels,
    ],
    labelsHeight,
  );
  return [first, second];
}

/** One row per tier; every other row striped, a hairline between variants so each reads as a block. */
export function tierRows(ctx: GridTableContext, family: PricedFamily): TableRow[] {
  const cols = columns(ctx, family);
  const pad = mm(ctx.template.table.rowPadding);
  const inset = mm(1.2);
  const { quantity, price, notAvailable } = ctx.styles;
  const height = Math.max(quantity.leading, price.leading) + 2 * pad;
  return family.tiers.map((tier, t) => {
    const boxes: Box[] = [];
    if (t % 2 === 1)
      boxes.push({
        kind: 'rect',
        x: ctx.x,
        y: 0,
        width: ctx.width,
        height,
        fill: ctx.template.table.stripeFill,
      });
    boxes.push(
      textAt(
        ctx,
        quantityText(tier.quantity, ctx.locale),
        quantity,
        cols.quantity.x + inset,
        pad,
        cols.quantity.width - 2 * inset,
        quantity.leading,
      ),
    );
    tier.cells.forEach((cell, v) => {
      const variant = cols.variants[v];
      if (!variant) return;
      if (cell.kind === 'not-available') {
        boxes.push(
          textAt(
            ctx,
            notAvailableText(cell, ctx.lang),
            notAvailable,
            variant.x + inset,
            pad,
            variant.width - 2 * inset,
            notAvailable.leading,
          ),
        );
        return;
      }
      family.figures.forEach((figure, f) => {
        const cents = cell.figures[figure];
        if (cents === undefined) return;
        const column = variant.figures[f]!;
        boxes.push(
          textAt(
            ctx,
            amountText(cents, ctx.locale),
            price,
            column.x + inset,
            pad,
            column.width - 2 * inset,
            price.leading,
            {
              field: figure,
            },
          ),
        );
        // The star sits in the column's right inset, outside the figure, so amounts still align.
        if (cell.minimumApplied && figure === 'net-ht')
          boxes.push(
            textAt(
              ctx,
              WORDS.minimumMark,
              { ...price, align: 'left' },
              column.x + column.width - inset,
              pad,
              inset + STAR_OVERHANG,
              price.leading,
            ),
          );
      });
    });
    for (const variant of cols.variants)
      boxes.push({ kind: 'rect', x: variant.x, y: 0, width: 0.4, height, fill: ctx.template.table.rule });
    return rowOf(boxes, height);
  });
}

/** The rule under a table's last row. */
export const closingRule = (ctx: GridTableContext): TableRow =>
  rowOf(
    [{ kind: 'rect', x: ctx.x, y: 0, width: ctx.width, height: 0.6, fill: ctx.template.table.rule }],
    0.6,
  );
