// One long call of the contract at a time per screen: its progress, its refusal, and Cancel. A new
// run cancels the one before (a preview refreshed while the last one still draws), and a cancelled
// run resolves to undefined rather than showing an error the user asked for.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  payloadOf,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type JobEvent,
} from '../api/transport.ts';
import { useApp } from './app-context.tsx';

export type JobState = { running: boolean; progress?: JobEvent; error?: ApiError };

export function useJob<C extends Channel>(channel: C) {
  const { api } = useApp();
  const [state, setState] = useState<JobState>({ running: false });
  const current = useRef<AbortController | undefined>(undefined);

  const cancel = useCallback(() => {
    current.current?.abort();
    current.current = undefined;
    setState({ running: false });
  }, []);

  const run = useCallback(
    async (request: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ running: true });
      try {
        const value = await api.call(channel, request, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) setState({ running: true, progress });
          },
        });
        if (controller.signal.aborted) return undefined;
        setState({ running: false });
        return value;
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        const refusal = error instanceof ApiError ? error : new ApiError(payloadOf(error));
        if (refusal.code === 'CANCELLED') {
          setState({ running: false });
          return undefined;
        }
        setState({ running: false, error: refusal });
        return undefined;
      } finally {
        if (current.current === controller) current.current = undefined;
      }
    },
    [api, channel],
  );

  // Leaving the screen stops its work.
  useEffect(() => () => current.current?.abort(), []);

  return { ...state, run, cancel };
}
