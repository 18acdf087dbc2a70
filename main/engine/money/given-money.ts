// Money a caller states outright (a hand-built catalog, a test, the app's settings panel): the
// currency, the VAT rate and the basis of `price`, each recorded as the user's setting. The basis
// has no default: a caller that does not know it says `unknown`, never an HT nobody stated.
import type { Money, TaxBasis } from './money.ts';
import { UNKNOWN_MONEY } from './money.ts';

export function givenMoney({
  currency,
  vat,
  basis,
}: {
  currency?: string;
  /** A fraction: 0.2 = 20 %. */
  vat?: number;
  basis: TaxBasis;
}): Money {
  const setting = { fr: 'votre réglage', en: 'your setting' };
  return {
    currency: currency
      ? { code: currency, source: 'setting', shown: currency, alternatives: [], evidence: setting }
      : UNKNOWN_MONEY.currency,
    columns: [
      {
        field: 'price',
        mappedAs: 'price',
        letter: '',
        header: '',
        basis: { basis, source: basis === 'unknown' ? 'none' : 'setting', evidence: setting },
      },
    ],
    vat: vat === undefined ? UNKNOWN_MONEY.vat : { source: 'setting', rate: vat, evidence: setting },
  };
}
