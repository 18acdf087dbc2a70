import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../../main/engine/model.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import { isCatalogError } from '../../../../../main/engine/errors.ts';
import { importWorkbook } from '../../../../../main/engine/import/import-workbook.ts';
import { suggestMapping } from '../../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { validateCatalog } from '../../../../../main/engine/validate/validate.ts';
import { writeDataMerge } from '../../../../../main/engine/export/data-merge/write-data-merge.ts';

const SAMPLES = resolve(import.meta.dirname, '../../../../../samples');
const IMAGES = join(SAMPLES, 'images');
const NNBSP = '\u202f';
const NBSP = '\u00a0';

let template: Template;
let catalog: Catalog;
let out: string;

// The French sample through the real pipeline: rows with pictures pasted in the sheet (MAR-500,
// CLE-13, CAD-40), rows naming a file of samples/images, one naming a file that is missing (SCI-550).
beforeAll(async () => {
  template = await loadTemplate('product-grid');
  const { table } = await importWorkbook(join(SAMPLES, 'quincaillerie-tarif-2026.xlsx'));
  const { mapping } = suggestMapping(table, template);
  const files = await readdir(IMAGES);
  ({ catalog } = validateCatalog(table, template, mapping, { images: { dir: IMAGES, files } }));
});

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'data-merge-'));
});

afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The file as InDesign reads it: a UTF-16LE BOM, then UTF-16LE text. */
async function readSource(path: string): Promise<string> {
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(bytes.length % 2).toBe(0);
  return bytes.subarray(2).toString('utf16le');
}

