// The print-trade sample: « Imprimerie Atlas », a French printer selling only to resellers, with its
// price grids (matrix blocks, one family per sheet, a long-format sheet), its reseller sheet and the
// optional settings sheets (levels, VAT per family, per-family rates, conditions), plus the
// resellers' logos. Called by generate.ts, which owns the workbook's fixed dates and zip timestamps.
//
// Everything a reader must cope with is written on purpose and listed in samples/README.md: quantities
// as text (« 1 000 ex. ») and as numbers, prices as numbers and as text (« 59,00 € »), not-available
// cells (« sur devis », « N/A », « – », one blank), a coefficient typed as a formula with its cached
// value, a logo named but never delivered.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import sharp from 'sharp';

export const PRINT_TRADE_FILE = 'imprimerie-revendeurs-2027.xlsx';
export const PRINT_TRADE_CREATOR = 'Imprimerie Atlas';

const EURO_FORMAT = '#,##0.00\\ "€"';
const PERCENT_FORMAT = '0%';
const PERCENT_1_FORMAT = '0.0%';
const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL = 'FF1D3557';
const TITLE_FILL = 'FFE9EEF5';

/** A price cell as typed: a number (euros), a text (« 59,00 € », « sur devis », « – ») or blank. */
type Price = number | string | null;
type Quantity = number | string;

type MatrixBlock = {
  /** Merged title row above the header; absent when the family's name is in the header's corner. */
  title?: string;
  /** The header's first cell: « Quantité », « Qté », blank, or the family's name. */
  corner: string;
  variants: string[];
  tiers: { quantity: Quantity; prices: Price[] }[];
};

type MatrixSheet = {
  name: string;
  /** A lone line above the first block (a heading for the whole sheet), then a blank row. */
  heading?: string;
  blocks: MatrixBlock[];
  /** A lone line under the last block, as printers write their small print. */
  footnote?: string;
};

// ─── Price grids ──────────────────────────────────────────────────────────────────────────────────

