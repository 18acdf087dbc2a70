// The product's policy about where things are, decided once for every surface: which template when
// none is named, where a designer's own templates live, which images folder goes with a workbook,
// how a CSV's decimals are read, what the outputs are called and dated.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ImportResult } from '../engine/import/import-workbook.ts';
import type { Lang } from '../engine/model.ts';
import type { ImageFolder } from '../engine/validate/find-image.ts';
import { listImageFiles } from './list-image-files.ts';

export const DEFAULT_TEMPLATE = 'product-grid';

/** A designer's own templates: CATALOG_TEMPLATES names the folder; its templates win over built-in ones. */
export const userTemplatesDir = (env: NodeJS.ProcessEnv = process.env) => env.CATALOG_TEMPLATES || undefined;

/**
 * The images folder given, else an "images" (or "photos") folder beside the workbook: where people
 * keep them. Its pictures are listed with their subfolders (`laiton/bouchon.png`). Undefined when
 * there is none; a folder the user named and that is missing is the caller's error to report.
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

/**
 * A `;`-separated CSV comes from a French (or German…) Excel, whose decimal mark is the comma: read
 * `1,234` as 1.234 there. Elsewhere the number parser decides from the number itself.
 */
export function csvDecimal(imported: ImportResult): { decimal?: ',' | '.' } {
  if (imported.format !== 'csv') return {};
  return { decimal: imported.csv?.delimiter === ';' ? ',' : '.' };
}

export const defaultLocale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** `tarif-2026-price-list`: the workbook's name and the template's, so two templates never collide. */
export const outputBaseName = (file: string, template: string) =>
  `${basename(file, extname(file))}-${template}`;

/**
 * The workbook's own title, else none: a cover or a running head that printed the file's name
 * (`fashion-lookbook-2026`) would read as a draft. The PDF's metadata takes the template's name then.
 */
export const defaultTitle = (sheetTitle: string | undefined) => sheetTitle ?? '';

/** Reproducible builds: SOURCE_DATE_EPOCH (seconds) fixes every date the outputs carry. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
}
