import { rejection } from '../../../fixtures/catalog-error.ts';
import type ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { frenchPriceList, oleFile, tempDir, writeWorkbook, writeZip } from '../../../fixtures/workbooks.ts';

const dir = tempDir();
const codeOf = async (promise: Promise<unknown>) => (await rejection(promise)).code;

describe('importWorkbook on .xlsx', () => {
  it('finds the header below title rows and turns a category row into a group', async () => {
    const path = await writeWorkbook(join(dir, 'tarif.xlsx'), frenchPriceList);
    const { table, sheets, mode } = await importWorkbook(path);
    // Every size goes through our streaming reader; the whole-file one is only asked for by name.
    expect(mode).toBe('stream');
    expect(table.notices.map((n) => n.code)).not.toContain('LARGE_FILE_MODE');
    expect(sheets).toEqual([{ name: 'Tarif 2026', state: 'visible', rowCount: 6 }]);
    expect(table.headerRow).toBe(4);
    expect(table.columns.map((c) => c.header)).toEqual([
      'Réf.',
      'Désignation',
      'Conditionnement',
      'Prix HT',
      'EAN',
    ]);
    expect(table.groups).toEqual([{ name: 'Visserie', row: 5 }]);
    expect(table.rows.map((r) => [r.number, r.group])).toEqual([
      [6, 'Visserie'],
      [7, 'Visserie'],
    ]);
    expect(table.columns[3]!.type).toBe('price');
    expect(table.columns[4]!.type).toBe('ean');
  });

  it('reads the same table row by row in streaming mode', async () => {
    const path = await writeWorkbook(join(dir, 'tarif-stream.xlsx'), frenchPriceList);
    const full = await importWorkbook(path, { mode: 'full' });
    const streamed = await importWorkbook(path, { mode: 'stream' });
    expect(streamed.mode).toBe('stream');
    expect(streamed.table.headerRow).toBe(full.table.headerRow);
    expect(streamed.table.rows.map((r) => r.cells)).toEqual(full.table.rows.map((r) => r.cells));
    expect(streamed.table.notices).toEqual(full.table.notices);
    // The user hears of row-by-row reading only for a file large enough to be worth saying so.
    const large = await importWorkbook(path, { mode: 'stream', limits: { streamAboveBytes: 10 } });
    expect(large.table.notices.map((n) => n.code)).toEqual(['LARGE_FILE_MODE']);
  });

  it('keeps typed cells: formulas with cached 0/""/false, errors, rich text, line breaks, dates, links', async () => {
    const path = await writeWorkbook(join(dir, 'types.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Ref', 'Zero', 'Empty', 'False', 'Error', 'Rich', 'Lines', 'Date', 'Link']);
      ws.addRow([
        'A1',
        { formula: 'B3-B3', result: 0 },
        { formula: 'IF(1,"","x")', result: '' },
        { formula: '1=2', result: false },
        { formula: 'Z99/0', result: { error: '#REF!' } },
        {
          richText: [
            { text: 'Vis ' },
            { text: 'inox', font: { bold: true } },
            { text: ' A2', font: { italic: true } },
          ],
        },
        'ligne 1\nligne 2',
        new Date(Date.UTC(2026, 10, 23)),
        { text: 'site', hyperlink: 'https://example.org/p/1' },
      ]);
    });
    const { table } = await importWorkbook(path);
    const [row] = table.rows;
    const cells = row!.cells;
    expect(cells[1]).toEqual({ value: { kind: 'number', value: 0 }, formula: 'B3-B3' });
    expect(cells[2]).toEqual({ value: { kind: 'empty' }, formula: 'IF(1,"","x")' });
    expect(cells[3]).toEqual({ value: { kind: 'boolean', value: false }, formula: '1=2' });
    expect(cells[4]!.value).toEqual({ kind: 'error', value: '#REF!' });
    expect(cells[5]!.value).toEqual({
      kind: 'rich',
      value: 'Vis inox A2',
      runs: [{ text: 'Vis ' }, { text: 'inox', bold: true }, { text: ' A2', italic: true }],
    });
    expect(cells[6]!.value).toEqual({ kind: 'text', value: 'ligne 1\nligne 2' });
    expect(cells[7]!.value).toEqual({ kind: 'date', value: '2026-11-23' });
    expect(cells[8]!.value).toEqual({ kind: 'hyperlink', value: 'site', url: 'https://example.org/p/1' });
  });

  it('flags hidden sheets, rows and columns, keeps row numbers over blank rows, and gives merges to the top-left cell', async () => {
    const path = await writeWorkbook(join(dir, 'hidden.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Produits');
      ws.addRow(['Réf', 'Nom', 'Prix', 'Achat']);
      ws.addRow(['R1', 'Un', 1, 0.5]);
      ws.addRow([]);
      ws.addRow(['R2', 'Deux', 2, 1]);
      ws.addRow(['R3', 'Trois', 3, 2]);
      ws.getRow(5).hidden = true;
      ws.getColumn(4).hidden = true;
      ws.addRow(['R4', 'Fusion', 4, 3]);
      ws.mergeCells('B6:C6');
      wb.addWorksheet('Secret').state = 'hidden';
    });
    const { table, sheets } = await importWorkbook(path);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['Produits', 'visible'],
      ['Secret', 'hidden'],
    ]);
    expect(table.rows.map((r) => r.number)).toEqual([2, 4, 5, 6]);
    expect(table.blankRows).toEqual([3]);
    expect(table.rows.find((r) => r.number === 5)!.hidden).toBe(true);
    expect(table.columns[3]!.hidden).toBe(true);
    expect(table.rows.at(-1)!.cells[2]!.value).toEqual({ kind: 'empty' });
  });

  it('types a column of #N/A as it shows it: with samples, never "empty"', async () => {
    const path = await writeWorkbook(join(dir, 'lookups.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Réf', 'Prix', 'Vide']);
      for (let i = 1; i <= 3; i++)
        ws.addRow([
          `R${i}`,
          { formula: `VLOOKUP(A${i + 1},Tarifs!A:B,2,0)`, result: { error: '#N/A' } },
          ' ',
        ]);
    });
    for (const mode of ['full', 'stream'] as const) {
      const [, price, blank] = (await importWorkbook(path, { mode })).table.columns;
      expect(price!.samples.length > 0, mode).toBe(true);
      expect(price!.type, mode).toBe('mixed');
      expect([blank!.type, blank!.samples]).toEqual(['empty', []]);
    }
  });

  it('attaches embedded images to their row', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const path = await writeWorkbook(join(dir, 'images.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Photos');
      ws.addRow(['Réf', 'Nom', 'Photo']);
      ws.addRow(['R1', 'Un', '']);
      ws.addRow(['R2', 'Deux', '']);
      const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, { tl: { col: 2, row: 2 }, ext: { width: 20, height: 20 } });
    });
    const { table } = await importWorkbook(path);
    expect(table.rows[0]!.images).toEqual([]);
    expect(table.rows[1]!.images).toHaveLength(1);
    expect(table.rows[1]!.images[0]).toMatchObject({ row: 3, column: 2, extension: 'png' });
  });

  it('reads the sheet the user names, forgiving case and accents, and lists the others when it is missing', async () => {
    const path = await writeWorkbook(join(dir, 'two.xlsx'), (wb) => {
      wb.addWorksheet('Notes').addRow(['Juste une note']);
      const ws = wb.addWorksheet('Tarif Été');
      ws.addRow(['Réf', 'Nom']);
      ws.addRow(['R1', 'Un']);
    });
    expect((await importWorkbook(path, { sheet: 'tarif ete' })).table.sheet).toBe('Tarif Été');
    // A mapping profile's sheet is a preference: followed when present, ignored when renamed.
    expect((await importWorkbook(path, { preferSheet: 'Tarif Été' })).table.sheet).toBe('Tarif Été');
    expect((await importWorkbook(path, { preferSheet: 'Tarif Été', mode: 'stream' })).table.sheet).toBe(
      'Tarif Été',
    );
    expect((await importWorkbook(path, { preferSheet: 'Tarif Hiver' })).table.sheet).toBe('Notes');
    expect((await importWorkbook(path, { preferSheet: 'Tarif Hiver', mode: 'stream' })).table.sheet).toBe(
      'Notes',
    );
    await expect(importWorkbook(path, { sheet: 'Prix' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
      text: { fr: expect.stringContaining('« Notes », « Tarif Été »') },
    });
  });
});

