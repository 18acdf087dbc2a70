// Every channel of the contract has its schemas and a handler; a malformed request is refused with an
// ErrorPayload naming the field; responses are plain data that their own schema accepts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../main/api/channels.ts';
import { call, handlers, openedWorkbook } from '../../../main/service/index.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { pdfInfo } from '../../support/pdf-tools.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';
const CSV = 'samples/tarif-export-excel-fr.csv';

describe('the contract', () => {
  it('gives every channel a request schema, a response schema and a handler', () => {
    const channels = Object.keys(CHANNELS) as Channel[];
    expect(channels.sort()).toEqual(Object.keys(handlers).sort());
    for (const c of channels) {
      expect(CHANNELS[c].request.safeParse).toBeTypeOf('function');
      expect(CHANNELS[c].response.safeParse).toBeTypeOf('function');
    }
  });

  it.each<[Channel, unknown, string]>([
    ['open', {}, 'file'],
    ['validate', { file: FRENCH, includeHidden: 'yes' }, 'includeHidden'],
    ['build', { file: FRENCH, out: 'x', lang: 'de' }, 'lang'],
    ['build', { file: FRENCH, out: 'x', lang: 'fr', formats: ['pfd'] }, 'formats[0]'],
    ['build', { file: FRENCH, out: 'x', lang: 'fr', bleed: 20 }, 'bleed'],
  ])('refuses a malformed %s request naming the field', async (channel, input, field) => {
    const result = await call(channel, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'INVALID_REQUEST', field });
      expect(result.error.message.fr).toContain(field);
    }
  });

  it('answers each channel with plain data its response schema accepts', async () => {
    const opened = await call('open', { file: FRENCH, template: 'price-list' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(CHANNELS.open.response.parse(structuredClone(opened.value))).toEqual(opened.value);
    expect(opened.value.mapping).toMatchObject({ reference: 'A', name: 'B', price: 'E' });
    expect(openedWorkbook(opened.value.id)?.imported.table.rows.length).toBe(opened.value.rowCount);

    const validated = await call('validate', { file: FRENCH });
    expect(validated.ok && CHANNELS.validate.response.parse(validated.value).products).toBe(20);

    const out = tempDir('catalog-contract-');
    const built = await call('build', { file: CSV, out, lang: 'fr', formats: ['tagged-text'] });
    expect(built.ok && built.value.status).toBe('built');
    if (built.ok) expect(CHANNELS.build.response.parse(structuredClone(built.value))).toEqual(built.value);

    const templates = await call('templates', {});
    expect(templates.ok && templates.value.map((t) => t.id)).toEqual(
      expect.arrayContaining(['product-grid', 'list-catalog', 'price-list']),
    );
  });

  it('turns a refusal of the engine into its code and words, and anything else into UNEXPECTED', async () => {
    const missing = await call('validate', { file: 'nope.xlsx' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    const folder = await call('validate', { file: 'samples' });
    expect(folder).toMatchObject({ ok: false, error: { code: 'FILE_IS_A_FOLDER' } });
  });
});

describe('plan and preview', () => {
  it('plans the pages a build prints without writing anything, and previews some of them as a PDF', async () => {
    const planned = await call('plan', { file: FRENCH, template: 'product-grid', lang: 'fr' });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.value.pages).toBeGreaterThan(2);
    // A4 portrait, in points.
    expect([Math.round(planned.value.width), Math.round(planned.value.height)]).toEqual([595, 842]);
    expect(planned.value.issues.some((i) => i.code === 'DUPLICATE_VALUE')).toBe(true);

    const preview = await call('preview', {
      file: FRENCH,
      template: 'product-grid',
      lang: 'fr',
      from: 2,
      to: 3,
    });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value).toMatchObject({ pages: planned.value.pages, from: 2, to: 3 });
    const dir = tempDir('catalog-preview-');
    const file = join(dir, 'preview.pdf');
    writeFileSync(file, preview.value.pdf);
    expect((await pdfInfo(file)).pages).toBe(2);

    const beyond = await call('preview', { file: FRENCH, lang: 'en', from: 99 });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'PAGE_OUT_OF_RANGE', field: 'from' } });
  });
});
