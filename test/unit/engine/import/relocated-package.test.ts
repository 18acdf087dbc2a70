import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { sanitizePackage } from '../../../../main/engine/import/sanitize-package.ts';
import { tempDir, writeZip } from '../../../fixtures/workbooks.ts';
import { partsOf, products, text, writeParts, type Parts } from './odd-packages.ts';

const dir = tempDir();

async function twoSheets(): Promise<Parts> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Tarif 2026']);
  const ws = products(wb, 12);
  // A picture on row 3, so its drawing and media parts must follow the workbook too.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, { tl: { col: 3, row: 2 }, ext: { width: 20, height: 20 } });
  return partsOf(wb);
}

/** The workbook part at `xl/workbook2.xml`, as some generators write it. */
function workbookRenamed(parts: Parts): Parts {
  const out: Parts = new Map();
  for (const [name, content] of parts) {
    if (name === 'xl/workbook.xml') out.set('xl/workbook2.xml', content);
    else if (name === 'xl/_rels/workbook.xml.rels') out.set('xl/_rels/workbook2.xml.rels', content);
    else out.set(name, content);
  }
  out.set(
    '_rels/.rels',
    text(parts, '_rels/.rels').replace('Target="xl/workbook.xml"', 'Target="xl/workbook2.xml"'),
  );
  out.set(
    '[Content_Types].xml',
    text(parts, '[Content_Types].xml').replace('PartName="/xl/workbook.xml"', 'PartName="/xl/workbook2.xml"'),
  );
  return out;
}

/** Every part of `xl/` at the package root (`workbook.xml`, `worksheets/sheet1.xml`…). */
function workbookAtRoot(parts: Parts): Parts {
  const out: Parts = new Map();
  for (const [name, content] of parts) out.set(name.startsWith('xl/') ? name.slice(3) : name, content);
  out.set(
    '_rels/.rels',
    text(parts, '_rels/.rels').replace('Target="xl/workbook.xml"', 'Target="workbook.xml"'),
  );
  out.set(
    '[Content_Types].xml',
    text(parts, '[Content_Types].xml').replaceAll('PartName="/xl/', 'PartName="/'),
  );
  return out;
}

/** Sheets named after their content rather than `sheetN.xml`. */
function sheetsRenamed(parts: Parts): Parts {
  const names: Record<string, string> = { sheet1: 'notes', sheet2: 'tarif' };
  const out: Parts = new Map();
  for (const [name, content] of parts) {
    const m = /^xl\/worksheets\/(_rels\/)?(sheet\d)\.xml(\.rels)?$/.exec(name);
    out.set(m ? `xl/worksheets/${m[1] ?? ''}${names[m[2]!]}.xml${m[3] ?? ''}` : name, content);
  }
  let rels = text(parts, 'xl/_rels/workbook.xml.rels');
  let types = text(parts, '[Content_Types].xml');
  for (const [from, to] of Object.entries(names)) {
    rels = rels.replace(`worksheets/${from}.xml`, `worksheets/${to}.xml`);
    types = types.replace(`/xl/worksheets/${from}.xml`, `/xl/worksheets/${to}.xml`);
  }
  out.set('xl/_rels/workbook.xml.rels', rels);
  out.set('[Content_Types].xml', types);
  return out;
}

/** Shared strings and styles under names of their own, found through the workbook's relationships. */
function stringsRenamed(parts: Parts): Parts {
  const names: Record<string, string> = { sharedStrings: 'Strings', styles: 'Formats' };
  const out: Parts = new Map();
  for (const [name, content] of parts) {
    const m = /^xl\/(sharedStrings|styles)\.xml$/.exec(name);
    out.set(m ? `xl/${names[m[1]!]}.xml` : name, content);
  }
  let rels = text(parts, 'xl/_rels/workbook.xml.rels');
  let types = text(parts, '[Content_Types].xml');
  for (const [from, to] of Object.entries(names)) {
    rels = rels.replace(`Target="${from}.xml"`, `Target="${to}.xml"`);
    types = types.replace(`/xl/${from}.xml`, `/xl/${to}.xml`);
  }
  expect(rels).toContain('Target="Strings.xml"');
  out.set('xl/_rels/workbook.xml.rels', rels);
  out.set('[Content_Types].xml', types);
  return out;
}

describe('a workbook part found through _rels/.rels', () => {
  for (const [name, edit] of [
    ['at xl/workbook2.xml', workbookRenamed],
    ['at the package root', workbookAtRoot],
    ['with sheets not named sheetN.xml', sheetsRenamed],
    ['with shared strings and styles under other names', stringsRenamed],
  ] as const) {
    it(`reads a workbook ${name}, in full and streaming modes`, async () => {
      const path = await writeParts(join(dir, `${name.replace(/\W+/g, '-')}.xlsx`), edit(await twoSheets()));
      for (const mode of ['full', 'stream'] as const) {
        const result = await importWorkbook(path, { mode });
        expect(result.sheets).toEqual([
          { name: 'Notes', state: 'visible', rowCount: 1 },
          { name: 'Produits', state: 'visible', rowCount: 13 },
        ]);
        const table = (await importWorkbook(path, { mode, sheet: 'Produits' })).table;
        expect(table.rows).toHaveLength(12);
        // Both readers find the picture, wherever its parts are.
        expect(table.rows[1]!.images.map((i) => [i.row, i.column, i.extension])).toEqual([[3, 3, 'png']]);
        expect(table.rows[11]!.cells.map((c) => c.value)).toEqual([
          { kind: 'text', value: 'REF-12' },
          { kind: 'text', value: 'Produit 12' },
          { kind: 'number', value: 12.5 },
          { kind: 'text', value: 'Oui' },
        ]);
      }
    });
  }

  it('rewrites the package with every relationship and content type pointing at an existing part', async () => {
    const { bytes, changes } = sanitizePackage(
      Buffer.from(
        await (await writeParts(join(dir, 'root.xlsx'), workbookAtRoot(await twoSheets())),
        readFile(join(dir, 'root.xlsx'))),
      ),
    );
    expect(changes).toContain('workbook.xml → xl/workbook.xml');
    const zip = await JSZip.loadAsync(bytes);
    const names = new Set(Object.keys(zip.files));
    expect(names).toContain('xl/worksheets/sheet2.xml');
    expect(await zip.file('_rels/.rels')!.async('string')).toContain('Target="xl/workbook.xml"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(part);
  });

  it('still refuses a Word document, whose officeDocument is no workbook', async () => {
    const path = await writeZip(join(dir, 'letter.xlsx'), {
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document/>',
    });
    await expect(importWorkbook(path)).rejects.toMatchObject({ code: 'NOT_A_WORKBOOK' });
  });
});
