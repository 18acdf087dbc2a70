// The grid answer's figures in the user's words: rates, VAT, tiers, and which issues are about which
// reseller. Pure, so the screen and its tests read them the same way.
import type { ChannelOutput } from '../../api/transport.ts';

type GridOpened = ChannelOutput<'gridOpen'>;
export type Reseller = GridOpened['resellers'][number];
export type GridIssue = GridOpened['issues'][number];

/** `15` (a discount in %) → `15 %` in French, `15%` in English. */
export const percent = (value: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(value) / 100);

/** `0.85` → `0,85` in French. */
export const decimal = (value: string, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(value));

/** The rate's figure: a discount as a percentage, a coefficient as a factor. */
export function rateFigure(rate: NonNullable<Reseller['rate']>, locale: string): string {
  return rate.kind === 'discount' ? percent(rate.value, locale) : decimal(rate.value, locale);
}

export const integers = (values: readonly number[], locale: string) =>
  values.map((v) => new Intl.NumberFormat(locale).format(v)).join(' · ');

/** `fr-FR` → `français (France)` in the user's language; the code itself where Intl cannot say. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The issues found on a reseller's row of the reseller sheet. */
export function issuesOf(reseller: Reseller, sheet: string, issues: readonly GridIssue[]): GridIssue[] {
  return issues.filter((i) => i.cell?.sheet === sheet && i.cell.row === reseller.row);
}

export const LOGO_MISSING = 'RESELLER_LOGO_MISSING';

/** Whether the workbook is one the price-grid flow can make lists from. */
export const isGridWorkbook = (answer: GridOpened | undefined): answer is GridOpened =>
  Boolean(answer && answer.families.length > 0 && answer.resellers.length > 0);
