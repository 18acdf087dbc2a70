// The French sample workbook, all the way: import, suggested mapping, validation, then a price list
// in tagged text that our grammar reads back with one table per group of the right size.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { importWorkbook } from '../../../../../main/engine/import/import-workbook.ts';
import { suggestMapping } from '../../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { validateCatalog } from '../../../../../main/engine/validate/validate.ts';
import { parseTaggedTextFile } from '../../../../support/tagged-text-grammar.ts';

const SAMPLE = fileURLToPath(
  new URL('../../../../../samples/quincaillerie-tarif-2026.xlsx', import.meta.url),
);

describe('tagged text from the French sample workbook', () => {
  it('writes one table per group with a header row and one row per item', async () => {
    const imported = await importWorkbook(SAMPLE);
    const template = await loadTemplate('price-list');
    const { mapping } = suggestMapping(imported.table, template);
    const { catalog } = validateCatalog(imported.table, template, mapping);
    const groups = catalog.groups.filter((g) => g.items.length > 0);
    expect(groups.length).toBeGreaterThan(1);

    const parsed = parseTaggedTextFile(
      encodeTaggedText(buildTaggedText(catalog, template, { locale: 'fr-FR', lang: 'fr' })),
    );

    expect(parsed.tables.map((t) => t.rowCount)).toEqual(groups.map((g) => g.items.length + 1));
    expect(parsed.tables.map((t) => t.rows.length)).toEqual(groups.map((g) => g.items.length + 1));
    for (const table of parsed.tables) {
      // The template's columns and, as the PDF prints it, the VAT rate: the sample's rates differ.
      expect(table.columnCount).toBe(template.layout!.table!.columns.length + 1);
      expect(table.rows[0]!.cells.map((c) => c.text)).toContain('TVA');
      expect(table.rows.every((r) => r.cells.length === table.columnCount)).toBe(true);
    }
    const headers = parsed.paragraphs.filter((p) => p.style === 'Famille').map((p) => p.text);
    expect(headers).toEqual(
      groups.filter((g) => g.name).map((g) => g.name.replace(/ ([;:!?])/g, '\u202f$1')),
    );
    // Every item's reference is in its table, in order.
    expect(parsed.tables.flatMap((t) => t.rows.slice(1).map((r) => r.cells[0]!.text))).toEqual(
      groups.flatMap((g) =>
        g.items.map((i) => (i.fields.reference?.kind === 'text' ? i.fields.reference.value : '')),
      ),
    );
  });
});
