// From a read workbook to the batch's tasks: which resellers, each one's priced grid, its folder and
// file stem, its language, its logo; shared by the batch and by the preview of one reseller's page,
// so the page previewed is the page built.
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { GridRequest } from '../../api/grid-contract.ts';
import { CatalogError } from '../../engine/errors.ts';
import type { Issue } from '../../engine/model.ts';
import type { GridTemplate } from '../../engine/price-grid/grid-template.ts';
import {
  priceResellerGrid,
  type PricingSettings,
  type ResellerGrid,
} from '../../engine/price-grid/price-reseller-grid.ts';
import type { Reseller } from '../../engine/resellers/reseller-model.ts';
import { foldForMatch } from '../../engine/values/normalize-text.ts';
import { cacheDir } from '../config-dir.ts';
import { BUNDLED_FONTS } from '../font-provider.ts';
import { buildDate, defaultLocale } from '../source-policy.ts';
import { uniqueStems } from './file-names.ts';
import type { GridWorkbook } from './read-grid-workbook.ts';
import type { ResellerTask } from './reseller-outputs.ts';

export type TaskRequest = Pick<
  GridRequest,
  'file' | 'out' | 'only' | 'outputs' | 'encrypt' | 'whiteLabel' | 'textVariant' | 'lang'
>;

const unknownResellers = (names: string[], known: string[]) =>
  new CatalogError(
    'GRID_UNKNOWN_RESELLER',
    {
      fr: `Revendeur inconnu : ${names.join(', ')}. Revendeurs de la liste : ${known.join(', ')}.`,
      en: `Unknown reseller: ${names.join(', ')}. Resellers in the list: ${known.join(', ')}.`,
    },
    { field: 'only' },
  );

/**
 * The settings pricing uses: TTC is computed only on prices the workbook says are before tax, and
 * VAT rates given without that are said to be unused.
 */
export function pricingSettings(workbook: GridWorkbook, issues: Issue[]): PricingSettings {
  const { settings } = workbook;
  if (settings.taxBasis === 'ht') return settings;
  if (settings.taxBasis === undefined && Object.keys(settings.vatByFamily).length)
    issues.push({
      severity: 'warning',
      code: 'GRID_TAX_BASIS_UNKNOWN',
      message: {
        fr: `${workbook.file} : le classeur ne dit pas si les prix sont HT ou TTC ; aucun prix TTC n'est calculé. Ajoutez « Base : HT » à la feuille des conditions.`,
        en: `${workbook.file}: the workbook does not say whether prices are before or after VAT; no price with VAT is computed. Add "Prices: excl. VAT" to the conditions sheet.`,
      },
    });
  return { ...settings, vatByFamily: {} };
}

/** The language a reseller's list speaks: its locale's when it has one we print in, else the user's. */
function localeFor(
  reseller: Reseller,
  request: Pick<GridRequest, 'lang'>,
): { locale: string; lang: 'fr' | 'en' } {
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

export type Priced = { reseller: Reseller; grid: ResellerGrid; dir: string };

export async function resellerTasks(
  workbook: GridWorkbook,
  request: TaskRequest,
  template: GridTemplate,
  issues: Issue[],
): Promise<{ tasks: ResellerTask[]; priced: Priced[]; skipped: string[] }> {
  const { settings } = workbook;
  const white = request.whiteLabel ?? template.whiteLabel;
  const laidOut = { ...template, whiteLabel: white };
  const pricing = pricingSettings(workbook, issues);
  const outDir = resolve(request.out);

  const resellers = chosen(workbook, request.only);
  const stems = uniqueStems(resellers.map((r) => r.name));
  const stemOf = basename(request.file, extname(request.file));
  const date = buildDate().toISOString();
  const supplierLogo = white ? undefined : await logoPath(workbook, settings.supplier?.logo);
  const tasks: ResellerTask[] = [];
  const priced: Priced[] = [];
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
      imageCache: join(cacheDir(), 'pictures'),
    });
  }

  return { tasks, priced, skipped };
}
