// The autosave: one project, in the config folder, written a moment after each change and removed
// once the user saved or discarded it — so one found at start-up is work a crash would have lost.
// It is a project file itself, so what recovery reads is checked like any project.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectFile } from '../api/project.ts';
import { configDir } from './config-dir.ts';
import { oneAtATime, writeJson } from './project-json.ts';
import { readProjectFile } from './project-files.ts';

const autosaveFile = () => join(configDir(), 'autosave.catalog.json');

export function autosave(project: ProjectFile): Promise<void> {
  const file = autosaveFile();
  return oneAtATime(file, () => writeJson(file, project));
}

/** The autosaved project and when it was written; nothing when there is none or it is damaged. */
export async function recover(): Promise<{ project?: ProjectFile; savedAt?: string }> {
  const file = autosaveFile();
  return oneAtATime(file, async () => {
    try {
      const [project, info] = await Promise.all([readProjectFile(file), stat(file)]);
      return { project, savedAt: info.mtime.toISOString() };
    } catch {
      return {};
    }
  });
}

export function discardAutosave(): Promise<void> {
  const file = autosaveFile();
  return oneAtATime(file, () => rm(file, { force: true }));
}
