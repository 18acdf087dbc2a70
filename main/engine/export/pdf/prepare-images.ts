// Pictures as the PDF needs them: CMYK JPEG at 300 ppi of their largest placed size for print,
// sRGB JPEG at 150 ppi for screen. Never enlarged: a small picture stays small (preflight says so).
// Converted several at a time, and kept in a cache between builds when the caller gives one; then the
// converted bytes stay on disk until the page that places them is drawn, so a catalog of 1,000 photos
// never holds them all in memory.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { loadSharp } from '../../common/lazy-modules.ts';
import { throwIfCancelled } from '../../cancelled.ts';
import type { Box, ImageSource } from '../../layout/layout-plan.ts';
import { applyCmykLut, cmykLut } from './cmyk-lut.ts';
import { PictureCache, sha256 } from './picture-cache.ts';

export type PdfMode = 'print' | 'screen';

const PPI: Record<PdfMode, number> = { print: 300, screen: 150 };

export type PrepareOptions = {
  signal?: AbortSignal | undefined;
  /** A folder where converted pictures are kept between builds, by content and size; none when absent. */
  cacheDir?: string | undefined;
};

/** What `prepareImages` needs of a plan: its pages' boxes (a plan, or pages read back one by one). */
export type PlacedPictures = { pages: Iterable<{ boxes: readonly Box[] }> };

/** A converted picture: its bytes, or the cache file holding them; null when it could not be decoded. */
type Prepared = { bytes: Buffer } | { file: string } | null;

/**
 * The converted pictures of a plan, in the plan's order. `get` gives a picture's bytes (read from the
 * cache folder when they are kept there: the caller should take them once, when first placed), null
 * for a picture that could not be decoded (the page shows a placeholder), undefined for one the plan
 * does not place.
 */
export class PreparedImages {
  /** The last picture read from disk: asking twice in a row (placeholder check, then draw) reads once. */
  private last: { source: ImageSource; bytes: Buffer | null } | undefined;

  constructor(private readonly entries: ReadonlyMap<ImageSource, Prepared>) {}

  get size(): number {
    return this.entries.size;
  }

  keys(): IterableIterator<ImageSource> {
    return this.entries.keys();
  }

  failed(source: ImageSource): boolean {
    return this.entries.get(source) === null;
  }

  get(source: ImageSource): Buffer | null | undefined {
    const entry = this.entries.get(source);
    if (entry === undefined || entry === null) return entry;
    if ('bytes' in entry) return entry.bytes;
    if (this.last?.source === source) return this.last.bytes;
    let bytes: Buffer | null;
    try {
      bytes = readFileSync(entry.file);
    } catch {
      // Removed since it was checked (another build pruning the cache): a placeholder, not a crash.
      bytes = null;
    }
    this.last = { source, bytes };
    return bytes;
  }
}

/**
 * Pictures converted at once. Each conversion's libvips parts run on the thread pool and its CMYK
 * table lookup on this thread: one more than the cores keeps both busy.
 */
const CONCURRENCY = availableParallelism() + 1;

