// The pages a designer judges, as raster goldens in French and English (issue 11): a cover, the
// contents, a grid page with missing pictures, a facing-pages spread, a price-list page with mixed
// VAT rates, an index. Pages are found by what they say, not by their number, so a layout change that
// moves them shows as a picture that changed, never as the wrong page compared.
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/workbooks.ts';
import { pdfTextByPage, renderPage } from '../support/pdf-tools.ts';
import { expectMatchesGolden } from '../support/raster-golden.ts';
import { buildSamplePdf } from './build-fixture.ts';

const LANGS = [
  { lang: 'fr', locale: 'fr-FR', title: 'Quincaillerie Martin — Tarif 2026' },
  { lang: 'en', locale: 'en-GB', title: 'Martin Hardware — 2026 price list' },
] as const;
type Lang = (typeof LANGS)[number]['lang'];

const WORDS: Record<Lang, { contents: RegExp; missing: RegExp; index: RegExp; vat: RegExp }> = {
  fr: { contents: /Sommaire/, missing: /Photo à venir/, index: /Index des références/, vat: /5,5\s*%/ },
  en: { contents: /Contents/, missing: /Photo coming soon/, index: /Reference index/, vat: /5\.5\s*%/ },
};

const dir = tempDir('catalog-designer-');
const built: Record<string, { pdf: string; pages: string[] }> = {};

async function build(templateId: string, lang: (typeof LANGS)[number]) {
  const baseName = `${templateId}-${lang.lang}`;
  const pdf = await buildSamplePdf(templateId, dir, baseName, lang);
  built[baseName] = { pdf, pages: await pdfTextByPage(pdf) };
}

beforeAll(async () => {
  for (const lang of LANGS)
    for (const id of ['product-grid', 'list-catalog', 'price-list']) await build(id, lang);
}, 180_000);

/** The first page (1-based) whose text matches. */
function pageWith(name: string, pattern: RegExp): number {
  const index = built[name]!.pages.findIndex((text) => pattern.test(text));
  expect(index, `${name}: no page says ${pattern}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Two pages side by side, as a spread is seen: the left-hand page first. */
function spread(left: Buffer, right: Buffer): Buffer {
  const a = PNG.sync.read(left);
  const b = PNG.sync.read(right);
  const out = new PNG({ width: a.width + b.width, height: Math.max(a.height, b.height) });
  out.data.fill(255);
  PNG.bitblt(a, out, 0, 0, a.width, a.height, 0, 0);
  PNG.bitblt(b, out, 0, 0, b.width, b.height, a.width, 0);
  return PNG.sync.write(out);
}

const DPI = 40;
const golden = (png: Buffer, name: string) =>
  expectMatchesGolden(png, `test/golden/pdf/designer/${name}.png`, { maxDiffRatio: 0.01 });

describe.each(LANGS)('pages a designer judges, $lang', ({ lang }) => {
  it('the cover', async () => {
    golden(await renderPage(built[`product-grid-${lang}`]!.pdf, 1, DPI), `cover-${lang}`);
  });

  it('the contents', async () => {
    const name = `product-grid-${lang}`;
    golden(await renderPage(built[name]!.pdf, pageWith(name, WORDS[lang].contents), DPI), `contents-${lang}`);
  });

  it('a grid page with missing pictures', async () => {
    const name = `product-grid-${lang}`;
    const page = pageWith(name, WORDS[lang].missing);
    golden(await renderPage(built[name]!.pdf, page, DPI), `grid-missing-pictures-${lang}`);
  });

  it('a facing-pages spread: an even page on the left, the next odd page on the right', async () => {
    const name = `product-grid-${lang}`;
    // The first spread of the body: the contents are on page 2 or 3, the products follow.
    const first = pageWith(name, WORDS[lang].missing);
    const left = first % 2 === 0 ? first : first + 1;
    expect(built[name]!.pages.length).toBeGreaterThanOrEqual(left + 1);
    const pdf = built[name]!.pdf;
    golden(spread(await renderPage(pdf, left, DPI), await renderPage(pdf, left + 1, DPI)), `spread-${lang}`);
  });

  it('a price-list page with mixed VAT rates', async () => {
    const name = `price-list-${lang}`;
    const page = pageWith(name, WORDS[lang].vat);
    golden(await renderPage(built[name]!.pdf, page, DPI), `price-list-vat-${lang}`);
  });

  it('the index', async () => {
    const name = `list-catalog-${lang}`;
    const pages = built[name]!.pages;
    // The index is the back matter: the last page that names itself so.
    const page = pages.length - [...pages].reverse().findIndex((text) => WORDS[lang].index.test(text));
    expect(page).toBeLessThanOrEqual(pages.length);
    golden(await renderPage(built[name]!.pdf, page, DPI), `index-${lang}`);
  });
});
