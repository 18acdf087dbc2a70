// What a catalog's prices are, decided from the sheet and the user's settings, each decision with
// the evidence a user can check: the currency, whether each price column is before or after tax,
// and the VAT rate. Nothing here has a default: an unknown stays unknown, and outputs print less.
import type { Translated } from '../model.ts';

export type CurrencySource = 'format' | 'values' | 'header' | 'setting' | 'unknown';

export type CurrencyDecision = {
  /** ISO 4217 code; absent when nothing said it, and prices then print as plain numbers. */
  code?: string;
  source: CurrencySource;
  /** The sign or code as the sheet (or the user) wrote it: `zł`, `$`, `PLN`. */
  shown?: string;
  /** Other currencies the same sign stands for (`$`: CAD, AUD…): the code is a stated reading. */
  alternatives: string[];
  evidence: Translated;
};

/** `excl`: before tax (HT, HTVA, net); `incl`: tax included (TTC, TVAC, retail price); or unknown. */
export type TaxBasis = 'excl' | 'incl' | 'unknown';
export type TaxBasisSource = 'header' | 'title' | 'setting' | 'none';

export type BasisDecision = {
  basis: TaxBasis;
  source: TaxBasisSource;
  /** The header or title line that said it, as written. */
  said?: string;
  evidence: Translated;
};

export type VatSource = 'column' | 'setting' | 'title' | 'none';

export type VatDecision = {
  source: VatSource;
  /** One rate for every product (0.2 = 20 %), from the user's setting or the title. */
  rate?: number;
  /** Rates per family (group name → rate) from the user's setting; `rate` covers the others. */
  byGroup?: Record<string, number>;
  /** The mapped VAT column, when the rate comes from one (its rows may still leave gaps). */
  column?: { letter: string; header: string };
  evidence: Translated;
};

/** One price column of the catalog: the template field it feeds and what its prices are. */
export type PriceColumn = {
  /** `price` (before tax, or basis unknown) or `priceTtc` (tax included). */
  field: string;
  /** The template field the mapping feeds from this column (`price` read as `priceTtc` differs). */
  mappedAs: string;
  letter: string;
  header: string;
  basis: BasisDecision;
};

export type Money = {
  currency: CurrencyDecision;
  /** The price columns mapped, after a tax-included `price` column was read as `priceTtc`. */
  columns: PriceColumn[];
  vat: VatDecision;
};

/** A catalog whose money nobody decided (a hand-built catalog): nothing is known. */
export const UNKNOWN_MONEY: Money = {
  currency: {
    source: 'unknown',
    alternatives: [],
    evidence: { fr: 'aucune devise connue', en: 'no currency known' },
  },
  columns: [],
  vat: { source: 'none', evidence: { fr: 'aucun taux de TVA connu', en: 'no VAT rate known' } },
};
