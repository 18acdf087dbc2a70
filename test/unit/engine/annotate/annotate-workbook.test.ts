import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, CellHyperlinkValue, Fill, Workbook, Worksheet } from 'exceljs';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotateWorkbook } from '../../../../main/engine/annotate/annotate-workbook.ts';
import type { Issue } from '../../../../main/engine/model.ts';

// Lets a test make the final rename of the atomic write fail (root ignores permissions).
const failures = vi.hoisted(() => ({ rename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw Object.assign(new Error('simulated rename failure'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

const TARIF = 'Tarif 2026';

let dir: string;
let source: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annotate-'));
  failures.rename = false;
  source = join(dir, 'tarif.xlsx');
  await writeSource(source);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A small real-looking price list: merged title, header on row 3, formulas, a note, two sheets. */
async function writeSource(path: string, extraSheet?: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const tarif = wb.addWorksheet(TARIF);
  tarif.mergeCells('A1:E1');
  tarif.getCell('A1').value = 'Tarif 2026 — Quincaillerie';
  tarif.getCell('A1').font = { bold: true, size: 16 };
  tarif.getRow(3).values = ['Réf', 'Désignation', 'Prix HT', 'Qté', 'Total'];
  const products: [string, string, number | string, number][] = [
    ['VIS-01', 'Vis à bois 4×40', 12.5, 10],
    ['VIS-02', 'Vis inox', 'douze', 5],
    ['BOU-01', 'Boulon M8', 3.2, 100],
  ];
  products.forEach(([ref, name, price, qty], index) => {
    const row = 4 + index;
    tarif.getRow(row).values = [ref, name, price, qty];
    tarif.getCell(`E${row}`).value = {
      formula: `C${row}*D${row}`,
      result: typeof price === 'number' ? price * qty : 0,
    };
    // Same style everywhere in the column: an in-place style edit would leak to the other rows.
    tarif.getCell(`C${row}`).numFmt = '#,##0.00 €';
  });
  tarif.getCell('C4').note = 'Prix négocié avec le client';
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Remise 5 % au-delà de 1 000 €';
  if (extraSheet) wb.addWorksheet(extraSheet);
  wb.views = [
    { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  await wb.xlsx.writeFile(path);
}

const ISSUES: Issue[] = [
  {
    severity: 'info',
    code: 'NOTE_ONLY',
    message: { fr: 'Remise à vérifier', en: 'Discount to check' },
    cell: { sheet: 'Notes', row: 1, column: 'A' },
  },
  {
    severity: 'warning',
    code: 'DUPLICATE_ROW',
    message: { fr: 'Ligne en double', en: 'Duplicate row' },
    cell: { sheet: TARIF, row: 6 },
  },
  {
    severity: 'warning',
    code: 'PRICE_ROUNDED',
    message: { fr: 'Prix arrondi', en: 'Price rounded' },
    cell: { sheet: TARIF, row: 5, column: 'C' },
  },
  {
    severity: 'error',
    code: 'NOT_A_NUMBER',
    message: { fr: '« douze » n’est pas un prix', en: '"douze" is not a price' },
    ref: `'${TARIF}'!C5`,
    cell: { sheet: TARIF, row: 5, column: 'C' },
  },
  {
    severity: 'error',
    code: 'SHEET_GONE',
    message: { fr: 'Feuille introuvable', en: 'Sheet not found' },
    cell: { sheet: 'Ancien tarif', row: 2, column: 'B' },
  },
  {
    severity: 'info',
    code: 'PRICE_NOTE',
    message: { fr: 'Prix négocié repris', en: 'Negotiated price kept' },
    cell: { sheet: TARIF, row: 4, column: 'C' },
  },
  { severity: 'info', code: 'NO_CELL', message: { fr: 'Classeur lu', en: 'Workbook read' } },
];

async function open(path: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

function noteText(cell: Cell): string {
  const note: Cell['note'] | undefined = cell.note;
  if (note === undefined) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((run) => run.text).join('');
}

function fillColor(cell: Cell): string | undefined {
  const fill: Fill | undefined = cell.fill;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function sheet(wb: Workbook, name: string): Worksheet {
  const found = wb.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('annotateWorkbook (xlsx)', () => {
  it('marks the cells, lists the issues first and keeps the rest of the workbook', async () => {
    const before = await sha256(source);
    const out = join(dir, 'tarif-annoté.xlsx');

    const result = await annotateWorkbook({
      source: { kind: 'xlsx', path: source },
      issues: ISSUES,
      out,
      lang: 'fr',
    });

    // C5 (error + warning), A6:E6 (row), C4 and Notes!A1 (info notes)
    expect(result).toEqual({ highlighted: 8, written: out });
    expect(await sha256(source)).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['tarif-annoté.xlsx', 'tarif.xlsx']);

    const wb = await open(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Problèmes', TARIF, 'Notes']);
    expect(wb.views[0]?.activeTab).toBe(0);

    const tarif = sheet(wb, TARIF);
    // Error + warning on one cell: the error decides the fill, both messages in one note, error first.
    const c5 = tarif.getCell('C5');
    expect(fillColor(c5)).toBe('FFFFC7CE');
    expect(c5.font.color?.argb).toBe('FF9C0006');
    expect(c5.value).toBe('douze');
    expect(noteText(c5)).toBe('Erreur\u00a0: « douze » n’est pas un prix\nAvertissement\u00a0: Prix arrondi');
    // Neighbours sharing the same style are not coloured.
    expect(fillColor(tarif.getCell('C6'))).toBe('FFFFEB9C'); // but row 6 is, by the row issue
    expect(fillColor(tarif.getCell('C4'))).toBeUndefined();
    expect(fillColor(tarif.getCell('B5'))).toBeUndefined();
    expect(tarif.getCell('C4').numFmt).toBe('#,##0.00 €');
    expect(c5.numFmt).toBe('#,##0.00 €');

    // Row-level issue: every used cell of the row filled, the note on column A only.
    for (const column of ['A', 'B', 'C', 'D', 'E']) {
      expect(fillColor(tarif.getCell(`${column}6`)), column).toBe('FFFFEB9C');
    }
    expect(noteText(tarif.getCell('A6'))).toBe('Avertissement\u00a0: Ligne en double');
    expect(noteText(tarif.getCell('B6'))).toBe('');

    // Info: a note, no fill; the author's own note is kept after ours.
    const c4 = tarif.getCell('C4');
    expect(noteText(c4)).toContain('Info\u00a0: Prix négocié repris');
    expect(noteText(c4)).toContain('Prix négocié avec le client');
    expect(noteText(sheet(wb, 'Notes').getCell('A1'))).toBe('Info\u00a0: Remise à vérifier');
    expect(fillColor(sheet(wb, 'Notes').getCell('A1'))).toBeUndefined();

    // Values, formulas and merges survive.
    expect(tarif.getCell('A1').value).toBe('Tarif 2026 — Quincaillerie');
    expect(tarif.getCell('C1').isMerged).toBe(true);
    expect(tarif.getCell('C1').master.address).toBe('A1');
    expect(tarif.getCell('E4').formula).toBe('C4*D4');
    expect(tarif.getCell('E4').result).toBe(125);
    expect(tarif.getCell('B4').value).toBe('Vis à bois 4×40');
    expect(sheet(wb, 'Notes').getCell('A1').value).toBe('Remise 5 % au-delà de 1 000 €');

    // The issues sheet: header, sort order, links.
    const issues = sheet(wb, 'Problèmes');
    expect(issues.getRow(1).values).toEqual([undefined, 'Gravité', 'Cellule', 'Code', 'Message']);
    expect(issues.getCell('A1').font.bold).toBe(true);
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(issues.autoFilter).toBeDefined();
    expect(issues.getColumn(4).width).toBeGreaterThanOrEqual(30);

    const rows = [2, 3, 4, 5, 6, 7, 8].map((n) => {
      const row = issues.getRow(n);
      return [row.getCell(1).text, row.getCell(2).text, row.getCell(3).text];
    });
    expect(rows).toEqual([
      ['Erreur', `'${TARIF}'!C5`, 'NOT_A_NUMBER'],
      ['Erreur', `'Ancien tarif'!B2`, 'SHEET_GONE'],
      ['Avertissement', `'${TARIF}'!C5`, 'PRICE_ROUNDED'],
      ['Avertissement', `'${TARIF}'!6:6`, 'DUPLICATE_ROW'],
      ['Info', `'${TARIF}'!C4`, 'PRICE_NOTE'],
      ['Info', 'Notes!A1', 'NOTE_ONLY'],
      ['Info', '', 'NO_CELL'],
    ]);
    expect(issues.rowCount).toBe(8);
    expect(issues.getCell('D2').text).toBe('« douze » n’est pas un prix');
    expect(fillColor(issues.getCell('A2'))).toBe('FFFFC7CE');

    const link = (address: string): CellHyperlinkValue => issues.getCell(address).value as CellHyperlinkValue;
    expect(link('B2')).toEqual({ text: `'${TARIF}'!C5`, hyperlink: `#'${TARIF}'!C5` });
    expect(link('B5')).toEqual({ text: `'${TARIF}'!6:6`, hyperlink: `#'${TARIF}'!A6` });
    expect(link('B7')).toEqual({ text: 'Notes!A1', hyperlink: '#Notes!A1' });
    // A sheet that is not in the workbook is named, not linked.
    expect(issues.getCell('B3').value).toBe(`'Ancien tarif'!B2`);
  });

  it('writes in English and avoids a sheet name already taken', async () => {
    await writeSource(source, 'Issues');
    const out = join(dir, 'annotated.xlsx');
    await annotateWorkbook({ source: { kind: 'xlsx', path: source }, issues: ISSUES, out, lang: 'en' });

    const wb = await open(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Issues (2)', TARIF, 'Notes', 'Issues']);
    const issues = sheet(wb, 'Issues (2)');
    expect(issues.getRow(1).values).toEqual([undefined, 'Severity', 'Cell', 'Code', 'Message']);
    expect(issues.getCell('A2').text).toBe('Error');
    expect(issues.getCell('D2').text).toBe('"douze" is not a price');
    expect(noteText(sheet(wb, TARIF).getCell('C5'))).toBe(
      'Error: "douze" is not a price\nWarning: Price rounded',
    );
  });

  it('refuses to write over the source workbook, under any name', async () => {
    const before = await sha256(source);
    await symlink(source, join(dir, 'alias.xlsx'));
    for (const out of [source, join(dir, '.', 'tarif.xlsx'), join(dir, 'alias.xlsx')]) {
      await expect(
        annotateWorkbook({ source: { kind: 'xlsx', path: source }, issues: ISSUES, out, lang: 'fr' }),
      ).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    }
    expect(await sha256(source)).toBe(before);
  });

  it('keeps the previous output and leaves no temp file when the write fails', async () => {
    const out = join(dir, 'annotated.xlsx');
    await annotateWorkbook({ source: { kind: 'xlsx', path: source }, issues: ISSUES, out, lang: 'fr' });
    const previous = await sha256(out);

    failures.rename = true;
    await expect(
      annotateWorkbook({ source: { kind: 'xlsx', path: source }, issues: [], out, lang: 'en' }),
    ).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
    expect(await sha256(out)).toBe(previous);
    expect((await readdir(dir)).sort()).toEqual(['annotated.xlsx', 'tarif.xlsx']);
  });

  it('fails cleanly when the output folder is a file', async () => {
    await writeFile(join(dir, 'blocker'), 'x');
    await expect(
      annotateWorkbook({
        source: { kind: 'xlsx', path: source },
        issues: ISSUES,
        out: join(dir, 'blocker', 'annotated.xlsx'),
        lang: 'fr',
      }),
    ).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
    expect((await readdir(dir)).sort()).toEqual(['blocker', 'tarif.xlsx']);
  });
});

describe('annotateWorkbook (rows from a CSV)', () => {
  const rows = [
    ['Réf', 'Prix HT', 'Stock'],
    ['VIS-01', '12,50', '10'],
    ['VIS-02', 'douze', ''],
  ];

  it('builds a sheet from the rows, Excel row 1 = first row', async () => {
    const out = join(dir, 'prix.xlsx');
    const issues: Issue[] = [
      {
        severity: 'error',
        code: 'NOT_A_NUMBER',
        message: { fr: '« douze » n’est pas un prix', en: '"douze" is not a price' },
        cell: { sheet: 'prix:2026', row: 3, column: 'B' },
      },
      {
        severity: 'warning',
        code: 'NO_STOCK',
        message: { fr: 'Stock vide', en: 'Empty stock' },
        cell: { sheet: 'prix:2026', row: 3 },
      },
    ];
    const result = await annotateWorkbook({
      source: { kind: 'rows', sheetName: 'prix:2026', rows },
      issues,
      out,
      lang: 'en',
    });
    expect(result.highlighted).toBe(3);

    const wb = await open(out);
    // ':' is not allowed in a sheet name; the issues still find their sheet.
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Issues', 'prix_2026']);
    const data = sheet(wb, 'prix_2026');
    expect(data.getRow(1).values).toEqual([undefined, 'Réf', 'Prix HT', 'Stock']);
    expect(data.getCell('B2').value).toBe('12,50');
    expect(fillColor(data.getCell('B3'))).toBe('FFFFC7CE');
    expect(fillColor(data.getCell('A3'))).toBe('FFFFEB9C');
    expect(fillColor(data.getCell('C3'))).toBe('FFFFEB9C');
    expect(noteText(data.getCell('B3'))).toBe('Error: "douze" is not a price');
    expect(noteText(data.getCell('A3'))).toBe('Warning: Empty stock');
    expect(sheet(wb, 'Issues').getCell('B2').value).toEqual({
      text: 'prix_2026!B3',
      hyperlink: '#prix_2026!B3',
    });
  });

  it('refuses to overwrite the CSV the rows came from', async () => {
    const csv = join(dir, 'prix.csv');
    await writeFile(csv, 'Réf;Prix HT\r\n');
    await expect(
      annotateWorkbook({
        source: { kind: 'rows', sheetName: 'prix', rows, path: csv },
        issues: [],
        out: csv,
        lang: 'fr',
      }),
    ).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    expect(await readFile(csv, 'utf8')).toBe('Réf;Prix HT\r\n');
  });
});
