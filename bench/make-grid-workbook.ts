// Writes the synthetic print-trade workbook the price-grid benchmark reads: the shape of
// samples/imprimerie-revendeurs-2027.xlsx (matrix sheets of families, a reseller sheet, Niveaux,
// Familles, Conditions) scaled to a batch worth timing — by default 12 families of 6 tiers × 4
// variants and 40 resellers. Values come from a seeded generator: the same options give the same
// content on every run and every machine.
//
// Usage: node --import tsx bench/make-grid-workbook.ts [OUT.xlsx] [--resellers N] [--families N] [--seed N]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { seededRandom } from './seeded-random.ts';

export type GridWorkbookOptions = {
  resellers?: number;
  families?: number;
  seed?: number;
  /** Families per matrix sheet (blocks under merged titles, separated by a blank row). */
  familiesPerSheet?: number;
  /** When given, one PNG logo per reseller is written there and named in the Logo column. */
  logosDir?: string;
};

/** What the benchmark needs to know about the file without reading it. */
export type GridWorkbook = {
  path: string;
  families: string[];
  gridSheets: string[];
  resellers: string[];
  /** Resellers with a password: their screen PDFs are encrypted. */
  withPassword: number;
  tiers: number[];
  variants: number;
  /** Price cells that are not available (« sur devis », « – »). */
  notAvailable: number;
  logos: number;
};

export const TIERS = [100, 250, 500, 1000, 2500, 5000];
const TIER_LABELS = ['100 ex.', '250 ex.', '500 ex.', '1 000 ex.', '2 500 ex.', '5 000 ex.'];
// How much an order of each tier costs relative to 100 copies: the unit price falls with quantity.
const TIER_FACTORS = [1, 1.28, 1.65, 2.3, 4.4, 7.3];
const VARIANTS = ['Recto 135 g', 'Recto/verso 135 g', 'Recto/verso 250 g', 'Pelliculé mat recto/verso'];
const VARIANT_FACTORS = [1, 1.18, 1.42, 1.75];

const PRODUCTS = [
  'Cartes de visite',
  'Flyers',
  'Dépliants',
  'Affiches',
  'Brochures',
  'Cartes postales',
  'Marque-pages',
  'Étiquettes',
  'Enveloppes',
  'Papier en-tête',
  'Chemises à rabats',
  'Calendriers',
  'Menus',
  'Sets de table',
  'Invitations',
  'Autocollants',
];
const FORMATS = ['A6', 'A5', 'A4', 'A3', 'DL', '85×55', '10×15', '21×21'];
const LEVELS: [level: string, discount: number][] = [
  ['Bronze', 0.05],
  ['Argent', 0.1],
  ['Or', 0.15],
];
const SHOP_WORDS = ['Imprim', 'Copie', 'Print', 'Repro', 'Graphic', 'Papier', 'Studio', 'Atelier', 'Express'];
const SHOP_ENDS = ['Services', 'Plus', 'Center', 'Pro', 'Shop', 'Design', '& Co', 'Conseil'];
const CITIES = [
  'Lyon',
  'Lille',
  'Nantes',
  'Rennes',
  'Bordeaux',
  'Toulouse',
  'Nice',
  'Bruxelles',
  'Liège',
  'Dijon',
];
const LOGO_COLOURS = ['#e63946', '#2a9d8f', '#e9c46a', '#f4a261', '#264653', '#8338ec', '#1d3557', '#06d6a0'];

const EURO_FORMAT = '#,##0.00\\ "€"';
const PERCENT_FORMAT = '0%';
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5));

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const cents = (n: number): number => Math.round(n * 100) / 100;
const textPrice = (n: number): string => `${n.toFixed(2).replace('.', ',')}\u00a0€`;
const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function headerRow(sheet: ExcelJS.Worksheet, row: number, values: string[]): void {
  values.forEach((value, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = value;
    cell.font = { bold: true };
  });
}

