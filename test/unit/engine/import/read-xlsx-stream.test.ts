// The streaming reader against the whole-file reader on the same workbooks: the same RawSheet for
// every sheet, with the inflated bytes cut into pieces of 1 to 7 bytes so that every multi-byte
// character (accents, emoji, CJK), every tag and every entity straddles a cut somewhere.
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawSheet } from '../../../../main/engine/model.ts';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { DEFAULT_LIMITS } from '../../../../main/engine/import/limits.ts';
import { makeReadContext } from '../../../../main/engine/import/read-context.ts';
import { readXlsxFull } from '../../../../main/engine/import/read-xlsx-full.ts';
import { readXlsxStream } from '../../../../main/engine/import/read-xlsx-stream.ts';
import { decimalAt } from '../../../../main/engine/import/sheet-xml-rows.ts';
import { partDecoder } from '../../../../main/engine/import/xlsx-parts.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';
import { partsOf, text, writeParts } from './odd-packages.ts';

const dir = tempDir();
const ctx = (file = 'test.xlsx') => makeReadContext(file, DEFAULT_LIMITS);

const NAMES = [
  'Modèle élégant à café crème — « Ça coûte 12 € »',
  'Fête 🎉 très réussie 👍🏽 (famille 👨‍👩‍👧)',
  '東京タワー 模型 · 北京烤鸭 · 서울 남산',
  'Œuvre naïve, façade, ñandú, Ærø, ß',
  'Quotes "x" & <tags> > &amp; literal',
  '  espaces autour  ',
  'Ligne 1\nLigne 2',
];

function catalog(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Catalogue été');
  ws.getCell('A1').value = 'Tarif 2026 — édition spéciale 🎄';
  ws.mergeCells('A1:F1');
  ws.getRow(2).values = ['Réf.', 'Désignation', 'Prix HT', 'Remise', 'Date', 'Actif', 'Lien'];
  ws.getRow(2).font = { bold: true };
  ws.getCell('A3').value = 'Catégorie : Décoration';
  ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.mergeCells('A3:A4');
  let r = 5;
  NAMES.forEach((name, i) => {
    const row = ws.getRow(r);
    row.values = [`RÉF-${i}`, name, 10.5 + i, 0.05 * i, new Date(Date.UTC(2026, i, 1 + i)), i % 2 === 0];
    row.getCell(3).numFmt = '#,##0.00 "€"';
    row.getCell(4).numFmt = '0%';
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    r++;
  });
  // Formulas with cached results of every kind, 0 and '' and false among them.
  ws.getCell('C20').value = { formula: 'SUM(C5:C11)', result: 94.5 };
  ws.getCell('C21').value = { formula: 'C5*0', result: 0 };
  ws.getCell('C22').value = { formula: 'IF(1,"","x")', result: '' };
  ws.getCell('C23').value = { formula: 'A1=""', result: false };
  ws.getCell('C24').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('C25').value = { formula: 'B5&" ✓"', result: `${NAMES[0]} ✓` };
  ws.getCell('D20').value = {
    formula: 'C20*2',
    result: 189,
    shareType: 'shared',
    ref: 'D20:D22',
  } as ExcelJS.CellValue;
  ws.getCell('D21').value = { sharedFormula: 'D20', result: 0 };
  ws.getCell('D22').value = { sharedFormula: 'D20', result: 0 };
  ws.getCell('E20').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 11, 3)) };
  ws.getCell('E20').numFmt = 'mm-dd-yy';
  ws.getCell('F20').value = { error: '#N/A' };
  // Rich text with bold and italic runs, and a hyperlink.
  ws.getCell('B26').value = {
    richText: [
      { text: 'Nouveau ', font: { bold: true } },
      { text: 'modèle 🌟', font: { italic: true } },
    ],
  };
  ws.getCell('G5').value = { text: 'Fiche produit é', hyperlink: 'https://example.com/produit?é=1&b=2' };
  // Hidden rows and columns.
  ws.getRow(7).hidden = true;
  ws.getRow(9).hidden = true;
  ws.getColumn(4).hidden = true;
  ws.getCell('A30').value = 123456789012;
  ws.getCell('B30').value = -0.000125;
  ws.getCell('C30').value = 1e21;

  const other = wb.addWorksheet('Caché');
  other.state = 'hidden';
  other.getCell('A1').value = 'Données masquées — ñ';
  const deep = wb.addWorksheet('Très caché');
  deep.state = 'veryHidden';
  deep.getCell('B2').value = 42;
}

