// The engine is told where the fonts are: layout, preflight and the PDF read them from the folder a
// provider names, so a packaged app or a worker that puts them elsewhere still finds them.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/engine/export/pdf/render-pdf.ts';
import { fontKey, fontMetrics, type FontRef } from '../../../main/engine/layout/fonts.ts';
import { layoutCatalog } from '../../../main/engine/layout/layout-catalog.ts';
import { loadTemplate } from '../../../main/engine/templates/load-template.ts';
import { BUNDLED_FONTS } from '../../../main/service/font-provider.ts';
import { BUNDLED_FONTS as EXPORTED } from '../../../main/service/index.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { options, threeFamilies } from '../engine/layout/make-catalog.ts';

const EVERY_STYLE: FontRef[] = (['regular', 'semibold', 'bold'] as const).flatMap((weight) =>
  [false, true].map((italic) => ({ family: 'Inter', weight, italic })),
);

describe('the bundled fonts', () => {
  it('name a folder holding every Inter style the templates use', () => {
    expect(EXPORTED).toBe(BUNDLED_FONTS);
    for (const font of EVERY_STYLE)
      expect(existsSync(join(BUNDLED_FONTS.dir, `${fontKey(font)}.ttf`))).toBe(true);
  });

  it('are plain data, to cross into a worker', () => {
    expect(structuredClone(BUNDLED_FONTS)).toEqual(BUNDLED_FONTS);
  });
});

describe('a provider somewhere else', () => {
  it('lays out the same plan from a copy of the fonts in another folder', async () => {
    const copy = tempDir('catalog-fonts-');
    cpSync(BUNDLED_FONTS.dir, copy, { recursive: true });
    const grid = await loadTemplate('product-grid');
    const catalog = threeFamilies([3, 3, 3]);
    const bundled = layoutCatalog(catalog, grid, options('fr'));
    expect(layoutCatalog(catalog, grid, { ...options('fr'), fonts: { dir: copy } })).toEqual(bundled);
    expect(fontMetrics(EVERY_STYLE[0]!, { dir: copy }).width('Vis', 10)).toBe(
      fontMetrics(EVERY_STYLE[0]!, BUNDLED_FONTS).width('Vis', 10),
    );
  });

  it('without the files: layout says which font is missing and where it looked', async () => {
    const empty = tempDir('catalog-no-fonts-');
    const grid = await loadTemplate('product-grid');
    let error: unknown;
    try {
      layoutCatalog(threeFamilies([1, 1, 1]), grid, { ...options('fr'), fonts: { dir: empty } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'FONT_NOT_AVAILABLE' });
    expect(String((error as Error).message)).toContain(empty);
  });

  it('without the files: the PDF writer does not fall back on fonts of its own', async () => {
    const grid = await loadTemplate('product-grid');
    const plan = layoutCatalog(threeFamilies([1, 1, 1]), grid, options('fr'));
    await expect(
      renderPdf(plan, { mode: 'screen', fonts: { dir: tempDir('catalog-no-fonts-') } }),
    ).rejects.toThrow(/Inter-Regular\.ttf/);
  });
});
