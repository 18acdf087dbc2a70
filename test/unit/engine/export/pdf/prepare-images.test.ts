// Pictures for the PDF: converted several at a time, in the plan's order, and kept between builds by
// content and size — a rebuild with the same photos reads them back without reading the photos again;
// a photo changed under the same name is converted again, even with its size and date put back.
import { copyFile, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegShrink, prepareImages } from '../../../../../main/engine/export/pdf/prepare-images.ts';
import type { ImageSource, LayoutPlan } from '../../../../../main/engine/layout/layout-plan.ts';
import { tempDir } from '../../../../fixtures/workbooks.ts';

const PHOTOS = ['samples/images/CHE-6.jpg', 'samples/images/BOU-M8.jpg', 'samples/images/CAD-40.jpg'];

function planOf(sources: ImageSource[]): LayoutPlan {
  const box = (source: ImageSource, i: number) => {
    const rect = { x: 10, y: 10 + i * 100, width: 72 + i * 10, height: 72 };
    return { kind: 'image' as const, ...rect, placed: rect, source };
  };
  return {
    title: 't',
    width: 595,
    height: 842,
    bleed: 0,
    marks: false,
    safe: { x: 0, y: 0, width: 595, height: 842 },
    pages: [{ number: 1, boxes: sources.map(box), bookmarks: [] }],
    issues: [],
  };
}

/** The converted pictures in a cache folder (beside them: the remembered hashes). */
const pictures = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.jpg'));

