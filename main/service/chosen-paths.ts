// The files and folders the user chose, as a surface saw them chosen: a native dialog or a drop in the
// desktop app, an upload or a typed path in browser mode. A surface checks every request against
// them before the service runs it, so a compromised page cannot make the app read or write a path
// the user never pointed at (`~/.ssh`, another project's outputs).
import { resolve, sep } from 'node:path';
import { CatalogError } from '../engine/errors.ts';
import { withProjectSuffix } from './project-files.ts';

/** The request fields that name a path (a file, or a folder and all it holds). */
const PATH_FIELDS = ['file', 'mapping', 'icc', 'path', 'images', 'out', 'logos'] as const;

export type PathKind = 'file' | 'folder';

/** Whether `path` is `root` itself or lies inside it (both already resolved): `/a/bc` is not in `/a/b`. */
export const isInside = (root: string, path: string): boolean =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

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

  /** A file the user chose (a workbook, a profile, a project); a folder: all it holds. */
  allow(path: string, kind: PathKind): void {
    (kind === 'file' ? this.#files : this.#folders).add(resolve(path));
  }

  /** Whether the path is a chosen file, or lies in a chosen folder (the folder itself included). */
  allows(path: string): boolean {
    const full = resolve(path);
    if (this.#files.has(full)) return true;
    for (const folder of this.#folders) if (isInside(folder, full)) return true;
    return false;
  }

  /** Throws PATH_NOT_CHOSEN naming the first path field of the request that was not chosen. */
  check(request: unknown): void {
    if (typeof request !== 'object' || request === null) return;
    const fields = request as Record<string, unknown>;
    for (const field of PATH_FIELDS) this.#checkPath(field, fields[field]);
    // A template is a built-in id or a user template's id, unless it names a file: then it was chosen too.
    const template = fields.template;
    if (typeof template === 'string' && /[\\/]|\.json$/i.test(template) && !this.allows(template))
      throw notChosen('template', template);
    // A price grid's resellers: a sheet's name, unless it names a file, which must be chosen too.
    const resellers = fields.resellers;
    if (
      typeof resellers === 'string' &&
      /[\\/]|\.(xlsx|xlsm|csv)$/i.test(resellers) &&
      !this.allows(resellers)
    )
      throw notChosen('resellers', resellers);
    // A project saved or autosaved by the page: what it names becomes chosen once it is loaded or
    // recovered (project-paths.ts), so it may name only what is chosen now — else a page could write
    // `output.out: '/'` into the autosave, recover it, and reach the whole disk.
    const project = fields.project;
    if (typeof project === 'object' && project !== null) {
      // Saved under `path` with `.catalog.json` added when it lacks it: that file must be chosen too,
      // or a chosen folder `/x/out` would let a page write `/x/out.catalog.json` beside it.
      if (typeof fields.path === 'string' && fields.path !== '')
        this.#checkPath('path', withProjectSuffix(fields.path));
      const { file, images, output, grid } = project as {
        file?: unknown;
        images?: unknown;
        output?: unknown;
        grid?: unknown;
      };
      this.#checkPath('project.file', file);
      this.#checkPath('project.images', images);
      if (typeof output === 'object' && output !== null)
        this.#checkPath('project.output.out', (output as { out?: unknown }).out);
      // The price-grid flow's folder is made chosen by a load too (project-paths.ts): the same rule.
      if (typeof grid === 'object' && grid !== null)
        this.#checkPath('project.grid.out', (grid as { out?: unknown }).out);
    }
  }

  #checkPath(field: string, value: unknown): void {
    if (typeof value === 'string' && value !== '' && !this.allows(value)) throw notChosen(field, value);
  }
}
