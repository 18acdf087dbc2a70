// The cover and the table of contents (each group and the page it starts on, linked in screen PDFs).
// The cover is designed as a page, not a form: the supplier's logo at the head, a picture (or the
// accent colour) that runs to the bleed, the catalog's title and date under it, and the supplier's
// details at the foot over a hairline. A cover without a title shows none: never the file's name.
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { Box, PlanPage, Rect } from './layout-plan.ts';
import type { ParagraphStyle } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { fitImage } from './image-fit.ts';
import { leaderEntry, leaderStyles, numberSlot } from './leader-line.ts';
import { COVER_IMAGE, COVER_LOGO } from './cover-keys.ts';
import { fillTokens, localText } from './running-heads.ts';

/**
 * `families`: the catalog's group names, set under the title (« Riviera · Urban Linen · Evening »):
 * what the catalog holds, in the data's own words, and a cover that says something when the workbook
 * gives no title.
 */
export function coverPage(
  ctx: LayoutContext,
  values: Record<string, string>,
  families: string[] = [],
): PlanPage {
  const cover = ctx.layout.cover!;
  const { width, height, bleed, content } = ctx.geometry;
  const accent = styleOf(ctx, 'groupHeader').color;
  const page: PlanPage = { number: 1, bookmarks: [], boxes: [] };
  const put = (...boxes: Box[]) => page.boxes.push(...boxes);
  const text = (t: Parameters<typeof localText>[0] | undefined) =>
    t === undefined ? '' : fillTokens(localText(t, ctx.lang), values).trim();

  // The head: the logo, at most 45 × 20 mm, at the top left of the content.
  const logo = Object.hasOwn(ctx.images, COVER_LOGO) ? ctx.images[COVER_LOGO] : undefined;
  if (logo) {
    const frame = { x: content.x, y: content.y, width: mm(45), height: mm(20) };
    const placed = fitImage(frame, logo.pixels, 'contain');
    // Flush left and top, as a logo is set, not centred in its frame.
    placed.x = frame.x;
    placed.y = frame.y;
    put(picture(frame, placed, logo));
  }

  // The picture, or the accent colour, from edge to edge (bleed included: no white hairline); from
  // the top edge too when there is no logo to leave a white head for.
  const fieldTop = logo ? content.y + mm(28) : -bleed;
  const field: Rect = { x: -bleed, y: fieldTop, width: width + 2 * bleed, height: height * 0.56 - fieldTop };
  const image = Object.hasOwn(ctx.images, COVER_IMAGE) ? ctx.images[COVER_IMAGE] : undefined;
  if (image) put(picture(field, fitImage(field, image.pixels, 'cover'), image));
  else put({ kind: 'rect', ...field, fill: accent });

  // The title under the picture, flush left on the content's edge; without a picture, on the colour
  // field itself, in paper white at its foot, so the field reads as the cover's ground rather than
  // as a frame waiting for a photo.
  let y = field.y + field.height + mm(12);
  const title = text(cover.title);
  if (title) {
    const style = styleOf(ctx, 'coverTitle');
    const at = { x: content.x, y, width: content.width * 0.85, maxHeight: mm(45) };
    if (image) {
      const box = textBox(ctx, [{ text: title }], style, at);
      put(box);
      y += box.height + mm(4);
    } else {
      const box = textBox(ctx, [{ text: title }], { ...style, color: [0, 0, 0, 0] }, at);
      box.y = field.y + field.height - mm(12) - box.height;
      put(box);
    }
  }
  if (families.length) {
    const box = familiesBox(ctx, families, { x: content.x, y, width: content.width * 0.85 });
    put(box);
    y += box.height + mm(3);
  }
  const subtitle = text(cover.subtitle);
  if (subtitle)
    put(
      textBox(ctx, [{ text: subtitle }], styleOf(ctx, 'coverSubtitle'), {
        x: content.x,
        y,
        width: content.width * 0.85,
        maxHeight: mm(20),
      }),
    );

  // The supplier, at the foot, over a hairline in the accent colour.
  const lines = (cover.supplier ?? []).map(text).filter(Boolean);
  if (lines.length) {
    const style: ParagraphStyle = { ...styleOf(ctx, 'running'), size: 8.5, leading: 11.5 };
    const bottom = content.y + content.height;
    const top = bottom - lines.length * style.leading;
    put({ kind: 'rect', x: content.x, y: top - mm(4), width: content.width, height: 0.6, fill: accent });
    lines.forEach((line, i) =>
      put(
        textBox(ctx, [{ text: line }], style, {
          x: content.x,
          y: top + i * style.leading,
          width: content.width,
          maxHeight: style.leading,
        }),
      ),
    );
  }
  return page;
}

