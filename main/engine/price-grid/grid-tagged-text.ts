// One reseller's price list as InDesign tagged text: the title and the reseller's terms, then each
// family as a real table (two header rows InDesign repeats on every frame, one row per tier), then the
// legend and the terms. The same figures and words as the PDF, in the same paragraph styles by name,
// so a designer places the grids into their own document and restyles them once.
import { mm } from '../common/millimetres.ts';
import type { Lang } from '../model.ts';
import type { FontProvider } from '../layout/fonts.ts';
import { frenchTypography } from '../format/typography.ts';
import { escapeText, tagNumber } from '../export/tagged-text/escape-tagged-text.ts';
import {
  PARAGRAPH_END,
  TAGGED_TEXT_VERSION,
  type TaggedTextVariant,
} from '../export/tagged-text/build-tagged-text.ts';
import { StyleUse } from '../export/tagged-text/style-use.ts';
import { pageGeometry } from '../layout/page-geometry.ts';
import { gridCharacterStyles, gridStyles, type GridRole, type GridTemplate } from './grid-template.ts';
import {
  amountText,
  figureLabel,
  notAvailableText,
  quantityText,
  rateText,
  validityText,
  vatText,
  WORDS,
  type TaxBasis,
  type Validity,
} from './grid-words.ts';
import { gridLegend } from './grid-legend.ts';
import type { PricedFamily, ResellerGrid } from './price-reseller-grid.ts';

export type GridTextOptions = {
  template: GridTemplate;
  locale: string;
  lang: Lang;
  title: string;
  currency?: string | undefined;
  sign?: string | undefined;
  basis?: TaxBasis | undefined;
  validity?: Validity | undefined;
  terms: readonly string[];
  variant?: TaggedTextVariant;
  fonts?: FontProvider;
};

export function gridTaggedText(grid: ResellerGrid, options: GridTextOptions): string {
  const { template, lang, locale } = options;
  // Named in the build's language, as a catalog's tagged text (resolve-styles.ts) and the grid's PDF.
  const styles = gridStyles(template, lang);
  const use = new StyleUse(
    { paragraph: styles, character: gridCharacterStyles(template, lang) },
    template.id,
  );
  const typo = (text: string) => escapeText(lang === 'fr' ? frenchTypography(text) : text);
  const paragraphs: string[] = [];
  const para = (role: GridRole, text: string) => paragraphs.push(`${use.paraStyleTag(role)}${typo(text)}`);

  para('listTitle', options.title);
  para('resellerName', grid.reseller.name);
  const level = grid.reseller.level;
  const main = grid.families.find((f) => f.rate.source !== 'family');
  const terms = [
    level ? (lang === 'fr' ? `Niveau ${level}` : `${level} level`) : undefined,
    main ? rateText(main.rate, locale, lang) : undefined,
  ].filter(Boolean);
  if (terms.length) para('resellerTerms', terms.join(' · '));
  const validity = validityText(options.validity, locale, lang);
  if (validity) para('resellerTerms', validity);

  const width = pageGeometry(template.page).content.width;
  for (const family of grid.families) {
    const notes = [
      family.vat !== undefined ? vatText(family.vat, locale, lang) : undefined,
      family.rate.source === 'family' ? rateText(family.rate, locale, lang) : undefined,
    ].filter(Boolean);
    para('familyHeader', notes.length ? `${family.name}\t${notes.join(' · ')}` : family.name);
    paragraphs.push(`${use.paraStyleTag('price')}${table(family, use, options, width)}`);
  }
  para('legendTitle', WORDS.legend[lang]);
  for (const line of gridLegend(grid, options)) para('legend', line);
  if (options.terms.length) {
    para('legendTitle', WORDS.terms[lang]);
    for (const line of options.terms) para('legend', line);
  }

  const { colorTable, styles: definitions } = use.definitions();
  const start = options.variant === 'mac' ? '<UNICODE-MAC>' : '<UNICODE-WIN>';
  return [
    start,
    `<Version:${TAGGED_TEXT_VERSION}><FeatureSet:InDesign-Roman>${colorTable}`,
    ...definitions,
    ...paragraphs,
  ]
    .join(PARAGRAPH_END)
    .concat(PARAGRAPH_END);
}

/** A family's table: cells never span (each variant's name sits over its first figure column). */
function table(family: PricedFamily, use: StyleUse, options: GridTextOptions, width: number): string {
  const { template, lang, locale } = options;
  const t = template.table;
  const pad = tagNumber(mm(t.rowPadding));
  const inset = ['Left', 'Top', 'Right', 'Bottom'].map((side) => `<tCellAttr${side}Inset:${pad}>`).join('');
  const quantityWidth = Math.min(mm(t.quantityWidth), width / 4);
  const figureWidth = (width - quantityWidth) / Math.max(1, family.variants.length) / family.figures.length;
  const columns = 1 + family.variants.length * family.figures.length;
  const cell = (role: GridRole, text: string, fill?: typeof t.headerFill) =>
    `<CellStart:1,1${inset}${fill ? `<tCellFillColor:${use.fill(fill)}><tCellAttrFillTint:100>` : ''}>${use.paraStyleTag(role)}${escapeText(lang === 'fr' ? frenchTypography(text) : text)}<CellEnd:>`;
  const row = (role: GridRole, cells: string[]) =>
    `<RowStart:<tRowAttrHeight:${tagNumber(use.paragraph(role).leading + 2 * mm(t.rowPadding))}>>${cells.join('')}<RowEnd:>`;

  const names = row('tableHeader', [
    cell('tableHeader', WORDS.quantity[lang], t.headerFill),
    ...family.variants.flatMap((name) =>
      family.figures.map((_, f) => cell('tableHeader', f === 0 ? name : '', t.headerFill)),
    ),
  ]);
  const labels = row('tableSubHeader', [
    cell('tableSubHeader', options.sign ? WORDS.amountsIn(options.sign)[lang] : '', t.subHeaderFill),
    ...family.variants.flatMap(() =>
      family.figures.map((figure) =>
        cell('tableSubHeader', figureLabel(figure, options.basis, lang), t.subHeaderFill),
      ),
    ),
  ]);
  const body = family.tiers.map((tier, i) => {
    const stripe = i % 2 === 1 ? t.stripeFill : undefined;
    return row('price', [
      cell('quantity', quantityText(tier.quantity, locale), stripe),
      ...tier.cells.flatMap((c) =>
        family.figures.map((figure, f) => {
          if (c.kind === 'not-available')
            return cell('notAvailable', f === 0 ? notAvailableText(c, lang) : '', stripe);
          const cents = c.figures[figure];
          const star = c.minimumApplied && figure === 'net-ht' ? WORDS.minimumMark : '';
          return cell('price', cents === undefined ? '' : amountText(cents, locale) + star, stripe);
        }),
      ),
    ]);
  });
  const widths = [quantityWidth, ...Array.from({ length: columns - 1 }, () => figureWidth)]
    .map((w) => `<ColStart:<tColAttrWidth:${tagNumber(w)}>>`)
    .join('');
  return (
    `<TableStart:${family.tiers.length + 2},${columns}:2:0<tCellDefaultCellType:Text>>` +
    widths +
    names +
    labels +
    body.join('') +
    '<TableEnd:>'
  );
}
