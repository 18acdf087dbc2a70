import { describe, expect, it } from 'vitest';
import {
  EXACT,
  PREFIX,
  WORDS,
  columnScore,
  foldHeader,
  headerScore,
  meaningOf,
  typeAffinity,
} from '../../../../main/engine/mapping/match-score.ts';
import type { ColumnType, SourceColumn } from '../../../../main/engine/model.ts';

const column = (
  header: string,
  type: ColumnType = 'text',
  extra: Partial<SourceColumn> = {},
): SourceColumn => ({
  index: 0,
  letter: 'A',
  header,
  hidden: false,
  type,
  samples: [],
  ...extra,
});

const words = (header: string): string[] => foldHeader(header).split(' ');

describe('headerScore', () => {
  const reference = meaningOf('reference', ['réf', 'code article', 'code']);
  const price = meaningOf('price', ['prix', 'prix ht', 'pu ht']);

  it('tells exact, prefixed and scattered readings apart', () => {
    expect(headerScore(words('Réf.'), reference)).toBe(EXACT);
    expect(headerScore(words('Réf. fournisseur'), reference)).toBe(PREFIX);
    expect(headerScore(words('Nouveau code article'), reference)).toBe(WORDS);
    expect(headerScore(words('Désignation'), reference)).toBe(0);
    expect(headerScore([], reference)).toBe(0);
  });

  it('rules out readings with a word that means something else', () => {
    expect(headerScore(words('Prix achat'), price)).toBe(0);
    expect(headerScore(words('Prix TTC'), price)).toBe(0);
    expect(headerScore(words('Prix HT'), price)).toBe(EXACT);
  });
});

describe('columnScore', () => {
  const price = meaningOf('price', ['prix', 'prix ht'], 'price');
  const priceTtc = meaningOf('priceTtc', ['prix ttc', 'prix public ttc']);

  it('adds a little for a column of the right type and takes some off a hidden column', () => {
    expect(columnScore(column('Prix HT', 'price'), price, [])).toBe(1.05);
    expect(columnScore(column('Prix HT', 'text'), price, [])).toBe(1);
    expect(columnScore(column('Prix HT', 'price', { hidden: true }), price, [])).toBe(0.9);
  });

  it('drops below the threshold when another field names the header better', () => {
    const loose = meaningOf('price', ['prix'], 'price');
    expect(columnScore(column('Prix public TTC', 'price'), loose, [priceTtc])).toBeLessThan(0.6);
    expect(columnScore(column('Prix public', 'price'), loose, [priceTtc])).toBe(0.9);
  });
});

describe('typeAffinity', () => {
  it('likes barcodes for an EAN field and file names for a picture field', () => {
    expect(typeAffinity('ean', column('EAN', 'ean'))).toBeGreaterThan(0);
    expect(typeAffinity('ean', column('EAN', 'price'))).toBeLessThan(0);
    expect(typeAffinity('image', column('Photo', 'text', { samples: ['a.jpg', 'b.PNG'] }))).toBeGreaterThan(
      0,
    );
    expect(typeAffinity('image', column('Photo', 'text', { samples: ['oui', 'non'] }))).toBe(0);
    expect(typeAffinity(undefined, column('Photo', 'number'))).toBe(0);
  });
});
