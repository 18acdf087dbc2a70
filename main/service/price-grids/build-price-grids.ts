// The price-grid batch: read the workbook once, price every reseller's list, then write each one's
// files across threads, with progress per reseller and cancel; last, a summary table of what was made
// (reseller, level, rate, files, pages — never a password). A reseller that cannot be priced is named
// in the issues and skipped; the others are still made.
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { GridBuildResult, GridBuilt, GridRequest } from '../../api/grid-contract.ts';
import { CatalogError } from '../../engine/errors.ts';
import { assertNotSameFile, writeFileAtomic } from '../../engine/io/write-atomic.ts';
import type { Issue } from '../../engine/model.ts';
import { loadGridTemplate } from '../../engine/price-grid/grid-template.ts';
import { priceResellerGrid, type ResellerGrid } from '../../engine/price-grid/price-reseller-grid.ts';
import type { Reseller } from '../../engine/resellers/reseller-model.ts';
import { foldForMatch } from '../../engine/values/normalize-text.ts';
import { BUNDLED_FONTS } from '../font-provider.ts';
import type { Hooks } from '../open-source.ts';
import { buildDate, defaultLocale, userTemplatesDir } from '../source-policy.ts';
import { uniqueStems } from './file-names.ts';
import { runResellerTasks } from './grid-pool.ts';
import { readGridWorkbook, type GridWorkbook } from './read-grid-workbook.ts';
import type { ResellerTask } from './reseller-outputs.ts';
import { resellerSummary, summaryCsv } from './grid-summary.ts';

const outIsAFile = (dir: string) =>
  new CatalogError(
    'OUT_IS_A_FILE',
    {
      fr: `${dir} est un fichier, pas un dossier : indiquez un dossier de sortie.`,
      en: `${dir} is a file, not a folder: give an output folder.`,
    },
    { field: 'out' },
  );

const unknownResellers = (names: string[], known: string[]) =>
  new CatalogError(
    'GRID_UNKNOWN_RESELLER',
    {
      fr: `Revendeur inconnu : ${names.join(', ')}. Revendeurs de la liste : ${known.join(', ')}.`,
      en: `Unknown reseller: ${names.join(', ')}. Resellers in the list: ${known.join(', ')}.`,
    },
    { field: 'only' },
  );

/** The language a reseller's list speaks: its locale's when it has one we print in, else the user's. */
function localeFor(reseller: Reseller, request: GridRequest): { locale: string; lang: 'fr' | 'en' } {
  const tag = reseller.locale;
  if (tag && /^(fr|en)\b/i.test(tag))
    return { locale: tag, lang: tag.slice(0, 2).toLowerCase() as 'fr' | 'en' };
  return { locale: defaultLocale(request.lang), lang: request.lang };
}

function chosen(workbook: GridWorkbook, only: string[] | undefined): Reseller[] {
  const all = workbook.resellers.resellers;
  if (!only?.length) return all;
  const wanted = new Set(only.map(foldForMatch));
  const missing = only.filter((name) => !all.some((r) => foldForMatch(r.name) === foldForMatch(name)));
  if (missing.length)
    throw unknownResellers(
      missing,
      all.map((r) => r.name),
    );
  return all.filter((r) => wanted.has(foldForMatch(r.name)));
}

async function logoPath(workbook: GridWorkbook, logo: string | undefined): Promise<string | undefined> {
  if (!logo) return undefined;
  const wanted = [logo, basename(logo)].map((n) => n.toLowerCase());
  for (const dir of workbook.logoDirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const found = names.find((n) => wanted.includes(n.toLowerCase()));
    if (found) return join(dir, found);
  }
  return undefined;
}

/** Hidden temp files a stopped batch left in the resellers' folders (write-atomic.ts names them). */
async function removeUnfinished(dirs: string[]): Promise<void> {
  await Promise.all(
    dirs.map(async (dir) => {
      const entries = await readdir(dir).catch(() => [] as string[]);
      await Promise.all(
        entries
          .filter((e) => e.startsWith('.') && /\.[0-9a-f]{12}\.tmp$/.test(e))
          .map((e) => rm(join(dir, e), { force: true }).catch(() => undefined)),
      );
    }),
  );
}

