import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { SECOND_CHOICE } from '../../../../main/engine/mapping/second-choices.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { makeTable } from './make-table.ts';

const letters = (suggestion: ReturnType<typeof suggestMapping>) =>
  Object.fromEntries(Object.entries(suggestion.mapping.fields).map(([id, m]) => [id, m.columns[0]!.letter]));

describe('second choices', () => {
  it('offers "Description" for the name and "Size" for the unit when no header names them, weakly', async () => {
    const template = await loadTemplate('price-list');
    const table = makeTable(
      ['Item Code', 'Description', 'Size', 'MRP (incl. of all taxes)'],
      [
        ['PC-3', 'Pressure cooker 3 L', '3 L', '₹1,650.00'],
        ['PC-5', 'Pressure cooker 5 L', '5 L', '₹2,150.00'],
      ],
    );
    const suggestion = suggestMapping(table, template);
    expect(letters(suggestion)).toMatchObject({ reference: 'A', name: 'B', unit: 'C', priceTtc: 'D' });
    expect(suggestion.matches.find((m) => m.field === 'name')!.score).toBe(SECOND_CHOICE);
  });

  it('keeps "Description" for the description when the template has one and a name column exists', async () => {
    const template = await loadTemplate('product-grid');
    const table = makeTable(
      ['SKU', 'Name', 'Description', 'Price'],
      [['TS-1', 'Classic tee', 'Organic cotton, crew neck', 19]],
    );
    expect(letters(suggestMapping(table, template))).toMatchObject({ name: 'B', description: 'C' });
  });

  it('takes a leftover "Produits" column of repeated families for the category', async () => {
    const template = await loadTemplate('price-list');
    const table = makeTable(
      ['Code', 'Produits', 'Dénomination', 'prix_tvac'],
      [
        ['B-1', 'Bières', 'Blonde 33 cl', '1,95 €'],
        ['B-2', 'Bières', 'Brune 33 cl', '2,10 €'],
        ['V-1', 'Vins', 'Bordeaux 75 cl', '9,90 €'],
        ['V-2', 'Vins', 'Chinon 75 cl', '8,50 €'],
      ],
    );
    expect(letters(suggestMapping(table, template))).toMatchObject({
      reference: 'A',
      category: 'B',
      name: 'C',
    });
  });

  it('maps a sheet without a header from its values: codes, the wordiest text, amounts with cents', async () => {
    const template = await loadTemplate('price-list');
    const table = {
      ...makeTable(
        ['[A]', '[B]', '[C]', '[D]'],
        [
          ['QX-1001', 'Tournevis plat 5,5 x 100', 12, 4.9],
          ['QX-1002', 'Tournevis cruciforme PH2', 6, 5.2],
          ['QX-1010', 'Jeu de 6 tournevis électricien', 24, 24.5],
        ],
      ),
      headerless: true,
    };
    expect(letters(suggestMapping(table, template))).toEqual({ reference: 'A', name: 'B', price: 'D' });
  });
});
