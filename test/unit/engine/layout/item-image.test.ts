import { describe, expect, it } from 'vitest';
import { layoutCatalog, type LayoutOptions } from '../../../../main/engine/layout/layout-catalog.ts';
import type { ImageBox, LayoutPlan, RectBox, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { PLACEHOLDER_STROKE } from '../../../../main/engine/layout/item-image.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
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

/** One product, with the given picture value (or none), laid out alone. */
function layOne(
  template: Template,
  image: FieldValue | undefined,
  pictures: LayoutOptions['images'],
  lang: 'fr' | 'en' = 'fr',
) {
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
    options(lang, pictures),
  );
}

const all = (plan: LayoutPlan) => plan.pages.flatMap((p) => p.boxes);
const images = (plan: LayoutPlan) => all(plan).filter((b): b is ImageBox => b.kind === 'image');
/** The placeholder's hairline frame (no fill: a frame on the paper, not a grey box). */
const placeholders = (plan: LayoutPlan) =>
  all(plan).filter(
    (b): b is RectBox => b.kind === 'rect' && String(b.stroke) === String(PLACEHOLDER_STROKE) && !b.fill,
  );
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;
/** The words inside a placeholder's frame (the style's name is translated in an English build). */
const placeholderWords = (plan: LayoutPlan) =>
  all(plan)
    .filter(
      (b): b is TextBox =>
        b.kind === 'text' && b.row === undefined && placeholders(plan).some((frame) => inside(b, frame)),
    )
    .map((b) => b.lines.flatMap((l) => l.runs.map((r) => r.text)).join(' '));
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
    // The labelled placeholder stands where the picture would have gone.
    const [frame, ...others] = placeholders(plan);
    expect(others).toEqual([]);
    expect(inside(frame!, box!)).toBe(true);
    expect(placeholderWords(plan)).toEqual(['Photo à venir']);
  });

  it('gives a product without any picture value a labelled placeholder, in its language', () => {
    const plan = layOne(template, undefined, everyPicture);
    expect(images(plan)).toEqual([]);
    expect(placeholders(plan)).toHaveLength(1);
    expect(placeholderWords(plan)).toEqual(['Photo à venir']);
    expect(placeholderWords(layOne(template, undefined, everyPicture, 'en'))).toEqual(['Photo coming soon']);
    // The words sit inside the hairline frame, centred on it.
    const [frame] = placeholders(plan);
    const words = all(plan).find(
      (b) => b.kind === 'text' && b.style === DEFAULT_PARAGRAPH_STYLES.imagePlaceholder.name,
    )!;
    expect(inside(words, frame!)).toBe(true);
    expect(words.y + words.height / 2).toBeCloseTo(frame!.y + frame!.height / 2, 6);
  });

  it("collapses: without a picture, no frame and no words, when the template says 'collapse'", () => {
    const collapsing = withLayout(template, {
      image: { ...template.layout!.image!, missing: 'collapse' },
    });
    const plan = layOne(collapsing, undefined, everyPicture);
    expect(images(plan)).toEqual([]);
    expect(placeholders(plan)).toEqual([]);
    expect(placeholderWords(plan)).toEqual([]);
    // A file that is named but cannot be read still keeps its frame, for preflight to point at.
    expect(images(layOne(collapsing, imageFile('VIS-4X30.jpg'), {}))).toHaveLength(1);
  });

  it("runs the picture's own backdrop to the edge of its room only when the template asks", () => {
    const edge = {
      cmyk: [12, 4, 2, 0] as [number, number, number, number],
      rgb: [220, 230, 236] as [number, number, number],
    };
    const pictures = { '/photos/e.jpg': { ...GOOD_PICTURE, source: { path: '/photos/e.jpg' }, edge } };
    const fills = (plan: LayoutPlan) =>
      all(plan).filter((b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(edge.cmyk));
    expect(fills(layOne(template, imageFile('e.jpg'), pictures))).toEqual([]);
    const edged = withLayout(template, { image: { ...template.layout!.image!, background: 'edge' } });
    const plan = layOne(edged, imageFile('e.jpg'), pictures);
    const [fill, ...more] = fills(plan);
    expect(more).toEqual([]);
    expect(fill!.fillRgb).toEqual(edge.rgb);
    // Drawn first, under the picture, around all of it.
    const [box] = images(plan);
    expect(all(plan).indexOf(fill!)).toBeLessThan(all(plan).indexOf(box!));
    expect(inside(box!, fill!)).toBe(true);
    expect(fill!.width * fill!.height).toBeGreaterThan(box!.width * box!.height);
  });

  it('gives a picture validation could not find (a name, no path) only the placeholder', () => {
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

  it('contain: the frame shrinks to the whole picture, centred where the frame was', () => {
    const tall = { '/photos/a.jpg': { ...GOOD_PICTURE, pixels: { width: 600, height: 1200 } } };
    const [box] = images(layOne(template, imageFile('a.jpg'), tall));
    const { placed } = box!;
    // No second frame: the box is the picture itself.
    expect(frameOf(box!)).toEqual(placed);
    expect(placed.width / placed.height).toBeCloseTo(0.5, 9);
    // Centred on the room the product gives its picture: the same square of paper as a product
    // without a picture gets for its placeholder.
    const room = placeholders(layOne(template, undefined, everyPicture))[0]!;
    expect(placed.x + placed.width / 2).toBeCloseTo(room.x + room.width / 2, 6);
    expect(placed.y + placed.height / 2).toBeCloseTo(room.y + room.height / 2, 6);
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
