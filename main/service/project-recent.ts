// The recent projects the Open screen lists: the last ten saved or opened, most recent first, kept
// in the config folder. Whether each still exists is looked at when listed (a USB stick comes and
// goes), so a missing one is shown greyed rather than silently forgotten.
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_SUFFIX } from '../api/project.ts';
import { configDir } from './config-dir.ts';
import { oneAtATime, readJsonOrUndefined, writeJson } from './project-json.ts';

export const MAX_RECENT = 10;

const Entry = z.object({ path: z.string(), savedAt: z.string() });
const Stored = z.object({ version: z.literal(1), projects: z.array(Entry) });
type Entry = z.infer<typeof Entry>;

const recentFile = () => join(configDir(), 'recent.json');

async function readEntries(file: string): Promise<Entry[]> {
  const parsed = Stored.safeParse(await readJsonOrUndefined(file));
  return parsed.success ? parsed.data.projects : [];
}

/** The list with `path` first, once, and at most MAX_RECENT long. Pure. */
export function withRecent(list: readonly Entry[], path: string, savedAt: string): Entry[] {
  const full = resolve(path);
  return [{ path: full, savedAt }, ...list.filter((e) => e.path !== full)].slice(0, MAX_RECENT);
}

export function rememberRecent(path: string, now = new Date()): Promise<void> {
  const file = recentFile();
  return oneAtATime(file, async () => {
    const projects = withRecent(await readEntries(file), path, now.toISOString());
    await writeJson(file, { version: 1, projects });
  });
}

const projectName = (path: string) => {
  const name = basename(path.replace(/\\/g, '/'));
  return name.toLowerCase().endsWith(PROJECT_SUFFIX) ? name.slice(0, -PROJECT_SUFFIX.length) : name;
};

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

export async function listRecent(): Promise<
  { path: string; name: string; savedAt: string; exists: boolean }[]
> {
  const entries = (await readEntries(recentFile())).slice(0, MAX_RECENT);
  return Promise.all(
    entries.map(async (e) => ({
      path: e.path,
      name: projectName(e.path),
      savedAt: e.savedAt,
      exists: await isFile(e.path),
    })),
  );
}
