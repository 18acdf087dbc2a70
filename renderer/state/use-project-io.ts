// Opening a saved or recovered project, shared by the project bar and the recent projects: the
// decisions are loaded, then the workbook is opened again with them (the answers are never saved),
// and the user lands on the Checks step — re-opening a project is "what is wrong this month?".
import { useCallback } from 'react';
import type { ChannelOutput } from '../api/transport.ts';
import { useApp } from './app-context.tsx';
import { fromProjectFile } from './project-file.ts';
import type { StepId } from './project.ts';
import { openRequest } from './requests.ts';

/** The steps walked through after a project's workbook opened again: each must follow the last reached. */
export const LOADED_STEPS: readonly StepId[] = ['sheet', 'mapping', 'checks'];
const GRID_LOADED_STEPS: readonly StepId[] = ['resellers'];

export type Loaded = Pick<ChannelOutput<'loadProject'>, 'project' | 'missing'>;

export type LoadOutcome = { status: 'opened' } | { status: 'missing'; file: string };

export function useProjectIo() {
  const { api, dispatch, lang } = useApp();

  /**
   * Puts a loaded project in place and re-opens its workbook. With `path` (a saved project) it ends
   * clean; without (a recovered autosave) it stays unsaved. Rejects with the `open` refusal.
   */
  const applyLoaded = useCallback(
    async (loaded: Loaded, path?: string): Promise<LoadOutcome> => {
      const project = fromProjectFile(loaded.project);
      // A recovered autosave was never saved: it stays unsaved until the user saves it.
      dispatch({ type: 'load', project, ...(path ? { path } : { unsaved: true }) });
      if (loaded.missing) return { status: 'missing', file: loaded.project.file };
      const opened = await api.call('open', openRequest(project, lang));
      dispatch({ type: 'opened', opened, project: {} });
      // Opening what the file says changes no decision: a saved project is still saved.
      if (path) dispatch({ type: 'saved', path });
      // A price-grid project goes back to its resellers.
      for (const step of project.grid ? GRID_LOADED_STEPS : LOADED_STEPS) dispatch({ type: 'go', step });
      return { status: 'opened' };
    },
    [api, dispatch, lang],
  );

  const loadFrom = useCallback(
    async (path: string): Promise<LoadOutcome> => applyLoaded(await api.call('loadProject', { path }), path),
    [api, applyLoaded],
  );

  return { applyLoaded, loadFrom };
}
