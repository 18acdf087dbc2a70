// sRGB → CMYK through a table of libvips's own conversion, sampled once per process. libvips converts
// every pixel through floating-point Lab (about 0.3 µs a pixel here: 87 ms for one photo at 300 ppi of
// a grid card), and a direct 8-bit ICC transform costs 27 ms a picture just to be set up. A 52³ grid
// of the very same conversion, interpolated tetrahedrally (what lcms does inside its optimised 8-bit
// transforms), gives the same inks within 4 levels of 255 (0.4 on average) in a few ms a picture.
import { loadSharp } from '../../common/lazy-modules.ts';

/** Grid step in 8-bit levels: it divides 255, so the grid's last node is exactly 255. */
const STEP = 5;
const NODES = 255 / STEP + 1;
/** Strides of the table (one node per entry, blue varying fastest). */
const SB = 1;
const SG = NODES * SB;
const SR = NODES * SG;

/** The node below each level and the level's distance from it, in steps of 1/STEP. */
const NODE = new Int32Array(256);
const FRACTION = new Int32Array(256);
for (let v = 0; v < 256; v++) {
  NODE[v] = Math.min(NODES - 2, Math.floor(v / STEP));
  FRACTION[v] = v - NODE[v]! * STEP;
}
/** A weighted sum of four nodes (weights in 1/STEP) back to a rounded level. */
const ROUNDED = new Uint8Array(255 * STEP + 1);
for (let x = 0; x < ROUNDED.length; x++) ROUNDED[x] = Math.floor((2 * x + STEP) / (2 * STEP));

/**
 * Two inks a node in one integer, 11 bits apart: four nodes' levels (≤ 255) times their weights (summing
 * to STEP) never carry over 2,047, so one sum interpolates two inks at once — half the reads.
 */
export type CmykLut = { cm: Int32Array; yk: Int32Array };
const SHIFT = 11;
const LOW = (1 << SHIFT) - 1;

let table: Promise<CmykLut> | undefined;

/** libvips's sRGB → CMYK conversion at every grid node: built on first use, then kept. */
export function cmykLut(): Promise<CmykLut> {
  table ??= (async () => {
    const sharp = await loadSharp();
    const grid = Buffer.alloc(NODES ** 3 * 3);
    let o = 0;
    for (let r = 0; r < NODES; r++)
      for (let g = 0; g < NODES; g++)
        for (let b = 0; b < NODES; b++) {
          grid[o++] = r * STEP;
          grid[o++] = g * STEP;
          grid[o++] = b * STEP;
        }
    const { data, info } = await sharp(grid, { raw: { width: NODES * NODES, height: NODES, channels: 3 } })
      .toColourspace('cmyk')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || data.length !== NODES ** 3 * 4) throw new Error('unexpected CMYK table');
    const cm = new Int32Array(NODES ** 3);
    const yk = new Int32Array(NODES ** 3);
    for (let i = 0; i < cm.length; i++) {
      cm[i] = data[4 * i]! | (data[4 * i + 1]! << SHIFT);
      yk[i] = data[4 * i + 2]! | (data[4 * i + 3]! << SHIFT);
    }
    return { cm, yk };
  })();
  table.catch(() => (table = undefined));
  return table;
}

/**
 * Colours met lately and their inks, in a table indexed by a hash of the colour: a product photo's
 * backdrop and its grain are a few thousand colours repeated over most of the picture (the studio
 * photos of bench/pictures.ts: 2.5 ms a picture instead of 3.8). Kept between pictures of the same
 * table: an entry is that table's inks for its colour, whichever picture put it there.
 */
const MEMO_BITS = 15;
const memoColours = new Int32Array(1 << MEMO_BITS).fill(-1);
const memoInks = new Int32Array(1 << MEMO_BITS);
let memoTable: CmykLut | undefined;
/** The memo is given up for the rest of a picture when a window of this many pixels found too few. */
const MEMO_WINDOW = 4096;

