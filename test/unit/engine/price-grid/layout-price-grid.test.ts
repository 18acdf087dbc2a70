import { beforeAll, describe, expect, it } from 'vitest';
import type { PriceGrid } from '../../../../main/engine/grid/grid-model.ts';
import type { LayoutPlan, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { preflight } from '../../../../main/engine/preflight/preflight.ts';
import { quantityText } from '../../../../main/engine/price-grid/grid-words.ts';
import {
  GRID_STYLES,
  GRID_STYLE_NAMES_EN,
  loadGridTemplate,
  type GridTemplate,
} from '../../../../main/engine/price-grid/grid-template.ts';
import {
  layoutPriceGrid,
  type GridLayoutOptions,
} from '../../../../main/engine/price-grid/layout-price-grid.ts';
import {
  priceResellerGrid,
  type PricingSettings,
  type ResellerGrid,
} from '../../../../main/engine/price-grid/price-reseller-grid.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import { GRIDS, price, reseller, SETTINGS } from './grid-fixtures.ts';

/** Spaces of every kind as one: French typography puts no-break ones where it must. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const textOf = (box: TextBox) => plain(box.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' '));
const texts = (plan: LayoutPlan) =>
  plan.pages.flatMap((page) =>
    page.boxes
      .filter((b): b is TextBox => b.kind === 'text')
      .map((box) => ({ page: page.number, box, text: textOf(box) })),
  );

let template: GridTemplate;
beforeAll(async () => {
  template = await loadGridTemplate('price-grid');
});

const AT_COST: PricingSettings = {
  levels: { Or: { kind: 'coefficient', value: '1' } },
  vatByFamily: {},
  familyRates: { reseller: {}, level: {} },
};

/** Family `k`'s prices are `k × 10 000,00 + t`, so a printed amount tells its family and tier. */
const centsOf = (k: number, t: number, v: number) => k * 1_000_000 + t * 100 + v;
function familiesGrid(spec: { name: string; tiers: number; variants?: string[] }[]): PriceGrid {
  return {
    sheet: 'Grilles',
    format: 'matrix',
    families: spec.map(({ name, tiers, variants = ['Recto', 'Recto/verso'] }, k) => ({
      name,
      variants,
      tiers: Array.from({ length: tiers }, (_, t) => ({
        quantity: (t + 1) * 100,
        row: t + 2,
        label: String((t + 1) * 100),
        cells: variants.map((_, v) => price(centsOf(k + 1, t, v), `Grilles!B${t + 2}`)),
      })),
    })),
  };
}

const priced = (
  grids: PriceGrid[],
  settings: PricingSettings = AT_COST,
  name = 'Dupont & Fils',
): ResellerGrid => {
  const result = priceResellerGrid(grids, reseller({ name, level: 'Or' }), settings, 'Revendeurs');
  if (!result.grid) throw new Error(JSON.stringify(result.issues));
  return result.grid;
};

const layout = (grid: ResellerGrid, over: Partial<GridLayoutOptions> = {}): LayoutPlan =>
  layoutPriceGrid(grid, {
    template,
    fonts: BUNDLED_FONTS,
    locale: 'fr-FR',
    lang: 'fr',
    title: 'Tarifs revendeurs 2027',
    currency: 'EUR',
    basis: 'ht',
    validity: { from: '2027-01-01', until: '2027-12-31' },
    terms: ['Paiement à 30 jours fin de mois.', 'Franco de port dès 150 € HT.'],
    supplier: {
      name: 'Imprimerie Atlas',
      address: '12 rue des Presses, 69003 Lyon',
      phone: '04 72 00 00 00',
      email: 'contact@atlas-imprimerie.fr',
      website: 'www.atlas-imprimerie.fr',
    },
    logos: {},
    ...over,
  });

/** The page each family's price rows landed on, read back from the printed amounts. */
function pagesOfFamilies(plan: LayoutPlan, families: number): Map<number, Set<number>> {
  const found = new Map<number, Set<number>>();
  for (const { page, box, text } of texts(plan)) {
    if (box.field !== 'net-ht') continue;
    const family = Math.floor(Number(text.replace(/ /g, '').replace(',', '.')) / 10_000);
    expect(family).toBeGreaterThanOrEqual(1);
    expect(family).toBeLessThanOrEqual(families);
    if (!found.has(family)) found.set(family, new Set());
    found.get(family)!.add(page);
  }
  return found;
}

describe('layoutPriceGrid: tables and pages', () => {
  it('never splits a family that fits on a page: it moves whole to the next page', () => {
    const spec = [
      { name: 'Cartes', tiers: 10 },
      { name: 'Flyers', tiers: 26 },
      { name: 'Dépliants', tiers: 26 },
      { name: 'Affiches', tiers: 12 },
    ];
    const plan = layout(priced([familiesGrid(spec)]));
    const pages = pagesOfFamilies(plan, spec.length);
    expect(pages.size).toBe(spec.length);
    for (const [family, on] of pages) expect([family, [...on]]).toEqual([family, [...on].slice(0, 1)]);
    // The test means something only if a family did not fit where the previous one ended.
    expect(plan.pages.length).toBeGreaterThanOrEqual(3);
    const all = texts(plan);
    for (const [k, { name, tiers }] of spec.entries()) {
      const page = [...pages.get(k + 1)!][0]!;
      const rows = all.filter(
        (t) =>
          t.box.field === 'net-ht' &&
          Math.floor(Number(t.text.replace(/ /g, '').replace(',', '.')) / 10_000) === k + 1,
      );
      expect(rows).toHaveLength(tiers * 2);
      // Its title and header rows are on the same page, above its rows.
      const title = all.find((t) => t.box.style === GRID_STYLES.familyHeader.name && t.text === name);
      expect(title?.page).toBe(page);
      const header = all.filter(
        (t) => t.page === page && t.box.style === GRID_STYLES.tableHeader.name && t.text === 'Recto',
      );
      expect(
        header.some((h) => h.box.y > title!.box.y && h.box.y < Math.min(...rows.map((r) => r.box.y))),
      ).toBe(true);
    }
  });

  it('splits a family taller than a page, its header repeated under a « (suite) » title', () => {
    const variants = ['Couché mat 350 g', 'Pelliculé mat', 'Soft touch'];
    const plan = layout(priced([familiesGrid([{ name: 'Cartes de visite', tiers: 90, variants }])]));
    const all = texts(plan);
    const rowPages = [...new Set(all.filter((t) => t.box.field === 'net-ht').map((t) => t.page))];
    expect(rowPages.length).toBeGreaterThanOrEqual(2);
    for (const page of rowPages) {
      const on = all.filter((t) => t.page === page);
      const firstRow = Math.min(...on.filter((t) => t.box.field === 'net-ht').map((t) => t.box.y));
      for (const name of [...variants, 'Quantité (ex.)']) {
        const header = on.find((t) => t.box.style === GRID_STYLES.tableHeader.name && t.text === name);
        expect(header, `« ${name} » on page ${page}`).toBeDefined();
        expect(header!.box.y).toBeLessThan(firstRow);
      }
      const titles = on.filter((t) => t.box.style === GRID_STYLES.familyHeader.name).map((t) => t.text);
      expect(titles).toEqual([page === rowPages[0] ? 'Cartes de visite' : 'Cartes de visite (suite)']);
    }
    // Every tier printed once, in order.
    const quantities = all.filter((t) => t.box.style === GRID_STYLES.quantity.name).map((t) => t.text);
    expect(quantities).toEqual(
      Array.from({ length: 90 }, (_, t) => plain(quantityText((t + 1) * 100, 'fr-FR'))),
    );
  });

  it('says on every page whom the list is for, and numbers the pages « Page n / N »', () => {
    for (const lang of ['fr', 'en'] as const) {
      const plan = layout(priced([familiesGrid([{ name: 'Cartes', tiers: 90 }])]), {
        lang,
        locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      });
      const n = plan.pages.length;
      expect(n).toBeGreaterThanOrEqual(2);
      const confidential =
        lang === 'fr' ? 'Confidentiel — réservé à Dupont & Fils' : 'Confidential — for Dupont & Fils only';
      for (const page of plan.pages) {
        const on = texts(plan)
          .filter((t) => t.page === page.number)
          .map((t) => t.text);
        expect(on).toContain(confidential);
        expect(on).toContain(`Page ${page.number} / ${n}`);
      }
    }
  });

  it('white label: no supplier name, address, phone, e-mail, website or logo anywhere', () => {
    const supplierLogo = { source: { path: '/logos/atlas.png' }, pixels: { width: 900, height: 300 } };
    const grid = priced([familiesGrid([{ name: 'Cartes', tiers: 90 }])]);
    const identity = [
      'Imprimerie Atlas',
      'Atlas',
      '12 rue des Presses',
      '04 72 00 00 00',
      'contact@atlas',
      'www.atlas',
    ];

    // The same list with the supplier shown: the words are there to be left out.
    const branded = layout(grid, { logos: { supplier: supplierLogo } });
    const brandedText = texts(branded)
      .map((t) => t.text)
      .join('\n');
    for (const word of identity) expect(brandedText).toContain(word);
    expect(branded.pages[0]!.boxes.some((b) => b.kind === 'image')).toBe(true);

    const white = layout(grid, {
      template: { ...template, whiteLabel: true },
      logos: { supplier: supplierLogo },
    });
    const whiteText = [white.title, ...texts(white).map((t) => t.text)].join('\n');
    for (const word of identity) expect(whiteText).not.toContain(word);
    expect(white.pages.flatMap((p) => p.boxes).some((b) => b.kind === 'image')).toBe(false);
    // Still the reseller's list, on every page.
    for (const page of white.pages)
      expect(
        texts(white)
          .filter((t) => t.page === page.number)
          .map((t) => t.text),
      ).toContain('Confidentiel — réservé à Dupont & Fils');
  });

  it('keeps every text inside the safe area (running lines inside the page), nothing overset', () => {
    const variants = [
      'Couché mat 350 g recto',
      'Couché mat 350 g recto/verso',
      'Pelliculé mat recto/verso',
      'Pelliculé soft touch recto/verso',
    ];
    const settings: PricingSettings = {
      ...SETTINGS,
      levels: { Or: { kind: 'coefficient', value: '1.15' } },
      vatByFamily: { Cartes: '20', Flyers: '5,5' },
      publicPrice: { markup: '1.8', rounding: { step: 'psychological-90', mode: 'up' }, roundOn: 'ttc' },
      // Lifts the last variant of « Cartes » (25,00 × 1,15): its star sits by the last column.
      minimumCents: 3000,
    };
    const big: PriceGrid = {
      sheet: 'Cartes',
      format: 'matrix',
      families: [
        {
          name: 'Cartes de visite 85×55 — toutes finitions',
          variants,
          tiers: Array.from({ length: 50 }, (_, t) => ({
            quantity: (t + 1) * 250,
            row: t + 3,
            label: String((t + 1) * 250),
            cells: variants.map((_, v) => price(990 + t * 2_190 + v * 1_234, `Cartes!B${t + 3}`)),
          })),
        },
        ...GRIDS[0]!.families,
      ],
    };
    // Without VAT or public price, the net HT (and its star) is the last column.
    const netOnly = { ...settings, publicPrice: undefined, vatByFamily: {} };
    const starred = layout(priced([big], netOnly));
    for (const plan of [layout(priced([big], settings)), starred]) {
      const issues = preflight(plan, { mode: 'print', fonts: BUNDLED_FONTS, sheet: 'Revendeurs' });
      expect(issues.filter((i) => /OVERSET|OUTSIDE|GLYPH/.test(i.code))).toEqual([]);
      const margins = new Set([GRID_STYLES.running.name, GRID_STYLES.confidential.name]);
      const { safe } = plan;
      for (const { page, box, text } of texts(plan)) {
        const where = `page ${page} « ${text} » (${box.style})`;
        expect(box.overset, where).toBe(false);
        const area = margins.has(box.style) ? { x: 0, y: 0, width: plan.width, height: plan.height } : safe;
        expect(box.x, where).toBeGreaterThanOrEqual(area.x - 0.01);
        expect(box.y, where).toBeGreaterThanOrEqual(area.y - 0.01);
        expect(box.x + box.width, where).toBeLessThanOrEqual(area.x + area.width + 0.01);
        expect(box.y + box.height, where).toBeLessThanOrEqual(area.y + area.height + 0.01);
      }
    }
    // A star by the last column (« Cartes », Mat recto/verso, 100 ex.): it too must stay inside.
    const right = Math.max(
      ...texts(starred)
        .filter((t) => t.text === '*')
        .map((t) => t.box.x + t.box.width),
    );
    expect(right).toBeGreaterThan(starred.safe.x + starred.safe.width - 12);
  });
});

describe('layoutPriceGrid: the legend', () => {
  const legendOf = (plan: LayoutPlan) =>
    texts(plan)
      // The house style, named in either language.
      .filter((t) => t.box.style === GRID_STYLES.legend.name || t.box.style === GRID_STYLE_NAMES_EN.legend)
      .map((t) => t.text);
  const stars = (plan: LayoutPlan) => texts(plan).filter((t) => t.text === '*');

  it('states the rounding with the currency sign', () => {
    const plan = layout(priced(GRIDS, { ...SETTINGS, rounding: { step: 5, mode: 'up' } }));
    expect(legendOf(plan)[0]).toContain('arrondi au 0,05 € supérieur');
    const en = layout(priced(GRIDS, { ...SETTINGS, rounding: { step: 10, mode: 'nearest' } }), {
      lang: 'en',
      locale: 'en-GB',
    });
    expect(legendOf(en)[0]).toContain('rounded to the nearest €0.10');
  });

  it('explains the star only when a minimum was applied to some price', () => {
    const hit = layout(priced(GRIDS, { ...SETTINGS, minimumCents: 500 }));
    expect(legendOf(hit)).toContain('* Prix minimum appliqué (5,00 €).');
    expect(stars(hit).length).toBeGreaterThan(0);

    const notHit = layout(priced(GRIDS, { ...SETTINGS, minimumCents: 100 }));
    expect(legendOf(notHit).some((line) => line.includes('minimum'))).toBe(false);
    expect(stars(notHit)).toEqual([]);
  });

  it('explains « sur devis » only when a cell says it', () => {
    const withQuote = layout(priced(GRIDS));
    expect(legendOf(withQuote)).toContain('sur devis : prix sur demande, nous consulter.');
    expect(
      texts(withQuote).some((t) => t.text === 'sur devis' && t.box.style === GRID_STYLES.notAvailable.name),
    ).toBe(true);

    const without = layout(priced([familiesGrid([{ name: 'Cartes', tiers: 3 }])]));
    expect(legendOf(without).some((line) => line.includes('sur devis'))).toBe(false);
    expect(legendOf(without).some((line) => line.startsWith('–'))).toBe(false);
  });
});
