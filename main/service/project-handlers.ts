// The contract's project channels: saving and opening `.catalog.json` files, the recent list, the
// autosave and its recovery, and mappings remembered by header signature.
import type { Handlers } from '../api/channels.ts';
import { autosave, discardAutosave, recover } from './project-autosave.ts';
import { loadProject, saveProject } from './project-files.ts';
import { listRecent } from './project-recent.ts';
import { rememberMapping } from './remembered-mappings.ts';

type ProjectChannel =
  | 'saveProject'
  | 'loadProject'
  | 'recentProjects'
  | 'autosave'
  | 'recover'
  | 'discardAutosave'
  | 'rememberMapping';

export const projectHandlers: Pick<Handlers, ProjectChannel> = {
  async saveProject(request) {
    return { path: await saveProject(request.path, request.project) };
  },
  loadProject: (request) => loadProject(request.path),
  async recentProjects() {
    return { projects: await listRecent() };
  },
  async autosave(request) {
    await autosave(request.project);
    return {};
  },
  recover: () => recover(),
  async discardAutosave() {
    await discardAutosave();
    return {};
  },
  async rememberMapping(request) {
    await rememberMapping(request.headers, request.template, request.fields);
    return {};
  },
};
