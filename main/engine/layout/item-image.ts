// The picture box of an item: the resolved image fitted in its frame, on the paper or on its own
// backdrop colour run to the area's edge; or, when the product has no picture, a discreet labelled
// placeholder (a hairline and « Photo à venir ») or nothing at all, as the template chooses.
import type { CatalogItem } from '../model.ts';
import type { Box, Rect } from './layout-plan.ts';
import { fitImage } from './image-fit.ts';
import { textBox, type LayoutContext } from './layout-context.ts';
import { findImage } from './resolved-images.ts';

const PLACEHOLDER_WORDS = { fr: 'Photo à venir', en: 'Photo coming soon' } as const;
/** The placeholder's hairline: light enough to read as a frame for a photo, not as a box. */
export const PLACEHOLDER_STROKE: [number, number, number, number] = [0, 0, 0, 30];
const HAIRLINE = 0.35;

/** Whether the product names no picture that can be found (none given, or a file validation did not find). */
function noPicture(ctx: LayoutContext, item: CatalogItem): boolean {
  const value = item.fields[ctx.layout.image?.field ?? ''];
  return !value || (value.kind === 'image' && value.path === undefined && value.embedded === undefined);
}

/**
 * Whether the card or row gives its picture's room to its text: the product has no picture and the
 * template says `image.missing: 'collapse'`. A file named but unreadable keeps its frame (preflight
 * reports it there).
 */
export function pictureCollapses(ctx: LayoutContext, item: CatalogItem): boolean {
  return ctx.layout.image?.missing === 'collapse' && noPicture(ctx, item);
}

/**
 * `frame`: where the picture goes; `area`: the whole room given to it (a card's top, edge to edge),
 * which a picture's backdrop fills when the template asks for `background: 'edge'`.
 */
export function itemImage(ctx: LayoutContext, item: CatalogItem, frame: Rect, area: Rect = frame): Box[] {
  const spec = ctx.layout.image;
  if (!spec) return [];
  if (noPicture(ctx, item)) return spec.missing === 'collapse' ? [] : placeholder(ctx, frame);
  const value = item.fields[spec.field]!;
  const resolved = value.kind === 'image' ? findImage(ctx.images, item, value) : undefined;
  // A file that exists but cannot be read: the placeholder, plus an image box without a source, for
  // preflight.
  if (!resolved)
    return [...placeholder(ctx, frame), { kind: 'image', ...frame, placed: frame, row: item.row }];
  const placed = fitImage(frame, resolved.pixels, spec.fit);
  // `contain`: the frame shrinks to the picture, so nothing frames it a second time; `cover`: the
  // frame crops it.
  const box = spec.fit === 'contain' ? placed : frame;
  const edge = spec.background === 'edge' ? resolved.edge : undefined;
  return [
    ...(edge ? [{ kind: 'rect' as const, ...area, fill: edge.cmyk, fillRgb: edge.rgb }] : []),
    {
      kind: 'image',
      ...box,
      placed,
      source: resolved.source,
      pixels: resolved.pixels,
      ...(resolved.space ? { space: resolved.space } : {}),
      row: item.row,
    },
  ];
}

/**
 * A hairline frame with « Photo à venir » in small grey type, centred: a photo expected, not a hole.
 * Square (as most product photos are) and centred in the frame, where a photo would stand.
 */
function placeholder(ctx: LayoutContext, area: Rect): Box[] {
  const side = Math.min(area.width, area.height);
  const frame = {
    x: area.x + (area.width - side) / 2,
    y: area.y + (area.height - side) / 2,
    width: side,
    height: side,
  };
  const words = (ctx.layout.image?.placeholder ?? PLACEHOLDER_WORDS)[ctx.lang];
  const inset = Math.min(frame.width, frame.height) * 0.08;
  const label = textBox(ctx, [{ text: words }], 'imagePlaceholder', {
    x: frame.x + inset,
    y: 0,
    width: Math.max(1, frame.width - 2 * inset),
    maxHeight: Math.max(1, frame.height - 2 * inset),
  });
  label.y = frame.y + (frame.height - label.height) / 2;
  return [
    { kind: 'rect', ...frame, stroke: PLACEHOLDER_STROKE, lineWidth: HAIRLINE },
    ...(label.lines.length && !label.overset ? [label] : []),
  ];
}
