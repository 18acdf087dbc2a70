// The preload of the one window. It runs sandboxed: it may require 'electron' and nothing else, so
// scripts/build-app.mjs bundles it (with preload-bridge.ts and the channel names) into one CommonJS
// file, dist/app/preload.cjs. The page gets the named methods of makeBridge — never ipcRenderer.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { makeBridge } from './preload-bridge.ts';

contextBridge.exposeInMainWorld(
  'catalog',
  makeBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    subscribe(channel, listener) {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
    pathForFile: (file) => webUtils.getPathForFile(file),
  }),
);
