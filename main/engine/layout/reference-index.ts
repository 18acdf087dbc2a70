// The reference index at the back: every reference and the page it is on, in three columns.
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { PlanPage } from './layout-plan.ts';
import { mm } from '../common/millimetres.ts';

const COLUMNS = 3;
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function indexPages(
  ctx: LayoutContext,
  entries: { reference: string; page: number }[],
  firstNumber: number,
): PlanPage[] {
  const { content } = ctx.geometry;
  const style = styleOf(ctx, 'indexEntry');
  const titleStyle = styleOf(ctx, 'tocTitle');
  const sorted = [...entries].sort((a, b) => collator.compare(a.reference, b.reference) || a.page - b.page);
  const gutter = mm(5);
  const colWidth = (content.width - gutter * (COLUMNS - 1)) / COLUMNS;
  const pages: PlanPage[] = [];
  let i = 0;
  while (i < sorted.length) {
    const page: PlanPage = { number: firstNumber + pages.length, bookmarks: [], boxes: [] };
    let top = content.y;
    if (pages.length === 0) {
      const title = ctx.lang === 'fr' ? 'Index des références' : 'Reference index';
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
    const perColumn = Math.max(1, Math.floor((content.y + content.height - top) / style.leading));
    for (let c = 0; c < COLUMNS && i < sorted.length; c++) {
      for (let r = 0; r < perColumn && i < sorted.length; r++, i++) {
        const entry = sorted[i]!;
        const x = content.x + c * (colWidth + gutter);
        const y = top + r * style.leading;
        page.boxes.push(
          textBox(
            ctx,
            [{ text: entry.reference }],
            style,
            { x, y, width: colWidth - mm(10), maxHeight: style.leading },
            { linkToPage: entry.page },
          ),
        );
        page.boxes.push(
          textBox(
            ctx,
            [{ text: String(entry.page) }],
            { ...style, align: 'right' },
            { x: x + colWidth - mm(10), y, width: mm(10), maxHeight: style.leading },
            { linkToPage: entry.page },
          ),
        );
      }
    }
    pages.push(page);
  }
  return pages;
}
