// The definition tags of a tagged-text file: the colour table and the paragraph and character styles,
// written from the template's styles so that placing the file in InDesign creates (or matches, by
// name) the designer's styles with the same font, size, leading, alignment, spacing and colour.
import type { CharacterStyle, Cmyk, FontWeight, ParagraphStyle } from '../../templates/layout-schema.ts';
import { escapeTagValue, tagNumber } from './escape-tagged-text.ts';

/**
 * The swatch name InDesign itself gives a CMYK colour ("C=0 M=90 Y=85 K=10", as "Name with Color
 * Value" does), and its own Black and Paper, so the file's colours merge with the document's swatches
 * rather than adding near-duplicates.
 */
export function swatchName([c, m, y, k]: Cmyk): string {
  if (c === 0 && m === 0 && y === 0 && k === 100) return 'Black';
  if (c === 0 && m === 0 && y === 0 && k === 0) return 'Paper';
  return `C=${tagNumber(c)} M=${tagNumber(m)} Y=${tagNumber(y)} K=${tagNumber(k)}`;
}

/**
 * `<ColorTable:=<Name:COLOR:CMYK:Process:c,m,y,k>…>`, values as fractions (Black is 0,0,0,1). There
 * is no `DefineColor` tag: the colour table is how tagged text defines swatches. Black comes first
 * and always, as in InDesign's exports.
 */
export function colorTable(colors: Cmyk[]): string {
  const byName = new Map<string, Cmyk>([['Black', [0, 0, 0, 100]]]);
  for (const color of colors) if (!byName.has(swatchName(color))) byName.set(swatchName(color), color);
  const entries = [...byName].map(
    ([name, cmyk]) =>
      `<${escapeTagValue(name)}:COLOR:CMYK:Process:${cmyk.map((v) => tagNumber(v / 100)).join(',')}>`,
  );
  return `<ColorTable:=${entries.join('')}>`;
}

/** The font style as InDesign's Font Style menu names it for Inter and most OpenType families. */
export function typefaceName(weight: FontWeight, italic: boolean): string {
  const base = { regular: 'Regular', semibold: 'SemiBold', bold: 'Bold' }[weight];
  if (!italic) return base;
  return weight === 'regular' ? 'Italic' : `${base} Italic`;
}

const ALIGNMENT: Record<ParagraphStyle['align'], string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  // "Justify with last line aligned left", InDesign's usual justified text.
  justify: 'JustifyLeft',
};

export const alignmentValue = (align: ParagraphStyle['align']) => ALIGNMENT[align];

/**
 * `<DefineParaStyle:Name=<Nextstyle:Name>…>`. Sizes, leading and spacing are in points, as in the
 * template (the PDF layout reads `spaceBefore`/`spaceAfter` as points too). The next style is the
 * style itself, as InDesign writes it for a style without one.
 */
export function defineParagraphStyle(style: ParagraphStyle): string {
  const name = escapeTagValue(style.name);
  const attributes = [
    `<Nextstyle:${name}>`,
    `<cFont:${escapeTagValue(style.font)}>`,
    `<cTypeface:${escapeTagValue(typefaceName(style.weight, style.italic))}>`,
    `<cSize:${tagNumber(style.size)}>`,
    `<cLeading:${tagNumber(style.leading)}>`,
    `<cColor:${escapeTagValue(swatchName(style.color))}>`,
    // Contextual alternates off, as in the PDF: Inter would print the "x" of "VIS-4x40" as "×".
    '<cOTFContAlt:0>',
    `<pTextAlignment:${ALIGNMENT[style.align]}>`,
    `<pSpaceBefore:${tagNumber(style.spaceBefore)}>`,
    `<pSpaceAfter:${tagNumber(style.spaceAfter)}>`,
  ];
  // Hyphenation on or off as the PDF sets it: `<pHyphenation:1>` / `<pHyphenation:0>`, the tag
  // InDesign itself writes in its exported style definitions (e.g. a Version:11.4 export's
  // `<DefineParaStyle:Product=…<pHyphenationLadderLimit:0><cLeading:11.000000><pHyphenation:0>…>`,
  // found in public repositories' embedded InDesign exports). Said only when the template says it:
  // a style without the option keeps the document's default.
  if (style.hyphenate !== undefined) attributes.push(`<pHyphenation:${style.hyphenate ? 1 : 0}>`);
  // `figures: 'tabular'` has no tag here: no documentation or InDesign export we could find names
  // the tagged-text tag of the OpenType figure style (the scripting DOM's `otfFigureStyle` /
  // `OTFFigureStyle.TABULAR_LINING` is not a tagged-text tag), and a guessed tag would be dropped or
  // misread by InDesign. The designer sets "Tabular Lining" in the style once.
  return `<DefineParaStyle:${name}=${attributes.join('')}>`;
}

