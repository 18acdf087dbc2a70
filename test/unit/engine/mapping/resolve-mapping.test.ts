import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';
import { resolveMapping } from '../../../../main/engine/mapping/resolve-mapping.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { makeTable } from './make-table.ts';
import { makeTemplate } from './make-template.ts';

const letters = (result: ReturnType<typeof resolveMapping>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(result.fields).map(([field, resolved]) => [
      field,
      resolved.columns.map((column) => column.letter),
    ]),
  );

describe('resolveMapping', () => {
  const template = makeTemplate(['reference', 'name', 'price', 'priceTtc', 'ean']);
  const january = makeTable(
    [
      'Réf.',
      'Désignation',
      { header: 'Prix HT', type: 'price' },
      { header: 'Prix TTC', type: 'price' },
      'EAN',
    ],
    [['A1', 'Vis', 10, 12, '3760123456789']],
  );
  const profile = suggestMapping(january, template).mapping;

  it('finds every column of the file the profile was made on', () => {
    const result = resolveMapping(january, profile);
    expect(letters(result)).toEqual({
      reference: ['A'],
      name: ['B'],
      price: ['C'],
      priceTtc: ['D'],
      ean: ['E'],
    });
    expect(result.missing).toEqual([]);
  });

  it('re-applies to a file whose columns moved, one renamed to a synonym and one removed', () => {
    const february = makeTable(
      [{ header: 'Prix TTC', type: 'price' }, 'Désignation', { header: 'PU HT', type: 'price' }, 'Réf.'],
      [[12, 'Vis', 10, 'A1']],
    );
    const result = resolveMapping(february, profile);
    expect(letters(result)).toEqual({ reference: ['D'], name: ['B'], price: ['C'], priceTtc: ['A'] });
    expect(result.fields['price']?.positions).toEqual([2]);
    expect(result.missing).toEqual([{ field: 'ean', header: 'EAN' }]);
  });

  it('matches headers whatever their case, accents and punctuation', () => {
    const table = makeTable(['REF', 'designation'], [['A1', 'Vis']]);
    const mapping: Mapping = {
      version: 1,
      template: 't',
      fields: {
        reference: { columns: [{ header: 'Réf.' }], separator: ' ', transforms: [] },
        name: { columns: [{ header: 'Désignation' }], separator: ' ', transforms: [] },
      },
    };
    expect(letters(resolveMapping(table, mapping))).toEqual({ reference: ['A'], name: ['B'] });
  });

  it('never takes "Prix TTC" for a missing "Prix HT"', () => {
    const table = makeTable(['Réf.', { header: 'Prix TTC', type: 'price' }], [['A1', 12]]);
    const result = resolveMapping(table, profile);
    expect(result.fields['price']).toBeUndefined();
    expect(result.missing).toContainEqual({ field: 'price', header: 'Prix HT' });
    expect(letters(result)['priceTtc']).toEqual(['B']);
  });

  it('accepts a renamed header only on a strong reading', () => {
    const mapping: Mapping = {
      version: 1,
      template: 't',
      fields: { price: { columns: [{ header: 'Prix HT 2026' }], separator: ' ', transforms: [] } },
    };
    const nextYear = makeTable([{ header: 'Prix HT 2027', type: 'price' }], [[10]]);
    expect(letters(resolveMapping(nextYear, mapping))).toEqual({ price: ['A'] });
    // "Nouveau prix" has the word but does not start with it: close, not the same thing.
    const loose = makeTable([{ header: 'Nouveau prix', type: 'price' }], [[10]]);
    expect(resolveMapping(loose, mapping).missing).toEqual([{ field: 'price', header: 'Prix HT 2026' }]);
  });

  it('prefers the visible column when a hidden one has the same header', () => {
    const table = makeTable(
      [
        { header: 'Prix HT', type: 'price', hidden: true },
        { header: 'Prix HT', type: 'price' },
      ],
      [[8, 10]],
    );
    expect(letters(resolveMapping(table, profile))['price']).toEqual(['B']);
  });

  it('keeps the order, separator and transforms of a field fed by several columns', () => {
    const table = makeTable(['Couleur', 'Désignation'], [['Bleu', 'Pull']]);
    const mapping: Mapping = {
      version: 1,
      template: 't',
      fields: {
        name: {
          columns: [
            { header: 'Désignation', letter: 'A' },
            { header: 'Couleur', letter: 'B' },
            { header: 'Taille' },
          ],
          separator: ' – ',
          transforms: [{ op: 'trim' }],
        },
      },
    };
    const result = resolveMapping(table, mapping);
    expect(result.fields['name']).toMatchObject({
      positions: [1, 0],
      separator: ' – ',
      transforms: [{ op: 'trim' }],
    });
    expect(result.missing).toEqual([{ field: 'name', header: 'Taille' }]);
  });

  it('lets two fields share a column the profile gave to both', () => {
    const table = makeTable(['Désignation'], [['Vis']]);
    const mapping: Mapping = {
      version: 1,
      template: 't',
      fields: {
        name: { columns: [{ header: 'Désignation' }], separator: ' ', transforms: [] },
        description: { columns: [{ header: 'Désignation' }], separator: ' ', transforms: [] },
      },
    };
    expect(letters(resolveMapping(table, mapping))).toEqual({ name: ['A'], description: ['A'] });
  });

  it("uses the template's own synonyms when given", () => {
    const custom = makeTemplate([{ id: 'supplierRef', synonyms: ['Réf. fournisseur', 'Code fournisseur'] }]);
    const mapping: Mapping = {
      version: 1,
      template: 't',
      fields: { supplierRef: { columns: [{ header: 'Réf. fournisseur' }], separator: ' ', transforms: [] } },
    };
    const table = makeTable(['Code fournisseur'], [['F-1']]);
    expect(resolveMapping(table, mapping).missing).toHaveLength(1);
    expect(letters(resolveMapping(table, mapping, custom))).toEqual({ supplierRef: ['A'] });
  });
});
