// A price-grid template: the page, the table's colours and the styles of a reseller price list. Not a
// catalog template (it maps no product fields): grids are read as grids, so it has its own schema and
// its own folder (`templates/grids/`), and `catalog build` never offers it.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CatalogError } from '../errors.ts';
import { Translated, type Lang } from '../model.ts';
import {
  Cmyk,
  DEFAULT_CHARACTER_STYLES,
  Layout,
  ParagraphStyle,
  Styles,
  type CharacterStyle,
} from '../templates/layout-schema.ts';
import { HOUSE_CHARACTER_NAMES_EN } from '../templates/resolve-styles.ts';
import { readSchemaFile } from '../templates/load-template.ts';

export const GridTemplate = z.object({
  id: z.string(),
  kind: z.literal('price-grid'),
  name: Translated,
  description: Translated.optional(),
  page: Layout.shape.page,
  /** The accent: rules, the header band, the family names. */
  accent: Cmyk.default([100, 60, 0, 20]),
  table: z
    .object({
      headerFill: Cmyk.default([100, 60, 0, 20]),
      /** The second header row (Net HT / TTC…) under the variant names. */
      subHeaderFill: Cmyk.default([20, 8, 0, 0]),
      // 8 %: the lightest tint that prints reliably (issue 11, as the catalogs' stripes); 5 % can vanish.
      stripeFill: Cmyk.default([0, 0, 0, 8]),
      rule: Cmyk.default([0, 0, 0, 25]),
      /** Millimetres above and below a row's text. */
      rowPadding: z.number().min(0).default(1.1),
      /** Millimetres: the quantity column. */
      quantityWidth: z.number().positive().default(24),
    })
    .default({
      headerFill: [100, 60, 0, 20],
      subHeaderFill: [20, 8, 0, 0],
      stripeFill: [0, 0, 0, 8],
      rule: [0, 0, 0, 25],
      rowPadding: 1.1,
      quantityWidth: 24,
    }),
  /** No supplier identity anywhere (name, logo, address, PDF metadata): the reseller's list as its own. */
  whiteLabel: z.boolean().default(false),
  texts: z
    .object({
      /** The list's title when the workbook's settings name none. */
      title: Translated.default({ fr: 'Tarifs revendeurs', en: 'Trade price list' }),
      /** On every page; `{reseller}` is the reseller's name. */
      confidential: Translated.default({
        fr: 'Confidentiel — réservé à {reseller}',
        en: 'Confidential — for {reseller} only',
      }),
    })
    .default({
      title: { fr: 'Tarifs revendeurs', en: 'Trade price list' },
      confidential: { fr: 'Confidentiel — réservé à {reseller}', en: 'Confidential — for {reseller} only' },
    }),
  /** Paragraph styles by role (see GRID_ROLES); missing roles take the house styles. */
  styles: Styles.default({ paragraph: {}, character: {} }),
});
export type GridTemplate = z.infer<typeof GridTemplate>;

const style = (name: string, size: number, extra: Partial<z.input<typeof ParagraphStyle>> = {}) =>
  ParagraphStyle.parse({ name, size, leading: Math.round(size * 1.25 * 10) / 10, ...extra });

/** House styles of a price list, by role; the names are the InDesign paragraph styles of the tagged text. */
export const GRID_STYLES = {
  listTitle: style('Grille – Titre', 20, {
    weight: 'bold',
    color: [100, 60, 0, 20],
    maxLines: 2,
    minSize: 14,
  }),
  resellerName: style('Grille – Revendeur', 13, { weight: 'semibold' }),
  resellerTerms: style('Grille – Conditions revendeur', 8.5, { color: [0, 0, 0, 75] }),
  supplier: style('Grille – Fournisseur', 7.5, { color: [0, 0, 0, 70], align: 'right' }),
  familyHeader: style('Grille – Famille', 12, { weight: 'bold', color: [100, 60, 0, 20] }),
  familyNote: style('Grille – Note famille', 7.5, { color: [0, 0, 0, 65], align: 'right' }),
  tableHeader: style('Grille – En-tête', 7.5, {
    weight: 'semibold',
    color: [0, 0, 0, 0],
    align: 'center',
    maxLines: 3,
    minSize: 6,
  }),
  tableSubHeader: style('Grille – Sous-en-tête', 6.5, {
    weight: 'semibold',
    color: [0, 0, 0, 80],
    align: 'right',
  }),
  quantity: style('Grille – Quantité', 8, { weight: 'semibold', figures: 'tabular' }),
  price: style('Grille – Prix', 8, { align: 'right', figures: 'tabular' }),
  notAvailable: style('Grille – Non disponible', 7.5, {
    italic: true,
    color: [0, 0, 0, 55],
    align: 'center',
  }),
  legend: style('Grille – Légende', 7.5, { color: [0, 0, 0, 75], spaceAfter: 1.5 }),
  legendTitle: style('Grille – Légende titre', 8.5, { weight: 'semibold', spaceAfter: 2 }),
  running: style('Grille – Folio', 7, { color: [0, 0, 0, 60] }),
  confidential: style('Grille – Confidentiel', 7, { weight: 'semibold', color: [0, 90, 85, 10] }),
} satisfies Record<string, ParagraphStyle>;
export type GridRole = keyof typeof GRID_STYLES;

