import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { collectImages } from '../../../../main/engine/layout/collect-images.ts';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import { findImage, imageKey } from '../../../../main/engine/layout/resolved-images.ts';
import type { CatalogItem, FieldValue } from '../../../../main/engine/model.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { catalogOf, item, options, price, text } from './make-catalog.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';

const PHOTO = resolve('samples/images/VIS-4x40.jpg'); // 600 × 600 sRGB
const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#c00' } })
  .png()
  .toBuffer();
const pngBytes = new Uint8Array(png);

const picture = (value: FieldValue & { kind: 'image' }) => value;
function product(row: number, image: FieldValue, embedded: Uint8Array<ArrayBuffer>[] = []): CatalogItem {
  const product = item(row, 'Visserie', { reference: text(`VIS-${row}`), price: price(1), image });
  product.images = embedded.map((bytes) => ({ row, column: 5, extension: 'png', bytes }));
  return product;
}

/** Two products on one photo, one on a file that is not there, three embedded pictures (two the same). */
function catalog() {
  return catalogOf([
    {
      name: 'Visserie',
      items: [
        product(5, { kind: 'image', path: PHOTO, name: 'VIS-4x40.jpg' }),
        product(6, { kind: 'image', path: PHOTO, name: 'VIS-4x40.jpg' }),
        product(7, { kind: 'image', path: '/nowhere/VIS-7.jpg', name: 'VIS-7.jpg' }),
        product(8, { kind: 'image', embedded: 0 }, [pngBytes]),
        product(9, { kind: 'image', embedded: 0 }, [pngBytes]),
        product(10, { kind: 'image', embedded: 0 }, [new Uint8Array([1, 2, 3])]),
      ],
    },
  ]);
}

describe('imageKey', () => {
  it("names a file by its path and an embedded picture by its product's row and index", () => {
    const one = product(12, { kind: 'image', path: '/photos/a.jpg' });
    expect(imageKey(one, picture({ kind: 'image', path: '/photos/a.jpg' }))).toBe('/photos/a.jpg');
    expect(imageKey(one, picture({ kind: 'image', embedded: 2 }))).toBe('embedded:12:2');
    expect(imageKey(one, picture({ kind: 'image', name: 'a.jpg' }))).toBeUndefined();
  });

  it('finds only pictures of the record itself, never a property of every object', () => {
    const one = product(12, { kind: 'image', path: 'constructor' });
    expect(findImage({}, one, picture({ kind: 'image', path: 'constructor' }))).toBeUndefined();
  });
});

describe('collectImages', () => {
  it('gives every readable picture its pixel size and colour space, under its key', async () => {
    const images = await collectImages(catalog(), 'image');
    expect(Object.keys(images).sort()).toEqual([PHOTO, 'embedded:8:0', 'embedded:9:0'].sort());
    expect(images[PHOTO]).toEqual({
      source: { path: PHOTO },
      pixels: { width: 600, height: 600 },
      space: 'srgb',
    });
    expect(images['embedded:8:0']).toMatchObject({
      source: { bytes: pngBytes, extension: 'png' },
      pixels: { width: 30, height: 20 },
    });
  });

  it('leaves out a file that is not there and bytes that are no picture, for layout to frame', async () => {
    const images = await collectImages(catalog(), 'image');
    expect(images['/nowhere/VIS-7.jpg']).toBeUndefined();
    expect(images['embedded:10:0']).toBeUndefined();
  });

  it('shares one entry between products on the same picture, so the PDF embeds it once', async () => {
    const images = await collectImages(catalog(), 'image');
    expect(images['embedded:9:0']).toBe(images['embedded:8:0']);
  });

  it('reads nothing when the template places no picture', async () => {
    expect(await collectImages(catalog(), undefined)).toEqual({});
  });

  it('is plain data: a copy sent to a worker lays out the very same plan', async () => {
    const grid = await loadTemplate('product-grid');
    const source = catalog();
    const images = await collectImages(source, 'image');
    const here = layoutCatalog(source, grid, options('fr', images));
    const there = layoutCatalog(structuredClone(source), grid, structuredClone(options('fr', images)));
    expect(there).toEqual(here);
    const placed = here.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'image');
    expect(placed.filter((b) => b.source).map((b) => b.row)).toEqual([5, 6, 8, 9]);
  });

  it('reads many pictures at once yet keeps the products’ order, each file read once', async () => {
    const dir = tempDir('catalog-collect-');
    const files = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const file = join(dir, `p-${i}.png`);
        await sharp({ create: { width: 10 + i, height: 5, channels: 3, background: '#08f' } })
          .png()
          .toFile(file);
        return file;
      }),
    );
    // Every product on its own file, then the first file again, then a missing one.
    const items = [...files, files[0]!, join(dir, 'missing.png')].map((path, i) =>
      product(100 + i, { kind: 'image', path, name: 'p.png' }),
    );
    const images = await collectImages(catalogOf([{ name: 'Visserie', items }]), 'image');
    expect(Object.keys(images)).toEqual(files);
    expect(files.map((f) => images[f]!.pixels.width)).toEqual(files.map((_, i) => 10 + i));
  });
});
