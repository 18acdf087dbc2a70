import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  colourOperators,
  contentColourUse,
  declaredBoxes,
  ghostscriptCheck,
  outputIntents,
  parsePdfFonts,
  parsePdfImages,
  pdfBoxes,
  pdfFonts,
  pdfImages,
  pdfInfo,
  pdfText,
  pdfTextByPage,
  qpdfCheck,
  renderPage,
  uncompressedContent,
} from '../../support/pdf-tools.ts';
import type { ColourReport } from '../../support/pdf-tools.ts';
import { CREATION_DATE, INTER, cmykJpeg, internals, rgbJpeg, setPageEntry, writePdf } from './make-pdf.ts';

let dir: string;
/** Five pages: RGB text, CMYK text with print boxes, two JPEGs, a spot colour, an RGB gradient. */
let sample: string;
let sampleBytes: Buffer;

const SIZE: [number, number] = [400, 600];
const BOXED = { media: [0, 0, 440, 620], bleed: [10, 10, 430, 610], trim: [18.5, 18.5, 421.5, 601.5] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-tools-'));
  sample = join(dir, 'sample.pdf');
  const [rgb, cmyk] = await Promise.all([rgbJpeg(40, 30), cmykJpeg(50, 20)]);
  sampleBytes = await writePdf(
    sample,
    {
      size: SIZE,
      margin: 40,
      info: { Title: 'Catalogue : test', Author: 'Atelier Dupont', CreationDate: CREATION_DATE },
    },
    (doc) => {
      doc.fillColor('#ff0000').font('Helvetica').fontSize(18).text('Rouge RGB Helvetica');

      doc.addPage({ size: [BOXED.media[2] ?? 0, BOXED.media[3] ?? 0], margin: 40 });
      doc.fillColor([0, 100, 100, 0]).font(INTER).fontSize(18).text('Quadri CMJN Inter 12,50 €');
      setPageEntry(doc, 'BleedBox', BOXED.bleed);
      setPageEntry(doc, 'TrimBox', BOXED.trim);

      doc.addPage({ size: SIZE, margin: 40 });
      doc.image(rgb, 40, 40, { width: 40 }); // 40 px over 40 pt: 72 ppi
      doc.image(cmyk, 40, 100, { width: 100 }); // 50 px over 100 pt: 36 ppi

      doc.addPage({ size: SIZE, margin: 40 });
      internals(doc).addSpotColor('PANTONE 485 C', 0, 95, 100, 0);
      doc.rect(40, 40, 100, 100).fill('PANTONE 485 C');

      doc.addPage({ size: SIZE, margin: 40 });
      const gradient = doc.linearGradient(40, 0, 240, 0);
      gradient.stop(0, '#ff0000').stop(1, '#0000ff');
      doc.rect(40, 40, 200, 100).fill(gradient);
    },
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('pdfInfo', () => {
  it('reads pages, first page size, document info, date, encryption and version', async () => {
    expect(await pdfInfo(sample)).toEqual({
      pages: 5,
      pageSize: { width: 400, height: 600 },
      title: 'Catalogue : test',
      author: 'Atelier Dupont',
      creator: 'PDFKit',
      producer: 'PDFKit',
      creationDate: CREATION_DATE,
      creationDateText: '2026-01-15T09:30:00Z',
      encrypted: false,
      pdfVersion: '1.3',
    });
  });

  it('reports an encrypted file and its version', async () => {
    const path = join(dir, 'encrypted.pdf');
    await writePdf(
      path,
      { pdfVersion: '1.7', ownerPassword: 'owner', permissions: { printing: 'highResolution' } },
      (doc) => doc.text('x'),
    );
    const info = await pdfInfo(path);
    expect(info.encrypted).toBe(true);
    expect(info.pdfVersion).toBe('1.7');
    expect(info.title).toBeUndefined();
  });

  it('says what to install when a tool is missing', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    await expect(pdfInfo(sample)).rejects.toThrow(/pdfinfo is not installed.*apt-get install poppler-utils/);
    await expect(qpdfCheck(sample)).rejects.toThrow(/apt-get install qpdf/);
    await expect(ghostscriptCheck(sample)).rejects.toThrow(/apt-get install ghostscript/);
  });

  it('reports a file the tool cannot open with its message', async () => {
    await expect(pdfInfo(join(dir, 'missing.pdf'))).rejects.toThrow(
      /exited with code 1:[\s\S]*Couldn't open file/,
    );
  });
});

describe('pdfBoxes and declaredBoxes', () => {
  it('reads the five boxes of every page from pdfinfo -box', async () => {
    const boxes = await pdfBoxes(sample);
    expect(boxes.map((b) => b.page)).toEqual([1, 2, 3, 4, 5]);
    expect(boxes[1]).toEqual({
      page: 2,
      media: { x1: 0, y1: 0, x2: 440, y2: 620 },
      crop: { x1: 0, y1: 0, x2: 440, y2: 620 },
      bleed: { x1: 10, y1: 10, x2: 430, y2: 610 },
      trim: { x1: 18.5, y1: 18.5, x2: 421.5, y2: 601.5 },
      art: { x1: 0, y1: 0, x2: 440, y2: 620 },
    });
    // pdfinfo invents the boxes a page lacks, which is why declaredBoxes exists.
    expect(boxes[0]?.trim).toEqual({ x1: 0, y1: 0, x2: 400, y2: 600 });
  });

  it('tells a TrimBox written in the page from one pdfinfo filled in', async () => {
    const declared = await declaredBoxes(sample);
    expect(declared[0]).toEqual({
      page: 1,
      media: { x1: 0, y1: 0, x2: 400, y2: 600 },
      crop: undefined,
      bleed: undefined,
      trim: undefined,
      art: undefined,
    });
    expect(declared[1]?.trim).toEqual({ x1: 18.5, y1: 18.5, x2: 421.5, y2: 601.5 });
    expect(declared[1]?.bleed).toEqual({ x1: 10, y1: 10, x2: 430, y2: 610 });
  });
});

describe('pdfFonts', () => {
  it('shows the standard Helvetica not embedded and Inter embedded as a subset with Unicode', async () => {
    const fonts = await pdfFonts(sample);
    expect(fonts).toEqual([
      {
        name: 'Helvetica',
        type: 'Type 1',
        encoding: 'WinAnsi',
        embedded: false,
        subset: false,
        unicode: false,
      },
      {
        name: expect.stringMatching(/^[A-Z]{6}\+Inter-Regular$/),
        type: 'CID TrueType',
        encoding: 'Identity-H',
        embedded: true,
        subset: true,
        unicode: true,
      },
    ]);
  });

  // pdffonts pads with printf("%-36s %-17s %-16s …"): a longer name pushes the row out of its columns.
  const row = (name: string, type: string, encoding: string, flags: string) =>
    `${name.padEnd(36)} ${type.padEnd(17)} ${encoding.padEnd(16)} ${flags}     12  0`;
  const header = [
    'name                                 type              encoding         emb sub uni object ID',
    '------------------------------------ ----------------- ---------------- --- --- --- ---------',
  ];

  it('reads rows by the header columns, so a name may hold spaces', () => {
    const text = [...header, row('My Font Name', 'TrueType', 'WinAnsi', 'yes no  yes'), ''].join('\n');
    expect(parsePdfFonts(text)).toEqual([
      {
        name: 'My Font Name',
        type: 'TrueType',
        encoding: 'WinAnsi',
        embedded: true,
        subset: false,
        unicode: true,
      },
    ]);
  });

  it('reads a row whose name overflowed its column', () => {
    const long = 'ABCDEF+AVeryLongFontNameThatOverflowsTheColumn-Bold';
    const text = [...header, row(long, 'CID TrueType (OT)', 'Identity-H', 'yes yes no '), ''].join('\n');
    expect(parsePdfFonts(text)).toEqual([
      {
        name: long,
        type: 'CID TrueType (OT)',
        encoding: 'Identity-H',
        embedded: true,
        subset: true,
        unicode: false,
      },
    ]);
  });

  it('reads a file without fonts', () => {
    expect(parsePdfFonts(`${header.join('\n')}\n`)).toEqual([]);
  });
});

describe('pdfImages', () => {
  it('lists each image with its colour space, encoding and resolution', async () => {
    expect(await pdfImages(sample)).toEqual([
      {
        page: 3,
        type: 'image',
        width: 40,
        height: 30,
        color: 'rgb',
        components: 3,
        bpc: 8,
        encoding: 'jpeg',
        xPpi: 72,
        yPpi: 72,
      },
      {
        page: 3,
        type: 'image',
        width: 50,
        height: 20,
        color: 'cmyk',
        components: 4,
        bpc: 8,
        encoding: 'jpeg',
        xPpi: 36,
        yPpi: 36,
      },
    ]);
  });

  it('reads an inline image row, whose object ID is one cell', () => {
    const text = [
      'page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio',
      '--------------------------------------------------------------------------------------------',
      '   1     0 image      10    10  icc     4   8  image  no   [inline]      300   300  400B 100%',
      '',
    ].join('\n');
    expect(parsePdfImages(text)).toEqual([
      expect.objectContaining({
        page: 1,
        color: 'icc',
        components: 4,
        encoding: 'image',
        xPpi: 300,
        yPpi: 300,
      }),
    ]);
  });
});

describe('pdfText', () => {
  it('gives the text of one page, and of every page split on form feeds', async () => {
    expect(await pdfText(sample, 2)).toMatch(/^\s*Quadri CMJN Inter 12,50 €\n\f$/);
    const pages = await pdfTextByPage(sample);
    expect(pages).toHaveLength(5);
    expect(pages[0]?.trim()).toBe('Rouge RGB Helvetica');
    expect(pages[1]?.trim()).toBe('Quadri CMJN Inter 12,50 €');
    expect(pages.slice(2)).toEqual(['', '', '']);
  });
});

describe('uncompressedContent', () => {
  it('is the QDF rewrite, with content streams in clear', async () => {
    const qdf = await uncompressedContent(sample);
    expect(qdf.startsWith('%PDF-1.3')).toBe(true);
    expect(qdf).toContain('%QDF-1.0');
    expect(qdf).toContain('/DeviceRGB cs\n1 0 0 scn');
    // Latin-1 keeps binary data byte for byte: the JPEG markers are there.
    expect(qdf).toContain('\xff\xd8\xff');
  });
});

describe('colourOperators', () => {
  let report: ColourReport;
  beforeAll(async () => {
    report = await colourOperators(sample);
  });

  it('sees the RGB text colour pdfkit writes as /DeviceRGB cs + scn, not rg', () => {
    const page = report.pages[0];
    expect(page?.operators).toMatchObject({ rg: 0, RG: 0, cs: 1, scn: 1 });
    expect(page?.sets).toMatchObject({ rgb: 2, cmyk: 0 });
  });

  it('sees the CMYK page free of RGB', () => {
    const page = report.pages[1];
    expect(page?.operators).toMatchObject({ rg: 0, k: 0, cs: 1, scn: 1 });
    expect(page?.sets).toMatchObject({ rgb: 0, cmyk: 2 });
  });

  it('counts no colour operator for images alone', () => {
    expect(Object.values(report.pages[2]?.sets ?? {}).every((n) => n === 0)).toBe(true);
  });

  it('resolves a spot colour through the page resources to its Separation', () => {
    expect(report.pages[3]?.sets).toMatchObject({ spot: 2, rgb: 0, unknown: 0 });
  });

  it('finds the RGB hidden in a gradient shading', () => {
    expect(report.pages[4]?.operators.rg).toBe(0);
    expect(report.pages[4]?.sets.rgb).toBeGreaterThanOrEqual(1);
  });

  it('adds the pages up and counts colour-space names in dictionaries and content', () => {
    expect(report.operators.scn).toBe(report.pages.reduce((total, page) => total + page.operators.scn, 0));
    // /DeviceRGB: page 1's `cs`, the RGB JPEG, the gradient's shading (+ its colour functions' none).
    expect(report.names.DeviceRGB).toBeGreaterThanOrEqual(3);
    expect(report.names.DeviceCMYK).toBeGreaterThanOrEqual(3); // cs, CMYK JPEG, the spot's alternate
    expect(report.names.Separation).toBe(1);
  });

  it('counts an RGB file apart from one drawn in CMYK only', async () => {
    const cmykOnly = join(dir, 'cmyk-only.pdf');
    await writePdf(cmykOnly, { size: SIZE }, (doc) => {
      doc.fillColor([0, 0, 0, 100]).font(INTER).text('Noir 100 %');
      doc.rect(10, 10, 50, 50).fillAndStroke([0, 100, 0, 0], [100, 0, 0, 0]);
    });
    const cmyk = await colourOperators(cmykOnly);
    expect(cmyk.sets.rgb).toBe(0);
    expect(cmyk.names.DeviceRGB).toBe(0);
    expect(cmyk.operators).toMatchObject({ rg: 0, RG: 0, SCN: 1, CS: 1 });
    expect(cmyk.sets.cmyk).toBeGreaterThanOrEqual(4);
  });
});

describe('contentColourUse (the tokeniser)', () => {
  it('counts rg, RG, k, K as operators', () => {
    const use = contentColourUse('1 0 0 rg 0 1 0 RG\n0 0 0 1 k\n.5 .5 0 0 K 0.5 g');
    expect(use.operators).toMatchObject({ rg: 1, RG: 1, k: 1, K: 1, g: 1 });
    expect(use.sets).toMatchObject({ rgb: 2, cmyk: 2, gray: 1 });
  });

  it.each([
    ['a literal string', 'BT /F1 12 Tf (1 0 0 rg) Tj ET'],
    ['a string with nested and escaped parentheses', 'BT [(a (b) 1 0 0 rg) 10 (c \\) 1 0 0 rg)] TJ ET'],
    ['a comment', '% 1 0 0 rg\n0 0 m'],
    ['a hex string', '<31203020302072670a> Tj'],
    ['an inline image', 'q BI /W 4 /H 1 /CS /G /BPC 8 ID \x00 rg K\xff EI Q'],
  ])('does not count rg inside %s', (_what, content) => {
    const use = contentColourUse(content);
    expect(use.operators.rg).toBe(0);
    expect(use.operators.K).toBe(0);
    expect(use.sets.rgb).toBe(0);
  });

  it('follows the colour space set by cs through q/Q', () => {
    const use = contentColourUse(
      '/DeviceRGB cs q /DeviceCMYK cs 0 0 0 1 scn Q 1 0 0 scn /DeviceGray CS 0 SC',
    );
    expect(use.sets).toMatchObject({ rgb: 2, cmyk: 2, gray: 2 });
    expect(use.names).toMatchObject({ DeviceRGB: 1, DeviceCMYK: 1, DeviceGray: 1 });
  });

  it('leaves a named colour space unknown without resources', () => {
    expect(contentColourUse('/CS0 cs 1 scn').sets.unknown).toBe(2);
  });
});

describe('outputIntents', () => {
  it('reads a PDF/X output intent and its CMYK profile', async () => {
    const path = join(dir, 'pdfx.pdf');
    await writePdf(path, { size: SIZE }, (doc) => {
      const profile = doc.ref({ N: 4 });
      profile.end(Buffer.from('stand-in for an ICC profile'));
      const intent = doc.ref({
        Type: 'OutputIntent',
        S: 'GTS_PDFX', // pdfkit writes a JS string as a name, a String object as a PDF string
        OutputConditionIdentifier: new String('FOGRA39'),
        RegistryName: new String('http://www.color.org'),
        Info: new String('Coated FOGRA39 — ISO 12647-2:2004'),
        DestOutputProfile: profile,
      });
      intent.end(undefined);
      internals(doc)._root.data.OutputIntents = [intent];
      doc.text('x');
    });
    expect(await outputIntents(path)).toEqual([
      {
        subtype: 'GTS_PDFX',
        outputConditionIdentifier: 'FOGRA39',
        outputCondition: undefined,
        registryName: 'http://www.color.org',
        info: 'Coated FOGRA39 — ISO 12647-2:2004',
        destOutputProfile: { components: 4, bytes: 27 },
      },
    ]);
  });

  it('is empty when the file has none', async () => {
    expect(await outputIntents(sample)).toEqual([]);
  });
});

describe('renderPage', () => {
  it('renders one page to a PNG at the asked resolution', async () => {
    const png = PNG.sync.read(await renderPage(sample, 1, 36));
    expect([png.width, png.height]).toEqual([200, 300]);
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if ((png.data[i] ?? 0) > 200 && (png.data[i + 1] ?? 255) < 80 && (png.data[i + 2] ?? 255) < 80) red++;
    }
    expect(red).toBeGreaterThan(0);
  });
});