/**
 * The English names of the house styles, by role: an English grid's tagged text places into InDesign
 * in « Grid – Price », not « Grille – Prix », as a catalog's does (templates/resolve-styles.ts).
 */
export const GRID_STYLE_NAMES_EN: Readonly<Record<GridRole, string>> = {
  listTitle: 'Grid – Title',
  resellerName: 'Grid – Reseller',
  resellerTerms: 'Grid – Reseller Terms',
  supplier: 'Grid – Supplier',
  familyHeader: 'Grid – Family',
  familyNote: 'Grid – Family Note',
  tableHeader: 'Grid – Header',
  tableSubHeader: 'Grid – Subheader',
  quantity: 'Grid – Quantity',
  price: 'Grid – Price',
  notAvailable: 'Grid – Not Available',
  legend: 'Grid – Legend',
  legendTitle: 'Grid – Legend Title',
  running: 'Grid – Folio',
  confidential: 'Grid – Confidential',
};

/**
 * The template's styles over the house styles, the house styles named in `lang`. As for catalogs, a
 * style the template names itself keeps its name in every language (the designer chose it to match
 * their document); one that keeps the house style's French name is the house style restyled.
 */
export function gridStyles(template: GridTemplate, lang: Lang = 'fr'): Record<GridRole, ParagraphStyle> {
  return inLang(GRID_STYLES, template.styles.paragraph, GRID_STYLE_NAMES_EN, lang) as Record<
    GridRole,
    ParagraphStyle
  >;
}

/** The character styles rich text would map to (always defined in a tagged-text file), named in `lang`. */
export function gridCharacterStyles(
  template: GridTemplate,
  lang: Lang = 'fr',
): Record<string, CharacterStyle> {
  return inLang(DEFAULT_CHARACTER_STYLES, template.styles.character, HOUSE_CHARACTER_NAMES_EN, lang);
}

/** Each house role's style, the template's own when it has one, the house name in English when asked. */
function inLang<S extends { name: string }>(
  house: Readonly<Record<string, S>>,
  own: Readonly<Record<string, S>>,
  english: Readonly<Record<string, string>>,
  lang: Lang,
): Record<string, S> {
  return Object.fromEntries(
    Object.entries(house).map(([role, base]) => {
      const style = own[role] ?? base;
      const name = english[role];
      const rename = lang === 'en' && name !== undefined && style.name === base.name;
      return [role, rename ? { ...style, name } : style];
    }),
  );
}

export const BUILT_IN_GRID_TEMPLATES_DIR = fileURLToPath(
  new URL('../../../templates/grids/', import.meta.url),
);

const notFound = (id: string, known: string[]) =>
  new CatalogError(
    'TEMPLATE_NOT_FOUND',
    {
      fr: `Le modèle de grille « ${id} » n'existe pas. Modèles de grille disponibles : ${known.join(', ')}.`,
      en: `There is no price-grid template "${id}". Available price-grid templates: ${known.join(', ')}.`,
    },
    { field: 'template' },
  );

const readGridTemplateFile = (path: string): Promise<GridTemplate> => readSchemaFile(path, GridTemplate);

/** The built-in grid templates and, from the user's templates folder's `grids/`, their own (first). */
export async function listGridTemplates(userDir?: string): Promise<GridTemplate[]> {
  const dirs = [...(userDir ? [join(userDir, 'grids')] : []), BUILT_IN_GRID_TEMPLATES_DIR];
  const seen = new Set<string>();
  const found: GridTemplate[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) {
      const template = await readGridTemplateFile(join(dir, name));
      if (seen.has(template.id)) continue;
      seen.add(template.id);
      found.push(template);
    }
  }
  return found;
}

/** `idOrPath`: a grid template's id (`price-grid`) or the path of its file. */
export async function loadGridTemplate(idOrPath: string, userDir?: string): Promise<GridTemplate> {
  if (idOrPath.endsWith('.json')) return readGridTemplateFile(idOrPath);
  const all = await listGridTemplates(userDir);
  const found = all.find((t) => t.id === idOrPath);
  if (!found)
    throw notFound(
      idOrPath,
      all.map((t) => t.id),
    );
  return found;
}
