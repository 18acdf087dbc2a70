// One grid cell's price for one reseller: the rate that applies (family override, else the reseller's
// own negotiated rate, else its level's), the rounding rule, the minimum price, the suggested public
// price and VAT. Every number is exact until its stated rounding, and the result says which rate
// applied and why, so the summary and the legend can show it.
import { z } from 'zod';
import { CatalogError } from '../errors.ts';
import type { Translated } from '../model.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import {
  add,
  compare,
  divide,
  formatRatio,
  multiply,
  multiplyCents,
  parseDecimal,
  ratio,
  rateFromPercent,
  type Ratio,
} from './cents.ts';
import { describeRounding, roundCents, roundToCent, RoundingRule } from './rounding.ts';

/** A rate or amount as given: text (`0,85`, `5.5`) or a number, read exactly (see parseDecimal). */
const Given = z.union([z.string(), z.number()]);

/** As given: a coefficient (0.85, 1.2; > 0) or a discount in percent (15 = −15 %; 0 to 100). */
export const RateSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coefficient'), value: Given }),
  z.object({ kind: z.literal('discount'), percent: Given }),
]);
export type RateSpec = z.infer<typeof RateSpec>;

export type RateSource = 'family' | 'reseller' | 'level';

export type AppliedRate = {
  kind: RateSpec['kind'];
  /** The rate as given, written exactly: `0.85` (coefficient) or `15` (percent). */
  value: string;
  /** The multiplier it amounts to (`0.85` for a 15 % discount), exactly. */
  coefficient: string;
  source: RateSource;
  why: Translated;
};

export const PricingContext = z.object({
  /** The family (product block) of the cell: picks a family override and the VAT rate. */
  family: z.string(),
  reseller: z.object({ name: z.string(), level: z.string().optional(), rate: RateSpec.optional() }),
  /** Level name → rate (Bronze, Argent, Or…); matched case- and accent-insensitively. */
  levels: z.record(z.string(), RateSpec).optional(),
  /** Family → rate for this reseller; wins over the reseller's own rate and its level's. */
  familyRates: z.record(z.string(), RateSpec).optional(),
  rounding: RoundingRule,
  /** In cents: the net HT never prints below it (applied after rounding, itself not re-rounded). */
  minimumCents: z.number().int().nonnegative().optional(),
  /** Suggested public price = net HT × markup, rounded by its own rule, on HT or on TTC. */
  publicPrice: z.object({ markup: Given, rounding: RoundingRule, roundOn: z.enum(['ht', 'ttc']) }).optional(),
  /** Family → VAT in percent (20, 10, `5,5`). Never defaulted: no rate, no TTC. */
  vatByFamily: z.record(z.string(), Given).optional(),
});
export type PricingContext = z.infer<typeof PricingContext>;

export type NotAvailable = { kind: 'not-available'; said?: string };

export type Amounts = { ht: number; ttc?: number };

export type PricedCell = {
  kind: 'priced';
  base: number;
  net: Amounts;
  public?: Amounts & { roundedOn: 'ht' | 'ttc'; rounding: Translated };
  rate: AppliedRate;
  minimumApplied: boolean;
  vat: { known: true; percent: string } | { known: false };
  rounding: Translated;
  /** What a reader should be told about this cell (minimum applied, VAT unknown, public on HT). */
  notes: Translated[];
};

/** The entry named `name`, exactly or case- and accent-insensitively (« Or », « OR »). */
export const keyedByName = <T>(
  map: Record<string, T> | undefined,
  name: string | undefined,
): T | undefined => {
  if (!map || name === undefined) return undefined;
  if (Object.hasOwn(map, name)) return map[name];
  const folded = foldForMatch(name);
  for (const [key, value] of Object.entries(map)) if (foldForMatch(key) === folded) return value;
  return undefined;
};

const bad = (code: string, fr: string, en: string) => new CatalogError(code, { fr, en });

