// Writes the sample workbooks, the French-Excel CSV and the product photos into samples/.
// Run with `npm run samples`. Output is byte-for-byte identical from run to run (fixed dates, no
// randomness, zip timestamps pinned) so the samples can be committed and used as test fixtures.
//
// The generator is the single source of truth for where the mistakes are: it records the cell of
// every problem it plants while writing the rows and writes samples/planted-problems.ts (and the
// table in samples/README.md) from that record, so the refs can never drift from the workbooks.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as prettier from 'prettier';
import sharp from 'sharp';
import { PRINT_TRADE_CREATOR, PRINT_TRADE_FILE, buildPrintTradeWorkbook, writeLogos } from './print-trade.ts';

const SAMPLES_DIR = path.dirname(fileURLToPath(import.meta.url));
const IMAGES_DIR = path.join(SAMPLES_DIR, 'images');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5));

// ─── Planted problems ─────────────────────────────────────────────────────────────────────────────

const PLANTED_CODES = [
  'NOT_A_PRICE',
  'INVALID_EAN',
  'DUPLICATE_VALUE',
  'REQUIRED_MISSING',
  'CELL_ERROR',
  'IMAGE_NOT_FOUND',
] as const;
type PlantedCode = (typeof PLANTED_CODES)[number];
type PlantedProblem = { file: string; ref: string; code: PlantedCode; note: string };

/** A mistake to write in place of the clean value of one column of one product. */
type Plant<K extends string> = { code: PlantedCode; column: K; value: ExcelJS.CellValue; note: string };

const planted: PlantedProblem[] = [];