export async function prepareImages(
  plan: PlacedPictures,
  mode: PdfMode,
  options: PrepareOptions = {},
): Promise<PreparedImages> {
  const { signal } = options;
  // The largest size each picture is placed at decides its pixel size.
  const largest = new Map<ImageSource, { width: number; height: number }>();
  for (const page of plan.pages)
    for (const box of page.boxes) {
      if (box.kind !== 'image' || !box.source) continue;
      const seen = largest.get(box.source);
      largest.set(box.source, {
        width: Math.max(seen?.width ?? 0, box.placed.width),
        height: Math.max(seen?.height ?? 0, box.placed.height),
      });
    }
  const cache = options.cacheDir ? new PictureCache(options.cacheDir) : undefined;
  const used = new Set<string>();
  const prepared = new Map<ImageSource, Prepared>();
  const queue = [...largest];
  let taken = 0;
  const worker = async () => {
    const scratch = new Scratch();
    for (let next = queue[taken++]; next; next = queue[taken++]) {
      throwIfCancelled(signal);
      const [source, size] = next;
      try {
        prepared.set(source, await cachedConvert(source, pixelSize(size, mode), mode, cache, used, scratch));
      } catch {
        // A truncated or corrupt picture must not sink the whole catalog.
        prepared.set(source, null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  await cache?.close(used);
  // In the plan's order, whatever order the conversions finished in.
  return new PreparedImages(
    new Map([...largest.keys()].map((source) => [source, prepared.get(source) ?? null])),
  );
}

/**
 * Bump when the conversion changes: pictures converted the old way are then converted again.
 * v2: print pictures through the CMYK table (cmyk-lut.ts), within 4 levels of v1's inks.
 */
const PIPELINE = 'v2';

/**
 * A picture converted once for its content, pixel size and mode, then read from the cache: a
 * monthly rebuild with the same photos skips the conversion. The key is the bytes' hash, never the
 * path: a photo replaced under the same name is converted again.
 */
async function cachedConvert(
  source: ImageSource,
  pixels: { width: number; height: number },
  mode: PdfMode,
  cache: PictureCache | undefined,
  used: Set<string>,
  scratch: Scratch,
): Promise<Prepared> {
  const read = async () => ('path' in source ? readFile(source.path) : Buffer.from(source.bytes));
  if (!cache) return { bytes: await convert(await read(), pixels, mode, scratch) };
  const { hash, bytes } = 'path' in source ? await cache.hashOf(source.path) : { hash: sha256(source.bytes) };
  const file = cache.fileFor(`${hash}-${pixels.width}x${pixels.height}-${mode}-${PIPELINE}.jpg`);
  used.add(basename(file));
  if (await cache.has(file)) return { file };
  const converted = await convert(bytes ?? (await read()), pixels, mode, scratch);
  return (await cache.write(file, converted)) ? { file } : { bytes: converted };
}

const pixelSize = (size: { width: number; height: number }, mode: PdfMode) => ({
  width: Math.max(1, Math.round((size.width / 72) * PPI[mode])),
  height: Math.max(1, Math.round((size.height / 72) * PPI[mode])),
});

/**
 * The CMYK halves of one conversion at a time, reused by the next: a megabyte a picture allocated and
 * dropped a thousand times kept the garbage collector busy for a tenth of a first build.
 */
class Scratch {
  private buffer = Buffer.alloc(0);

  take(bytes: number): Buffer {
    if (this.buffer.length < bytes) this.buffer = Buffer.alloc(bytes);
    return this.buffer.subarray(0, bytes);
  }
}

async function convert(
  input: Buffer,
  pixels: { width: number; height: number },
  mode: PdfMode,
  scratch: Scratch,
): Promise<Buffer> {
  const sharp = await loadSharp();
  // A truncated file is refused, not printed half grey.
  const resized = () =>
    sharp(input, { failOn: 'truncated' })
      .rotate()
      .resize(pixels.width, pixels.height, { fit: 'inside', withoutEnlargement: true })
      // Transparent PNGs land on white paper, not on black.
      .flatten({ background: '#ffffff' });
  if (mode === 'screen')
    return resized().toColourspace('srgb').jpeg({ quality: 80, chromaSubsampling: '4:4:4' }).toBuffer();
  const jpeg = { quality: 90, chromaSubsampling: '4:4:4' } as const;
  const { data, info } = await resized().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  // Anything but plain 8-bit RGB (never expected after the steps above) takes libvips's own way.
  if (info.channels !== 3 || data.length !== width * height * 3)
    return resized().toColourspace('cmyk').jpeg(jpeg).toBuffer();
  const both = scratch.take(width * height * 4);
  const cmy = both.subarray(0, width * height * 3);
  const k = both.subarray(width * height * 3);
  applyCmykLut(await cmykLut(), data, cmy, k);
  // A channel joined to three makes a CMYK image when the output space says so (sharp's joinChannel).
  // Awaited here: the scratch buffer is free again only once sharp has encoded it.
  return await sharp(cmy, { raw: { width, height, channels: 3 } })
    .joinChannel(k, { raw: { width, height, channels: 1 } })
    .toColourspace('cmyk')
    .jpeg(jpeg)
    .toBuffer();
}

let genericCmyk: Promise<Buffer> | undefined;

/**
 * The CMYK profile the OutputIntent names when the user gives none: libvips's built-in CMYK profile
 * (the one our images are converted with), so the intent describes the conversion actually made.
 */
export function genericCmykProfile(): Promise<Buffer> {
  genericCmyk ??= (async () => {
    const sharp = await loadSharp();
    const pixel = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const jpeg = await sharp(pixel).toColourspace('cmyk').withIccProfile('cmyk').jpeg().toBuffer();
    const icc = (await sharp(jpeg).metadata()).icc;
    if (!icc) throw new Error('no CMYK profile in sharp');
    return Buffer.from(icc);
  })();
  return genericCmyk;
}
