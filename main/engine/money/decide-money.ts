// A catalog's money decided once, before any row is read: the currency of its price columns, the tax
// basis of each, the VAT rate's source — each with its evidence — and the issues a user must see
// when something is unknown, mixed, or asked for without the means to compute it. Pure.
import type { CatalogItem, Issue, SourceColumn, SourceTable, Translated } from '../model.ts';
import type { ResolvedMapping } from '../mapping/resolve-mapping.ts';
import type { Template, TemplateField } from '../templates/template.ts';
import { formatRef } from '../common/cell-ref.ts';
import { currencyOfHeader, detectCurrency, type PriceCells } from './detect-currency.ts';
import { priceMark } from '../values/parse-price.ts';
import { PRICE_TTC } from '../format/field-text.ts';
import type { Money, PriceColumn, TaxBasis } from './money.ts';
import { PRICE_TTC_LABEL } from './money-words.ts';
import { decideBasis, readBasis } from './tax-basis.ts';
import { decideVat, vatRateOf, type VatSetting } from './vat-rate.ts';

/** What the user set on the command line or in the app: each fills only what the sheet leaves open. */
export type MoneySettings = {
  /** ISO 4217 code (`--currency PLN`). */
  currency?: string;
  vat?: VatSetting;
  /** The basis of price columns neither their header nor the title settles (`--prices excl`). */
  prices?: TaxBasis;
};

/** The fields whose meaning the money decision fixes: before tax (or unknown) and tax included. */
export const PRICE = 'price';
/** The one `priceTtc` name, shared with the formatting that computes it (format/field-text.ts). */
export const PRICE_INCL = PRICE_TTC;

/** A template prints a tax-included price when it shows one or has a column or slot for one. */
export function templateWantsTtc(template: Template): boolean {
  const layout = template.layout;
  if (!layout) return false;
  return (
    layout.price.show !== 'ht' ||
    !!layout.table?.columns.some((c) => c.field === PRICE_INCL) ||
    layout.slots.some((s) => s.field === PRICE_INCL)
  );
}

/**
 * The template's `price` is required, but a sheet whose only price includes VAT (a Belgian
 * `prix_tvac`) fills `priceTtc` instead: then `priceTtc` stands in for it, required in its place.
 */
export function priceStandsIn(template: Template, mapped: (field: string) => boolean): boolean {
  return !mapped(PRICE) && mapped(PRICE_INCL) && template.fields.some((f) => f.id === PRICE && f.required);
}

export type MoneyResult = { money: Money; issues: Issue[] };

