// `catalog build`: the validated catalog as a print or screen PDF, InDesign tagged text and a Data
// Merge source, written atomically into --out, never over the input.
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { CatalogError } from '../engine/errors.ts';
import type { Lang } from '../engine/model.ts';
import { exportCatalog, FORMATS, type Format } from '../engine/export/export-catalog.ts';
import { assertNotSameFile } from '../engine/io/write-atomic.ts';
import { validateCatalog } from '../engine/validate/validate.ts';
import { cliText } from './cli-text.ts';
import { formatIssues } from './format-issues.ts';
import { moneySettings } from './money-options.ts';
import { findImagesFolder, openSource } from './open-source.ts';
import { progressLine } from './terminal.ts';

export type BuildArgs = {
  file: string;
  sheet?: string;
  template?: string;
  mapping?: string;
  images?: string;
  out?: string;
  format?: string;
  mode?: string;
  bleed?: string;
  marks?: boolean;
  icc?: string;
  locale?: string;
  title?: string;
  password?: string;
  textVariant?: string;
  /** --currency, --vat, --prices: what the user states about the money (see money-options.ts). */
  currency?: string;
  vat?: string;
  prices?: string;
  force: boolean;
  lang: Lang;
};

const STAGES: Record<string, [string, string]> = {
  images: ['images', 'pictures'],
  pdf: ['pages PDF', 'PDF pages'],
};

const usage = (fr: string, en: string) => new CatalogError('USAGE', { fr, en });

/** Reproducible builds: SOURCE_DATE_EPOCH (seconds) fixes every date the outputs carry. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
}

function parseFormats(value: string | undefined): Format[] {
  const list = (value ?? 'pdf')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0)
    throw usage(
      `format inconnu « ${bad.join(', ')} » : pdf, tagged-text, data-merge`,
      `unknown format "${bad.join(', ')}": pdf, tagged-text, data-merge`,
    );
  return list as Format[];
}

export async function buildCommand(args: BuildArgs, out: (line: string) => void): Promise<number> {
  const t = cliText(args.lang);
  const fr = args.lang === 'fr';
  if (!args.out)
    throw usage('indiquez le dossier de sortie avec --out DOSSIER', 'give the output folder with --out DIR');
  const formats = parseFormats(args.format);
  const mode = args.mode ?? 'print';
  if (mode !== 'print' && mode !== 'screen')
    throw usage('--mode vaut print ou screen', '--mode is print or screen');
  const textVariant = args.textVariant ?? 'win';
  if (textVariant !== 'win' && textVariant !== 'mac')
    throw usage('--text-variant vaut win ou mac', '--text-variant is win or mac');
  const bleed = args.bleed === undefined ? undefined : Number(args.bleed.replace(',', '.'));
  if (bleed !== undefined && !(bleed >= 0 && bleed <= 10))
    throw usage(
      '--bleed : un nombre de millimètres entre 0 et 10',
      '--bleed: a number of millimetres from 0 to 10',
    );

  const money = moneySettings(args);
  const images = await findImagesFolder(args.file, args.images);
  const { imported, template, mapping } = await openSource(args.file, { ...args, readingLabel: t.reading });
  const { catalog, issues } = validateCatalog(imported.table, template, mapping, {
    ...(images ? { images } : {}),
    money,
  });
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length && !args.force) {
    for (const line of formatIssues(issues, args.lang)) out(line);
    out('');
    out(
      fr
        ? `Rien n'a été produit : corrigez les erreurs ci-dessus (ou relancez avec --force pour produire malgré tout).`
        : `Nothing was built: fix the errors above (or run again with --force to build anyway).`,
    );
    return 1;
  }

  const baseName = `${basename(args.file, extname(args.file))}-${template.id}`;
  const outDir = resolve(args.out);
  for (const name of [`${baseName}.pdf`, `${baseName}.txt`, `${baseName}-datamerge.csv`])
    assertNotSameFile(args.file, join(outDir, name));
  const progress = progressLine(fr ? 'Production' : 'Building');
  let result;
  try {
    result = await exportCatalog({
      catalog,
      template,
      sheet: imported.table.sheet,
      outDir,
      baseName,
      formats,
      mode,
      ...(bleed !== undefined ? { bleed } : {}),
      ...(args.marks !== undefined ? { marks: args.marks } : {}),
      ...(args.icc ? { icc: await readFile(args.icc) } : {}),
      ...(args.password ? { password: { owner: args.password, user: args.password } } : {}),
      textVariant,
      locale: args.locale ?? (fr ? 'fr-FR' : 'en-GB'),
      lang: args.lang,
      title: args.title ?? imported.table.title ?? basename(args.file, extname(args.file)),
      date: buildDate(),
      onProgress: (p) => progress.update(p.done, p.total, STAGES[p.stage]?.[fr ? 0 : 1] ?? p.stage),
    });
  } finally {
    progress.end();
  }
  const all = [...issues, ...result.issues];
  out(t.summaryTitle(imported.file, imported.table.sheet, catalog.items.length, template.name[args.lang]));
  for (const line of formatIssues(all, args.lang)) out(line);
  out('');
  for (const file of result.files) out(fr ? `Écrit : ${file}` : `Written: ${file}`);
  if (result.pages) {
    const pages = `${result.pages} page${result.pages > 1 ? 's' : ''}`;
    out(fr ? `${pages} (${mode === 'print' ? 'impression' : 'écran'})` : `${pages} (${mode})`);
  }
  return all.some((i) => i.severity === 'error') ? 1 : 0;
}
