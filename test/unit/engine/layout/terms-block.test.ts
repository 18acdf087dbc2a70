import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { COUNTS, options, threeFamilies, withLayout } from './make-catalog.ts';
import { bodyPages, boxText, textBoxes } from './plan-queries.ts';

const priceList = await loadTemplate('price-list');
const catalog = threeFamilies(COUNTS['price-list']!, 'price-list');
const texts = (plan: ReturnType<typeof layoutCatalog>) =>
  plan.pages.flatMap(textBoxes).map((b) => boxText(b).replace(/\s+/g, ' '));

describe('the validity and terms of a price list', () => {
  it('prints the validity the user gave, after the last row, under « Conditions »', () => {
    const plan = layoutCatalog(catalog, priceList, {
      ...options('fr'),
      validity: { from: '2027-01-01', until: '2027-03-31' },
    });
    const last = bodyPages(plan).at(-1)!;
    const lines = textBoxes(last).map((b) => boxText(b).replace(/\s+/g, ' '));
    expect(lines).toContain('Conditions');
    expect(lines).toContain('Tarifs valables du 1 janvier 2027 au 31 mars 2027.');
    // Below every row of the list.
    const terms = textBoxes(last).find((b) => boxText(b) === 'Conditions')!;
    const rows = textBoxes(last).filter((b) => b.row !== undefined);
    for (const row of rows) expect(row.y).toBeLessThan(terms.y);
  });

  it('says it in English', () => {
    const plan = layoutCatalog(catalog, priceList, { ...options('en'), validity: { until: '2027-03-31' } });
    expect(texts(plan)).toContain('Prices valid until 31 March 2027.');
    expect(texts(plan)).toContain('Terms');
  });

  it('prints nothing when no validity was given: no date is invented', () => {
    const plan = layoutCatalog(catalog, priceList, options('fr'));
    expect(texts(plan)).not.toContain('Conditions');
    expect(texts(plan).join(' ')).not.toMatch(/valables/);
  });

  it('keeps a paragraph without tokens, drops one naming a date not given, and can sit on the first page', () => {
    const template = withLayout(priceList, {
      terms: {
        lines: [
          { fr: 'Franco de port dès 300 € HT.', en: 'Free delivery from €300 ex. VAT.' },
          'Valable jusqu’au {validUntil}.',
        ],
        place: 'first',
      },
    });
    const plan = layoutCatalog(catalog, template, { ...options('fr'), validity: { from: '2027-01-01' } });
    const first = bodyPages(plan)[0]!;
    const lines = textBoxes(first).map((b) => boxText(b).replace(/\s+/g, ' '));
    expect(lines).toContain('Franco de port dès 300 € HT.');
    expect(texts(plan).join(' ')).not.toMatch(/Valable jusqu/);
    const terms = textBoxes(first).find((b) => boxText(b) === 'Conditions')!;
    for (const row of textBoxes(first).filter((b) => b.row !== undefined))
      expect(row.y).toBeGreaterThan(terms.y);
  });
});
