// Opening and validating a workbook: one path for every surface and every command, so `validate`
// and `build` can never read the same file two ways (the decimal of a `;` CSV, a missing images
// folder, the money settings). All the product policy lives in source-policy.ts.
import type { ImportResult } from '../engine/import/import-workbook.ts';
import { importWorkbook } from '../engine/import/import-workbook.ts';
import { CatalogError } from '../engine/errors.ts';
import type { Catalog, Issue } from '../engine/model.ts';
import { Mapping } from '../engine/mapping/mapping-schema.ts';
import { loadMappingProfile } from '../engine/mapping/mapping-profile.ts';
import { resolveMapping } from '../engine/mapping/resolve-mapping.ts';
import { suggestMapping, type MappingSuggestion } from '../engine/mapping/suggest-mapping.ts';
import { decideMoney, type MoneySettings } from '../engine/money/decide-money.ts';
import type { Money } from '../engine/money/money.ts';
import type { Template } from '../engine/templates/template.ts';
import { loadTemplate } from '../engine/templates/load-template.ts';
import type { ImageFolder } from '../engine/validate/find-image.ts';
import { validateCatalog } from '../engine/validate/validate.ts';
import type { CallHooks } from '../api/channels.ts';
import type { SourceRequest } from '../api/contract.ts';
import type { LayoutSettings } from '../api/layout-settings.ts';
import { applyLayoutSettings } from './layout-settings.ts';
import { moneySettings } from './money-settings.ts';
import { csvDecimal, DEFAULT_TEMPLATE, findImagesFolder, userTemplatesDir } from './source-policy.ts';

/** A cancel signal and a progress callback: the contract's (api/channels.ts), one shape for every stage. */
export type Hooks = CallHooks;

export type Opened = {
  imported: ImportResult;
  template: Template;
  mapping: Mapping;
  /**
   * When no profile was given, the suggestion from the headers the mapping is (with each match's
   * score, which `inspect` shows); undefined when the mapping is the user's profile.
   */
  suggestion: MappingSuggestion | undefined;
  images: ImageFolder | undefined;
  /** What the user stated about money (--currency, --vat, --prices), read once before the workbook. */
  settings: MoneySettings;
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
export async function openSource(
  request: SourceRequest & { layout?: LayoutSettings },
  hooks: Hooks = {},
  // `inspect` shows no pictures: listing a folder of thousands of them would be wasted I/O.
  options: { images?: boolean } = {},
): Promise<Opened> {
  // Settings are checked before the workbook is read: a typo costs nothing.
  const settings = moneySettings(request.money);
  const listImages = options.images ?? true;
  const images = listImages ? await findImagesFolder(request.file, request.images) : undefined;
  if (listImages && request.images && !images) throw imagesNotFound(request.images);
  const profile = request.mapping ? await loadMappingProfile(request.mapping) : undefined;
  // A profile remembers its template; an explicit template still wins when both are given.
  const template = applyLayoutSettings(
    await loadTemplate(request.template ?? profile?.template ?? DEFAULT_TEMPLATE, userTemplatesDir()),
    request.layout,
  );
  const imported = await importWorkbook(request.file, {
    ...(request.sheet ? { sheet: request.sheet } : {}),
    ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
    ...(profile?.sheet ? { preferSheet: profile.sheet } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  const base = { imported, template, images, settings };
  // A mapping the user made in the app, field by field, wins over a saved profile.
  if (request.fields)
    return {
      ...base,
      mapping: Mapping.parse({
        version: 1,
        template: template.id,
        sheet: imported.table.sheet,
        fields: request.fields,
      }),
      suggestion: undefined,
    };
  if (profile) return { ...base, mapping: profile, suggestion: undefined };
  const suggestion = suggestMapping(imported.table, template);
  return { ...base, mapping: suggestion.mapping, suggestion };
}

/** The catalog and every issue, exactly as `build` will see them. */
export async function validateSource(
  request: SourceRequest & { layout?: LayoutSettings },
  hooks: Hooks = {},
): Promise<Validated> {
  const opened = await openSource(request, hooks);
  const { imported, template, mapping, images, settings } = opened;
  const { catalog, issues } = validateCatalog(imported.table, template, mapping, {
    ...(images ? { images } : {}),
    includeHidden: request.includeHidden,
    money: settings,
    ...csvDecimal(imported),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  return { ...opened, catalog, issues };
}

/** What the import understood, the mapping it suggests and the money it would decide: no validation. */
export async function inspectSource(request: SourceRequest, hooks: Hooks = {}): Promise<Inspected> {
  const opened = await openSource({ ...request, mapping: undefined, fields: undefined }, hooks, {
    images: false,
  });
  const { table } = opened.imported;
  // No profile was given, so the mapping is the suggested one.
  const suggestion = opened.suggestion!;
  const { money, issues: moneyIssues } = decideMoney(
    table,
    opened.template,
    resolveMapping(table, suggestion.mapping, opened.template),
    opened.settings,
  );
  return { ...opened, suggestion, money, moneyIssues };
}
