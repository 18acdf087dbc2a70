// Pictures as the PDF needs them: CMYK JPEG at 300 ppi of their largest placed size for print,
// sRGB JPEG at 150 ppi for screen. Never enlarged: a small picture stays small (preflight says so).
// Converted several at a time, and kept in a cache between builds when the caller gives one.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { loadSharp } from '../../common/lazy-modules.ts';
import { throwIfCancelled } from '../../cancelled.ts';
import type { ImageSource, LayoutPlan } from '../../layout/layout-plan.ts';

export type PdfMode = 'print' | 'screen';
/** `null` for a picture that could not be decoded: the page shows a placeholder instead. */
export type PreparedImages = Map<ImageSource, Buffer | null>;

const PPI: Record<PdfMode, number> = { print: 300, screen: 150 };

export type PrepareOptions = {
  signal?: AbortSignal | undefined;
  /** A folder where converted pictures are kept between builds, by content and size; none when absent. */
  cacheDir?: string | undefined;
};

/** Pictures converted at once: libvips works off the main thread, one picture per core keeps them busy. */
const CONCURRENCY = Math.max(2, availableParallelism());

export async function prepareImages(
  plan: LayoutPlan,
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
  const prepared: PreparedImages = new Map();
  const queue = [...largest];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      throwIfCancelled(signal);
      const [source, size] = next;
      try {
        prepared.set(source, await cachedConvert(source, size, mode, options.cacheDir));
      } catch {
        // A truncated or corrupt picture must not sink the whole catalog.
        prepared.set(source, null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  if (options.cacheDir) await pruneImageCache(options.cacheDir);
  // In the plan's order, whatever order the conversions finished in.
  return new Map([...largest.keys()].map((source) => [source, prepared.get(source) ?? null]));
}

/** Bump when the conversion changes: pictures converted the old way are then converted again. */
const PIPELINE = 'v1';

/**
 * A picture converted once for its content, pixel size and mode, then read from the cache: a
 * monthly rebuild with the same photos skips the CMYK conversion (87 ms a picture). The key is the
 * bytes' hash, never the path: a photo replaced under the same name is converted again.
 */
async function cachedConvert(
  source: ImageSource,
  size: { width: number; height: number },
  mode: PdfMode,
  cacheDir: string | undefined,
): Promise<Buffer> {
  const input = 'path' in source ? await readFile(source.path) : Buffer.from(source.bytes);
  const pixels = pixelSize(size, mode);
  if (!cacheDir) return convert(input, pixels, mode);
  const hash = createHash('sha256').update(input).digest('hex');
  const file = join(cacheDir, `${hash}-${pixels.width}x${pixels.height}-${mode}-${PIPELINE}.jpg`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) {
    // Touched, so pruning keeps what is used.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return cached;
  }
  const converted = await convert(input, pixels, mode);
  // A cache that cannot be written (read-only, full disk) costs time, never the build.
  await writeFileAtomic(file, converted).catch(() => undefined);
  return converted;
}

const pixelSize = (size: { width: number; height: number }, mode: PdfMode) => ({
  width: Math.max(1, Math.round((size.width / 72) * PPI[mode])),
  height: Math.max(1, Math.round((size.height / 72) * PPI[mode])),
});

/** The cache is kept under this size: the least recently used pictures go first. */
const CACHE_BYTES = 2 * 1024 ** 3;

async function pruneImageCache(dir: string, limit = CACHE_BYTES): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jpg'));
  const files = (
    await Promise.all(
      names.map((n) =>
        stat(join(dir, n)).then(
          (s) => ({ n, s }),
          () => undefined,
        ),
      ),
    )
  ).filter((f) => f !== undefined);
  let total = files.reduce((sum, f) => sum + f.s.size, 0);
  if (total <= limit) return;
  for (const { n, s } of files.sort((a, b) => a.s.mtimeMs - b.s.mtimeMs)) {
    if (total <= limit) break;
    await rm(join(dir, n), { force: true }).catch(() => undefined);
    total -= s.size;
  }
}

async function convert(
  input: Buffer,
  pixels: { width: number; height: number },
  mode: PdfMode,
): Promise<Buffer> {
  const sharp = await loadSharp();
  // A truncated file is refused, not printed half grey.
  const image = sharp(input, { failOn: 'truncated' })
    .rotate()
    .resize(pixels.width, pixels.height, { fit: 'inside', withoutEnlargement: true })
    // Transparent PNGs land on white paper, not on black.
    .flatten({ background: '#ffffff' })
    .toColourspace(mode === 'print' ? 'cmyk' : 'srgb');
  return image.jpeg({ quality: mode === 'print' ? 90 : 80, chromaSubsampling: '4:4:4' }).toBuffer();
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
