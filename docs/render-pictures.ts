// Renders the README's pictures from what `npm run demo` wrote: the annotated workbook, printed by
// LibreOffice on one landscape page per sheet, then rasterised by pdftoppm.
// Needs LibreOffice and poppler-utils (apt-get install libreoffice-calc-nogui poppler-utils); not part of CI.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const source = 'out/demo/quincaillerie-tarif-2026.annotated.xlsx';
const work = mkdtempSync(join(tmpdir(), 'pictures-'));
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(source);
for (const ws of wb.worksheets) {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
  };
}
// The data sheet first: it is the picture that tells the story.
const data = wb.getWorksheet('Tarif 2026')!;
const copy = join(work, 'annotated.xlsx');
await wb.xlsx.writeFile(copy);
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, copy], { stdio: 'ignore' });
const page = wb.worksheets.indexOf(data) + 1;
execFileSync('pdftoppm', [
  '-r',
  '110',
  '-png',
  '-f',
  String(page),
  '-l',
  String(page),
  '-singlefile',
  join(work, 'annotated.pdf'),
  join(work, 'page'),
]);
// Trim the blank page margins so the picture is all sheet.
await sharp(join(work, 'page.png'))
  .trim({ threshold: 10 })
  .extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#ffffff' })
  .png()
  .toFile('docs/annotated-workbook.png');
console.log('docs/annotated-workbook.png');
