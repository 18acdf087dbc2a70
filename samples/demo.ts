// `npm run demo`: runs the product on the sample workbooks and leaves what it makes in out/demo/:
// the builds go through the service, the reports are the CLI's own text (inspect, validate).
// print and screen PDFs for every built-in template, InDesign tagged text, Data Merge sources, and
// for each workbook a validation report and an annotated copy, and the price lists of the print-trade
// sample's resellers (out/demo/grids/, and two in white label). The French sample carries planted
// mistakes, so it is built with --force, as a user would to see a proof while the fixes come in; its
// corrected copy is built as it would be for the printer, clean, with no proof mark.
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../main/engine/io/write-atomic.ts';
import { BuildRequest, parseRequest } from '../main/api/contract.ts';
import { runCli } from '../main/cli/main.ts';
import { buildCatalog } from '../main/service/index.ts';

const OUT = 'out/demo';
// Fixed dates: the demo's outputs are the same bytes on every machine.
process.env.SOURCE_DATE_EPOCH ??= String(Date.UTC(2026, 0, 5) / 1000);

const WORKBOOKS = [
  { file: 'samples/quincaillerie-tarif-2026.xlsx', lang: 'fr', locale: 'fr-FR', force: true },
  { file: 'samples/quincaillerie-tarif-2026-corrige.xlsx', lang: 'fr', locale: 'fr-FR', force: false },
  { file: 'samples/fashion-lookbook-2026.xlsx', lang: 'en', locale: 'en-GB', force: true },
  { file: 'samples/tarif-export-excel-fr.csv', lang: 'fr', locale: 'fr-FR', force: false },
] as const;
const TEMPLATES = ['product-grid', 'list-catalog', 'price-list'] as const;

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') + '\n' };
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
for (const { file, lang, locale, force } of WORKBOOKS) {
  const name = basename(file, extname(file));
  const common = [file, '--lang', lang];
  const report = await run(['validate', ...common, '--annotate', join(OUT, `${name}.annotated.xlsx`)]);
  await writeFileAtomic(
    join(OUT, `${name}.report.txt`),
    (await run(['inspect', ...common])).text + '\n' + report.text,
  );
  for (const template of TEMPLATES) {
    const request = { file, lang, locale, template, force, formats: ['pdf', 'tagged-text', 'data-merge'] };
    const print = await buildCatalog(parseRequest(BuildRequest, { ...request, out: join(OUT, 'print') }));
    const screen = await buildCatalog(
      parseRequest(BuildRequest, { ...request, out: join(OUT, 'screen'), mode: 'screen', formats: ['pdf'] }),
    );
    const files = [print, screen].flatMap((r) => (r.status === 'built' ? r.files : []));
    console.log(`${name} × ${template}: ${files.length} files (${print.status}/${screen.status})`);
  }
}

// The print-trade sample: one price list per reseller, then the same batch in white label.
for (const [folder, extra] of [
  ['grids', []],
  ['grids-white-label', ['--white-label', '--only', 'Bright Print Ltd,Copie Conforme']],
] as const) {
  const grid = await run([
    'grid',
    'samples/imprimerie-revendeurs-2027.xlsx',
    '--out',
    join(OUT, folder),
    '--lang',
    'fr',
    ...extra,
  ]);
  console.log(`imprimerie-revendeurs-2027 × price-grid (${folder}): exit ${grid.code}`);
}
console.log(`→ ${OUT}/`);
