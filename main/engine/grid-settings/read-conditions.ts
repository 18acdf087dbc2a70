// The conditions sheet: key | value rows (supplier, currency, validity, rounding, terms…), keys in the
// first column, an optional header row (« Paramètre | Valeur »). Keys are matched whole, FR or EN,
// folded; an unknown key is only an info: the sheet may hold notes for people, not for us.
import { columnLetter } from '../common/column-letter.ts';
import type { Cell, RawRow, RawSheet, Translated } from '../model.ts';
import { markOf } from '../money/currencies.ts';
import { readBasis } from '../money/tax-basis.ts';
import { parseCents } from '../pricing/cents.ts';
import { parseRoundingRule, type RoundingRule } from '../pricing/rounding.ts';
import { isEmail } from '../resellers/reseller-values.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { excelSerialToIso, parseDate } from '../values/parse-date.ts';
import type { DecimalSeparator } from '../values/parse-number.ts';
import { isPercentFormat } from '../values/parse-percent.ts';
import { parsePrice } from '../values/parse-price.ts';
import { coefficientOf, report, textOf, usable, type Reporter } from './settings-cells.ts';
import { KEY_VALUE_HEADERS } from './settings-headers.ts';

export type ConditionKey =
  | 'supplier.name'
  | 'supplier.address'
  | 'supplier.phone'
  | 'supplier.email'
  | 'supplier.website'
  | 'supplier.logo'
  | 'currency'
  | 'taxBasis'
  | 'validFrom'
  | 'validUntil'
  | 'validityText'
  | 'rounding'
  | 'minimum'
  | 'markup'
  | 'publicRounding'
  | 'publicRoundOn'
  | 'terms'
  | 'title';

// Folded, as foldForMatch writes them (« jusqu'au » → `jusqu au`, « Tél. » → `tel`).
const KEYS: [ConditionKey, string[]][] = [
  [
    'supplier.name',
    [
      'fournisseur',
      'supplier',
      'societe',
      'company',
      'raison sociale',
      'nom du fournisseur',
      'supplier name',
    ],
  ],
  ['supplier.address', ['adresse', 'address', 'adresse postale', 'postal address']],
  ['supplier.phone', ['telephone', 'tel', 'phone', 'phone number', 'telephone number']],
  ['supplier.email', ['e mail', 'email', 'courriel', 'mail', 'adresse e mail', 'email address']],
  ['supplier.website', ['site web', 'site', 'website', 'web site', 'site internet', 'web']],
  ['supplier.logo', ['logo', 'logo fournisseur', 'supplier logo', 'logotype']],
  ['currency', ['devise', 'currency', 'monnaie']],
  ['taxBasis', ['base', 'prix', 'base de prix', 'base des prix', 'prices', 'price basis', 'prix en']],
  [
    'validFrom',
    ['valable du', 'valable a partir du', 'valid from', 'debut de validite', 'date de debut', 'start date'],
  ],
  [
    'validUntil',
    [
      'valable jusqu au',
      'valable au',
      'valid until',
      'valid to',
      'fin de validite',
      'date de fin',
      'end date',
    ],
  ],
  ['validityText', ['validite', 'validity', 'periode de validite', 'validity period']],
  ['rounding', ['arrondi', 'rounding', 'regle d arrondi', 'rounding rule']],
  [
    'minimum',
    ['prix minimum', 'minimum price', 'minimum', 'prix mini', 'prix plancher', 'minimum net price'],
  ],
  [
    'markup',
    [
      'coefficient public',
      'coef public',
      'prix public conseille',
      'coefficient prix public',
      'markup',
      'public markup',
      'public price markup',
    ],
  ],
  [
    'publicRounding',
    ['arrondi public', 'arrondi du prix public', 'public rounding', 'public price rounding'],
  ],
  ['publicRoundOn', ['arrondi public sur', 'public rounding on', 'arrondi du prix public sur']],
  [
    'terms',
    [
      'conditions',
      'conditions de vente',
      'conditions generales de vente',
      'cgv',
      'terms',
      'terms of sale',
      'terms and conditions',
      'mentions',
      'mentions legales',
    ],
  ],
  ['title', ['titre', 'title', 'titre du tarif', 'price list title']],
];

