// The real-world corpus read by the product: each file gives what a person reading it concludes
// (test/fixtures/real-world/expected.ts) — row roles, products and variants, groups, header, matrix,
// mapping. The corpus files themselves are checked by real-world-corpus-files.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, type ImportResult } from '../../../../main/engine/import/import-workbook.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { CORPUS_DIR } from '../../../fixtures/real-world/generate.ts';
import { EXPECTED, type Expected } from '../../../fixtures/real-world/expected.ts';

const imported = new Map<string, Promise<ImportResult>>();
const read = (e: Expected) => {
  let result = imported.get(e.file);
  if (!result) {
    result = importWorkbook(join(CORPUS_DIR, e.file), { limits: { timeoutMs: 20_000 } });
    imported.set(e.file, result);
  }
  return result;
};

describe.each(EXPECTED.map((e) => [e.file, e] as const))('%s', (_, e) => {
  it('finds the header (or says there is none) and the matrix, if any', async () => {
    const { table } = await read(e);
    expect(table.headerless).toBe(e.headerless ?? false);
    if (e.headerRow !== undefined) expect(table.headerRow).toBe(e.headerRow);
    if (e.sheet) expect(table.sheet).toBe(e.sheet);
    expect(
      table.matrix ? { quantities: table.matrix.quantities, variants: table.matrix.variants } : undefined,
    ).toEqual(e.matrix);
  });

  it('gives every row the role a person would', async () => {
    const { table } = await read(e);
    const roles = Object.fromEntries(table.roles.map((d) => [d.row, d.role]));
    expect(roles).toEqual(Object.fromEntries(Object.entries(e.roles).map(([row, role]) => [row, role])));
    // Every decision says why, in both languages.
    for (const d of table.roles) expect(d.reason.fr && d.reason.en).toBeTruthy();
  });

  it('counts the products, their variants and the groups', async () => {
    const { table } = await read(e);
    expect(table.rows.filter((r) => r.role === 'product')).toHaveLength(e.products);
    expect(table.rows.filter((r) => r.role === 'variant')).toHaveLength(e.variants);
    for (const variant of table.rows.filter((r) => r.role === 'variant'))
      expect(table.rows.find((r) => r.number === variant.parent)?.role).toBe('product');
    expect(table.groups.map((g) => g.name)).toEqual(e.groups);
  });

  // The matrix sheet has no mapping: it is not a product list.
  if (e.mapping)
    it('suggests the mapping a person would make', async () => {
      const { table } = await read(e);
      const template = await loadTemplate(e.template ?? 'price-list');
      const { mapping } = suggestMapping(table, template);
      // The person's mapping, for the fields this template has.
      const expected = Object.entries(e.mapping!).filter(([field]) =>
        template.fields.some((f) => f.id === field),
      );
      const letters = Object.fromEntries(
        expected.map(([field]) => [field, mapping.fields[field]?.columns[0]?.letter]),
      );
      expect(letters).toEqual(Object.fromEntries(expected));
    });
});
