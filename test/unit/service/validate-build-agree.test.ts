// `validate` and `build` read a workbook through one service path: they can no longer disagree on
// the same file (regressions: a `;` CSV's decimal comma, a missing images folder).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { buildCatalog, validateSource } from '../../../main/service/index.ts';
import { BuildRequest, parseRequest, ValidateRequest } from '../../../main/api/contract.ts';
import { isCatalogError } from '../../../main/engine/errors.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

function frenchCsv(): string {
  const dir = tempDir('catalog-agree-');
  const file = join(dir, 'tarif.csv');
  writeFileSync(file, 'Réf.;Désignation;Prix HT\r\nA-1;Vis;1,234\r\nA-2;Écrou;0,5\r\n', 'latin1');
  return file;
}

describe('validate and build agree', () => {
  it('on a ;-CSV whose prices have a decimal comma (1,234 is 1.234, not an ambiguous thousand)', async () => {
    const file = frenchCsv();
    const validated = await validateSource(parseRequest(ValidateRequest, { file, template: 'price-list' }));
    expect(validated.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(validated.catalog.items[0]!.fields.price).toMatchObject({ kind: 'price', value: 1.234 });

    const out = tempDir('catalog-agree-out-');
    const built = await buildCatalog(
      parseRequest(BuildRequest, { file, template: 'price-list', out, lang: 'fr', formats: ['tagged-text'] }),
    );
    expect(built.status).toBe('built');
    expect(built.validated.catalog.items[0]!.fields.price).toEqual(validated.catalog.items[0]!.fields.price);

    const v = await run('validate', file, '--template', 'price-list', '--lang', 'en');
    const b = await run(
      'build',
      file,
      '--template',
      'price-list',
      '--out',
      out,
      '--format',
      'tagged-text',
      '--lang',
      'en',
    );
    expect([v.code, b.code]).toEqual([0, 0]);
    expect(b.out).not.toMatch(/AMBIGUOUS_NUMBER/);
  });

  it('on an images folder that does not exist: both refuse, naming it, exit code 2', async () => {
    const file = frenchCsv();
    const missing = join(tempDir('catalog-agree-'), 'nonexistent');
    const v = await run('validate', file, '--images', missing, '--lang', 'en');
    const b = await run(
      'build',
      file,
      '--images',
      missing,
      '--out',
      tempDir('catalog-agree-out-'),
      '--lang',
      'en',
    );
    expect([v.code, b.code]).toEqual([2, 2]);
    for (const r of [v, b]) expect(r.err).toContain(`The images folder ${missing} was not found.`);

    let error: unknown;
    try {
      await buildCatalog(parseRequest(BuildRequest, { file, images: missing, out: tempDir(), lang: 'en' }));
    } catch (e) {
      error = e;
    }
    expect(isCatalogError(error) && [error.code, error.field]).toEqual(['IMAGES_DIR_NOT_FOUND', 'images']);
  });
});

describe('the contract', () => {
  it('refuses a malformed request naming the field at fault, before any work', () => {
    let error: unknown;
    try {
      parseRequest(BuildRequest, { file: 'x.xlsx', out: 'out', lang: 'fr', formats: ['pfd'] });
    } catch (e) {
      error = e;
    }
    expect(isCatalogError(error) && [error.code, error.field]).toEqual(['INVALID_REQUEST', 'formats[0]']);
  });

  it('refuses an output folder that is a file, in words', async () => {
    const file = frenchCsv();
    let error: unknown;
    try {
      await buildCatalog(parseRequest(BuildRequest, { file, out: file, lang: 'fr' }));
    } catch (e) {
      error = e;
    }
    expect(isCatalogError(error) && error.code).toBe('OUT_IS_A_FILE');
    expect(isCatalogError(error) && error.text.fr).toMatch(/est un fichier, pas un dossier/);
  });
});
