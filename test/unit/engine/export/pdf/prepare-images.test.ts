// Pictures for the PDF: converted several at a time, in the plan's order, and kept between builds by
// content and size — a rebuild with the same photos reads them back; a photo changed under the same
// name is converted again.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImages } from '../../../../../main/engine/export/pdf/prepare-images.ts';
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
    const [entry] = await readdir(cache);
    expect(entry).toMatch(/^[0-9a-f]{64}-300x300-print-v1\.jpg$/);
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
    expect(await readdir(cache)).toHaveLength(2);
    // The screen version of the same photo is another entry.
    await prepareImages(planOf(sources), 'screen', { cacheDir: cache });
    expect((await readdir(cache)).filter((n) => n.endsWith('-screen-v1.jpg'))).toHaveLength(1);
  });
});
