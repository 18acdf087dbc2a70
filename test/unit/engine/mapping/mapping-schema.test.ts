import { describe, expect, it } from 'vitest';
import { FieldMapping, Mapping, Transform } from '../../../../main/engine/mapping/mapping-schema.ts';

describe('Mapping schema', () => {
  it('fills in the separator and transforms a hand-written profile leaves out', () => {
    const mapping = Mapping.parse({
      version: 1,
      template: 'fiche-produit',
      fields: { price: { columns: [{ header: 'Prix HT', letter: 'E' }] } },
    });
    expect(mapping.fields['price']).toEqual({
      columns: [{ header: 'Prix HT', letter: 'E' }],
      separator: ' ',
      transforms: [],
    });
  });

  it('accepts every transform', () => {
    const transforms = [
      { op: 'trim' },
      { op: 'case', to: 'title' },
      { op: 'prefix', value: 'Réf. ' },
      { op: 'suffix', value: ' €' },
      { op: 'default', value: 'Sur demande' },
      { op: 'map', values: { ecru: 'Ivory' } },
      { op: 'replace', find: '.', with: ',' },
    ];
    expect(transforms.map((transform) => Transform.safeParse(transform).success)).toEqual(
      transforms.map(() => true),
    );
  });

  it('rejects an unknown transform, a case style, an empty find and a field without columns', () => {
    expect(Transform.safeParse({ op: 'upper' }).success).toBe(false);
    expect(Transform.safeParse({ op: 'case', to: 'camel' }).success).toBe(false);
    expect(Transform.safeParse({ op: 'replace', find: '', with: 'x' }).success).toBe(false);
    expect(FieldMapping.safeParse({ columns: [] }).success).toBe(false);
  });

  it('reports misspelled keys instead of dropping them', () => {
    const result = FieldMapping.safeParse({ columns: [{ header: 'Prix HT' }], transfroms: [{ op: 'trim' }] });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['transfroms'] });
  });

  it('only knows version 1', () => {
    expect(Mapping.safeParse({ version: 2, template: 't', fields: {} }).success).toBe(false);
  });
});