/** Every sheet as each reader gives it: the full reader all at once, the stream reader one by one. */
async function bothReaders(path: string, chunkBytes?: number) {
  const full = await readXlsxFull(await readFile(path), ctx());
  const streamed: RawSheet[] = [];
  for (const sheet of full) {
    const sheets = await readXlsxStream(path, ctx(), sheet.name, chunkBytes ? { chunkBytes } : {});
    const kept = sheets.find((s) => s.sheet)?.sheet;
    if (kept) streamed.push(kept);
  }
  return { full, streamed };
}

async function written(name: string, options: Partial<ExcelJS.XlsxWriteOptions> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  catalog(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path, options);
  return path;
}

describe('readXlsxStream gives the whole-file reader’s sheets', () => {
  it('with shared strings, whole pieces', async () => {
    const path = await written('shared.xlsx');
    const { full, streamed } = await bothReaders(path);
    expect(streamed).toEqual(full);
    // The fixture holds what it claims: merges, hidden rows and columns, all three sheet states.
    const [first] = full;
    expect(first!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ]);
    expect(first!.hiddenColumns).toEqual([3]);
    expect(first!.rows.filter((r) => r.hidden).map((r) => r.number)).toEqual([7, 9]);
    expect(full.map((s) => s.state)).toEqual(['visible', 'hidden', 'veryHidden']);
  });

  it('with inline strings (no shared strings part)', async () => {
    const path = await written('inline.xlsx', { useSharedStrings: false });
    const xml = text(await partsOf(await new ExcelJS.Workbook().xlsx.readFile(path)), 'xl/workbook.xml');
    expect(xml).toContain('<sheet');
    const { full, streamed } = await bothReaders(path);
    expect(streamed).toEqual(full);
  });

  for (const chunkBytes of [1, 2, 3, 4, 5, 6, 7]) {
    it(`with the inflated bytes cut every ${chunkBytes} byte(s)`, async () => {
      const path = await written(`cut-${chunkBytes}.xlsx`);
      const { full, streamed } = await bothReaders(path, chunkBytes);
      expect(streamed).toEqual(full);
      const texts = JSON.stringify(streamed);
      expect(texts).not.toContain('\uFFFD');
      for (const name of NAMES) expect(texts).toContain(JSON.stringify(name).slice(1, -1));
    });
  }

  it('with inline strings cut every byte', async () => {
    const path = await written('inline-cut.xlsx', { useSharedStrings: false });
    const { full, streamed } = await bothReaders(path, 1);
    expect(streamed).toEqual(full);
  });

  it('counts the rows of the sheets it does not keep, and keeps only the one asked for', async () => {
    const path = await written('counts.xlsx');
    const sheets = await readXlsxStream(path, ctx(), 'Caché');
    expect(sheets.map(({ name, state, rowCount, sheet }) => [name, state, rowCount, sheet?.name])).toEqual([
      ['Catalogue été', 'visible', 18, undefined],
      ['Caché', 'hidden', 1, 'Caché'],
      ['Très caché', 'veryHidden', 1, undefined],
    ]);
  });

  it('reads a workbook whose parts are not where exceljs looks, through its relationships', async () => {
    const wb = new ExcelJS.Workbook();
    catalog(wb);
    const parts = await partsOf(wb);
    const moved = new Map<string, string | Uint8Array>();
    for (const [name, content] of parts) {
      const to = name
        .replace('xl/worksheets/sheet1.xml', 'xl/worksheets/produits.xml')
        .replace('xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/_rels/produits.xml.rels');
      moved.set(
        to,
        typeof content === 'string'
          ? content.replace(/worksheets\/sheet1\.xml/g, 'worksheets/produits.xml')
          : content,
      );
    }
    const path = await writeParts(join(dir, 'moved.xlsx'), moved);
    const original = await written('not-moved.xlsx');
    const [sheet] = await readXlsxStream(path, ctx());
    const [expected] = await readXlsxStream(original, ctx());
    expect(sheet!.sheet).toEqual(expected!.sheet);
    expect(sheet!.sheet!.rows.length).toBeGreaterThan(10);
  });
});