/** The multiplier a rate amounts to, checked: coefficient > 0, discount from 0 to 100 %. */
export function coefficientOf(spec: RateSpec): Ratio {
  if (spec.kind === 'coefficient') {
    const value = parseDecimal(spec.value);
    if (!value || value.num <= 0n)
      throw bad(
        'PRICING_BAD_COEFFICIENT',
        `coefficient « ${spec.value} » : il faut un nombre supérieur à 0`,
        `coefficient "${spec.value}": a number above 0 is needed`,
      );
    return value;
  }
  const discount = rateFromPercent(spec.percent);
  if (!discount || discount.num < 0n || compare(discount, ratio(1n)) > 0)
    throw bad(
      'PRICING_BAD_DISCOUNT',
      `remise « ${spec.percent} » : il faut un pourcentage entre 0 et 100`,
      `discount "${spec.percent}": a percentage between 0 and 100 is needed`,
    );
  return ratio(discount.den - discount.num, discount.den);
}

/** Exactly one of a discount or a coefficient, as a row of a reseller or level sheet gives them. */
export function rateSpecOf(row: { discount?: string | number; coefficient?: string | number }): RateSpec {
  const hasD = row.discount !== undefined;
  const hasC = row.coefficient !== undefined;
  if (hasD === hasC)
    throw bad(
      hasD ? 'PRICING_TWO_RATES' : 'PRICING_NO_RATE',
      hasD ? 'une remise ET un coefficient : donnez l’un ou l’autre' : 'ni remise ni coefficient',
      hasD
        ? 'both a discount AND a coefficient: give one or the other'
        : 'neither a discount nor a coefficient',
    );
  const spec: RateSpec = hasD
    ? { kind: 'discount', percent: row.discount! }
    : { kind: 'coefficient', value: row.coefficient! };
  coefficientOf(spec);
  return spec;
}

const specValue = (spec: RateSpec): string => {
  const exact = parseDecimal(spec.kind === 'coefficient' ? spec.value : spec.percent);
  return exact ? formatRatio(exact) : String(spec.kind === 'coefficient' ? spec.value : spec.percent);
};

/**
 * Precedence: a family override, then the reseller's own negotiated rate, then its level's rate —
 * the most specific agreement wins. No rate at all is an error: there is no default discount.
 */
export function resolveRate(context: PricingContext): AppliedRate & { exact: Ratio } {
  const { family, reseller } = context;
  const found = ((): { spec: RateSpec; source: RateSource; why: Translated } | undefined => {
    const byFamily = keyedByName(context.familyRates, family);
    if (byFamily)
      return {
        spec: byFamily,
        source: 'family',
        why: { fr: `tarif propre à la famille « ${family} »`, en: `rate specific to the family "${family}"` },
      };
    if (reseller.rate)
      return {
        spec: reseller.rate,
        source: 'reseller',
        why: { fr: `tarif négocié de ${reseller.name}`, en: `${reseller.name}'s negotiated rate` },
      };
    if (reseller.level === undefined) return undefined;
    const byLevel = keyedByName(context.levels, reseller.level);
    if (!byLevel)
      throw bad(
        'PRICING_UNKNOWN_LEVEL',
        `${reseller.name} : niveau « ${reseller.level} » inconnu`,
        `${reseller.name}: unknown level "${reseller.level}"`,
      );
    return {
      spec: byLevel,
      source: 'level',
      why: { fr: `tarif du niveau ${reseller.level}`, en: `${reseller.level} level rate` },
    };
  })();
  if (!found)
    throw bad(
      'PRICING_NO_RATE',
      `${reseller.name} : ni tarif négocié, ni niveau, ni tarif pour la famille « ${family} »`,
      `${reseller.name}: no negotiated rate, no level, no rate for the family "${family}"`,
    );
  const exact = coefficientOf(found.spec);
  return {
    kind: found.spec.kind,
    value: specValue(found.spec),
    coefficient: formatRatio(exact),
    source: found.source,
    why: found.why,
    exact,
  };
}

function vatOf(context: PricingContext): Ratio | undefined {
  const given = keyedByName(context.vatByFamily, context.family);
  if (given === undefined) return undefined;
  const rate = rateFromPercent(given);
  if (!rate || rate.num < 0n || compare(rate, ratio(1n)) > 0)
    throw bad(
      'PRICING_BAD_VAT',
      `TVA « ${given} » : il faut un pourcentage entre 0 et 100`,
      `VAT "${given}": a percentage between 0 and 100 is needed`,
    );
  return rate;
}

