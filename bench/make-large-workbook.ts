// Writes the large price list the import benchmark reads: a French supplier's tariff as it arrives
// (title rows above the header, a category row every fifty-odd products, formatted numbers, a few
// prices typed as text, EANs stored as numbers), scaled up to a size that must be streamed.
//
// It is written with exceljs's streaming writer so that producing it does not need the memory the
// benchmark is about, and cached under .tmp/bench/ with a stamp of this file's source: editing the
// generator, or asking for another row count, writes it again; otherwise the cached file is reused.
//
// Usage: node --import tsx bench/make-large-workbook.ts [--rows N]
import { createHash } from 'node:crypto';
import { FAMILIES as ALL_FAMILIES } from './product-families.ts';
import { seededRandom } from './seeded-random.ts';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

export const DEFAULT_ROWS = 100_000;
export const BENCH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.tmp', 'bench');
const SHEET_NAME = 'Tarif 2026';

export const HEADERS = [
  'Réf.',
  'Désignation',
  'Description',
  'Conditionnement',
  'Prix HT',
  'TVA',
  'EAN',
  'Photo',
  'Marque',
  'Famille',
  'Stock',
  'Poids',
] as const;

/** What the benchmark needs to know about the file without opening it. */
export type LargeWorkbook = {
  path: string;
  /** Products asked for (`--rows`). */
  products: number;
  /** Every row that holds a value: title rows, header, category rows and products. */
  sheetRows: number;
  categoryRows: number;
  bytes: number;
  /** False when the cached file was reused. */
  generated: boolean;
  generatorHash: string;
};

type Stamp = Omit<LargeWorkbook, 'path' | 'generated'>;

// ─── Values ───────────────────────────────────────────────────────────────────────────────────────

// The first six hardware families; their units are the packs the workbook's « Conditionnement » shows.
const FAMILIES = ALL_FAMILIES.slice(0, 6).map(({ name, items, sizes, units }) => ({
  name,
  items,
  sizes,
  packs: units,
}));
const MATERIALS = ['acier zingué', 'inox A2', 'inox A4', 'laiton', 'acier bichromaté', 'nylon', 'aluminium'];
const BRANDS = ['Dupont Pro', 'Fixalu', 'Outimax', 'Stelmet', 'Brico Ouest', 'Serrurix', 'Électra'];
const USES = [
  'Pour bois tendre et dur.',
  'Usage intérieur et extérieur.',
  'Convient aux matériaux creux.',
  'Finition soignée, montage rapide.',
  'Conforme à la norme NF.',
  'Résiste à la corrosion en milieu humide.',
];

/** EAN-13 from its first 12 digits, with the GS1 check digit (weights 1,3,1,3… from the left). */
function ean13(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return Number(first12 + String((10 - (sum % 10)) % 10));
}

/** How French Excel shows a price typed as text: comma decimals and a no-break space before €. */
const textPrice = (n: number): string => `${n.toFixed(2).replace('.', ',')}\u00a0€`;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// Formats a supplier's sheet really carries; the full reader keeps numFmt, so they cost what they cost.
const FMT_PRICE = '#,##0.00 "€"';
const FMT_PERCENT = '0.0%';
const FMT_EAN = '0';
const FMT_WEIGHT = '0.000 "kg"';

// ─── Writing ──────────────────────────────────────────────────────────────────────────────────────

