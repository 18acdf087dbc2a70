// Notices the workbook being saved again (in Excel, beside the app): its size and time on disk are
// asked every few seconds, and any change from what was read is reported once, until `reset`.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type CatalogApi, type ChannelOutput } from '../../api/transport.ts';

export const WATCH_INTERVAL_MS = 3000;

export function useFileWatch(api: CatalogApi, file: string | undefined) {
  const [changed, setChanged] = useState(false);
  const [missing, setMissing] = useState(false);
  const baseline = useRef<ChannelOutput<'fileStatus'> | undefined>(undefined);

  useEffect(() => {
    if (!file) return;
    let stopped = false;
    let busy = false;
    const tick = async () => {
      // A slow disk (a network share) must not pile up calls.
      if (busy) return;
      busy = true;
      try {
        const status = await api.call('fileStatus', { file });
        if (stopped) return;
        setMissing(false);
        const base = baseline.current;
        if (!base) baseline.current = status;
        else if (base.mtimeMs !== status.mtimeMs || base.size !== status.size) setChanged(true);
      } catch (error) {
        if (!stopped && error instanceof ApiError && error.code === 'FILE_NOT_FOUND') setMissing(true);
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), WATCH_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, file]);

  /** The workbook was read again: what is on disk now is the new reference. */
  const reset = useCallback(() => {
    baseline.current = undefined;
    setChanged(false);
  }, []);

  return { changed, missing, reset };
}
