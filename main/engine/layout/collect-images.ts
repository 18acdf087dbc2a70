// Reads the pixel size and colour space of every picture a catalog places, before layout (which is
// pure and cannot read files). A picture that cannot be read is left out: layout then draws its
// placeholder and preflight reports it.
import { loadSharp } from '../common/lazy-modules.ts';
import type { Catalog } from '../model.ts';
import { imageKey, type ResolvedImage, type ResolvedImages } from './resolved-images.ts';
import { itemCounter, type StageHooks } from '../progress.ts';

/** `hooks`: `images` progress in products looked at, and the signal checked before each. */
export async function collectImages(
  catalog: Catalog,
  field: string | undefined,
  hooks: StageHooks = {},
): Promise<ResolvedImages> {
  // Each file, and each embedded picture's bytes, read once: products that share a picture share its
  // entry (and its source object, which is what lets the PDF embed it once).
  const byPath = new Map<string, ResolvedImage | undefined>();
  const byEmbedded = new Map<Uint8Array, ResolvedImage | undefined>();
  const read = async (input: string | Uint8Array): Promise<ResolvedImage | undefined> => {
    try {
      const sharp = await loadSharp();
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
  const images: ResolvedImages = {};
  const count = itemCounter('images', catalog.items.length, hooks);
  if (field)
    for (const item of catalog.items) {
      count.item();
      const value = item.fields[field];
      if (value?.kind !== 'image') continue;
      const key = imageKey(item, value);
      let resolved: ResolvedImage | undefined;
      if (value.embedded !== undefined) {
        const img = item.images[value.embedded];
        if (!img) continue;
        if (!byEmbedded.has(img.bytes)) byEmbedded.set(img.bytes, await read(img.bytes));
        resolved = byEmbedded.get(img.bytes);
      } else if (value.path) {
        if (!byPath.has(value.path)) byPath.set(value.path, await read(value.path));
        resolved = byPath.get(value.path);
      }
      if (key !== undefined && resolved) images[key] = resolved;
    }
  count.end();
  return images;
}