describe('prepareImages', () => {
  it('converts every picture to CMYK for print, in the plan’s order, a broken one as null', async () => {
    const dir = tempDir('catalog-images-');
    const broken = join(dir, 'broken.jpg');
    await writeFile(broken, 'not a jpeg');
    const sources = [...PHOTOS, broken].map((path) => ({ path }));
    const prepared = await prepareImages(planOf(sources), 'print');
    expect([...prepared.keys()]).toEqual(sources);
    for (const source of sources.slice(0, 3)) {
      const meta = await sharp(prepared.get(source)!).metadata();
      expect(meta.space).toBe('cmyk');
      expect(meta.chromaSubsampling).toBe('4:4:4:4');
      // 300 ppi of one inch (72 pt) high.
      expect(meta.height).toBe(300);
    }
    expect(prepared.get(sources[3]!)).toBeNull();
  });

  it('reads a picture back from the cache when its content and size are unchanged', async () => {
    const dir = tempDir('catalog-images-');
    const cache = join(dir, 'cache');
    const photo = join(dir, 'photo.jpg');
    await copyFile(PHOTOS[0]!, photo);
    const sources = [{ path: photo }];
    const first = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    const [entry] = await pictures(cache);
    expect(entry).toMatch(/^[0-9a-f]{64}-300x300-print-v3\.jpg$/);
    expect(await readFile(join(cache, entry!))).toEqual(first.get(sources[0]!));

    // What the cache holds is what a rebuild uses: proven by a marker put in its place.
    const marker = await sharp({ create: { width: 3, height: 3, channels: 3, background: '#ff0000' } })
      .jpeg()
      .toBuffer();
    await writeFile(join(cache, entry!), marker);
    const again = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    expect(again.get(sources[0]!)).toEqual(marker);

    // Another photo under the same name: another key, converted anew.
    await copyFile(PHOTOS[1]!, photo);
    const changed = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    expect(changed.get(sources[0]!)).not.toEqual(marker);
    expect(await pictures(cache)).toHaveLength(2);
    // The screen version of the same photo is another entry.
    await prepareImages(planOf(sources), 'screen', { cacheDir: cache });
    expect((await pictures(cache)).filter((n) => n.endsWith('-screen-v3.jpg'))).toHaveLength(1);
  });

  it('converts a photo changed under the same name again, even with its size and date put back', async () => {
    const dir = tempDir('catalog-images-');
    const cache = join(dir, 'cache');
    const photo = join(dir, 'photo.jpg');
    await copyFile(PHOTOS[0]!, photo);
    // A whole second: a date a file system keeps exactly, so it can be put back exactly.
    const date = new Date('2026-01-01T00:00:00Z');
    await utimes(photo, date, date);
    const sources = [{ path: photo }];
    await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    const [first] = await pictures(cache);

    // One byte of the picture's data changed, the same length, the modification date set back: only
    // the change time (which no user can set back) tells the file was written.
    const before = await stat(photo);
    const bytes = await readFile(photo);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(photo, bytes);
    await utimes(photo, date, date);
    expect((await stat(photo)).size).toBe(before.size);
    expect((await stat(photo)).mtimeMs).toBe(before.mtimeMs);
    await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    expect((await pictures(cache)).filter((n) => n !== first)).toHaveLength(1);
  });

  it('trusts a remembered hash while the file is unchanged: a rebuild does not hash the photos again', async () => {
    const dir = tempDir('catalog-images-');
    const cache = join(dir, 'cache');
    const photo = join(dir, 'photo.jpg');
    await copyFile(PHOTOS[0]!, photo);
    const sources = [{ path: photo }];
    await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    const [entry] = await pictures(cache);
    const hash = entry!.slice(0, 64);
    const index = await readFile(join(cache, 'hashes.json'), 'utf8');
    expect(index).toContain(hash);

    // The remembered hash pointed at another picture of the cache: the rebuild takes that one, which
    // it could only do without reading and hashing the photo.
    const marker = await sharp({ create: { width: 3, height: 3, channels: 4, background: '#0f0' } })
      .jpeg()
      .toBuffer();
    const other = 'f'.repeat(64);
    await writeFile(join(cache, entry!.replace(hash, other)), marker);
    await writeFile(join(cache, 'hashes.json'), index.replace(hash, other));
    const again = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    expect(again.get(sources[0]!)).toEqual(marker);
  });

  it('converts again a cached picture torn by a crash, and never places it', async () => {
    const dir = tempDir('catalog-images-');
    const cache = join(dir, 'cache');
    const photo = join(dir, 'photo.jpg');
    await copyFile(PHOTOS[2]!, photo);
    const sources = [{ path: photo }];
    const first = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    const whole = first.get(sources[0]!)!;
    const [entry] = await pictures(cache);
    await writeFile(join(cache, entry!), whole.subarray(0, whole.length / 2));
    const again = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    expect(again.get(sources[0]!)).toEqual(whole);
  });

  it('keeps converted pictures on disk until drawn: one removed meanwhile is a placeholder', async () => {
    const dir = tempDir('catalog-images-');
    const cache = join(dir, 'cache');
    const sources = PHOTOS.slice(0, 2).map((path) => ({ path }));
    const prepared = await prepareImages(planOf(sources), 'print', { cacheDir: cache });
    for (const name of await pictures(cache)) await rm(join(cache, name));
    expect(prepared.get(sources[0]!)).toBeNull();
    expect(prepared.failed(sources[0]!)).toBe(false);
  });

  it('prints a transparent picture on white paper, and turns a grey or CMYK one into CMYK', async () => {
    const dir = tempDir('catalog-images-');
    const transparent = join(dir, 'clear.png');
    await sharp({
      create: { width: 90, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toFile(transparent);
    const grey = join(dir, 'grey.png');
    await sharp(PHOTOS[0]!).greyscale().png().toFile(grey);
    const cmyk = join(dir, 'cmyk.jpg');
    await sharp(PHOTOS[1]!).toColourspace('cmyk').jpeg().toFile(cmyk);
    const sources = [transparent, grey, cmyk].map((path) => ({ path }));
    const prepared = await prepareImages(planOf(sources), 'print');
    for (const source of sources) expect((await sharp(prepared.get(source)!).metadata()).space).toBe('cmyk');
    // Paper white: no ink at all (decoded without leaving CMYK).
    const inks = await sharp(prepared.get(sources[0]!)!)
      .pipelineColourspace('cmyk')
      .toColourspace('cmyk')
      .raw()
      .toBuffer();
    expect(Math.max(...inks)).toBeLessThanOrEqual(2);
  });
  it('decodes a large JPEG at a fraction of its size only when that still covers the converted size', () => {
    // A 1200×900 photo on a 46 mm card (575×431 at 300 ppi): decoded at 600×450, then reduced.
    expect(jpegShrink({ width: 1200, height: 900 }, { width: 575, height: 431 })).toBe(2);
    // At 150 ppi (screen): a quarter, 300×225, still covers 288×216.
    expect(jpegShrink({ width: 1200, height: 900 }, { width: 288, height: 216 })).toBe(4);
    // Exactly half: no pixel short.
    expect(jpegShrink({ width: 600, height: 600 }, { width: 300, height: 300 })).toBe(2);
    // Half would be one pixel short of 576: decoded whole.
    expect(jpegShrink({ width: 1150, height: 862 }, { width: 576, height: 432 })).toBe(1);
    expect(jpegShrink({ width: 1150, height: 862 }, { width: 575, height: 431 })).toBe(2);
    // Placed at its own size or larger (never enlarged): decoded whole.
    expect(jpegShrink({ width: 800, height: 600 }, { width: 1000, height: 750 })).toBe(1);
    // A huge photo on a small frame: sharp shrinks on load by itself.
    expect(jpegShrink({ width: 8000, height: 6000 }, { width: 100, height: 75 })).toBe(1);
  });

  it('gives a photo decoded at half size the same pixel size and nearly the same pixels', async () => {
    const dir = tempDir('catalog-images-');
    // Odd names too: libvips reads the shrink factor after the name, so brackets and commas in it must
    // neither break the picture nor be taken for options (a name with brackets is decoded whole).
    const names = ['photo.jpg', 'photo[1].jpg', 'photo [a]', 'a,b"c.jpg'];
    const photo = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 120, b: 200 } },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1200" height="900"><circle cx="600" cy="450" r="300" fill="rgb(230,180,30)"/></svg>',
          ),
        },
      ])
      .jpeg({ quality: 85 })
      .toBuffer();
    const sources: ImageSource[] = [];
    for (const name of names) {
      await writeFile(join(dir, name), photo);
      sources.push({ path: join(dir, name) });
    }
    // The same photo as bytes: decoded whole (libvips takes no option with bytes).
    const whole: ImageSource = { bytes: photo, extension: 'jpg' };
    const rect = { x: 0, y: 0, width: 138, height: 103.5 };
    const plan = {
      ...planOf([]),
      pages: [
        {
          number: 1,
          bookmarks: [],
          boxes: [...sources, whole].map((source) => ({
            kind: 'image' as const,
            ...rect,
            placed: rect,
            source,
            pixels: { width: 1200, height: 900 },
          })),
        },
      ],
    };
    const prepared = await prepareImages(plan, 'print');
    const inks = async (source: ImageSource) =>
      sharp(prepared.get(source)!).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({
        resolveWithObject: true,
      });
    const reference = await inks(whole);
    expect([reference.info.width, reference.info.height]).toEqual([575, 431]);
    for (const source of sources) {
      const { data, info } = await inks(source);
      expect([info.width, info.height]).toEqual([575, 431]);
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum += Math.abs(data[i]! - reference.data[i]!);
      // Flat areas and a soft edge: within a level on average (the edge's few pixels differ most).
      expect(sum / data.length).toBeLessThan(1);
      // Decoded at half size (not the same pixels as decoding it whole), brackets in the name aside.
      expect(sum > 0).toBe(!/[[\]]/.test((source as { path: string }).path));
    }
  });

  it('writes a detailed photo with standard Huffman tables, a smooth one with tables of its own', async () => {
    const dir = tempDir('catalog-images-');
    const make = (sigma: number, file: string) =>
      sharp({
        create: {
          width: 1200,
          height: 900,
          channels: 3,
          background: { r: 200, g: 190, b: 180 },
          noise: { type: 'gaussian', mean: 128, sigma },
        },
      })
        .jpeg({ quality: 85 })
        .toFile(join(dir, file));
    await make(30, 'grainy.jpg');
    await make(2, 'smooth.jpg');
    const sources = ['grainy.jpg', 'smooth.jpg'].map((name) => ({ path: join(dir, name) }));
    const rect = { x: 0, y: 0, width: 138, height: 103.5 };
    const plan = {
      ...planOf([]),
      pages: [
        {
          number: 1,
          bookmarks: [],
          boxes: sources.map((source) => ({
            kind: 'image' as const,
            ...rect,
            placed: rect,
            source,
            pixels: { width: 1200, height: 900 },
          })),
        },
      ],
    };
    const prepared = await prepareImages(plan, 'print');
    expect(hasStandardDcTable(prepared.get(sources[0]!)!)).toBe(true);
    expect(hasStandardDcTable(prepared.get(sources[1]!)!)).toBe(false);
  });
});

/** Whether a JPEG holds the standard (ITU T.81 Annex K) luminance DC Huffman table: bits, then values. */
function hasStandardDcTable(jpeg: Buffer): boolean {
  const standard = Buffer.from([
    0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
  ]);
  for (let at = 2; at + 4 < jpeg.length;) {
    if (jpeg[at] !== 0xff) return false;
    const marker = jpeg[at + 1]!;
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xda) return false;
    if (marker === 0xc4) {
      // One segment may hold several tables: class/id byte, 16 counts, then the values.
      for (let t = at + 4; t < at + 2 + length;) {
        const count = jpeg.subarray(t + 1, t + 17).reduce((sum, n) => sum + n, 0);
        if (jpeg[t] === 0x00 && jpeg.subarray(t + 1, t + 17 + count).equals(standard)) return true;
        t += 17 + count;
      }
    }
    at += 2 + length;
  }
  return false;
}
