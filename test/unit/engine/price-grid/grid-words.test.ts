import { describe, expect, it } from 'vitest';
import {
  amountText,
  currencySign,
  figureLabel,
  longDate,
  notAvailableText,
  quantityText,
  validityText,
} from '../../../../main/engine/price-grid/grid-words.ts';
import { GRID_FIGURES } from '../../../../main/engine/price-grid/price-reseller-grid.ts';

const NNBSP = '\u202f';

describe('amountText', () => {
  it('writes French amounts with a narrow no-break space between thousands and a comma', () => {
    expect(amountText(123450, 'fr-FR')).toBe(`1${NNBSP}234,50`);
    expect(amountText(123456789, 'fr-FR')).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(amountText(5, 'fr-FR')).toBe('0,05');
    expect(amountText(0, 'fr-FR')).toBe('0,00');
  });

  it('writes English amounts with commas and a point, always two decimals', () => {
    expect(amountText(123450, 'en-GB')).toBe('1,234.50');
    expect(amountText(100, 'en-GB')).toBe('1.00');
    expect(amountText(1005, 'en-GB')).toBe('10.05');
  });

  it('prints the exact cents where a float would be a cent off', () => {
    // 9007199254740001 / 100 as a double is 90071992547400.015625: a float formatter prints …00.02.
    expect(amountText(9_007_199_254_740_001, 'en-GB')).toBe('90,071,992,547,400.01');
    expect(amountText(9_007_199_254_740_009, 'fr-FR')).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}400,09`,
    );
  });

  it('quantities group like amounts, without decimals', () => {
    expect(quantityText(1000, 'fr-FR')).toBe(`1${NNBSP}000`);
    expect(quantityText(2500, 'en-GB')).toBe('2,500');
  });
});

describe('currencySign', () => {
  it('is the sign the locale writes', () => {
    expect(currencySign('EUR', 'fr-FR')).toBe('€');
    expect(currencySign('EUR', 'en-GB')).toBe('€');
    expect(currencySign('GBP', 'en-GB')).toBe('£');
    expect(currencySign('CHF', 'fr-CH')).toBe('CHF');
  });

  it('is the code itself when Intl refuses the code', () => {
    expect(currencySign('EURO', 'fr-FR')).toBe('EURO');
  });
});

describe('figureLabel', () => {
  it('says HT/TTC (ex./inc. VAT) only with a tax basis', () => {
    expect(figureLabel('net-ht', 'ht', 'fr')).toBe('Net HT');
    expect(figureLabel('net-ttc', 'ht', 'fr')).toBe('Net TTC');
    expect(figureLabel('public-ttc', 'ht', 'fr')).toBe('Public TTC');
    expect(figureLabel('net-ht', 'ht', 'en')).toBe('Net ex. VAT');
    expect(figureLabel('public-ttc', 'ttc', 'en')).toBe('Retail inc. VAT');
  });

  it('without a basis says only net or public: no tax word is invented', () => {
    for (const figure of GRID_FIGURES)
      for (const lang of ['fr', 'en'] as const) {
        const label = figureLabel(figure, undefined, lang);
        expect(label).not.toMatch(/HT|TTC|VAT/);
        expect(label).toBe(figure.startsWith('net') ? 'Net' : lang === 'fr' ? 'Public' : 'Retail');
      }
  });
});

describe('notAvailableText', () => {
  it('« sur devis » / "on request" for a price on request, a dash otherwise', () => {
    expect(notAvailableText({ kind: 'not-available', why: 'on-request', text: 'nous consulter' }, 'fr')).toBe(
      'sur devis',
    );
    expect(notAvailableText({ kind: 'not-available', why: 'on-request', text: 'x' }, 'en')).toBe(
      'on request',
    );
    expect(notAvailableText({ kind: 'not-available', why: 'na', text: 'N/A' }, 'fr')).toBe('–');
    expect(notAvailableText({ kind: 'not-available', why: 'empty', text: '' }, 'en')).toBe('–');
  });
});

describe('validityText', () => {
  it('both dates', () => {
    expect(validityText({ from: '2027-01-01', until: '2027-03-31' }, 'fr-FR', 'fr')).toBe(
      'Tarifs valables du 1 janvier 2027 au 31 mars 2027',
    );
    expect(validityText({ from: '2027-01-01', until: '2027-03-31' }, 'en-GB', 'en')).toBe(
      'Prices valid from 1 January 2027 to 31 March 2027',
    );
  });

  it('only a start, only an end', () => {
    expect(validityText({ from: '2027-01-01' }, 'fr-FR', 'fr')).toBe(
      'Tarifs valables à partir du 1 janvier 2027',
    );
    expect(validityText({ from: '2027-01-01' }, 'en-GB', 'en')).toBe('Prices valid from 1 January 2027');
    expect(validityText({ until: '2027-12-31' }, 'fr-FR', 'fr')).toBe(
      "Tarifs valables jusqu'au 31 décembre 2027",
    );
    expect(validityText({ until: '2027-12-31' }, 'en-GB', 'en')).toBe('Prices valid until 31 December 2027');
  });

  it('dates win over a free text; a free text alone is printed as written', () => {
    expect(validityText({ from: '2027-01-01', text: 'toute l’année' }, 'fr-FR', 'fr')).toBe(
      'Tarifs valables à partir du 1 janvier 2027',
    );
    expect(validityText({ text: 'Valable jusqu’à nouvel ordre' }, 'fr-FR', 'fr')).toBe(
      'Valable jusqu’à nouvel ordre',
    );
  });

  it('nothing when the workbook gives no validity', () => {
    expect(validityText(undefined, 'fr-FR', 'fr')).toBeUndefined();
    expect(validityText({}, 'en-GB', 'en')).toBeUndefined();
  });

  it('a date that is not one is printed as given, not as « Invalid Date »', () => {
    expect(longDate('2027-13-45', 'fr-FR')).toBe('2027-13-45');
    expect(longDate('2027-02-28', 'en-US')).toBe('February 28, 2027');
  });
});
