// The object the preload puts on `window.catalog` (DesktopBridge), built from three functions so it
// is tested without Electron: `invoke` (ipcRenderer.invoke), `subscribe` (ipcRenderer.on, handing the
// listener the payload only — never the IPC event, which carries the sender) and `pathForFile`
// (webUtils.getPathForFile). Its call methods are generated from the contract's channel names, so
// the page reaches exactly the contract's channels and the shell's named methods, nothing else.
import type { DesktopBridge, JobEvent, MenuCommand } from '../api/bridge.ts';
import { CHANNEL_NAMES } from '../api/channel-names.ts';
import { IPC, callChannel } from './ipc-names.ts';

export type BridgeIo = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
};

export function makeBridge(io: BridgeIo): DesktopBridge {
  const { invoke, subscribe } = io;
  const call = Object.freeze(
    Object.fromEntries(
      CHANNEL_NAMES.map((name) => [
        name,
        (request: unknown, job?: string) => invoke(callChannel(name), request, job),
      ]),
    ),
  ) as unknown as DesktopBridge['call'];
  const path = (channel: string, ...args: unknown[]) =>
    invoke(channel, ...args) as Promise<string | undefined>;
  // A command can arrive before the page listens (the file the app was launched with, sent once the
  // page loaded but before React subscribed): kept for the first listener, not lost.
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const early: MenuCommand[] = [];
  subscribe(IPC.menu, (payload) => {
    const command = payload as MenuCommand;
    if (menuListeners.size === 0) early.push(command);
    for (const listener of menuListeners) listener(command);
  });
  return Object.freeze({
    mode: 'desktop' as const,
    call,
    cancel: async (job: string) => void (await invoke(IPC.cancel, job)),
    onProgress: (listener: (event: JobEvent) => void) =>
      subscribe(IPC.progress, (p) => listener(p as JobEvent)),
    onMenu(listener: (command: MenuCommand) => void) {
      menuListeners.add(listener);
      for (const command of early.splice(0)) listener(command);
      return () => void menuListeners.delete(listener);
    },
    chooseWorkbook: () => path(IPC.chooseWorkbook),
    chooseFolder: () => path(IPC.chooseFolder),
    chooseProjectToOpen: () => path(IPC.chooseProjectToOpen),
    chooseProjectToSave: (suggestedName: string) => path(IPC.chooseProjectToSave, suggestedName),
    async dropWorkbook(file: File) {
      // Empty for a File the page made itself rather than one the user dropped.
      const dropped = io.pathForFile(file);
      return dropped ? path(IPC.dropWorkbook, dropped) : undefined;
    },
    showInFolder: async (file: string) => void (await invoke(IPC.showInFolder, file)),
    openExternal: async (url: string) => void (await invoke(IPC.openExternal, url)),
  });
}
