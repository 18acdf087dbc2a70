// Checks the real-world corpus itself, not the import: every file of expected.ts is generated, byte for
// byte as committed, each trait is really planted, and every expected row role sits on a non-empty row.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, type Expected } from '../../../fixtures/real-world/expected.ts';
import { CORPUS_DIR, generateRealWorldCorpus } from '../../../fixtures/real-world/generate.ts';
import {
  brokenRelationships,
  ean13,
  partText,
  readParts,
  relocateWorkbookPart,
  setPartText,
  workbookPartName,
  writeParts,
  type Parts,
} from '../../../fixtures/real-world/package-parts.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';

const out = tempDir('real-world-corpus-');
let written: string[] = [];

beforeAll(async () => {
  written = await generateRealWorldCorpus(out);
});

const bytesOf = (file: string) => readFileSync(join(out, file));
const partsOf = (file: string) => readParts(bytesOf(file));
const xlsxEntries = EXPECTED.filter((e) => e.file.endsWith('.xlsx'));
const csvEntries = EXPECTED.filter((e) => e.file.endsWith('.csv'));

/**
 * A copy exceljs can read: the workbook part put back at xl/workbook.xml and the whole-sheet validation
 * dropped (exceljs expands it cell by cell and never returns). The cells themselves are untouched.
 */
async function readWithExceljs(file: string): Promise<ExcelJS.Worksheet> {
  const parts = await partsOf(file);
  if (workbookPartName(parts) !== 'xl/workbook.xml') relocateWorkbookPart(parts, 'xl/workbook.xml');
  for (const name of parts.keys()) {
    if (name.startsWith('xl/worksheets/'))
      setPartText(
        parts,
        name,
        partText(parts, name).replace(/<dataValidations\b.*?<\/dataValidations>/s, ''),
      );
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeParts(parts)) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** Row number → the texts of its cells by column letter, for rows with at least one non-blank cell. */
type Grid = Map<number, Map<string, string>>;

async function gridOf(entry: Expected): Promise<Grid> {
  const grid: Grid = new Map();
  if (entry.file.endsWith('.csv')) {
    const text = bytesOf(entry.file).toString('utf8');
    const records = parse(text, { relax_column_count: true }) as string[][];
    // One record per physical line, so a record's index is the row number a spreadsheet shows.
    expect(records).toHaveLength(text.split(/\r?\n/).length - 1);
    records.forEach((record, i) => {
      const cells = new Map<string, string>();
      record.forEach((value, c) => value.trim() && cells.set(String.fromCharCode(65 + c), value));
      if (cells.size > 0) grid.set(i + 1, cells);
    });
    return grid;
  }
  const ws = await readWithExceljs(entry.file);
  expect(ws.name).toBe(entry.sheet);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = new Map<string, string>();
    row.eachCell({ includeEmpty: false }, (cell) => {
      const text = cell.type === ExcelJS.ValueType.Merge ? '' : cell.text.trim();
      if (text) cells.set(cell.address.replace(/\d+$/, ''), text);
    });
    if (cells.size > 0) grid.set(n, cells);
  });
  return grid;
}

const rowsWith = (entry: Expected, role: string) =>
  Object.entries(entry.roles)
    .filter(([, r]) => r === role)
    .map(([row]) => Number(row));

describe('real-world corpus: the files', () => {
  it('writes every file expected.ts describes, every picture it names, and nothing else', () => {
    const pictures = EXPECTED.flatMap((e) => Object.values(e.pictures ?? {}).map((p) => `images/${p}`));
    const wanted = [...EXPECTED.map((e) => e.file), ...pictures].sort();
    expect(written.map((path) => relative(out, path)).sort()).toEqual(wanted);
    expect(new Set(EXPECTED.map((e) => e.file)).size).toBe(EXPECTED.length);
  });

  it('is byte for byte the corpus committed beside the generator (regenerate after changing it)', () => {
    for (const path of written) {
      const file = relative(out, path);
      if (file.startsWith('images/')) continue; // pictures: checked by decoding, the encoder may differ by build
      expect(existsSync(join(CORPUS_DIR, file)), file).toBe(true);
      expect(readFileSync(join(CORPUS_DIR, file)).equals(bytesOf(file)), file).toBe(true);
    }
  });

  it('keeps each file small', () => {
    for (const path of written) expect(readFileSync(path).length, path).toBeLessThan(16_000);
  });

  it('makes pictures that decode, in the format their name says', async () => {
    for (const path of written.filter((p) => relative(out, p).startsWith('images/'))) {
      const meta = await sharp(path).metadata();
      expect(meta.format, path).toBe(path.endsWith('.png') ? 'png' : 'jpeg');
      expect([meta.width, meta.height]).toEqual([48, 48]);
    }
    expect(readdirSync(join(out, 'images', 'laiton')).sort()).toHaveLength(8);
  });

  it.each(xlsxEntries.map((e) => e.file))(
    '%s is a zip package whose relationships all resolve',
    async (file) => {
      const parts = await partsOf(file);
      expect(parts.has('[Content_Types].xml')).toBe(true);
      expect(brokenRelationships(parts)).toEqual([]);
      expect(partText(parts, 'docProps/core.xml')).toContain('2026-01-05T00:00:00Z');
    },
  );
});

