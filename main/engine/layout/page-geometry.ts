// Page size, margins and the bands for running heads, in points, from a template's page settings.
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
  /** Inside the margins: where content and text go. */
  content: Rect;
  /** Running head and folio baselines sit in the margins, inside the safe area of the trim. */
  headerY: number;
  footerY: number;
};

export function pageGeometry(page: Layout['page']): Geometry {
  const [w, h] = typeof page.size === 'string' ? SIZES[page.size] : [page.size.width, page.size.height];
  const [width, height] =
    page.orientation === 'landscape'
      ? [mm(Math.max(w, h)), mm(Math.min(w, h))]
      : [mm(Math.min(w, h)), mm(Math.max(w, h))];
  const m = page.margins;
  const content = {
    x: mm(m.left),
    y: mm(m.top),
    width: width - mm(m.left + m.right),
    height: height - mm(m.top + m.bottom),
  };
  return {
    width,
    height,
    bleed: mm(page.bleed),
    content,
    headerY: content.y - mm(Math.min(8, m.top * 0.55)),
    footerY: content.y + content.height + mm(Math.min(5, m.bottom * 0.3)),
  };
}
