// Orders catalog items into groups: by the sheet's category rows (`@category`) or by a field's value,
// groups in order of first appearance (the order the marketer chose), items sorted inside each group.
import type { CatalogGroup, CatalogItem, FieldValue } from '../model.ts';

/**
 * Group by "the category", wherever the sheet keeps it: category rows between products, or else a
 * column mapped to the `category` field.
 */
export const CATEGORY_GROUP = '@category';
const CATEGORY_FIELD = 'category';

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function sortKey(value: FieldValue | undefined): string | number | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'number':
    case 'price':
    case 'percent':
      return value.value;
    case 'boolean':
      return value.value ? 1 : 0;
    case 'image':
      return value.name;
    default:
      return value.value;
  }
}

function compare(a: CatalogItem, b: CatalogItem, fields: string[]): number {
  for (const field of fields) {
    const x = sortKey(a.fields[field]);
    const y = sortKey(b.fields[field]);
    if (x === y) continue;
    // Items without the value go last, whatever the direction of the others.
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (c !== 0) return c;
  }
  return a.row - b.row;
}

export function groupAndSort(
  items: CatalogItem[],
  groupBy: string | undefined,
  sortBy: string[],
): CatalogGroup[] {
  const groupOf = (item: CatalogItem): string => {
    if (!groupBy) return '';
    const field = groupBy === CATEGORY_GROUP ? CATEGORY_FIELD : groupBy;
    if (groupBy === CATEGORY_GROUP && item.group !== undefined) return item.group;
    const key = sortKey(item.fields[field]);
    return key === undefined ? '' : String(key);
  };
  const groups = new Map<string, CatalogItem[]>();
  for (const item of items) {
    const name = groupOf(item);
    const list = groups.get(name);
    if (list) list.push(item);
    else groups.set(name, [item]);
  }
  return [...groups].map(([name, list]) => ({
    name,
    items: sortBy.length ? [...list].sort((a, b) => compare(a, b, sortBy)) : list,
  }));
}