describe('real-world corpus: the planted traits', () => {
  const sheetXml = async (file: string): Promise<string> =>
    partText(await partsOf(file), 'xl/worksheets/sheet1.xml');

  it('whole-sheet-validation: the A1:XFD1048576 list rule sits where the schema orders it', async () => {
    const xml = await sheetXml('whole-sheet-validation.xlsx');
    const rule = xml.indexOf('sqref="A1:XFD1048576"');
    expect(rule).toBeGreaterThan(0);
    expect(xml).toContain('<formula1>"Oui,Non"</formula1>');
    expect(xml.indexOf('</sheetData>')).toBeLessThan(rule);
    expect(rule).toBeLessThan(xml.indexOf('<pageMargins'));
  });

  it('relocated-workbook: no xl/workbook.xml; _rels/.rels and the content types name xl/workbook2.xml', async () => {
    const parts: Parts = await partsOf('relocated-workbook.xlsx');
    expect(parts.has('xl/workbook.xml')).toBe(false);
    expect(parts.has('xl/_rels/workbook.xml.rels')).toBe(false);
    expect(parts.has('xl/_rels/workbook2.xml.rels')).toBe(true);
    expect(workbookPartName(parts)).toBe('xl/workbook2.xml');
    expect(partText(parts, '[Content_Types].xml')).toContain('PartName="/xl/workbook2.xml"');
    expect(partText(parts, '[Content_Types].xml')).not.toContain('PartName="/xl/workbook.xml"');
  });

  it('categories-remarks: merged category rows, a two-cell category, SUM totals with cached results', async () => {
    const ws = await readWithExceljs('categories-remarks.xlsx');
    for (const row of [5, 18, 25]) expect(ws.getCell(`D${row}`).isMerged, `row ${row}`).toBe(true);
    expect(ws.getCell('A10').isMerged).toBe(false);
    expect([ws.getCell('A10').text, ws.getCell('C10').text]).toEqual([
      'Visserie inox',
      'Livraison sous 8 jours',
    ]);
    expect(ws.getCell('A10').font?.bold).toBe(true);
    const sum = (rows: number[]) =>
      Math.round(rows.reduce((t, r) => t + Number(ws.getCell(`D${r}`).value), 0) * 100);
    const sub = ws.getCell('D15').value as ExcelJS.CellFormulaValue;
    expect(sub.formula).toBe('SUM(D6:D14)');
    expect(Math.round(Number(sub.result) * 100)).toBe(sum([6, 7, 8, 9, 11, 12, 13, 14]));
    const grand = ws.getCell('D32').value as ExcelJS.CellFormulaValue;
    expect(grand.formula).toBe('SUM(D6:D14,D19:D30)');
    expect(Math.round(Number(grand.result) * 100)).toBe(
      sum([6, 7, 8, 9, 11, 12, 13, 14, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30]),
    );
    expect(ws.getCell('D6').numFmt).toContain('€');
  });

  it('currencies: each sheet shows its currency where expected.ts says, and no other', async () => {
    const pln = await readWithExceljs('prices-pln.xlsx');
    expect(pln.getCell('D4').numFmt).toBe('#,##0.00 [$zł-415]');
    expect(pln.getCell('D3').text).toBe('Cena netto (PLN)');
    expect([pln.getCell('E3').text, pln.getCell('E4').value, pln.getCell('E4').numFmt]).toEqual([
      'VAT',
      0.23,
      '0%',
    ]);
    const inr = await readWithExceljs('prices-inr.xlsx');
    expect(inr.getCell('D5').value).toBe('₹1,650.00');
    const vnd = await readWithExceljs('prices-vnd.xlsx');
    expect(vnd.getCell('A2').text).toBe('Báo giá — Prices exclude 10% VAT');
    expect(vnd.getCell('E4').text).toBe('Đơn giá (VND)');
    const gbp = await readWithExceljs('prices-gbp.xlsx');
    expect(gbp.getCell('D4').numFmt).toBe('"£"#,##0.00');
    const usd = bytesOf('prices-usd.csv').toString('utf8');
    expect(usd).toContain('"$1,049.00"');
    expect(usd.split('\r\n')[0]).toBe('Item #,Description,UOM,Unit Price');
    const shop = bytesOf('shop-variants.csv').toString('utf8');
    expect(shop).not.toMatch(/[$€£¥₹]|USD|EUR/);
    const be = await readWithExceljs('tvac-be.xlsx');
    expect(be.getCell('F1').text).toBe('prix_tvac');
  });

  it('prices-pln: only the planted EAN on F9 fails its check digit', async () => {
    const ws = await readWithExceljs('prices-pln.xlsx');
    for (let row = 4; row <= 15; row++) {
      const code = String(ws.getCell(`F${row}`).value);
      expect(code === ean13(code.slice(0, 12)), `F${row}`).toBe(row !== 9);
    }
  });

  it('matrix: papers across the header row, quantities down column A', async () => {
    const entry = EXPECTED.find((e) => e.file === 'matrix.xlsx')!;
    const ws = await readWithExceljs('matrix.xlsx');
    expect(['B', 'C', 'D'].map((c) => ws.getCell(`${c}${entry.headerRow}`).text)).toEqual(
      entry.matrix?.variants,
    );
    const quantities = entry.matrix?.quantities ?? [];
    expect(quantities.map((_, i) => ws.getCell(`A${entry.headerRow! + 1 + i}`).value)).toEqual(quantities);
    expect(ws.getCell('A7').numFmt).toBe('#,##0');
  });

  it('shop-variants: a variant row keeps the handle and leaves title, body, vendor and type blank', async () => {
    const entry = EXPECTED.find((e) => e.file === 'shop-variants.csv')!;
    const grid = await gridOf(entry);
    for (const row of rowsWith(entry, 'variant')) {
      const cells = grid.get(row)!;
      expect(
        ['B', 'C', 'D', 'E'].map((c) => cells.get(c)),
        `row ${row}`,
      ).toEqual([undefined, undefined, undefined, undefined]);
      expect(cells.get('A')).toBeTruthy();
    }
  });
});

