// Pictures as the PDF needs them: CMYK JPEG at 300 ppi of their largest placed size for print,
// sRGB JPEG at 150 ppi for screen. Never enlarged: a small picture stays small (preflight says so).
import { readFile } from 'node:fs/promises';
import { loadSharp } from '../../common/lazy-modules.ts';
import { throwIfCancelled } from '../../cancelled.ts';
import type { ImageSource, LayoutPlan } from '../../layout/layout-plan.ts';

export type PdfMode = 'print' | 'screen';
/** `null` for a picture that could not be decoded: the page shows a placeholder instead. */
export type PreparedImages = Map<ImageSource, Buffer | null>;

const PPI: Record<PdfMode, number> = { print: 300, screen: 150 };

export async function prepareImages(
  plan: LayoutPlan,
  mode: PdfMode,
  signal?: AbortSignal,
): Promise<PreparedImages> {
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
  for (const [source, size] of largest) {
    throwIfCancelled(signal);
    try {
      prepared.set(source, await convert(source, size, mode));
    } catch {
      // A truncated or corrupt picture must not sink the whole catalog.
      prepared.set(source, null);
    }
  }
  return prepared;
}

async function convert(
  source: ImageSource,
  size: { width: number; height: number },
  mode: PdfMode,
): Promise<Buffer> {
  const input = 'path' in source ? await readFile(source.path) : Buffer.from(source.bytes);
  const width = Math.max(1, Math.round((size.width / 72) * PPI[mode]));
  const height = Math.max(1, Math.round((size.height / 72) * PPI[mode]));
  // A truncated file is refused, not printed half grey.
  const sharp = await loadSharp();
  const image = sharp(input, { failOn: 'truncated' })
    .rotate()
    .resize(width, height, { fit: 'inside', withoutEnlargement: true })
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
