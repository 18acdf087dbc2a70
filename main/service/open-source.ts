// Opening and validating a workbook: one path for every surface and every command, so `validate`
// and `build` can never read the same file two ways (the decimal of a `;` CSV, a missing images
// folder, the money settings). All the product policy lives in source-policy.ts.
import type { ImportResult } from '../engine/import/import-workbook.ts';
import { importWorkbook } from '../engine/import/import-workbook.ts';
import { CatalogError } from '../engine/errors.ts';
import type { Catalog, Issue } from '../engine/model.ts';
import type { OnProgress } from '../engine/progress.ts';
import type { Mapping } from '../engine/mapping/mapping-schema.ts';
import { loadMappingProfile } from '../engine/mapping/mapping-profile.ts';
import { resolveMapping } from '../engine/mapping/resolve-mapping.ts';
import { suggestMapping, type MappingSuggestion } from '../engine/mapping/suggest-mapping.ts';
import { decideMoney } from '../engine/money/decide-money.ts';
import type { Money } from '../engine/money/money.ts';
import type { Template } from '../engine/templates/template.ts';
import { loadTemplate } from '../engine/templates/load-template.ts';
import type { ImageFolder } from '../engine/validate/find-image.ts';
import { validateCatalog } from '../engine/validate/validate.ts';
import type { SourceRequest } from '../api/contract.ts';
import { moneySettings } from './money-settings.ts';
import { csvDecimal, DEFAULT_TEMPLATE, findImagesFolder, userTemplatesDir } from './source-policy.ts';

export type Hooks = {
  signal?: AbortSignal;
  /** One Progress shape for every stage (engine/progress.ts). */
  onProgress?: OnProgress;
};

export type Opened = {
  imported: ImportResult;
  template: Template;
  mapping: Mapping;
  /** True when no profile was given: the mapping is the one suggested from the headers. */
  suggested: boolean;
  images: ImageFolder | undefined;
};

export type Validated = Opened & { catalog: Catalog; issues: Issue[] };

export type Inspected = Opened & {
  /** The mapping suggested from the headers, with each match's score. */
  suggestion: MappingSuggestion;
  /** Currency, tax basis and VAT as a build with the suggested mapping would decide them. */
  money: Money;
  moneyIssues: Issue[];
};

const imagesNotFound = (dir: string) =>
  new CatalogError(
    'IMAGES_DIR_NOT_FOUND',
    {
      fr: `Le dossier d'images ${dir} est introuvable.`,
      en: `The images folder ${dir} was not found.`,
    },
    { field: 'images' },
  );

/** Reads the workbook, loads the template and gets a mapping (the user's profile, or the suggested one). */
export async function openSource(request: SourceRequest, hooks: Hooks = {}): Promise<Opened> {
  // Settings are checked before the workbook is read: a typo costs nothing.
  moneySettings(request.money);
  const images = await findImagesFolder(request.file, request.images);
  if (request.images && !images) throw imagesNotFound(request.images);
  const profile = request.mapping ? await loadMappingProfile(request.mapping) : undefined;
  // A profile remembers its template; an explicit template still wins when both are given.
  const template = await loadTemplate(
    request.template ?? profile?.template ?? DEFAULT_TEMPLATE,
    userTemplatesDir(),
  );
  const imported = await importWorkbook(request.file, {
    ...(request.sheet ? { sheet: request.sheet } : {}),
    ...(profile?.sheet ? { preferSheet: profile.sheet } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  if (profile) return { imported, template, mapping: profile, suggested: false, images };
  const mapping = suggestMapping(imported.table, template).mapping;
  return { imported, template, mapping, suggested: true, images };
}

/** The catalog and every issue, exactly as `build` will see them. */
export async function validateSource(request: SourceRequest, hooks: Hooks = {}): Promise<Validated> {
  const opened = await openSource(request, hooks);
  const { imported, template, mapping, images } = opened;
  const { catalog, issues } = validateCatalog(imported.table, template, mapping, {
    ...(images ? { images } : {}),
    includeHidden: request.includeHidden,
    money: moneySettings(request.money),
    ...csvDecimal(imported),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  return { ...opened, catalog, issues };
}

/** What the import understood, the mapping it suggests and the money it would decide: no validation. */
export async function inspectSource(request: SourceRequest, hooks: Hooks = {}): Promise<Inspected> {
  const opened = await openSource({ ...request, mapping: undefined }, hooks);
  const { table } = opened.imported;
  const suggestion = suggestMapping(table, opened.template);
  const { money, issues: moneyIssues } = decideMoney(
    table,
    opened.template,
    resolveMapping(table, suggestion.mapping, opened.template),
    moneySettings(request.money),
  );
  return { ...opened, suggestion, money, moneyIssues };
}