const MATRIX_SHEETS: MatrixSheet[] = [
  {
    name: 'Cartes & flyers',
    heading: 'Imprimerie Atlas — tarifs revendeurs 2027 (prix HT)',
    blocks: [
      {
        title: 'Cartes de visite 85×55',
        corner: 'Quantité',
        variants: [
          'Couché mat 350 g recto',
          'Couché mat 350 g recto/verso',
          'Pelliculé mat recto/verso',
          'Pelliculé soft touch recto/verso',
        ],
        // Quantities typed as text, the way the printer's website shows them.
        tiers: [
          { quantity: '100 ex.', prices: [19.9, 22.5, 34, 41.5] },
          { quantity: '250 ex.', prices: [24.9, 28.9, 42, 52] },
          { quantity: '500 ex.', prices: [32.5, 37.9, 55, '68,00 €'] },
          { quantity: '1 000 ex.', prices: [45.9, 52.9, 74.5, 92] },
          { quantity: '2 500 ex.', prices: [89, 99.5, 139, 175] },
          { quantity: '5 000 ex.', prices: [149, 165, 229, 'sur devis'] },
        ],
      },
      {
        // Blank corner: the header is told by the quantities under it.
        title: 'Flyers A5',
        corner: '',
        variants: [
          'Couché brillant 135 g recto',
          'Couché brillant 135 g recto/verso',
          'Couché mat 170 g recto/verso',
          'Recyclé 120 g recto/verso',
        ],
        tiers: [
          { quantity: 100, prices: [24.5, 29.9, 34.9, 'N/A'] },
          { quantity: 250, prices: [32, 38.5, 44.9, '59,00 €'] },
          { quantity: 500, prices: [41.9, 48.9, 56.5, 69] },
          { quantity: 1000, prices: [55, 64.9, 74.9, 89.9] },
          { quantity: 2500, prices: [99, 115, 132, 159] },
          { quantity: 5000, prices: [159, 185, 212, null] },
        ],
      },
      {
        title: 'Flyers A4',
        corner: 'Qté',
        variants: [
          'Couché brillant 135 g recto',
          'Couché brillant 135 g recto/verso',
          'Couché mat 170 g recto/verso',
        ],
        tiers: [
          { quantity: 100, prices: [34.9, 41.5, 47.9] },
          { quantity: 250, prices: [46.5, 54.9, 62.5] },
          { quantity: 500, prices: [62, 72.5, 82.9] },
          { quantity: 1000, prices: [84.9, 99, 112] },
          { quantity: 2500, prices: [159, 185, 209] },
          { quantity: 5000, prices: [259, 299, '–'] },
        ],
      },
    ],
  },
  {
    // One family, named in the header's corner cell; no title row.
    name: 'Dépliants',
    blocks: [
      {
        corner: 'Dépliants A4 2 plis roulés',
        variants: ['Couché brillant 135 g', 'Couché mat 170 g', 'Couché mat 250 g'],
        tiers: [
          { quantity: 100, prices: [59, 65, 79] },
          { quantity: 250, prices: [75, 83.5, 99] },
          { quantity: 500, prices: [98, 109, 129] },
          { quantity: '1 000 ex.', prices: [135, 149, 179] },
          { quantity: 2500, prices: [245, 269, 319] },
          { quantity: 5000, prices: [389, 425, 'sur devis'] },
        ],
      },
    ],
    footnote: 'Prix HT, livraison incluse en France métropolitaine.',
  },
  {
    // One family under a merged title.
    name: 'Affiches',
    blocks: [
      {
        title: 'Affiches',
        corner: 'Quantité',
        variants: ['A3 (29,7 × 42 cm)', 'A2 (42 × 59,4 cm)', 'A1 (59,4 × 84 cm)'],
        tiers: [
          { quantity: 25, prices: [29.9, 45, 79] },
          { quantity: 50, prices: [39.9, 62, 109] },
          { quantity: 100, prices: [55, 89, 155] },
          { quantity: 250, prices: [99, 165, 289] },
          { quantity: 500, prices: [159, 269, 'sur devis'] },
        ],
      },
    ],
  },
  {
    // No title and « Quantité » in the corner: the family is named after the sheet.
    name: 'Brochures A5',
    blocks: [
      {
        corner: 'Quantité',
        variants: ['8 pages', '12 pages', '16 pages', '24 pages'],
        tiers: [
          { quantity: 100, prices: [129, 159, 189, 249] },
          { quantity: 250, prices: [189, 235, 279, 369] },
          { quantity: 500, prices: [279, 349, 415, 549] },
          { quantity: 1000, prices: [429, 535, 639, 'sur devis'] },
        ],
      },
    ],
  },
];

const LONG_SHEET = 'Grand format';
const LONG_HEADERS = ['Famille', 'Support', 'Quantité', 'Prix HT'];
/** Kakémonos' family cells are one vertical merge, as people lay such lists out. */
const LONG_MERGED_FAMILY = 'Kakémonos';
// Kakémonos premium × 10 is deliberately never written: a combination nobody wrote is not available.
const LONG_ROWS: [family: string, support: string, quantity: number, price: Price][] = [
  ['Bâches', 'PVC 500 g 100 × 200 cm', 1, 45],
  ['Bâches', 'PVC 500 g 100 × 200 cm', 5, 195],
  ['Bâches', 'PVC 500 g 100 × 200 cm', 10, 360],
  ['Bâches', 'Micro-perforée 100 × 200 cm', 1, 52],
  ['Bâches', 'Micro-perforée 100 × 200 cm', 5, 229],
  ['Bâches', 'Micro-perforée 100 × 200 cm', 10, 'sur devis'],
  ['Kakémonos', 'Roll-up 85 × 200 cm standard', 1, 69],
  ['Kakémonos', 'Roll-up 85 × 200 cm standard', 5, 315],
  ['Kakémonos', 'Roll-up 85 × 200 cm standard', 10, '590,00 €'],
  ['Kakémonos', 'Roll-up 85 × 200 cm premium', 1, 95],
  ['Kakémonos', 'Roll-up 85 × 200 cm premium', 5, 439],
];