const rowsOf = (text: string, delimiter = ','): Record<string, string>[] =>
  parse(text, { columns: true, delimiter, record_delimiter: '\r\n' });

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('writeDataMerge', () => {
  it('writes UTF-16LE with a BOM, CRLF after every record and no other line break', async () => {
    const { csv } = await writeDataMerge(out, 'tarif', catalog, template, { locale: 'fr-FR', lang: 'fr' });
    expect(csv).toBe(join(out, 'tarif.csv'));
    const text = await readSource(csv);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(catalog.items.length + 2);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe(
      'Groupe,Référence,Désignation,Description,Marque,Famille,Prix HT (EUR),Prix TTC (EUR),Conditionnement,Code EAN,@Photo,Coloris,Tailles',
    );
    // Alt+Enter in the sheet's description becomes a space.
    const hammer = rowsOf(text).find((r) => r['Référence'] === 'MAR-500')!;
    expect(hammer.Description).toBe('Manche en frêne, tête forgée Arrache-clou magnétique');
    expect(hammer.Groupe).toBe('Outillage');
  });

  it('links every picture by an absolute path that exists: pasted ones written once, files as they are', async () => {
    const result = await writeDataMerge(out, 'tarif', catalog, template, { locale: 'fr-FR', lang: 'fr' });
    const rows = rowsOf(await readSource(result.csv));
    const photo = (reference: string) => rows.find((r) => r['Référence'] === reference)!['@Photo']!;

    expect(result.images).toBe(3);
    for (const reference of ['MAR-500', 'CLE-13', 'CAD-40']) {
      const path = photo(reference);
      expect(path).toBe(join(out, 'tarif-images', `${reference}.jpeg`));
      const item = catalog.items.find(
        (i) => i.fields.reference?.kind === 'text' && i.fields.reference.value === reference,
      )!;
      expect(new Uint8Array(await readFile(path))).toEqual(item.images[0]!.bytes);
    }
    for (const reference of ['VIS-4x40', 'BOU-M8', 'CHE-6', 'TOU-PZ2', 'NIV-60'])
      expect(photo(reference)).toBe(join(IMAGES, `${reference}.jpg`));

    const linked = rows.map((r) => r['@Photo']!).filter(Boolean);
    // 8 named in the sheet or pasted, and the second CHE-6 row's empty cell found by its reference.
    expect(linked).toHaveLength(9);
    expect(rows.filter((r) => r['Référence'] === 'CHE-6').map((r) => r['@Photo'])).toEqual([
      join(IMAGES, 'CHE-6.jpg'),
      join(IMAGES, 'CHE-6.jpg'),
    ]);
    for (const path of linked) {
      expect(isAbsolute(path)).toBe(true);
      expect(await exists(path)).toBe(true);
    }
    // A name the images folder does not have leaves the frame empty rather than pointing nowhere.
    expect(photo('SCI-550')).toBe('');
    expect((await readdir(join(out, 'tarif-images'))).sort()).toEqual([
      'CAD-40.jpeg',
      'CLE-13.jpeg',
      'MAR-500.jpeg',
    ]);
  });

  it('prints prices as the French and the English catalogs do', async () => {
    const fr = rowsOf(
      await readSource(
        (await writeDataMerge(out, 'fr', catalog, template, { locale: 'fr-FR', lang: 'fr' })).csv,
      ),
    );
    const en = rowsOf(
      await readSource(
        (await writeDataMerge(out, 'en', catalog, template, { locale: 'en-GB', lang: 'en' })).csv,
      ),
    );
    const price = (rows: Record<string, string>[], key: string, column: string, reference: string) =>
      rows.find((r) => r[key] === reference)![column];
    expect(price(fr, 'Référence', 'Prix HT (EUR)', 'COF-60')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(price(fr, 'Référence', 'Prix HT (EUR)', 'VIS-4x40')).toBe(`8,90${NBSP}€`);
    expect(price(en, 'Reference', 'Price (excl. VAT) (EUR)', 'COF-60')).toBe('€1,234.50');
    expect(price(en, 'Reference', 'Price (excl. VAT) (EUR)', 'VIS-4x40')).toBe('€8.90');
    // The sheet's « sur devis » is no price: the field stays empty, never 0.
    expect(price(fr, 'Référence', 'Prix HT (EUR)', 'ETA-150')).toBe('');
  });

  it('writes a tab-delimited .txt when asked, with the same records', async () => {
    const { csv } = await writeDataMerge(out, 'tarif', catalog, template, {
      locale: 'fr-FR',
      lang: 'fr',
      delimiter: '\t',
    });
    expect(csv).toBe(join(out, 'tarif.txt'));
    const rows = rowsOf(await readSource(csv), '\t');
    expect(rows).toHaveLength(catalog.items.length);
    expect(rows[0]!['@Photo']).toBe(join(IMAGES, 'VIS-4x40.jpg'));
  });

  it('writes colon (HFS) paths when asked', async () => {
    const { csv } = await writeDataMerge(out, 'tarif', catalog, template, {
      locale: 'fr-FR',
      lang: 'fr',
      pathStyle: 'hfs',
      bootVolume: 'Macintosh HD',
    });
    const rows = rowsOf(await readSource(csv));
    expect(rows[0]!['@Photo']).toBe(`Macintosh HD${join(IMAGES, 'VIS-4x40.jpg').replace(/\//g, ':')}`);
  });

  it('replaces last export’s pictures and leaves no temporary file behind', async () => {
    await mkdir(join(out, 'tarif-images'));
    await writeFile(join(out, 'tarif-images', 'OLD.jpeg'), 'old');
    await writeDataMerge(out, 'tarif', catalog, template, { locale: 'fr-FR', lang: 'fr' });
    expect((await readdir(join(out, 'tarif-images'))).sort()).toEqual([
      'CAD-40.jpeg',
      'CLE-13.jpeg',
      'MAR-500.jpeg',
    ]);
    expect((await readdir(out)).sort()).toEqual(['tarif-images', 'tarif.csv']);
  });

  it('leaves the previous export as it was when the source cannot be written', async () => {
    await mkdir(join(out, 'tarif-images'));
    await writeFile(join(out, 'tarif-images', 'OLD.jpeg'), 'old');
    // A folder where the source should go: the final rename fails, as on a locked or full disk.
    await mkdir(join(out, 'tarif.csv'));
    const error = await writeDataMerge(out, 'tarif', catalog, template, {
      locale: 'fr-FR',
      lang: 'fr',
    }).catch((e: unknown) => e);
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_WRITE_FAILED');
    expect(await readdir(join(out, 'tarif-images'))).toEqual(['OLD.jpeg']);
    expect((await readdir(out)).sort()).toEqual(['tarif-images', 'tarif.csv']);
    expect(await readdir(join(out, 'tarif.csv'))).toEqual([]);
  });

  it('refuses a name that is a path', async () => {
    const error = await writeDataMerge(out, '../tarif', catalog, template, {
      locale: 'fr-FR',
      lang: 'fr',
    }).catch((e: unknown) => e);
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_NAME_INVALID');
    expect(await readdir(out)).toEqual([]);
  });
});