export function decideMoney(
  table: SourceTable,
  template: Template,
  resolved: ResolvedMapping,
  settings: MoneySettings = {},
): MoneyResult {
  const issues: Issue[] = [];
  const at = (row: number, column?: string) => {
    const cell = { sheet: table.sheet, row, ...(column ? { column } : {}) };
    return { cell, ref: formatRef(cell) };
  };

  const priceFields = template.fields.filter((f) => f.type === 'price' && resolved.fields[f.id]);
  // No price column mapped yet (inspect on a sheet whose headers nothing recognised): the columns
  // that read as prices still tell the currency.
  const positions = priceFields.length
    ? priceFields.map((f) => resolved.fields[f.id]!.positions[0]!)
    : table.columns.filter(looksLikePrices).map((c) => c.index);
  const cells: PriceCells[] = positions.map((position) => {
    const column = table.columns[position]!;
    return {
      letter: column.letter,
      header: column.header,
      cells: table.rows.map((row) => ({ row: row.number, cell: row.cells[position]! })).filter((c) => c.cell),
    };
  });
  const found = detectCurrency(cells, settings.currency);
  const currency = found.decision;
  for (const c of found.conflicts)
    issues.push({
      severity: 'warning',
      code: 'CURRENCY_MIXED',
      message: {
        fr: `Ce prix est en ${c.code} (« ${c.shown} ») alors que les autres sont en ${c.expected} : il est imprimé tel quel, sans conversion. Corrigez la cellule si ce n'est pas voulu.`,
        en: `This price is in ${c.code} ("${c.shown}") while the others are in ${c.expected}: it is printed as it is, not converted. Fix the cell if this is not intended.`,
      },
      ...at(c.row, c.letter),
    });
  if (found.settingIgnored)
    issues.push({
      severity: 'warning',
      code: 'CURRENCY_SETTING_IGNORED',
      message: {
        fr: `Vous avez demandé la devise ${found.settingIgnored}, mais la feuille indique ${currency.code} : ${currency.evidence.fr}. La feuille est suivie.`,
        en: `You asked for ${found.settingIgnored}, but the sheet says ${currency.code}: ${currency.evidence.en}. The sheet is followed.`,
      },
    });
  if (currency.alternatives.length)
    issues.push({
      severity: 'info',
      code: 'CURRENCY_AMBIGUOUS',
      message: { fr: `Devise : ${currency.evidence.fr}.`, en: `Currency: ${currency.evidence.en}.` },
    });
  if (!currency.code && priceFields.length)
    issues.push({
      severity: 'info',
      code: 'CURRENCY_UNKNOWN',
      message: {
        fr: `Devise inconnue : aucun signe ni code dans les prix, leur format ou leur en-tête. Les prix sont imprimés sans devise ; précisez-la avec --currency (par exemple --currency EUR).`,
        en: `Currency unknown: no sign or code in the prices, their format or their header. Prices print without a currency; give it with --currency (for example --currency EUR).`,
      },
    });

  const columns: PriceColumn[] = priceFields.map((f) => {
    const position = resolved.fields[f.id]!.positions[0]!;
    const { letter, header } = table.columns[position]!;
    const basis = decideBasis({
      header,
      letter,
      preamble: table.preamble,
      ...(settings.prices ? { setting: settings.prices } : {}),
    });
    // A tax-included `price` column is the price with VAT: read as such, never labelled HT nor
    // taxed again. Only when nothing else already fills `priceTtc`.
    const field =
      f.id === PRICE && basis.basis === 'incl' && !resolved.fields[PRICE_INCL] ? PRICE_INCL : f.id;
    return { field, mappedAs: f.id, letter, header, basis };
  });
  for (const c of columns)
    if (c.field !== c.mappedAs) {
      const why = includedBecause(c);
      issues.push({
        severity: 'info',
        code: 'PRICE_INCLUDES_VAT',
        message: {
          fr: `La colonne « ${c.header} » (${c.letter}) est TVA comprise (${why.fr}) : ses prix sont imprimés comme prix TTC, jamais comme prix HT.`,
          en: `The column "${c.header}" (${c.letter}) includes VAT (${why.en}): its prices print as prices including VAT, never as prices before tax.`,
        },
        ...at(table.headerRow, c.letter),
      });
    }

  const vatPosition = resolved.fields.vat?.positions[0];
  const vatColumn = vatPosition === undefined ? undefined : table.columns[vatPosition];
  const vat = decideVat({
    ...(vatColumn ? { column: { letter: vatColumn.letter, header: vatColumn.header } } : {}),
    ...(settings.vat ? { setting: settings.vat } : {}),
    preamble: table.preamble,
  });

  return { money: { currency, columns, vat }, issues };
}

function includedBecause(c: PriceColumn): Translated {
  if (c.basis.source === 'title')
    return { fr: `le titre « ${c.basis.said} » le dit`, en: `the title "${c.basis.said}" says so` };
  if (c.basis.source === 'setting') return { fr: 'votre réglage --prices', en: 'your setting --prices' };
  return readBasis(c.header).retail
    ? {
        fr: 'prix de vente au public : TVA comprise par usage',
        en: 'a retail price: tax included by convention',
      }
    : { fr: 'son en-tête le dit', en: 'its header says so' };
}

/**
 * The template field as the catalog reads it: a tax-included column mapped to `price` is reported
 * under the label of the price with VAT (« Prix TTC »), never under « Prix HT ».
 */
export function fieldAsRead(field: TemplateField, money: Money, template: Template): TemplateField {
  const column = money.columns.find((c) => c.mappedAs === field.id && c.field !== field.id);
  if (!column) return field;
  const label = template.fields.find((f) => f.id === column.field)?.label ?? PRICE_TTC_LABEL;
  return { ...field, label };
}