// ─── Cell addresses ───────────────────────────────────────────────────────────────────────────────

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `'Tarif 2026'!E12` or `Notes!A1`: quoted only when Excel itself would quote the sheet name. */
function cellRef(sheet: string, column: number, row: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

// ─── Values ───────────────────────────────────────────────────────────────────────────────────────

/** EAN-13 from its first 12 digits, with the GS1 check digit (weights 1,3,1,3… from the left). */
function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

/** The same EAN with a check digit that cannot validate: the typo a marketer makes. */
function withWrongCheckDigit(ean: string): string {
  return ean.slice(0, 12) + String((Number(ean.charAt(12)) + 3) % 10);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** How French Excel displays a number: comma decimals, a no-break space between thousands. */
function frenchNumber(n: number, decimals: number, group = '\u00a0'): string {
  const [integer = '', fraction] = n.toFixed(decimals).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

const euros = (n: number, group = '\u00a0'): string => `${frenchNumber(n, 2, group)}\u00a0€`;

function percent(rate: number): string {
  const value = Math.round(rate * 1000) / 10;
  return `${frenchNumber(value, Number.isInteger(value) ? 0 : 1)}%`;
}

type Runs = { text: string; bold?: boolean }[];
const plainText = (text: string | Runs): string =>
  typeof text === 'string' ? text : text.map((run) => run.text).join('');

// ─── Photos ───────────────────────────────────────────────────────────────────────────────────────

type Photo = { file: string; width: number; height: number; background: string; body: string };

// Threads drawn as short slanted strokes along a shaft, so screws and bolts read as such without text.
function threads(x0: number, x1: number, top: number, bottom: number, colour: string): string {
  let strokes = '';
  for (let x = x0; x <= x1; x += 22) {
    strokes += `<line x1="${x}" y1="${top}" x2="${x + 12}" y2="${bottom}" stroke="${colour}" stroke-width="6"/>`;
  }
  return strokes;
}

const SHADOW = '<ellipse cx="300" cy="520" rx="210" ry="22" fill="#000" opacity="0.12"/>';

// Flat shapes only: no <text>, so the pictures do not depend on the fonts of the machine.
const PHOTOS: Photo[] = [
  {
    file: 'VIS-4x40.jpg',
    width: 600,
    height: 600,
    background: '#e8eef3',
    body: `${SHADOW}<g transform="rotate(-30 300 300)">
      <polygon points="110,225 175,262 175,338 110,375" fill="#aab3bc"/>
      <line x1="118" y1="300" x2="168" y2="300" stroke="#5f6870" stroke-width="10"/>
      <rect x="175" y="280" width="275" height="40" fill="#c8cfd6"/>
      ${threads(190, 430, 276, 324, '#7d868f')}
      <polygon points="450,280 510,300 450,320" fill="#c8cfd6"/></g>`,
  },
  {
    file: 'BOU-M8.jpg',
    width: 600,
    height: 600,
    background: '#f1ece4',
    body: `${SHADOW}<g transform="rotate(-15 300 300)">
      <polygon points="120,230 170,200 220,230 220,370 170,400 120,370" fill="#6f7a84"/>
      <polygon points="170,200 220,230 220,370 170,400" fill="#59636c"/>
      <rect x="220" y="268" width="270" height="64" fill="#9ea8b1"/>
      ${threads(232, 470, 264, 336, '#6c757d')}</g>`,
  },
  {
    file: 'CHE-6.jpg',
    width: 600,
    height: 600,
    background: '#dfe9f5',
    body: `${SHADOW}<g transform="rotate(-20 300 300)">
      <rect x="110" y="255" width="30" height="90" rx="6" fill="#8d8d8d"/>
      <rect x="140" y="270" width="330" height="60" rx="10" fill="#b5b5b5"/>
      <rect x="180" y="262" width="18" height="76" fill="#9a9a9a"/>
      <rect x="240" y="262" width="18" height="76" fill="#9a9a9a"/>
      <rect x="300" y="262" width="18" height="76" fill="#9a9a9a"/>
      <rect x="360" y="262" width="18" height="76" fill="#9a9a9a"/>
      <polygon points="470,270 505,300 470,330" fill="#b5b5b5"/></g>`,
  },
  {
    file: 'MAR-500.jpg',
    width: 600,
    height: 600,
    background: '#f4efe6',
    body: `${SHADOW}<g transform="rotate(-35 300 300)">
      <rect x="150" y="278" width="360" height="44" rx="18" fill="#a0672c"/>
      <rect x="420" y="278" width="90" height="44" rx="18" fill="#222"/>
      <rect x="90" y="205" width="80" height="190" rx="8" fill="#56616b"/>
      <rect x="90" y="205" width="80" height="40" rx="8" fill="#76828c"/></g>`,
  },
  {
    file: 'TOU-PZ2.jpg',
    width: 600,
    height: 600,
    background: '#eef2e6',
    body: `${SHADOW}<g transform="rotate(-25 300 300)">
      <rect x="80" y="255" width="190" height="90" rx="40" fill="#d7263d"/>
      <rect x="200" y="255" width="30" height="90" fill="#f6c026"/>
      <rect x="270" y="287" width="220" height="26" fill="#b9c2ca"/>
      <polygon points="490,287 525,300 490,313" fill="#8f99a3"/></g>`,
  },
  {
    file: 'CLE-13.jpg',
    width: 600,
    height: 600,
    background: '#e6eef0',
    body: `${SHADOW}<g transform="rotate(-20 300 300)">
      <rect x="150" y="276" width="300" height="48" rx="20" fill="#8e99a4"/>
      <circle cx="140" cy="300" r="62" fill="#8e99a4"/>
      <circle cx="140" cy="300" r="30" fill="#e6eef0"/>
      <circle cx="465" cy="300" r="66" fill="#8e99a4"/>
      <rect x="470" y="272" width="80" height="56" fill="#e6eef0"/></g>`,
  },
  {
    file: 'CAD-40.jpg',
    width: 600,
    height: 600,
    background: '#efe9f4',
    body: `${SHADOW}
      <path d="M215,290 V200 A85,85 0 0 1 385,200 V290" fill="none" stroke="#aab2ba" stroke-width="36"/>
      <rect x="170" y="270" width="260" height="230" rx="28" fill="#c9a227"/>
      <rect x="170" y="270" width="260" height="36" rx="18" fill="#dbb63a"/>
      <circle cx="300" cy="370" r="24" fill="#4a3b12"/>
      <rect x="290" y="380" width="20" height="60" rx="6" fill="#4a3b12"/>`,
  },
  {
    file: 'NIV-60.jpg',
    width: 600,
    height: 600,
    background: '#e9eef5',
    body: `${SHADOW}
      <rect x="50" y="255" width="500" height="90" rx="10" fill="#f2c200"/>
      <rect x="50" y="255" width="40" height="90" rx="8" fill="#333"/>
      <rect x="510" y="255" width="40" height="90" rx="8" fill="#333"/>
      <rect x="240" y="278" width="120" height="44" rx="20" fill="#9be37a" stroke="#555" stroke-width="4"/>
      <ellipse cx="312" cy="300" rx="16" ry="12" fill="#e9fbe0"/>
      <line x1="280" y1="280" x2="280" y2="320" stroke="#555" stroke-width="3"/>
      <line x1="320" y1="280" x2="320" y2="320" stroke="#555" stroke-width="3"/>`,
  },
  {
    // Delivered after the tariff went out, under the photographer's name for it: the corrected copy
    // of the tariff names this file, the first one still names the « SCI-550.jpg » that never came.
    file: 'SCI-550-egoine.jpg',
    width: 600,
    height: 600,
    background: '#f2ede3',
    body: `${SHADOW}<g transform="rotate(-12 300 300)">
      <polygon points="170,250 540,292 540,318 170,352" fill="#c3cad1"/>
      <polyline points="${Array.from({ length: 19 }, (_, i) => `${180 + i * 19},${352 - i * 1.8} ${189 + i * 19},${362 - i * 1.8}`).join(' ')}" fill="none" stroke="#98a1aa" stroke-width="5"/>
      <path d="M60,230 H190 V370 H60 Z M95,265 H160 V320 H95 Z" fill="#8a5a2b" fill-rule="evenodd"/>
      <circle cx="175" cy="275" r="7" fill="#d9b44a"/><circle cx="175" cy="330" r="7" fill="#d9b44a"/></g>`,
  },
  {
    file: 'SS26-RIV-001.jpg',
    width: 400,
    height: 500,
    background: '#f6f1eb',
    body: `<polygon points="130,80 170,70 200,95 230,70 270,80 350,140 315,195 280,170 280,430 120,430 120,170 85,195 50,140" fill="#1d3557"/>
      <rect x="120" y="210" width="160" height="24" fill="#f1faee"/>
      <rect x="120" y="270" width="160" height="24" fill="#f1faee"/>
      <rect x="120" y="330" width="160" height="24" fill="#f1faee"/>
      <rect x="120" y="390" width="160" height="24" fill="#f1faee"/>`,
  },
  {
    file: 'SS26-EVE-009.jpg',
    width: 400,
    height: 500,
    background: '#f3efe9',
    body: `<polygon points="165,60 180,60 185,130 215,130 220,60 235,60 250,150 235,200 320,460 80,460 165,200 150,150" fill="#264653"/>`,
  },
];

async function writePhotos(): Promise<void> {
  await mkdir(IMAGES_DIR, { recursive: true });
  const wanted = new Set(PHOTOS.map((photo) => photo.file));
  // A renamed product must not leave its old picture behind: the folder is exactly this list.
  for (const file of await readdir(IMAGES_DIR)) {
    if (file.endsWith('.jpg') && !wanted.has(file)) await rm(path.join(IMAGES_DIR, file));
  }
  for (const photo of PHOTOS) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${photo.width}" height="${photo.height}">
      <rect width="100%" height="100%" fill="${photo.background}"/>${photo.body}</svg>`;
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
    if (jpeg.length >= 25_000)
      throw new Error(`${photo.file} is ${jpeg.length} bytes; keep photos under 25 KB`);
    await writeFile(path.join(IMAGES_DIR, photo.file), jpeg);
  }
}

// ─── Workbook output ──────────────────────────────────────────────────────────────────────────────

// 2026-01-05 00:00 in MS-DOS date/time form, as zip headers store it.
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 5;
const DOS_TIME = 0;

/**
 * exceljs (through JSZip) stamps every zip entry with the current time, which would make each run
 * produce different bytes; pin the local and central headers to the fixed date instead.
 */
function pinZipTimestamps(zip: Buffer): Buffer {
  let end = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('exceljs wrote something that is not a zip file');
  const entries = zip.readUInt16LE(end + 10);
  let central = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(central) !== 0x02014b50) throw new Error('Unexpected zip central directory');
    const local = zip.readUInt32LE(central + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('Unexpected zip local header');
    zip.writeUInt16LE(DOS_TIME, central + 12);
    zip.writeUInt16LE(DOS_DATE, central + 14);
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    central +=
      46 + zip.readUInt16LE(central + 28) + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
  }
  return zip;
}

function newWorkbook(creator: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(path.join(SAMPLES_DIR, file), pinZipTimestamps(bytes));
}

// ─── French hardware price list ───────────────────────────────────────────────────────────────────

const FR_FILE = 'quincaillerie-tarif-2026.xlsx';
const FR_CORRECTED_FILE = 'quincaillerie-tarif-2026-corrige.xlsx';
const FR_SHEET = 'Tarif 2026';
const FR_HEADER_ROW = 4;
const EURO_FORMAT = '#,##0.00\\ "€"';

const FR_COLUMNS = [
  { key: 'ref', header: 'Réf.', width: 12 },
  { key: 'name', header: 'Désignation', width: 36 },
  { key: 'description', header: 'Description', width: 48 },
  { key: 'pack', header: 'Conditionnement', width: 18 },
  { key: 'price', header: 'Prix HT', width: 13 },
  { key: 'vat', header: 'TVA', width: 8 },
  { key: 'ean', header: 'EAN', width: 16 },
  { key: 'photo', header: 'Photo', width: 16 },
  // Confidential purchase price: hidden in Excel, never printed, but the formula price uses it.
  { key: 'cost', header: 'Prix achat', width: 12 },
] as const;
type FrKey = (typeof FR_COLUMNS)[number]['key'];
const FR_PRINTED = FR_COLUMNS.length - 1;

function frColumn(key: FrKey): number {
  return FR_COLUMNS.findIndex((column) => column.key === key) + 1;
}

type FrProduct = {
  ref: string;
  name: string;
  description: string | Runs;
  pack: string;
  /** Unit price excluding VAT, as the catalogue should print it. */
  price: number;
  /** How the marketer typed the price when it is not a plain number. */
  priceAs?: { text: string } | 'formula';
  vat: number;
  vatText?: string;
  ean: string;
  /** File name typed in the Photo column. */
  photo?: string;
  /** Picture pasted into the Photo cell instead of a file name. */
  pastedPhoto?: string;
  cost: number;
  discontinued?: boolean;
  plant?: Plant<FrKey>;
  /** What the corrected copy says where it fixes more than the planted cell. */
  fix?: { photo?: string; priceAs?: 'formula' };
};

const FR_GROUPS: { name: string; products: FrProduct[] }[] = [
  {
    name: 'Visserie',
    products: [
      {
        ref: 'VIS-4x40',
        name: 'Vis agglo tête fraisée 4×40',
        description: [
          { text: 'Acier zingué blanc', bold: true },
          { text: ', tête fraisée ; empreinte Pozidriv n°2' },
        ],
        pack: 'Boîte de 200',
        price: 8.9,
        vat: 0.2,
        ean: ean13('376012345001'),
        photo: 'VIS-4x40.jpg',
        cost: 5.4,
      },
      {
        ref: 'VIS-5x60',
        name: 'Vis agglo tête fraisée 5×60',
        description: 'Acier zingué, filetage partiel, pour bois et panneaux',
        pack: 'Boîte de 100',
        price: 12.5,
        priceAs: { text: euros(12.5) },
        vat: 0.2,
        ean: ean13('376012345002'),
        cost: 7.6,
      },
      {
        ref: 'BOU-M8',
        name: 'Boulon tête hexagonale M8×50',
        description: 'Classe 8.8, livré avec écrou et rondelle',
        pack: 'Sachet de 25',
        price: 9.8,
        vat: 0.2,
        ean: ean13('376012345003'),
        photo: 'BOU-M8.jpg',
        cost: 6.1,
      },
      {
        ref: 'CHE-6',
        name: 'Cheville nylon Ø6',
        description: 'Pour briques pleines, béton et pierre',
        pack: 'Boîte de 100',
        price: 4.2,
        vat: 0.2,
        ean: ean13('376012345004'),
        photo: 'CHE-6.jpg',
        cost: 2.3,
      },
      {
        ref: 'CHE-8',
        name: 'Cheville nylon Ø8',
        description: 'Pour briques pleines, béton et pierre',
        pack: 'Boîte de 50',
        price: 5.1,
        vat: 0.2,
        ean: ean13('376012345005'),
        cost: 2.9,
        plant: {
          code: 'DUPLICATE_VALUE',
          column: 'ref',
          value: 'CHE-6',
          note: 'Row copied from the one above and its reference « CHE-6 » left unchanged (should be CHE-8)',
        },
      },
      {
        ref: 'ECR-M8',
        name: 'Écrou frein M8 Nylstop',
        description: 'Bague nylon, ne se desserre pas aux vibrations',
        pack: 'Sachet de 50',
        price: 6.4,
        vat: 0.2,
        ean: ean13('376012345006'),
        cost: 3.8,
        plant: {
          code: 'INVALID_EAN',
          column: 'ean',
          value: Number(withWrongCheckDigit(ean13('376012345006'))),
          note: 'EAN typed with a wrong check digit',
        },
      },
      {
        ref: 'RON-8',
        name: 'Rondelle plate M8',
        description: 'Acier zingué, série moyenne',
        pack: 'Sachet de 100',
        price: 3.7,
        priceAs: 'formula',
        vat: 0.2,
        ean: ean13('376012345007'),
        cost: 2.31,
      },
    ],
  },
  {
    name: 'Outillage',
    products: [
      {
        ref: 'MAR-500',
        name: 'Marteau de coffreur 500 g',
        // Typed with Alt+Enter: a forced line break inside the cell.
        description: 'Manche en frêne, tête forgée\nArrache-clou magnétique',
        pack: 'À l’unité',
        price: 24.9,
        vat: 0.2,
        ean: ean13('376012345101'),
        pastedPhoto: 'MAR-500.jpg',
        cost: 14.2,
      },
      {
        ref: 'TOU-PZ2',
        name: 'Tournevis Pozidriv PZ2',
        description: 'Lame chrome-vanadium, manche bi-matière',
        pack: 'À l’unité',
        price: 7.9,
        vat: 0.2,
        ean: ean13('376012345102'),
        photo: 'TOU-PZ2.jpg',
        cost: 4.1,
      },
      {
        ref: 'CLE-13',
        name: 'Clé mixte 13 mm',
        description: 'Acier chrome-vanadium, œil contre-coudé à 15°',
        pack: 'À l’unité',
        price: 11.5,
        vat: 0.2,
        ean: ean13('376012345103'),
        pastedPhoto: 'CLE-13.jpg',
        cost: 6.5,
      },
      {
        ref: 'SCI-300',
        name: 'Scie à métaux 300 mm',
        description: 'Article arrêté, remplacé par SCI-550',
        pack: 'À l’unité',
        price: 15.9,
        vat: 0.2,
        ean: ean13('376012345104'),
        cost: 9.2,
        discontinued: true,
      },
      {
        ref: 'SCI-550',
        name: 'Scie égoïne 550 mm',
        description: 'Denture trempée, coupe rapide du bois',
        pack: 'À l’unité',
        price: 19.9,
        vat: 0.2,
        ean: ean13('376012345105'),
        cost: 11.4,
        fix: { photo: 'SCI-550-egoine.jpg' },
        plant: {
          code: 'IMAGE_NOT_FOUND',
          column: 'photo',
          value: 'SCI-550.jpg',
          note: 'Photo « SCI-550.jpg » named but never delivered in samples/images',
        },
      },
      {
        ref: 'NIV-60',
        name: 'Niveau à bulle 60 cm',
        description: 'Profilé aluminium, 2 fioles, précision 0,5 mm/m',
        pack: 'À l’unité',
        price: 21.5,
        vat: 0.2,
        ean: ean13('376012345106'),
        photo: 'NIV-60.jpg',
        cost: 12.9,
      },
      {
        ref: 'ETA-150',
        name: 'Établi d’atelier 150 cm',
        description: 'Plateau hêtre massif, piétement acier, montage sur site',
        pack: 'À l’unité',
        price: 389,
        vat: 0.2,
        ean: ean13('376012345107'),
        cost: 242,
        plant: {
          code: 'NOT_A_PRICE',
          column: 'price',
          value: 'sur devis',
          note: 'Price cell says « sur devis » instead of an amount',
        },
      },
    ],
  },
  {
    name: 'Serrurerie',
    products: [
      {
        ref: 'CAD-40',
        name: 'Cadenas laiton 40 mm',
        description: 'Anse acier cémenté, livré avec 3 clés',
        pack: 'Sous blister',
        price: 14.9,
        vat: 0.2,
        ean: ean13('376012345201'),
        pastedPhoto: 'CAD-40.jpg',
        cost: 8.3,
      },
      {
        ref: 'CYL-3030',
        name: 'Cylindre européen 30×30 laiton',
        description: 'Anti-perçage, 5 clés, carte de propriété',
        pack: 'Sous blister',
        price: 39.9,
        vat: 0.2,
        ean: ean13('376012345202'),
        cost: 22.7,
        plant: {
          code: 'REQUIRED_MISSING',
          column: 'name',
          value: null,
          note: 'Product with no Désignation (name cell left empty)',
        },
      },
      {
        ref: 'SER-3P',
        name: 'Serrure 3 points A2P** en applique',
        description: 'Certifiée A2P 2 étoiles, coffre acier, 3 clés incopiables',
        pack: 'En carton',
        price: 1049.9,
        priceAs: { text: euros(1049.9, '\u00a0') },
        vat: 0.2,
        ean: ean13('376012345203'),
        cost: 640,
      },
      {
        ref: 'COF-60',
        name: 'Coffre-fort ignifuge 60 L',
        description: 'Résistance au feu 60 minutes, serrure à clé et code',
        pack: 'Sur palette',
        price: 1234.5,
        priceAs: { text: euros(1234.5, '\u202f') },
        vat: 0.2,
        ean: ean13('376012345204'),
        cost: 768,
      },
      {
        ref: 'BAR-PMR',
        name: 'Barre d’appui PMR inox 60 cm',
        description: 'Équipement pour personnes handicapées : TVA réduite',
        pack: 'À l’unité',
        price: 54,
        vat: 0.055,
        vatText: '5,5 %',
        ean: ean13('376012345205'),
        cost: 31.5,
      },
      {
        ref: 'GAC-12',
        name: 'Gâche électrique 12 V',
        description: 'Réversible, à rupture, pour porte bois ou métal',
        pack: 'En carton',
        price: 68,
        vat: 0.2,
        ean: ean13('376012345206'),
        cost: 42.5,
        // Recomputed the way the row above it is: purchase price × 1,6.
        fix: { priceAs: 'formula' },
        plant: {
          code: 'CELL_ERROR',
          column: 'price',
          value: { formula: '#REF!*2', result: { error: '#REF!' } },
          note: 'Price formula broken by a deleted column: cached result #REF!',
        },
      },
      {
        ref: 'VER-T',
        name: 'Verrou targette laiton',
        description: 'Pêne rond 10 mm, pose en applique',
        pack: 'À l’unité',
        price: 9.6,
        vat: 0.2,
        ean: ean13('376012345207'),
        cost: 5.2,
      },
    ],
  },
];

const FR_FORMATS: Partial<Record<FrKey, string>> = {
  price: EURO_FORMAT,
  vat: '0%',
  // Without an explicit format Excel would show a 13-digit EAN as 3,76012E+12.
  ean: '0',
  cost: EURO_FORMAT,
};

const THIN_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function frPrice(product: FrProduct, row: number): ExcelJS.CellValue {
  if (product.priceAs === 'formula') {
    const result = round2(product.cost * 1.6);
    if (result !== product.price)
      throw new Error(`${product.ref}: formula gives ${result}, not ${product.price}`);
    return { formula: `ROUND(${columnLetter(frColumn('cost'))}${row}*1.6,2)`, result };
  }
  return product.priceAs ? product.priceAs.text : product.price;
}

function richText(text: string | Runs): ExcelJS.CellValue {
  if (typeof text === 'string') return text;
  return {
    richText: text.map((run) => (run.bold ? { text: run.text, font: { bold: true } } : { text: run.text })),
  };
}

/**
 * The French tariff as the marketer first sent it (planted mistakes) or, `corrected`, the copy sent
 * once the validation report was worked through: same layout and quirks, every mistake fixed.
 */
async function writeFrenchWorkbook(file: string, corrected: boolean): Promise<void> {
  const workbook = newWorkbook('Quincaillerie Martin');
  const sheet = workbook.addWorksheet(FR_SHEET, {
    views: [{ state: 'frozen', ySplit: FR_HEADER_ROW }],
  });
  FR_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  sheet.getColumn(frColumn('cost')).hidden = true;

  sheet.getCell('A1').value = 'Quincaillerie Martin — Tarif professionnel 2026';
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.mergeCells(1, 1, 1, FR_PRINTED);
  sheet.getRow(1).height = 26;
  sheet.getCell('A2').value = 'Prix en euros HT, valables du 1er janvier au 31 décembre 2026';
  sheet.getCell('A2').font = { italic: true };

  const header = sheet.getRow(FR_HEADER_ROW);
  FR_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = fill('FFD9E1F2');
    cell.border = THIN_BORDER;
  });

  let row = FR_HEADER_ROW + 1;
  for (const group of FR_GROUPS) {
    const groupRow = sheet.getRow(row);
    groupRow.getCell(1).value = group.name;
    groupRow.getCell(1).font = { bold: true, size: 12 };
    groupRow.getCell(1).fill = fill('FFFCE4D6');
    sheet.mergeCells(row, 1, row, FR_PRINTED);
    row++;

    for (const product of group.products) {
      const values: Record<FrKey, ExcelJS.CellValue> = {
        ref: product.ref,
        name: product.name,
        description: richText(product.description),
        pack: product.pack,
        price: frPrice(corrected && product.fix?.priceAs ? { ...product, ...product.fix } : product, row),
        vat: product.vatText ?? product.vat,
        ean: Number(product.ean),
        photo: (corrected ? product.fix?.photo : undefined) ?? product.photo ?? null,
        cost: product.cost,
      };
      if (product.plant && !corrected) {
        values[product.plant.column] = product.plant.value;
        planted.push({
          file,
          ref: cellRef(FR_SHEET, frColumn(product.plant.column), row),
          code: product.plant.code,
          note: product.plant.note,
        });
      }

      const excelRow = sheet.getRow(row);
      for (const column of FR_COLUMNS) {
        const cell = excelRow.getCell(frColumn(column.key));
        cell.value = values[column.key];
        const numFmt = FR_FORMATS[column.key];
        if (numFmt) cell.numFmt = numFmt;
        cell.alignment = { vertical: 'top', wrapText: column.key === 'description' };
      }
      if (plainText(product.description).includes('\n')) excelRow.height = 30;
      if (product.discontinued) excelRow.hidden = true;
      if (product.pastedPhoto) {
        // As bytes, not by file name: exceljs would read the files while saving, in whatever order
        // they come back, and the media entries of the zip would change order from run to run.
        // (Its Buffer typing is not Node's.)
        const buffer = (await readFile(path.join(IMAGES_DIR, product.pastedPhoto))) as unknown;
        const image = workbook.addImage({ buffer: buffer as ExcelJS.Buffer, extension: 'jpeg' });
        // Anchors are 0-based; 60×60 px needs a row of about 45 pt, so give it some air.
        sheet.addImage(image, {
          tl: { col: frColumn('photo') - 1, row: row - 1 },
          ext: { width: 60, height: 60 },
        });
        excelRow.height = 50;
      }
      row++;
    }
  }

  const notes = workbook.addWorksheet('Notes');
  notes.getColumn(1).width = 90;
  [
    'Conditions générales de vente',
    'Franco de port à partir de 300 € HT de commande, sinon participation de 12 € HT.',
    'Les prix « sur devis » sont établis après visite ou selon quantités.',
    'Tarif remplaçant celui de 2025 ; les références arrêtées sont masquées.',
    'Contact : commandes@quincaillerie-martin.example — 04 78 00 00 00',
  ].forEach((line, index) => {
    notes.getCell(index + 1, 1).value = line;
  });
  notes.getCell(1, 1).font = { bold: true };

  await saveWorkbook(workbook, file);
}

// ─── French Excel CSV ─────────────────────────────────────────────────────────────────────────────

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts the typographic characters French
// text uses. Anything else cannot be saved by French Excel as CSV, so it is an error here too.
const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  Œ: 0x8c,
  œ: 0x9c,
};

function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const extra = CP1252_EXTRA[char];
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (extra !== undefined) bytes.push(extra);
    else throw new Error(`U+${code.toString(16).toUpperCase()} has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function writeFrenchCsv(): Promise<void> {
  // The marketer's clean copy: what Excel shows, planted mistakes fixed, discontinued rows deleted,
  // the confidential purchase price column removed, pasted pictures lost (CSV cannot hold them).
  const lines: string[][] = [FR_COLUMNS.slice(0, FR_PRINTED).map((column) => column.header)];
  for (const product of FR_GROUPS.flatMap((group) => group.products)) {
    if (product.discontinued) continue;
    lines.push([
      product.ref,
      product.name,
      plainText(product.description),
      product.pack,
      // Excel writes the displayed text, and cp1252 has no U+202F: it becomes a no-break space.
      euros(product.price),
      product.vatText ?? percent(product.vat),
      product.ean,
      product.photo ?? '',
    ]);
  }
  // Excel ends every record with CRLF but keeps a bare LF inside a quoted multi-line field.
  const text = lines.map((fields) => fields.map(csvField).join(';') + '\r\n').join('');
  await writeFile(path.join(SAMPLES_DIR, 'tarif-export-excel-fr.csv'), windows1252(text));
}

// ─── English fashion lookbook ─────────────────────────────────────────────────────────────────────

const EN_FILE = 'fashion-lookbook-2026.xlsx';
const EN_SHEET = 'Lookbook SS26';
const EN_HEADER_ROW = 1;

const EN_COLUMNS = [
  { key: 'sku', header: 'SKU', width: 15 },
  { key: 'name', header: 'Product name', width: 28 },
  { key: 'description', header: 'Description', width: 50 },
  { key: 'colour', header: 'Colour', width: 12 },
  { key: 'sizes', header: 'Sizes', width: 16 },
  { key: 'price', header: 'Retail price', width: 13 },
  { key: 'collection', header: 'Collection', width: 14 },
  { key: 'image', header: 'Image', width: 20 },
] as const;
type EnKey = (typeof EN_COLUMNS)[number]['key'];

function enColumn(key: EnKey): number {
  return EN_COLUMNS.findIndex((column) => column.key === key) + 1;
}

type FashionProduct = {
  sku: string;
  name: string;
  description: string;
  colour: string;
  sizes: string;
  price: number;
  collection: string;
  /** Blank while the photo shoot is pending: the Image column is optional. */
  image?: string;
  plant?: Plant<EnKey>;
};

const FASHION: FashionProduct[] = [
  {
    sku: 'SS26-RIV-001',
    name: 'Breton striped tee',
    description: 'Heavy organic cotton jersey, boxy fit',
    colour: 'Navy/Ecru',
    sizes: 'XS, S, M, L, XL',
    price: 35,
    collection: 'Riviera',
    image: 'SS26-RIV-001.jpg',
  },
  {
    sku: 'SS26-RIV-002',
    name: 'Linen beach shirt',
    description: 'Washed European linen, camp collar',
    colour: 'Sand',
    sizes: 'S–XL',
    price: 69,
    collection: 'Riviera',
  },
  {
    sku: 'SS26-RIV-003',
    name: 'Recycled swim shorts',
    description: 'Quick-dry recycled polyester\nMesh lining, zipped back pocket',
    colour: 'Coral',
    sizes: 'S–XXL',
    price: 45,
    collection: 'Riviera',
  },
  {
    sku: 'SS26-RIV-004',
    name: 'Wide-brim straw hat',
    description: 'Hand-woven raffia, grosgrain band',
    colour: 'Natural',
    sizes: 'One size',
    price: 29.5,
    collection: 'Riviera',
  },
  {
    sku: 'SS26-URB-005',
    name: 'Relaxed linen blazer',
    description: 'Unstructured, half-lined, patch pockets',
    colour: 'Stone',
    sizes: '6–16',
    price: 189,
    collection: 'Urban Linen',
  },
  {
    sku: 'SS26-URB-006',
    name: 'Wide-leg trousers',
    description: 'Linen-cotton blend, pleated front',
    colour: 'Olive',
    sizes: '6–16',
    price: 95,
    collection: 'Urban Linen',
    plant: {
      code: 'NOT_A_PRICE',
      column: 'price',
      value: 'TBC',
      note: 'Retail price still « TBC »',
    },
  },
  {
    sku: 'SS26-URB-007',
    name: 'Linen overshirt',
    description: 'Garment-dyed, horn buttons',
    colour: 'Charcoal',
    sizes: 'S–XL',
    price: 85,
    collection: 'Urban Linen',
  },
  {
    sku: 'SS26-URB-008',
    name: 'Linen overshirt',
    description: 'Garment-dyed, horn buttons',
    colour: 'Ecru',
    sizes: 'S–XL',
    price: 85,
    collection: 'Urban Linen',
    plant: {
      code: 'DUPLICATE_VALUE',
      column: 'sku',
      value: 'SS26-URB-007',
      note: 'New colourway pasted from the row above, SKU « SS26-URB-007 » not changed',
    },
  },
  {
    sku: 'SS26-EVE-009',
    name: 'Silk slip dress',
    description: 'Bias-cut mulberry silk, adjustable straps',
    colour: 'Midnight',
    sizes: '6–16',
    price: 245,
    collection: 'Evening',
    image: 'SS26-EVE-009.jpg',
  },
  {
    sku: 'SS26-EVE-010',
    name: 'Satin camisole',
    description: 'Fluid satin, lace trim',
    colour: 'Champagne',
    sizes: 'XS–L',
    price: 59,
    collection: 'Evening',
  },
  {
    sku: 'SS26-EVE-011',
    name: 'Tailored tuxedo jacket',
    description: 'Wool grain de poudre, satin peak lapels',
    colour: 'Black',
    sizes: '34–44',
    price: 1150,
    collection: 'Evening',
  },
  {
    sku: 'SS26-EVE-012',
    name: 'Beaded clutch',
    description: 'Hand-beaded glass, chain strap',
    colour: 'Gold',
    sizes: 'One size',
    price: 120,
    collection: 'Evening',
  },
];

async function writeFashionWorkbook(): Promise<void> {
  const workbook = newWorkbook('Atelier Northlight');
  const sheet = workbook.addWorksheet(EN_SHEET, {
    views: [{ state: 'frozen', ySplit: EN_HEADER_ROW }],
  });
  EN_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  const header = sheet.getRow(EN_HEADER_ROW);
  EN_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = fill('FF264653');
  });

  FASHION.forEach((product, index) => {
    const row = EN_HEADER_ROW + 1 + index;
    const values: Record<EnKey, ExcelJS.CellValue> = {
      sku: product.sku,
      name: product.name,
      description: product.description,
      colour: product.colour,
      sizes: product.sizes,
      price: product.price,
      collection: product.collection,
      image: product.image ?? null,
    };
    if (product.plant) {
      values[product.plant.column] = product.plant.value;
      planted.push({
        file: EN_FILE,
        ref: cellRef(EN_SHEET, enColumn(product.plant.column), row),
        code: product.plant.code,
        note: product.plant.note,
      });
    }
    const excelRow = sheet.getRow(row);
    for (const column of EN_COLUMNS) {
      const cell = excelRow.getCell(enColumn(column.key));
      cell.value = values[column.key];
      if (column.key === 'price') cell.numFmt = '£#,##0.00';
      cell.alignment = { vertical: 'top', wrapText: column.key === 'description' };
    }
    if (product.description.includes('\n')) excelRow.height = 30;
  });

  await saveWorkbook(workbook, EN_FILE);
}

// ─── Print-trade price grids (samples/print-trade.ts) ─────────────────────────────────────────────

async function writePrintTrade(): Promise<void> {
  const workbook = newWorkbook(PRINT_TRADE_CREATOR);
  buildPrintTradeWorkbook(workbook);
  await saveWorkbook(workbook, PRINT_TRADE_FILE);
  await writeLogos(path.join(SAMPLES_DIR, 'logos'));
}

// ─── Planted problems module and README table ─────────────────────────────────────────────────────

async function writePlantedProblems(): Promise<void> {
  const target = path.join(SAMPLES_DIR, 'planted-problems.ts');
  const source = `// Generated by samples/generate.ts (\`npm run samples\`): do not edit by hand.
// The mistakes planted in the sample files, one per cell, so tests can assert that the import and
// validation report exactly these cells with exactly these codes, and nothing else.
export type PlantedCode = ${PLANTED_CODES.map((code) => `'${code}'`).join(' | ')};

export type PlantedProblem = {
  /** File name in samples/. */
  file: string;
  /** The cell as the user sees it: \`'Tarif 2026'!E12\`. */
  ref: string;
  code: PlantedCode;
  /** What the marketer did wrong, for humans reading a failing test. */
  note: string;
};

export const PLANTED_PROBLEMS: readonly PlantedProblem[] = ${JSON.stringify(planted)};
`;
  const options = (await prettier.resolveConfig(target)) ?? {};
  await writeFile(target, await prettier.format(source, { ...options, filepath: target }));

  // The README carries the same table for people; replace only the generated part of it.
  const readmePath = path.join(SAMPLES_DIR, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const start = '<!-- planted-problems:start -->';
  const end = '<!-- planted-problems:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`samples/README.md lost its ${start} … ${end} markers`);
  const table = [
    '| File | Cell | Code | What is wrong |',
    '| --- | --- | --- | --- |',
    ...planted.map((p) => `| \`${p.file}\` | \`${p.ref}\` | \`${p.code}\` | ${p.note} |`),
  ].join('\n');
  await writeFile(readmePath, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
}

await writePhotos();
await writeFrenchWorkbook(FR_FILE, false);
await writeFrenchWorkbook(FR_CORRECTED_FILE, true);
await writeFrenchCsv();
await writeFashionWorkbook();
await writePrintTrade();
await writePlantedProblems();
console.log(`Samples written to ${path.relative(process.cwd(), SAMPLES_DIR) || '.'}`);
