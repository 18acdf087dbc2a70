// Building: validate as `validate` does, refuse while there are errors (unless forced), then write
// the chosen outputs atomically into the output folder, never over the workbook.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { exportCatalog, type ExportResult } from '../engine/export/export-catalog.ts';
import { resolveOutputIntent } from '../engine/export/pdf/output-intent.ts';
import { proofErrors, type ProofErrors } from '../engine/export/proof.ts';
import { assertNotSameFile } from '../engine/io/write-atomic.ts';
import type { Catalog, Issue } from '../engine/model.ts';
import type { Template } from '../engine/templates/template.ts';
import type { BuildRequest, SourceRequest } from '../api/contract.ts';
import { cacheDir } from './config-dir.ts';
import { BUNDLED_FONTS } from './font-provider.ts';
import { validateSource, type Hooks, type Validated } from './open-source.ts';
import { buildDate, defaultLocale, defaultTitle, outputBaseName } from './source-policy.ts';
import { outFolder } from './out-folder.ts';
import { validityOption } from './price-list-validity.ts';

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

export async function buildCatalog(request: BuildRequest, hooks: Hooks = {}): Promise<BuildResult> {
  validityOption(request); // an end before the start is refused before the folder is even made
  await outFolder(request.out);

  const validated = await validateSource(request, hooks);
  const { imported, template, catalog, issues } = validated;
  const errors = issues.some((i) => i.severity === 'error');
  if (errors && !request.force) return { status: 'refused', validated, issues };

  const result = await writeOutputs(
    {
      ...request,
      catalog,
      template,
      sheet: imported.table.sheet,
      baseName: outputBaseName(request.file, template.id),
      title: request.title ?? defaultTitle(imported.table.title),
      // Forced over errors: the PDF is a proof, and says so on every page.
      ...(errors ? { proof: proofErrors(issues, imported.table.sheet) } : {}),
    },
    hooks,
  );
  return {
    status: 'built',
    validated,
    issues: [...issues, ...result.issues],
    files: result.files,
    pages: result.pages,
    forced: errors,
  };
}

export type OutputsRequest = Omit<BuildRequest, 'title' | 'force' | keyof SourceRequest> & {
  /** The workbook, never written over; absent for a catalog made in memory (benchmarks). */
  file?: string;
  catalog: Catalog;
  template: Template;
  sheet: string;
  baseName: string;
  title: string;
  /** A build forced over validation errors: the PDF is marked as a proof. */
  proof?: ProofErrors | undefined;
};

/**
 * A validated catalog's outputs, written atomically into the output folder with the product's
 * defaults (locale, date, bundled fonts). The build's last step; the render benchmark times it alone.
 */
export async function writeOutputs(request: OutputsRequest, hooks: Hooks = {}): Promise<ExportResult> {
  const outDir = resolve(request.out);
  if (request.file)
    for (const name of [
      `${request.baseName}.pdf`,
      `${request.baseName}.txt`,
      `${request.baseName}-datamerge.csv`,
    ])
      assertNotSameFile(request.file, join(outDir, name));
  return exportCatalog({
    catalog: request.catalog,
    template: request.template,
    sheet: request.sheet,
    outDir,
    baseName: request.baseName,
    formats: request.formats,
    mode: request.mode,
    ...(request.bleed !== undefined ? { bleed: request.bleed } : {}),
    ...(request.marks !== undefined ? { marks: request.marks } : {}),
    // The printer's profile, or the named condition's (user's file, else one installed here): the
    // print PDF's OutputIntent. A screen PDF has none, so nothing is read or refused for it.
    ...(await outputIntent(request)),
    ...(request.proof ? { proof: request.proof } : {}),
    imageCache: join(cacheDir(), 'pictures'),
    ...(request.password || request.ownerPassword
      ? { password: screenPassword(request.password, request.ownerPassword) }
      : {}),
    textVariant: request.textVariant,
    locale: request.locale ?? defaultLocale(request.lang),
    lang: request.lang,
    title: request.title,
    ...validityOption(request),
    date: buildDate(),
    fonts: BUNDLED_FONTS,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
}

async function outputIntent(request: OutputsRequest) {
  if (request.mode !== 'print' || !request.formats.includes('pdf')) return {};
  const spec = await resolveOutputIntent({ press: request.press, icc: request.icc });
  return spec ? { icc: spec.profile, ...(spec.press ? { press: spec.press } : {}) } : {};
}

/**
 * A locked screen PDF opens with the user's password (or with none, given only an owner password)
 * and may be printed and read aloud, not copied or edited. The owner password lifts those limits:
 * the one the user gave, else a random one nobody keeps — never the user's own, or whoever opens
 * the file could lift them.
 */
function screenPassword(user: string | undefined, owner: string | undefined) {
  return {
    ...(user ? { user } : {}),
    owner: owner || randomBytes(24).toString('base64url'),
    allowPrinting: true,
    allowCopying: false,
  };
}