/**
 * `<DefineCharStyle:Name=<Nextstyle:Name>…>`: only what the style sets, so a bold run keeps the
 * paragraph's font family, size and colour.
 */
export function defineCharacterStyle(style: CharacterStyle): string {
  const name = escapeTagValue(style.name);
  const attributes = [`<Nextstyle:${name}>`];
  if (style.weight !== undefined || style.italic !== undefined)
    attributes.push(
      `<cTypeface:${escapeTagValue(typefaceName(style.weight ?? 'regular', style.italic ?? false))}>`,
    );
  if (style.color) attributes.push(`<cColor:${escapeTagValue(swatchName(style.color))}>`);
  return `<DefineCharStyle:${name}=${attributes.join('')}>`;
}

/** What a cell style sets: the padding on every side, the fill (none for a plain cell), the text's paragraph style. */
export type CellStyleSpec = { inset: number; fill?: Cmyk | undefined; paragraphStyle: string };

/**
 * `<DefineCellStyle:Name=<tCellAttrLeftInset:…>…<tCellFillColor:…><tCellAttrFillTint:100>
 * <tCellStyleParaStyle:…>>`: the insets, the fill and the paragraph style every cell of that kind
 * shares, defined once instead of on each of 100,000 cells, so a designer restyles the table by
 * editing one style. The tags are InDesign's own cell attributes (Using Adobe InDesign CS5 Tagged
 * Text, "Table tags"); `DefineCellStyle` and `tCellStyleParaStyle` are as InDesign writes them in a
 * cell style definition (definitions exported from InDesign 13+ and quoted in public generators, e.g.
 * `<DefineCellStyle:GH-Import=<tCellAttrLeftInset:5.67>…<tCellStyleParaStyle:NormalParagraphStyle>>`).
 */
export function defineCellStyle(name: string, spec: CellStyleSpec): string {
  const pad = tagNumber(spec.inset);
  const attributes = ['Left', 'Top', 'Right', 'Bottom'].map((side) => `<tCellAttr${side}Inset:${pad}>`);
  if (spec.fill)
    attributes.push(`<tCellFillColor:${escapeTagValue(swatchName(spec.fill))}>`, '<tCellAttrFillTint:100>');
  attributes.push(`<tCellStyleParaStyle:${escapeTagValue(spec.paragraphStyle)}>`);
  return `<DefineCellStyle:${escapeTagValue(name)}=${attributes.join('')}>`;
}

/**
 * `<DefineTableStyle:Name=<tHeaderCellStyle:…>>`: the table style every price table is in, naming
 * the cell style of its header rows (the header region of InDesign's Table Style Options), as in
 * InDesign's own definitions (`<DefineTableStyle:…=…<tHeaderCellStyle:\[None\]>…>`).
 */
export function defineTableStyle(name: string, headerCellStyle: string): string {
  return `<DefineTableStyle:${escapeTagValue(name)}=<tHeaderCellStyle:${escapeTagValue(headerCellStyle)}>>`;
}
