// The money a user states — a currency code, a VAT rate (or rates per family), a tax basis — read
// from the words they typed. Each fills only what the sheet leaves unsaid (engine/money/decide-money.ts),
// so a setting never overrides a sheet that says otherwise; the build says when it was not followed.
import type { MoneyRequest } from '../api/contract.ts';
import { CatalogError } from '../engine/errors.ts';
import type { MoneySettings } from '../engine/money/decide-money.ts';
import { isCurrencyCode } from '../engine/money/currencies.ts';
import type { TaxBasis } from '../engine/money/money.ts';
import { parseVatSetting } from '../engine/money/vat-rate.ts';

// The request field at fault is named, so the app can point at its own control, not at a CLI flag.
const usage = (field: keyof MoneyRequest, fr: string, en: string) =>
  new CatalogError('USAGE', { fr, en }, { field: `money.${field}` });

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

export function moneySettings(args: MoneyRequest): MoneySettings {
  const settings: MoneySettings = {};
  if (args.currency !== undefined) {
    const code = args.currency.trim().toUpperCase();
    if (!isCurrencyCode(code))
      throw usage(
        'currency',
        `--currency : « ${args.currency} » n'est pas un code de devise ISO 4217 (EUR, PLN, USD, GBP, CHF…)`,
        `--currency: "${args.currency}" is not an ISO 4217 currency code (EUR, PLN, USD, GBP, CHF…)`,
      );
    settings.currency = code;
  }
  if (args.vat !== undefined) {
    const parsed = parseVatSetting(args.vat);
    if (!parsed.ok) throw new CatalogError('USAGE', parsed.message, { field: 'money.vat' });
    settings.vat = parsed.value;
  }
  if (args.prices !== undefined) {
    const basis = BASIS[args.prices.trim().toLowerCase()];
    if (!basis)
      throw usage(
        'prices',
        '--prices vaut ht (hors taxes) ou ttc (TVA comprise)',
        '--prices is excl (before tax) or incl (tax included)',
      );
    settings.prices = basis;
  }
  return settings;
}
