// The layout half of a template: page, grid, slots, styles, grouping, running heads. Lengths are in
// millimetres (what designers type); font sizes, leading and paragraph spacing in points (what
// InDesign uses); colours in CMYK percentages.
import { z } from 'zod';
import { Translated } from '../model.ts';

/** [cyan, magenta, yellow, black], 0–100: print colours are CMYK from the template on. */
export const Cmyk = z.tuple([
  z.number().min(0).max(100),
  z.number().min(0).max(100),
  z.number().min(0).max(100),
  z.number().min(0).max(100),
]);
export type Cmyk = z.infer<typeof Cmyk>;

export const FontWeight = z.enum(['regular', 'semibold', 'bold']);
export type FontWeight = z.infer<typeof FontWeight>;

export const ParagraphStyle = z.object({
  /** The InDesign paragraph style name; a designer renames it to match their document. */
  name: z.string().min(1),
  font: z.string().default('Inter'),
  weight: FontWeight.default('regular'),
  italic: z.boolean().default(false),
  size: z.number().positive(),
  leading: z.number().positive(),
  color: Cmyk.default([0, 0, 0, 100]),
  align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  spaceBefore: z.number().min(0).default(0),
  spaceAfter: z.number().min(0).default(0),
  /** Text that does not fit shrinks down to this size before it is cut with an ellipsis. */
  minSize: z.number().positive().optional(),
  /** Lines at most; the rest is overset. */
  maxLines: z.number().int().positive().optional(),
  /** `tabular`: every digit the same width (Inter's `tnum`), for figures that line up in a column. */
  figures: z.enum(['proportional', 'tabular']).optional(),
  /**
   * Words of 7 letters or more may be hyphenated at line ends (French or English patterns, by the
   * catalog's locale): for running text. Off for names, references, prices and table cells.
   */
  hyphenate: z.boolean().optional(),
});
export type ParagraphStyle = z.infer<typeof ParagraphStyle>;

export const CharacterStyle = z.object({
  name: z.string().min(1),
  weight: FontWeight.optional(),
  italic: z.boolean().optional(),
  color: Cmyk.optional(),
});
export type CharacterStyle = z.infer<typeof CharacterStyle>;

/** Roles every layout uses; a template names the style of each, and may add its own. */
export const PARAGRAPH_ROLES = [
  'title',
  'reference',
  'body',
  'price',
  'detail',
  'groupHeader',
  'tableHeader',
  'tableCell',
  'running',
  'coverTitle',
  'coverSubtitle',
  'tocTitle',
  'tocEntry',
  'indexEntry',
  'groupHeaderContinued',
  'imagePlaceholder',
  'priceLegend',
  'priceMissing',
] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

const pStyle = (name: string, size: number, extra: Partial<z.input<typeof ParagraphStyle>> = {}) =>
  ParagraphStyle.parse({ name, size, leading: Math.round(size * 1.25 * 10) / 10, ...extra });

/** House styles: a template overrides any of them, and adds roles of its own. */
export const DEFAULT_PARAGRAPH_STYLES: Record<ParagraphRole, ParagraphStyle> = {
  title: pStyle('Produit – Nom', 10, { weight: 'semibold', minSize: 8, maxLines: 2 }),
  reference: pStyle('Produit – Référence', 7, { color: [0, 0, 0, 85] }),
  body: pStyle('Produit – Description', 7.5, { minSize: 6.5, maxLines: 4, hyphenate: true }),
  price: pStyle('Produit – Prix', 11, { weight: 'bold', color: [0, 90, 85, 10], figures: 'tabular' }),
  detail: pStyle('Produit – Détail', 7, { color: [0, 0, 0, 60] }),
  groupHeader: pStyle('Famille', 16, { weight: 'bold', color: [100, 60, 0, 20], spaceAfter: 3 }),
  tableHeader: pStyle('Tableau – En-tête', 7.5, { weight: 'semibold', color: [0, 0, 0, 0] }),
  tableCell: pStyle('Tableau – Cellule', 8),
  running: pStyle('Folio', 7, { color: [0, 0, 0, 60] }),
  coverTitle: pStyle('Couverture – Titre', 32, {
    weight: 'bold',
    color: [100, 60, 0, 20],
    minSize: 20,
    maxLines: 3,
  }),
  coverSubtitle: pStyle('Couverture – Sous-titre', 14, { color: [0, 0, 0, 70] }),
  tocTitle: pStyle('Sommaire – Titre', 20, { weight: 'bold', spaceAfter: 6 }),
  tocEntry: pStyle('Sommaire – Entrée', 12, { spaceAfter: 5 }),
  indexEntry: pStyle('Index – Entrée', 8),
  // A continued group's header is a reminder, not a new section: smaller and grey.
  groupHeaderContinued: pStyle('Famille (suite)', 10, {
    weight: 'semibold',
    color: [0, 0, 0, 55],
    spaceAfter: 3,
  }),
  imagePlaceholder: pStyle('Photo – À venir', 7, { color: [0, 0, 0, 50], align: 'center' }),
  priceLegend: pStyle('Prix – Légende', 7, { color: [0, 0, 0, 60] }),
  priceMissing: pStyle('Produit – Prix sur demande', 8.5, { weight: 'semibold', color: [0, 0, 0, 60] }),
};

