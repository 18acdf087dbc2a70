// Reads the pixel size and colour space of every picture a catalog places, before layout (which is
// pure and cannot read files). A picture that cannot be read is left out: layout then draws its
// placeholder and preflight reports it.
import sharp from 'sharp';
import type { Catalog, CatalogItem, FieldValue } from '../model.ts';
import type { ResolvedImage } from './layout-context.ts';

export type ImageResolver = (
  item: CatalogItem,
  value: FieldValue & { kind: 'image' },
) => ResolvedImage | undefined;

export async function collectImages(catalog: Catalog, field: string | undefined): Promise<ImageResolver> {
  const byPath = new Map<string, ResolvedImage | undefined>();
  const byEmbedded = new Map<Uint8Array, ResolvedImage | undefined>();
  const read = async (input: string | Uint8Array): Promise<ResolvedImage | undefined> => {
    try {
      const meta = await sharp(typeof input === 'string' ? input : Buffer.from(input)).metadata();
      if (!meta.width || !meta.height) return undefined;
      // EXIF orientations 5–8 turn the picture a quarter: its placed shape is the turned one.
      const turned = (meta.orientation ?? 1) >= 5;
      return {
        source:
          typeof input === 'string' ? { path: input } : { bytes: input, extension: meta.format ?? 'png' },
        pixels: turned
          ? { width: meta.height, height: meta.width }
          : { width: meta.width, height: meta.height },
        space: meta.space ?? 'srgb',
      };
    } catch {
      return undefined;
    }
  };
  if (field)
    for (const item of catalog.items) {
      const value = item.fields[field];
      if (value?.kind !== 'image') continue;
      if (value.embedded !== undefined) {
        const img = item.images[value.embedded];
        if (img && !byEmbedded.has(img.bytes)) byEmbedded.set(img.bytes, await read(img.bytes));
      } else if (value.path && !byPath.has(value.path)) byPath.set(value.path, await read(value.path));
    }
  return (item, value) => {
    if (value.embedded !== undefined) {
      const img = item.images[value.embedded];
      return img ? byEmbedded.get(img.bytes) : undefined;
    }
    return value.path ? byPath.get(value.path) : undefined;
  };
}
