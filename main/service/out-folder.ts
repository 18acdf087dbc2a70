// The output folder a build or a batch writes into: it may not exist yet (it is created), but it may
// not be a file.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CatalogError } from '../engine/errors.ts';

/** The folder, resolved; OUT_IS_A_FILE when a file sits at that path. */
export async function outFolder(out: string): Promise<string> {
  const dir = resolve(out);
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new CatalogError(
      'OUT_IS_A_FILE',
      {
        fr: `${dir} est un fichier, pas un dossier : indiquez un dossier de sortie.`,
        en: `${dir} is a file, not a folder: give an output folder.`,
      },
      { field: 'out' },
    );
  return dir;
}