describe('importWorkbook refuses what it cannot read, quickly and by code', () => {
  const cases: [string, () => Promise<string>, string][] = [
    ['missing file', async () => join(dir, 'nope.xlsx'), 'FILE_NOT_FOUND'],
    ['a folder given as the workbook', async () => dir, 'FILE_IS_A_FOLDER'],
    ['empty file', () => write('empty.xlsx', new Uint8Array()), 'FILE_EMPTY'],
    ['legacy .xls', () => write('old.xls', oleFile(false)), 'XLS_NOT_SUPPORTED'],
    ['password-protected .xlsx', () => write('secret.xlsx', oleFile(true)), 'WORKBOOK_ENCRYPTED'],
    [
      'OpenDocument .ods',
      () =>
        writeZip(join(dir, 'sheet.ods'), {
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<office:document-content/>',
        }),
      'ODS_NOT_SUPPORTED',
    ],
    [
      'Apple .numbers',
      () => writeZip(join(dir, 'sheet.numbers'), { 'Index/Document.iwa': new Uint8Array(16) }),
      'NUMBERS_NOT_SUPPORTED',
    ],
    ['truncated .xlsx', () => truncated(), 'WORKBOOK_DAMAGED'],
    [
      'garbage named .xlsx',
      () =>
        write(
          'garbage.xlsx',
          new Uint8Array(300).map((_, i) => (i * 7919) % 256),
        ),
      'WORKBOOK_DAMAGED',
    ],
    [
      'a zip that is not a workbook',
      () => writeZip(join(dir, 'doc.xlsx'), { 'word/document.xml': '<w/>' }),
      'NOT_A_WORKBOOK',
    ],
    [
      'a workbook whose XML is broken',
      () =>
        writeZip(join(dir, 'broken-xml.xlsx'), {
          '[Content_Types].xml': '<Types',
          'xl/workbook.xml': '<workbook><sheets><sheet name=',
        }),
      'WORKBOOK_DAMAGED',
    ],
    [
      'a zip bomb',
      () =>
        writeZip(join(dir, 'bomb.xlsx'), {
          'xl/workbook.xml': '<workbook/>',
          'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
        }),
      'WORKBOOK_SUSPICIOUS',
    ],
  ];

  for (const [name, make, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const path = await make();
      const started = performance.now();
      expect(await codeOf(importWorkbook(path))).toBe(code);
      // Not a benchmark: a guard against a refusal that first parses the whole file.
      expect(performance.now() - started).toBeLessThan(1000);
    });
  }

  it('refuses files over the size, row and column limits, and a parse past its deadline', async () => {
    const path = await writeWorkbook(join(dir, 'limits.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Réf', 'Nom', 'Prix']);
      for (let i = 0; i < 50; i++) ws.addRow([`R${i}`, `Produit ${i}`, i]);
    });
    expect(await codeOf(importWorkbook(path, { limits: { maxFileBytes: 100 } }))).toBe('FILE_TOO_LARGE');
    expect(await codeOf(importWorkbook(path, { limits: { maxRows: 10 } }))).toBe('TOO_MANY_ROWS');
    expect(await codeOf(importWorkbook(path, { limits: { maxRows: 10 }, mode: 'stream' }))).toBe(
      'TOO_MANY_ROWS',
    );
    expect(await codeOf(importWorkbook(path, { limits: { maxColumns: 2 } }))).toBe('TOO_MANY_COLUMNS');
    expect(await codeOf(importWorkbook(path, { limits: { timeoutMs: -1 } }))).toBe('IMPORT_TIMEOUT');
    expect(await codeOf(importWorkbook(path, { limits: { timeoutMs: -1 }, mode: 'stream' }))).toBe(
      'IMPORT_TIMEOUT',
    );
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(importWorkbook(path, { signal: controller.signal }))).toBe('CANCELLED');
  });

  it('refuses a workbook with no sheet', async () => {
    const path = await writeZip(join(dir, 'nosheet.xlsx'), {
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    });
    expect(await codeOf(importWorkbook(path))).toMatch(/WORKBOOK_NO_SHEET|WORKBOOK_DAMAGED/);
  });
});

