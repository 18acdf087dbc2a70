// Small hand-made catalogs for the layout and preflight tests: three families of hardware products,
// the second long enough to run onto another page in every built-in template, each product with a
// picture file, some with rich descriptions. Plus the options and pictures layout takes.
import type { LayoutOptions } from '../../../../main/engine/layout/layout-catalog.ts';
import type { ResolvedImage, ResolvedImages } from '../../../../main/engine/layout/resolved-images.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import type { Catalog, CatalogGroup, CatalogItem, FieldValue, Lang } from '../../../../main/engine/model.ts';
import type { Layout } from '../../../../main/engine/templates/layout-schema.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { givenMoney } from '../../../../main/engine/money/given-money.ts';

export const EUROS_20 = givenMoney({ currency: 'EUR', vat: 0.2, basis: 'excl' });

export const SHEET = 'Tarif 2026';
export const TITLE = 'Quincaillerie Martin — Tarif 2026';
export const DATE = { fr: '5 janvier 2026', en: 'January 5, 2026' } as const;

export const text = (value: string): FieldValue => ({ kind: 'text', value });
export const price = (value: number): FieldValue => ({ kind: 'price', value });
/** A picture file the sheet names; it reads well (`everyPicture` holds it) unless a test says otherwise. */
export function imageFile(name: string): FieldValue {
  const path = `/photos/${name}`;
  everyPicture[path] ??= { ...GOOD_PICTURE, source: { path } };
  return { kind: 'image', path, name };
}

export function item(row: number, group: string, fields: Record<string, FieldValue>): CatalogItem {
  return { row, group, fields, images: [] };
}

export function catalogOf(groups: CatalogGroup[], template = 'product-grid'): Catalog {
  return {
    source: { file: 'tarif.xlsx', sheet: SHEET },
    template,
    items: groups.flatMap((g) => g.items),
    groups,
    // Prices in euros before tax, 20 % VAT: given outright, as a user's settings would give them.
    money: EUROS_20,
  };
}

export const FAMILIES = ['Visserie', 'Outillage', 'Quincaillerie'] as const;

const NAMES = [
  'Vis à bois tête fraisée',
  'Cheville nylon',
  'Marteau de charpentier',
  'Tournevis cruciforme',
  'Équerre de fixation renforcée',
  'Charnière inox',
  'Clé plate double',
];

/** A product as a marketer's sheet gives it: reference, name, description, unit, price, picture. */
export function product(row: number, group: string, i: number): CatalogItem {
  const reference = `${group.slice(0, 3).toUpperCase()}-${i + 1}`;
  const description: FieldValue =
    i % 3 === 0
      ? {
          kind: 'rich',
          value: 'Acier zingué — boîte de 200',
          runs: [
            { text: 'Acier ' },
            { text: 'zingué', bold: true },
            { text: ' — boîte de 200', italic: true },
          ],
        }
      : text('Pour bois tendre et dur, usage intérieur.');
  return item(row, group, {
    reference: text(reference),
    name: text(`${NAMES[i % NAMES.length]} ${i + 1}`),
    description,
    unit: text('Boîte de 100'),
    price: price(4.9 + i * 12.25),
    image: imageFile(`${reference}.jpg`),
  });
}

/** Three families of `counts` products, rows numbered from 5 as under a title and a header row. */
export function threeFamilies(counts: readonly [number, number, number], template?: string): Catalog {
  let row = 5;
  const groups = FAMILIES.map((name, g) => ({
    name,
    items: Array.from({ length: counts[g]! }, (_, i) => product(row++, name, i)),
  }));
  return catalogOf(groups, template);
}

/**
 * About 25 products per template; the second family runs past one page in each (a grid page holds
 * 9 cards, a list page about 9 rows, a price-list page about 40 rows).
 */
export const COUNTS: Record<string, readonly [number, number, number]> = {
  'product-grid': [4, 14, 7],
  'list-catalog': [5, 14, 6],
  'price-list': [6, 50, 6],
};

/** A picture that reads: 1200 × 900 sRGB pixels, plenty for a card at 300 ppi. */
export const GOOD_PICTURE: ResolvedImage = {
  source: { path: '/photos/any.jpg' },
  pixels: { width: 1200, height: 900 },
  space: 'srgb',
};

/**
 * Every picture file the products made here name, each read as `GOOD_PICTURE`: `imageFile` adds
 * its path, so a test's own products are found too (layout takes the pictures as plain data).
 */
export const everyPicture: ResolvedImages = {};

export function options(lang: Lang = 'fr', images: ResolvedImages = everyPicture): LayoutOptions {
  return {
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    lang,
    title: TITLE,
    date: DATE[lang],
    images,
    fonts: BUNDLED_FONTS,
  };
}

/** The template with some of its layout changed, the way a designer's copy differs. */
export function withLayout(template: Template, change: Partial<Layout>): Template {
  return { ...template, layout: { ...template.layout!, ...change } };
}

export function withGrouping(template: Template, change: Partial<Layout['grouping']>): Template {
  return withLayout(template, { grouping: { ...template.layout!.grouping, ...change } });
}
