// The CMYK table stands in for libvips's own sRGB → CMYK conversion: it must give the same inks (to a
// few levels of 255) on every colour, exactly the same at its grid nodes, and interpolate between them.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { applyCmykLut, cmykLut } from '../../../../../main/engine/export/pdf/cmyk-lut.ts';

async function both(rgb: Uint8Array) {
  const n = rgb.length / 3;
  const cmy = new Uint8Array(n * 3);
  const k = new Uint8Array(n);
  applyCmykLut(await cmykLut(), rgb, cmy, k);
  const libvips = await sharp(Buffer.from(rgb), { raw: { width: n, height: 1, channels: 3 } })
    .toColourspace('cmyk')
    .raw()
    .toBuffer();
  const ours = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) ours.set([cmy[3 * i]!, cmy[3 * i + 1]!, cmy[3 * i + 2]!, k[i]!], 4 * i);
  return { ours, libvips };
}

const differences = (a: Uint8Array, b: Uint8Array) => a.map((v, i) => Math.abs(v - b[i]!));

describe('applyCmykLut', () => {
  it('gives libvips’s inks exactly at the grid’s nodes (every 5 levels)', async () => {
    const rgb = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255, 125, 60, 200]);
    const { ours, libvips } = await both(rgb);
    expect([...ours]).toEqual([...libvips]);
  });

  it('stays within a few levels of libvips between the nodes, and within one on average', async () => {
    // 40,000 colours off the grid (no level a multiple of 5), seeded.
    const rgb = new Uint8Array(40_000 * 3);
    let seed = 7;
    for (let i = 0; i < rgb.length; i++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      const level = seed >>> 24;
      rgb[i] = level % 5 === 0 ? level + 1 : level;
    }
    const { ours, libvips } = await both(rgb);
    const diff = differences(ours, libvips);
    expect(diff.reduce((max, d) => Math.max(max, d), 0)).toBeLessThanOrEqual(16);
    expect(diff.reduce((sum, d) => sum + d, 0) / diff.length).toBeLessThan(0.5);
    // Interpolated, not the nearest node: most colours land on libvips's level exactly or next to it.
    expect(diff.filter((d) => d <= 1).length / diff.length).toBeGreaterThan(0.97);
  });

  it('gives a run of one colour (a white background) the inks of its first pixel', async () => {
    const [a, b] = [
      [12, 200, 77],
      [255, 255, 255],
    ];
    const row = [a, a, a, b, b, a, b].flat();
    const { ours } = await both(new Uint8Array(row));
    const alone = await Promise.all([a, b].map(async (c) => [...(await both(new Uint8Array(c!))).ours]));
    const expected = [0, 0, 0, 1, 1, 0, 1].flatMap((which) => alone[which]!);
    expect([...ours]).toEqual(expected);
  });
  it('gives colours met again and again (a backdrop’s grain) the same inks as the first time', async () => {
    // 60,000 pixels drawn from 300 colours on the grid's nodes, where the table is exact: almost every
    // pixel is found among the colours met before, and must still be libvips's own inks.
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24;
    const palette = Array.from({ length: 300 }, () => [0, 1, 2].map(() => Math.round(next() / 5) * 5));
    const rgb = new Uint8Array(60_000 * 3);
    for (let i = 0; i < 60_000; i++) rgb.set(palette[next() % palette.length]!, 3 * i);
    const { ours, libvips } = await both(rgb);
    expect(differences(ours, libvips).every((d) => d === 0)).toBe(true);
  });
});
