// --currency, --vat and --prices: what the user states about the money of a workbook. Each fills
// only what the sheet leaves unsaid (money/decide-money.ts), so a setting never overrides a sheet
// that says otherwise — the build says when it was not followed.
import { CatalogError } from '../engine/errors.ts';
import type { Lang } from '../engine/model.ts';
import type { MoneySettings } from '../engine/money/decide-money.ts';
import { isCurrencyCode } from '../engine/money/currencies.ts';
import type { Money, TaxBasis } from '../engine/money/money.ts';
import { parseVatSetting } from '../engine/money/vat-rate.ts';

export type MoneyArgs = { currency?: string; vat?: string; prices?: string };

const usage = (fr: string, en: string) => new CatalogError('USAGE', { fr, en });

const BASIS: Record<string, TaxBasis> = {
  ht: 'excl',
  htva: 'excl',
  excl: 'excl',
  net: 'excl',
  ttc: 'incl',
  tvac: 'incl',
  incl: 'incl',
  gross: 'incl',
};

export function moneySettings(args: MoneyArgs): MoneySettings {
  const settings: MoneySettings = {};
  if (args.currency !== undefined) {
    const code = args.currency.trim().toUpperCase();
    if (!isCurrencyCode(code))
      throw usage(
        `--currency : « ${args.currency} » n'est pas un code de devise ISO 4217 (EUR, PLN, USD, GBP, CHF…)`,
        `--currency: "${args.currency}" is not an ISO 4217 currency code (EUR, PLN, USD, GBP, CHF…)`,
      );
    settings.currency = code;
  }
  if (args.vat !== undefined) {
    const parsed = parseVatSetting(args.vat);
    if (!parsed.ok) throw new CatalogError('USAGE', parsed.message);
    settings.vat = parsed.value;
  }
  if (args.prices !== undefined) {
    const basis = BASIS[args.prices.trim().toLowerCase()];
    if (!basis)
      throw usage(
        '--prices vaut ht (hors taxes) ou ttc (TVA comprise)',
        '--prices is excl (before tax) or incl (tax included)',
      );
    settings.prices = basis;
  }
  return settings;
}

/** The lines `inspect` ends with: currency, tax basis of each price column and VAT, with evidence. */
export function moneyLines(money: Money, lang: Lang): string[] {
  const fr = lang === 'fr';
  const { currency, vat } = money;
  // The evidence starts with the currency's name and code (« złoty polonais (PLN) — … »).
  const lines = [
    fr ? 'Prix :' : 'Prices:',
    fr ? `  Devise : ${currency.evidence.fr}` : `  Currency: ${currency.evidence.en}`,
  ];
  // Each evidence starts with the basis (« hors taxes — en-tête « Prix HT » (E) »).
  for (const c of money.columns) {
    const read = c.field !== c.mappedAs ? (fr ? ` → lue comme ${c.field}` : ` → read as ${c.field}`) : '';
    lines.push(
      fr
        ? `  ${c.letter} « ${c.header} » (${c.mappedAs}${read}) : ${c.basis.evidence.fr}`
        : `  ${c.letter} "${c.header}" (${c.mappedAs}${read}): ${c.basis.evidence.en}`,
    );
  }
  lines.push(fr ? `  TVA : ${vat.evidence.fr}` : `  VAT: ${vat.evidence.en}`);
  return lines;
}