// ─── Resellers and settings ───────────────────────────────────────────────────────────────────────

type ResellerRow = {
  name: string;
  level: string;
  /** A negotiated discount: a fraction written with a % format, or text as typed. */
  discount?: number | string;
  /** A negotiated coefficient: a number, or a formula with its cached value. */
  coefficient?: number | { formula: string; result: number };
  email: string;
  logo?: string;
  password?: string;
  locale: string;
};

type Logo = { file: string; initials: string; colour: string };

// Fictitious companies; `.example` domains so no real mailbox is ever written to.
const RESELLERS: ResellerRow[] = [
  {
    name: "Imprim'Express Lyon",
    level: 'Or',
    email: 'commandes@imprimexpress.example',
    logo: 'imprimexpress.png',
    password: 'Lyon-Atlas-2027',
    locale: 'fr-FR',
  },
  {
    name: 'Copie Conforme',
    level: 'Argent',
    discount: 0.12,
    email: 'contact@copie-conforme.example',
    logo: 'copie-conforme.png',
    locale: 'fr-FR',
  },
  {
    name: 'Le Comptoir Graphique',
    level: 'Bronze',
    email: 'bonjour@comptoir-graphique.example',
    logo: 'comptoir-graphique.png',
    locale: 'fr-FR',
  },
  {
    name: 'Print & Go Bruxelles',
    level: 'Argent',
    coefficient: { formula: '1-0.15', result: 0.85 },
    email: 'info@printandgo.example',
    logo: 'print-and-go.png',
    password: 'Bxl#Print&Go',
    locale: 'fr-BE',
  },
  {
    // Its logo is named here but was never delivered: the list is still made, without a logo.
    name: 'Studio Mosaïque',
    level: 'Or',
    email: 'studio@mosaique.example',
    logo: 'studio-mosaique.png',
    locale: 'fr-FR',
  },
  {
    name: 'Atelier Nord Impression',
    level: 'Bronze',
    coefficient: 0.92,
    email: 'atelier@nord-impression.example',
    logo: 'atelier-nord.png',
    locale: 'fr-FR',
  },
  {
    name: 'Bright Print Ltd',
    level: 'Argent',
    email: 'orders@brightprint.example',
    logo: 'bright-print.png',
    password: 'BrightPrint 2027',
    locale: 'en-GB',
  },
  {
    name: 'Papeterie Durand',
    level: 'Bronze',
    discount: '7,5 %',
    email: 'papeterie.durand@durand.example',
    locale: 'fr-FR',
  },
];

/** Logos delivered in samples/logos/: every reseller's but Studio Mosaïque's, and the supplier's. */
export const LOGOS: Logo[] = [
  { file: 'atlas.png', initials: 'IA', colour: '#1d3557' },
  { file: 'imprimexpress.png', initials: 'IE', colour: '#e63946' },
  { file: 'copie-conforme.png', initials: 'CC', colour: '#2a9d8f' },
  { file: 'comptoir-graphique.png', initials: 'CG', colour: '#e9c46a' },
  { file: 'print-and-go.png', initials: 'PG', colour: '#f4a261' },
  { file: 'atelier-nord.png', initials: 'AN', colour: '#264653' },
  { file: 'bright-print.png', initials: 'BP', colour: '#8338ec' },
];

const LEVELS: [level: string, discount: number][] = [
  ['Bronze', 0.05],
  ['Argent', 0.1],
  ['Or', 0.15],
];