export const DEFAULT_CHARACTER_STYLES: Record<'bold' | 'italic' | 'boldItalic', CharacterStyle> = {
  bold: { name: 'Gras', weight: 'bold' },
  italic: { name: 'Italique', italic: true },
  boldItalic: { name: 'Gras italique', weight: 'bold', italic: true },
};

export const Styles = z.object({
  paragraph: z.record(z.string(), ParagraphStyle).default({}),
  character: z.record(z.string(), CharacterStyle).default({}),
});
export type Styles = z.infer<typeof Styles>;

export const PageSize = z.union([
  z.enum(['A4', 'A5', 'A3', 'Letter']),
  z.object({ width: z.number().positive(), height: z.number().positive() }),
]);

export const Margins = z.object({
  top: z.number().min(0),
  right: z.number().min(0),
  bottom: z.number().min(0),
  left: z.number().min(0),
  /**
   * Facing pages only: the margin at the gutter and the one at the outer edge. Absent, `left` is
   * the inside margin and `right` the outside one (as on a right-hand page).
   */
  inside: z.number().min(0).optional(),
  outside: z.number().min(0).optional(),
});

/** A running head's or a cover's text: one for both languages, or one each (« page {page} »). */
export const LocalText = z.union([z.string(), Translated]);
export type LocalText = z.infer<typeof LocalText>;

/** One piece of text in a card or a list row: a field (or a token) in a paragraph style. */
export const Slot = z.object({
  field: z.string(),
  style: z.string(),
  /** Shown before the value, e.g. "Réf. " — in both languages. */
  label: Translated.optional(),
});
export type Slot = z.infer<typeof Slot>;

export const TableColumn = z.object({
  field: z.string(),
  header: Translated,
  /** Share of the table width. */
  width: z.number().positive(),
  align: z.enum(['left', 'center', 'right']).default('left'),
});
export type TableColumn = z.infer<typeof TableColumn>;

export const GridSettings = z.object({
  columns: z.number().int().min(1).max(8),
  rows: z.number().int().min(1).max(12),
  gutter: z.number().min(0).default(4),
  padding: z.number().min(0).default(2.5),
  /** Share of the card's height given to the picture. */
  imageShare: z.number().min(0).max(0.9).default(0.5),
  /** At least 8 % ink, or none: lighter tints break up or vanish on press (preflight's TINT_TOO_LIGHT). */
  background: Cmyk.default([0, 0, 0, 8]),
  /**
   * Tagged text: `frame` ends each card with a frame break, so a designer who threads one text frame
   * per card gets one card per frame; `none` runs the cards on in one flow, as a list does.
   */
  cardBreak: z.enum(['none', 'frame']).default('frame'),
});
export type GridSettings = z.infer<typeof GridSettings>;
/** A grid layout that gives no grid settings: three by three, the house card. */
export const DEFAULT_GRID: GridSettings = GridSettings.parse({ columns: 3, rows: 3 });

export const ListSettings = z.object({
  thumbnail: z.number().positive().default(22),
  rowGap: z.number().min(0).default(3),
  rule: Cmyk.default([0, 0, 0, 20]),
});
export type ListSettings = z.infer<typeof ListSettings>;
export const DEFAULT_LIST: ListSettings = ListSettings.parse({});

