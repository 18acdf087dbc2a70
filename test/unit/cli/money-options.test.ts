// --currency, --vat and --prices on the command line, and what `inspect` says of the money.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { moneySettings } from '../../../main/service/money-settings.ts';
import { isCatalogError } from '../../../main/engine/errors.ts';
import { tempDir, writeWorkbook } from '../../fixtures/workbooks.ts';

const vndWorkbook = () =>
  writeWorkbook(join(tempDir('catalog-money-cli-'), 'bao-gia.xlsx'), (wb) => {
    const ws = wb.addWorksheet('Bao gia');
    ws.getCell('A1').value = 'Báo giá — Prices exclude 10 % VAT';
    ws.getRow(3).values = ['Code', 'Product name', 'Price (VND)'];
    ws.getRow(4).values = ['ST-A5', 'Sổ tay A5', 85000];
    ws.getRow(5).values = ['BB-01', 'Bút bi', 4500];
  });

describe('money options', () => {
  it('reads a currency code, a rate or rates per family, and a basis', () => {
    expect(moneySettings({ currency: 'pln', vat: '5,5', prices: 'ht' })).toEqual({
      currency: 'PLN',
      vat: { rate: 0.055 },
      prices: 'excl',
    });
    expect(moneySettings({ vat: 'Vins=20;Livres=5,5', prices: 'TVAC' })).toEqual({
      vat: { byGroup: { Vins: 0.2, Livres: 0.055 } },
      prices: 'incl',
    });
  });

  it('refuses what it cannot read, in both languages, exit code 2', async () => {
    for (const bad of [{ currency: 'ZZZ' }, { vat: 'vingt' }, { prices: 'maybe' }]) {
      let error: unknown;
      try {
        moneySettings(bad);
      } catch (e) {
        error = e;
      }
      expect(isCatalogError(error) && error.code).toBe('USAGE');
      // The request field at fault, for a surface with no command line to name.
      expect(isCatalogError(error) && error.field).toBe(`money.${Object.keys(bad)[0]}`);
    }
    const file = await vndWorkbook();
    const wrong = await run('validate', file, '--currency', 'EURO', '--lang', 'fr');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("n'est pas un code de devise ISO 4217");
    const english = await run('build', file, '--out', tempDir(), '--vat', '200', '--lang', 'en');
    expect(english.code).toBe(2);
    expect(english.err).toContain('--vat: "200" is not a rate');
  });
});

describe('catalog inspect', () => {
  it('shows the currency, the tax basis and the VAT it decided, with the evidence, in French and English', async () => {
    const file = await vndWorkbook();
    const fr = await run('inspect', file, '--template', 'price-list', '--lang', 'fr');
    expect(fr.code).toBe(0);
    expect(fr.out).toMatch(/Prix :\n {2}Devise : .*\(VND\) — en-tête « Price \(VND\) » \(C\)/);
    expect(fr.out).toMatch(/C « Price \(VND\) » \(price\) : hors taxes — titre de la feuille « Báo giá/);
    expect(fr.out).toMatch(/TVA : 10\s%.*titre de la feuille/);
    const en = await run('inspect', file, '--template', 'price-list', '--lang', 'en', '--currency', 'EUR');
    expect(en.out).toMatch(/Currency: .*\(VND\) — header "Price \(VND\)" \(C\)/);
    expect(en.out).toContain('You asked for EUR, but the sheet says VND');
  });

  it('puts the decision in --json', async () => {
    const file = await vndWorkbook();
    const { out } = await run('inspect', file, '--template', 'price-list', '--json', '--vat', '8');
    const { money } = JSON.parse(out) as {
      money: { currency: { code: string; source: string }; vat: { source: string; rate: number } };
    };
    expect(money.currency).toMatchObject({ code: 'VND', source: 'header' });
    // The user's rate beats the title's: the title only speaks when nobody else did.
    expect(money.vat).toMatchObject({ source: 'setting', rate: 0.08 });
  });
});
