// The tagged-text builder as one string for the whole file, written the plain way (every piece built,
// then the definitions read off what the whole text used), as the oracle the streamed writer (its
// first pass settling the definitions, then the text a piece at a time) must match byte for byte
// (streamed-tagged-text.test.ts). Frozen on purpose: do not "fix" it along with the engine — a
// deliberate change to the output changes the goldens and this file together.
//
// Last changed deliberately for issue 11: table and cell styles instead of each cell's own insets,
// fills and row heights (a cell's tags say only what changes from the cell before it), house style
// names in the build's language, a frame break after each grid card, no cover title without a cover;
// then the PDF's VAT-rate column when rates differ and the template's words for a missing price
// (« Prix sur demande »: a table cell in its cell style, a card's price in `priceMissing`).
import type { Catalog, CatalogGroup, CatalogItem, TextRun } from '../../../../../main/engine/model.ts';
import { itemLines } from '../../../../../main/engine/model.ts';
import { CatalogError } from '../../../../../main/engine/errors.ts';
import type { FormatContext } from '../../../../../main/engine/format/field-text.ts';
import { fieldRuns } from '../../../../../main/engine/format/field-text.ts';
import { missingPriceRuns, slotRuns } from '../../../../../main/engine/format/price-runs.ts';
import { vatRateOf, pct } from '../../../../../main/engine/money/vat-rate.ts';
import { withVatColumn } from '../../../../../main/engine/money/vat-column.ts';
import { UNKNOWN_MONEY } from '../../../../../main/engine/money/money.ts';
import {
  priceTableColumns,
  priceTableLegend,
  type PrintedColumn,
} from '../../../../../main/engine/money/price-columns.ts';
import { typographyFor } from '../../../../../main/engine/format/typography.ts';
import { mm } from '../../../../../main/engine/common/millimetres.ts';
import { pageGeometry } from '../../../../../main/engine/layout/page-geometry.ts';
import type {
  CharacterStyle,
  Cmyk,
  Layout,
  ParagraphStyle,
  TableColumn,
} from '../../../../../main/engine/templates/layout-schema.ts';
import { resolveStyles, type ResolvedStyles } from '../../../../../main/engine/templates/resolve-styles.ts';
import type { Lang } from '../../../../../main/engine/model.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import {
  alignmentValue,
  colorTable,
  defineCellStyle,
  defineCharacterStyle,
  defineParagraphStyle,
  defineTableStyle,
} from '../../../../../main/engine/export/tagged-text/style-definitions.ts';
import type { TaggedTextOptions } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';

const FORCED_LINE_BREAK = '<0x000A>';
const TAGGED_TEXT_VERSION = '7';
const PARAGRAPH_END = '\r\n';
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
// Other C0 controls have no glyph and no meaning in print; a tab is kept (it is a real tab in InDesign).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text between tags: special characters escaped, line breaks turned into forced line breaks. */
function escapeText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/[\\<>]/g, (c) => `\\${c}`)
    .replace(LINE_BREAK, FORCED_LINE_BREAK);
}

/** A value inside a tag (a style, font or swatch name): one line, every separator escaped. */
function escapeTagValue(value: string): string {
  return value
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(/[\\<>:,;=()[\]]/g, (c) => `\\${c}`);
}

/** Numbers in tags: at most three decimals, no exponent, no "-0", so goldens stay byte-stable. */
function tagNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const missingStyle = (template: string, role: string) =>
  new CatalogError('TEMPLATE_STYLE_MISSING', {
    fr: `Le modèle « ${template} » utilise le style de paragraphe « ${role} », qu'il ne définit pas.`,
    en: `The template "${template}" uses the paragraph style "${role}", which it does not define.`,
  });

const RICH_ROLES = ['bold', 'italic', 'boldItalic'] as const;

class StyleUse {
  /** By InDesign name: two roles given the same name by a template are one InDesign style. */
  private readonly paragraphs = new Map<string, ParagraphStyle>();
  private readonly fills: Cmyk[] = [];
  private readonly cellStyles = new Map<string, string>();
  private readonly tableStyles = new Map<string, string>();

  constructor(
    private readonly styles: ResolvedStyles,
    private readonly template: string,
  ) {}

  /** The style a role stands for, as defined in the file (the first role to use its name wins). */
  paragraph(role: string): ParagraphStyle {
    const style = this.styles.paragraph[role];
    if (!style) throw missingStyle(this.template, role);
    const defined = this.paragraphs.get(style.name);
    if (defined) return defined;
    this.paragraphs.set(style.name, style);
    return style;
  }