export const Layout = z.object({
  kind: z.enum(['grid', 'list', 'table']),
  page: z.object({
    size: PageSize.default('A4'),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    margins: Margins.default({ top: 15, right: 12, bottom: 15, left: 12 }),
    bleed: z.number().min(0).max(10).default(3),
    marks: z.boolean().default(true),
    /**
     * Facing pages (a bound catalog): odd pages are right-hand pages, page 1 on the right, even
     * ones left-hand. The inside margin sits at the gutter; the header and footer texts describe
     * the right-hand page (`right` = the outer edge) and are mirrored on left-hand pages, so the
     * folio always sits on the outer edge. Single pages (the default) are all alike.
     */
    facing: z.boolean().default(false),
  }),
  grid: GridSettings.optional(),
  list: ListSettings.optional(),
  table: z
    .object({
      columns: z.array(TableColumn).min(1),
      headerFill: Cmyk.default([100, 60, 0, 20]),
      stripeFill: Cmyk.default([0, 0, 0, 8]),
      rowPadding: z.number().min(0).default(1.2),
      /**
       * `auto`: a VAT-rate column after the price when the products' known rates differ (one rate for
       * all is said in the legend under the table), the default; `never`: the legend only.
       */
      vatColumn: z.enum(['auto', 'never']).optional(),
      vatHeader: Translated.optional(),
      /**
       * How the tagged text's table cells name their styles. `compact` (the default): a cell says only
       * what changes from the cell before it, since tagged text keeps a tag in effect until cancelled —
       * a 10,000-product price list is 4× smaller. `explicit`: every cell names its cell style,
       * paragraph style and alignment, as InDesign's own exports do, for an InDesign that reads the
       * compact form otherwise; about 1.5× the size.
       */
      taggedCells: z.enum(['compact', 'explicit']).default('compact'),
    })
    .optional(),
  /** What a card or list row shows, in order; the image field, if any, goes to the picture box. */
  slots: z.array(Slot).default([]),
  image: z
    .object({
      field: z.string(),
      fit: z.enum(['contain', 'cover']).default('contain'),
      /**
       * A product without a picture: `placeholder` (the default) keeps the frame, a hairline with
       * « Photo à venir » (so a page of products without photos looks deliberate); `collapse` gives the
       * picture's room to the card's text (a list row shrinks to its text; its column stays put).
       */
      missing: z.enum(['placeholder', 'collapse']).optional(),
      /** The placeholder's words; « Photo à venir » / "Photo coming soon" when absent. */
      placeholder: Translated.optional(),
      /**
       * `edge`: the picture's frame is filled with the colour of the picture's own border (its studio
       * backdrop), so the backdrop runs to the frame's edge; a picture whose border is not one flat
       * colour, or is white, sits on the paper. `paper` (the default): no fill behind a picture. In
       * print the fill is libvips's CMYK of that colour (the table the pictures are converted with:
       * with a printer's own ICC profile the two may differ by a few percent).
       */
      background: z.enum(['paper', 'edge']).optional(),
    })
    .optional(),
  grouping: z
    .object({
      newPage: z.boolean().default(false),
      /**
       * With `newPage`: a group opens a new page only when it fills at least this share of a page
       * (0.5 = half); a shorter one follows on the page it finds, its header kept with its first row.
       * Absent (0): every group opens a page.
       */
      newPageMinFill: z.number().min(0).max(1).optional(),
      header: z.boolean().default(true),
      continued: Translated.default({ fr: '(suite)', en: '(continued)' }),
    })
    .default({ newPage: false, header: true, continued: { fr: '(suite)', en: '(continued)' } }),
  /** Tokens: {page}, {pages}, {title}, {date}, {group}; a text whose tokens are all empty is left out. */
  header: z.object({ left: LocalText.optional(), right: LocalText.optional() }).default({}),
  footer: z.object({ left: LocalText.optional(), right: LocalText.optional() }).default({}),
  /**
   * The cover: `title` and `subtitle` with the same tokens ({title} is the workbook's or the user's
   * title, never the file's name: without one the line is left out); `logo` and `image` are picture
   * files, relative to the template's (or the project's) folder; `supplier` lines (name, address,
   * phone…) print at the foot. A shipped template may leave them out.
   */
  cover: z
    .object({
      title: LocalText,
      subtitle: LocalText.optional(),
      logo: z.string().optional(),
      image: z.string().optional(),
      supplier: z.array(LocalText).optional(),
    })
    .optional(),
  /**
   * Validity and terms of a price list, one paragraph each: {validFrom}, {validUntil} and
   * {validity} are filled from what the user gave (a paragraph naming a date nobody gave is left
   * out, never invented). `first`: under the title of the first page; `end`: after the last row.
   */
  terms: z
    .object({ lines: z.array(LocalText).default([]), place: z.enum(['first', 'end']).default('end') })
    .optional(),
  toc: z.boolean().default(false),
  index: z.boolean().default(false),
  /**
   * Which price a card or list row shows. The currency and the VAT rate are not the template's to
   * say: they come from the sheet or the user's settings (money/decide-money.ts), and a price with
   * VAT is printed only when a rate is known. Templates written before kept `defaultVat` and
   * `currency` here; those keys are accepted and ignored, so the templates still load.
   */
  price: z
    .object({
      show: z.enum(['ht', 'ttc', 'both']).default('ht'),
      /** Printed in the price's place when a product has none (« Prix sur demande »); else nothing. */
      missing: Translated.optional(),
      /**
       * A short line at the foot of each page of cards or rows that shows prices, saying their basis
       * (« Prix HT »), when it is known; the prices then drop the tax word the line says. On unless
       * `false`.
       */
      legend: z.boolean().optional(),
    })
    .default({ show: 'ht' }),
  /**
   * Where a proof (a build forced over validation errors) says so: `across` the page in large light
   * diagonal letters, on screen and on paper, so no copy of it passes for the catalog; or in the
   * `slug`, outside the trim, for a printer's proof that must show the page untouched (print PDFs
   * with crop marks only: elsewhere there is no slug, and it goes across).
   */
  proof: z.enum(['across', 'slug']).default('across'),
});
export type Layout = z.infer<typeof Layout>;
