// The money a user states — a currency code, a VAT rate (or rates per family), a tax basis — read
// from the words they typed. Each fills only what the sheet leaves unsaid (engine/money/decide-money.ts),
// so a setting never overrides a sheet that says otherwise; the build says when it was not followed.
import { CatalogError } from '../engine/errors.ts';
import type { MoneySettings } from '../engine/money/decide-money.ts';
import { isCurrencyCode } from '../engine/money/currencies.ts';
import type { TaxBasis } from '../engine/money/money.ts';
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
