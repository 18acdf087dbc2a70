// The legend under a reseller's grids: what the figures are (net, before or with VAT, the currency),
// how they were rounded, how the public price is made, what a star, « sur devis » and a dash mean.
// Only what applies to this list is said; the PDF and the tagged text print the same lines.
import type { Lang } from '../model.ts';
import { describeRounding } from '../pricing/rounding.ts';
import { amountText, currencyWords, WORDS, type TaxBasis } from './grid-words.ts';
import type { ResellerGrid } from './price-reseller-grid.ts';

export type LegendOptions = {
  locale: string;
  lang: Lang;
  currency?: string | undefined;
  /** The currency's sign in the locale (`€`), for amounts and rounding steps. */
  sign?: string | undefined;
  basis?: TaxBasis | undefined;
};

export function gridLegend(grid: ResellerGrid, options: LegendOptions): string[] {
  const { lang, locale, sign } = options;
  const lines: string[] = [];
  const basis =
    options.basis === 'ht'
      ? { fr: ', hors taxes', en: ', before VAT' }
      : options.basis === 'ttc'
        ? { fr: ', TVA comprise', en: ', VAT included' }
        : { fr: '', en: '' };
  const rounding = describeRounding(grid.rounding, sign);
  lines.push(
    lang === 'fr'
      ? `Prix nets revendeur par quantité${basis.fr}, ${currencyWords(options.currency, sign, 'fr')} ; ${rounding.fr}.`
      : `Net reseller prices by quantity${basis.en}, ${currencyWords(options.currency, sign, 'en')}; ${rounding.en}.`,
  );
  const families = grid.families;
  if (families.some((f) => f.figures.includes('net-ttc')))
    lines.push(
      lang === 'fr'
        ? 'TTC : avec le taux de TVA indiqué pour chaque famille.'
        : 'Inc. VAT: with the VAT rate shown for each family.',
    );
  if (grid.publicPrice) {
    const markup = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(
      grid.publicPrice.markup as unknown as number,
    );
    const publicRounding = describeRounding(grid.publicPrice.rounding, sign);
    lines.push(
      lang === 'fr'
        ? `Prix public conseillé : prix net × ${markup}, ${publicRounding.fr}.`
        : `Suggested retail price: net price × ${markup}, ${publicRounding.en}.`,
    );
  }
  const cells = families.flatMap((f) => f.tiers.flatMap((t) => t.cells));
  if (grid.minimumCents !== undefined && cells.some((c) => c.kind === 'price' && c.minimumApplied)) {
    const minimum = `${amountText(grid.minimumCents, locale)}${sign ? `\u00a0${sign}` : ''}`;
    lines.push(
      lang === 'fr'
        ? `${WORDS.minimumMark} Prix minimum appliqué (${minimum}).`
        : `${WORDS.minimumMark} Minimum price applied (${minimum}).`,
    );
  }
  if (cells.some((c) => c.kind === 'not-available' && c.why === 'on-request'))
    lines.push(
      lang === 'fr' ? 'sur devis : prix sur demande, nous consulter.' : 'on request: ask us for a price.',
    );
  if (cells.some((c) => c.kind === 'not-available' && c.why !== 'on-request'))
    lines.push(
      lang === 'fr' ? '– : non disponible dans cette quantité.' : '–: not available in this quantity.',
    );
  return lines;
}
