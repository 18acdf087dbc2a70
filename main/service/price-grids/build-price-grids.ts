// The price-grid batch: read the workbook once, price every reseller's list, then write each one's
// files across threads, with progress per reseller and cancel; last, a summary table of what was made
// (reseller, level, rate, files, pages — never a password). A reseller that cannot be priced is named
// in the issues and skipped; the others are still made.
import { basename, extname, join } from 'node:path';
import type { GridBuildResult, GridBuilt, GridRequest } from '../../api/grid-contract.ts';
import { writeFileAtomic } from '../../engine/io/write-atomic.ts';
import type { Issue } from '../../engine/model.ts';
import { loadGridTemplate } from '../../engine/price-grid/grid-template.ts';
import type { Hooks } from '../open-source.ts';
import { userTemplatesDir } from '../source-policy.ts';
import { removeTemps } from '../unfinished-outputs.ts';
import { runResellerTasks } from './grid-pool.ts';
import { resellerSummary, summaryCsv } from './grid-summary.ts';
import { readGridWorkbook } from './read-grid-workbook.ts';
import { resellerTasks } from './reseller-tasks.ts';
import { outFolder } from '../out-folder.ts';

export async function buildPriceGrids(request: GridRequest, hooks: Hooks = {}): Promise<GridBuildResult> {
  const outDir = await outFolder(request.out);

  const template = await loadGridTemplate(request.template, userTemplatesDir());
  const workbook = await readGridWorkbook(request, hooks);
  const issues: Issue[] = [...workbook.issues];
  if (issues.some((i) => i.severity === 'error'))
    return { status: 'refused', resellers: [], skipped: [], issues };

  const { tasks, priced, skipped } = await resellerTasks(workbook, request, template, issues);

  let done = 0;
  hooks.onProgress?.({ stage: 'resellers', done, total: tasks.length });
  const outputs = await runResellerTasks(tasks, {
    workers: request.workers,
    signal: hooks.signal,
    onDone: () => hooks.onProgress?.({ stage: 'resellers', done: ++done, total: tasks.length }),
  }).catch(async (error: unknown) => {
    await Promise.all(priced.map((p) => removeTemps(p.dir, () => true)));
    throw error;
  });

  const built: GridBuilt[] = priced.map(({ reseller, grid }, i) => ({
    ...resellerSummary(reseller, grid),
    files: outputs[i]!.files,
  }));
  // Logos arrive in RGB and are converted for print: said once for the batch, not once per reseller.
  const rgb = outputs.some((o) => o.issues.some((i) => i.code === 'IMAGE_RGB'));
  for (const o of outputs) issues.push(...o.issues.filter((i) => i.code !== 'IMAGE_RGB'));
  if (rgb)
    issues.push({
      severity: 'info',
      code: 'IMAGE_RGB',
      message: {
        fr: "Les logos en RVB ont été convertis en CMJN pour les PDF d'impression : vérifiez leurs couleurs sur épreuve.",
        en: 'Logos in RGB were converted to CMYK for the print PDFs: check their colours on a proof.',
      },
    });
  const stemOf = basename(request.file, extname(request.file));
  const summary = join(outDir, `${stemOf}-${request.lang === 'fr' ? 'synthese' : 'summary'}.csv`);
  await writeFileAtomic(summary, summaryCsv(built, skipped, outDir, request.lang));
  return { status: 'built', resellers: built, skipped, summary, issues };
}
