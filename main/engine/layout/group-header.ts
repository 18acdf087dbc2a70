// The band that opens a group ("Visserie"), and its "(suite)" twin at the top of the pages a long
// group runs onto.
import type { CatalogGroup } from '../model.ts';
import { styleHeight, styleOf, textBox, type LayoutContext } from './layout-context.ts';
import type { PageStream } from './page-stream.ts';

export function groupHeaderHeight(ctx: LayoutContext, group: CatalogGroup): number {
  if (!ctx.layout.grouping.header || !group.name) return 0;
  return styleHeight(styleOf(ctx, 'groupHeader'));
}

export function placeGroupHeader(
  ctx: LayoutContext,
  stream: PageStream,
  group: CatalogGroup,
  continued: boolean,
) {
  const height = groupHeaderHeight(ctx, group);
  if (!height) return;
  const y = stream.take(height, group.name);
  const text = continued ? `${group.name} ${ctx.layout.grouping.continued[ctx.lang]}` : group.name;
  const { content } = ctx.geometry;
  stream.add(
    textBox(ctx, [{ text }], 'groupHeader', { x: content.x, y, width: content.width, maxHeight: height }),
  );
}

/**
 * Marks the page a group starts on — with or without a header drawn — for the bookmarks of screen
 * PDFs and the table of contents.
 */
export function markGroupStart(stream: PageStream, group: CatalogGroup): void {
  if (group.name && !stream.page.bookmarks.includes(group.name)) stream.page.bookmarks.push(group.name);
}

/**
 * Starts a group: on a new page when the template says so, and always where its header and its first
 * `firstBlock` points fit together — a header never sits alone at the foot of a page.
 */
export function startGroup(
  ctx: LayoutContext,
  stream: PageStream,
  group: CatalogGroup,
  firstBlock: number,
  first: boolean,
) {
  const needed = groupHeaderHeight(ctx, group) + firstBlock;
  if (
    (ctx.layout.grouping.newPage && !first && !stream.isFresh) ||
    (!stream.isFresh && needed > stream.remaining + 0.01)
  )
    stream.newPage(group.name);
  placeGroupHeader(ctx, stream, group, false);
  markGroupStart(stream, group);
}

/** Room for `height` more points of this group, on a new page with a "(suite)" header if needed. */
export function ensureRoom(
  ctx: LayoutContext,
  stream: PageStream,
  group: CatalogGroup,
  height: number,
): void {
  if (height <= stream.remaining + 0.01 || stream.isFresh) return;
  stream.newPage(group.name);
  placeGroupHeader(ctx, stream, group, true);
}
