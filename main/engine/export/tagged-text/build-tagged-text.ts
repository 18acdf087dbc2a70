// Catalog × template → InDesign tagged text (the text; `encodeTaggedText` gives the file's bytes).
// The designer places the file in InDesign and gets the catalog's text in their own paragraph and
// character styles — matched by name — with the price list as real tables. Pure and deterministic.
//
// Layout of the file (Using Adobe InDesign CS5 Tagged Text, "Start file and definition tags"):
//   <UNICODE-WIN>                                    start tag: encoding and platform
//   <Version:7><FeatureSet:InDesign-Roman><ColorTable:=…>
//   <DefineCharStyle:…>, <DefineParaStyle:…>, <DefineCellStyle:…>, <DefineTableStyle:…>, one a line
//   <ParaStyle:Name>text                             one paragraph a line, each ended by CRLF
//
// A grid and a list differ where the template makes them: a grid's cards can each end with a frame
// break (`layout.grid.cardBreak`), so a designer who threads one text frame per card gets one card
// per frame; a list runs its rows on. The title paragraph is the cover's: only a template with a
// cover (`layout.cover`) opens with it.
import type { Catalog, CatalogItem, FieldValue, Lang, TextRun } from '../../model.ts';
import { CatalogError } from '../../errors.ts';
import type { FormatContext } from '../../format/field-text.ts';
import { missingPriceRuns, slotRuns } from '../../format/price-runs.ts';
import { PRICE_TTC, priceTtcOf } from '../../format/field-text.ts';
import { UNKNOWN_MONEY } from '../../money/money.ts';
import { priceTableColumns, priceTableLegend } from '../../money/price-columns.ts';
import { withVatColumn } from '../../money/vat-column.ts';
import { typographyFor } from '../../format/typography.ts';
import type { Layout, Slot } from '../../templates/layout-schema.ts';
import { resolveStyles } from '../../templates/resolve-styles.ts';
import type { Template } from '../../templates/template.ts';
import { escapeText } from './escape-tagged-text.ts';
import { StyleUse } from './style-use.ts';
import { tableTags } from './table-tags.ts';
import { itemCounter, NO_COUNTER, type ItemCounter, type OnProgress } from '../../progress.ts';

export type TaggedTextVariant = 'win' | 'mac';

