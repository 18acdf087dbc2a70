// The cover (a colour band that runs to the bleed edge, the title on it) and the table of contents
// (each group and the page it starts on, linked in screen PDFs).
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { PlanPage } from './layout-plan.ts';
import { mm } from '../common/millimetres.ts';
import { fillTokens } from './running-heads.ts';

export function coverPage(ctx: LayoutContext, values: Record<string, string>): PlanPage {
  const cover = ctx.layout.cover!;
  const { width, height, bleed, content } = ctx.geometry;
  const band = height * 0.42;
  const title = { ...styleOf(ctx, 'coverTitle'), color: [0, 0, 0, 0] as [number, number, number, number] };
  const subtitle = { ...styleOf(ctx, 'coverSubtitle') };
  const page: PlanPage = {
    number: 1,
    bookmarks: [],
    boxes: [
      // Backgrounds run to the bleed edge so trimming never leaves a white hairline.
      {
        kind: 'rect',
        x: -bleed,
        y: -bleed,
        width: width + 2 * bleed,
        height: band + bleed,
        fill: styleOf(ctx, 'groupHeader').color,
      },
    ],
  };
  const titleBox = textBox(ctx, [{ text: fillTokens(cover.title, values) }], title, {
    x: content.x,
    y: band - mm(50),
    width: content.width,
    maxHeight: mm(42),
  });
  titleBox.y = band - mm(8) - titleBox.height;
  page.boxes.push(titleBox);
  if (cover.subtitle)
    page.boxes.push(
      textBox(ctx, [{ text: fillTokens(cover.subtitle, values) }], subtitle, {
        x: content.x,
        y: band + mm(8),
        width: content.width,
        maxHeight: mm(20),
      }),
    );
  return page;
}

export const tocTitle = (ctx: LayoutContext) => (ctx.lang === 'fr' ? 'Sommaire' : 'Contents');

/** How many entries a TOC page holds, to know before the content how many pages it takes. */
export function tocCapacity(ctx: LayoutContext): number {
  const entry = styleOf(ctx, 'tocEntry');
  const title = styleOf(ctx, 'tocTitle');
  return Math.max(
    1,
    Math.floor(
      (ctx.geometry.content.height - title.leading - title.spaceAfter) / (entry.leading + entry.spaceAfter),
    ),
  );
}

export function tocPages(
  ctx: LayoutContext,
  entries: { title: string; page: number }[],
  firstNumber: number,
): PlanPage[] {
  const perPage = tocCapacity(ctx);
  const { content } = ctx.geometry;
  const entryStyle = styleOf(ctx, 'tocEntry');
  const titleStyle = styleOf(ctx, 'tocTitle');
  const pages: PlanPage[] = [];
  for (let i = 0; i < Math.max(1, entries.length); i += perPage) {
    const page: PlanPage = { number: firstNumber + pages.length, bookmarks: [], boxes: [] };
    let y = content.y;
    if (i === 0) {
      page.boxes.push(
        textBox(ctx, [{ text: tocTitle(ctx) }], titleStyle, {
          x: content.x,
          y,
          width: content.width,
          maxHeight: titleStyle.leading,
        }),
      );
      y += titleStyle.leading + titleStyle.spaceAfter;
    }
    for (const entry of entries.slice(i, i + perPage)) {
      const at = { x: content.x, y, width: content.width - mm(15), maxHeight: entryStyle.leading };
      page.boxes.push(textBox(ctx, [{ text: entry.title }], entryStyle, at, { linkToPage: entry.page }));
      page.boxes.push(
        textBox(
          ctx,
          [{ text: String(entry.page) }],
          { ...entryStyle, align: 'right' },
          { x: content.x + content.width - mm(15), y, width: mm(15), maxHeight: entryStyle.leading },
          { linkToPage: entry.page },
        ),
      );
      y += entryStyle.leading + entryStyle.spaceAfter;
    }
    pages.push(page);
  }
  return pages;
}