export async function buildPriceGrids(request: GridRequest, hooks: Hooks = {}): Promise<GridBuildResult> {
  const outDir = resolve(request.out);
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw outIsAFile(outDir);

  const template = await loadGridTemplate(request.template, userTemplatesDir());
  const workbook = await readGridWorkbook(request, hooks);
  const issues: Issue[] = [...workbook.issues];
  if (issues.some((i) => i.severity === 'error'))
    return { status: 'refused', resellers: [], skipped: [], issues };

  const { settings } = workbook;
  const white = request.whiteLabel ?? template.whiteLabel;
  const laidOut = { ...template, whiteLabel: white };
  // TTC is computed only on prices the workbook says are before tax.
  const pricing = settings.taxBasis === 'ht' ? settings : { ...settings, vatByFamily: {} };
  if (settings.taxBasis === undefined && Object.keys(settings.vatByFamily).length)
    issues.push({
      severity: 'warning',
      code: 'GRID_TAX_BASIS_UNKNOWN',
      message: {
        fr: `${workbook.file} : le classeur ne dit pas si les prix sont HT ou TTC ; aucun prix TTC n'est calculé. Ajoutez « Base : HT » à la feuille des conditions.`,
        en: `${workbook.file}: the workbook does not say whether prices are before or after VAT; no price with VAT is computed. Add "Prices: excl. VAT" to the conditions sheet.`,
      },
    });

  const resellers = chosen(workbook, request.only);
  const stems = uniqueStems(resellers.map((r) => r.name));
  const stemOf = basename(request.file, extname(request.file));
  const date = buildDate().toISOString();
  const supplierLogo = white ? undefined : await logoPath(workbook, settings.supplier?.logo);
  const tasks: ResellerTask[] = [];
  const priced: { reseller: Reseller; grid: ResellerGrid; dir: string }[] = [];
  const skipped: string[] = [];
  for (const [i, reseller] of resellers.entries()) {
    const result = priceResellerGrid(workbook.grids, reseller, pricing, workbook.resellers.sheet);
    issues.push(...result.issues);
    if (!result.grid) {
      skipped.push(reseller.name);
      continue;
    }
    const dir = join(outDir, stems[i]!);
    const stem = `${stemOf}-${stems[i]}`;
    for (const ext of ['.pdf', '.txt']) assertNotSameFile(request.file, join(dir, `${stem}${ext}`));
    const { locale, lang } = localeFor(reseller, request);
    priced.push({ reseller, grid: result.grid, dir });
    tasks.push({
      grid: result.grid,
      dir,
      stem,
      outputs: request.outputs,
      encrypt: request.encrypt,
      template: laidOut,
      locale,
      lang,
      title: settings.title ?? template.texts.title[lang],
      currency: settings.currency,
      basis: settings.taxBasis,
      validity: settings.validity,
      terms: settings.terms,
      supplier: white ? undefined : { ...settings.supplier, logo: supplierLogo },
      logo: await logoPath(workbook, reseller.logo),
      date,
      textVariant: request.textVariant,
      sheet: workbook.resellers.sheet,
      fonts: BUNDLED_FONTS,
    });
  }

  let done = 0;
  hooks.onProgress?.({ stage: 'resellers', done, total: tasks.length });
  const outputs = await runResellerTasks(tasks, {
    workers: request.workers,
    signal: hooks.signal,
    onDone: () => hooks.onProgress?.({ stage: 'resellers', done: ++done, total: tasks.length }),
  }).catch(async (error: unknown) => {
    await removeUnfinished(priced.map((p) => p.dir));
    throw error;
  });

  const built: GridBuilt[] = priced.map(({ reseller, grid }, i) => ({
    ...resellerSummary(reseller, grid),
    files: outputs[i]!.files,
  }));
  for (const o of outputs) issues.push(...o.issues);
  const summary = join(outDir, `${stemOf}-${request.lang === 'fr' ? 'synthese' : 'summary'}.csv`);
  await writeFileAtomic(summary, summaryCsv(built, skipped, outDir, request.lang));
  return { status: 'built', resellers: built, skipped, summary, issues };
}
