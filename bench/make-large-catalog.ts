// Builds the catalog the render benchmark lays out and exports: a French hardware and trade supplier's
// range, as validation would hand it to the output engine (typed fields, items grouped by family),
// scaled to any number of products. Built in memory rather than imported from a workbook so that the
// render benchmark measures the output engine alone; the import has its own benchmark.
//
// A seeded generator gives the same catalog for the same product count. Every product that has a
// photo names one of a handful of sample pictures by path, so image preparation runs for real but
// each distinct picture is decoded once, as it would be in a catalog whose products share photos.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogGroup, CatalogItem, FieldValue, TextRun } from '../main/engine/model.ts';
import { seededRandom } from './seeded-random.ts';
import { FAMILIES } from './product-families.ts';

export const DEFAULT_PRODUCTS = 10_000;
/** The sheet the products are said to come from: preflight names their rows in it. */
export const CATALOG_SHEET = 'Tarif 2026';
const GROUP_COUNT = 40;
const IMAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'samples', 'images');
/** Distinct pictures shared by all products: enough to be several XObjects, few enough to cache. */
export const IMAGE_FILES = [
  'BOU-M8.jpg',
  'CAD-40.jpg',
  'CHE-6.jpg',
  'CLE-13.jpg',
  'MAR-500.jpg',
  'NIV-60.jpg',
  'TOU-PZ2.jpg',
  'VIS-4x40.jpg',
].map((name) => path.join(IMAGES_DIR, name));

const RANGES = ['Gamme pro', 'Gamme essentielle'] as const;
const MATERIALS = ['Acier zingué', 'Inox A2', 'Inox A4', 'Laiton', 'Acier bichromaté', 'Nylon', 'Aluminium'];
const BRANDS = ['Dupont Pro', 'Fixalu', 'Outimax', 'Stelmet', 'Brico Ouest', 'Serrurix', 'Électra'];
const USES = [
  'pour bois tendre et dur.',
  'usage intérieur et extérieur.',
  'convient aux matériaux creux.',
  'finition soignée, montage rapide.',
  'conforme à la norme NF.',
  'résiste à la corrosion en milieu humide.',
  'livré avec notice de pose « pas à pas ».',
];
const EXTRAS = [
  'Garantie 2 ans.',
  'Existe en coloris assortis.',
  'Compatible avec l’ensemble de la gamme.',
  'Fabriqué en France, à Saint-Étienne.',
  'Produit éco-conçu : emballage carton recyclé.',
];
const COLOURS = ['Gris anthracite', 'Bleu marine', 'Noir', 'Jaune fluo', 'Orange fluo', 'Kaki'];
const APPAREL_SIZES = ['XS à XXL', 'S à 3XL', 'Du 38 au 48', 'Du 36 au 47', 'Taille unique'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** EAN-13 from its first 12 digits, with the GS1 check digit (weights 1,3,1,3… from the left). */
function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

/** One to three sentences, the material in bold when the sheet had rich text (about one in three). */
function description(random: () => number, material: string): FieldValue {
  const use = pick(random, USES);
  const sentences = [`${material}, ${use}`];
  if (random() < 0.6) sentences.push(pick(random, EXTRAS));
  // An Alt+Enter line break in the cell, kept as a forced break.
  const text = random() < 0.15 ? sentences.join('\n') : sentences.join(' ');
  if (random() >= 0.35) return { kind: 'text', value: text };
  const runs: TextRun[] = [{ text: material, bold: true }, { text: text.slice(material.length) }];
  return { kind: 'rich', value: text, runs };
}

/**
 * Products split across 40 groups of uneven size (about half to one and a half times the mean),
 * every group getting at least one, so small catalogs keep the same structure as large ones.
 */
function groupSizes(random: () => number, products: number): number[] {
  const weights = Array.from({ length: GROUP_COUNT }, () => 0.5 + random());
  const total = weights.reduce((s, w) => s + w, 0);
  const count = Math.min(GROUP_COUNT, products);
  const sizes = weights.slice(0, count).map((w) => Math.max(1, Math.floor((w / total) * products)));
  // Rounding down leaves a few products over: the first groups take them.
  let left = products - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) sizes[i]!++;
  return sizes;
}

export function makeLargeCatalog(products: number = DEFAULT_PRODUCTS): Catalog {
  const random = seededRandom(products);
  const sizes = groupSizes(random, products);
  const groups: CatalogGroup[] = [];
  const items: CatalogItem[] = [];
  // Sheet rows as the supplier's workbook would have them: a title, the header at row 3, then a
  // category row above each group's products.
  let row = 3;
  let serial = 0;
  sizes.forEach((size, g) => {
    const family = FAMILIES[Math.floor(g / RANGES.length) % FAMILIES.length]!;
    const name = `${family.name} — ${RANGES[g % RANGES.length]}`;
    row++;
    const group: CatalogGroup = { name, items: [] };
    for (let i = 0; i < size; i++) {
      serial++;
      row++;
      const material = pick(random, MATERIALS);
      const price = round2(
        Math.exp(Math.log(family.price[0]) + random() * Math.log(family.price[1] / family.price[0])),
      );
      const vat = family.reducedVat ? 0.055 : 0.2;
      const fields: Record<string, FieldValue> = {
        reference: { kind: 'text', value: `${family.prefix}-${String(serial).padStart(5, '0')}` },
        name: { kind: 'text', value: `${pick(random, family.items)} ${pick(random, family.sizes)}` },
        description: description(random, material),
        brand: { kind: 'text', value: pick(random, BRANDS) },
        category: { kind: 'text', value: name },
        price: { kind: 'price', value: price, currency: 'EUR' },
        priceTtc: { kind: 'price', value: round2(price * (1 + vat)), currency: 'EUR' },
        vat: { kind: 'percent', value: vat },
        unit: { kind: 'text', value: pick(random, family.units) },
        ean: { kind: 'ean', value: ean13(`376${String(1_000_000_000 + serial * 7).slice(1)}`) },
        minQty: { kind: 'number', value: pick(random, [1, 1, 1, 5, 10, 25, 100]) },
      };
      // One product in twelve has no photo yet: layout draws its empty frame.
      if (random() >= 1 / 12) {
        const file = pick(random, IMAGE_FILES);
        fields.image = { kind: 'image', path: file, name: path.basename(file) };
      }
      if (family.apparel) {
        fields.color = { kind: 'text', value: pick(random, COLOURS) };
        fields.sizes = { kind: 'text', value: pick(random, APPAREL_SIZES) };
      }
      const item: CatalogItem = { row, group: name, fields, images: [] };
      group.items.push(item);
      items.push(item);
    }
    groups.push(group);
  });
  return {
    source: { file: `tarif-${products}.xlsx`, sheet: CATALOG_SHEET },
    template: 'product-grid',
    items,
    groups,
  };
}