/** `count` distinct family names: a product and a format, as a printer's site lists them. */
function familyNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const product = PRODUCTS[i % PRODUCTS.length]!;
    // Shifting the format by the round keeps every (product, format) pair distinct for 128 names.
    const format = FORMATS[(i + Math.floor(i / PRODUCTS.length)) % FORMATS.length]!;
    const round = Math.floor(i / (PRODUCTS.length * FORMATS.length));
    names.push(`${product} ${format}${round > 0 ? ` (${round + 1})` : ''}`);
  }
  return names;
}

function resellerNames(random: () => number, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = `${pick(random, SHOP_WORDS)} ${pick(random, SHOP_ENDS)} ${pick(random, CITIES)}`;
    names.add(names.has(name) ? `${name} ${names.size + 1}` : name);
  }
  return [...names];
}

export async function makeGridWorkbook(
  file: string,
  options: GridWorkbookOptions = {},
): Promise<GridWorkbook> {
  const {
    resellers: resellerCount = 40,
    families: familyCount = 12,
    seed = 1,
    familiesPerSheet = 4,
  } = options;
  const random = seededRandom(seed);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'catalog-publisher bench';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  // ── Matrix sheets ──
  const families = familyNames(familyCount);
  const gridSheets: string[] = [];
  let notAvailable = 0;
  for (let first = 0; first < families.length; first += familiesPerSheet) {
    const name = `Grilles ${gridSheets.length + 1}`;
    gridSheets.push(name);
    const sheet = workbook.addWorksheet(name);
    sheet.getColumn(1).width = 24;
    for (let c = 2; c <= VARIANTS.length + 1; c++) sheet.getColumn(c).width = 22;
    let r = 1;
    families.slice(first, first + familiesPerSheet).forEach((family, index) => {
      if (index > 0) r++;
      sheet.mergeCells(r, 1, r, VARIANTS.length + 1);
      sheet.getCell(r, 1).value = family;
      sheet.getCell(r, 1).font = { bold: true, size: 13 };
      headerRow(sheet, ++r, ['Quantité', ...VARIANTS]);
      // Log-uniform base price of 100 copies between 15 € and 180 €.
      const base = 15 * Math.exp(random() * Math.log(12));
      TIERS.forEach((quantity, t) => {
        const row = sheet.getRow(++r);
        // Half the families write quantities as text (« 1 000 ex. »), half as numbers.
        row.getCell(1).value = (first + index) % 2 === 0 ? TIER_LABELS[t]! : quantity;
        VARIANTS.forEach((_, v) => {
          const cell = row.getCell(v + 2);
          const draw = random();
          const price = cents(base * TIER_FACTORS[t]! * VARIANT_FACTORS[v]!);
          if (draw < 0.02) {
            cell.value = t === TIERS.length - 1 ? 'sur devis' : '–';
            notAvailable++;
          } else if (draw < 0.06) cell.value = textPrice(price);
          else {
            cell.value = price;
            cell.numFmt = EURO_FORMAT;
          }
        });
      });
      r++;
    });
  }

  // ── Resellers ──
  const names = resellerNames(random, resellerCount);
  const withLogos = options.logosDir !== undefined;
  const resellers = workbook.addWorksheet('Revendeurs');
  headerRow(resellers, 1, [
    'Nom',
    'Niveau',
    'Remise',
    'Coefficient',
    'Email',
    ...(withLogos ? ['Logo'] : []),
    'Mot de passe',
    'Langue',
  ]);
  let withPassword = 0;
  const logos: { file: string; colour: string }[] = [];
  names.forEach((name, i) => {
    const row = resellers.getRow(i + 2);
    const values: ExcelJS.CellValue[] = [name, pick(random, LEVELS)[0]];
    const negotiated = random();
    // One in six has a negotiated discount, one in ten a coefficient; the others take their level's.
    values.push(negotiated < 1 / 6 ? Math.round(8 + random() * 17) / 100 : null);
    values.push(negotiated > 0.9 ? Math.round(78 + random() * 16) / 100 : null);
    values.push(`contact@${slug(name)}.example`);
    if (withLogos) {
      const logo = `${slug(name)}.png`;
      logos.push({ file: logo, colour: LOGO_COLOURS[i % LOGO_COLOURS.length]! });
      values.push(logo);
    }
    const password =
      random() < 0.35 ? `${slug(name).slice(0, 8)}-${Math.floor(random() * 9000 + 1000)}` : null;
    if (password) withPassword++;
    values.push(password);
    const locale = random();
    values.push(locale < 0.75 ? 'fr-FR' : locale < 0.9 ? 'fr-BE' : 'en-GB');
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (c === 2) cell.numFmt = PERCENT_FORMAT;
    });
  });

  // ── Settings ──
  const levels = workbook.addWorksheet('Niveaux');
  headerRow(levels, 1, ['Niveau', 'Remise']);
  LEVELS.forEach(([level, discount], i) => {
    levels.getCell(i + 2, 1).value = level;
    levels.getCell(i + 2, 2).value = discount;
    levels.getCell(i + 2, 2).numFmt = PERCENT_FORMAT;
  });
  const vat = workbook.addWorksheet('Familles');
  headerRow(vat, 1, ['Famille', 'TVA']);
  families.forEach((family, i) => {
    // Brochures take the reduced rate, calendars the intermediate one (as in the sample), the rest 20 %.
    const rate = family.startsWith('Brochures') ? 0.055 : family.startsWith('Calendriers') ? 0.1 : 0.2;
    vat.getCell(i + 2, 1).value = family;
    vat.getCell(i + 2, 2).value = rate;
    vat.getCell(i + 2, 2).numFmt = rate === 0.055 ? '0.0%' : PERCENT_FORMAT;
  });
  const conditions = workbook.addWorksheet('Conditions');
  headerRow(conditions, 1, ['Paramètre', 'Valeur']);
  (
    [
      ['Titre', 'Tarifs revendeurs 2027'],
      ['Fournisseur', 'Imprimerie Banc d’essai'],
      ['Adresse', '1 rue des Rotatives, 69000 Lyon'],
      ['Téléphone', '04 00 00 00 00'],
      ['E-mail', 'revendeurs@banc-essai.example'],
      ['Devise', 'EUR'],
      ['Base de prix', 'HT'],
      ['Valable du', '01/01/2027'],
      ["Valable jusqu'au", '31/03/2027'],
      ['Arrondi', '0,05 up'],
      ['Prix minimum', 15],
      ['Coefficient public', 1.6],
      ['Conditions', 'Prix nets HT, départ usine. Paiement à 30 jours fin de mois.'],
    ] as [string, ExcelJS.CellValue][]
  ).forEach(([key, value], i) => {
    conditions.getCell(i + 2, 1).value = key;
    conditions.getCell(i + 2, 2).value = value;
  });

  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  if (options.logosDir) {
    const dir = options.logosDir;
    await mkdir(dir, { recursive: true });
    for (const logo of logos) {
      const png = await sharp({ create: { width: 600, height: 200, channels: 3, background: logo.colour } })
        .png({ palette: true })
        .toBuffer();
      await writeFile(path.join(dir, logo.file), png);
    }
  }
  return {
    path: file,
    families,
    gridSheets,
    resellers: names,
    withPassword,
    tiers: TIERS,
    variants: VARIANTS.length,
    notAvailable,
    logos: logos.length,
  };
}

function numberFlag(argv: readonly string[], flag: string): number | undefined {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} needs a positive whole number, got ${argv[at + 1]}`);
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const out = argv[0] && !argv[0].startsWith('--') ? argv[0] : '.tmp/bench/grid-40x12.xlsx';
  const resellers = numberFlag(argv, '--resellers');
  const families = numberFlag(argv, '--families');
  const seed = numberFlag(argv, '--seed');
  const book = await makeGridWorkbook(out, {
    ...(resellers ? { resellers } : {}),
    ...(families ? { families } : {}),
    ...(seed ? { seed } : {}),
    logosDir: path.join(path.dirname(out), 'logos'),
  });
  console.log(
    `${book.path}: ${book.families.length} families on ${book.gridSheets.length} sheets, ` +
      `${book.resellers.length} resellers (${book.withPassword} with a password), ${book.notAvailable} cells not available`,
  );
}