describe('real-world corpus: expected.ts against the sheets', () => {
  it.each([...xlsxEntries, ...csvEntries].map((e) => [e.file, e] as const))(
    '%s: roles cover exactly the non-empty rows, and the counts, groups, header and mapping agree',
    async (_file, entry) => {
      const grid = await gridOf(entry);
      expect(Object.keys(entry.roles).map(Number)).toEqual([...grid.keys()]);

      expect(rowsWith(entry, 'product')).toHaveLength(entry.products);
      expect(rowsWith(entry, 'variant')).toHaveLength(entry.variants);
      expect(rowsWith(entry, 'blank')).toEqual([]);
      if (entry.headerless) {
        expect(entry.headerRow).toBeUndefined();
        expect(rowsWith(entry, 'header')).toEqual([]);
      } else {
        expect(rowsWith(entry, 'header')).toEqual([entry.headerRow]);
      }
      // Titles only above the header; products and variants only below it; a variant follows its product.
      const header = entry.headerRow ?? 0;
      for (const row of rowsWith(entry, 'title')) expect(row).toBeLessThan(header);
      for (const row of [...rowsWith(entry, 'product'), ...rowsWith(entry, 'variant')])
        expect(row).toBeGreaterThan(header);
      const ordered = Object.entries(entry.roles).map(([row, role]) => [Number(row), role] as const);
      for (const [i, [row, role]] of ordered.entries()) {
        if (role === 'variant') expect(['product', 'variant'], `row ${row}`).toContain(ordered[i - 1]?.[1]);
      }

      // Groups: the label of each category row that heads products, in sheet order.
      const heading = ordered.filter(
        ([, role], i) => role === 'category' && ordered[i + 1]?.[1] === 'product',
      );
      expect(heading.map(([row]) => grid.get(row)?.get('A'))).toEqual(entry.groups);

      // Every mapped column holds a value on every product row.
      for (const [field, column] of Object.entries(entry.mapping ?? {})) {
        for (const row of rowsWith(entry, 'product'))
          expect(grid.get(row)?.get(column), `${field} ${column}${row}`).toBeTruthy();
      }
      // Pictures belong to products of the sheet.
      const references = new Set(rowsWith(entry, 'product').map((row) => grid.get(row)?.get('A')));
      for (const reference of Object.keys(entry.pictures ?? {})) expect(references).toContain(reference);
      if (entry.vatRate !== null) expect(entry.vatRate).toBeLessThan(1);
    },
  );
});
