// The colour of a picture's own border — its studio backdrop — for a template that runs that
// backdrop to the frame's edge (`image.background: 'edge'`). Read before layout (layout is pure),
// only when the template asks: the picture shrunk to a thumbnail by libvips (JPEG shrink-on-load
// keeps it cheap, a few ms), the median of the thumbnail's outer ring, and a check that the ring is
// one flat colour. A photo whose subject runs to its edge, or whose backdrop is white, gets none: a
// flat fill beside it would show a seam, and white is the paper already.
import { loadSharp } from '../common/lazy-modules.ts';
import { applyCmykLut, cmykLut } from '../export/pdf/cmyk-lut.ts';
import type { Cmyk } from '../templates/layout-schema.ts';

export type EdgeColour = {
  /** The fill in print: libvips's sRGB → CMYK, the same table the print PDF converts pictures with. */
  cmyk: Cmyk;
  /** The fill in a screen PDF: the picture's own sRGB, so the backdrop and the fill meet exactly. */
  rgb: [number, number, number];
};

/** Side of the thumbnail sampled: its outer ring is 4 × (SIDE − 1) pixels. */
const SIDE = 24;
/** A ring pixel "is" the backdrop within this many 8-bit levels on every channel. */
const NEAR = 10;
/** Share of the ring that must be the backdrop for the ring to count as one flat colour. */
const FLAT = 0.85;
/** Every channel at or above this: the backdrop is white, the paper. */
const WHITE = 250;

export async function edgeColour(input: string | Uint8Array): Promise<EdgeColour | undefined> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(typeof input === 'string' ? input : Buffer.from(input))
    .flatten({ background: '#ffffff' })
    .resize(SIDE, SIDE, { fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = ringMedian(data, info.width, info.height, info.channels);
  if (!rgb || rgb.every((v) => v >= WHITE)) return undefined;
  const lut = await cmykLut();
  const cmy = new Uint8Array(3);
  const k = new Uint8Array(1);
  applyCmykLut(lut, Uint8Array.from(rgb), cmy, k);
  const percent = (v: number) => Math.round((v / 255) * 1000) / 10;
  return { cmyk: [percent(cmy[0]!), percent(cmy[1]!), percent(cmy[2]!), percent(k[0]!)], rgb };
}

/**
 * The median colour of the image's outer ring of pixels, or undefined when fewer than FLAT of them
 * are near it (no one backdrop colour). Pure, for tests.
 */
export function ringMedian(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): [number, number, number] | undefined {
  const ring: number[] = [];
  for (let x = 0; x < width; x++) ring.push(x, x + (height - 1) * width);
  for (let y = 1; y < height - 1; y++) ring.push(y * width, y * width + width - 1);
  if (ring.length === 0 || channels < 3) return undefined;
  const median = [0, 1, 2].map((c) => {
    const values = ring.map((p) => data[p * channels + c]!).sort((a, b) => a - b);
    return values[values.length >> 1]!;
  }) as [number, number, number];
  const near = ring.filter((p) =>
    median.every((m, c) => Math.abs(data[p * channels + c]! - m) <= NEAR),
  ).length;
  return near >= FLAT * ring.length ? median : undefined;
}