// VAT as a % formatted fraction for most, one with a decimal (5,5 %), one typed as text.
const FAMILY_VAT: [family: string, vat: number | string, delay: string][] = [
  ['Cartes de visite 85×55', 0.2, '2 jours ouvrés'],
  ['Flyers A5', 0.2, '2 jours ouvrés'],
  ['Flyers A4', 0.2, '2 jours ouvrés'],
  ['Dépliants A4 2 plis roulés', 0.2, '3 jours ouvrés'],
  ['Affiches', 0.2, '3 jours ouvrés'],
  ['Brochures A5', 0.055, '5 jours ouvrés'],
  ['Bâches', 0.2, '4 jours ouvrés'],
  ['Kakémonos', '10 %', '4 jours ouvrés'],
];

// One override for a reseller by discount, one for a level, one for a reseller by coefficient.
const FAMILY_RATES: [reseller: string, level: string, family: string, discount: Price, coefficient: Price][] =
  [
    ["Imprim'Express Lyon", '', 'Cartes de visite 85×55', 0.2, null],
    ['', 'Or', 'Bâches', 0.18, null],
    ['Print & Go Bruxelles', '', 'Flyers A5', null, 0.8],
  ];

const CONDITIONS: [key: string, value: ExcelJS.CellValue, numFmt?: string][] = [
  ['Titre', 'Tarifs revendeurs 2027'],
  ['Fournisseur', 'Imprimerie Atlas'],
  ['Adresse', '14 rue des Presses, 69007 Lyon'],
  ['Téléphone', '04 78 00 00 00'],
  ['E-mail', 'revendeurs@imprimerie-atlas.example'],
  ['Site web', 'www.imprimerie-atlas.example'],
  ['Logo fournisseur', 'atlas.png'],
  ['Devise', 'EUR'],
  ['Base de prix', 'HT'],
  // A date cell and a date typed as text: both are how people write them.
  ['Valable du', new Date(Date.UTC(2027, 0, 1)), DATE_FORMAT],
  ["Valable jusqu'au", '31/03/2027'],
  // As a French price list says it: the settings reader reads « supérieur » as up.
  ['Arrondi', 'Au 0,05 € supérieur'],
  // High enough that the smallest cards of the best-placed resellers hit it (the legend's star).
  ['Prix minimum', 18, EURO_FORMAT],
  ['Coefficient public', 1.6],
  [
    'Conditions',
    'Prix nets HT, départ Lyon ; livraison offerte en France métropolitaine dès 150 € HT de commande.',
  ],
  [
    'Conditions',
    'Fichiers PDF/X-1a fournis par le revendeur ; BAT numérique sous 24 h. Paiement à 30 jours fin de mois.',
  ],
];

// ─── Writing ──────────────────────────────────────────────────────────────────────────────────────

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function styleHeader(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = fill(HEADER_FILL);
    cell.alignment = { horizontal: c === from ? 'left' : 'center', wrapText: true };
  }
}

function setPrice(cell: ExcelJS.Cell, price: Price): void {
  cell.value = price;
  if (typeof price === 'number') cell.numFmt = EURO_FORMAT;
  else cell.alignment = { horizontal: 'right' };
}

function writeMatrixSheet(workbook: ExcelJS.Workbook, spec: MatrixSheet): void {
  const sheet = workbook.addWorksheet(spec.name);
  const width = Math.max(...spec.blocks.map((b) => b.variants.length)) + 1;
  sheet.getColumn(1).width = 26;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 22;
  let r = 1;
  if (spec.heading) {
    const cell = sheet.getCell(r, 1);
    cell.value = spec.heading;
    cell.font = { bold: true, size: 14 };
    r += 2;
  }
  spec.blocks.forEach((block, index) => {
    if (index > 0) r++; // a blank row between blocks
    const last = block.variants.length + 1;
    if (block.title) {
      sheet.mergeCells(r, 1, r, last);
      const cell = sheet.getCell(r, 1);
      cell.value = block.title;
      cell.font = { bold: true, size: 13 };
      cell.fill = fill(TITLE_FILL);
      r++;
    }
    const header = sheet.getRow(r);
    if (block.corner !== '') header.getCell(1).value = block.corner;
    block.variants.forEach((variant, i) => {
      header.getCell(i + 2).value = variant;
    });
    styleHeader(header, 1, last);
    r++;
    for (const tier of block.tiers) {
      const row = sheet.getRow(r);
      const quantity = row.getCell(1);
      quantity.value = tier.quantity;
      if (typeof tier.quantity === 'number') quantity.numFmt = '#,##0';
      quantity.alignment = { horizontal: 'left' };
      tier.prices.forEach((price, i) => {
        if (price !== null) setPrice(row.getCell(i + 2), price);
      });
      r++;
    }
  });
  if (spec.footnote) {
    const cell = sheet.getCell(r + 1, 1);
    cell.value = spec.footnote;
    cell.font = { italic: true, size: 9 };
  }
}

function writeLongSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(LONG_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  [18, 32, 12, 14].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const header = sheet.getRow(1);
  LONG_HEADERS.forEach((text, i) => {
    header.getCell(i + 1).value = text;
  });
  styleHeader(header, 1, LONG_HEADERS.length);
  LONG_ROWS.forEach(([family, support, quantity, price], i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = family;
    row.getCell(2).value = support;
    row.getCell(3).value = quantity;
    setPrice(row.getCell(4), price);
  });
  const merged = LONG_ROWS.flatMap(([family], i) => (family === LONG_MERGED_FAMILY ? [i + 2] : []));
  sheet.mergeCells(merged[0]!, 1, merged.at(-1)!, 1);
  sheet.getCell(merged[0]!, 1).alignment = { vertical: 'middle' };
}

const RESELLER_HEADERS = [
  'Nom',
  'Niveau',
  'Remise',
  'Coefficient',
  'Email',
  'Logo',
  'Mot de passe',
  'Langue',
] as const;

function writeResellerSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Revendeurs');
  [26, 10, 10, 12, 36, 24, 20, 9].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.mergeCells(1, 1, 1, RESELLER_HEADERS.length);
  sheet.getCell(1, 1).value = 'Revendeurs 2027';
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value =
    'Remise ou coefficient : seulement quand il est négocié, sinon le niveau s’applique.';
  sheet.getCell(2, 1).font = { italic: true, size: 9 };
  const header = sheet.getRow(4);
  RESELLER_HEADERS.forEach((text, i) => {
    header.getCell(i + 1).value = text;
  });
  styleHeader(header, 1, RESELLER_HEADERS.length);
  RESELLERS.forEach((reseller, i) => {
    const row = sheet.getRow(5 + i);
    row.getCell(1).value = reseller.name;
    row.getCell(2).value = reseller.level;
    if (reseller.discount !== undefined) {
      row.getCell(3).value = reseller.discount;
      if (typeof reseller.discount === 'number') row.getCell(3).numFmt = PERCENT_FORMAT;
    }
    if (reseller.coefficient !== undefined) {
      row.getCell(4).value = reseller.coefficient;
      row.getCell(4).numFmt = '0.00';
    }
    row.getCell(5).value = reseller.email;
    if (reseller.logo) row.getCell(6).value = reseller.logo;
    if (reseller.password) row.getCell(7).value = reseller.password;
    row.getCell(8).value = reseller.locale;
  });
}

