// Renders the README's pictures from what `npm run demo` wrote:
// - docs/catalog-pages.png: pages of the screen PDFs (trimmed) in two rows, a spread among them (pdftoppm);
// - docs/price-grid-pages.png: reseller price lists (print PDFs of `catalog grid`: the screen ones are locked), two by two;
// - docs/annotated-workbook.png: the annotated workbook as LibreOffice prints it (skipped without it).
// Needs poppler-utils, and LibreOffice for the second picture; not part of CI.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

const work = mkdtempSync(join(tmpdir(), 'pictures-'));

function page(pdf: string, number: number, dpi: number): string {
  const out = join(work, `${pdf.replace(/\W/g, '_')}-${number}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(number),
    '-l',
    String(number),
    '-singlefile',
    pdf,
    out,
  ]);
  return `${out}.png`;
}

/** One tile of a picture: a page alone, or two facing pages side by side as the reader opens them. */
type Tile = string | [left: string, right: string];

/**
 * Tiles in rows on a grey table, a gap between tiles and none between facing pages (a faint spine
 * line instead), so a spread reads as one opened catalog.
 */
async function contactSheet(rows: Tile[][], out: string): Promise<void> {
  const pages = rows.flat(2);
  const metas = await Promise.all(pages.map((p) => sharp(p).metadata()));
  const width = Math.max(...metas.map((m) => m.width!));
  const height = Math.max(...metas.map((m) => m.height!));
  const gap = 16;
  const tileWidth = (tile: Tile) => (typeof tile === 'string' ? width : 2 * width);
  const rowWidth = (row: Tile[]) => row.reduce((sum, tile) => sum + tileWidth(tile) + gap, gap);
  const composites: OverlayOptions[] = [];
  rows.forEach((row, r) => {
    const top = gap + r * (height + gap);
    let left = gap;
    for (const tile of row) {
      if (typeof tile === 'string') composites.push({ input: tile, left, top });
      else {
        composites.push({ input: tile[0], left, top }, { input: tile[1], left: left + width, top });
        const spine = { create: { width: 1, height, channels: 3, background: '#c8c8c8' } } as const;
        composites.push({ input: spine, left: left + width, top });
      }
      left += tileWidth(tile) + gap;
    }
  });
  await sharp({
    create: {
      width: Math.max(...rows.map(rowWidth)),
      height: rows.length * (height + gap) + gap,
      channels: 3,
      background: '#d8d8d8',
    },
  })
    .composite(composites)
    .png()
    .toFile(out);
}

// Trimmed pages (the screen PDFs): the picture shows the catalog as it reads, without the crop
// marks and bleed of the print PDFs, so two facing pages meet at the spine.
const screen = 'out/demo/screen';
const clean = (template: string, n: number) =>
  page(`${screen}/quincaillerie-tarif-2026-corrige-${template}.pdf`, n, 50);
// The corrected French tariff, clean as it goes to the printer: cover, contents, a spread of the
// grid; a list-catalog page, the price list with its VAT column, the index; and one page of the
// English lookbook, still a proof (its planted errors), to show the watermark and marked products.
await contactSheet(
  [
    [
      clean('product-grid', 1),
      clean('product-grid', 2),
      [clean('product-grid', 4), clean('product-grid', 5)],
    ],
    [
      clean('list-catalog', 1),
      clean('price-list', 1),
      clean('list-catalog', 4),
      page(`${screen}/fashion-lookbook-2026-product-grid.pdf`, 4, 50),
    ],
  ],
  'docs/catalog-pages.png',
);
console.log('docs/catalog-pages.png');

// Reseller price lists: a French reseller's first and last pages, an English one's, one in white label.
const grids = 'out/demo/grids';
await contactSheet(
  [
    [
      page(
        `${grids}/imprim-express-lyon/imprimerie-revendeurs-2027-imprim-express-lyon-impression.pdf`,
        1,
        45,
      ),
      page(
        `${grids}/imprim-express-lyon/imprimerie-revendeurs-2027-imprim-express-lyon-impression.pdf`,
        3,
        45,
      ),
    ],
    [
      page(`${grids}/bright-print-ltd/imprimerie-revendeurs-2027-bright-print-ltd-print.pdf`, 1, 45),
      page(
        `${grids}-white-label/copie-conforme/imprimerie-revendeurs-2027-copie-conforme-impression.pdf`,
        1,
        45,
      ),
    ],
  ],
  'docs/price-grid-pages.png',
);
console.log('docs/price-grid-pages.png');

// The annotated workbook, printed by LibreOffice on one landscape page per sheet.
try {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('out/demo/quincaillerie-tarif-2026.annotated.xlsx');
  for (const ws of wb.worksheets)
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    };
  const copy = join(work, 'annotated.xlsx');
  await wb.xlsx.writeFile(copy);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, copy], { stdio: 'ignore' });
  const data = wb.worksheets.indexOf(wb.getWorksheet('Tarif 2026')!) + 1;
  // Trim the blank page margins so the picture is all sheet.
  await sharp(page(join(work, 'annotated.pdf'), data, 110))
    .trim({ threshold: 10 })
    .extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#ffffff' })
    .png()
    .toFile('docs/annotated-workbook.png');
  console.log('docs/annotated-workbook.png');
} catch (error) {
  console.log(`docs/annotated-workbook.png not rendered (LibreOffice missing?): ${String(error)}`);
}
