// The desktop app's entry (bundled by scripts/build-app.mjs into dist/app/main.mjs, run by Electron):
// one instance, one window showing the renderer from the app protocol, menus, and the IPC handlers
// in front of the service. The service runs in this process (open, rows, templates) and in worker
// threads (validate, plan, preview, build: runJob), never in the page.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../api/bridge.ts';
import type { Lang } from '../api/index.ts';
import { call, ChosenPaths, keepWorkerWarm } from '../service/index.ts';
import { APP_URL, APP_SCHEME } from './app-url.ts';
import { registerIpc } from './ipc.ts';
import { IPC } from './ipc-names.ts';
import { launchFile, launchFileFromArgv, type LaunchFile } from './launch-files.ts';
import { menuTemplate } from './menu.ts';
import { privilegedSchemes, serveApp } from './protocol.ts';
import { hardenContents, hardenSession, isExternalLink } from './security.ts';
import { windowOptions } from './window-options.ts';

/** dist/app/, where this bundle and the preload are; the package's root two levels up. */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const RENDERER = join(ROOT, 'dist', 'renderer');
const PRELOAD = join(HERE, 'preload.cjs');
/** The README is unpacked from the asar archive (electron-builder.yml) so the system can open it. */
const README = join(ROOT, 'README.md').replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');

// Before 'ready': the scheme's privileges, and the sandbox for every renderer, whatever its options.
protocol.registerSchemesAsPrivileged(privilegedSchemes());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  // The service keeps its remembered mappings and settings in the user's config folder.
  process.env.CATALOG_CONFIG_DIR ??= app.getPath('userData');
  const chosen = new ChosenPaths();
  const dev = !app.isPackaged;
  // Known once the app is ready (the system's language): English until then.
  let lang: Lang = 'en';
  let recent: string[] = [];
  let window: BrowserWindow | undefined;
  let loaded = false;
  let pending: LaunchFile | undefined = launchFileFromArgv(process.argv.slice(1));

  const openExternal = async (url: string) => {
    if (isExternalLink(url)) await shell.openExternal(url);
  };
  const send = (command: MenuCommand) => window?.webContents.send(IPC.menu, command);

  /** A file the system asked us to open: allowed (the user pointed at it), then handed to the page. */
  const open = (file: LaunchFile) => {
    if (!window || !loaded) {
      pending = file;
      return;
    }
    // A command line's path is relative to where the app was started, not to the page.
    const path = resolve(file.path);
    chosen.allow(path, 'file');
    send(file.kind === 'project' ? { command: 'open-project', path } : { command: 'open-workbook', path });
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  /** The File menu's recent projects: the service's list (saving or opening a project updates it). */
  const refreshRecent = async () => {
    const listed = await call('recentProjects', {});
    if (listed.ok) recent = listed.value.projects.map((p) => p.path);
    setMenu();
  };
  const remember = (path: string) => {
    app.addRecentDocument(path);
    void refreshRecent();
  };

  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          lang,
          recent,
          dev,
          platform: process.platform,
          send,
          openProject: () => {
            void (async () => {
              if (!window) return;
              const { canceled, filePaths } = await dialog.showOpenDialog(window, {
                properties: ['openFile'],
                filters: [{ name: 'Catalog Publisher', extensions: ['json'] }],
              });
              const path = canceled ? undefined : filePaths[0];
              if (path) open({ kind: 'project', path });
            })();
          },
          openRecent: (path) => open({ kind: 'project', path }),
          setLanguage: (next) => {
            lang = next;
            setMenu();
            send({ command: 'language', lang: next });
          },
          openHelp: () => void shell.openPath(README),
        }),
      ),
    );

  const ipc = registerIpc({
    ipcMain,
    chosen,
    showOpenDialog: (options) =>
      window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
    showSaveDialog: (options) =>
      window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    openExternal,
    lang: () => lang,
    onProject: remember,
  });

  const createWindow = async () => {
    const win = new BrowserWindow(windowOptions(PRELOAD));
    window = win;
    loaded = false;
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      loaded = true;
      const file = pending;
      pending = undefined;
      if (file) open(file);
    });
    // The page asks before it is closed with unsaved changes (beforeunload); Electron ignores that
    // unless the shell asks the user itself.
    win.webContents.on('will-prevent-unload', (event) => {
      const fr = lang === 'fr';
      const choice = dialog.showMessageBoxSync(win, {
        type: 'question',
        buttons: fr ? ['Quitter sans enregistrer', 'Annuler'] : ['Quit without saving', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: fr ? 'Le projet a des modifications non enregistrées.' : 'The project has unsaved changes.',
      });
      if (choice === 0) event.preventDefault();
    });
    // A page that crashed or went away leaves no job running for nobody.
    win.webContents.on('render-process-gone', () => ipc.cancelAll());
    win.on('closed', () => {
      ipc.cancelAll();
      if (window === win) window = undefined;
    });
    await win.loadURL(APP_URL);
  };

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));
  app.on('second-instance', (_event, argv) => {
    const file = launchFileFromArgv(argv.slice(1));
    if (file) open(file);
    else if (window) window.focus();
  });
  // macOS: a file dropped on the Dock icon or opened from the Finder, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const file = launchFile(path);
    if (file) open(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!window && app.isReady()) void createWindow();
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, serveApp(RENDERER));
    hardenSession(session.defaultSession);
    // The app runs job after job (every preview is one): keep a loaded worker ready for the next.
    keepWorkerWarm(true);
    const system = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
    lang = system.toLowerCase().startsWith('fr') ? 'fr' : 'en';
    await refreshRecent();
    await createWindow();
  });
}