const BY_PHRASE = new Map(KEYS.flatMap(([key, phrases]) => phrases.map((p) => [p, key] as const)));

/** What a key cell names, or undefined. */
export const conditionKey = (text: string): ConditionKey | undefined => BY_PHRASE.get(foldForMatch(text));

export type Conditions = {
  supplier?: {
    name?: string;
    address?: string;
    phone?: string;
    email?: string;
    website?: string;
    logo?: string;
  };
  currency?: string;
  taxBasis?: 'ht' | 'ttc';
  validity?: { from?: string; until?: string; text?: string };
  rounding?: RoundingRule;
  minimumCents?: number;
  markup?: string;
  publicRounding?: RoundingRule;
  publicRoundOn?: 'ht' | 'ttc';
  terms: string[];
  title?: string;
};

type KeyRow = { row: RawRow; keyIndex: number; key: string; valueIndex?: number };

/** Each filled row's first cell (its key) and the first filled cell after it (its value). */
function keyRows(sheet: RawSheet): KeyRow[] {
  const out: KeyRow[] = [];
  for (const row of sheet.rows) {
    const filled = row.cells.flatMap((c, i) =>
      textOf(c) !== '' || c.value.kind === 'error' || c.formula !== undefined ? [i] : [],
    );
    if (filled.length === 0) continue;
    const keyIndex = filled[0]!;
    out.push({ row, keyIndex, key: textOf(row.cells[keyIndex]), valueIndex: filled[1] });
  }
  return out;
}

const isHeaderRow = (r: KeyRow) => KEY_VALUE_HEADERS.includes(foldForMatch(r.key));

/**
 * Whether a sheet reads as key | value conditions: at least one known key, and known keys for at
 * least half the rows that have a key and a value. A grid's first column (titles, quantities) and
 * a reseller list's (names) hold none.
 */
export function looksLikeConditions(sheet: RawSheet): boolean {
  const rows = keyRows(sheet).filter((r) => r.valueIndex !== undefined && !isHeaderRow(r));
  const known = rows.filter((r) => conditionKey(r.key) !== undefined).length;
  return known >= 1 && known * 2 >= rows.length;
}

type Ctx = Reporter & { decimal?: DecimalSeparator };

const asWords = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, ' ');

/**
 * A rounding rule as written in a settings cell: parseRoundingRule's `0.05:up`, `.90 nearest`, and
 * French words (« 0,05 supérieur », « ,99 au plus proche »). The mode is never assumed.
 */
export function roundingOf(text: string): RoundingRule | undefined {
  const words = asWords(text);
  const step = /(?:^|[^\d.,])([.,]?\d+(?:[.,]\d+)?)/.exec(` ${words}`)?.[1];
  const up = /\b(?:up|superieur|superieure|au dessus|au-dessus|vers le haut|haut|excess)\b/.test(words);
  const nearest = /\b(?:nearest|plus proche|proche|plus pres|pres)\b/.test(words);
  if (!step || up === nearest) return undefined;
  return parseRoundingRule(`${step} ${up ? 'up' : 'nearest'}`);
}

const basisOf = (text: string): 'ht' | 'ttc' | undefined => {
  const basis = readBasis(text).basis;
  return basis === 'excl' ? 'ht' : basis === 'incl' ? 'ttc' : undefined;
};

/** A calendar date from a date cell, a date-formatted serial or text (`01/01/2027`, day first). */
function dateOf(cell: Cell): string | undefined {
  const v = cell.value;
  if (v.kind === 'date') return /^\d{4}-\d{2}-\d{2}/.exec(v.value)?.[0];
  if (v.kind === 'number') {
    const fmt = (v.numFmt ?? '').replace(/"[^"]*"|\\./g, '');
    if (!/[dy]/i.test(fmt) || isPercentFormat(fmt)) return undefined;
    try {
      return excelSerialToIso(v.value);
    } catch {
      return undefined;
    }
  }
  const parsed = parseDate(textOf(cell));
  return parsed.ok ? parsed.value : undefined;
}

