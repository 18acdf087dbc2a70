// A path the user typed, in place of the desktop app's native dialog: it becomes a chosen path only
// once it is seen to exist and to be what the user chose it as — a file to read, or a folder to
// read images from or write outputs to (an output folder may be created on the way).
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CatalogError, parseRequest } from '../api/index.ts';
import type { ChosenPaths } from '../service/index.ts';

export const ChooseRequest = z.object({
  path: z.string().trim().min(1),
  kind: z.enum(['file', 'folder']),
  /** An output folder that may not exist yet: created with its parents. */
  create: z.boolean().default(false),
});

/** `~` and `~/…` as a shell reads them; the rest resolved against the server's working folder. */
export const expandPath = (typed: string, home = homedir()): string =>
  resolve(typed === '~' ? home : typed.startsWith('~/') ? home + typed.slice(1) : typed);

const wrongKind = (code: string, fr: string, en: string) =>
  new CatalogError(code, { fr, en }, { field: 'path' });

/** Checks and allows a typed path; the resolved path. Throws a CatalogError naming `path`. */
export async function choosePath(chosen: ChosenPaths, input: unknown): Promise<string> {
  const { path: typed, kind, create } = parseRequest(ChooseRequest, input);
  const path = expandPath(typed);
  if (kind === 'folder' && create)
    await mkdir(path, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      // An existing file in the way is told below, as PATH_NOT_A_FOLDER.
      if (error.code !== 'EEXIST' && error.code !== 'ENOTDIR')
        throw wrongKind(
          'FOLDER_NOT_CREATED',
          `Le dossier ${path} n’a pas pu être créé (${error.code ?? error.message}).`,
          `The folder ${path} could not be created (${error.code ?? error.message}).`,
        );
    });
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw wrongKind('PATH_NOT_FOUND', `Le chemin ${path} n’existe pas.`, `The path ${path} does not exist.`);
  if (kind === 'folder' && !info.isDirectory())
    throw wrongKind(
      'PATH_NOT_A_FOLDER',
      `Le chemin ${path} n’est pas un dossier.`,
      `The path ${path} is not a folder.`,
    );
  if (kind === 'file' && !info.isFile())
    throw wrongKind(
      'PATH_NOT_A_FILE',
      `Le chemin ${path} n’est pas un fichier.`,
      `The path ${path} is not a file.`,
    );
  chosen.allow(path, kind);
  return path;
}
