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
] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

const pStyle = (name: string, size: number, extra: Partial<z.input<typeof ParagraphStyle>> = {}) =>
  ParagraphStyle.parse({ name, size, leading: Math.round(size * 1.25 * 10) / 10, ...extra });

/** House styles: a template overrides any of them, and adds roles of its own. */
export const DEFAULT_PARAGRAPH_STYLES: Record<ParagraphRole, ParagraphStyle> = {
  title: pStyle('Produit – Nom', 10, { weight: 'semibold', minSize: 8, maxLines: 2 }),
  reference: pStyle('Produit – Référence', 7, { color: [0, 0, 0, 60] }),
  body: pStyle('Produit – Description', 7.5, { minSize: 6.5, maxLines: 4 }),
  price: pStyle('Produit – Prix', 11, { weight: 'bold', color: [0, 90, 85, 10] }),
  detail: pStyle('Produit – Détail', 7, { color: [0, 0, 0, 70] }),
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
  tocEntry: pStyle('Sommaire – Entrée', 10, { spaceAfter: 2 }),
  indexEntry: pStyle('Index – Entrée', 7.5),
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
});

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
  background: Cmyk.default([0, 0, 0, 4]),
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
  }),
  grid: GridSettings.optional(),
  list: ListSettings.optional(),
  table: z
    .object({
      columns: z.array(TableColumn).min(1),
      headerFill: Cmyk.default([100, 60, 0, 20]),
      stripeFill: Cmyk.default([0, 0, 0, 5]),
      rowPadding: z.number().min(0).default(1.2),
    })
    .optional(),
  /** What a card or list row shows, in order; the image field, if any, goes to the picture box. */
  slots: z.array(Slot).default([]),
  image: z.object({ field: z.string(), fit: z.enum(['contain', 'cover']).default('contain') }).optional(),
  grouping: z
    .object({
      newPage: z.boolean().default(false),
      header: z.boolean().default(true),
      continued: Translated.default({ fr: '(suite)', en: '(continued)' }),
    })
    .default({ newPage: false, header: true, continued: { fr: '(suite)', en: '(continued)' } }),
  header: z.object({ left: z.string().optional(), right: z.string().optional() }).default({}),
  footer: z.object({ left: z.string().optional(), right: z.string().optional() }).default({}),
  cover: z.object({ title: z.string(), subtitle: z.string().optional() }).optional(),
  toc: z.boolean().default(false),
  index: z.boolean().default(false),
  /**
   * Which price a card or list row shows. The currency and the VAT rate are not the template's to
   * say: they come from the sheet or the user's settings (money/decide-money.ts), and a price with
   * VAT is printed only when a rate is known. Templates written before kept `defaultVat` and
   * `currency` here; those keys are accepted and ignored, so the templates still load.
   */
  price: z.object({ show: z.enum(['ht', 'ttc', 'both']).default('ht') }).default({ show: 'ht' }),
});
export type Layout = z.infer<typeof Layout>;