function minimumOf(cell: Cell, decimal: DecimalSeparator | undefined): number | undefined {
  const v = cell.value;
  let amount: number | string | undefined;
  if (v.kind === 'number') amount = v.value;
  else {
    const price = parsePrice(textOf(cell), decimal ? { decimal } : {});
    amount = price.ok ? price.value.amount : undefined;
  }
  if (amount === undefined || (typeof amount === 'number' && amount < 0)) return undefined;
  const cents = parseCents(amount);
  return cents.ok ? cents.cents : undefined;
}

function currencyOf(text: string): { code: string } | { ambiguous: string[] } | undefined {
  const mark = markOf(text.trim(), { codesInCapitalsOnly: false });
  if (!mark) return undefined;
  return mark.alternatives.length > 0
    ? { ambiguous: [mark.code, ...mark.alternatives] }
    : { code: mark.code };
}

export function readConditions(sheet: RawSheet, ctx: Ctx): Conditions {
  const out: Conditions = { terms: [] };
  const seen = new Map<ConditionKey, number>();
  let previous: ConditionKey | undefined;
  let first = true;
  const entries = keyRows(sheet);
  const keyColumn = Math.min(...entries.map((e) => e.keyIndex));
  for (const entry of entries) {
    const { row } = entry;
    const wasFirst = first;
    first = false;
    if (wasFirst && isHeaderRow(entry)) continue;
    const keyLetter = columnLetter(entry.keyIndex);
    const key = conditionKey(entry.key);
    // A term running on below its key (the key cell left blank) is one more term.
    if (entry.keyIndex > keyColumn && previous === 'terms') {
      const cell = usable(ctx, row, entry.keyIndex, keyLetter);
      if (cell) out.terms.push(textOf(cell));
      continue;
    }
    previous = key;
    if (key === undefined) {
      if (entry.valueIndex !== undefined)
        report(
          ctx,
          'info',
          'SETTINGS_UNKNOWN_KEY',
          {
            fr: `Paramètre inconnu « ${entry.key} » : ignoré`,
            en: `Unknown setting "${entry.key}": ignored`,
          },
          row.number,
          keyLetter,
        );
      continue;
    }
    const valueLetter =
      entry.valueIndex === undefined ? columnLetter(entry.keyIndex + 1) : columnLetter(entry.valueIndex);
    const cell = entry.valueIndex === undefined ? undefined : usable(ctx, row, entry.valueIndex, valueLetter);
    if (!cell) {
      if (entry.valueIndex === undefined)
        report(
          ctx,
          'info',
          'SETTINGS_VALUE_MISSING',
          {
            fr: `« ${entry.key} » sans valeur : ignoré`,
            en: `"${entry.key}" has no value: ignored`,
          },
          row.number,
          valueLetter,
          key,
        );
      continue;
    }
    if (key !== 'terms') {
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        report(
          ctx,
          'warning',
          'SETTINGS_DUPLICATE_KEY',
          {
            fr: `« ${entry.key} » déjà donné ligne ${firstRow} : cette ligne est ignorée`,
            en: `"${entry.key}" already given on row ${firstRow}: this row is ignored`,
          },
          row.number,
          keyLetter,
          key,
        );
        continue;
      }
      seen.set(key, row.number);
    }
    readValue(ctx, out, key, cell, { row: row.number, letter: valueLetter, key: entry.key });
  }
  const publicRow = seen.get('publicRounding') ?? seen.get('publicRoundOn');
  if (out.markup === undefined && publicRow !== undefined)
    report(
      ctx,
      'warning',
      'SETTINGS_PUBLIC_WITHOUT_MARKUP',
      {
        fr: 'Arrondi du prix public donné sans coefficient public : aucun prix public ne sera calculé',
        en: 'Public price rounding given without a public markup: no public price will be computed',
      },
      publicRow,
    );
  return out;
}

