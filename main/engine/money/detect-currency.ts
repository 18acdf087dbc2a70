// The currency of a catalog's prices, from what the sheet shows — the price cells' number formats,
// the signs or codes typed in the values, the column header — else the user's setting, else
// unknown. Pure. A column that mixes currencies is reported cell by cell: prices are never converted.
import type { Cell, Translated } from '../model.ts';
import { cellText } from '../common/cell-text.ts';
import { priceMark } from '../values/parse-price.ts';
import { currencyName, isCurrencyCode, markOf, type CurrencyMark } from './currencies.ts';
import { currencyOfFormat } from './currency-of-format.ts';
import type { CurrencyDecision } from './money.ts';

export type PriceCells = {
  letter: string;
  header: string;
  cells: { row: number; cell: Cell }[];
};

/** A cell whose currency differs from the one decided: the caller reports it on that cell. */
export type CurrencyConflict = { row: number; letter: string; code: string; shown: string; expected: string };

export type CurrencyResult = {
  decision: CurrencyDecision;
  conflicts: CurrencyConflict[];
  /** The user's setting disagreed with an unambiguous sheet: the sheet was believed. */
  settingIgnored?: string;
};

type Seen = CurrencyMark & { shown: string; from: 'format' | 'values'; row: number; letter: string };

function markOfCell(cell: Cell): (CurrencyMark & { shown: string; from: 'format' | 'values' }) | undefined {
  const v = cell.value;
  if (v.kind === 'number') {
    const mark = currencyOfFormat(v.numFmt);
    return mark ? { ...mark, from: 'format' } : undefined;
  }
  if (v.kind === 'empty' || v.kind === 'error') return undefined;
  const shown = priceMark(cellText(cell));
  const mark = shown ? markOf(shown) : undefined;
  return mark && shown ? { ...mark, shown, from: 'values' } : undefined;
}

/** A currency named in a header: `Prix (PLN)`, `Price USD`, `Giá (VNĐ)`, `Prix €`, `Prix en euros`. */
export function currencyOfHeader(header: string): (CurrencyMark & { shown: string }) | undefined {
  for (const token of header.split(/[\s()[\]{}/:;,–—-]+/).filter(Boolean)) {
    const mark = markOf(token);
    if (mark) return { ...mark, shown: token };
  }
  return undefined;
}

const q = { fr: (s: string) => `« ${s} »`, en: (s: string) => `"${s}"` };

function name(code: string): Translated {
  return { fr: `${currencyName(code, 'fr')} (${code})`, en: `${currencyName(code, 'en')} (${code})` };
}

function ambiguity(shown: string, code: string, alternatives: readonly string[]): Translated {
  const others = alternatives.join(', ');
  return {
    fr: ` ; ${q.fr(shown)} peut aussi être ${others} : lu comme ${code}, précisez --currency sinon`,
    en: `; ${q.en(shown)} may also be ${others}: read as ${code}, give --currency otherwise`,
  };
}

