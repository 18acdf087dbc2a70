import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHARACTER_STYLES,
  DEFAULT_PARAGRAPH_STYLES,
  PARAGRAPH_ROLES,
  ParagraphStyle,
} from '../../../../main/engine/templates/layout-schema.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import {
  HOUSE_CHARACTER_NAMES_EN,
  HOUSE_STYLE_NAMES_EN,
  resolveStyles,
} from '../../../../main/engine/templates/resolve-styles.ts';

const grid = await loadTemplate('product-grid');

describe('resolveStyles', () => {
  it('names the house styles in French for a French build, the house styles’ own names', () => {
    const styles = resolveStyles(grid, 'fr');
    expect(styles.paragraph.title!.name).toBe('Produit – Nom');
    expect(styles.paragraph.groupHeader!.name).toBe('Famille');
    expect(styles.character.bold!.name).toBe('Gras');
    expect(resolveStyles(grid)).toEqual(styles);
  });

  it('names them in English for an English build, and changes nothing else', () => {
    const styles = resolveStyles(grid, 'en');
    expect(styles.paragraph.title!.name).toBe('Product – Name');
    expect(styles.paragraph.groupHeader!.name).toBe('Category');
    expect(styles.character.bold!.name).toBe('Bold');
    expect(styles.character.boldItalic!.name).toBe('Bold Italic');
    const { name: _en, ...english } = styles.paragraph.price!;
    const { name: _fr, ...french } = resolveStyles(grid, 'fr').paragraph.price!;
    expect(english).toEqual(french);
  });

  it('has an English name for every house style, each its own', () => {
    for (const role of PARAGRAPH_ROLES) expect(HOUSE_STYLE_NAMES_EN[role], role).toBeTruthy();
    for (const role of Object.keys(DEFAULT_CHARACTER_STYLES))
      expect(HOUSE_CHARACTER_NAMES_EN[role], role).toBeTruthy();
    const names = PARAGRAPH_ROLES.map((role) => HOUSE_STYLE_NAMES_EN[role]);
    expect(new Set(names).size).toBe(names.length);
    // Translated, not copied: no English name is the French one.
    for (const role of PARAGRAPH_ROLES)
      expect(HOUSE_STYLE_NAMES_EN[role], role).not.toBe(DEFAULT_PARAGRAPH_STYLES[role].name);
  });

  it('keeps the name a template gives a style, in both languages', () => {
    const template = {
      ...grid,
      styles: {
        paragraph: { title: ParagraphStyle.parse({ name: 'Nom', size: 9, leading: 11 }) },
        character: { italic: { name: 'Ital', italic: true } },
      },
    };
    for (const lang of ['fr', 'en'] as const) {
      expect(resolveStyles(template, lang).paragraph.title!.name).toBe('Nom');
      expect(resolveStyles(template, lang).character.italic!.name).toBe('Ital');
    }
  });
});

describe('resolveStyles: house styles restyled by the template', () => {
  it('names a template style that keeps the house name of its role in the build’s language', () => {
    // As the Layout step's accent colour does: the house style, recoloured, under its house name.
    const accent = {
      ...DEFAULT_PARAGRAPH_STYLES.groupHeader,
      color: [0, 80, 90, 0] as [number, number, number, number],
    };
    const template = { ...grid, styles: { paragraph: { groupHeader: accent }, character: {} } };
    expect(resolveStyles(template, 'en').paragraph.groupHeader).toEqual({ ...accent, name: 'Category' });
    expect(resolveStyles(template, 'fr').paragraph.groupHeader).toEqual(accent);
  });
});
