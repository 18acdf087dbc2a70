import { describe, expect, it } from 'vitest';
import {
  colorTable,
  defineCellStyle,
  defineCharacterStyle,
  defineParagraphStyle,
  defineTableStyle,
  swatchName,
  typefaceName,
} from '../../../../../main/engine/export/tagged-text/style-definitions.ts';
import {
  DEFAULT_CHARACTER_STYLES,
  DEFAULT_PARAGRAPH_STYLES,
  ParagraphStyle,
} from '../../../../../main/engine/templates/layout-schema.ts';

describe('swatchName', () => {
  it('names CMYK colours the way InDesign names swatches by value', () => {
    expect(swatchName([0, 90, 85, 10])).toBe('C=0 M=90 Y=85 K=10');
    expect(swatchName([12.5, 0, 0, 0])).toBe('C=12.5 M=0 Y=0 K=0');
  });

  it("uses InDesign's own Black and Paper", () => {
    expect(swatchName([0, 0, 0, 100])).toBe('Black');
    expect(swatchName([0, 0, 0, 0])).toBe('Paper');
  });
});

describe('colorTable', () => {
  it('lists Black first, then each colour once, as process CMYK fractions', () => {
    expect(
      colorTable([
        [0, 90, 85, 10],
        [0, 0, 0, 100],
        [0, 90, 85, 10],
        [0, 0, 0, 0],
      ]),
    ).toBe(
      '<ColorTable:=<Black:COLOR:CMYK:Process:0,0,0,1>' +
        '<C\\=0 M\\=90 Y\\=85 K\\=10:COLOR:CMYK:Process:0,0.9,0.85,0.1>' +
        '<Paper:COLOR:CMYK:Process:0,0,0,0>>',
    );
  });
});

describe('typefaceName', () => {
  it.each([
    ['regular', false, 'Regular'],
    ['regular', true, 'Italic'],
    ['semibold', false, 'SemiBold'],
    ['semibold', true, 'SemiBold Italic'],
    ['bold', false, 'Bold'],
    ['bold', true, 'Bold Italic'],
  ] as const)('%s, italic %s → %s', (weight, italic, expected) =>
    expect(typefaceName(weight, italic)).toBe(expected),
  );
});

describe('defineParagraphStyle', () => {
  it('writes font, style, size, leading, colour, alignment and spacing under the designer’s name', () => {
    expect(defineParagraphStyle(DEFAULT_PARAGRAPH_STYLES.price)).toBe(
      '<DefineParaStyle:Produit – Prix=<Nextstyle:Produit – Prix><cFont:Inter><cTypeface:Bold>' +
        '<cSize:11><cLeading:13.8><cColor:C\\=0 M\\=90 Y\\=85 K\\=10><cOTFContAlt:0><pTextAlignment:Left>' +
        '<pSpaceBefore:0><pSpaceAfter:0>>',
    );
  });

  it('escapes the name, the font and the alignment of a designer’s own style', () => {
    const style = ParagraphStyle.parse({
      name: 'Prix: HT (net)',
      font: 'Minion Pro',
      italic: true,
      size: 9,
      leading: 11,
      align: 'justify',
      spaceBefore: 2.5,
      spaceAfter: 1,
    });
    expect(defineParagraphStyle(style)).toBe(
      '<DefineParaStyle:Prix\\: HT \\(net\\)=<Nextstyle:Prix\\: HT \\(net\\)><cFont:Minion Pro>' +
        '<cTypeface:Italic><cSize:9><cLeading:11><cColor:Black><cOTFContAlt:0><pTextAlignment:JustifyLeft>' +
        '<pSpaceBefore:2.5><pSpaceAfter:1>>',
    );
  });
});

describe('defineCharacterStyle', () => {
  it('sets only the font style, so a bold run keeps the paragraph’s font and colour', () => {
    expect(defineCharacterStyle(DEFAULT_CHARACTER_STYLES.bold)).toBe(
      '<DefineCharStyle:Gras=<Nextstyle:Gras><cTypeface:Bold>>',
    );
    expect(defineCharacterStyle(DEFAULT_CHARACTER_STYLES.italic)).toBe(
      '<DefineCharStyle:Italique=<Nextstyle:Italique><cTypeface:Italic>>',
    );
    expect(defineCharacterStyle(DEFAULT_CHARACTER_STYLES.boldItalic)).toBe(
      '<DefineCharStyle:Gras italique=<Nextstyle:Gras italique><cTypeface:Bold Italic>>',
    );
  });

  it('adds a colour when the style has one', () => {
    expect(defineCharacterStyle({ name: 'Promo', color: [0, 100, 100, 0] })).toBe(
      '<DefineCharStyle:Promo=<Nextstyle:Promo><cColor:C\\=0 M\\=100 Y\\=100 K\\=0>>',
    );
  });
});

describe('defineCellStyle and defineTableStyle', () => {
  it('puts the insets, the fill and the paragraph style in the cell style, escaped', () => {
    expect(
      defineCellStyle('En-tête: prix', {
        inset: 3.40157,
        fill: [100, 60, 0, 20],
        paragraphStyle: 'Tableau – En-tête',
      }),
    ).toBe(
      '<DefineCellStyle:En-tête\\: prix=<tCellAttrLeftInset:3.402><tCellAttrTopInset:3.402><tCellAttrRightInset:3.402>' +
        '<tCellAttrBottomInset:3.402><tCellFillColor:C\\=100 M\\=60 Y\\=0 K\\=20><tCellAttrFillTint:100>' +
        '<tCellStyleParaStyle:Tableau – En-tête>>',
    );
  });

  it('leaves the fill out of a plain cell’s style', () => {
    expect(defineCellStyle('Cellule', { inset: 0, paragraphStyle: 'Texte' })).toBe(
      '<DefineCellStyle:Cellule=<tCellAttrLeftInset:0><tCellAttrTopInset:0><tCellAttrRightInset:0>' +
        '<tCellAttrBottomInset:0><tCellStyleParaStyle:Texte>>',
    );
  });

  it('names the header rows’ cell style in the table style', () => {
    expect(defineTableStyle('Liste de prix', 'En-tête')).toBe(
      '<DefineTableStyle:Liste de prix=<tHeaderCellStyle:En-tête>>',
    );
  });
});

describe('defineParagraphStyle: hyphenation', () => {
  const base = { name: 'Corps', size: 8, leading: 10 };
  it('says hyphenation on or off as the template does, and nothing when it does not say', () => {
    expect(defineParagraphStyle(ParagraphStyle.parse({ ...base, hyphenate: true }))).toContain(
      '<pHyphenation:1>',
    );
    expect(defineParagraphStyle(ParagraphStyle.parse({ ...base, hyphenate: false }))).toContain(
      '<pHyphenation:0>',
    );
    expect(defineParagraphStyle(ParagraphStyle.parse(base))).not.toContain('pHyphenation');
  });

  it('writes no guessed figure-style tag for tabular figures', () => {
    const line = defineParagraphStyle(ParagraphStyle.parse({ ...base, figures: 'tabular' }));
    expect(line).not.toMatch(/Fig/);
  });
});
