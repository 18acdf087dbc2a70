import { beforeAll, describe, expect, it } from 'vitest';
import { encodeTaggedText } from '../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import type { TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { gridTaggedText, type GridTextOptions } from '../../../../main/engine/price-grid/grid-tagged-text.ts';
import {
  GRID_STYLES,
  gridStyles,
  loadGridTemplate,
  type GridTemplate,
} from '../../../../main/engine/price-grid/grid-template.ts';
import { figureLabel } from '../../../../main/engine/price-grid/grid-words.ts';
import { layoutPriceGrid } from '../../../../main/engine/price-grid/layout-price-grid.ts';
import {
  priceResellerGrid,
  type PricingSettings,
  type ResellerGrid,
} from '../../../../main/engine/price-grid/price-reseller-grid.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import { parseTaggedTextFile, type ParsedTaggedText } from '../../../support/tagged-text-grammar.ts';
import { GRIDS, reseller, SETTINGS } from './grid-fixtures.ts';

const SETTINGS_FULL: PricingSettings = {
  ...SETTINGS,
  rounding: { step: 5, mode: 'nearest' },
  minimumCents: 500,
  publicPrice: { markup: '1.6', rounding: { step: 'psychological-90', mode: 'up' }, roundOn: 'ttc' },
};

let template: GridTemplate;
let grid: ResellerGrid;
beforeAll(async () => {
  template = await loadGridTemplate('price-grid');
  const result = priceResellerGrid(GRIDS, reseller({ level: 'Or' }), SETTINGS_FULL, 'Revendeurs');
  grid = result.grid!;
});

const options = (lang: 'fr' | 'en'): GridTextOptions => ({
  template,
  locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
  lang,
  title: lang === 'fr' ? 'Tarifs revendeurs 2027' : 'Trade price list 2027',
  currency: 'EUR',
  sign: '€',
  basis: 'ht',
  validity: { from: '2027-01-01', until: '2027-12-31' },
  terms: ['Paiement à 30 jours.'],
});

/** Built, encoded as a file and read back by our strict reader: it throws on anything InDesign would misread. */
const parsed = (lang: 'fr' | 'en', variant: 'win' | 'mac' = 'win'): ParsedTaggedText =>
  parseTaggedTextFile(encodeTaggedText(gridTaggedText(grid, { ...options(lang), variant }), variant));

describe('gridTaggedText', () => {
  it('reads back cleanly in both variants, every style it uses defined', () => {
    for (const variant of ['win', 'mac'] as const) {
      const text = parsed('fr', variant);
      expect(text.encoding).toBe(variant === 'win' ? 'UNICODE-WIN' : 'UNICODE-MAC');
      const used = new Set([
        ...text.paragraphs.map((p) => p.style),
        ...text.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.style))),
      ]);
      for (const style of used) expect(Object.keys(text.paragraphStyles)).toContain(style);
      expect(used).toContain(GRID_STYLES.price.name);
    }
  });

  it('one table per family: 2 header rows, 1 + variants × figures columns, a row per tier', () => {
    const text = parsed('fr');
    expect(text.tables).toHaveLength(grid.families.length);
    for (const [i, family] of grid.families.entries()) {
      const table = text.tables[i]!;
      expect(table.headerRowCount).toBe(2);
      expect(table.columnCount).toBe(1 + family.variants.length * family.figures.length);
      expect(table.rowCount).toBe(2 + family.tiers.length);
      expect(table.rows).toHaveLength(2 + family.tiers.length);
      expect(table.columnWidths).toHaveLength(table.columnCount);
      const [names, labels] = table.rows;
      expect(names!.cells[0]!.text).toBe('Quantité (ex.)');
      expect(names!.cells.map((c) => c.text).filter(Boolean)).toEqual(['Quantité (ex.)', ...family.variants]);
      expect(labels!.cells.map((c) => c.text)).toEqual([
        'en €',
        ...family.variants.flatMap(() => family.figures.map((f) => figureLabel(f, 'ht', 'fr'))),
      ]);
      // Each tier row starts with its quantity.
      expect(table.rows.slice(2).map((r) => r.cells[0]!.text.replace(/\u202f/g, ' '))).toEqual(
        family.tiers.map((t) => new Intl.NumberFormat('fr-FR').format(t.quantity).replace(/\u202f/g, ' ')),
      );
    }
    // The families' paragraphs come before their tables, with their VAT.
    expect(text.paragraphs.find((p) => p.style === GRID_STYLES.familyHeader.name)!.text).toMatch(
      /^Cartes\tTVA[ \u00a0]20/,
    );
  });

  it('prints the same amounts as the PDF, in the same order, stars on the net HT only', () => {
    for (const lang of ['fr', 'en'] as const) {
      const plan = layoutPriceGrid(grid, {
        ...options(lang),
        fonts: BUNDLED_FONTS,
        supplier: undefined,
        logos: {},
      });
      const fromPlan = plan.pages
        .flatMap((p) => p.boxes)
        .filter((b): b is TextBox => b.kind === 'text' && b.field !== undefined)
        .map((b) => b.lines.map((l) => l.runs.map((r) => r.text).join('')).join(''));
      const cells = parsed(lang).tables.flatMap((t) => t.rows.slice(2).flatMap((r) => r.cells));
      const styles = gridStyles(template, lang);
      const fromText = cells.filter((c) => c.style === styles.price.name && c.text).map((c) => c.text);
      expect(fromText.map((t) => t.replace(/\*$/, ''))).toEqual(fromPlan);
      expect(fromPlan.length).toBeGreaterThan(10);
      // 3,00 × 0,8 = 2,40 → the 5,00 minimum: starred once, on its net HT.
      const starred = fromText.filter((t) => t.endsWith('*'));
      expect(starred).toEqual([lang === 'fr' ? '5,00*' : '5.00*']);
      const notAvailable = cells
        .filter((c) => c.style === styles.notAvailable.name && c.text)
        .map((c) => c.text);
      expect(notAvailable).toEqual(['–', lang === 'fr' ? 'sur devis' : 'on request']);
    }
  });

  it('an English list speaks English throughout', () => {
    const text = parsed('en');
    const all = [
      ...text.paragraphs.map((p) => p.text),
      ...text.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))),
    ].join('\n');
    for (const word of [
      'Quantity',
      'in €',
      'Net ex. VAT',
      'Net inc. VAT',
      'Retail inc. VAT',
      'How to read this grid',
      'Terms',
      'Or level',
      'Prices valid from 1 January 2027 to 31 December 2027',
      'VAT 20%',
    ])
      expect(all).toContain(word);
    for (const word of [
      'Quantité',
      'sur devis',
      'TTC',
      'HT',
      'Niveau',
      'Tarifs valables',
      'Comment lire',
      'TVA',
      'remise',
    ])
      expect(all).not.toContain(word);
    // 1 234,50 × 0,8, written the English way.
    expect(all).toContain('987.60');
  });
});