  /** `<ParaStyle:Name>`, the tag that starts a paragraph (or a table cell's paragraph) in that style. */
  paraStyleTag(role: string): string {
    return `<ParaStyle:${escapeTagValue(this.paragraph(role).name)}>`;
  }

  cellStyle(name: string, inset: number, fill: Cmyk | undefined, paragraphStyle: string): string {
    if (!this.cellStyles.has(name)) {
      if (fill) this.fills.push(fill);
      this.cellStyles.set(name, defineCellStyle(name, { inset, fill, paragraphStyle }));
    }
    return escapeTagValue(name);
  }

  tableStyle(name: string, header: string): string {
    if (!this.tableStyles.has(name)) this.tableStyles.set(name, defineTableStyle(name, header));
    return escapeTagValue(name);
  }

  /** Rich runs as text, bold and italic runs in the template's character styles. */
  runs(runs: TextRun[]): string {
    return runs
      .map((run) => {
        const text = escapeText(run.text);
        const style = this.richStyle(run);
        return style && text ? `<CharStyle:${escapeTagValue(style.name)}>${text}<CharStyle:>` : text;
      })
      .join('');
  }

  private richStyle(run: TextRun): CharacterStyle | undefined {
    if (run.bold && run.italic) return this.styles.character.boldItalic;
    if (run.bold) return this.styles.character.bold;
    if (run.italic) return this.styles.character.italic;
    return undefined;
  }

  /**
   * The colour table (styles name its swatches), then one line per style: the three character styles
   * rich text maps to — always, so the designer finds them even in a file without rich text — then
   * the paragraph styles in order of first use.
   */
  definitions(): { colorTable: string; styles: string[] } {
    const character = RICH_ROLES.flatMap((role) => this.styles.character[role] ?? []);
    const paragraph = [...this.paragraphs.values()];
    const colors = [
      ...character.flatMap((s) => (s.color ? [s.color] : [])),
      ...paragraph.map((s) => s.color),
      ...this.fills,
    ];
    const seen = new Set<string>();
    const characterLines = character
      .filter((s) => !seen.has(s.name) && seen.add(s.name))
      .map(defineCharacterStyle);
    return {
      colorTable: colorTable(colors),
      styles: [
        ...characterLines,
        ...paragraph.map(defineParagraphStyle),
        ...this.cellStyles.values(),
        ...this.tableStyles.values(),
      ],
    };
  }
}

type TableLayout = NonNullable<Layout['table']>;
type Role = 'tableHeader' | 'tableCell';

/** Column widths in points: each column's share of the page's text width (shares need not add to 1). */
function columnWidths(layout: Pick<Layout, 'page'>, columns: Pick<TableColumn, 'width'>[]): number[] {
  const width = pageGeometry(layout.page).content.width;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / total) * width);
}

const NAMES: Record<Lang, Record<'table' | 'header' | 'body' | 'stripe', string>> = {
  fr: { table: 'Liste de prix', header: 'En-tête', body: 'Cellule', stripe: 'Cellule alternée' },
  en: { table: 'Price List', header: 'Header', body: 'Cell', stripe: 'Alternate Cell' },
};