/**
 * Interleaved 8-bit RGB → C, M, Y interleaved in `cmy` and K in `k` (the two halves sharp joins into a
 * CMYK image). Integer arithmetic only: the same input gives the same bytes on every machine.
 */
export function applyCmykLut(lut: CmykLut, rgb: Uint8Array, cmy: Uint8Array, k: Uint8Array): void {
  const n = Math.floor(rgb.length / 3);
  if (memoTable !== lut) {
    memoColours.fill(-1);
    memoTable = lut;
  }
  // Through the memo while it pays; a grainy photo, whose colours seldom repeat, goes on without it
  // after its first few thousand pixels (it would cost such a photo a tenth more).
  const from = throughMemo(lut, rgb, cmy, k, n);
  if (from < n) directly(lut, rgb, cmy, k, from, n);
}

/** Pixels up to the first window where fewer than one in four was in the memo: where it stopped. */
function throughMemo(lut: CmykLut, rgb: Uint8Array, cmy: Uint8Array, k: Uint8Array, n: number): number {
  const { cm, yk } = lut;
  const far = SR + SG + SB;
  let last = -1;
  let found = 0;
  let window = 0;
  for (let i = 0; i < n; i++) {
    const i3 = i * 3;
    const r = rgb[i3]!;
    const g = rgb[i3 + 1]!;
    const b = rgb[i3 + 2]!;
    const colour = (r << 16) | (g << 8) | b;
    if (colour === last) {
      cmy[i3] = cmy[i3 - 3]!;
      cmy[i3 + 1] = cmy[i3 - 2]!;
      cmy[i3 + 2] = cmy[i3 - 1]!;
      k[i] = k[i - 1]!;
      continue;
    }
    last = colour;
    if (++window === MEMO_WINDOW) {
      if (found < MEMO_WINDOW / 4) return i;
      window = 0;
      found = 0;
    }
    const slot = Math.imul(colour, 0x9e3779b1) >>> (32 - MEMO_BITS);
    let inks = memoInks[slot]!;
    if (memoColours[slot] === colour) found++;
    else {
      // The same interpolation as `directly` (below), written out: a call a pixel costs a third more.
      const fr = FRACTION[r]!;
      const fg = FRACTION[g]!;
      const fb = FRACTION[b]!;
      const p = NODE[r]! * SR + NODE[g]! * SG + NODE[b]! * SB;
      // The tetrahedron of the cube holding the colour: its corners are the cube's near corner, the far
      // one, and the two between them along the axes in decreasing order of fraction.
      // Plain assignments, not destructuring: this loop runs a quarter of a million times a picture.
      let d1 = SG;
      let d2 = SR + SG;
      let w1 = fg - fr;
      let w2 = fr - fb;
      let w3 = fb;
      if (fr >= fg) {
        if (fg >= fb) {
          d1 = SR;
          d2 = SR + SG;
          w1 = fr - fg;
          w2 = fg - fb;
          w3 = fb;
        } else if (fr >= fb) {
          d1 = SR;
          d2 = SR + SB;
          w1 = fr - fb;
          w2 = fb - fg;
          w3 = fg;
        } else {
          d1 = SB;
          d2 = SR + SB;
          w1 = fb - fr;
          w2 = fr - fg;
          w3 = fg;
        }
      } else if (fb >= fg) {
        d1 = SB;
        d2 = SG + SB;
        w1 = fb - fg;
        w2 = fg - fr;
        w3 = fr;
      } else if (fb >= fr) {
        d1 = SG;
        d2 = SG + SB;
        w1 = fg - fb;
        w2 = fb - fr;
        w3 = fr;
      }
      const w0 = STEP - w1 - w2 - w3;
      const q1 = p + d1;
      const q2 = p + d2;
      const q3 = p + far;
      const inksCm = cm[p]! * w0 + cm[q1]! * w1 + cm[q2]! * w2 + cm[q3]! * w3;
      const inksYk = yk[p]! * w0 + yk[q1]! * w1 + yk[q2]! * w2 + yk[q3]! * w3;
      inks =
        ROUNDED[inksCm & LOW]! |
        (ROUNDED[inksCm >>> SHIFT]! << 8) |
        (ROUNDED[inksYk & LOW]! << 16) |
        (ROUNDED[inksYk >>> SHIFT]! << 24);
      memoColours[slot] = colour;
      memoInks[slot] = inks;
    }
    cmy[i3] = inks & 255;
    cmy[i3 + 1] = (inks >>> 8) & 255;
    cmy[i3 + 2] = (inks >>> 16) & 255;
    k[i] = inks >>> 24;
  }
  return n;
}

