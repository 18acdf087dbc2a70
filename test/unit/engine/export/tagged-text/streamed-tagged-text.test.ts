// The streamed export (definitions settled by a first pass, then the text a paragraph or a table row
// at a time, encoded and written a megabyte at a time) must give the very bytes the one-string
// builder gives: same styles in the same order, same swatches, same text. Checked against that
// builder, kept frozen in one-string-oracle.ts, on catalogs built to move the order in which styles
// and swatches are first used: unnamed first group, one-line first table, shared style names, a
// slot no product fills, variants, both variants of the file.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLargeCatalog } from '../../../../../bench/make-large-catalog.ts';
import {
  buildTaggedText,
  type TaggedTextOptions,
} from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { writeTaggedText } from '../../../../../main/engine/export/tagged-text/write-tagged-text.ts';
import type { Catalog, CatalogGroup } from '../../../../../main/engine/model.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../../main/engine/templates/layout-schema.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import { tempDir } from '../../../../fixtures/workbooks.ts';
import { parseTaggedTextFile } from '../../../../support/tagged-text-grammar.ts';
import { oneStringTaggedText } from './one-string-oracle.ts';
import { smallCatalog } from './small-catalog.ts';

const dir = tempDir('tagged-text-streamed-');
afterAll(() => rm(dir, { recursive: true, force: true }));

const TEMPLATES = ['product-grid', 'list-catalog', 'price-list'] as const;
const templates = Object.fromEntries(
  await Promise.all(TEMPLATES.map(async (id) => [id, await loadTemplate(id)] as const)),
) as Record<(typeof TEMPLATES)[number], Template>;

const FR: TaggedTextOptions = { locale: 'fr-FR', lang: 'fr', title: 'Quincaillerie Dupont — Tarif 2026' };

const regroup = (catalog: Catalog, groups: CatalogGroup[]): Catalog => ({
  ...catalog,
  groups,
  items: groups.flatMap((g) => g.items),
});

/** Catalogs whose first uses of styles and swatches come in other orders than the usual one. */
function catalogs(id: string): [string, Catalog][] {
  const large = makeLargeCatalog(240);
  const [a, b, c] = large.groups;
  return [
    ['the small hand-made catalog', smallCatalog(id)],
    ['240 generated products', large],
    // The group header style is first used after the table styles (or the card styles).
    ['an unnamed first group', regroup(large, [{ ...a!, name: '' }, b!, c!])],
    // The stripe swatch is first used in the second table, not the first.
    ['a one-product first group', regroup(large, [{ name: 'Seul', items: a!.items.slice(0, 1) }, b!])],
    // Variant lines are table rows of their own, striped with the rest.
    [
      'products with variants',
      regroup(large, [
        {
          name: 'Déclinaisons',
          items: [{ ...a!.items[0]!, variants: [a!.items[1]!, a!.items[2]!] }, ...b!.items.slice(0, 3)],
        },
      ]),
    ],
    // A slot no product fills: its style is never used, so the first pass reads every product.
    [
      'no product with a description, the last with an EAN only',
      regroup(large, [
        {
          name: 'Sans description',
          items: a!.items.map((item, i, all) => {
            const { description: _d, ean, ...fields } = item.fields;
            return { ...item, fields: i === all.length - 1 && ean ? { ...fields, ean } : fields };
          }),
        },
      ]),
    ],
    ['no money given (no legend, plain amounts)', { ...large, money: undefined }],
  ];
}

/** Template changes that move styles: shared names, no group headers, one swatch for both fills. */
function variants(template: Template): [string, Template][] {
  const layout = template.layout!;
  const shared = DEFAULT_PARAGRAPH_STYLES.tableCell!;
  return [
    ['as shipped', template],
    [
      'without group headers',
      { ...template, layout: { ...layout, grouping: { ...layout.grouping, header: false } } },
    ],
    [
      'header, cells, details and group headers sharing one style name',
      {
        ...template,
        styles: {
          ...template.styles,
          paragraph: {
            ...template.styles.paragraph,
            tableHeader: { ...shared, align: 'center' },
            detail: shared,
            groupHeader: { ...shared, size: 14 },
          },
        },
      },
    ],
    ...(layout.table
      ? ([
          [
            'stripes in the header colour',
            {
              ...template,
              layout: { ...layout, table: { ...layout.table, stripeFill: layout.table.headerFill } },
            },
          ],
        ] as [string, Template][])
      : []),
  ];
}

describe.each(TEMPLATES)('streamed tagged text = the one-string builder: %s', (id) => {
  for (const [what, template] of variants(templates[id]))
    for (const [catalogName, catalog] of catalogs(id))
      it(`${what}, ${catalogName}`, () => {
        for (const options of [FR, { locale: 'en-GB', lang: 'en', variant: 'mac' } as const]) {
          const expected = oneStringTaggedText(catalog, template, options);
          expect(buildTaggedText(catalog, template, options)).toBe(expected);
        }
      });

  it('writes the same bytes, Windows and Mac', async () => {
    const template = templates[id];
    const catalog = makeLargeCatalog(240);
    for (const variant of ['win', 'mac'] as const) {
      const options = { ...FR, variant };
      const path = join(dir, `${id}-${variant}.txt`);
      await writeTaggedText(path, catalog, template, options);
      const bytes = new Uint8Array(await readFile(path));
      const expected = encodeTaggedText(oneStringTaggedText(catalog, template, options), variant);
      expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
      parseTaggedTextFile(bytes);
    }
  });
});

describe('streamed tagged text: a file of several megabytes', () => {
  it('writes a price list of many pieces byte for byte as the one-string builder', async () => {
    // Table and cell styles keep a row to about 530 bytes: 10,000 products make several megabytes.
    const catalog = makeLargeCatalog(10_000);
    const template = templates['price-list'];
    const path = join(dir, 'large.txt');
    await writeTaggedText(path, catalog, template, FR);
    const bytes = await readFile(path);
    // Several pieces of a megabyte: the joins between them are part of what is compared.
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(bytes.equals(Buffer.from(encodeTaggedText(oneStringTaggedText(catalog, template, FR))))).toBe(
      true,
    );
  });
});
