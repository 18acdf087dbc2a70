import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { PLANTED_PROBLEMS } from '../../../samples/planted-problems.ts';
import { tempDir, writeWorkbook } from '../../fixtures/workbooks.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';
const FASHION = 'samples/fashion-lookbook-2026.xlsx';
const dir = tempDir('catalog-cli-');

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('catalog inspect', () => {
  it('finds the header row below the title rows and suggests the right mapping', async () => {
    const { code, out } = await run('inspect', FRENCH, '--lang', 'fr');
    expect(code).toBe(0);
    expect(out).toContain('en-têtes ligne 4');
    expect(out).toContain('Familles (lignes de catégorie) : Visserie, Outillage, Serrurerie');
    expect(out).toMatch(/Prix achat .*\(masquée\)/);
    for (const [label, column] of [
      ['Référence', 'A  « Réf. »'],
      ['Désignation', 'B  « Désignation »'],
      ['Prix HT', 'E  « Prix HT »'],
      ['Conditionnement', 'D  « Conditionnement »'],
      ['Code EAN', 'G  « EAN »'],
      ['Photo', 'H  « Photo »'],
    ]) {
      expect(out).toMatch(new RegExp(`${label}\\s+← ${column}`));
    }
  });

  it('speaks English and answers in JSON', async () => {
    const { code, out } = await run('inspect', FASHION, '--json', '--lang', 'en');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.table.headerRow).toBe(1);
    expect(json.suggestion.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reference', header: 'SKU' }),
        expect.objectContaining({ field: 'price', header: 'Retail price' }),
        expect.objectContaining({ field: 'color', header: 'Colour' }),
      ]),
    );
  });
});

describe('catalog validate', () => {
  it('lists exactly the planted problems of the French sample with their cells, and exits 1', async () => {
    const before = await sha(FRENCH);
    const { code, out } = await run('validate', FRENCH, '--json', '--all', '--lang', 'fr');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const found = report.issues
      .filter((i: { severity: string }) => i.severity !== 'info')
      .map((i: { ref: string; code: string }) => `${i.ref} ${i.code}`)
      .sort();
    const planted = PLANTED_PROBLEMS.filter((p) => FRENCH.endsWith(p.file))
      .map((p) => `${p.ref} ${p.code}`)
      .sort();
    expect(found).toEqual(planted);
    expect(await sha(FRENCH)).toBe(before);
  });

  it('does the same for the English sample, in English', async () => {
    const { code, out } = await run('validate', FASHION, '--lang', 'en');
    expect(code).toBe(1);
    for (const p of PLANTED_PROBLEMS.filter((x) => FASHION.endsWith(x.file))) {
      expect(out).toMatch(
        new RegExp(`${p.ref.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}\\s+.*\\[${p.code}\\]`),
      );
    }
    // "Retail price" is a UK consumer price: tax included, so never printed nor reported as ex. VAT.
    expect(out).toMatch(/F1\s+The column "Retail price" \(F\) includes VAT .*\[PRICE_INCLUDES_VAT\]/);
    expect(out).toMatch(/F7\s+"TBC" is not a price \(Price \(incl\. VAT\)\)/);
    expect(out).toContain('Result: 2 errors, 0 warnings, 1 note.');
  });

  it('exits 0 on a clean file and 2 on a file it cannot read', async () => {
    expect((await run('validate', 'samples/tarif-export-excel-fr.csv', '--lang', 'en')).code).toBe(0);
    const missing = await run('validate', join(dir, 'absent.xlsx'), '--lang', 'fr');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('[FILE_NOT_FOUND]');
    expect(missing.err).toContain('est introuvable');
  });

  it('writes an annotated copy and leaves the source untouched', async () => {
    const before = await sha(FRENCH);
    const out = join(dir, 'annote.xlsx');
    const result = await run('validate', FRENCH, '--annotate', out, '--lang', 'fr');
    expect(result.code).toBe(1);
    expect(result.out).toContain('Copie annotée écrite');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.name).toBe('Problèmes');
    const note = wb.getWorksheet('Tarif 2026')!.getCell('E20').note;
    expect(JSON.stringify(note)).toContain('sur devis');
    expect(await sha(FRENCH)).toBe(before);
    const refused = await run('validate', FRENCH, '--annotate', FRENCH, '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('OUTPUT_IS_INPUT');
  });

  it('re-applies a saved mapping profile to next month’s file where columns moved', async () => {
    const profile = join(dir, 'mapping.json');
    expect((await run('inspect', FRENCH, '--save-mapping', profile, '--lang', 'en')).code).toBe(0);
    const next = await writeWorkbook(join(dir, 'tarif-decembre.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Tarif');
      ws.addRow(['Tarif de décembre']);
      ws.addRow(['Prix HT', 'EAN', 'Désignation', 'Réf.', 'Conditionnement']);
      ws.addRow([12.5, 3760123450010, 'Vis agglo', 'VIS-4x40', 'Boîte de 200']);
      ws.addRow(['gratuit', 3760123450027, 'Vis bois', 'VIS-5x60', 'Boîte de 100']);
    });
    const { code, out } = await run(
      'validate',
      next,
      '--mapping',
      profile,
      '--json',
      '--all',
      '--lang',
      'en',
    );
    const report = JSON.parse(out);
    expect(report.items).toBe(2);
    expect(report.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'NOT_A_PRICE', ref: 'Tarif!A4' }),
    ]);
    // Description and Photo are gone this month: optional fields, so warnings that name the column.
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'COLUMN_NOT_FOUND', severity: 'warning', field: 'description' }),
        expect.objectContaining({ code: 'COLUMN_NOT_FOUND', severity: 'warning', field: 'image' }),
      ]),
    );
    expect(code).toBe(1);
  });

  it('explains its usage on a wrong call, with exit code 2', async () => {
    const unknown = await run('frobnicate', FRENCH, '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
    expect(unknown.err).toContain('catalog validate FILE');
    expect((await run('validate', '--lang', 'fr')).err).toContain('un seul fichier attendu');
    expect((await run('validate', FRENCH, '--colour', '--lang', 'fr')).err).toContain(
      'option inconnue « --colour »',
    );
    expect((await run('build', FRENCH, '--lang', 'en', '--out')).err).toContain(
      'option "--out" needs a value',
    );
  });
});

describe('the installed command', () => {
  it('runs through bin/catalog.mjs as `npx catalog` does', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'bin/catalog.mjs',
      'templates',
      '--lang',
      'en',
    ]);
    expect(stdout).toContain('price-list — Price list');
  });
});
