// Opening (and re-opening) the workbook, for the Open, Sheet and Mapping screens. The contract is
// asked FIRST and the project changes only when it answers: a refused header row or a sheet that is
// not there leaves the project and the table on screen as they were, with the refusal beside them.
import { useCallback, useEffect } from 'react';
import type { ChannelOutput } from '../../api/transport.ts';
import { useApp } from '../../state/app-context.tsx';
import type { Project, StepId } from '../../state/project.ts';
import { openRequest } from '../../state/requests.ts';
import { useJob } from '../../state/use-job.ts';

/** How the next open differs from the project: `undefined` drops a decision (detected again). */
export type SourceChange = {
  file?: string;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  template?: string;
  /** Drop the user's mapping: the suggestion follows the new headers. */
  dropFields?: boolean;
};

/** The project the next open reads: pure, so the request and the saved project cannot disagree. */
export function nextProject(project: Project, change: SourceChange): Project {
  const next: Project = { ...project };
  for (const key of ['file', 'sheet', 'headerRow', 'template'] as const) {
    if (!(key in change)) continue;
    const value = change[key];
    if (value === undefined) delete next[key as 'sheet' | 'headerRow'];
    else (next as Record<string, unknown>)[key] = value;
  }
  if (change.dropFields || change.template !== undefined) delete next.fields;
  return next;
}

/**
 * `readWhenMissing`: a screen arriving without an answer (a project just loaded, a template changed
 * elsewhere) reads the workbook again, once each time the answer goes missing.
 */
export function useOpenWorkbook(options: { readWhenMissing?: boolean } = {}) {
  const { state, dispatch, lang } = useApp();
  const job = useJob('open');
  const run = job.run;

  const open = useCallback(
    async (change: SourceChange = {}, go?: StepId): Promise<ChannelOutput<'open'> | undefined> => {
      const next = nextProject(state.project, change);
      const opened = await run(openRequest(next, lang));
      if (!opened) return undefined;
      // A new template drops the mapping (its fields are another template's); so does a new sheet.
      if (change.template !== undefined) dispatch({ type: 'template', template: change.template });
      else if (change.dropFields) dispatch({ type: 'fields', fields: undefined });
      dispatch({
        type: 'opened',
        opened,
        project: {
          file: next.file,
          sheet: next.sheet,
          headerRow: next.headerRow,
          ...(next.fields ? { fields: next.fields } : {}),
        },
      });
      if (go) dispatch({ type: 'go', step: go });
      return opened;
    },
    [state.project, run, dispatch, lang],
  );

  const missing = !state.opened && Boolean(state.project.file);
  const readWhenMissing = options.readWhenMissing === true;
  useEffect(() => {
    if (readWhenMissing && missing) void open();
    // Only when the answer goes missing, not on every change of `open`.
  }, [readWhenMissing, missing, state.project.file]);

  return { open, running: job.running, progress: job.progress, error: job.error, cancel: job.cancel };
}
