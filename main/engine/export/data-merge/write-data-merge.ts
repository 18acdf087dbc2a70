// Writes the Data Merge source and the pictures it links. The only I/O of the export: everything
// it writes is complete or absent — a failed export leaves the previous one as it was.
import { randomBytes } from 'node:crypto';
import { readdir, realpath, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Catalog, CatalogItem, Lang } from '../../model.ts';
import type { Template } from '../../templates/template.ts';
import { CatalogError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { buildDataMerge } from './build-data-merge.ts';
import { toDelimitedText, type Delimiter } from './delimited-text.ts';
import { planEmbeddedImages } from './embedded-image-files.ts';
import { hfsPath, type ImagePathStyle } from './image-path-style.ts';
import { throwIfCancelled } from '../../cancelled.ts';
import type { OnProgress } from '../../progress.ts';

export type WriteDataMergeOptions = {
  locale: string;
  lang: Lang;
  /** Comma gives `<name>.csv`, tab gives `<name>.txt`: the extensions InDesign expects for each. */
  delimiter?: Delimiter;
  /** How picture paths are written; `native` unless the designer's InDesign wants `hfs` (macOS). */
  pathStyle?: ImagePathStyle;
  /**
   * The folder the files will be read from, when `dir` is a staging folder moved there afterwards
   * (export-catalog.ts writes every output of a build that way): the source links pictures there.
   */
  linkDir?: string;
  /** Volume name for `hfs` paths outside /Volumes; found on macOS, else "Macintosh HD". */
  bootVolume?: string;
  /** Checked on every product and every picture: a cancelled export leaves the previous one as it was. */
  signal?: AbortSignal;
  /** `data-merge` progress: products written out of the catalog's. */
  onProgress?: OnProgress;
};

export type WriteDataMergeResult = {
  /** Absolute path of the merge source. */
  csv: string;
  /** Pictures written to `<name>-images/` (embedded in the workbook); linked files are not counted. */
  images: number;
};

const failed = (path: string, cause: unknown) =>
  new CatalogError(
    'OUTPUT_WRITE_FAILED',
    {
      fr: `Impossible d’écrire ${path}. L’export précédent, s’il existait, est intact.`,
      en: `Cannot write ${path}. The previous export, if any, is intact.`,
    },
    { cause },
  );

/**
 * Writes `<dir>/<name>.csv` (UTF-16LE with BOM, CRLF) and, when the workbook holds pictures,
 * `<dir>/<name>-images/` with one file per picture. UTF-16 with a BOM is how InDesign reads
 * accented text and « € » without asking for an encoding (Excel's "Unicode text" export, which
 * designers feed to Data Merge, is the same).
 */
export async function writeDataMerge(
  dir: string,
  name: string,
  catalog: Catalog,
  template: Template,
  options: WriteDataMergeOptions,
): Promise<WriteDataMergeResult> {
  if (!name || /[\\/]/.test(name) || name === '.' || name === '..')
    throw new CatalogError('OUTPUT_NAME_INVALID', {
      fr: `« ${name} » n’est pas un nom de fichier : choisissez un nom sans dossier.`,
      en: `"${name}" is not a file name: choose a name without a folder.`,
    });
  const delimiter = options.delimiter ?? ',';
  const out = resolve(dir);
  const csv = join(out, `${name}.${delimiter === '\t' ? 'txt' : 'csv'}`);
  const imagesDir = join(out, `${name}-images`);
  const linkedImagesDir = join(resolve(options.linkDir ?? dir), `${name}-images`);

  const style = options.pathStyle ?? 'native';
  const volume = style === 'hfs' ? (options.bootVolume ?? (await bootVolumeName())) : '';
  const shown = (path: string) => (style === 'hfs' ? hfsPath(path, volume) : path);

  const plan = planEmbeddedImages(catalog, template);
  const imagePaths = (item: CatalogItem, field: string): string | undefined => {
    const value = item.fields[field];
    if (value?.kind !== 'image') return undefined;
    // A file in the images folder is the designer's own picture, better than the sheet's copy.
    if (value.path) return shown(resolve(value.path));
    const image = value.embedded === undefined ? undefined : item.images[value.embedded];
    const file = image && plan.fileOf.get(image);
    return file ? shown(join(linkedImagesDir, file)) : undefined;
  };

  const table = buildDataMerge(catalog, template, {
    locale: options.locale,
    lang: options.lang,
    delimiter,
    imagePaths,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const bytes = Buffer.from(`\ufeff${toDelimitedText(table, delimiter)}`, 'utf16le');

  if (plan.files.length === 0) {
    await writeFileAtomic(csv, bytes);
    return { csv, images: 0 };
  }

  // The pictures go to a hidden folder first and replace the previous folder in one rename, so
  // the previous source never points at half of this month's pictures; the source is written
  // last and, if it cannot be, the previous pictures are put back.
  const token = randomBytes(6).toString('hex');
  const staging = join(out, `.${name}-images.${token}.tmp`);
  const backup = join(out, `.${name}-images.${token}.old`);
  try {
    for (const { file, image } of plan.files) {
      throwIfCancelled(options.signal);
      await writeFileAtomic(join(staging, file), image.bytes);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }

  let hadPrevious = false;
  try {
    hadPrevious = await renameIfExists(imagesDir, backup);
    await rename(staging, imagesDir);
  } catch (error) {
    if (hadPrevious) await rename(backup, imagesDir).catch(() => undefined);
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw failed(imagesDir, error);
  }

  try {
    await writeFileAtomic(csv, bytes);
  } catch (error) {
    await rm(imagesDir, { recursive: true, force: true }).catch(() => undefined);
    if (hadPrevious) await rename(backup, imagesDir).catch(() => undefined);
    throw error;
  }
  if (hadPrevious) await rm(backup, { recursive: true, force: true }).catch(() => undefined);
  return { csv, images: plan.files.length };
}

async function renameIfExists(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}

// macOS lists the system volume in /Volumes as a link to "/": its name is what HFS paths start with.
async function bootVolumeName(): Promise<string> {
  const fallback = 'Macintosh HD';
  if (process.platform !== 'darwin') return fallback;
  try {
    for (const entry of await readdir('/Volumes')) {
      if ((await realpath(join('/Volumes', entry)).catch(() => '')) === '/') return entry;
    }
  } catch {
    // no /Volumes: keep the usual name
  }
  return fallback;
}