/** A column a person would call prices: typed so, named with a currency, or written with one. */
function looksLikePrices(column: SourceColumn): boolean {
  if (column.type === 'price' || currencyOfHeader(column.header)) return true;
  const samples = column.samples.filter((sample) => sample.trim() !== '');
  return samples.length > 0 && samples.every((sample) => priceMark(sample) !== undefined);
}

/** The price column feeding a field, after the reading above. */
const columnFor = (money: Money, field: string): PriceColumn | undefined =>
  money.columns.find((c) => c.field === field);

/**
 * The issues that need the products: a template asking for prices including VAT that cannot be
 * given (no rate, or a price whose basis is unknown), and products the VAT column leaves without one.
 */
export function moneyIssues(items: CatalogItem[], money: Money, template: Template): Issue[] {
  if (!templateWantsTtc(template) || columnFor(money, PRICE_INCL)) return [];
  const price = columnFor(money, PRICE);
  if (!price) return [];
  const unknownRate: Translated = {
    fr: `Aucun taux de TVA connu (ni colonne TVA, ni taux dans le titre, ni --vat) : le modèle « ${template.name.fr} » demande des prix TTC, ils ne sont pas imprimés. Seuls les prix de la feuille le sont. Donnez le taux avec --vat 20 (ou par famille : --vat "Vins=20;Livres=5,5").`,
    en: `No VAT rate known (no VAT column, no rate in the title, no --vat): the template "${template.name.en}" asks for prices including VAT; they are not printed. Only the sheet's prices are. Give the rate with --vat 20 (or per family: --vat "Wine=20;Books=5.5").`,
  };
  if (money.vat.source === 'none')
    return [{ severity: 'warning', code: 'VAT_RATE_UNKNOWN', message: unknownRate, field: PRICE_INCL }];
  if (price.basis.basis !== 'excl')
    return [
      {
        severity: 'warning',
        code: 'TAX_BASIS_UNKNOWN',
        message: {
          fr: `La colonne « ${price.header} » (${price.letter}) ne dit pas si ses prix sont HT ou TTC : aucun prix TTC n'est calculé, et elle est imprimée sous « Prix », sans HT. Précisez avec --prices ht (ou ttc), ou un en-tête « Prix HT ».`,
          en: `The column "${price.header}" (${price.letter}) does not say whether its prices are before or after tax: no price including VAT is computed, and it prints as "Price", without "excl. VAT". Say it with --prices excl (or incl), or a header "Price excl. VAT".`,
        },
        field: PRICE,
      },
    ];
  const missing = items
    .filter((item) => item.fields[PRICE]?.kind === 'price' && vatRateOf(item, money.vat) === undefined)
    .map((item) => item.row);
  if (missing.length === 0) return [];
  const rows = missing.slice(0, 10).join(', ') + (missing.length > 10 ? '…' : '');
  return [
    {
      severity: 'warning',
      code: 'VAT_RATE_MISSING',
      message: {
        fr: `${missing.length} produit(s) sans taux de TVA (lignes ${rows}) : leur prix TTC n'est pas imprimé. Remplissez la colonne TVA ou donnez un taux avec --vat.`,
        en: `${missing.length} product(s) without a VAT rate (rows ${rows}): their price including VAT is not printed. Fill the VAT column or give a rate with --vat.`,
      },
      field: PRICE_INCL,
    },
  ];
}

/**
 * Moves the prices of a tax-included column mapped to `price` into `priceTtc`, on products and
 * their variants, after every row is read (a variant inherits its product's cells as the sheet has
 * them): from here on `price` always means before tax (or basis unknown), `priceTtc` tax included.
 */
export function readIncludedPrices(items: CatalogItem[], money: Money): void {
  const moved = money.columns.filter((c) => c.field !== c.mappedAs);
  if (moved.length === 0) return;
  const move = (item: CatalogItem) => {
    for (const c of moved) {
      const value = item.fields[c.mappedAs];
      if (value === undefined) continue;
      item.fields[c.field] = value;
      delete item.fields[c.mappedAs];
    }
    item.variants?.forEach(move);
  };
  items.forEach(move);
}
