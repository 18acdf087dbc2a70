// Renders the README's pictures from what `npm run demo` wrote:
// - docs/catalog-pages.png: pages of the print PDFs side by side (pdftoppm);
// - docs/price-grid-pages.png: reseller price lists (print PDFs of `catalog grid`);
// - docs/annotated-workbook.png: the annotated workbook as LibreOffice prints it (skipped without it).
// Needs poppler-utils, and LibreOffice for the second picture; not part of CI.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

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

async function contactSheet(pages: string[], out: string): Promise<void> {
  const metas = await Promise.all(pages.map((p) => sharp(p).metadata()));
  const width = Math.max(...metas.map((m) => m.width!));
  const height = Math.max(...metas.map((m) => m.height!));
  const gap = 16;
  await sharp({
    create: {
      width: pages.length * (width + gap) + gap,
      height: height + 2 * gap,
      channels: 3,
      background: '#d8d8d8',
    },
  })
    .composite(pages.map((input, i) => ({ input, left: gap + i * (width + gap), top: gap })))
    .png()
    .toFile(out);
}

const print = 'out/demo/print';
await contactSheet(
  [
    page(`${print}/quincaillerie-tarif-2026-product-grid.pdf`, 1, 45),
    page(`${print}/quincaillerie-tarif-2026-product-grid.pdf`, 3, 45),
    page(`${print}/quincaillerie-tarif-2026-list-catalog.pdf`, 1, 45),
    page(`${print}/quincaillerie-tarif-2026-price-list.pdf`, 1, 45),
    page(`${print}/fashion-lookbook-2026-product-grid.pdf`, 3, 45),
  ],
  'docs/catalog-pages.png',
);
console.log('docs/catalog-pages.png');

// Reseller price lists: a French reseller's first and last pages, an English one's, one in white label.
const grids = 'out/demo/grids';
await contactSheet(
  [
    page(`${grids}/imprim-express-lyon/imprimerie-revendeurs-2027-imprim-express-lyon-impression.pdf`, 1, 45),
    page(`${grids}/imprim-express-lyon/imprimerie-revendeurs-2027-imprim-express-lyon-impression.pdf`, 3, 45),
    page(`${grids}/bright-print-ltd/imprimerie-revendeurs-2027-bright-print-ltd-print.pdf`, 1, 45),
    page(
      `${grids}-white-label/copie-conforme/imprimerie-revendeurs-2027-copie-conforme-impression.pdf`,
      1,
      45,
    ),
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