/** A small sheet: a styled header row, then rows of values (a number with its format when given). */
function writeTable(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  widths: number[],
  rows: { value: ExcelJS.CellValue; numFmt?: string }[][],
): void {
  const sheet = workbook.addWorksheet(name);
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const header = sheet.getRow(1);
  headers.forEach((text, i) => {
    header.getCell(i + 1).value = text;
  });
  styleHeader(header, 1, headers.length);
  rows.forEach((values, r) => {
    values.forEach(({ value, numFmt }, c) => {
      if (value === null || value === '') return;
      const cell = sheet.getCell(r + 2, c + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = { vertical: 'top', wrapText: typeof value === 'string' && value.length > 40 };
    });
  });
}

/** Fills `workbook` (dates and metadata set by the caller) with every sheet of the sample. */
export function buildPrintTradeWorkbook(workbook: ExcelJS.Workbook): void {
  for (const spec of MATRIX_SHEETS) writeMatrixSheet(workbook, spec);
  writeLongSheet(workbook);
  writeResellerSheet(workbook);
  writeTable(
    workbook,
    'Niveaux',
    ['Niveau', 'Remise'],
    [14, 10],
    LEVELS.map(([level, discount]) => [{ value: level }, { value: discount, numFmt: PERCENT_FORMAT }]),
  );
  writeTable(
    workbook,
    'Familles',
    ['Famille', 'TVA', 'Délai de fabrication'],
    [30, 8, 22],
    FAMILY_VAT.map(([family, vat, delay]) => [
      { value: family },
      typeof vat === 'number'
        ? { value: vat, numFmt: Number.isInteger(vat * 100) ? PERCENT_FORMAT : PERCENT_1_FORMAT }
        : { value: vat },
      { value: delay },
    ]),
  );
  writeTable(
    workbook,
    'Remises par famille',
    ['Revendeur', 'Niveau', 'Famille', 'Remise', 'Coefficient'],
    [26, 10, 26, 10, 12],
    FAMILY_RATES.map(([reseller, level, family, discount, coefficient]) => [
      { value: reseller },
      { value: level },
      { value: family },
      { value: discount, numFmt: PERCENT_FORMAT },
      { value: coefficient, numFmt: '0.00' },
    ]),
  );
  writeTable(
    workbook,
    'Conditions',
    ['Paramètre', 'Valeur'],
    [20, 90],
    CONDITIONS.map(([key, value, numFmt]) => [{ value: key }, { value, ...(numFmt ? { numFmt } : {}) }]),
  );
}

// ─── Logos ────────────────────────────────────────────────────────────────────────────────────────

// A 5 × 7 block font for the initials: drawn as squares rather than <text> so the pictures do not
// depend on the fonts installed on the machine (the same bytes everywhere).
const GLYPHS: Record<string, string[]> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.###.'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  N: ['#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#', '#...#'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
};

/** `initials` in white block letters on a `colour` rectangle, as SVG of `width` × `height`. */
export function logoSvg(initials: string, colour: string, width = 600, height = 200): string {
  const pixel = Math.floor(height / 10);
  const glyphWidth = 5 * pixel;
  const gap = pixel;
  const textWidth = initials.length * glyphWidth + (initials.length - 1) * gap;
  const x0 = Math.round((width - textWidth) / 2);
  const y0 = Math.round((height - 7 * pixel) / 2);
  let squares = '';
  [...initials.toUpperCase()].forEach((letter, n) => {
    const glyph = GLYPHS[letter];
    if (!glyph) throw new Error(`No glyph for « ${letter} » in the logo font`);
    glyph.forEach((line, y) => {
      [...line].forEach((dot, x) => {
        if (dot === '#')
          squares += `<rect x="${x0 + n * (glyphWidth + gap) + x * pixel}" y="${y0 + y * pixel}" width="${pixel}" height="${pixel}"/>`;
      });
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" rx="${pixel}" fill="${colour}"/><g fill="#ffffff">${squares}</g></svg>`;
}

export async function logoPng(initials: string, colour: string): Promise<Buffer> {
  return sharp(Buffer.from(logoSvg(initials, colour)))
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer();
}

/** Writes samples/logos/: exactly the delivered logos (a stale file would hide the missing one). */
export async function writeLogos(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wanted = new Set(LOGOS.map((logo) => logo.file));
  for (const file of await readdir(dir)) {
    if (file.endsWith('.png') && !wanted.has(file)) await rm(path.join(dir, file));
  }
  for (const logo of LOGOS)
    await writeFile(path.join(dir, logo.file), await logoPng(logo.initials, logo.colour));
}