function tableTags(
  group: CatalogGroup,
  layout: Layout & { table: TableLayout },
  use: StyleUse,
  ctx: FormatContext,
  typography: (text: string) => string,
  /** The catalog's printed columns (money/price-columns.ts): the same for every group. */
  columns: PrintedColumn<Pick<TableColumn, 'field' | 'width' | 'align'>>[],
): string {
  const { table } = layout;
  const names = NAMES[ctx.lang];
  const inset = mm(table.rowPadding);
  // What the cell before left in effect: written again only when it changes.
  let cellStyle: string | undefined;
  let role: Role | undefined;
  let align: string | undefined;
  const cell = (kind: 'header' | 'body' | 'stripe', column: Pick<TableColumn, 'align'>, content: string) => {
    const r: Role = kind === 'header' ? 'tableHeader' : 'tableCell';
    const fill = kind === 'header' ? table.headerFill : kind === 'stripe' ? table.stripeFill : undefined;
    const name = use.cellStyle(names[kind], inset, fill, use.paragraph(r).name);
    const a = column.align === use.paragraph(r).align ? undefined : alignmentValue(column.align);
    let out = cellStyle === name ? '' : `<CellStyle:${name}>`;
    out += '<CellStart:1,1>';
    if (role !== r) out += use.paraStyleTag(r);
    if (align !== a) out += a ? `<pTextAlignment:${a}>` : '<pTextAlignment:>';
    cellStyle = name;
    role = r;
    align = a;
    return `${out}${content}<CellEnd:>`;
  };
  const row = (cells: string[]) => `<RowStart:>${cells.join('')}<RowEnd:>`;

  const header = row(columns.map((c) => cell('header', c, escapeText(typography(c.headerText)))));
  // Stripes on every second item row, as the PDF draws them.
  const lines = group.items.flatMap(itemLines);
  const body = lines.map((item, i) =>
    row(
      columns.map((c) => {
        const rate = c.field === '@vatRate' ? vatRateOf(item, ctx.money.vat) : undefined;
        const runs =
          c.field === '@vatRate'
            ? rate === undefined
              ? undefined
              : [{ text: pct(rate, ctx.lang) }]
            : (fieldRuns(item, c.field, ctx) ??
              (c.field === 'price' ? missingPriceRuns(layout.price.missing, ctx.lang) : undefined));
        return cell(i % 2 === 1 ? 'stripe' : 'body', c, runs ? use.runs(runs) : '');
      }),
    ),
  );
  const widths = columnWidths(layout, columns)
    .map((w) => `<ColStart:<tColAttrWidth:${tagNumber(w)}>>`)
    .join('');
  const rows = lines.length + 1;
  return (
    `<TableStyle:${use.tableStyle(names.table, names.header)}>` +
    `<TableStart:${rows},${columns.length}:1:0<tCellDefaultCellType:Text>>` +
    widths +
    header +
    body.join('') +
    '<TableEnd:>' +
    (align ? '<pTextAlignment:>' : '')
  );
}

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
    const missing =
      !runs && slot.style === 'price' ? missingPriceRuns(layout.price.missing, ctx.lang) : undefined;
    if (!missing && !runs?.some((run) => run.text !== '')) return [];
    const label = slot.label ? escapeText(typography(slot.label[ctx.lang])) : '';
    return [
      `${use.paraStyleTag(missing ? 'priceMissing' : slot.style)}${label}${use.runs((missing ?? runs)!)}`,
    ];
  });
}

const FRAME_BREAK = '<cNextXChars:Box>';
const BREAK_CANCEL = '<cNextXChars:>';
/** After `<ParaStyle:…>`: the start of a paragraph that cancels the frame break before it. */
const cancelBreak = (paragraph: string) =>
  paragraph.replace(/^(<ParaStyle:(?:[^\\>]|\\.)*>)/, `$1${BREAK_CANCEL}`);

export function oneStringTaggedText(
  catalog: Catalog,
  template: Template,
  options: TaggedTextOptions,
): string {
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
  const use = new StyleUse(resolveStyles(template, options.lang), template.id);
  const frameBreak = layout.kind === 'grid' && (layout.grid?.cardBreak ?? 'frame') === 'frame';

  // An empty group would be a header over nothing, or a table of headers only: the PDF skips them too.
  const groups = catalog.groups.filter((g) => g.items.length > 0);
  const flow: string[] = [];
  // Each card's paragraphs as a list, so its last can end with the frame break.
  let breakBefore = false;
  const push = (paragraph: string) => {
    flow.push(breakBefore ? cancelBreak(paragraph) : paragraph);
    breakBefore = false;
  };
  if (options.title && layout.cover)
    push(`${use.paraStyleTag('coverTitle')}${escapeText(typography(options.title))}`);
  for (const group of groups) {
    if (group.name !== '' && layout.grouping.header)
      push(`${use.paraStyleTag('groupHeader')}${escapeText(typography(group.name))}`);
    // `printed` exists exactly when `table` does: the columns every group's table prints.
    if (layout.kind === 'table' && table && printed) {
      // A group's table is written in one piece: its products are counted before it.
      // The table sits in a paragraph of its own, in the cell style: the style a designer expects
      // around a table, and one the file defines anyway.
      push(
        `${use.paraStyleTag('tableCell')}${tableTags(group, { ...layout, table }, use, ctx, typography, printed)}`,
      );
    } else {
      for (const item of group.items) {
        const card = itemParagraphs(item, layout, use, ctx, typography);
        card.forEach((paragraph, i) =>
          push(frameBreak && i === card.length - 1 ? paragraph + FRAME_BREAK : paragraph),
        );
        if (card.length) breakBefore = frameBreak;
      }
    }
  }

  // A price list states the currency and the VAT rate it used, as the PDF does under its table.
  const legend = layout.kind === 'table' && printed ? priceTableLegend(printed, ctx) : undefined;
  if (legend) push(`${use.paraStyleTag('detail')}${escapeText(typography(legend))}`);

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
