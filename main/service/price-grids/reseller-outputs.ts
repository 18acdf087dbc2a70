// One reseller's files: its price list laid out and preflighted, then the print PDF, the screen PDF
// (encrypted with the reseller's password when it has one: printing allowed, copying and editing not)
// and the tagged text, written as one set (output-set.ts: all replaced together, a killed batch never
// leaves a new PDF beside an old text). Runs in a batch thread: the task is plain data.
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadSharp } from '../../engine/common/lazy-modules.ts';
import { writePdf } from '../../engine/export/pdf/write-pdf.ts';
import { encodeTaggedText } from '../../engine/export/tagged-text/encode-tagged-text.ts';
import { openOutputSet, type OutputSet } from '../../engine/io/output-set.ts';
import { writeFileAtomic } from '../../engine/io/write-atomic.ts';
import type { FontProvider } from '../../engine/layout/fonts.ts';
import type { LayoutPlan } from '../../engine/layout/layout-plan.ts';
import type { ResolvedImage } from '../../engine/layout/resolved-images.ts';
import type { Issue, Lang } from '../../engine/model.ts';
import { preflight } from '../../engine/preflight/preflight.ts';
import type { GridTemplate } from '../../engine/price-grid/grid-template.ts';
import { gridTaggedText } from '../../engine/price-grid/grid-tagged-text.ts';
import { currencySign, type TaxBasis, type Validity } from '../../engine/price-grid/grid-words.ts';
import { layoutPriceGrid, type Supplier } from '../../engine/price-grid/layout-price-grid.ts';
import type { ResellerGrid } from '../../engine/price-grid/price-reseller-grid.ts';

export type GridOutputKind = 'print' | 'screen' | 'tagged-text';

export type ResellerTask = {
  grid: ResellerGrid;
  /** The reseller's folder and its files' stem (`…/dupont/tarifs-2027-dupont`). */
  dir: string;
  stem: string;
  outputs: GridOutputKind[];
  encrypt: boolean;
  template: GridTemplate;
  locale: string;
  lang: Lang;
  title: string;
  currency?: string | undefined;
  basis?: TaxBasis | undefined;
  validity?: Validity | undefined;
  terms: string[];
  /** Absent in white label. */
  supplier?: (Supplier & { logo?: string | undefined }) | undefined;
  /** The reseller's logo file, found beforehand. */
  logo?: string | undefined;
  /** ISO instant stamped in the PDFs (SOURCE_DATE_EPOCH for reproducible builds). */
  date: string;
  textVariant: 'win' | 'mac';
  /** The reseller sheet, so an issue names the reseller's row. */
  sheet: string;
  fonts: FontProvider;
  /** Converted logos kept between builds (prepare-images.ts): the supplier's is converted once. */
  imageCache?: string | undefined;
};

export type ResellerFile = {
  kind: GridOutputKind;
  path: string;
  pages?: number;
  bytes: number;
  encrypted: boolean;
};
export type ResellerOutputs = { files: ResellerFile[]; issues: Issue[] };

const SUFFIX: Record<Lang, Record<'print' | 'screen', string>> = {
  fr: { print: 'impression', screen: 'ecran' },
  en: { print: 'print', screen: 'screen' },
};

async function resolveLogo(
  path: string | undefined,
  task: ResellerTask,
  issues: Issue[],
): Promise<ResolvedImage | undefined> {
  if (!path) return undefined;
  try {
    const sharp = await loadSharp();
    const meta = await sharp(path).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    return {
      source: { path },
      pixels: { width: meta.width, height: meta.height },
      space: meta.space ?? 'srgb',
    };
  } catch {
    const cell = { sheet: task.sheet, row: task.grid.reseller.row };
    issues.push({
      severity: 'warning',
      code: 'GRID_LOGO_UNREADABLE',
      message: {
        fr: `${task.grid.reseller.name} : le logo ${path} est illisible ; la liste est faite sans lui.`,
        en: `${task.grid.reseller.name}: the logo ${path} cannot be read; the list is made without it.`,
      },
      cell,
      ref: `${cell.sheet}!${cell.row}:${cell.row}`,
    });
    return undefined;
  }
}

