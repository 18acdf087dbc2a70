import { describe, expect, it } from 'vitest';
import type { CatalogGroup, CatalogItem, FieldValue } from '../../../../main/engine/model.ts';
import { CATEGORY_GROUP, groupAndSort } from '../../../../main/engine/validate/group-and-sort.ts';

type Fields = Record<string, string | number | FieldValue>;

function item(row: number, fields: Fields, group?: string): CatalogItem {
  const typed: Record<string, FieldValue> = {};
  for (const [id, v] of Object.entries(fields)) {
    typed[id] =
      typeof v === 'string'
        ? { kind: 'text', value: v }
        : typeof v === 'number'
          ? { kind: 'price', value: v }
          : v;
  }
  return { row, fields: typed, images: [], ...(group !== undefined ? { group } : {}) };
}

/** Groups as `name: rows`, which is what a reader of the catalog sees. */
const shape = (groups: CatalogGroup[]) => groups.map((g) => [g.name, g.items.map((i) => i.row)]);

describe('groupAndSort', () => {
  describe('by category (@category)', () => {
    it("uses the sheet's category rows, groups in order of first appearance", () => {
      const items = [
        item(6, { reference: 'VIS-1' }, 'Visserie'),
        item(7, { reference: 'VIS-2' }, 'Visserie'),
        item(9, { reference: 'MAR-1' }, 'Outillage'),
        item(12, { reference: 'VIS-3' }, 'Visserie'),
      ];
      expect(shape(groupAndSort(items, CATEGORY_GROUP, []))).toEqual([
        ['Visserie', [6, 7, 12]],
        ['Outillage', [9]],
      ]);
    });

    it('falls back to a column mapped to the category field when the sheet has no category rows', () => {
      const items = [
        item(2, { reference: 'A', category: 'Outillage' }),
        item(3, { reference: 'B', category: 'Visserie' }),
        item(4, { reference: 'C', category: 'Outillage' }),
      ];
      expect(shape(groupAndSort(items, CATEGORY_GROUP, []))).toEqual([
        ['Outillage', [2, 4]],
        ['Visserie', [3]],
      ]);
    });

    it('prefers the category row over the category column', () => {
      const items = [item(6, { category: 'Colonne' }, 'Ligne')];
      expect(shape(groupAndSort(items, CATEGORY_GROUP, []))).toEqual([['Ligne', [6]]]);
    });

    it('puts items with neither in an unnamed group', () => {
      const items = [item(5, { reference: 'A' }), item(6, { reference: 'B' }, 'Visserie')];
      expect(shape(groupAndSort(items, CATEGORY_GROUP, []))).toEqual([
        ['', [5]],
        ['Visserie', [6]],
      ]);
    });
  });

  describe('by a field', () => {
    it('groups by its value, ignoring category rows', () => {
      const items = [
        item(2, { brand: 'Facom' }, 'Outillage'),
        item(3, { brand: 'Stanley' }, 'Outillage'),
        item(4, { brand: 'Facom' }, 'Visserie'),
      ];
      expect(shape(groupAndSort(items, 'brand', []))).toEqual([
        ['Facom', [2, 4]],
        ['Stanley', [3]],
      ]);
    });

    it('names groups of numbers by the number', () => {
      const items = [item(2, { price: 10 }), item(3, { price: 12.5 }), item(4, { price: 10 })];
      expect(shape(groupAndSort(items, 'price', []))).toEqual([
        ['10', [2, 4]],
        ['12.5', [3]],
      ]);
    });

    it('puts items without the value in an unnamed group', () => {
      const items = [item(2, { brand: 'Facom' }), item(3, {})];
      expect(shape(groupAndSort(items, 'brand', []))).toEqual([
        ['Facom', [2]],
        ['', [3]],
      ]);
    });
  });

  describe('without grouping', () => {
    it('returns one unnamed group in sheet order', () => {
      const items = [item(4, { reference: 'B' }), item(2, { reference: 'A' }), item(3, { reference: 'C' })];
      expect(shape(groupAndSort(items, undefined, []))).toEqual([['', [4, 2, 3]]]);
      expect(shape(groupAndSort(items, '', []))).toEqual([['', [4, 2, 3]]]);
    });

    it('returns no group for no items', () => {
      expect(groupAndSort([], undefined, [])).toEqual([]);
    });
  });

  describe('sorting inside each group', () => {
    it('collates numbers inside text the way people count (A9 before A10)', () => {
      const items = ['A10', 'A9', 'A1', 'B2', 'a100'].map((reference, i) => item(i + 2, { reference }));
      const [group] = groupAndSort(items, undefined, ['reference']);
      expect(group!.items.map((i) => i.fields.reference)).toEqual(
        ['A1', 'A9', 'A10', 'a100', 'B2'].map((value) => ({ kind: 'text', value })),
      );
    });

    it('ignores case and accents, then keeps sheet order', () => {
      const items = [item(5, { name: 'étau' }), item(3, { name: 'Etau' }), item(4, { name: 'Clé' })];
      expect(shape(groupAndSort(items, undefined, ['name']))).toEqual([['', [4, 3, 5]]]);
    });

    it('sorts prices as numbers, not as text', () => {
      const items = [item(2, { price: 100 }), item(3, { price: 9.5 }), item(4, { price: 10 })];
      expect(shape(groupAndSort(items, undefined, ['price']))).toEqual([['', [3, 4, 2]]]);
    });

    it('puts items without the sort value last', () => {
      const items = [item(2, {}), item(3, { reference: 'B' }), item(4, {}), item(5, { reference: 'A' })];
      expect(shape(groupAndSort(items, undefined, ['reference']))).toEqual([['', [5, 3, 2, 4]]]);
    });

    it('uses the next sort field on a tie', () => {
      const items = [
        item(2, { category: 'Vis', reference: 'V2' }),
        item(3, { category: 'Clou', reference: 'C1' }),
        item(4, { category: 'Vis', reference: 'V1' }),
      ];
      expect(shape(groupAndSort(items, undefined, ['category', 'reference']))).toEqual([['', [3, 4, 2]]]);
    });

    it('sorts within each group and keeps the groups in order of first appearance', () => {
      const items = [
        item(2, { reference: 'V10' }, 'Visserie'),
        item(3, { reference: 'O2' }, 'Outillage'),
        item(4, { reference: 'V9' }, 'Visserie'),
        item(5, { reference: 'O1' }, 'Outillage'),
      ];
      expect(shape(groupAndSort(items, CATEGORY_GROUP, ['reference']))).toEqual([
        ['Visserie', [4, 2]],
        ['Outillage', [5, 3]],
      ]);
    });

    it('sorts booleans false first, and images by name', () => {
      const items = [
        item(2, { isNew: { kind: 'boolean', value: true }, image: { kind: 'image', name: 'b.jpg' } }),
        item(3, { isNew: { kind: 'boolean', value: false }, image: { kind: 'image', name: 'a.jpg' } }),
      ];
      expect(shape(groupAndSort(items, undefined, ['isNew']))).toEqual([['', [3, 2]]]);
      expect(shape(groupAndSort(items, undefined, ['image']))).toEqual([['', [3, 2]]]);
    });

    it('leaves the items it was given in their order', () => {
      const items = [item(3, { reference: 'B' }), item(2, { reference: 'A' })];
      groupAndSort(items, undefined, ['reference']);
      expect(items.map((i) => i.row)).toEqual([3, 2]);
    });
  });
});
