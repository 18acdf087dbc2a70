// Hostile cells, built the way a user would: one 100,000-character cell (a workbook and a CSV) and one
// 50 MB CSV line. Each must end in a clear warning naming the cell and a valid PDF, in a process
// whose heap is capped at 1 GB (the bound: such a cell used to take 3.4 GB and crash).
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { qpdfCheck } from '../support/pdf-tools.ts';
import { tempDir, writeWorkbook } from '../fixtures/workbooks.ts';

const LONG = 'Acier zingué blanc, tête fraisée, empreinte Pozidriv n°2 '.repeat(2000).slice(0, 100_000);

/** `catalog build` from the sources in a process of its own, its heap capped at 1 GB. */
async function build(file: string, out: string) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=1024', 'bin/catalog.mjs', 'build', file, '--out', out, '--lang', 'en'],
      { env: { ...process.env, CATALOG_FROM_SOURCES: '1', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; signal?: string; stdout?: string; stderr?: string };
    return { code: failed.code ?? failed.signal, out: `${failed.stdout}\n${failed.stderr}` };
  }
}

async function expectValidPdf(out: string) {
  const pdfs = (await readdir(out)).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toHaveLength(1);
  const check = await qpdfCheck(join(out, pdfs[0]!));
  expect(check.ok, check.output).toBe(true);
}

describe('hostile cells', () => {
  it('a workbook with a 100,000-character cell: one warning naming the cell, and a valid PDF', async () => {
    const dir = tempDir('catalog-hostile-');
    const file = await writeWorkbook(join(dir, 'tarif.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Tarif');
      ws.addRow(['Réf.', 'Désignation', 'Description', 'Prix HT']);
      ws.addRow(['VIS-1', 'Vis agglo', LONG, 8.9]);
      ws.addRow(['VIS-2', 'Vis bois', 'Acier zingué', 12.5]);
    });
    const result = await build(file, join(dir, 'out'));
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(
      /Tarif!C2\s+Cell Tarif!C2 of tarif\.xlsx holds 100,000 characters .*only the first 32,767 are kept.*\[CELL_TOO_LONG\]/,
    );
    // The frame shows what fits and says the rest was cut.
    expect(result.out).toContain('[OVERSET_TEXT]');
    await expectValidPdf(join(dir, 'out'));
  });

  it('a CSV with a 100,000-character cell: the same', async () => {
    const dir = tempDir('catalog-hostile-');
    const file = join(dir, 'tarif.csv');
    await writeFile(
      file,
      `Réf.;Désignation;Description;Prix HT\nVIS-1;Vis agglo;${LONG};8,90\nVIS-2;Vis bois;court;12,50\n`,
    );
    const result = await build(file, join(dir, 'out'));
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(
      /tarif!C2\s+Cell tarif!C2 of tarif\.csv holds 100,000 characters.*\[CELL_TOO_LONG\]/,
    );
    await expectValidPdf(join(dir, 'out'));
  });

  it('a CSV with a 50 MB line: cut at the line limit with a warning naming the cell, and a valid PDF', async () => {
    const dir = tempDir('catalog-hostile-');
    const file = join(dir, 'tarif.csv');
    const line = 'mot '.repeat(12_500_000);
    await writeFile(
      file,
      `Réf.;Désignation;Prix HT;Description\nVIS-1;Vis agglo;8,90;${line}\nVIS-2;Vis bois;12,50;court\n`,
    );
    const result = await build(file, join(dir, 'out'));
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(
      /tarif!D2\s+Line 2 of tarif\.csv has 50,000,021 characters, more than the limit of 1,048,576: .*cell tarif!D2 is cut there.*\[LINE_TOO_LONG\]/,
    );
    // The cut cell is then held to a cell's limit like any other, and the next row reads as before.
    expect(result.out).toContain('[CELL_TOO_LONG]');
    expect(result.out).toMatch(/2 products/);
    await expectValidPdf(join(dir, 'out'));
  });
});
