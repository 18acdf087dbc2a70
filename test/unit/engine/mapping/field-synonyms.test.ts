import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SYNONYMS,
  builtinSynonyms,
  fieldSynonyms,
} from '../../../../main/engine/mapping/field-synonyms.ts';

describe('field synonyms', () => {
  it('knows the common fields in French and English', () => {
    expect(builtinSynonyms('reference')).toEqual(expect.arrayContaining(['réf', 'sku', 'code article']));
    expect(builtinSynonyms('price')).toEqual(expect.arrayContaining(['prix ht', 'pu ht', 'retail price']));
    expect(builtinSynonyms('priceTtc')).toContain('prix ttc');
    expect(builtinSynonyms('price')).not.toContain('prix ttc');
    expect(Object.keys(BUILTIN_SYNONYMS)).toEqual(
      expect.arrayContaining([
        'name',
        'unit',
        'vat',
        'ean',
        'image',
        'brand',
        'category',
        'color',
        'sizes',
        'url',
      ]),
    );
  });

  it('finds the built-in words of an id written in another case, and none for an unknown id', () => {
    expect(builtinSynonyms('Reference')).toEqual(builtinSynonyms('reference'));
    expect(builtinSynonyms('finish')).toEqual([]);
  });

  it("merges the field's id, labels and own synonyms with the built-in ones, once each", () => {
    const synonyms = fieldSynonyms({
      id: 'price',
      label: { fr: 'Prix HT', en: 'Price' },
      synonyms: ['Tarif revendeur', 'prix ht'],
    });
    expect(synonyms.slice(0, 5)).toEqual(['price', 'Prix HT', 'Price', 'Tarif revendeur', 'prix ht']);
    expect(synonyms).toContain('pu ht');
    expect(synonyms.filter((synonym) => synonym === 'prix ht')).toHaveLength(1);
  });
});
