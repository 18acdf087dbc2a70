// `npm run demo`: runs the product on the sample workbooks and leaves what it makes in out/demo/:
// a report in French and English, the issues as JSON and an annotated copy of each workbook.
// (PDF catalogs and tagged text join this folder with the output engine.)
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../main/engine/io/write-atomic.ts';
import { runCli } from '../main/cli/main.ts';

const OUT = 'out/demo';
const SAMPLES = [
  { file: 'samples/quincaillerie-tarif-2026.xlsx', template: 'price-list', lang: 'fr' },
  { file: 'samples/fashion-lookbook-2026.xlsx', template: 'product-grid', lang: 'en' },
  { file: 'samples/tarif-export-excel-fr.csv', template: 'list-catalog', lang: 'fr' },
] as const;

async function capture(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') + '\n' };
}

await mkdir(OUT, { recursive: true });
for (const { file, template, lang } of SAMPLES) {
  const name = basename(file, extname(file));
  const common = [file, '--template', template, '--lang', lang];
  const inspect = await capture(['inspect', ...common]);
  const report = await capture(['validate', ...common, '--annotate', join(OUT, `${name}.annotated.xlsx`)]);
  const json = await capture(['validate', ...common, '--json']);
  await writeFileAtomic(join(OUT, `${name}.report.txt`), `${inspect.text}\n${report.text}`);
  await writeFileAtomic(join(OUT, `${name}.issues.json`), json.text);
  console.log(
    `${file} → ${OUT}/${name}.{report.txt,issues.json,annotated.xlsx} (validate exit ${report.code})`,
  );
}
