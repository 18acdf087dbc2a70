import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogItem, EmbeddedImage } from '../../../../../main/engine/model.ts';
import { Template } from '../../../../../main/engine/templates/template.ts';
import {
  planEmbeddedImages,
  safeStem,
} from '../../../../../main/engine/export/data-merge/embedded-image-files.ts';

const template = Template.parse({
  id: 'test',
  name: { fr: 'Test', en: 'Test' },
  fields: [
    { id: 'reference', label: { fr: 'Référence', en: 'Reference' }, type: 'text' },
    { id: 'image', label: { fr: 'Photo', en: 'Image' }, type: 'image' },
    { id: 'packshot', label: { fr: 'Packshot', en: 'Packshot' }, type: 'image' },
  ],
});

const picture = (row: number, extension = 'jpeg'): EmbeddedImage => ({
  row,
  column: 7,
  extension,
  bytes: new Uint8Array([row]),
});

const item = (row: number, reference: string | undefined, images: EmbeddedImage[]): CatalogItem => ({
  row,
  fields: {
    ...(reference ? { reference: { kind: 'text', value: reference } } : {}),
    ...(images.length ? { image: { kind: 'image', embedded: 0 } } : {}),
  },
  images,
});

describe('planEmbeddedImages', () => {
  it('names each picture after its reference, or its row, once, whatever the case of the disk', () => {
    const shared = picture(9);
    const items = [
      item(6, 'CAD-40', [picture(6)]),
      item(7, 'cad-40', [picture(7, '.PNG')]),
      item(8, undefined, [picture(8)]),
      item(9, 'a/b: "c"?', [shared]),
      item(10, 'VIS', []),
    ];
    // The same picture shown by two image fields is written once.
    items[3]!.fields.packshot = { kind: 'image', embedded: 0 };
    // A picture the images folder already has a file for is linked, not written.
    items[4]!.fields.image = { kind: 'image', path: '/photos/VIS.jpg', embedded: 0 };
    items[4]!.images = [picture(10)];
    const catalog: Catalog = {
      source: { file: 'x.xlsx', sheet: 'S' },
      template: 'test',
      items,
      groups: [{ name: '', items }],
    };
    const plan = planEmbeddedImages(catalog, template);
    expect(plan.files.map((f) => f.file)).toEqual([
      'CAD-40.jpeg',
      'cad-40.png',
      'row-8.jpeg',
      'a-b- -c--.jpeg',
    ]);
    expect(plan.fileOf.get(shared)).toBe('a-b- -c--.jpeg');
  });

  it('gives a reference repeated in the sheet a second name', () => {
    const items = [item(9, 'CHE-6', [picture(9)]), item(10, 'CHE-6', [picture(10)])];
    const catalog: Catalog = {
      source: { file: 'x.xlsx', sheet: 'S' },
      template: 'test',
      items,
      groups: [{ name: '', items }],
    };
    expect(planEmbeddedImages(catalog, template).files.map((f) => f.file)).toEqual([
      'CHE-6.jpeg',
      'CHE-6-row-10.jpeg',
    ]);
  });
});

describe('safeStem', () => {
  it('keeps a name every system accepts', () => {
    expect(safeStem('VIS-4x40')).toBe('VIS-4x40');
    expect(safeStem('  ..caché. ')).toBe('caché');
    expect(safeStem('CON')).toBe('CON_');
    expect(safeStem('///')).toBe('---');
    expect(safeStem(' . ')).toBeUndefined();
  });
});