const commonOf = (task: ResellerTask) => ({
  template: task.template,
  locale: task.locale,
  lang: task.lang,
  title: task.title,
  currency: task.currency,
  basis: task.basis,
  validity: task.validity,
  terms: task.terms,
});

/** The reseller's pages, its logos read: what both PDFs are drawn from, and what a preview shows. */
export async function planResellerList(task: ResellerTask, issues: Issue[]): Promise<LayoutPlan> {
  const logos = {
    reseller: await resolveLogo(task.logo, task, issues),
    supplier: task.supplier ? await resolveLogo(task.supplier.logo, task, issues) : undefined,
  };
  return layoutPriceGrid(task.grid, { ...commonOf(task), fonts: task.fonts, supplier: task.supplier, logos });
}

export async function writeResellerOutputs(
  task: ResellerTask,
  signal?: AbortSignal,
): Promise<ResellerOutputs> {
  const set = await openOutputSet(task.dir, task.stem);
  try {
    const outputs = await writeResellerFiles(task, set, signal);
    await set.commit();
    return outputs;
  } catch (error) {
    await set.abort();
    throw error;
  }
}

/** Writes into the set's staging folder; the paths returned are where the files are once committed. */
async function writeResellerFiles(
  task: ResellerTask,
  set: OutputSet,
  signal?: AbortSignal,
): Promise<ResellerOutputs> {
  const issues: Issue[] = [];
  const files: ResellerFile[] = [];
  const { grid, lang, locale } = task;
  const reseller = grid.reseller;
  const sign = task.currency ? currencySign(task.currency, locale) : undefined;
  const common = commonOf(task);
  const date = new Date(task.date);

  const wantsPdf = task.outputs.some((o) => o === 'print' || o === 'screen');
  if (wantsPdf) {
    const plan = await planResellerList(task, issues);
    for (const mode of ['print', 'screen'] as const) {
      if (!task.outputs.includes(mode)) continue;
      for (const issue of preflight(plan, { mode, fonts: task.fonts, sheet: task.sheet }))
        issues.push({
          ...issue,
          message: {
            fr: `${reseller.name}, ${issue.message.fr}`,
            en: `${reseller.name}, ${issue.message.en}`,
          },
        });
      const path = join(task.dir, `${task.stem}-${SUFFIX[lang][mode]}.pdf`);
      const staged = set.path(basename(path));
      const encrypted = mode === 'screen' && task.encrypt && Boolean(reseller.password);
      await writePdf(staged, plan, {
        mode,
        fonts: task.fonts,
        ...(task.imageCache ? { imageCache: task.imageCache } : {}),
        date,
        lang: locale,
        subject: `${task.title} — ${reseller.name}`,
        ...(task.supplier?.name ? { author: task.supplier.name } : {}),
        ...(encrypted
          ? {
              password: {
                user: reseller.password!,
                // Never the reseller's own: whoever holds it must not be able to lift the restrictions.
                owner: randomBytes(24).toString('base64url'),
                allowPrinting: true,
                allowCopying: false,
              },
            }
          : {}),
        ...(signal ? { signal } : {}),
      });
      files.push({ kind: mode, path, pages: plan.pages.length, bytes: (await stat(staged)).size, encrypted });
    }
  }
  if (task.outputs.includes('tagged-text')) {
    const text = gridTaggedText(grid, { ...common, sign, variant: task.textVariant });
    const path = join(task.dir, `${task.stem}.txt`);
    const staged = set.path(basename(path));
    await writeFileAtomic(staged, encodeTaggedText(text, task.textVariant));
    files.push({ kind: 'tagged-text', path, bytes: (await stat(staged)).size, encrypted: false });
  }
  return { files, issues };
}
