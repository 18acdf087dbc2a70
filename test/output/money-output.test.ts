// Money that is never invented, checked on what a user gets: workbooks made here, built with
// `catalog build` into a print PDF (read back with pdftotext), InDesign tagged text and Data Merge.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main.ts';
import { tempDir, writeWorkbook } from '../fixtures/workbooks.ts';
import { pdfText } from '../support/pdf-tools.ts';
import { decodeTaggedText } from '../support/tagged-text-grammar.ts';

const ZLOTY = '#,##0.00 [$zł-415]';

async function build(file: string, ...options: string[]) {
  const out = tempDir('catalog-money-');
  const lines: string[] = [];
  const code = await runCli(
    [
      'build',
      file,
      '--template',
      'price-list',
      '--out',
      out,
      '--format',
      'pdf,tagged-text,data-merge',
      '--lang',
      'fr',
      ...options,
    ],
    { out: (l) => lines.push(l), err: (l) => lines.push(l) },
  );
  const base = join(out, file.replace(/^.*\//, '').replace(/\.xlsx$/, '-price-list'));
  const pdf = await pdfText(`${base}.pdf`);
  const tagged = decodeTaggedText(new Uint8Array(await readFile(`${base}.txt`))).text;
  // Tags, escapes and typography spaces out of the way: the words a designer reads in InDesign.
  const taggedWords = tagged.replace(/<[^<>]*(?:<[^<>]*>[^<>]*)*>/g, ' ').replace(/[\u00a0\u202f]/g, ' ');
  const dataMerge = decodeTaggedText(new Uint8Array(await readFile(`${base}-datamerge.csv`))).text;
  return { code, report: lines.join('\n'), pdf, tagged: taggedWords, dataMerge };
}

/** A Polish supplier's price list: prices formatted in złoty, a plain "Price" header, no VAT anywhere. */
async function polishWorkbook(dir: string, header = 'Price'): Promise<string> {
  return writeWorkbook(join(dir, 'cennik.xlsx'), (wb) => {
    const ws = wb.addWorksheet('Cennik');
    ws.getRow(1).values = ['Code', 'Product name', 'Unit', header];
    const rows: [string, string, string, number][] = [
      ['SRB-4', 'Śruba 4×40', 'Pudełko 200', 12.5],
      ['NAK-8', 'Nakrętka M8', 'Worek 50', 6.4],
      ['PODK-8', 'Podkładka M8', 'Worek 100', 1234.5],
    ];
    rows.forEach((values, i) => {
      ws.getRow(i + 2).values = values;
      ws.getCell(`D${i + 2}`).numFmt = ZLOTY;
    });
  });
}

describe('a price list in złoty with no VAT known', () => {
  it('prints the sheet’s prices in zł, no price with VAT and no euro, and says why', async () => {
    const file = await polishWorkbook(tempDir('catalog-money-src-'));
    const { code, report, pdf, tagged, dataMerge } = await build(file);
    expect(code, report).toBe(0);
    for (const text of [pdf, tagged]) {
      expect(text).not.toMatch(/TTC/);
      expect(text).not.toContain('€');
      expect(text).toContain('zł');
      expect(text).toContain('PLN');
      // "Price" says nothing of tax: the template's « Prix HT » header is not printed over it.
      expect(text).not.toMatch(/\bHT\b/);
    }
    expect(pdf).toMatch(/12,50\s+zł/);
    expect(pdf).toMatch(/1\s?234,50\s+zł/);
    expect(pdf).toMatch(/Prix \(PLN\)/);
    expect(pdf).toMatch(/TVA\s*:\s*aucun taux connu/);
    expect(dataMerge).not.toContain('€');
    expect(report).toContain('[VAT_RATE_UNKNOWN]');
    expect(report).toContain('--vat 20');
  });

  it('with --vat 20, computes the price including VAT and states the rate it used', async () => {
    const file = await polishWorkbook(tempDir('catalog-money-src-'), 'Price excl. VAT');
    const { code, report, pdf, tagged } = await build(file, '--vat', '20');
    expect(code, report).toBe(0);
    for (const text of [pdf, tagged]) {
      expect(text).toMatch(/Prix HT \(PLN\)/);
      expect(text).toMatch(/Prix TTC \(PLN\)/);
      // 12,50 × 1,20 = 15,00 ; 1 234,50 × 1,20 = 1 481,40.
      expect(text).toMatch(/15,00\s+zł/);
      expect(text).toMatch(/1\s?481,40\s+zł/);
      expect(text).toMatch(/TVA\s*:\s*20\s*%\s*\(taux donné\)/);
      expect(text).not.toContain('€');
    }
    expect(report).not.toContain('VAT_RATE_UNKNOWN');
  });
});

describe('a Belgian sheet whose only price includes VAT (prix_tvac)', () => {
  it('builds, and prints that price as TTC, never as HT nor taxed again', async () => {
    const file = await writeWorkbook(join(tempDir('catalog-money-src-'), 'tarif-be.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Tarif');
      ws.getRow(1).values = ['reference', 'denomination', 'prix_tvac', 'tva'];
      ws.getRow(2).values = ['CLE-13', 'Clé mixte 13 mm', 14.95, 0.21];
      ws.getRow(3).values = ['CLE-17', 'Clé mixte 17 mm', 18.5, 0.21];
      for (const cell of ['C2', 'C3']) ws.getCell(cell).numFmt = '#,##0.00 "€"';
      for (const cell of ['D2', 'D3']) ws.getCell(cell).numFmt = '0%';
    });
    const { code, report, pdf, tagged } = await build(file);
    expect(code, report).toBe(0);
    for (const text of [pdf, tagged]) {
      expect(text).toMatch(/Prix TTC \(EUR\)/);
      expect(text).toMatch(/14,95\s+€/);
      expect(text).not.toMatch(/\bHT\b/);
      // 14,95 × 1,21 would be 18,09: the price is never taxed a second time.
      expect(text).not.toMatch(/18,09/);
    }
    expect(report).not.toContain('FIELD_NOT_MAPPED');
  });
});