function readValue(
  ctx: Ctx,
  out: Conditions,
  key: ConditionKey,
  cell: Cell,
  at: { row: number; letter: string; key: string },
): void {
  const text = textOf(cell);
  const problem = (severity: 'error' | 'warning', code: string, message: Translated) =>
    report(ctx, severity, code, message, at.row, at.letter, key);
  const unreadable = (severity: 'error' | 'warning', expected: Translated) =>
    problem(severity, 'SETTINGS_VALUE_INVALID', {
      fr: `« ${at.key} » : valeur illisible « ${text} » (attendu ${expected.fr}) — non retenue`,
      en: `"${at.key}": unreadable value "${text}" (expected ${expected.en}) — not used`,
    });
  switch (key) {
    case 'supplier.name':
    case 'supplier.address':
    case 'supplier.phone':
    case 'supplier.website':
    case 'supplier.logo': {
      const field = key.slice('supplier.'.length) as 'name' | 'address' | 'phone' | 'website' | 'logo';
      out.supplier = { ...out.supplier, [field]: text };
      return;
    }
    case 'supplier.email': {
      const shown = cell.value.kind === 'hyperlink' && !isEmail(text) ? cell.value.url : text;
      const email = shown.replace(/^mailto:/i, '').trim();
      if (isEmail(email)) out.supplier = { ...out.supplier, email };
      else unreadable('warning', { fr: 'une adresse e-mail', en: 'an email address' });
      return;
    }
    case 'currency': {
      const currency = currencyOf(text);
      if (currency && 'code' in currency) out.currency = currency.code;
      else if (currency)
        problem('warning', 'SETTINGS_CURRENCY_AMBIGUOUS', {
          fr: `« ${text} » peut désigner plusieurs devises (${currency.ambiguous.join(', ')}) : écrivez le code ISO — non retenue`,
          en: `"${text}" can stand for several currencies (${currency.ambiguous.join(', ')}): write the ISO code — not used`,
        });
      else
        unreadable('warning', {
          fr: 'un code de devise : EUR, CHF, €…',
          en: 'a currency code: EUR, CHF, €…',
        });
      return;
    }
    case 'taxBasis':
    case 'publicRoundOn': {
      const basis = basisOf(text);
      if (!basis) unreadable('warning', { fr: 'HT ou TTC', en: 'HT (excl. VAT) or TTC (incl. VAT)' });
      else if (key === 'taxBasis') out.taxBasis = basis;
      else out.publicRoundOn = basis;
      return;
    }
    case 'validFrom':
    case 'validUntil': {
      const date = dateOf(cell);
      if (!date)
        unreadable('warning', { fr: 'une date, par exemple 01/01/2027', en: 'a date, e.g. 01/01/2027' });
      else out.validity = { ...out.validity, [key === 'validFrom' ? 'from' : 'until']: date };
      return;
    }
    case 'validityText':
      out.validity = { ...out.validity, text };
      return;
    case 'rounding':
    case 'publicRounding': {
      const rule = roundingOf(text);
      if (!rule)
        unreadable('error', {
          fr: 'un pas et un sens : « 0,05 supérieur », « 0,01 au plus proche », « ,99 supérieur »',
          en: 'a step and a mode: "0.05 up", "0.01 nearest", ".99 up"',
        });
      else if (key === 'rounding') out.rounding = rule;
      else out.publicRounding = rule;
      return;
    }
    case 'minimum': {
      const cents = minimumOf(cell, ctx.decimal);
      if (cents === undefined)
        unreadable('error', {
          fr: 'un montant au centime près, ex. 5,00',
          en: 'an amount to the cent, e.g. 5.00',
        });
      else out.minimumCents = cents;
      return;
    }
    case 'markup': {
      const markup = coefficientOf(ctx, cell, at, 'markup');
      if (markup !== null) out.markup = markup;
      return;
    }
    case 'terms':
      out.terms.push(text);
      return;
    case 'title':
      out.title = text;
      return;
  }
}
