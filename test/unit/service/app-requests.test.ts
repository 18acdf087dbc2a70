// What the app's steps ask of the contract beyond the CLI's: a header row the user picked, a mapping
// made field by field, layout settings laid over the template, the sheet's first rows and the rows
// of an opened workbook a screenful at a time.
import { describe, expect, it } from 'vitest';
import { call } from '../../../main/service/index.ts';
import { applyLayoutSettings } from '../../../main/service/layout-settings.ts';
import { loadTemplate } from '../../../main/engine/templates/load-template.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';

async function open(input: Record<string, unknown>) {
  const result = await call('open', { file: FRENCH, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('the app’s requests', () => {
  it('gives the first rows as Excel numbers them, the detected header and how sure each match is', async () => {
    const opened = await open({});
    expect(opened.head[0]!.number).toBe(1);
    const header = opened.head.find((r) => r.number === opened.headerRow)!;
    expect(header.cells.filter(Boolean).length).toBeGreaterThan(3);
    expect(opened.roles.find((r) => r.role === 'header')!.reason.en).toMatch(/labels above the data/);
    expect(Object.values(opened.matches)).toContain('exact');
    for (const field of Object.keys(opened.matches)) expect(opened.mapping[field]).toBeDefined();
  });

  it('writes column samples the way the user’s language writes them when it is given', async () => {
    const typed = await open({});
    const price = typed.columns.find((c) => c.letter === typed.mapping.price)!;
    expect(price.samples[0]).toBe('8.9');
    const french = await open({ lang: 'fr' });
    expect(french.columns[price.index]!.samples[0]).toMatch(/^8,90\s€$/);
    const english = await open({ lang: 'en' });
    expect(english.columns[price.index]!.samples[0]).toBe('€8.90');
  });

  it('reads the header from the row the user picked, and refuses an empty one naming the field', async () => {
    const detected = await open({});
    const picked = await open({ headerRow: detected.headerRow + 1 });
    expect(picked.headerRow).toBe(detected.headerRow + 1);
    expect(picked.headerless).toBe(false);
    expect(picked.roles.find((r) => r.role === 'header')!.reason.fr).toBe('choisie par vous');
    // The columns are now named by the picked row's cells.
    const row = detected.head.find((r) => r.number === detected.headerRow + 1)!;
    const first = row.cells.findIndex(Boolean);
    expect(picked.columns[first]!.header).toBe(row.cells[first]);
    const empty = await call('open', { file: FRENCH, headerRow: 5000 });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatchObject({ code: 'HEADER_ROW_EMPTY', field: 'headerRow' });
  });

  it('validates with a mapping given field by field, and it wins over the suggestion', async () => {
    const opened = await open({});
    const reference = opened.columns.find((c) => c.letter === opened.mapping.reference)!;
    // The name fed from the reference column: every product is named by its reference.
    const result = await call('validate', {
      file: FRENCH,
      fields: {
        reference: { columns: [{ header: reference.header, letter: reference.letter }] },
        name: { columns: [{ header: reference.header, letter: reference.letter }] },
      },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.suggested).toBe(false);
      expect(result.value.products).toBeGreaterThan(0);
    }
  });

  it('serves the rows of an opened workbook a page at a time, written in the user’s locale', async () => {
    const opened = await open({});
    const first = await call('rows', { id: opened.id, from: 0, count: 5, lang: 'fr' });
    const second = await call('rows', { id: opened.id, from: 5, count: 5, lang: 'fr' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.value.total).toBe(opened.rowCount);
    expect(first.value.rows).toHaveLength(5);
    expect(first.value.rows[0]!.number).toBeGreaterThan(opened.headerRow);
    expect(second.value.rows[0]!.number).toBeGreaterThan(first.value.rows[4]!.number);
    expect(first.value.rows[0]!.cells).toHaveLength(opened.columns.length);
    const gone = await call('rows', { id: 'no-such-id', lang: 'en' });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('WORKBOOK_NOT_OPEN');
  });

  it('lays the Layout step’s settings over the template without changing it', async () => {
    const template = await loadTemplate('product-grid');
    const before = JSON.stringify(template);
    const changed = applyLayoutSettings(template, {
      pageSize: 'A5',
      columns: 2,
      rows: 4,
      accent: [0, 100, 100, 0],
      groupBy: '',
      toc: false,
      cover: false,
      price: 'both',
    });
    expect(JSON.stringify(template)).toBe(before);
    expect(changed.layout!.page.size).toBe('A5');
    expect(changed.layout!.grid).toMatchObject({ columns: 2, rows: 4 });
    expect(changed.styles.paragraph.groupHeader!.color).toEqual([0, 100, 100, 0]);
    expect(changed.groupBy).toBeUndefined();
    expect(changed.layout!.toc).toBe(false);
    expect(changed.layout!.cover).toBeUndefined();
    expect(changed.layout!.price.show).toBe('both');
    expect(applyLayoutSettings(template, {})).toBe(template);
  });

  it('sets facing pages, the missing picture and where a proof says so, leaving the rest as the template says', async () => {
    const template = await loadTemplate('product-grid');
    const changed = applyLayoutSettings(template, {
      facing: true,
      missingPicture: 'collapse',
      proof: 'slug',
    });
    expect(changed.layout!.page.facing).toBe(true);
    expect(changed.layout!.image!.missing).toBe('collapse');
    expect(changed.layout!.proof).toBe('slug');
    expect(changed.layout!.page.size).toBe(template.layout!.page.size);
    const single = applyLayoutSettings(
      { ...template, layout: { ...template.layout!, proof: 'slug' } },
      {
        facing: false,
      },
    );
    expect(single.layout!.page.facing).toBe(false);
    expect(single.layout!.proof).toBe('slug');
  });

  it('says which templates print terms, so the app asks validity dates only of those', async () => {
    const listed = await call('templates', {});
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    const terms = listed.value.filter((t) => t.layout?.terms).map((t) => t.id);
    expect(terms).toContain('price-list');
    expect(terms).not.toContain('product-grid');
    expect(listed.value.find((t) => t.id === 'product-grid')!.layout).toMatchObject({ proof: 'across' });
  });

  it('plans fewer pages when the grid holds more cards', async () => {
    const plan = async (columns: number, rows: number) => {
      const result = await call('plan', {
        file: FRENCH,
        lang: 'fr',
        layout: { columns, rows, cover: false, toc: false },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value.pages;
    };
    expect(await plan(4, 5)).toBeLessThan(await plan(2, 2));
  });
});
