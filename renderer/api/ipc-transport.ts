// The desktop app's side of the contract: the preload's named methods on `window.catalog`
// (main/api/bridge.ts). Nothing else of Electron reaches the page.
import type { DesktopBridge } from '../../main/api/bridge.ts';
import { ApiError, type CatalogApi, type JobEvent, type Surface } from './transport.ts';

let jobCounter = 0;

export function ipcSurface(bridge: DesktopBridge): Surface {
  const listeners = new Map<string, (event: JobEvent) => void>();
  bridge.onProgress((event) => listeners.get(event.job)?.(event));
  const api: CatalogApi = {
    async call(channel, request, options = {}) {
      const job = `job-${jobCounter++}`;
      if (options.onProgress) listeners.set(job, options.onProgress);
      const cancel = () => void bridge.cancel(job);
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const method = bridge.call[channel] as (
          r: unknown,
          job?: string,
        ) => ReturnType<DesktopBridge['call'][typeof channel]>;
        const outcome = await method(request, job);
        if (!outcome.ok) throw new ApiError(outcome.error);
        return outcome.value as never;
      } finally {
        listeners.delete(job);
        options.signal?.removeEventListener('abort', cancel);
      }
    },
  };
  return {
    api,
    shell: {
      mode: 'desktop',
      chooseWorkbook: () => bridge.chooseWorkbook(),
      chooseFolder: () => bridge.chooseFolder(),
      chooseProjectToOpen: () => bridge.chooseProjectToOpen(),
      chooseProjectToSave: (name) => bridge.chooseProjectToSave(name),
      receiveFile: (file) => bridge.dropWorkbook(file),
      showInFolder: (path) => bridge.showInFolder(path),
      onMenu: (listener) => bridge.onMenu(listener),
    },
  };
}

/** The desktop bridge when the preload put one on the page. */
export const desktopBridge = (): DesktopBridge | undefined =>
  (globalThis as { catalog?: DesktopBridge }).catalog;
