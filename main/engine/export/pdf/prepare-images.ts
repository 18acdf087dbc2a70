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
  const pixelsOf = new Map<ImageSource, { width: number; height: number }>();
  for (const page of plan.pages)
    for (const box of page.boxes) {
      if (box.kind !== 'image' || !box.source) continue;
      const seen = largest.get(box.source);
      largest.set(box.source, {
        width: Math.max(seen?.width ?? 0, box.placed.width),
        height: Math.max(seen?.height ?? 0, box.placed.height),
      });
      if (box.pixels) pixelsOf.set(box.source, box.pixels);
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
        const job = { source, pixels: pixelSize(size, mode), from: pixelsOf.get(source), mode };
        prepared.set(source, await cachedConvert(job, cache, used, scratch));
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
 * v3: JPEG photos decoded at a half, quarter or eighth of their size when that is still at least the
 * converted size (libjpeg's own scaled decoding, before the resize); detailed photos written with
 * standard Huffman tables (DENSE_BITS).
 */
const PIPELINE = 'v3';

/** One picture to convert: its source, the pixel size wanted, the source's own pixel size when known. */
type Job = {
  source: ImageSource;
  pixels: { width: number; height: number };
  from: { width: number; height: number } | undefined;
  mode: PdfMode;
};

/**
 * A picture converted once for its content, pixel size and mode, then read from the cache: a
 * monthly rebuild with the same photos skips the conversion. The key is the bytes' hash, never the
 * path: a photo replaced under the same name is converted again.
 */
async function cachedConvert(
  job: Job,
  cache: PictureCache | undefined,
  used: Set<string>,
  scratch: Scratch,
): Promise<Prepared> {
  const { source, pixels, mode } = job;
  const read = async () => ('path' in source ? readFile(source.path) : Buffer.from(source.bytes));
  if (!cache) return { bytes: (await convertSource(job, await read(), scratch)).bytes };
  const hashed: { hash: string; bytes?: Buffer; stamp?: string } =
    'path' in source ? await cache.hashOf(source.path) : { hash: sha256(source.bytes) };
  const file = cache.fileFor(`${hashed.hash}-${pixels.width}x${pixels.height}-${mode}-${PIPELINE}.jpg`);
  used.add(basename(file));
  if (await cache.has(file)) return { file };
  const converted = await convertSource(job, hashed.bytes ?? (await read()), scratch);
  // Decoded from the file, not from the bytes hashed: kept only if the file did not change between
  // the two reads, or the cache would hold another photo under this one's hash.
  if (converted.fromFile && 'path' in source && (await cache.stampOf(source.path)) !== hashed.stamp)
    return { bytes: converted.bytes };
  return (await cache.write(file, converted.bytes)) ? { file } : { bytes: converted.bytes };
}

/**
 * A JPEG photo much larger than needed (a 1200×900 supplier photo on a grid card needs about 550×410)
 * is decoded by libjpeg straight at a half, quarter or eighth of its size: the inverse DCT, upsampling
 * and colour conversion of the pixels the resize would throw away are never done (about 1.5 ms of the
 * 16–28 ms a photo cost here). sharp does this itself only from a shrink of 3 on (it keeps a margin
 * for libjpeg's rounding); here the scaled size is checked instead, so the resize that follows still
 * only reduces. Real photos come out the same to the eye (a touch softer, 1–7 % fewer bytes); pure
 * noise keeps more grain (the bench's grainy photos: 12 % more bytes). libvips takes the factor as an option after the file name (`photo.jpg[shrink=2]`): a name
 * with brackets of its own, or one it cannot read that way, is converted from the bytes in hand.
 */
async function convertSource(
  job: Job,
  bytes: Buffer,
  scratch: Scratch,
): Promise<{ bytes: Buffer; fromFile: boolean }> {
  const { source, from, pixels, mode } = job;
  const jpeg = isJpeg(bytes);
  const shrink = 'path' in source && from && jpeg ? jpegShrink(from, pixels) : 1;
  const dense = jpeg && from !== undefined && (bytes.length * 8) / (from.width * from.height) >= DENSE_BITS;
  const options = { pixels, mode, optimise: !dense };
  // Only for a name without brackets: libvips would read options out of a name like `photo[1]`.
  if (shrink > 1 && 'path' in source && !/[[\]]/.test(source.path)) {
    const input = `${source.path}[shrink=${shrink}]`;
    const converted = await convert(input, options, scratch).catch(() => undefined);
    if (converted) return { bytes: converted, fromFile: true };
  }
  return { bytes: await convert(bytes, options, scratch), fromFile: false };
}

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/**
 * From this many bits a pixel, a JPEG source's print picture is written with libjpeg's standard
 * Huffman tables instead of tables optimised for it. Tables made for the picture cost a second pass
 * over its coefficients, which grows with the detail: measured here on 575-px CMYK pictures, 3 ms
 * for 8–32 % fewer bytes on flat or smooth pictures (sources under 0.4 bit a pixel: illustrations,
 * studio shots), but 4–9 ms for 1.8–3.1 % fewer on detailed or grainy photos (2.3–6 bits a pixel) —
 * up to a third of such a photo's whole conversion. Screen pictures (150 ppi, smaller, often mailed)
 * always get optimised tables.
 */
const DENSE_BITS = 1.5;

/**
 * The largest JPEG shrink-on-load factor (8, 4, 2; 1: none) whose decoded size is still at least the
 * converted one: `from` is the photo's pixel size as shown (EXIF-turned), as is the frame `to`. None
 * when what is left to reduce is still 3× or more (a huge photo on a small frame): sharp then shrinks
 * on load by itself, from the bytes, and would fail to reload a file name carrying our option.
 */
export function jpegShrink(
  from: { width: number; height: number },
  to: { width: number; height: number },
): number {
  // What `resize(fit: inside, withoutEnlargement)` gives, rounded up: a pixel of margin, never short.
  const scale = Math.min(to.width / from.width, to.height / from.height, 1);
  const width = Math.ceil(from.width * scale - 1e-9);
  const height = Math.ceil(from.height * scale - 1e-9);
  for (const factor of [8, 4, 2]) {
    const decoded = { width: Math.ceil(from.width / factor), height: Math.ceil(from.height / factor) };
    if (decoded.width < width || decoded.height < height) continue;
    return Math.max(decoded.width / width, decoded.height / height) < 3 ? factor : 1;
  }
  return 1;
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
  input: Buffer | string,
  { pixels, mode, optimise }: { pixels: { width: number; height: number }; mode: PdfMode; optimise: boolean },
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
  const jpeg = { quality: 90, chromaSubsampling: '4:4:4', optimiseCoding: optimise } as const;
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
