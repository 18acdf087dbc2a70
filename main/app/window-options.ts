// The one window's options. The page is treated as untrusted content: it runs isolated from the
// preload (contextIsolation), in Chromium's sandbox, without Node, and can only reach the named
// methods the preload exposes. Every option that defaults to safe is still spelled out, so a later
// Electron default change or a careless edit shows up in the tests.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Catalog Publisher';

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f6f6f4',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
