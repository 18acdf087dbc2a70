// What `inspect` says of a workbook's money: currency, tax basis of each price column, VAT, each with
// its evidence. (The settings --currency, --vat and --prices are read by service/money-settings.ts.)
import type { Lang } from '../api/index.ts';
import type { Money } from '../api/index.ts';

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
