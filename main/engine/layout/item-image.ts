// The picture box of an item: the resolved image fitted in its frame, or a neutral placeholder (a
// light grey frame, print-safe) when the image is missing — never a broken page.
import type { CatalogItem } from '../model.ts';
import type { Box, Rect } from './layout-plan.ts';
import { fitImage } from './image-fit.ts';
import type { LayoutContext } from './layout-context.ts';
import { findImage } from './resolved-images.ts';

export function itemImage(ctx: LayoutContext, item: CatalogItem, frame: Rect): Box[] {
  const spec = ctx.layout.image;
  if (!spec) return [];
  const value = item.fields[spec.field];
  const resolved = value?.kind === 'image' ? findImage(ctx.images, item, value) : undefined;
  const placeholder: Box = { kind: 'rect', ...frame, fill: [0, 0, 0, 6] };
  // No picture, or a file name validation already reported as not found: an empty frame. A file
  // that exists but cannot be read: the frame, plus an image box without a source, for preflight.
  if (!value || (value.kind === 'image' && value.path === undefined && value.embedded === undefined))
    return [placeholder];
  if (!resolved) return [placeholder, { kind: 'image', ...frame, placed: frame, row: item.row }];
  return [
    {
      kind: 'image',
      ...frame,
      placed: fitImage(frame, resolved.pixels, spec.fit),
      source: resolved.source,
      pixels: resolved.pixels,
      ...(resolved.space ? { space: resolved.space } : {}),
      row: item.row,
    },
  ];
}