describe('importWorkbook on CSV', () => {
  it('reads a French Excel CSV (Windows-1252, semicolons, CRLF) with its title row', async () => {
    const text = 'Tarif 2026;;\r\nRéf;Désignation;Prix HT\r\nA1;Œuvre;12,50 €\r\n';
    const path = await write('tarif.csv', windows1252(text));
    const { table, format, csv } = await importWorkbook(path);
    expect(format).toBe('csv');
    expect(csv).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    expect(table.headerRow).toBe(2);
    expect(table.rows[0]!.cells.map((c) => c.value)).toEqual([
      { kind: 'text', value: 'A1' },
      { kind: 'text', value: 'Œuvre' },
      { kind: 'text', value: '12,50 €' },
    ]);
  });

  it('stops a CSV parse past its deadline or when cancelled', async () => {
    const path = await write('long.csv', Buffer.from('Réf;Nom\n' + 'A;B\n'.repeat(1000)));
    expect(await codeOf(importWorkbook(path, { limits: { timeoutMs: -1 } }))).toBe('IMPORT_TIMEOUT');
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(importWorkbook(path, { signal: controller.signal }))).toBe('CANCELLED');
  });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function truncated(): Promise<string> {
  const full = await writeWorkbook(join(dir, 'whole.xlsx'), frenchPriceList);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(full);
  return write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/** Windows-1252 bytes: Latin-1 plus the few characters French Excel puts in 0x80–0x9F. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, Œ: 0x8c, œ: 0x9c, '’': 0x92 };
  return Uint8Array.from([...text], (ch) => extra[ch] ?? ch.charCodeAt(0));
}