/** TTC = round-half-up(HT × (1 + rate)), to the cent. */
export const withVat = (htCents: number, vat: Ratio): number =>
  roundToCent(multiplyCents(htCents, add(ratio(1n), vat)));

/**
 * A cell with no base price (`undefined`, `null`, or a not-available marker such as « sur devis »)
 * stays not available — never 0. Otherwise `base` is the supplier's net price HT in cents.
 */
export function priceCell(
  base: number | NotAvailable | null | undefined,
  context: PricingContext,
): PricedCell | NotAvailable {
  if (base === null || base === undefined) return { kind: 'not-available' };
  if (typeof base === 'object') return base;
  if (!Number.isSafeInteger(base) || base < 0)
    throw bad(
      'PRICING_BAD_BASE',
      `prix de base invalide : ${base} centimes`,
      `invalid base price: ${base} cents`,
    );

  const rate = resolveRate(context);
  const { exact, ...applied } = rate;
  const rounded = roundCents(multiplyCents(base, exact), context.rounding);
  const minimum = context.minimumCents;
  if (minimum !== undefined && (!Number.isSafeInteger(minimum) || minimum < 0))
    throw bad(
      'PRICING_BAD_MINIMUM',
      `prix minimum invalide : ${minimum} centimes`,
      `invalid minimum price: ${minimum} cents`,
    );
  const minimumApplied = minimum !== undefined && rounded < minimum;
  const netHt = minimumApplied ? minimum : rounded;
  const vat = vatOf(context);
  const notes: Translated[] = [];
  if (minimumApplied) notes.push({ fr: 'prix minimum appliqué', en: 'minimum price applied' });
  if (!vat)
    notes.push({
      fr: `TVA inconnue pour la famille « ${context.family} » : pas de prix TTC`,
      en: `VAT unknown for the family "${context.family}": no price including VAT`,
    });

  const cell: PricedCell = {
    kind: 'priced',
    base,
    net: vat ? { ht: netHt, ttc: withVat(netHt, vat) } : { ht: netHt },
    rate: applied,
    minimumApplied,
    vat: vat ? { known: true, percent: formatRatio(multiply(vat, ratio(100n))) } : { known: false },
    rounding: describeRounding(context.rounding),
    notes,
  };
  if (context.publicPrice) cell.public = publicPrice(netHt, context.publicPrice, vat, notes);
  return cell;
}

function publicPrice(
  netHt: number,
  setting: NonNullable<PricingContext['publicPrice']>,
  vat: Ratio | undefined,
  notes: Translated[],
): NonNullable<PricedCell['public']> {
  const markup = parseDecimal(setting.markup);
  if (!markup || markup.num <= 0n)
    throw bad(
      'PRICING_BAD_MARKUP',
      `coefficient de prix public « ${setting.markup} » : il faut un nombre supérieur à 0`,
      `public price markup "${setting.markup}": a number above 0 is needed`,
    );
  const exactHt = multiplyCents(netHt, markup);
  const rounding = describeRounding(setting.rounding);
  if (setting.roundOn === 'ttc' && vat) {
    // The public sees the TTC: that is the figure to make "psychological"; HT is derived from it.
    const ttc = roundCents(multiply(exactHt, add(ratio(1n), vat)), setting.rounding);
    const ht = roundToCent(divide(ratio(BigInt(ttc)), add(ratio(1n), vat)));
    return { ht, ttc, roundedOn: 'ttc', rounding };
  }
  if (setting.roundOn === 'ttc')
    notes.push({
      fr: 'prix public arrondi sur le HT : TVA inconnue',
      en: 'public price rounded on the price before VAT: VAT unknown',
    });
  const ht = roundCents(exactHt, setting.rounding);
  return vat ? { ht, ttc: withVat(ht, vat), roundedOn: 'ht', rounding } : { ht, roundedOn: 'ht', rounding };
}
