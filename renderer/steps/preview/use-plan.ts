// The plan behind the preview (page count, page issues, products per page), asked for again
// shortly after the project changes. The last plan stays usable meanwhile: its page count keeps
// the navigation working while the new one is computed.
import { useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../api/transport.ts';
import { useApp } from '../../state/app-context.tsx';
import { useJob } from '../../state/use-job.ts';

export function usePlan(request: ChannelInput<'plan'> | undefined, delayMs = 400) {
  const { state, dispatch } = useApp();
  const job = useJob('plan');
  const run = job.run;
  const key = request ? JSON.stringify(request) : '';
  const [last, setLast] = useState<{ plan: ChannelOutput<'plan'>; key: string } | undefined>(() =>
    state.plan && request ? { plan: state.plan, key } : undefined,
  );
  const requestRef = useRef(request);
  requestRef.current = request;
  const [attempt, setAttempt] = useState(0);
  const handled = useRef(0);

  useEffect(() => {
    const current = requestRef.current;
    if (!current) return;
    if (last?.key === key && attempt === handled.current) return;
    handled.current = attempt;
    let live = true;
    const timer = setTimeout(
      () =>
        void run(current).then((plan) => {
          if (!plan || !live) return;
          setLast({ plan, key });
          dispatch({ type: 'planned', plan });
        }),
      last ? delayMs : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `last` is read, not watched: a plan arriving must not ask for itself again.
  }, [key, attempt, run, dispatch, delayMs]);

  return {
    plan: last?.plan,
    current: last?.key === key,
    running: job.running,
    error: job.error,
    retry: () => setAttempt((n) => n + 1),
  };
}
