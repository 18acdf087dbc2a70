// The files and folders the user chose, as a surface saw them chosen: a native dialog or a drop in the
// desktop app, an upload or a typed path in browser mode. A surface checks every request against
// them before the service runs it, so a compromised page cannot make the app read or write a path
// the user never pointed at (`~/.ssh`, another project's outputs).
import { resolve, sep } from 'node:path';
import { CatalogError } from '../engine/errors.ts';

/** The request fields that name a path, and what each must be. */
const PATH_FIELDS = {
  file: 'file',
  mapping: 'file',
  icc: 'file',
  path: 'file',
  images: 'folder',
  out: 'folder',
} as const;

export type PathKind = 'file' | 'folder';

const notChosen = (field: string, path: string) =>
  new CatalogError(
    'PATH_NOT_CHOSEN',
    {
      fr: `Le chemin ${path} n’a pas été choisi dans cette session : ouvrez-le ou choisissez-le d’abord.`,
      en: `The path ${path} was not chosen in this session: open or choose it first.`,
    },
    { field },
  );

export class ChosenPaths {
  readonly #files = new Set<string>();
  readonly #folders = new Set<string>();

  /** A file the user chose (a workbook, a profile, a project, a profile); a folder: all it holds. */
  allow(path: string, kind: PathKind): void {
    (kind === 'file' ? this.#files : this.#folders).add(resolve(path));
  }

  /** Whether the path is a chosen file, or lies in a chosen folder (the folder itself included). */
  allows(path: string): boolean {
    const full = resolve(path);
    if (this.#files.has(full) || this.#folders.has(full)) return true;
    for (const folder of this.#folders)
      if (full.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return true;
    return false;
  }

  /** Throws PATH_NOT_CHOSEN naming the first path field of the request that was not chosen. */
  check(request: unknown): void {
    if (typeof request !== 'object' || request === null) return;
    for (const field of Object.keys(PATH_FIELDS)) {
      const value = (request as Record<string, unknown>)[field];
      if (typeof value === 'string' && value !== '' && !this.allows(value)) throw notChosen(field, value);
    }
    // A template is a built-in id or a user template's id, unless it names a file: then it was chosen too.
    const template = (request as Record<string, unknown>).template;
    if (typeof template === 'string' && /[\\/]|\.json$/i.test(template) && !this.allows(template))
      throw notChosen('template', template);
  }
}
