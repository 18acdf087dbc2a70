// Page size, margins and the bands for running heads, in points, from a template's page settings.
// Facing pages: layout flows against the right-hand page's content rect; a left-hand page is its
// content moved across (page-side.ts), so both sides have the inside margin at the gutter.
import type { Layout } from '../templates/layout-schema.ts';
import type { Rect } from './layout-plan.ts';
import { mm } from '../common/millimetres.ts';

const SIZES: Record<'A3' | 'A4' | 'A5' | 'Letter', [number, number]> = {
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
  Letter: [215.9, 279.4],
};

export type Geometry = {
  width: number;
  height: number;
  bleed: number;
  /**
   * Inside the margins: where content and text go. With facing pages, the right-hand (odd) page's:
   * the inside margin on its left, at the gutter.
   */
  content: Rect;
  /** Facing pages: odd pages on the right, even ones on the left, their margins mirrored. */
  facing: boolean;
  /** The left-hand (even) page's content rect: `content`'s mirror image; `content` itself for single pages. */
  contentLeft: Rect;
  /** Running head and folio baselines sit in the margins, inside the safe area of the trim. */
  headerY: number;
  footerY: number;
};

/** `facing` may be absent (a page built by hand): single pages then. */
export function pageGeometry(page: Omit<Layout['page'], 'facing'> & { facing?: boolean }): Geometry {
  const [w, h] = typeof page.size === 'string' ? SIZES[page.size] : [page.size.width, page.size.height];
  const [width, height] =
    page.orientation === 'landscape'
      ? [mm(Math.max(w, h)), mm(Math.min(w, h))]
      : [mm(Math.min(w, h)), mm(Math.max(w, h))];
  const m = page.margins;
  const facing = page.facing ?? false;
  // A right-hand page's gutter is on its left: inside margin there, outside on the right.
  const left = facing ? (m.inside ?? m.left) : m.left;
  const right = facing ? (m.outside ?? m.right) : m.right;
  const content = {
    x: mm(left),
    y: mm(m.top),
    width: width - mm(left + right),
    height: height - mm(m.top + m.bottom),
  };
  return {
    width,
    height,
    bleed: mm(page.bleed),
    content,
    facing,
    contentLeft: facing ? { ...content, x: width - content.x - content.width } : content,
    headerY: content.y - mm(Math.min(8, m.top * 0.55)),
    footerY: content.y + content.height + mm(Math.min(5, m.bottom * 0.3)),
  };
}

/** Even pages of a facing document are left-hand pages; page 1 is on the right. */
export const isLeftHand = (geometry: Geometry, pageNumber: number) => geometry.facing && pageNumber % 2 === 0;

/** The content rect of page `pageNumber`, on its side. */
export const contentOf = (geometry: Geometry, pageNumber: number): Rect =>
  isLeftHand(geometry, pageNumber) ? geometry.contentLeft : geometry.content;
