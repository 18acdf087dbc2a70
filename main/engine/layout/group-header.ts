// The band that opens a group ("Visserie"), and its lighter "Visserie (suite)" reminder at the top of
// the pages a long group runs onto; where a group starts (a new page only when it fills enough of
// one), and how its rows split across pages so that no page is left with one lone row.
import type { CatalogGroup } from '../model.ts';
import { styleHeight, styleOf, textBox, type LayoutContext } from './layout-context.ts';
import type { PageStream } from './page-stream.ts';

export function groupHeaderHeight(ctx: LayoutContext, group: CatalogGroup, continued = false): number {
  if (!ctx.layout.grouping.header || !group.name) return 0;
  return styleHeight(styleOf(ctx, continued ? 'groupHeaderContinued' : 'groupHeader'));
}

export function placeGroupHeader(
  ctx: LayoutContext,
  stream: PageStream,
  group: CatalogGroup,
  continued: boolean,
) {
  const height = groupHeaderHeight(ctx, group, continued);
  if (!height) return;
  const y = stream.take(height, group.name);
  const text = continued ? `${group.name} ${ctx.layout.grouping.continued[ctx.lang]}` : group.name;
  const { content } = ctx.geometry;
  stream.add(
    textBox(ctx, [{ text }], continued ? 'groupHeaderContinued' : 'groupHeader', {
      x: content.x,
      y,
      width: content.width,
      maxHeight: height,
    }),
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
 * Whether a group opens a new page: the template asks for it (`grouping.newPage`) and the group
 * fills at least `newPageMinFill` of a page — a short family on a page of its own leaves the page
 * half empty, so it follows the previous one instead. `height`: the group's, header included.
 */
export function opensNewPage(ctx: LayoutContext, stream: PageStream, height: number): boolean {
  const { newPage, newPageMinFill = 0 } = ctx.layout.grouping;
  return newPage && height >= newPageMinFill * stream.pageHeight - 0.01;
}

/**
 * Starts a group: on a new page when `opensNewPage` says so, and always where its header and its
 * first `firstBlock` points fit together — a header never sits alone at the foot of a page.
 * `height`: the whole group's, header included (for the new-page threshold).
 */
export function startGroup(
  ctx: LayoutContext,
  stream: PageStream,
  group: CatalogGroup,
  firstBlock: number,
  first: boolean,
  height = Infinity,
) {
  const needed = groupHeaderHeight(ctx, group) + firstBlock;
  if (
    (!first && !stream.isFresh && opensNewPage(ctx, stream, height)) ||
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
  continueOnNewPage(ctx, stream, group);
}

/** A new page for the rest of a group, opened by its "(suite)" header. */
export function continueOnNewPage(ctx: LayoutContext, stream: PageStream, group: CatalogGroup): void {
  stream.newPage(group.name);
  placeGroupHeader(ctx, stream, group, true);
}

/**
 * How many of a group's rows (of `heights`, each with its gap) go on each page: as many as fit on
 * the page the group starts on (`firstRoom` points left under its header), then on fresh pages of
 * `nextRoom` points (under the "(suite)" header). A last page of one lone row takes one more from
 * the page before when that page keeps two or more — the group ends on two rows, not one.
 * `fits(height, room)`: whether a row fits (a grid's last row needs no gap under it).
 */
export function rowsPerPage(
  heights: ArrayLike<number>,
  firstRoom: number,
  nextRoom: number,
  fits: (height: number, room: number) => boolean = (h, room) => h <= room + 0.01,
): number[] {
  const pages: number[] = [];
  let room = firstRoom;
  let onPage = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!;
    if (onPage > 0 && !fits(h, room)) {
      pages.push(onPage);
      room = nextRoom;
      onPage = 0;
    }
    room -= h;
    onPage++;
  }
  if (onPage > 0) pages.push(onPage);
  const n = pages.length;
  if (n >= 2 && pages[n - 1] === 1 && pages[n - 2]! >= 3) {
    // The moved row and the lone one must fit together on the last page.
    const last = heights.length - 1;
    if (fits(heights[last - 1]! + heights[last]!, nextRoom)) {
      pages[n - 2]!--;
      pages[n - 1]!++;
    }
  }
  return pages;
}
