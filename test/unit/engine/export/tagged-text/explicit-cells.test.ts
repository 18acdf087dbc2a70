// `table.taggedCells: 'explicit'`: every cell names its cell and paragraph styles again, as InDesign's
// own exports do — the way out for an InDesign that reads the compact form (each cell saying only what
// changed) otherwise. The two forms must mean the same table, cell for cell.
import { describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import { parseTaggedText } from '../../../../support/tagged-text-grammar.ts';
import { catalogOf, outillage, visserie } from './small-catalog.ts';

const compact = await loadTemplate('price-list');
const explicit: Template = {
  ...compact,
  layout: { ...compact.layout!, table: { ...compact.layout!.table!, taggedCells: 'explicit' } },
};
const catalog = catalogOf(
  [
    { name: 'Visserie', items: visserie },
    { name: 'Outillage', items: outillage },
  ],
  'price-list',
);
const FR = { locale: 'fr-FR', lang: 'fr' } as const;

describe('tagged text: explicit table cells', () => {
  it('names the cell style and the paragraph style on every cell', () => {
    const text = buildTaggedText(catalog, explicit, FR);
    const cells = text.split('<CellStart:').slice(1);
    expect(cells.length).toBeGreaterThan(10);
    const before = text.split('<CellStart:').slice(0, -1);
    for (const piece of before) expect(piece).toMatch(/<CellStyle:[^>]+>$/);
    for (const cell of cells) expect(cell).toMatch(/^1,1><ParaStyle:[^>]+>/);
  });

  it('means the same table as the compact form, cell for cell, and is larger', () => {
    const a = buildTaggedText(catalog, compact, FR);
    const b = buildTaggedText(catalog, explicit, FR);
    const tables = (text: string) =>
      parseTaggedText(text).tables.map((t) =>
        t.rows.map((r) => r.cells.map((c) => [c.cellStyle, c.style, c.text, JSON.stringify(c.attributes)])),
      );
    expect(tables(b)).toEqual(tables(a));
    expect(b.length).toBeGreaterThan(a.length);
  });
});
