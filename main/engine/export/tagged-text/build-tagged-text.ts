// Catalog × template → InDesign tagged text (the text; `encodeTaggedText` gives the file's bytes).
// The designer places the file in InDesign and gets the catalog's text in their own paragraph and
// character styles — matched by name — with the price list as real tables. Pure and deterministic.
//
// Layout of the file (Using Adobe InDesign CS5 Tagged Text, "Start file and definition tags"):
//   <UNICODE-WIN>                                    start tag: encoding and platform
//   <Version:7><FeatureSet:InDesign-Roman><ColorTable:=…>
//   <DefineCharStyle:…> and <DefineParaStyle:…>, one a line
//   <ParaStyle:Name>text                             one paragraph a line, each ended by CRLF
import type { Catalog, CatalogItem, Lang } from '../../model.ts';
import { CatalogError } from '../../errors.ts';
import type { FormatContext } from '../../format/field-text.ts';
import { slotRuns } from '../../format/price-runs.ts';
import { UNKNOWN_MONEY } from '../../money/money.ts';
import { priceTableColumns, priceTableLegend } from '../../money/price-columns.ts';
import { typographyFor } from '../../format/typography.ts';
import type { Layout } from '../../templates/layout-schema.ts';
import { resolveStyles } from '../../templates/resolve-styles.ts';
import type { Template } from '../../templates/template.ts';
import { escapeText } from './escape-tagged-text.ts';
import { StyleUse } from './style-use.ts';
import { tableTags } from './table-tags.ts';
import { itemCounter, type OnProgress } from '../../progress.ts';

export type TaggedTextVariant = 'win' | 'mac';

export type TaggedTextOptions = {
  locale: string;
  lang: Lang;
  /** `<UNICODE-WIN>` (UTF-16LE, CRLF: the default, read by InDesign on both systems) or `<UNICODE-MAC>`. */
  variant?: TaggedTextVariant;
  /** A first paragraph in the cover title style. */
  title?: string;
  /** Checked on every product: a cancelled export stops before the file is written. */
  signal?: AbortSignal;
  /** `tagged-text` progress: products written out of the catalog's. */
  onProgress?: OnProgress;
};

/**
 * CS5 (version 7) is the tag set every tag written here is documented in; later InDesign versions
 * read older versions' files unchanged.
 */
export const TAGGED_TEXT_VERSION = '7';

/** Paragraphs end with CR LF in the text; `encodeTaggedText` makes that CR alone for the Mac variant. */
export const PARAGRAPH_END = '\r\n';

const noLayout = (template: string) =>
  new CatalogError('TEMPLATE_NO_LAYOUT', {
    fr: `Le modèle « ${template} » ne décrit que des champs, pas de mise en page : il ne peut pas produire de texte balisé InDesign.`,
    en: `The template "${template}" only describes fields, not a layout: it cannot produce InDesign tagged text.`,
  });

const tableMissing = (template: string) =>
  new CatalogError('TEMPLATE_INVALID', {
    fr: `Le modèle « ${template} » est un tableau sans colonnes (« layout.table ») : ajoutez-les.`,
    en: `The template "${template}" is a table without columns ("layout.table"): add them.`,
  });

/** One paragraph per slot with a value: the label (in the catalog's language) then the value's runs. */
function itemParagraphs(
  item: CatalogItem,
  layout: Layout,
  use: StyleUse,
  ctx: FormatContext,
  typography: (text: string) => string,
): string[] {
  return layout.slots.flatMap((slot) => {
    const runs = slotRuns(item, slot.field, ctx, layout.price.show);
    if (!runs?.some((run) => run.text !== '')) return [];
    const label = slot.label ? escapeText(typography(slot.label[ctx.lang])) : '';
    return [`${use.paraStyleTag(slot.style)}${label}${use.runs(runs)}`];
  });
}

export function buildTaggedText(catalog: Catalog, template: Template, options: TaggedTextOptions): string {
  const layout = template.layout;
  if (!layout) throw noLayout(template.id);
  const table = layout.table;
  if (layout.kind === 'table' && !table) throw tableMissing(template.id);

  // Currency and VAT as the sheet and the user gave them; a hand-built catalog knows neither.
  const ctx: FormatContext = {
    locale: options.locale,
    lang: options.lang,
    money: catalog.money ?? UNKNOWN_MONEY,
  };
  const printed = table ? priceTableColumns(table.columns, catalog.items, ctx) : undefined;
  // Field values come typeset from `fieldRuns`; group names, labels and headers get the same rules.
  const typography = typographyFor(options.locale);
  const use = new StyleUse(resolveStyles(template), template.id);

  // An empty group would be a header over nothing, or a table of headers only: the PDF skips them too.
  const groups = catalog.groups.filter((g) => g.items.length > 0);
  const products = groups.reduce((n, g) => n + g.items.length, 0);
  const count = itemCounter('tagged-text', products, options);
  const flow: string[] = [];
  if (options.title) flow.push(`${use.paraStyleTag('coverTitle')}${escapeText(typography(options.title))}`);
  for (const group of groups) {
    if (group.name !== '' && layout.grouping.header)
      flow.push(`${use.paraStyleTag('groupHeader')}${escapeText(typography(group.name))}`);
    // `printed` exists exactly when `table` does: the columns every group's table prints.
    if (layout.kind === 'table' && table && printed) {
      // A group's table is written in one piece: its products are counted before it.
      for (let i = 0; i < group.items.length; i++) count.item();
      // The table sits in a paragraph of its own, in the cell style: the style a designer expects
      // around a table, and one the file defines anyway.
      flow.push(
        `${use.paraStyleTag('tableCell')}${tableTags(group, { ...layout, table }, use, ctx, typography, printed)}`,
      );
    } else {
      for (const item of group.items) {
        count.item();
        flow.push(...itemParagraphs(item, layout, use, ctx, typography));
      }
    }
  }
  count.end();

  // A price list states the currency and the VAT rate it used, as the PDF does under its table.
  const legend = layout.kind === 'table' && printed ? priceTableLegend(printed, ctx) : undefined;
  if (legend) flow.push(`${use.paraStyleTag('detail')}${escapeText(typography(legend))}`);

  const { colorTable, styles } = use.definitions();
  const start = (options.variant ?? 'win') === 'mac' ? '<UNICODE-MAC>' : '<UNICODE-WIN>';
  const lines = [
    start,
    `<Version:${TAGGED_TEXT_VERSION}><FeatureSet:InDesign-Roman>${colorTable}`,
    ...styles,
    ...flow,
  ];
  return lines.map((line) => line + PARAGRAPH_END).join('');
}
