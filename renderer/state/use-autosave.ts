// Autosave: a moment after the last change of a project that has a workbook and unsaved changes,
// the project goes to the service's autosave (one file in the config folder), so a crash loses at
// most that moment. Held while `enabled` is false — until the user has answered the recovery
// question, so the autosave being offered is not overwritten before they choose.
import { useEffect } from 'react';
import { useApp } from './app-context.tsx';
import { toProjectFile } from './project-file.ts';

export const AUTOSAVE_DELAY_MS = 2000;

export function useAutosave(enabled: boolean, delay = AUTOSAVE_DELAY_MS): void {
  const { state, api } = useApp();
  const { project, dirty } = state;
  useEffect(() => {
    if (!enabled || !dirty) return;
    const file = toProjectFile(project);
    if (!file) return;
    const timer = setTimeout(() => {
      // A failed autosave is not worth interrupting the user: the next change tries again.
      api.call('autosave', { project: file }).catch(() => undefined);
    }, delay);
    return () => clearTimeout(timer);
  }, [enabled, dirty, project, api, delay]);
}
