// Reads the pixel size and colour space of every picture a catalog places, before layout (which is
// pure and cannot read files). A picture that cannot be read is left out: layout then draws its
// placeholder and preflight reports it.
import { loadSharp } from '../common/lazy-modules.ts';
import type { Catalog } from '../model.ts';
import { edgeColour } from './edge-colour.ts';
import { imageKey, type ResolvedImage, type ResolvedImages } from './resolved-images.ts';
import { itemCounter, type StageHooks } from '../progress.ts';

/**
 * `hooks`: `images` progress in products looked at, and the signal checked before each. `edge`: the
 * template fills frames with each picture's border colour, so that colour is read too (a thumbnail of
 * the whole picture: only then, as it decodes the picture).
 */
export async function collectImages(
  catalog: Catalog,
  field: string | undefined,
  hooks: StageHooks = {},
  { edge = false }: { edge?: boolean } = {},
): Promise<ResolvedImages> {
  // Each file, and each embedded picture's bytes, read once: products that share a picture share its
  // entry (and its source object, which is what lets the PDF embed it once).
  const byPath = new Map<string, Promise<ResolvedImage | undefined>>();
  const byEmbedded = new Map<Uint8Array, Promise<ResolvedImage | undefined>>();
  // Several headers read at once: one at a time, 1,000 photos took seconds of waiting on the thread
  // pool (only the header is read, never the whole file: nothing here holds a photo's bytes).
  const inFlight: Promise<unknown>[] = [];
  const read = async (input: string | Uint8Array): Promise<ResolvedImage | undefined> => {
    try {
      const sharp = await loadSharp();
      const meta = await sharp(typeof input === 'string' ? input : Buffer.from(input)).metadata();
      if (!meta.width || !meta.height) return undefined;
      // A border that cannot be read is only a fill left out: the picture itself still reads.
      const border = edge ? await edgeColour(input).catch(() => undefined) : undefined;
      // EXIF orientations 5–8 turn the picture a quarter: its placed shape is the turned one.
      const turned = (meta.orientation ?? 1) >= 5;
      return {
        source:
          typeof input === 'string' ? { path: input } : { bytes: input, extension: meta.format ?? 'png' },
        pixels: turned
          ? { width: meta.height, height: meta.width }
          : { width: meta.width, height: meta.height },
        space: meta.space ?? 'srgb',
        ...(border ? { edge: border } : {}),
      };
    } catch {
      return undefined;
    }
  };
  const start = async <K>(
    cache: Map<K, Promise<ResolvedImage | undefined>>,
    key: K,
    input: string | Uint8Array,
  ): Promise<{ reading: Promise<ResolvedImage | undefined> }> => {
    // Wrapped: awaiting `start` waits for a free slot, never for the read itself.
    const known = cache.get(key);
    if (known) return { reading: known };
    if (inFlight.length >= READS_AT_ONCE) await inFlight.shift();
    const reading = read(input);
    cache.set(key, reading);
    inFlight.push(reading);
    return { reading };
  };
  const found: [string, Promise<ResolvedImage | undefined>][] = [];
  const count = itemCounter('images', catalog.items.length, hooks);
  if (field)
    for (const item of catalog.items) {
      count.item();
      const value = item.fields[field];
      if (value?.kind !== 'image') continue;
      const key = imageKey(item, value);
      if (key === undefined) continue;
      if (value.embedded !== undefined) {
        const img = item.images[value.embedded];
        if (img) found.push([key, (await start(byEmbedded, img.bytes, img.bytes)).reading]);
      } else if (value.path) found.push([key, (await start(byPath, value.path, value.path)).reading]);
    }
  // In the products' order, whatever order the reads finished in.
  const images: ResolvedImages = {};
  for (const [key, reading] of found) {
    const resolved = await reading;
    if (resolved) images[key] = resolved;
  }
  count.end();
  return images;
}

const READS_AT_ONCE = 8;
