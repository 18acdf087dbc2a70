// An InDesign Data Merge source built from a validated catalog: one record per product, in catalog
// order, each value written the way the catalog prints it (« 1 234,50 € »), so the designer's
// merged pages and our PDF agree. Pure: the caller says where each picture lives.
import { itemLines } from '../../model.ts';
import type { Catalog, CatalogItem, Lang, Translated } from '../../model.ts';
import type { Template } from '../../templates/template.ts';
import { PRICE_TTC, fieldText, type FormatContext } from '../../format/field-text.ts';
import { UNKNOWN_MONEY } from '../../money/money.ts';
import { PRICE_TTC_LABEL, priceHeader } from '../../money/money-words.ts';
import { cleanField, type DelimitedTable, type Delimiter } from './delimited-text.ts';
import { assignNames, type NameRequest } from './placeholder-names.ts';
import { itemCounter, type OnProgress } from '../../progress.ts';

export type DataMergeOptions = {
  /** Number and date formats ("fr-FR", "en-GB"). */
  locale: string;
  /** Language of the column names and of words such as Oui/Yes. */
  lang: Lang;
  /**
   * Absolute path of the picture of an image field for an item, in the form InDesign will read on
   * this machine, or undefined when the item has none (the record then leaves the frame empty).
   */
  imagePaths: (item: CatalogItem, field: string) => string | undefined;
  /** Comma (.csv, the default) or tab (.txt): the two delimiters InDesign's Data Merge reads. */
  delimiter?: Delimiter;
  /** Checked on every product: a cancelled export stops before anything is written. */
  signal?: AbortSignal;
  /** `data-merge` progress: products written out of the catalog's. */
  onProgress?: OnProgress;
};

export type DataMergeTable = DelimitedTable;

type Column = {
  name: NameRequest;
  /** Template fields name themselves first: a column we add yields its name to a field's label. */
  added: boolean;
  value: (item: CatalogItem, group: string) => string | undefined;
};

// Names for the columns the template does not declare; the second is used when a template field
// already carries the first (product-grid's « Famille » is the category field).
const GROUP_NAMES: Record<Lang, string[]> = { fr: ['Famille', 'Groupe'], en: ['Group', 'Family'] };

export function buildDataMerge(
  catalog: Catalog,
  template: Template,
  options: DataMergeOptions,
): DataMergeTable {
  const { lang } = options;
  const delimiter = options.delimiter ?? ',';
  const price = template.layout?.price;
  // Currency and VAT as the sheet and the user gave them; a hand-built catalog knows neither.
  const ctx: FormatContext = { locale: options.locale, lang, money: catalog.money ?? UNKNOWN_MONEY };
  // Price columns are named for what they hold: « Prix HT (PLN) », « Prix (PLN) » when nobody said HT.
  const label = (id: string, words: Translated) =>
    id === 'price' || id === PRICE_TTC ? priceHeader(id, words, ctx.money, lang) : words[lang];

  const fieldColumns: Column[] = template.fields.map((field) => {
    const image = field.type === 'image';
    return {
      name: { wanted: [label(field.id, field.label)], fallback: field.id, image },
      added: false,
      value: image ? (item) => options.imagePaths(item, field.id) : (item) => fieldText(item, field.id, ctx),
    };
  });

  // A price list shown "TTC" prints a price the sheet may not have: the designer needs it too. It
  // stays empty when no rate is known — the column name is the designer's, the value never a guess.
  const wantsTtc = price?.show === 'ttc' || price?.show === 'both';
  if (wantsTtc && !template.fields.some((f) => f.id === PRICE_TTC)) {
    const ttc: Column = {
      name: { wanted: [label(PRICE_TTC, PRICE_TTC_LABEL)], fallback: PRICE_TTC, image: false },
      added: true,
      value: (item) => fieldText(item, PRICE_TTC, ctx),
    };
    const after = template.fields.findIndex((f) => f.id === 'price');
    fieldColumns.splice(after >= 0 ? after + 1 : fieldColumns.length, 0, ttc);
  }

  // Always present, even when the catalog is not grouped: the designer's InDesign document refers
  // to columns by name, and next month's file must still offer every name it used.
  const groupColumn: Column = {
    name: { wanted: GROUP_NAMES[lang], fallback: 'group', image: false },
    added: true,
    value: (_item, group) => group,
  };
  const columns = [groupColumn, ...fieldColumns];

  const byPriority = [...columns.filter((c) => !c.added), ...columns.filter((c) => c.added)];
  const assigned = assignNames(byPriority.map((c) => c.name));
  const names = new Map(byPriority.map((c, i) => [c, assigned[i]!]));
  const header = columns.map((c) => names.get(c)!);

  const products = catalog.groups.reduce((n, g) => n + g.items.length, 0);
  const count = itemCounter('data-merge', products, options);
  const records = catalog.groups.flatMap((group) =>
    // One record per printed line: a product, then each of its variants.
    group.items.flatMap((product) => {
      count.item();
      return itemLines(product).map((item) =>
        columns.map((c) => cleanField(c.value(item, group.name) ?? '', delimiter)),
      );
    }),
  );
  count.end();
  return { header, records };
}
