// Building: validate as `validate` does, refuse while there are errors (unless forced), then write
// the chosen outputs atomically into the output folder, never over the workbook.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CatalogError } from '../engine/errors.ts';
import { exportCatalog } from '../engine/export/export-catalog.ts';
import { assertNotSameFile } from '../engine/io/write-atomic.ts';
import type { Issue } from '../engine/model.ts';
import type { BuildRequest } from '../api/contract.ts';
import { BUNDLED_FONTS } from './font-provider.ts';
import { validateSource, type Hooks, type Validated } from './open-source.ts';
import { buildDate, defaultLocale, defaultTitle, outputBaseName } from './source-policy.ts';

export type BuildResult =
  | { status: 'refused'; validated: Validated; issues: Issue[] }
  | {
      status: 'built';
      validated: Validated;
      /** Validation's issues, then preflight's. */
      issues: Issue[];
      files: string[];
      pages: number;
      /** Built with --force over validation errors: the files carry them. */
      forced: boolean;
    };

const outIsAFile = (dir: string) =>
  new CatalogError(
    'OUT_IS_A_FILE',
    {
      fr: `${dir} est un fichier, pas un dossier : indiquez un dossier de sortie.`,
      en: `${dir} is a file, not a folder: give an output folder.`,
    },
    { field: 'out' },
  );

export async function buildCatalog(request: BuildRequest, hooks: Hooks = {}): Promise<BuildResult> {
  const outDir = resolve(request.out);
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw outIsAFile(outDir);

  const validated = await validateSource(request, hooks);
  const { imported, template, catalog, issues } = validated;
  const errors = issues.some((i) => i.severity === 'error');
  if (errors && !request.force) return { status: 'refused', validated, issues };

  const baseName = outputBaseName(request.file, template.id);
  for (const name of [`${baseName}.pdf`, `${baseName}.txt`, `${baseName}-datamerge.csv`])
    assertNotSameFile(request.file, join(outDir, name));
  const result = await exportCatalog({
    catalog,
    template,
    sheet: imported.table.sheet,
    outDir,
    baseName,
    formats: request.formats,
    mode: request.mode,
    ...(request.bleed !== undefined ? { bleed: request.bleed } : {}),
    ...(request.marks !== undefined ? { marks: request.marks } : {}),
    ...(request.icc ? { icc: await readFile(request.icc) } : {}),
    ...(request.password ? { password: { owner: request.password, user: request.password } } : {}),
    textVariant: request.textVariant,
    locale: request.locale ?? defaultLocale(request.lang),
    lang: request.lang,
    title: request.title ?? defaultTitle(request.file, imported.table.title),
    date: buildDate(),
    fonts: BUNDLED_FONTS,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  return {
    status: 'built',
    validated,
    issues: [...issues, ...result.issues],
    files: result.files,
    pages: result.pages,
    forced: errors,
  };
}
