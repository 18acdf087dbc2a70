// The PDFs a user gets, checked with the tools a printer uses: qpdf, poppler, ghostscript.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../main/service/index.ts';
import { writePdf } from '../../main/engine/export/pdf/write-pdf.ts';
import { mm } from '../../main/engine/common/millimetres.ts';
import { tempDir } from '../fixtures/workbooks.ts';
import {
  colourOperators,
  declaredBoxes,
  ghostscriptCheck,
  outputIntents,
  pdfFonts,
  pdfImages,
  pdfInfo,
  pdfTextByPage,
  qpdfCheck,
  renderPage,
  uncompressedContent,
} from '../support/pdf-tools.ts';
import { expectMatchesGolden } from '../support/raster-golden.ts';
import { buildSamplePdf, sampleCatalog, samplePlan } from './build-fixture.ts';
import { BUNDLED_FONTS } from '../../main/service/font-provider.ts';

const TEMPLATES = ['product-grid', 'list-catalog', 'price-list'] as const;
const dir = tempDir('catalog-pdf-');
const pdfs: Record<string, string> = {};

async function build(
  templateId: string,
  mode: 'print' | 'screen',
  extra: { marks?: boolean; password?: string } = {},
) {
  const baseName = `${templateId}-${mode}${extra.marks === false ? '-nomarks' : ''}${extra.password ? '-locked' : ''}`;
  return buildSamplePdf(templateId, dir, baseName, { mode, ...extra });
}

beforeAll(async () => {
  for (const id of TEMPLATES) pdfs[`${id}-print`] = await build(id, 'print');
  pdfs['price-list-screen'] = await build('price-list', 'screen');
  pdfs['product-grid-screen'] = await build('product-grid', 'screen');
}, 120_000);

describe.each(TEMPLATES)('print PDF of %s', (id) => {
  const path = () => pdfs[`${id}-print`]!;

  it('passes qpdf --check and renders in ghostscript', async () => {
    const qpdf = await qpdfCheck(path());
    expect(qpdf.ok, qpdf.output).toBe(true);
    const gs = await ghostscriptCheck(path());
    expect(gs.ok, gs.output).toBe(true);
  });

  it('has TrimBox inside BleedBox inside MediaBox on every page, the bleed 3 mm around the trim', async () => {
    const boxes = await declaredBoxes(path());
    const { pages } = await pdfInfo(path());
    expect(boxes).toHaveLength(pages);
    for (const page of boxes) {
      const { media, bleed, trim } = page;
      expect(trim && bleed && media).toBeTruthy();
      for (const [outer, inner] of [
        [media!, bleed!],
        [bleed!, trim!],
      ] as const) {
        expect(inner.x1).toBeGreaterThanOrEqual(outer.x1);
        expect(inner.y1).toBeGreaterThanOrEqual(outer.y1);
        expect(inner.x2).toBeLessThanOrEqual(outer.x2);
        expect(inner.y2).toBeLessThanOrEqual(outer.y2);
      }
      expect(trim!.x1 - bleed!.x1).toBeCloseTo(mm(3), 2);
      expect(bleed!.y2 - trim!.y2).toBeCloseTo(mm(3), 2);
      // A4 trim.
      expect(trim!.x2 - trim!.x1).toBeCloseTo(mm(210), 1);
      expect(trim!.y2 - trim!.y1).toBeCloseTo(mm(297), 1);
    }
  });

  it('embeds every font as a subset, and none of the standard 14', async () => {
    const fonts = await pdfFonts(path());
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/Inter/);
    }
  });

  it('uses no RGB anywhere: colours, colour spaces and pictures are CMYK', async () => {
    const colours = await colourOperators(path());
    expect(colours.sets.rgb).toBe(0);
    expect(colours.operators.rg + colours.operators.RG).toBe(0);
    expect(colours.names.DeviceRGB).toBe(0);
    expect(colours.sets.cmyk).toBeGreaterThan(0);
    for (const image of await pdfImages(path())) expect(image.color, JSON.stringify(image)).toBe('cmyk');
  });

  it('names a CMYK output intent', async () => {
    const [intent, ...more] = await outputIntents(path());
    expect(more).toEqual([]);
    expect(intent).toMatchObject({ subtype: 'GTS_PDFX', destOutputProfile: { components: 4 } });
  });

  it('prints every product on the page the layout put it on', async () => {
    const { catalog, plan } = await samplePlan(id);
    const texts = (await pdfTextByPage(path())).map((t) => t.replace(/\s+/g, ' '));
    expect(texts).toHaveLength(plan.pages.length);
    for (const item of catalog.items) {
      const reference = item.fields.reference;
      if (reference?.kind !== 'text') continue;
      const page = plan.pages.find((p) =>
        p.boxes.some((b) => b.kind === 'text' && b.row === item.row && b.field === 'reference'),
      );
      expect(page, reference.value).toBeDefined();
      expect(texts[page!.number - 1], `${reference.value} on page ${page!.number}`).toContain(
        reference.value,
      );
    }
  });
});