/** The families on two lines at most: those that do not fit give way to « … », never a cut word. */
function familiesBox(ctx: LayoutContext, families: string[], at: { x: number; y: number; width: number }) {
  const { maxLines: _max, minSize: _min, ...base } = styleOf(ctx, 'coverSubtitle');
  const style: ParagraphStyle = {
    ...base,
    name: `${base.name} (${ctx.lang === 'fr' ? 'familles' : 'families'})`,
    weight: 'semibold',
    color: styleOf(ctx, 'groupHeader').color,
  };
  const frame = { ...at, maxHeight: style.leading * 2 };
  for (let n = families.length; ; n--) {
    const shown = families.slice(0, n).join('\u00a0· ') + (n < families.length ? '\u00a0· …' : '');
    const box = textBox(ctx, [{ text: shown }], style, frame);
    if (!box.overset || n <= 1) return box;
  }
}

const picture = (frame: Rect, placed: Rect, image: NonNullable<LayoutContext['images'][string]>): Box => ({
  kind: 'image',
  ...frame,
  placed,
  source: image.source,
  pixels: image.pixels,
  ...(image.space ? { space: image.space } : {}),
});

export const tocTitle = (ctx: LayoutContext) => (ctx.lang === 'fr' ? 'Sommaire' : 'Contents');

/** The contents' column: narrower than a wide page, so an entry's number is never far from it. */
const tocWidth = (ctx: LayoutContext) => Math.min(ctx.geometry.content.width, mm(120));

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

/**
 * The contents, laid out against the right-hand page (a left-hand one is moved to its side when finished).
 * One level: the catalog's groups are not nested.
 */
export function tocPages(
  ctx: LayoutContext,
  entries: { title: string; page: number }[],
  firstNumber: number,
): PlanPage[] {
  const perPage = tocCapacity(ctx);
  const { content } = ctx.geometry;
  const entryStyle = styleOf(ctx, 'tocEntry');
  const titleStyle = styleOf(ctx, 'tocTitle');
  const styles = leaderStyles(entryStyle);
  const width = tocWidth(ctx);
  const slot = numberSlot(ctx, styles, Math.max(0, ...entries.map((e) => e.page)));
  const pages: PlanPage[] = [];
  for (let i = 0; i < Math.max(1, entries.length); i += perPage) {
    const page: PlanPage = { number: firstNumber + pages.length, bookmarks: [], boxes: [] };
    let y = content.y;
    if (i === 0) {
      page.boxes.push(
        textBox(ctx, [{ text: tocTitle(ctx) }], titleStyle, {
          x: content.x,
          y,
          width,
          maxHeight: titleStyle.leading,
        }),
      );
      y += titleStyle.leading + titleStyle.spaceAfter;
    }
    for (const entry of entries.slice(i, i + perPage)) {
      const row = leaderEntry(ctx, styles, [{ text: entry.title }], entry.page, {
        x: content.x,
        y,
        width,
        numberSlot: slot,
      });
      page.boxes.push(...row.boxes);
      y += entryStyle.leading + entryStyle.spaceAfter;
    }
    pages.push(page);
  }
  return pages;
}
