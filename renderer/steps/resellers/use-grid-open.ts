// Asking the service whether the project's workbook holds price grids and resellers (`gridOpen`).
// The answer is kept in the store — for the offer on the Open and Sheet steps and for the Resellers
// step — and the store drops it when the workbook changes (or the reseller source does), so an
// answer there is always this workbook's. A workbook without grids is refused by the service: that
// refusal is kept here, not shown by the offer, since it only means "a catalog, as usual".
import { useEffect, useRef, useState } from 'react';
import { payloadOf, type ErrorPayload } from '../../api/transport.ts';
import { useApp } from '../../state/app-context.tsx';
import { gridSourceRequest } from '../../state/requests.ts';

export function useGridOpen(when: boolean) {
  const { state, dispatch, api, lang } = useApp();
  const { project, gridOpened } = state;
  const key = project.file ? JSON.stringify(gridSourceRequest(project)) : '';
  const [failed, setFailed] = useState<{ key: string; error: ErrorPayload }>();
  const [attempt, setAttempt] = useState(0);
  // The source asked last: each is asked once, however often the screens render.
  const asked = useRef<string | undefined>(undefined);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const pending = when && Boolean(key) && !gridOpened;

  useEffect(() => {
    if (!pending || asked.current === key) return;
    asked.current = key;
    api.call('gridOpen', { ...(JSON.parse(key) as { file: string }), lang }).then(
      // A workbook changed meanwhile: this answer is not about it.
      (answer) =>
        live.current && asked.current === key && dispatch({ type: 'grid-opened', gridOpened: answer }),
      (error: unknown) => live.current && setFailed({ key, error: payloadOf(error) }),
    );
  }, [pending, key, attempt, api, dispatch, lang]);

  const error = pending && failed?.key === key ? failed.error : undefined;
  return {
    answer: gridOpened,
    error,
    reading: pending && !error,
    retry: () => {
      asked.current = undefined;
      setFailed(undefined);
      setAttempt((n) => n + 1);
    },
  };
}