describe('print options', () => {
  it('without crop marks, the media is the bleed box: the trim is smaller than the media by the bleed', async () => {
    const path = await build('price-list', 'print', { marks: false });
    for (const { media, bleed, trim } of await declaredBoxes(path)) {
      expect(bleed).toEqual(media);
      expect(trim!.x1 - media!.x1).toBeCloseTo(mm(3), 2);
    }
  });

  it('draws crop marks in the registration colour (a separation on all plates)', async () => {
    const content = await uncompressedContent(pdfs['price-list-print']!);
    expect(content).toMatch(/\/Separation\s*\/All\s*\/DeviceCMYK/);
    const colours = await colourOperators(pdfs['price-list-print']!);
    expect(colours.sets.spot).toBeGreaterThan(0);
  });

  it('is byte-for-byte the same when built twice with a fixed date', async () => {
    const again = await build('product-grid', 'print');
    const first = await readFile(pdfs['product-grid-print']!);
    expect(Buffer.compare(await readFile(again), first)).toBe(0);
  });

  it('keeps the previous PDF when an export fails', async () => {
    const { plan } = await samplePlan('price-list');
    const path = join(dir, 'kept.pdf');
    await writeFile(path, 'previous export');
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(
      writePdf(path, plan, { mode: 'print', fonts: BUNDLED_FONTS, signal: cancelled.signal }),
    ).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('previous export');
  });
});

describe('screen PDF', () => {
  it('is RGB, with bookmarks per group and a clickable table of contents', async () => {
    const path = pdfs['product-grid-screen']!;
    expect((await qpdfCheck(path)).ok).toBe(true);
    const colours = await colourOperators(path);
    expect(colours.sets.cmyk).toBe(0);
    expect(colours.sets.rgb).toBeGreaterThan(0);
    for (const image of await pdfImages(path)) expect(image.color).toBe('rgb');
    const content = await uncompressedContent(path);
    expect(content).toMatch(/\/Outlines/);
    for (const group of ['Visserie', 'Outillage', 'Serrurerie']) expect(content).toContain(`(${group})`);
    expect(content).toMatch(/\/Subtype\s*\/Link/);
  });

  it('can be locked with a password (AES)', async () => {
    const path = await build('price-list', 'screen', { password: 'client' });
    const info = await pdfInfo(path).catch((error: Error) => ({ error: error.message }));
    // Without the password, poppler cannot open it at all.
    expect(JSON.stringify(info)).toMatch(/password|Incorrect|encrypted/i);
    const content = await readFile(path, 'latin1');
    expect(content).toMatch(/\/Filter\s*\/Standard/);
    expect(content).toMatch(/\/AESV3/);
  });
});

describe('raster goldens', () => {
  it.each([
    ['product-grid-print', 3],
    ['price-list-print', 1],
    ['list-catalog-print', 1],
  ] as const)('%s page %i looks as it did', async (name, page) => {
    const png = await renderPage(pdfs[name]!, page, 40);
    expectMatchesGolden(png, `test/golden/pdf/${name}-p${page}.png`, { maxDiffRatio: 0.01 });
  });
});

describe('damaged pictures', () => {
  it('print a neutral frame and a warning on the product, and never sink the PDF', async () => {
    const folder = tempDir('catalog-damaged-');
    const whole = await readFile('samples/images/VIS-4x40.jpg');
    await writeFile(join(folder, 'VIS-4x40.jpg'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { catalog, template, sheet } = await sampleCatalog('product-grid');
    for (const item of catalog.items) {
      const image = item.fields.image;
      if (image?.kind === 'image' && image.path?.endsWith('VIS-4x40.jpg'))
        image.path = join(folder, 'VIS-4x40.jpg');
    }
    const result = await writeOutputs({
      catalog,
      template,
      sheet,
      out: folder,
      baseName: 'damaged',
      textVariant: 'win',
      formats: ['pdf'],
      mode: 'print',
      locale: 'fr-FR',
      lang: 'fr',
      title: 'Images endommagées',
    });
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'IMAGE_UNREADABLE', ref: "'Tarif 2026'!6:6" }),
      ]),
    );
    // The page is data as well as words, for a surface that shows it.
    const damaged = result.issues.find((i) => i.code === 'IMAGE_UNREADABLE')!;
    expect(damaged.page).toBeGreaterThan(0);
    expect(damaged.message.en).toMatch(new RegExp(`^Page ${damaged.page}: `));
    expect((await qpdfCheck(result.files[0]!)).ok).toBe(true);
  });
});

describe('pictures placed many times', () => {
  it('are embedded once each, however many products show them', async () => {
    const { catalog, template, sheet } = await sampleCatalog('product-grid');
    const shared = join(process.cwd(), 'samples/images/VIS-4x40.jpg');
    for (const item of catalog.items)
      item.fields.image = { kind: 'image', path: shared, name: 'VIS-4x40.jpg' };
    const result = await writeOutputs({
      catalog,
      template,
      sheet,
      out: dir,
      baseName: 'shared-picture',
      textVariant: 'win',
      formats: ['pdf'],
      mode: 'print',
      locale: 'fr-FR',
      lang: 'fr',
      title: 'Une seule photo',
    });
    const placements = await pdfImages(result.files[0]!);
    expect(placements.length).toBe(catalog.items.length);
    const content = await uncompressedContent(result.files[0]!);
    expect(content.match(/\/Subtype\s*\/Image/g)).toHaveLength(1);
  });
});
