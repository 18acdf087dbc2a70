// The picture box of an item: the resolved image fitted in its frame, or a neutral placeholder (a
// light grey frame, print-safe) when the image is missing — never a broken page.
import type { CatalogItem } from '../model.ts';
import type { Box, Rect } from './layout-plan.ts';
import { fitImage } from './image-fit.ts';
import type { LayoutContext } from './layout-context.ts';

export function itemImage(ctx: LayoutContext, item: CatalogItem, frame: Rect): Box[] {
  const spec = ctx.layout.image;
  if (!spec) return [];
  const value = item.fields[spec.field];
  const resolved = value?.kind === 'image' ? ctx.image(item, value) : undefined;
  const placeholder: Box = { kind: 'rect', ...frame, fill: [0, 0, 0, 6] };
  // No picture in the sheet: an empty frame. A picture named but not found: the frame, plus an
  // image box without a source, which preflight reports.
  if (!value) return [placeholder];
  if (!resolved) return [placeholder, { kind: 'image', ...frame, placed: frame, row: item.row }];
  return [
    {
      kind: 'image',
      ...frame,
      placed: fitImage(frame, resolved.pixels, spec.fit),
      source: resolved.source,
      pixels: resolved.pixels,
      row: item.row,
    },
  ];
}
