import { describe, expect, it } from 'vitest';
import { layoutCatalog, type LayoutOptions } from '../../../../main/engine/layout/layout-catalog.ts';
import type { ImageBox, LayoutPlan, RectBox } from '../../../../main/engine/layout/layout-plan.ts';
import type { FieldValue } from '../../../../main/engine/model.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import {
  catalogOf,
  everyPicture,
  GOOD_PICTURE,
  imageFile,
  item,
  options,
  price,
  text,
  withLayout,
} from './make-catalog.ts';

const grid = await loadTemplate('product-grid');
const list = await loadTemplate('list-catalog');
const PLACEHOLDER_FILL = [0, 0, 0, 6];

/** One product, with the given picture value (or none), laid out alone. */
function layOne(template: Template, image: FieldValue | undefined, pictures: LayoutOptions['images']) {
  const fields: Record<string, FieldValue> = {
    reference: text('VIS-4X30'),
    name: text('Vis'),
    price: price(2),
  };
  if (image) fields.image = image;
  const product = item(12, 'Visserie', fields);
  product.images = [{ row: 12, column: 8, extension: 'png', bytes: new Uint8Array([137, 80, 78, 71]) }];
  return layoutCatalog(
    catalogOf([{ name: 'Visserie', items: [product] }]),
    template,
    options('fr', pictures),
  );
}

const all = (plan: LayoutPlan) => plan.pages.flatMap((p) => p.boxes);
const images = (plan: LayoutPlan) => all(plan).filter((b): b is ImageBox => b.kind === 'image');
const placeholders = (plan: LayoutPlan) =>
  all(plan).filter((b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(PLACEHOLDER_FILL));
const frameOf = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x,
  y: b.y,
  width: b.width,
  height: b.height,
});

describe.each([
  ['product-grid', grid],
  ['list-catalog', list],
])('the picture of a product in %s', (_, template) => {
  it('places a picture that reads, with its source, pixels and colour space, for preflight', () => {
    const plan = layOne(template, imageFile('VIS-4X30.jpg'), everyPicture);
    const [box, ...more] = images(plan);
    expect(more).toEqual([]);
    expect(box).toMatchObject({
      kind: 'image',
      source: { path: '/photos/VIS-4X30.jpg' },
      pixels: GOOD_PICTURE.pixels,
      space: 'srgb',
      row: 12,
    });
    expect(placeholders(plan)).toEqual([]);
  });

  it('gives a picture named in the sheet but unreadable a placeholder and an image box without source', () => {
    const plan = layOne(template, imageFile('VIS-4X30.jpg'), {});
    const [box, ...more] = images(plan);
    expect(more).toEqual([]);
    expect(box!.source).toBeUndefined();
    expect(box!.pixels).toBeUndefined();
    expect(box!.row).toBe(12);
    expect(box!.placed).toEqual(frameOf(box!));
    // The neutral frame stands where the picture would have gone.
    expect(placeholders(plan).map(frameOf)).toEqual([frameOf(box!)]);
  });

  it('gives a product without any picture value only the neutral frame', () => {
    const plan = layOne(template, undefined, everyPicture);
    expect(images(plan)).toEqual([]);
    expect(placeholders(plan)).toHaveLength(1);
  });

  it('gives a picture validation could not find (a name, no path) only the neutral frame', () => {
    const plan = layOne(template, { kind: 'image', name: 'VIS-4X30.jpg' }, everyPicture);
    expect(images(plan)).toEqual([]);
    expect(placeholders(plan)).toHaveLength(1);
  });

  it("finds a picture embedded in the sheet under its product's row and index, and places its bytes", () => {
    const plan = layOne(
      template,
      { kind: 'image', embedded: 0 },
      {
        'embedded:12:0': {
          source: { bytes: new Uint8Array([137, 80, 78, 71]), extension: 'png' },
          pixels: { width: 800, height: 800 },
        },
        // The picture of the product on the next row: never this one's.
        'embedded:13:0': { ...GOOD_PICTURE },
      },
    );
    const [box] = images(plan);
    expect(box!.source).toEqual({ bytes: new Uint8Array([137, 80, 78, 71]), extension: 'png' });
    expect(box!.space).toBeUndefined();
  });

  it('contain: fits the whole picture inside its frame, centred', () => {
    const tall = { '/photos/a.jpg': { ...GOOD_PICTURE, pixels: { width: 600, height: 1200 } } };
    const [box] = images(layOne(template, imageFile('a.jpg'), tall));
    const { placed } = box!;
    expect(placed.x).toBeGreaterThanOrEqual(box!.x - 1e-9);
    expect(placed.y).toBeGreaterThanOrEqual(box!.y - 1e-9);
    expect(placed.x + placed.width).toBeLessThanOrEqual(box!.x + box!.width + 1e-9);
    expect(placed.y + placed.height).toBeLessThanOrEqual(box!.y + box!.height + 1e-9);
    expect(placed.height).toBeCloseTo(box!.height, 9);
    expect(placed.x - box!.x).toBeCloseTo(box!.x + box!.width - (placed.x + placed.width), 9);
  });

  it('cover: places the picture larger than its frame, which crops it', () => {
    const covering = withLayout(template, { image: { field: 'image', fit: 'cover' } });
    const tall = { '/photos/a.jpg': { ...GOOD_PICTURE, pixels: { width: 600, height: 1200 } } };
    const [box] = images(layOne(covering, imageFile('a.jpg'), tall));
    const { placed } = box!;
    expect(placed.width).toBeCloseTo(box!.width, 9);
    expect(placed.height).toBeGreaterThan(box!.height);
    expect(placed.y).toBeLessThan(box!.y);
    expect(placed.y + placed.height).toBeGreaterThan(box!.y + box!.height);
    expect(placed.width / placed.height).toBeCloseTo(0.5, 9);
  });
});

describe('a template without a picture field', () => {
  it('draws no picture frame at all', () => {
    const { image: _image, ...layout } = list.layout!;
    const plan = layOne({ ...list, layout }, imageFile('VIS-4X30.jpg'), everyPicture);
    expect(images(plan)).toEqual([]);
    expect(placeholders(plan)).toEqual([]);
  });
});
