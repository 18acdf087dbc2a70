// What a surface may allow once the service answered a project channel: the user chose the project
// (or the recent list names projects they saved or opened), so the paths a project names become
// theirs too — else its workbook could not be re-opened. Only what the app reads or writes as it
// always does: a workbook by its extension, the images folder, the output folder, and projects.
import { isProjectName, isWorkbookName } from '../api/file-kinds.ts';
import type { ChosenPaths, PathKind } from './chosen-paths.ts';

type ProjectLike = {
  file?: unknown;
  images?: unknown;
  output?: { out?: unknown };
  grid?: { out?: unknown };
};

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The paths an answer of `channel` lets the user reach; none for the other channels. Pure. */
export function pathsInAnswer(channel: string, value: unknown): { path: string; kind: PathKind }[] {
  if (typeof value !== 'object' || value === null) return [];
  if (channel === 'recentProjects') {
    const projects = (value as { projects?: { path?: unknown }[] }).projects ?? [];
    return projects.flatMap((p) =>
      text(p.path) && isProjectName(p.path) ? [{ path: p.path, kind: 'file' }] : [],
    );
  }
  // A save adds `.catalog.json` to a name that lacked it: the file written must stay reachable.
  if (channel === 'saveProject') {
    const path = (value as { path?: unknown }).path;
    return text(path) && isProjectName(path) ? [{ path, kind: 'file' }] : [];
  }
  if (channel !== 'loadProject' && channel !== 'recover') return [];
  const project = (value as { project?: ProjectLike }).project;
  if (!project) return [];
  const paths: { path: string; kind: PathKind }[] = [];
  if (text(project.file) && isWorkbookName(project.file)) paths.push({ path: project.file, kind: 'file' });
  if (text(project.images)) paths.push({ path: project.images, kind: 'folder' });
  if (text(project.output?.out)) paths.push({ path: project.output.out, kind: 'folder' });
  if (text(project.grid?.out)) paths.push({ path: project.grid.out, kind: 'folder' });
  return paths;
}

/** Allows in `chosen` what an answer of `channel` names (see pathsInAnswer). */
export function allowAnswerPaths(chosen: ChosenPaths, channel: string, value: unknown): void {
  for (const { path, kind } of pathsInAnswer(channel, value)) chosen.allow(path, kind);
}
