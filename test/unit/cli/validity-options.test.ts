// `catalog build --valid-from / --valid-until`: the dates as the user types them, printed by the
// price list's terms; a bad date is refused in one line naming the option, before anything is read.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { pdfText } from '../../support/pdf-tools.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

const CLEAN_CSV = 'samples/tarif-export-excel-fr.csv';

afterEach(() => vi.unstubAllEnvs());

describe('catalog build --valid-from / --valid-until', () => {
  it('prints the validity the user typed in the price list’s terms (French dates, French words)', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 0, 5) / 1000));
    const out = tempDir('catalog-validity-');
    const result = await run(
      'build',
      CLEAN_CSV,
      '--template',
      'price-list',
      '--out',
      out,
      '--valid-from',
      '01/01/2027',
      '--valid-until',
      '31 mars 2027',
      '--lang',
      'fr',
    );
    expect(result.code, result.out + result.err).toBe(0);
    const text = (await pdfText(`${out}/tarif-export-excel-fr-price-list.pdf`)).replace(/\s+/g, ' ');
    expect(text).toContain('1 janvier 2027');
    expect(text).toContain('31 mars 2027');
  });

  it('prints no validity when none is given: no date is made up', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 0, 5) / 1000));
    const out = tempDir('catalog-validity-');
    const result = await run('build', CLEAN_CSV, '--template', 'price-list', '--out', out, '--lang', 'en');
    expect(result.code, result.out + result.err).toBe(0);
    const text = await pdfText(`${out}/tarif-export-excel-fr-price-list.pdf`);
    expect(text).not.toMatch(/valid from|valid until|2027/i);
  });

  it.each([
    ['fr', '--valid-from', '32/01/2027', "[INVALID_DATE]: --valid-from : « 32/01/2027 » n'est pas une date"],
    ['en', '--valid-until', 'soon', '[INVALID_DATE]: --valid-until: "soon" is not a date'],
  ])('refuses a bad date in %s, naming %s', async (lang, option, value, said) => {
    const result = await run(
      'build',
      CLEAN_CSV,
      '--out',
      tempDir('catalog-validity-'),
      option,
      value,
      '--lang',
      lang,
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(said);
  });

  it('refuses an end before the start, naming --valid-until', async () => {
    const result = await run(
      'build',
      CLEAN_CSV,
      '--out',
      tempDir('catalog-validity-'),
      '--valid-from',
      '2027-06-01',
      '--valid-until',
      '2027-01-01',
      '--lang',
      'fr',
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('[VALIDITY_REVERSED]: --valid-until : la fin de validité');
  });

  it('lists both options in build’s help, in French and in English', async () => {
    const fr = await run('build', '--help', '--lang', 'fr');
    expect(fr.out).toContain('--valid-from DATE');
    expect(fr.out).toMatch(/--valid-until DATE\s+fin de validité des prix/);
    const en = await run('build', '--help', '--lang', 'en');
    expect(en.out).toMatch(/--valid-from DATE\s+start of the prices' validity/);
  });
});