/** A sheet written by hand: what generators other than Excel write, and what Excel writes rarely. */
const ODD_ROWS = [
  '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>0.25</v></c><c r="C3" s="2"><v>45000.5</v></c></row>',
  '<row r="4"><c r="A4" t="inlineStr"><is><t>réf. &#x1F600; &#233; &lt;b&gt;</t></is></c><c r="B4"><v>7</v></c><c r="E4" t="b"><v>1</v></c></row>',
  '<!-- a comment --><row r="6" hidden="1"><c r="B6"/><c r="C6" s="1"/><c r="D6" t="s"><v>2</v></c></row>',
  '<row r="8"><c r="B8"/></row>',
  '<row r="9" hidden="true"/>',
  '<row r="10"><c r="A10" t="e"><v>#REF!</v></c><c r="B10" t="str"><f>A1&amp;"!"</f><v>x!</v></c><c r="C10"><f>1+1</f></c></row>',
  '<row r="12"><c r="A12" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">gras </t></r><r><t>normal</t></r></is></c><c r="B12" t="s"><v>1</v></c></row>',
  '<row r="13"><c r="A13" t="n"><v>-1.5E-3</v></c><c r="B13" t="s"><v>3</v></c><c r="C13" t="s"><v>4</v></c></row>',
];

async function oddWorkbook(name: string, edit: (sheet: string) => string, date1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Feuille');
  // Styles 1 and 2 (0% and a built-in date), and the shared strings the rows above point to.
  ws.getCell('A1').value = 'x';
  ws.getCell('B1').value = 0.5;
  ws.getCell('B1').numFmt = '0%';
  ws.getCell('C1').value = 3;
  ws.getCell('C1').numFmt = 'mm-dd-yy';
  ws.getCell('D1').value = 'Ça & ça';
  ws.getCell('E1').value = 'ligne\r\nsuite';
  ws.getCell('F1').value = 'Crème brûlée 🍮';
  // Written raw by exceljs: an XML parser reads the CR LF as LF.
  ws.getCell('G1').value = 'avant\r\naprès';
  const parts = await partsOf(wb);
  parts.set('xl/worksheets/sheet1.xml', edit(text(parts, 'xl/worksheets/sheet1.xml')));
  parts.set(
    'xl/sharedStrings.xml',
    text(parts, 'xl/sharedStrings.xml').replace('ligne\r\nsuite', 'ligne_x000D_\nsuite'),
  );
  if (date1904)
    parts.set(
      'xl/workbook.xml',
      text(parts, 'xl/workbook.xml').replace(/<workbookPr[^>]*>/, '<workbookPr date1904="1"/>'),
    );
  return writeParts(join(dir, name), parts);
}

const withRows = (rows: string[]) => (sheet: string) =>
  sheet
    .replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData>${rows.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A9:B10"/></mergeCells>`,
    )
    .replace(
      /<dimension[^>]*>/,
      '<dimension ref="A1:E13"/><cols><col min="5" max="9" width="3" hidden="1"/></cols>',
    );