/** Pixels `from` to `to` through the table, each colour worked out (a run of one colour once). */
function directly(
  { cm, yk }: CmykLut,
  rgb: Uint8Array,
  cmy: Uint8Array,
  k: Uint8Array,
  from: number,
  to: number,
): void {
  const far = SR + SG + SB;
  // The previous pixel's colour: product photos are mostly runs of one colour (a white background),
  // each pixel of a run given the inks just worked out.
  let last = -1;
  for (let i = from; i < to; i++) {
    const i3 = i * 3;
    const r = rgb[i3]!;
    const g = rgb[i3 + 1]!;
    const b = rgb[i3 + 2]!;
    const colour = (r << 16) | (g << 8) | b;
    if (colour === last) {
      cmy[i3] = cmy[i3 - 3]!;
      cmy[i3 + 1] = cmy[i3 - 2]!;
      cmy[i3 + 2] = cmy[i3 - 1]!;
      k[i] = k[i - 1]!;
      continue;
    }
    last = colour;
    const fr = FRACTION[r]!;
    const fg = FRACTION[g]!;
    const fb = FRACTION[b]!;
    const p = NODE[r]! * SR + NODE[g]! * SG + NODE[b]! * SB;
    // The tetrahedron of the cube holding the colour: its corners are the cube's near corner, the far
    // one, and the two between them along the axes in decreasing order of fraction.
    // Plain assignments, not destructuring: this loop runs a quarter of a million times a picture.
    let d1 = SG;
    let d2 = SR + SG;
    let w1 = fg - fr;
    let w2 = fr - fb;
    let w3 = fb;
    if (fr >= fg) {
      if (fg >= fb) {
        d1 = SR;
        d2 = SR + SG;
        w1 = fr - fg;
        w2 = fg - fb;
        w3 = fb;
      } else if (fr >= fb) {
        d1 = SR;
        d2 = SR + SB;
        w1 = fr - fb;
        w2 = fb - fg;
        w3 = fg;
      } else {
        d1 = SB;
        d2 = SR + SB;
        w1 = fb - fr;
        w2 = fr - fg;
        w3 = fg;
      }
    } else if (fb >= fg) {
      d1 = SB;
      d2 = SG + SB;
      w1 = fb - fg;
      w2 = fg - fr;
      w3 = fr;
    } else if (fb >= fr) {
      d1 = SG;
      d2 = SG + SB;
      w1 = fg - fb;
      w2 = fb - fr;
      w3 = fr;
    }
    const w0 = STEP - w1 - w2 - w3;
    const q1 = p + d1;
    const q2 = p + d2;
    const q3 = p + far;
    const inksCm = cm[p]! * w0 + cm[q1]! * w1 + cm[q2]! * w2 + cm[q3]! * w3;
    const inksYk = yk[p]! * w0 + yk[q1]! * w1 + yk[q2]! * w2 + yk[q3]! * w3;
    cmy[i3] = ROUNDED[inksCm & LOW]!;
    cmy[i3 + 1] = ROUNDED[inksCm >>> SHIFT]!;
    cmy[i3 + 2] = ROUNDED[inksYk & LOW]!;
    k[i] = ROUNDED[inksYk >>> SHIFT]!;
  }
}
