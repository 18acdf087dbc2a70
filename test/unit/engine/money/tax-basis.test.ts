import { describe, expect, it } from 'vitest';
import { decideBasis, readBasis } from '../../../../main/engine/money/tax-basis.ts';

describe('the tax basis a header says', () => {
  it.each([
    'Prix HT',
    'PU H.T.',
    'Prix HTVA',
    'prix_htva',
    'Prix hors taxe',
    'Tarif hors taxes',
    'Price excl. VAT',
    'Price ex-VAT',
    'Price ex. tax',
    'Net price',
    'Prix net',
    'Prix public HT',
  ])('%j is before tax', (header) => {
    expect(readBasis(header).basis).toBe('excl');
  });

  it.each([
    'Prix TTC',
    'prix_tvac',
    'TVAC',
    'prixTTC',
    'Prix TVA comprise',
    'Price incl. VAT',
    'Price inc VAT',
    'Gross price',
  ])('%j includes tax', (header) => {
    expect(readBasis(header)).toEqual({ basis: 'incl', retail: false });
  });

  it.each(['Prix public', 'PV conseillé', 'RRP', 'Retail price'])(
    '%j is a retail price: tax included by FR/BE/UK convention',
    (header) => {
      expect(readBasis(header)).toEqual({ basis: 'incl', retail: true });
    },
  );

  it.each(['Prix', 'Price', 'Tarif 2026', 'MSRP', 'Prix unitaire'])('%j says nothing', (header) => {
    expect(readBasis(header).basis).toBe('unknown');
  });
});

describe('decideBasis', () => {
  const decide = (header: string, preamble: string[] = [], setting?: 'excl' | 'incl') =>
    decideBasis({ header, letter: 'E', preamble, ...(setting ? { setting } : {}) });

  it('reads the header first, naming it', () => {
    const d = decide('prix_tvac', ['Tarif HT']);
    expect(d).toMatchObject({ basis: 'incl', source: 'header', said: 'prix_tvac' });
    expect(d.evidence.fr).toContain('en-tête « prix_tvac » (E)');
  });

  it.each([
    ['Prices exclude 10 % VAT', 'excl'],
    ['Tarif HT 2026', 'excl'],
    ['Tous nos prix sont TTC', 'incl'],
    ['All prices include VAT', 'incl'],
    ['Prices are exclusive of VAT', 'excl'],
  ] as const)('else the title: %j', (line, basis) => {
    const d = decide('Prix', ['Quincaillerie Martin', line]);
    expect(d).toMatchObject({ basis, source: 'title', said: line });
    expect(d.evidence.en).toContain(line);
  });

  it("else the user's setting, else unknown", () => {
    expect(decide('Prix', ['Tarif 2026'], 'incl')).toMatchObject({ basis: 'incl', source: 'setting' });
    const unknown = decide('Prix', ['Tarif 2026']);
    expect(unknown).toMatchObject({ basis: 'unknown', source: 'none' });
    expect(unknown.evidence.fr).toContain("ni l'en-tête « Prix » (E) ni le titre");
  });

  it('does not pick between titles that contradict each other', () => {
    expect(decide('Prix', ['Prix HT', 'Tous nos prix sont TTC']).basis).toBe('unknown');
  });
});