describe('readXlsxStream on the real-world fixtures and the samples', () => {
  const root = join(import.meta.dirname, '../../../..');
  const files = [
    ...readdirSync(join(root, 'test/fixtures/real-world'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(root, 'test/fixtures/real-world', f)),
    ...readdirSync(join(root, 'samples'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(root, 'samples', f)),
  ];

  it('finds them', () => expect(files.length).toBeGreaterThan(10));

  for (const file of files) {
    it(`gives every sheet of ${basename(file)} as the whole-file reader does`, async () => {
      const { full, streamed } = await bothReaders(file);
      expect(streamed).toEqual(full);
    });
  }

  it('reads the pictures placed on a sheet, bytes and anchor cell', async () => {
    const { streamed } = await bothReaders(join(root, 'samples/quincaillerie-tarif-2026.xlsx'));
    const images = streamed[0]!.images;
    expect(images.map(({ row, column, extension }) => [row, column, extension])).toEqual([
      [14, 7, 'jpeg'],
      [16, 7, 'jpeg'],
      [22, 7, 'jpeg'],
    ]);
    // JPEG files, whole.
    for (const { bytes } of images)
      expect([...bytes.subarray(0, 2), ...bytes.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });
});

describe('readXlsxStream on hand-written sheets', () => {
  for (const date1904 of [false, true]) {
    it(`agrees with the whole-file reader on odd XML (date1904 ${date1904})`, async () => {
      const path = await oddWorkbook(`odd-${date1904}.xlsx`, withRows(ODD_ROWS), date1904);
      for (const chunkBytes of [undefined, 1, 3]) {
        const { full, streamed } = await bothReaders(path, chunkBytes);
        expect(streamed).toEqual(full);
      }
      const { streamed } = await bothReaders(path);
      const sheet = streamed[0]!;
      // What the fixture is for: merges empty the covered cells and bring in row 9, hidden as
      // marked; a bare `<c/>` is no value (row 8 is not a row); column E hidden, F–I beyond the data.
      expect(sheet.rows.map((r) => [r.number, r.hidden])).toEqual([
        [3, false],
        [4, false],
        [6, true],
        [9, true],
        [10, false],
        [12, false],
        [13, false],
      ]);
      expect(sheet.hiddenColumns).toEqual([4]);
      expect(sheet.rows[1]!.cells[0]).toEqual({ value: { kind: 'text', value: 'réf. 😀 é <b>' } });
      expect(sheet.rows[2]!.cells[3]).toEqual({ value: { kind: 'text', value: 'ligne\r\nsuite' } });
      expect(sheet.rows[0]!.cells[2]).toEqual({
        value: { kind: 'date', value: date1904 ? '2027-03-16T12:00:00Z' : '2023-03-15T12:00:00Z' },
      });
      expect(sheet.rows[6]!.cells[2]).toEqual({ value: { kind: 'text', value: 'avant\naprès' } });
      expect(sheet.rows[4]!.cells).toEqual([
        { value: { kind: 'empty' } },
        { value: { kind: 'empty' } },
        { value: { kind: 'empty' }, formula: '1+1' },
      ]);
    });
  }

  it('reads cell tags written in any legal way as the whole-file reader does, cut anywhere', async () => {
    // The fast path reads `<c r="A1" s="1" t="s">` in one pass; every other spelling of the same tag
    // (spaces around `=`, single quotes, line breaks, another order, a `>` inside a value, a space
    // before `/>`) must give the same cells, whole or cut into pieces of 1, 2 or 5 bytes.
    const rows = [
      '<row r="3"><c r = "A3" t = "s"><v>0</v></c><c r=\'B3\' t=\'s\'><v>1</v></c>' +
        '<c\n r="C3"\n\ts="1"><v>0.5</v></c><c t="s" r="D3"><v>3</v></c><c r="E3" s="1" />' +
        '<c r="F3" odd="a>b" t="s"><v>4</v></c><c r="G3" s="2"><v>45000.5</v></c><c r="H3"><v>-12.75</v></c></row>',
      '<row r="4"><c r="A4" t="s" ><v>2</v></c><c r="B4"  s="1"/><c r="C4"><v>1e3</v></c></row>',
    ];
    const path = await oddWorkbook('odd-tags.xlsx', withRows(rows));
    for (const chunkBytes of [undefined, 1, 2, 5]) {
      const { full, streamed } = await bothReaders(path, chunkBytes);
      expect(streamed).toEqual(full);
    }
    const { streamed } = await bothReaders(path);
    expect(streamed[0]!.rows[0]!.cells.map((c) => c.value)).toEqual([
      { kind: 'text', value: 'x' },
      { kind: 'text', value: 'Ça & ça' },
      { kind: 'number', value: 0.5, numFmt: '0%' },
      { kind: 'text', value: 'Crème brûlée 🍮' },
      { kind: 'empty' },
      { kind: 'text', value: 'avant\naprès' },
      { kind: 'date', value: '2023-03-15T12:00:00Z' },
      { kind: 'number', value: -12.75 },
    ]);
  });

  it('measures the texts that are not shared strings, so that no over-long cell escapes the cap', async () => {
    // The import skips `capCells` when the reader's longest text is within the cap: an inline string
    // and a formula's text result must count. The shared strings of the fixture are at most 15 long.
    const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const rows = [
      `<row r="1">${inline('A1', 'Réf.')}${inline('B1', 'Désignation')}${inline('C1', 'Prix')}</row>`,
      `<row r="2">${inline('A2', 'REF-1')}${inline('B2', 'é'.repeat(20))}<c r="C2"><v>12.5</v></c></row>`,
      `<row r="3">${inline('A3', 'REF-2')}<c r="B3" t="str"><f>REPT("a",20)</f><v>${'a'.repeat(20)}</v></c><c r="C3"><v>3</v></c></row>`,
    ];
    const path = await oddWorkbook('long-inline.xlsx', withRows(rows));
    const cut = (maxCellChars: number) =>
      importWorkbook(path, { mode: 'stream', limits: { maxCellChars } }).then((r) =>
        r.table.notices.filter((n) => n.code === 'CELL_TOO_LONG').map((n) => n.ref),
      );
    expect(await cut(16)).toEqual(['Feuille!B2', 'Feuille!B3']);
    expect(await cut(20)).toEqual([]);
  });

  it('reads what exceljs cannot: rows and cells without a reference, prefixed elements', async () => {
    const rows = [
      '<row><c t="inlineStr"><is><t>un</t></is></c><c><v>2</v></c></row>',
      '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="C2"><x:v>3</x:v></x:c></x:row>',
      '<row r="5"><c r="B5" t="inlineStr"><is><t><![CDATA[<cdata> & co]]></t></is></c><c><v>6</v></c></row>',
    ];
    const path = await oddWorkbook('no-refs.xlsx', withRows(rows));
    const [read] = await readXlsxStream(path, ctx());
    expect(read!.sheet!.rows.map((r) => [r.number, r.cells.map((c) => c.value)])).toEqual([
      [
        1,
        [
          { kind: 'text', value: 'un' },
          { kind: 'number', value: 2 },
        ],
      ],
      [2, [{ kind: 'empty' }, { kind: 'empty' }, { kind: 'number', value: 3 }]],
      [5, [{ kind: 'empty' }, { kind: 'text', value: '<cdata> & co' }, { kind: 'number', value: 6 }]],
      // The merge A9:B10 of `withRows`.
      [9, []],
      [10, []],
    ]);
  });

  it('refuses a part that inflates to more than its declared size', async () => {
    const path = await oddWorkbook('lying-size.xlsx', (s) => s);
    const bytes = new Uint8Array(await readFile(path));
    // Halve the uncompressed size of the sheet in its central directory entry.
    const view = Buffer.from(bytes);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (
      let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    ) {
      const nameLength = view.readUInt16LE(at + 28);
      if (view.subarray(at + 46, at + 46 + nameLength).equals(name))
        view.writeUInt32LE(Math.floor(view.readUInt32LE(at + 24) / 2), at + 24);
    }
    await expect(readXlsxStream(view, ctx('lying-size.xlsx'))).rejects.toMatchObject({
      code: 'WORKBOOK_DAMAGED',
    });
  });
});

describe('decimalAt', () => {
  it('reads a plain decimal exactly as parseFloat does, and leaves the rest to it', () => {
    // A small deterministic generator: the same numbers on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = ['0', '-0', '12.5', '0.1', '0.30000000000000004', '3760123456784', '.5', '7.', '-1.25'];
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(next() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(Math.floor(next() * 10));
      const point = Math.floor(next() * (digits + 1));
      samples.push(`${next() < 0.3 ? '-' : ''}${text.slice(0, point)}.${text.slice(point)}`);
    }
    let fast = 0;
    for (const text of samples) {
      const value = decimalAt(text, 0, text.length);
      if (Number.isNaN(value)) continue;
      fast++;
      expect(Object.is(value, parseFloat(text)), text).toBe(true);
    }
    // All but the 17-digit sample took the fast path.
    expect(fast).toBe(samples.length - 1);
    for (const text of ['1E-3', '1234567890123456', '12,5', '', '-', '1.2.3', '+1'])
      expect(decimalAt(text, 0, text.length)).toBeNaN();
  });
});

describe('partDecoder', () => {
  const bytes = Buffer.from(NAMES.join('|'), 'utf8');

  it('never splits a character, whatever the cut', () => {
    for (let size = 1; size <= 7; size++) {
      let out = '';
      const decoder = partDecoder(size);
      decoder.push(bytes, (t) => (out += t));
      decoder.end((t) => (out += t));
      expect(out).toBe(NAMES.join('|'));
    }
  });

  it('is needed: decoding each piece on its own corrupts the same text', () => {
    let naive = '';
    for (let i = 0; i < bytes.length; i += 3) naive += bytes.subarray(i, i + 3).toString('utf8');
    expect(naive).toContain('\uFFFD');
  });
});
