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

type Family = {
  name: string;
  prefix: string;
  items: string[];
  sizes: string[];
  units: string[];
  /** Price range in euros before tax; drawn log-uniformly between the two. */
  price: [number, number];
  /** Workwear carries colours and sizes, which only the product grid shows. */
  apparel?: boolean;
  /** Books and some food items take the reduced VAT rate. */
  reducedVat?: boolean;
};

// Twenty families, each split in two by material or range below: forty groups, as a supplier's
// catalog of this size typically has.
const FAMILIES: Family[] = [
  {
    name: 'Visserie',
    prefix: 'VIS',
    items: ['Vis à bois tête fraisée', 'Vis agglo tête fraisée', 'Vis à tôle tête cylindrique', 'Tire-fond'],
    sizes: ['3×16', '3,5×30', '4×40', '5×50', '6×80', '8×100'],
    units: ['Boîte de 100', 'Boîte de 200', 'Sachet de 25', 'Seau de 1000'],
    price: [2.1, 48],
  },
  {
    name: 'Fixation',
    prefix: 'FIX',
    items: ['Cheville nylon', 'Cheville à expansion', 'Cheville Molly', 'Goujon d’ancrage'],
    sizes: ['Ø 6 mm', 'Ø 8 mm', 'Ø 10 mm', 'Ø 12 mm', 'M8×75', 'M10×95'],
    units: ['Boîte de 50', 'Sachet de 10', 'Boîte de 100'],
    price: [1.9, 64],
  },
  {
    name: 'Outillage à main',
    prefix: 'OUT',
    items: [
      'Marteau de menuisier',
      'Tournevis plat',
      'Tournevis cruciforme',
      'Pince universelle',
      'Scie égoïne',
    ],
    sizes: ['180 mm', '200 mm', 'PH2', '5,5×125', '500 g', '550 mm'],
    units: ['À l’unité', 'Carton de 6', 'Présentoir de 12'],
    price: [4.5, 89],
  },
  {
    name: 'Quincaillerie de meuble',
    prefix: 'MEU',
    items: ['Charnière invisible', 'Coulisse à billes', 'Poignée de meuble', 'Équerre d’assemblage'],
    sizes: ['35 mm', '350 mm', '450 mm', 'entraxe 128 mm', '40×40'],
    units: ['Paire', 'Sachet de 4', 'À l’unité', 'Boîte de 20'],
    price: [0.9, 36],
  },
  {
    name: 'Serrurerie',
    prefix: 'SER',
    items: ['Cylindre européen', 'Cadenas laiton', 'Verrou à bouton', 'Serrure en applique'],
    sizes: ['30×30', '30×40', '40 mm', '50 mm', '80 mm'],
    units: ['À l’unité', 'Blister', 'Carton de 10'],
    price: [6.8, 145],
  },
  {
    name: 'Électricité',
    prefix: 'ELE',
    items: ['Prise 2P+T', 'Interrupteur va-et-vient', 'Gaine ICTA', 'Boîte d’encastrement', 'Domino'],
    sizes: ['16 A', '10 A', 'Ø 20 mm', 'Ø 67 mm', '2,5 mm²'],
    units: ['À l’unité', 'Couronne de 100 m', 'Boîte de 10', 'Sachet de 5'],
    price: [0.45, 72],
  },
  {
    name: 'Plomberie',
    prefix: 'PLO',
    items: [
      'Raccord à sertir',
      'Robinet d’arrêt',
      'Siphon de lavabo',
      'Flexible inox',
      'Collier de fixation',
    ],
    sizes: ['Ø 12', 'Ø 16', 'Ø 20', '15×21', '20×27', '1/2"'],
    units: ['À l’unité', 'Sachet de 2', 'Boîte de 10'],
    price: [1.2, 58],
  },
  {
    name: 'Peinture et droguerie',
    prefix: 'PEI',
    items: ['Peinture acrylique mate', 'Sous-couche universelle', 'Rouleau laqueur', 'Pinceau à rechampir'],
    sizes: ['0,5 L', '2,5 L', '10 L', '110 mm', 'n° 12'],
    units: ['Pot', 'Seau', 'À l’unité', 'Lot de 3'],
    price: [3.9, 129],
  },
  {
    name: 'Jardin',
    prefix: 'JAR',
    items: ['Sécateur à lame franche', 'Tuyau d’arrosage', 'Raccord rapide', 'Bêche forgée', 'Arrosoir'],
    sizes: ['20 mm', '25 m', '50 m', '10 L', 'Ø 19'],
    units: ['À l’unité', 'Carton de 4', 'Couronne'],
    price: [2.5, 98],
  },
  {
    name: 'Colles et mastics',
    prefix: 'COL',
    items: ['Mastic silicone sanitaire', 'Colle néoprène', 'Mousse expansive', 'Colle à bois vinylique'],
    sizes: ['310 ml', '125 ml', '500 ml', '750 ml', '1 kg'],
    units: ['Cartouche', 'Tube', 'Aérosol', 'Carton de 12'],
    price: [3.2, 46],
  },
  {
    name: 'Abrasifs',
    prefix: 'ABR',
    items: ['Disque à tronçonner', 'Disque à lamelles', 'Papier abrasif', 'Éponge abrasive'],
    sizes: ['Ø 125', 'Ø 115', 'grain 80', 'grain 120', 'grain 240'],
    units: ['Boîte de 10', 'Rouleau de 5 m', 'Lot de 25'],
    price: [2.9, 54],
  },
  {
    name: 'Éclairage',
    prefix: 'ECL',
    items: ['Ampoule LED E27', 'Réglette étanche', 'Projecteur LED', 'Spot encastrable'],
    sizes: ['8 W', '12 W', '20 W', '50 W', '4000 K'],
    units: ['À l’unité', 'Lot de 3', 'Carton de 10'],
    price: [2.2, 119],
  },
  {
    name: 'Équipement de protection',
    prefix: 'EPI',
    items: ['Gants de manutention', 'Lunettes de protection', 'Masque FFP2', 'Casque antibruit'],
    sizes: ['T8', 'T9', 'T10', 'SNR 30 dB', 'EN 166'],
    units: ['Paire', 'Boîte de 20', 'À l’unité'],
    price: [0.8, 39],
  },
  {
    name: 'Vêtements de travail',
    prefix: 'VET',
    items: ['Pantalon multipoches', 'Veste softshell', 'Tee-shirt coton', 'Gilet haute visibilité'],
    sizes: ['Coupe droite', 'Coupe ajustée', 'Manches longues'],
    units: ['À l’unité', 'Lot de 2'],
    price: [7.5, 89],
    apparel: true,
  },
  {
    name: 'Chaussures de sécurité',
    prefix: 'CHS',
    items: ['Chaussure basse S3', 'Chaussure haute S3', 'Botte PVC', 'Sabot de cuisine'],
    sizes: ['Embout composite', 'Embout acier', 'Semelle antiperforation'],
    units: ['Paire'],
    price: [24, 159],
    apparel: true,
  },
  {
    name: 'Rangement et manutention',
    prefix: 'RAN',
    items: ['Caisse à outils', 'Servante d’atelier', 'Bac à bec', 'Diable pliant'],
    sizes: ['19"', '22"', '7 tiroirs', '100 kg', '200 kg'],
    units: ['À l’unité'],
    price: [6.5, 489],
  },
  {
    name: 'Mesure et traçage',
    prefix: 'MES',
    items: ['Mètre ruban', 'Niveau à bulle', 'Équerre de menuisier', 'Cordeau traceur'],
    sizes: ['3 m', '5 m', '8 m', '60 cm', '120 cm'],
    units: ['À l’unité', 'Présentoir de 12'],
    price: [2.9, 68],
  },
  {
    name: 'Librairie technique',
    prefix: 'LIB',
    items: ['Guide de l’électricité', 'Manuel du plombier', 'Mémento de la menuiserie'],
    sizes: ['Édition 2026', 'Édition 2025', 'Format poche'],
    units: ['À l’unité'],
    price: [9.9, 42],
    reducedVat: true,
  },
  {
    name: 'Chauffage et ventilation',
    prefix: 'CHA',
    items: ['Radiateur à inertie', 'Bouche d’extraction', 'Thermostat programmable', 'Aérateur hélicoïde'],
    sizes: ['1000 W', '1500 W', 'Ø 100', 'Ø 125', '2000 W'],
    units: ['À l’unité', 'Carton de 2'],
    price: [8.5, 399],
  },
  {
    name: 'Sanitaire',
    prefix: 'SAN',
    items: ['Mitigeur de lavabo', 'Abattant WC', 'Pomme de douche', 'Mécanisme de chasse'],
    sizes: ['Chromé', 'Blanc', 'Noir mat', '3 jets'],
    units: ['À l’unité', 'Carton de 4'],
    price: [11, 249],
  },
];
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
