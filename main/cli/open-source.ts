// What inspect and validate share: read the workbook, load the template, get a mapping (the user's
// profile, or the suggested one).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { importWorkbook, type ImportResult } from '../engine/import/import-workbook.ts';
import type { Mapping } from '../engine/mapping/mapping-schema.ts';
import { loadMappingProfile } from '../engine/mapping/mapping-profile.ts';
import { suggestMapping } from '../engine/mapping/suggest-mapping.ts';
import type { Template } from '../engine/templates/template.ts';
import { loadTemplate } from '../engine/templates/load-template.ts';
import type { ImageFolder } from '../engine/validate/find-image.ts';
import { listImageFiles } from './list-image-files.ts';
import { progressLine } from './terminal.ts';

export const DEFAULT_TEMPLATE = 'product-grid';

/** A designer's own templates: CATALOG_TEMPLATES names the folder; its templates win over built-in ones. */
export const userTemplatesDir = (env: NodeJS.ProcessEnv = process.env) => env.CATALOG_TEMPLATES || undefined;

export type Opened = { imported: ImportResult; template: Template; mapping: Mapping; suggested: boolean };

export async function openSource(
  file: string,
  opts: { sheet?: string; template?: string; mapping?: string; readingLabel: string },
): Promise<Opened> {
  const profile = opts.mapping ? await loadMappingProfile(opts.mapping) : undefined;
  // A profile remembers its template; --template still wins when both are given.
  const template = await loadTemplate(
    opts.template ?? profile?.template ?? DEFAULT_TEMPLATE,
    userTemplatesDir(),
  );
  const progress = progressLine(opts.readingLabel);
  let imported: ImportResult;
  try {
    imported = await importWorkbook(file, {
      ...(opts.sheet ? { sheet: opts.sheet } : {}),
      ...(profile?.sheet ? { preferSheet: profile.sheet } : {}),
      onProgress: (p) => progress.update(p.done),
    });
  } finally {
    progress.end();
  }
  if (profile) return { imported, template, mapping: profile, suggested: false };
  return { imported, template, mapping: suggestMapping(imported.table, template).mapping, suggested: true };
}

/**
 * --images, else an "images" (or "photos") folder beside the workbook: where people keep them.
 * Its pictures are listed with their subfolders (`laiton/bouchon.png`).
 */
export async function findImagesFolder(file: string, given?: string): Promise<ImageFolder | undefined> {
  const candidates = given
    ? [resolve(given)]
    : ['images', 'Images', 'photos', 'Photos'].map((d) => join(dirname(resolve(file)), d));
  for (const dir of candidates) {
    if (existsSync(dir) && statSync(dir).isDirectory()) return { dir, files: await listImageFiles(dir) };
  }
  return undefined;
}