describe('gridTaggedText: style names in the build’s language', () => {
  const names = (text: ParsedTaggedText) => [
    ...Object.keys(text.paragraphStyles),
    ...Object.keys(text.characterStyles),
  ];

  it('names the house styles in English for an English list, in French for a French one', () => {
    const en = names(parsed('en'));
    expect(en).toContain('Grid – Price');
    expect(en).toContain('Bold');
    expect(en.filter((n) => /Grille|Gras|Italique/.test(n))).toEqual([]);
    const fr = names(parsed('fr'));
    expect(fr).toContain('Grille – Prix');
    expect(fr).toContain('Gras');
    expect(fr.filter((n) => /^Grid|^Bold|^Italic/.test(n))).toEqual([]);
  });

  it('keeps the name a template gives its own style, in every language', () => {
    const own: GridTemplate = {
      ...template,
      styles: {
        ...template.styles,
        paragraph: { ...template.styles.paragraph, price: { ...GRID_STYLES.price, name: 'Tarif maison' } },
      },
    };
    const text = parseTaggedTextFile(
      encodeTaggedText(gridTaggedText(grid, { ...options('en'), template: own }), 'win'),
    );
    expect(Object.keys(text.paragraphStyles)).toContain('Tarif maison');
    expect(Object.keys(text.paragraphStyles)).not.toContain('Grid – Price');
  });
});

describe('price grid stripes', () => {
  it('are at least 8 % in the template, the tagged text and the PDF: a lighter tint may not print', () => {
    expect(template.table.stripeFill[3]).toBeGreaterThanOrEqual(8);
    const text = parsed('fr');
    // Every second tier row of a family carries the stripe's swatch.
    const fills = text.tables.flatMap((t) =>
      t.rows.slice(2).map((r) => r.cells[0]!.cellAttributes.tCellFillColor),
    );
    expect(fills).toContain('C=0 M=0 Y=0 K=8');
    expect(fills.filter((f) => f !== undefined && f !== 'C=0 M=0 Y=0 K=8')).toEqual([]);
    const plan = layoutPriceGrid(grid, {
      ...options('fr'),
      fonts: BUNDLED_FONTS,
      supplier: undefined,
      logos: {},
    });
    const rects = plan.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'rect');
    expect(rects.some((r) => r.kind === 'rect' && r.fill?.join(',') === '0,0,0,8')).toBe(true);
    expect(rects.some((r) => r.kind === 'rect' && r.fill?.join(',') === '0,0,0,5')).toBe(false);
  });
});