export function detectCurrency(columns: PriceCells[], setting?: string): CurrencyResult {
  const wanted = setting?.trim().toUpperCase();
  const seen: Seen[] = [];
  for (const column of columns)
    for (const { row, cell } of column.cells) {
      const mark = markOfCell(cell);
      if (mark) seen.push({ ...mark, row, letter: column.letter });
    }

  // The currency most cells show; the others are conflicts on their cells.
  const counts = new Map<string, Seen[]>();
  // Pushed, not spread: a copy per cell made 100,000 price cells cost 90 s.
  for (const s of seen) {
    const group = counts.get(s.code);
    if (group) group.push(s);
    else counts.set(s.code, [s]);
  }
  const ranked = [...counts.values()].sort((a, b) => b.length - a.length);
  const main = ranked[0];
  if (main) {
    const first = main[0]!;
    const fromFormat = main.filter((s) => s.from === 'format').length * 2 >= main.length;
    const source = fromFormat ? 'format' : 'values';
    const conflicts = ranked.slice(1).flatMap((group) =>
      group.map((s) => ({
        row: s.row,
        letter: s.letter,
        code: s.code,
        shown: s.shown,
        expected: first.code,
      })),
    );
    const ambiguous = main.every((s) => s.alternatives.length > 0);
    // A user's setting settles an ambiguous sign (`$` → CAD); it never overrides a clear one.
    const settled = ambiguous && wanted && (first.alternatives.includes(wanted) || wanted === first.code);
    const code = settled ? wanted : first.code;
    const where = `${first.letter}${first.row}`;
    const cells = main.length;
    const base: Translated =
      source === 'format'
        ? {
            fr: `format des cellules de prix : ${q.fr(first.shown)} (${where}, ${cells} cellule${cells > 1 ? 's' : ''})`,
            en: `number format of the price cells: ${q.en(first.shown)} (${where}, ${cells} cell${cells > 1 ? 's' : ''})`,
          }
        : {
            fr: `valeurs écrites avec ${q.fr(first.shown)} (${where}, ${cells} cellule${cells > 1 ? 's' : ''})`,
            en: `values written with ${q.en(first.shown)} (${where}, ${cells} cell${cells > 1 ? 's' : ''})`,
          };
    const n = name(code);
    const tail: Translated = settled
      ? {
          fr: ` ; ${q.fr(first.shown)} lu comme ${code} selon votre réglage`,
          en: `; ${q.en(first.shown)} read as ${code} as you set`,
        }
      : ambiguous
        ? ambiguity(first.shown, code, first.alternatives)
        : { fr: '', en: '' };
    return {
      decision: {
        code,
        source,
        shown: first.shown,
        alternatives: settled || !ambiguous ? [] : [...first.alternatives],
        evidence: { fr: `${n.fr} — ${base.fr}${tail.fr}`, en: `${n.en} — ${base.en}${tail.en}` },
      },
      conflicts,
      ...(wanted && wanted !== code && !settled ? { settingIgnored: wanted } : {}),
    };
  }

  for (const column of columns) {
    const mark = currencyOfHeader(column.header);
    if (!mark) continue;
    const settled = mark.alternatives.length > 0 && wanted && mark.alternatives.includes(wanted);
    const code = settled ? wanted : mark.code;
    const n = name(code);
    const tail =
      mark.alternatives.length && !settled
        ? ambiguity(mark.shown, code, mark.alternatives)
        : { fr: '', en: '' };
    return {
      decision: {
        code,
        source: 'header',
        shown: mark.shown,
        alternatives: settled ? [] : [...mark.alternatives],
        evidence: {
          fr: `${n.fr} — en-tête ${q.fr(column.header)} (${column.letter})${tail.fr}`,
          en: `${n.en} — header ${q.en(column.header)} (${column.letter})${tail.en}`,
        },
      },
      conflicts: [],
      ...(wanted && wanted !== code && !settled ? { settingIgnored: wanted } : {}),
    };
  }

  if (wanted && isCurrencyCode(wanted)) {
    const n = name(wanted);
    return {
      decision: {
        code: wanted,
        source: 'setting',
        shown: wanted,
        alternatives: [],
        evidence: {
          fr: `${n.fr} — votre réglage (--currency ${wanted}) ; la feuille n'en dit rien`,
          en: `${n.en} — your setting (--currency ${wanted}); the sheet says none`,
        },
      },
      conflicts: [],
    };
  }
  return {
    decision: {
      source: 'unknown',
      alternatives: [],
      evidence: {
        fr: 'inconnue — ni signe ni code dans les prix, leur format ou leur en-tête, et pas de --currency : les prix sont imprimés sans devise',
        en: 'unknown — no sign or code in the prices, their format or their header, and no --currency: prices print without a currency',
      },
    },
    conflicts: [],
  };
}
