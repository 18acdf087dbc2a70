// A template's styles with the house styles filled in, so every stage can ask for any role.
//
// The house styles are named in the build's language: a designer placing an English catalog's tagged
// text in InDesign finds « Product – Name », not « Produit – Nom », and preflight speaks of the styles
// by the names the user sees. A style the template defines itself keeps the template's own name, in
// every language: the designer chose it to match their document.
import type { Lang } from '../model.ts';
import type { CharacterStyle, ParagraphStyle } from './layout-schema.ts';
import { DEFAULT_CHARACTER_STYLES, DEFAULT_PARAGRAPH_STYLES } from './layout-schema.ts';
import type { Template } from './template.ts';

export type ResolvedStyles = {
  paragraph: Record<string, ParagraphStyle>;
  character: Record<string, CharacterStyle>;
};

/**
 * The English names of the house styles, by role. The French names are the house styles' own
 * (DEFAULT_PARAGRAPH_STYLES, DEFAULT_CHARACTER_STYLES); a role without an English name here keeps
 * its French one rather than being left unnamed.
 */
export const HOUSE_STYLE_NAMES_EN: Readonly<Record<string, string>> = {
  title: 'Product – Name',
  reference: 'Product – Reference',
  body: 'Product – Description',
  price: 'Product – Price',
  detail: 'Product – Detail',
  groupHeader: 'Category',
  tableHeader: 'Table – Header',
  tableCell: 'Table – Cell',
  running: 'Running Head',
  coverTitle: 'Cover – Title',
  coverSubtitle: 'Cover – Subtitle',
  tocTitle: 'Contents – Title',
  tocEntry: 'Contents – Entry',
  indexEntry: 'Index – Entry',
  groupHeaderContinued: 'Category (continued)',
  imagePlaceholder: 'Photo – Coming Soon',
  priceLegend: 'Price – Legend',
  priceMissing: 'Product – Price on Request',
};

/** The English names of the character styles rich text maps to. */
export const HOUSE_CHARACTER_NAMES_EN: Readonly<Record<string, string>> = {
  bold: 'Bold',
  italic: 'Italic',
  boldItalic: 'Bold Italic',
};

/**
 * The house styles with the template's over them, named in `lang`. A template style that keeps the
 * house style's own (French) name for its role is the house style restyled — the Layout step's
 * accent colour does that (service/layout-settings.ts) — not a name the designer chose: it is named
 * in `lang` like the house style. Any other name is the template's and stays.
 */
function named<S extends { name: string }>(
  house: Readonly<Record<string, S>>,
  own: Readonly<Record<string, S>>,
  english: Readonly<Record<string, string>>,
  lang: Lang,
): Record<string, S> {
  const styles: Record<string, S> = { ...house, ...own };
  if (lang === 'fr') return styles;
  for (const [role, style] of Object.entries(styles)) {
    const translated = english[role];
    if (translated !== undefined && style.name === house[role]?.name)
      styles[role] = { ...style, name: translated };
  }
  return styles;
}

/** The template's styles over the house styles, the house styles named in `lang` (French by default). */
export function resolveStyles(template: Template, lang: Lang = 'fr'): ResolvedStyles {
  return {
    paragraph: named(DEFAULT_PARAGRAPH_STYLES, template.styles.paragraph, HOUSE_STYLE_NAMES_EN, lang),
    character: named(DEFAULT_CHARACTER_STYLES, template.styles.character, HOUSE_CHARACTER_NAMES_EN, lang),
  };
}
