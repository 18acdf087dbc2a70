// The reference index at the back: every reference with its product's name and the page it is on,
// in columns (two on a portrait page, three on a wide one), with dot leaders to the page number.
// Entries are laid out against the right-hand page; a left-hand one is moved to its side when finished.
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { PlanPage } from './layout-plan.ts';
import type { ParagraphStyle } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { fontMetrics, fontRef } from './fonts.ts';
import { leaderEntry, leaderStyles, numberSlot } from './leader-line.ts';

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export type IndexEntry = { reference: string; name?: string; page: number };

const indexTitle = (ctx: LayoutContext) => (ctx.lang === 'fr' ? 'Index des références' : 'Reference index');

/** Two columns on a portrait page leave room for a name; three on a page wider than 24 cm. */
const indexColumns = (ctx: LayoutContext) => (ctx.geometry.content.width > mm(240) ? 3 : 2);

export function indexPages(ctx: LayoutContext, entries: IndexEntry[], firstNumber: number): PlanPage[] {
  const { content } = ctx.geometry;
  const style = styleOf(ctx, 'indexEntry');
  const titleStyle = styleOf(ctx, 'tocTitle');
  // The reference in semibold, findable at a glance, in a column of its own; the name after it.
  const styles = leaderStyles(style);
  const refStyle: ParagraphStyle = { ...style, weight: 'semibold', align: 'left' };
  const sorted = [...entries].sort((a, b) => collator.compare(a.reference, b.reference) || a.page - b.page);
  const slot = numberSlot(ctx, styles, Math.max(0, ...entries.map((e) => e.page)));
  const columns = indexColumns(ctx);
  const gutter = mm(8);
  const colWidth = (content.width - gutter * (columns - 1)) / columns;
  const refFont = fontMetrics(fontRef(refStyle.font, refStyle.weight, refStyle.italic), ctx.fonts);
  const widest = sorted.reduce((w, e) => Math.max(w, refFont.width(e.reference, refStyle.size)), 0);
  // A reference longer than 45 % of the column takes its own line's start and pushes its name on.
  const refWidth = Math.min(widest + style.size * 0.8, colWidth * 0.45);
  const bottom = content.y + content.height;
  const pages: PlanPage[] = [];
  let i = 0;
  while (i < sorted.length) {
    const page: PlanPage = { number: firstNumber + pages.length, bookmarks: [], boxes: [] };
    let top = content.y;
    if (pages.length === 0) {
      const title = indexTitle(ctx);
      page.boxes.push(
        textBox(ctx, [{ text: title }], titleStyle, {
          x: content.x,
          y: top,
          width: content.width,
          maxHeight: titleStyle.leading,
        }),
      );
      top += titleStyle.leading + titleStyle.spaceAfter;
      page.bookmarks.push(title);
    }
    for (let c = 0; c < columns && i < sorted.length; c++) {
      const x = content.x + c * (colWidth + gutter);
      let y = top;
      // A name that runs long takes a second line; an entry never starts where it cannot end.
      while (i < sorted.length && y + style.leading <= bottom + 0.01) {
        const entry = sorted[i]!;
        const maxLines = y + 2 * style.leading <= bottom + 0.01 ? 2 : 1;
        const reference = textBox(
          ctx,
          [{ text: entry.reference }],
          refStyle,
          { x, y, width: refWidth, maxHeight: style.leading * maxLines },
          { linkToPage: entry.page },
        );
        const row = leaderEntry(ctx, styles, [{ text: entry.name ?? '' }], entry.page, {
          x: x + refWidth,
          y,
          width: colWidth - refWidth,
          maxLines,
          numberSlot: slot,
        });
        page.boxes.push(reference, ...row.boxes);
        y += Math.max(reference.height, row.height) + rowGap(style);
        i++;
      }
    }
    pages.push(page);
  }
  return pages;
}

const rowGap = (style: ParagraphStyle) => style.spaceAfter + style.size * 0.2;
