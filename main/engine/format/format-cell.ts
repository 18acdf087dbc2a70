// A cell shown the way the user's locale writes it: « 1 234,50 € » and « 20 % » in French,
// "€1,234.50" and "20%" in English. Used wherever a surface shows source values.
import type { Cell, Lang } from '../model.ts';
import { currencyOfFormat } from '../money/currency-of-format.ts';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * The currency an Excel number format shows (`[$zł-415]`, `"kr"`, `£#,##0.00`…), as an ISO code.
 * An ambiguous sign (`$`, `kr`) gives its usual reading; money/detect-currency says it is one.
 */
export function formatCurrency(numFmt: string | undefined): string | undefined {
  return currencyOfFormat(numFmt)?.code;
}

/** Counts the zeros after the decimal point of the first section of a number format. */
function decimals(numFmt: string): number {
  const section = numFmt.split(';')[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const match = /\.([0#?]+)/.exec(section);
  return match ? match[1]!.length : 0;
}

function formatNumber(value: number, numFmt: string | undefined, lang: Lang): string {
  const locale = LOCALE[lang];
  const fmt = numFmt && numFmt !== 'General' ? numFmt : undefined;
  if (fmt && /%/.test(fmt.replace(/"[^"]*"/g, ''))) {
    const digits = decimals(fmt);
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }
  const currency = formatCurrency(fmt);
  if (currency) {
    // The sign the sheet shows (`$`, `kr`), not a longer one the locale prefers (`US$`).
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).format(value);
  }
  if (fmt) {
    const digits = decimals(fmt);
    // EAN and other codes stored as numbers: never group their digits.
    const grouping = /[#0],[#0]/.test(fmt);
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: grouping,
    }).format(value);
  }
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 10,
    useGrouping: Math.abs(value) < 1e7,
  }).format(value);
}

export function formatCell(cell: Cell, lang: Lang): string {
  const v = cell.value;
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return formatNumber(v.value, v.numFmt, lang);
    case 'boolean':
      return lang === 'fr' ? (v.value ? 'VRAI' : 'FAUX') : v.value ? 'TRUE' : 'FALSE';
    case 'date': {
      const date = new Date(v.value.length === 10 ? `${v.value}T00:00:00Z` : v.value);
      if (Number.isNaN(date.getTime())) return v.value;
      return new Intl.DateTimeFormat(LOCALE[lang], {
        dateStyle: 'short',
        ...(v.value.length > 10 ? { timeStyle: 'short' } : {}),
        timeZone: 'UTC',
      }).format(date);
    }
    default:
      return v.value;
  }
}