async function write(file: string, products: number): Promise<{ sheetRows: number; categoryRows: number }> {
  const random = seededRandom(products);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const fixedDate = new Date(Date.UTC(2026, 0, 5));
  workbook.creator = 'catalog-publisher bench';
  workbook.created = fixedDate;
  workbook.modified = fixedDate;
  const ws = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [14, 42, 60, 18, 12, 8, 16, 18, 14, 22, 8, 10].map((width) => ({ width }));

  let rowNumber = 0;
  // Rows that hold a value: a blank row is not written to the file, so a reader never sees it.
  let sheetRows = 0;
  let categoryRows = 0;
  const add = (values: ExcelJS.CellValue[], style?: (row: ExcelJS.Row) => void): void => {
    const row = ws.getRow(++rowNumber);
    if (values.length > 0) sheetRows++;
    row.values = values;
    style?.(row);
    row.commit();
  };

  add(['Tarif professionnel 2026 — Quincaillerie Dupont'], (r) => {
    r.getCell(1).font = { bold: true, size: 16 };
  });
  add([
    'Prix en euros hors taxes, valables du 1er janvier au 31 décembre 2026. Franco à partir de 300 € HT.',
  ]);
  add([]);
  add([...HEADERS], (r) => {
    r.font = { bold: true };
  });

  let family = FAMILIES[0]!;
  let untilCategory = 0;
  for (let i = 1; i <= products; i++) {
    if (untilCategory === 0) {
      family = pick(random, FAMILIES);
      // Between 40 and 60 products per category, as a real tariff's sections are uneven.
      untilCategory = 40 + Math.floor(random() * 21);
      categoryRows++;
      add([family.name], (r) => {
        r.getCell(1).font = { bold: true, size: 12 };
        // Merged across the table, as designers lay out section titles; before commit, or it throws.
        ws.mergeCells(r.number, 1, r.number, HEADERS.length);
      });
    }
    untilCategory--;

    const ref = `QD-${String(i).padStart(6, '0')}`;
    const item = pick(random, family.items);
    const size = pick(random, family.sizes);
    const material = pick(random, MATERIALS);
    const designation = `${item} ${size} ${material}`;
    // Some descriptions carry an Alt+Enter line break, as marketers type them.
    const description =
      random() < 0.2
        ? `${item} en ${material}.\n${pick(random, USES)}`
        : `${item} en ${material}, ${size}. ${pick(random, USES)}`;
    const price = Math.round((0.5 + random() * random() * 250) * 100) / 100;
    const vat = random() < 0.9 ? 0.2 : random() < 0.5 ? 0.1 : 0.055;
    const ean = ean13(
      `3${String(700000 + (i % 300000)).padStart(6, '0')}${String(i).padStart(5, '0').slice(-5)}`,
    );
    const photo = random() < 0.85 ? `${ref}.jpg` : null;
    const stockDraw = random();
    const stock =
      stockDraw < 0.05 ? 'sur commande' : stockDraw < 0.1 ? null : Math.floor(random() * random() * 2000);
    const weight = Math.round((0.005 + random() * 3) * 1000) / 1000;
    // About one price in thirty typed as text (« 12,50 € »), the way a pasted price arrives.
    const priceValue = random() < 1 / 30 ? textPrice(price) : price;

    add(
      [
        ref,
        designation,
        description,
        pick(random, family.packs),
        priceValue,
        vat,
        ean,
        photo,
        pick(random, BRANDS),
        `${family.name} — ${item}`,
        stock,
        weight,
      ],
      (r) => {
        if (typeof priceValue === 'number') r.getCell(5).numFmt = FMT_PRICE;
        r.getCell(6).numFmt = FMT_PERCENT;
        r.getCell(7).numFmt = FMT_EAN;
        r.getCell(12).numFmt = FMT_WEIGHT;
        if (description.includes('\n')) r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
      },
    );
  }
  ws.commit();
  await workbook.commit();
  return { sheetRows, categoryRows };
}

// ─── Cache ────────────────────────────────────────────────────────────────────────────────────────

async function generatorHash(): Promise<string> {
  // The generator, its random numbers and its families: an edit to any makes a new workbook.
  const hash = createHash('sha256');
  for (const file of [
    import.meta.url,
    ...['./seeded-random.ts', './product-families.ts'].map((f) => new URL(f, import.meta.url).href),
  ])
    hash.update(await readFile(fileURLToPath(file)));
  return hash.digest('hex').slice(0, 16);
}

async function readStamp(file: string): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Returns the workbook for `products` rows, writing it only when the cached one is missing or stale. */
export async function ensureLargeWorkbook(products: number = DEFAULT_ROWS): Promise<LargeWorkbook> {
  const file = path.join(BENCH_DIR, `tarif-${products}.xlsx`);
  const stampFile = `${file}.json`;
  const hash = await generatorHash();
  const stamp = await readStamp(stampFile);
  const onDisk = await stat(file).catch(() => undefined);
  if (stamp && onDisk && stamp.generatorHash === hash && stamp.bytes === onDisk.size) {
    return { path: file, ...stamp, generated: false };
  }

  await mkdir(BENCH_DIR, { recursive: true });
  // Written beside and renamed, so a run killed half-way never leaves a file that looks cached.
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  const { sheetRows, categoryRows } = await write(partial, products);
  await rename(partial, file);
  const bytes = (await stat(file)).size;
  const fresh: Stamp = { products, sheetRows, categoryRows, bytes, generatorHash: hash };
  await writeFile(stampFile, `${JSON.stringify(fresh, null, 2)}\n`);
  return { path: file, ...fresh, generated: true };
}

/** `--rows N` from argv, shared with the benchmark so both read the flag the same way. */
export function rowsOption(argv: readonly string[]): number {
  const at = argv.indexOf('--rows');
  if (at < 0) return DEFAULT_ROWS;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--rows needs a positive whole number, got ${argv[at + 1]}`);
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const book = await ensureLargeWorkbook(rowsOption(process.argv.slice(2)));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${book.generated ? `Wrote in ${seconds} s` : 'Up to date'}: ${path.relative(process.cwd(), book.path)} ` +
      `(${book.products} products, ${book.sheetRows} sheet rows, ${(book.bytes / 1024 / 1024).toFixed(1)} MB)`,
  );
}
