// The streamed PDF (laid out page by page, pages set aside on disk until the page count is known,
// drawn straight into the file) must be the very PDF the whole plan gives: same bytes, same issues,
// and nothing left behind, even when cancelled halfway.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPdf } from '../../../../main/engine/export/build-pdf.ts';
import { planCatalog, type PlanOptions } from '../../../../main/engine/export/plan-catalog.ts';
import { renderPdf } from '../../../../main/engine/export/pdf/render-pdf.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import { FIXED_DATE, sampleCatalog } from '../../../output/build-fixture.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const spills = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`.catalog-pages-${process.pid}-`));

describe('buildPdf (page by page)', () => {
  it.each([
    ['product-grid', 'print'], // cover, contents, pictures, crop marks
    ['list-catalog', 'screen'], // reference index, bookmarks and links
    ['price-list', 'print'],
  ] as const)('writes %s (%s) byte for byte as the whole plan drawn at once', async (templateId, mode) => {
    const { catalog, template, sheet } = await sampleCatalog(templateId);
    const options: PlanOptions = {
      sheet,
      mode,
      locale: 'fr-FR',
      lang: 'fr',
      title: 'Tarif 2026',
      date: FIXED_DATE,
      fonts: BUNDLED_FONTS,
    };
    const whole = await planCatalog(catalog, template, options);
    const expected = await renderPdf(whole.plan, {
      mode,
      fonts: BUNDLED_FONTS,
      date: FIXED_DATE,
      lang: 'fr-FR',
    });

    const dir = await mkdtemp(join(tmpdir(), 'build-pdf-'));
    dirs.push(dir);
    const file = join(dir, 'out.pdf');
    const built = await buildPdf(file, catalog, template, options);

    expect(built.pages).toBe(whole.plan.pages.length);
    expect(built.issues).toEqual(whole.issues);
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(spills()).toEqual([]);
  });

  it('leaves no PDF and no set-aside pages when cancelled while drawing', async () => {
    const { catalog, template, sheet } = await sampleCatalog('list-catalog');
    const dir = await mkdtemp(join(tmpdir(), 'build-pdf-'));
    dirs.push(dir);
    const file = join(dir, 'out.pdf');
    const controller = new AbortController();
    let drawn = 0;
    const build = buildPdf(file, catalog, template, {
      sheet,
      mode: 'print',
      locale: 'fr-FR',
      lang: 'fr',
      title: 'Tarif 2026',
      date: FIXED_DATE,
      fonts: BUNDLED_FONTS,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'pdf' && p.done > 0 && ++drawn === 2) controller.abort();
      },
    });
    await expect(build).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(drawn).toBeGreaterThanOrEqual(2);
    expect(existsSync(file)).toBe(false);
    expect(spills()).toEqual([]);
  });
});
