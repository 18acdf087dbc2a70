// The renderer's `Project` and the `.catalog.json` it is saved as (main/api/project.ts): the same
// decisions, plus the file's kind and version. Typed both ways, and checked key for key below, so a
// decision added to one and not the other fails to compile rather than being silently not saved.
import type { ChannelInput, ChannelOutput } from '../api/transport.ts';
import type { Project } from './project.ts';

/** What the service is given to save (its input form: defaults may be left out). */
export type ProjectFileInput = ChannelInput<'saveProject'>['project'];
/** What the service gives back when a project is opened or recovered. */
export type ProjectFile = ChannelOutput<'loadProject'>['project'];

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
export const PROJECT_KEYS_MATCH: SameKeys<
  Project,
  Omit<ProjectFile, 'kind' | 'version' | 'fileRelative'>
> = true;

/** The project as a file; undefined while no workbook is open (a project is about a workbook). */
export function toProjectFile(project: Project): ProjectFileInput | undefined {
  const { file, ...rest } = project;
  if (!file) return undefined;
  return { kind: 'catalog-project', version: 1, ...rest, file };
}

export function fromProjectFile(saved: ProjectFile): Project {
  const { kind: _k, version: _v, fileRelative: _r, ...project } = saved;
  return project;
}

/** `Tarif mars` for `/Users/ana/Catalogues/Tarif mars.catalog.json`. */
export function projectName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.catalog\.json$/i, '').replace(/\.json$/i, '');
}

/** The folder part of a path, whichever separator it uses. */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at <= 0 ? path.slice(0, at + 1) : path.slice(0, at);
}

/** `folder` + `name` with the separator the folder already uses. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}
