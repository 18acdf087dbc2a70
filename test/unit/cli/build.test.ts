import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { pdfInfo } from '../../support/pdf-tools.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

const CLEAN_CSV = 'samples/tarif-export-excel-fr.csv';
const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';

afterEach(() => vi.unstubAllEnvs());

describe('catalog build', () => {
  it('builds the PDF, the tagged text and the Data Merge source of a clean file, with fixed dates', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 0, 5) / 1000));
    const out = tempDir('catalog-build-');
    const result = await run(
      'build',
      CLEAN_CSV,
      '--template',
      'price-list',
      '--out',
      out,
      '--format',
      'pdf,tagged-text,data-merge',
      '--lang',
      'fr',
    );
    expect(result.code, result.out + result.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'tarif-export-excel-fr-price-list-datamerge.csv',
      'tarif-export-excel-fr-price-list.pdf',
      'tarif-export-excel-fr-price-list.txt',
    ]);
    expect(result.out).toContain('1 page (impression)');
    const info = await pdfInfo(join(out, 'tarif-export-excel-fr-price-list.pdf'));
    expect(info.creationDate?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it('refuses while the workbook has errors, lists them, and writes nothing; --force builds anyway', async () => {
    const out = tempDir('catalog-build-');
    const refused = await run('build', FRENCH, '--out', out, '--lang', 'fr');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("'Tarif 2026'!E20");
    expect(refused.out).toContain("Rien n'a été produit");
    expect(await readdir(out)).toEqual([]);
    const forced = await run('build', FRENCH, '--out', out, '--force', '--mode', 'screen', '--lang', 'en');
    // Asked for and written: a forced build succeeds, and says what the files carry.
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Built anyway (--force): these files carry the 5 errors listed above');
    expect(await readdir(out)).toEqual(['quincaillerie-tarif-2026-product-grid.pdf']);
  });

  it('says what is wrong with its options, in the user’s language', async () => {
    const out = tempDir('catalog-build-');
    const format = await run('build', CLEAN_CSV, '--out', out, '--format', 'pdf,docx', '--lang', 'fr');
    expect(format.code).toBe(2);
    expect(format.err).toContain('format inconnu « docx »');
    const noOut = await run('build', CLEAN_CSV, '--lang', 'en');
    expect(noOut.err).toContain('--out DIR');
    const bleed = await run('build', CLEAN_CSV, '--out', out, '--bleed', '40', '--lang', 'en');
    expect(bleed.err).toContain('--bleed');
  });

  it('writes the Mac variant of the tagged text when asked', async () => {
    const out = tempDir('catalog-build-');
    const result = await run(
      'build',
      CLEAN_CSV,
      '--out',
      out,
      '--format',
      'tagged-text',
      '--text-variant',
      'mac',
      '--lang',
      'en',
    );
    expect(result.code, result.err).toBe(0);
    const bytes = await readFile(join(out, 'tarif-export-excel-fr-product-grid.txt'));
    // UTF-16 big-endian with its byte order mark, as InDesign on the Mac writes it.
    expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(bytes.subarray(2).toString('latin1').replace(/\0/g, '')).toMatch(/^<UNICODE-MAC>/);
  });

  it('reads the designer’s own templates from CATALOG_TEMPLATES', async () => {
    const folder = tempDir('catalog-templates-');
    const own = JSON.parse(
      await import('node:fs/promises').then((fs) => fs.readFile('templates/price-list.json', 'utf8')),
    );
    await writeFile(
      join(folder, 'a5.json'),
      JSON.stringify({
        ...own,
        id: 'tarif-a5',
        layout: { ...own.layout, page: { ...own.layout.page, size: 'A5' } },
      }),
    );
    vi.stubEnv('CATALOG_TEMPLATES', folder);
    const out = tempDir('catalog-build-');
    const result = await run(
      'build',
      CLEAN_CSV,
      '--template',
      'tarif-a5',
      '--out',
      out,
      '--no-marks',
      '--lang',
      'en',
    );
    expect(result.code, result.err).toBe(0);
    const info = await pdfInfo(join(out, 'tarif-export-excel-fr-tarif-a5.pdf'));
    // A5 plus 3 mm of bleed on each side, no room for marks.
    expect(info.pageSize.width).toBeCloseTo(((148 + 6) / 25.4) * 72, 0);
  });

  it('uses an images folder beside the workbook', async () => {
    const folder = tempDir('catalog-images-');
    await cp(FRENCH, join(folder, 'tarif.xlsx'));
    await mkdir(join(folder, 'images'));
    const out = join(folder, 'out');
    const result = await run('build', join(folder, 'tarif.xlsx'), '--out', out, '--force', '--lang', 'en');
    // Every photo file is missing from this folder: each named photo is reported, none crashes the build.
    expect(result.out).toContain('IMAGE_NOT_FOUND');
    expect(existsSync(join(out, 'tarif-product-grid.pdf'))).toBe(true);
  });
});

describe('catalog build with a font the project does not bundle', () => {
  it('says which font is missing and what to do, in the user’s language', async () => {
    const folder = tempDir('catalog-templates-');
    const own = JSON.parse(await readFile('templates/price-list.json', 'utf8'));
    own.id = 'tarif-minion';
    own.styles = { paragraph: { tableCell: { name: 'Cellule', font: 'Minion Pro', size: 8, leading: 10 } } };
    await writeFile(join(folder, 'minion.json'), JSON.stringify(own));
    vi.stubEnv('CATALOG_TEMPLATES', folder);
    const result = await run(
      'build',
      CLEAN_CSV,
      '--template',
      'tarif-minion',
      '--out',
      tempDir('catalog-build-'),
      '--lang',
      'fr',
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('[FONT_NOT_AVAILABLE]');
    expect(result.err).toContain('La police « Minion Pro »');
  });
});