describe('qpdfCheck and ghostscriptCheck', () => {
  it('pass a sound file', async () => {
    expect(await qpdfCheck(sample)).toMatchObject({ ok: true });
    const gs = await ghostscriptCheck(sample);
    expect(gs.ok, gs.output).toBe(true);
  });

  it('fail a file cut in half', async () => {
    const path = join(dir, 'half.pdf');
    await writeFile(path, sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2)));
    expect(await qpdfCheck(path)).toMatchObject({ ok: false });
    expect(await ghostscriptCheck(path)).toMatchObject({ ok: false });
  });

  // Ghostscript repairs a file without its xref table and exits 0; only its messages tell.
  it('fail a file missing its end, which Ghostscript silently repairs', async () => {
    const path = join(dir, 'no-tail.pdf');
    const end = sampleBytes.lastIndexOf('xref');
    await writeFile(path, sampleBytes.subarray(0, end));
    expect(await qpdfCheck(path)).toMatchObject({ ok: false });
    const gs = await ghostscriptCheck(path);
    expect(gs.ok).toBe(false);
    expect(gs.output).toMatch(/repaired/);
  });

  it('treats qpdf warnings (exit 3) as not ok and keeps them', async () => {
    const path = join(dir, 'bad-startxref.pdf');
    const text = (await readFile(sample)).toString('latin1');
    await writeFile(path, Buffer.from(text.replace(/startxref\s+\d+/, 'startxref\n123'), 'latin1'));
    const check = await qpdfCheck(path);
    expect(check.ok).toBe(false);
    expect(check.output).toMatch(/WARNING/);
  });

  it('is not fooled by "error" in the file name', async () => {
    const path = join(dir, 'error-damaged.pdf');
    await writeFile(path, sampleBytes);
    expect(await qpdfCheck(path)).toMatchObject({ ok: true });
  });
});
