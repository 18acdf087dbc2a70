// Saving and opening a project (`.catalog.json`). Projects move between Macs and shared folders, so
// beside the workbook's absolute path the file keeps its path relative to the project, tried when
// the absolute one is gone. A file that is not a project is refused naming the field at fault.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { PROJECT_SUFFIX, ProjectFile } from '../api/project.ts';
import { CatalogError } from '../engine/errors.ts';
import { formatIssuePath } from '../engine/issue-path.ts';
import { explainIssue } from '../engine/mapping/mapping-profile.ts';
import { rememberRecent } from './project-recent.ts';
import { writeJson } from './project-json.ts';

/** `name.catalog.json` for `name`, `name.json` or `name.catalog.json`. Pure. */
export function withProjectSuffix(path: string): string {
  if (path.toLowerCase().endsWith(PROJECT_SUFFIX)) return path;
  return `${path.replace(/\.json$/i, '')}${PROJECT_SUFFIX}`;
}

/** The workbook's path from the project's folder, with `/` whichever system wrote it. Pure. */
export function relativeWorkbook(projectPath: string, workbook: string): string {
  return relative(dirname(projectPath), workbook).split('\\').join('/');
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Writes the project atomically; the path written (with its suffix). */
export async function saveProject(path: string, project: ProjectFile): Promise<string> {
  const target = withProjectSuffix(resolve(path));
  const data: ProjectFile = { ...project, fileRelative: relativeWorkbook(target, project.file) };
  await writeJson(target, data);
  await rememberRecent(target).catch(() => undefined);
  return target;
}

const invalid = (name: string, where: { fr: string; en: string }, cause?: unknown) =>
  new CatalogError(
    'PROJECT_INVALID',
    {
      fr: `« ${name} » n’est pas un projet Catalog Publisher valide : ${where.fr}.`,
      en: `"${name}" is not a valid Catalog Publisher project: ${where.en}.`,
    },
    { field: 'path', ...(cause === undefined ? {} : { cause }) },
  );

/** Validates already-parsed JSON as a project. `name` is only used in messages. Pure. */
export function parseProjectFile(json: unknown, name: string): ProjectFile {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (typeof json !== 'object' || json === null || kind !== 'catalog-project')
    throw invalid(name, {
      fr: 'kind (valeur attendue : "catalog-project")',
      en: 'kind (expected "catalog-project")',
    });
  const result = ProjectFile.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = formatIssuePath(issue.path);
  const why = explainIssue(issue);
  const where = path === '' ? { fr: 'à la racine', en: 'at the top level' } : { fr: path, en: path };
  throw invalid(name, { fr: `${where.fr} (${why.fr})`, en: `${where.en} (${why.en})` }, result.error);
}

/** Reads and checks a project file; throws PROJECT_NOT_FOUND or PROJECT_INVALID naming `path`. */
export async function readProjectFile(path: string): Promise<ProjectFile> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogError(
      'PROJECT_NOT_FOUND',
      {
        fr: `Le projet « ${name} » est introuvable ou illisible (${path}).`,
        en: `The project "${name}" cannot be found or read (${path}).`,
      },
      { field: 'path', cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(name, { fr: 'ce n’est pas du JSON lisible', en: 'it is not readable JSON' }, error);
  }
  return parseProjectFile(json, name);
}

/**
 * Opens a project: its workbook where it was saved, else where the relative path leads from the
 * project's folder; `missing` when it is at neither (the Open screen then asks for next month's file).
 */
export async function loadProject(path: string): Promise<{ project: ProjectFile; missing?: true }> {
  const full = resolve(path);
  const project = await readProjectFile(full);
  await rememberRecent(full).catch(() => undefined);
  if (await isFile(project.file)) return { project };
  const rel = project.fileRelative;
  if (rel !== undefined && !isAbsolute(rel)) {
    const moved = resolve(dirname(full), rel);
    if (await isFile(moved)) return { project: { ...project, file: moved } };
  }
  return { project, missing: true };
}
