// The currency an Excel number format shows: `[$zł-415]`, `#,##0 [$₫-42A]`, `[$₹-4009]`, `"kr"`,
// `[$CHF]`, `#,##0.00\ "PLN"`, `£#,##0.00`. The locale tag after the sign (`-409` is en-US) settles
// what the sign alone cannot: `[$$-1009]` is Canadian dollars, `[$kr-406]` Danish crowns.
import { markOf, type CurrencyMark } from './currencies.ts';

/**
 * Windows locale ids (hex, as Excel writes them) whose currency settles an ambiguous sign. Only
 * locales whose own currency is the one listed: sv-FI (81D) pays in euros, and 434 is isiXhosa
 * (South Africa), so neither may turn a `kr` or an `FCFA` into a certainty.
 */
const LCID_CURRENCY: Readonly<Record<string, string>> = {
  '409': 'USD',
  '1009': 'CAD',
  C09: 'AUD',
  '1409': 'NZD',
  '3C09': 'HKD',
  '4809': 'SGD',
  '80A': 'MXN',
  '41D': 'SEK',
  '406': 'DKK',
  '414': 'NOK',
  '814': 'NOK',
  '40F': 'ISK',
  '411': 'JPY',
  '804': 'CNY',
};

export type FormatMark = CurrencyMark & { shown: string };

export function currencyOfFormat(numFmt: string | undefined): FormatMark | undefined {
  if (!numFmt || numFmt === 'General') return undefined;
  // `[$sign-lcid]`, `[$CODE]`; `[$-409]` names a locale only (dates use it) and is no currency.
  for (const m of numFmt.matchAll(/\[\$([^\]-]*)(?:-([0-9A-Fa-f]+))?\]/g)) {
    const shown = (m[1] ?? '').trim();
    const mark = shown ? markOf(shown, { codesInCapitalsOnly: false }) : undefined;
    if (!mark) continue;
    const local = m[2] ? LCID_CURRENCY[m[2].toUpperCase().replace(/^0+/, '')] : undefined;
    if (local && mark.alternatives.includes(local)) return { code: local, alternatives: [], shown };
    if (local === mark.code) return { code: mark.code, alternatives: [], shown };
    return { ...mark, shown };
  }
  // Quoted text (`"kr"`, `" PLN"`) and escaped characters (`\z\ł`) are printed as they are.
  const literals = [
    ...[...numFmt.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ''),
    ...[...numFmt.matchAll(/(?:\\.)+/g)].map((m) => m[0].replace(/\\/g, '')),
  ];
  for (const literal of literals)
    for (const token of literal.split(/[\s\d]+/).filter(Boolean)) {
      const mark = markOf(token, { codesInCapitalsOnly: false });
      if (mark) return { ...mark, shown: token };
    }
  // Bare signs outside brackets and quotes: `£#,##0.00`, `#,##0.00 €`, `$#,##0`.
  const bare = /[€£¥₹₫$]/.exec(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  const mark = bare ? markOf(bare[0]) : undefined;
  return bare && mark ? { ...mark, shown: bare[0] } : undefined;
}