export type TaggedTextOptions = {
  locale: string;
  lang: Lang;
  /** `<UNICODE-WIN>` (UTF-16LE, CRLF: the default, read by InDesign on both systems) or `<UNICODE-MAC>`. */
  variant?: TaggedTextVariant;
  /** A first paragraph in the cover title style, for a template that has a cover. */
  title?: string;
  /** Checked on every product: a cancelled export stops writing, and no file is left (write-tagged-text.ts). */
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

/**
 * A frame break: the paragraph's end character with the "next frame" break attribute, set just
 * before the end, then cancelled at the start of the next paragraph (tagged text keeps a tag in
 * effect until it is cancelled). Break characters are `<cNextXChars:…>` on the return: `Box` is the
 * next frame, as InDesign-fed timetable generators write it (`<cNextXChars:Box>\r<cNextXChars:>`,
 * AC Transit's Actium, IDTags.pm `boxbreak`), `Page` the next page (`<cNextXChars:Page>`).
 */
export const FRAME_BREAK = '<cNextXChars:Box>';
export const BREAK_CANCEL = '<cNextXChars:>';

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

/**
 * A slot's paragraph: its runs in the slot's style when it has something to print; for the price
 * slot of a product without a price, the template's words for it (« Prix sur demande ») in the
 * `priceMissing` style, as the PDF prints them (layout/price-slot.ts); else undefined (no paragraph).
 */
function slotParagraph(
  item: CatalogItem,
  slot: Slot,
  layout: Layout,
  ctx: FormatContext,
): { role: string; runs: TextRun[] } | undefined {
  const runs = slotRuns(item, slot.field, ctx, layout.price.show);
  if (runs) return runs.some((run) => run.text !== '') ? { role: slot.style, runs } : undefined;
  const missing = slot.style === 'price' ? missingPriceRuns(layout.price.missing, ctx.lang) : undefined;
  return missing ? { role: 'priceMissing', runs: missing } : undefined;
}

const noValue = (value: FieldValue | undefined) => !value || value.kind === 'image';

/**
 * Whether `slotRuns` has nothing for the slot's field (then a price slot prints the template's words),
 * without formatting anything: the first pass asks it of every product that could still be the
 * first without a price. `fieldRuns` is undefined exactly for an absent or picture value, and a price
 * slot falls back on the price with VAT.
 */
function slotHasNoValue(item: CatalogItem, field: string, ctx: FormatContext): boolean {
  const value = (name: string) => (name === PRICE_TTC ? priceTtcOf(item, ctx.money) : item.fields[name]);
  if (field !== 'price') return noValue(value(field));
  return noValue(value('price')) && noValue(value(PRICE_TTC));
}

/** One paragraph per slot with a value: the label (in the catalog's language) then the value's runs. */
function itemParagraphs(
  item: CatalogItem,
  layout: Layout,
  use: StyleUse,
  ctx: FormatContext,
  typography: (text: string) => string,
  /** The card's paragraphs end with a frame break; `afterBreak`: the one before did. */
  card: { frameBreak: boolean; afterBreak: boolean },
): string {
  let out = '';
  let first = true;
  for (const slot of layout.slots) {
    const paragraph = slotParagraph(item, slot, layout, ctx);
    if (!paragraph) continue;
    const label = slot.label ? escapeText(typography(slot.label[ctx.lang])) : '';
    const cancel = first && card.afterBreak ? BREAK_CANCEL : '';
    out += `${use.paraStyleTag(paragraph.role)}${cancel}${label}${use.runs(paragraph.runs)}${PARAGRAPH_END}`;
    first = false;
  }
  // The break goes on the card's last paragraph end: just before its CR LF.
  if (card.frameBreak && out !== '')
    out = `${out.slice(0, -PARAGRAPH_END.length)}${FRAME_BREAK}${PARAGRAPH_END}`;
  return out;
}

/**
 * The file as a sequence of strings (the start and definitions, then the text a paragraph, an item
 * or a table row at a time) whose concatenation is the whole file: written one after the other
 * (write-tagged-text.ts), memory stays flat however many products the catalog has.
 *
 * The definitions come first in the file but list the styles and swatches in the order the text
 * first uses them, and only those. So before any text, a first pass runs the same writers over just
 * what can use something for the first time (each table's header and first two rows, each item's
 * slots whose style is not used yet, stopping once every style that can be used is) and settles
 * the definitions; the second pass writes the text. Validation and template errors are thrown by
 * the first pass, before anything is written.
 */
export function* taggedTextChunks(
  catalog: Catalog,
  template: Template,
  options: TaggedTextOptions,
): Generator<string, void, undefined> {
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
  // The PDF's columns (layout/table-flow.ts): the template's, less price columns with nothing to
  // print, plus a VAT-rate column when the products' known rates differ.
  const printed = table
    ? withVatColumn(
        priceTableColumns(table.columns, catalog.items, ctx),
        table,
        catalog.items,
        ctx.money,
        ctx.lang,
      )
    : undefined;
  // Field values come typeset from `fieldRuns`; group names, labels and headers get the same rules.
  const typography = typographyFor(options.locale);
  const styles = resolveStyles(template, options.lang);
  const use = new StyleUse(styles, template.id);

  // An empty group would be a header over nothing, or a table of headers only: the PDF skips them too.
  const groups = catalog.groups.filter((g) => g.items.length > 0);
  // A price list states the currency and the VAT rate it used, as the PDF does under its table.
  const legend = layout.kind === 'table' && printed ? priceTableLegend(printed, ctx) : undefined;
  const headed = layout.grouping.header;
  // One card per frame: only a grid's cards, and only when the template asks for it.
  const frameBreak = layout.kind === 'grid' && (layout.grid?.cardBreak ?? 'frame') === 'frame';
  // A price list or a list has no cover: no cover title paragraph either.
  const title = layout.cover ? options.title : undefined;

  function* text(count: ItemCounter, stylesOnly: boolean): Generator<string, void, undefined> {
    if (title) yield `${use.paraStyleTag('coverTitle')}${escapeText(typography(title))}${PARAGRAPH_END}`;
    // Whether the paragraph before ended with a frame break the next one must cancel.
    let afterBreak = false;
    const para = (role: string, text: string) => {
      const cancel = afterBreak ? BREAK_CANCEL : '';
      afterBreak = false;
      return `${use.paraStyleTag(role)}${cancel}${escapeText(typography(text))}${PARAGRAPH_END}`;
    };
    // A card's price slot prints the template's words where a product has no price.
    const missingWords =
      layout!.kind !== 'table' && layout!.price.missing !== undefined
        ? layout!.slots.find((slot) => slot.style === 'price')
        : undefined;
    // Every style a card layout can use: once all are in use, the first pass has nothing left to find.
    const possible = [
      ...(headed && groups.some((g) => g.name !== '') ? ['groupHeader'] : []),
      ...(layout!.kind === 'table' ? [] : layout!.slots.map((slot) => slot.style)),
      ...(missingWords ? ['priceMissing'] : []),
    ].map((role) => styles.paragraph[role]?.name);
    const missingName = styles.paragraph.priceMissing?.name;
    const allUsed = () => possible.every((name) => name !== undefined && use.uses(name));
    for (const group of groups) {
      if (group.name !== '' && headed) yield para('groupHeader', group.name);
      // `printed` exists exactly when `table` does: the columns every group's table prints.
      if (layout!.kind === 'table' && table && printed) {
        // The table sits in a paragraph of its own, in the cell style: the style a designer expects
        // around a table, and one the file defines anyway.
        yield use.paraStyleTag('tableCell');
        yield* tableTags(group, {
          layout: { ...layout!, table },
          use,
          ctx,
          typography,
          columns: printed,
          onItem: () => count.item(),
          stylesOnly,
        });
        yield PARAGRAPH_END;
      } else if (stylesOnly) {
        for (const item of group.items) {
          if (allUsed()) return;
          for (const slot of layout!.slots) {
            const name = styles.paragraph[slot.style]?.name;
            const used = name !== undefined && use.uses(name);
            // The price slot can still be the first without a price: looked at without formatting
            // (a catalog whose every product has a price is walked to its end this way).
            const missingToFind =
              slot === missingWords && !(missingName !== undefined && use.uses(missingName));
            if (used && !missingToFind) continue;
            // A style in use already cannot change the definitions: its value need not be formatted.
            if (used && !slotHasNoValue(item, slot.field, ctx)) continue;
            const paragraph = slotParagraph(item, slot, layout!, ctx);
            if (paragraph) use.paraStyleTag(paragraph.role);
          }
        }
      } else {
        for (const item of group.items) {
          count.item();
          const card = itemParagraphs(item, layout!, use, ctx, typography, { frameBreak, afterBreak });
          if (card !== '') afterBreak = frameBreak;
          yield card;
        }
      }
    }
    count.end();
    if (legend) yield para('detail', legend);
  }

  const definitions = () => {
    const { colorTable, styles: lines } = use.definitions();
    const start = (options.variant ?? 'win') === 'mac' ? '<UNICODE-MAC>' : '<UNICODE-WIN>';
    return [start, `<Version:${TAGGED_TEXT_VERSION}><FeatureSet:InDesign-Roman>${colorTable}`, ...lines]
      .map((line) => line + PARAGRAPH_END)
      .join('');
  };

  const settle = text(NO_COUNTER, true);
  for (let step = settle.next(); !step.done; step = settle.next()) {
    // The first pass's text is dropped: only the styles it puts to use are wanted.
  }
  const head = definitions();
  yield head;
  const products = groups.reduce((n, g) => n + g.items.length, 0);
  yield* text(itemCounter('tagged-text', products, options), false);
  // The first pass must have found everything the text used: a file whose definitions miss a style
  // would place in InDesign with that text in the wrong style. Never written: the write is dropped.
  if (definitions() !== head) throw new Error('tagged text: the definitions changed while writing the text');
}

export function buildTaggedText(catalog: Catalog, template: Template, options: TaggedTextOptions): string {
  let text = '';
  for (const chunk of taggedTextChunks(catalog, template, options)) text += chunk;
  return text;
}
