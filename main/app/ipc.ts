// The main process's side of the bridge (main/api/bridge.ts): one `ipcMain.handle` per contract
// channel, plus cancel, the native dialogs, drops, "show in folder" and web links. Every handler first
// checks that its sender is our page's top frame, then its input: a channel's request against the
// contract (call(), runJob() or open's parse) and against the paths the user chose (ChosenPaths), the
// others with their own small schema. A channel runs through the service's surfaceCall, as in browser
// mode (main/server/run-channel.ts): the long channels as jobs in a worker thread and `open` in this
// process (rows reads what it keeps), both with progress sent to the page tagged with the caller's
// job id and cancelled by it.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { z } from 'zod';
import type { JobEvent, Outcome } from '../api/bridge.ts';
import { CHANNEL_NAMES } from '../api/channel-names.ts';
import { CatalogError, parseRequest, type ErrorPayload, type JobProgress, type Lang } from '../api/index.ts';
import {
  JOB_ID,
  isTrackedChannel,
  surfaceCall,
  withProjectSuffix,
  type ChosenPaths,
  type Runners,
} from '../service/index.ts';
import { IPC, WORKBOOK_EXTENSIONS, callChannel, isWorkbookPath } from './ipc-names.ts';
import { isExternalLink, isTrustedSender, type FrameLike } from './security.ts';

/** What a handler reads of Electron's IpcMainInvokeEvent. */
export type InvokeEvent = {
  senderFrame: FrameLike | null;
  sender: { id: number; send(channel: string, ...args: unknown[]): void };
};

export type IpcListener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** The pieces of Electron (and of the service) the handlers use; tests pass fakes. */
export type IpcDeps = {
  ipcMain: { handle(channel: string, listener: IpcListener): void };
  chosen: ChosenPaths;
  /** Native dialogs, already attached to the window by the caller. */
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showItemInFolder(path: string): void;
  openExternal(url: string): Promise<void>;
  /** The language of the dialogs' titles and filters. */
  lang(): Lang;
  /** A project the user opened or saved: for the recent projects. */
  onProject?(path: string): void;
} & Partial<Runners>;

const forbiddenSender = (): ErrorPayload => ({
  code: 'FORBIDDEN_SENDER',
  message: {
    fr: 'Appel refusé : il ne vient pas de la fenêtre de l’application.',
    en: 'Call refused: it does not come from the app’s window.',
  },
});

const invalidJobId = (): ErrorPayload => ({
  code: 'INVALID_REQUEST',
  message: {
    fr: 'Requête invalide : job — un identifiant de 1 à 64 lettres, chiffres, - ou _.',
    en: 'Invalid request: job — an id of 1 to 64 letters, digits, - or _.',
  },
  field: 'job',
});

const refused = (payload: ErrorPayload) => new CatalogError(payload.code, payload.message);

/** An id the page gives a job: short, and safe to echo in an event (as browser mode's). */
const JobId = z.string().regex(JOB_ID);
const PathArg = z.string().min(1).max(4096);
const SuggestedName = z.string().max(255);
const Url = z.string().max(8192);

const WORDS = {
  workbook: { fr: 'Ouvrir un classeur', en: 'Open a workbook' },
  workbooks: { fr: 'Classeurs Excel ou CSV', en: 'Excel or CSV workbooks' },
  folder: { fr: 'Choisir un dossier', en: 'Choose a folder' },
  project: { fr: 'Ouvrir un projet', en: 'Open a project' },
  saveProject: { fr: 'Enregistrer le projet', en: 'Save the project' },
  projects: { fr: 'Projets Catalog Publisher', en: 'Catalog Publisher projects' },
} as const;

/** A name a save dialog may suggest: the last segment only, ending as a project does. */
export function projectFileName(suggested: string): string {
  const name =
    basename(suggested.replace(/\\/g, '/'))
      .replace(/[\0<>:"|?*]/g, '')
      .trim() || 'catalog';
  return withProjectSuffix(name);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Registers every handler; returns what the window's lifecycle needs (cancel all jobs on close). */
export function registerIpc(deps: IpcDeps): { cancelAll(): void } {
  const { ipcMain, chosen } = deps;
  // Keyed by sender and job id: a page cancels only its own jobs.
  const jobs = new Map<string, AbortController>();
  const words = (key: keyof typeof WORDS) => WORDS[key][deps.lang()];

  /** A shell method: refused (the invoke rejects) unless our page's top frame sent it. */
  const shellMethod = (channel: string, run: (event: InvokeEvent, ...args: unknown[]) => unknown) =>
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) throw refused(forbiddenSender());
      return run(event, ...args);
    });

  for (const name of CHANNEL_NAMES)
    ipcMain.handle(callChannel(name), async (event, request, job): Promise<Outcome<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: forbiddenSender() };
      // Only `open` and the long channels are followed and cancelled; the others ignore `job`.
      const tracked = isTrackedChannel(name);
      if (tracked && job !== undefined && !JobId.safeParse(job).success)
        return { ok: false, error: invalidJobId() };
      const id = (job as string | undefined) ?? randomUUID();
      const outcome: Outcome<unknown> = await surfaceCall(name, request, {
        chosen,
        running: jobs,
        // Keyed by sender too: a page cancels only its own jobs. Unnamed ones are kept for cancelAll.
        ...(tracked ? { key: `${event.sender.id}:${id}`, job: { id, field: 'job' } } : {}),
        // Only a job the page named can be followed (and cancelled) by the page.
        ...(tracked && job !== undefined
          ? {
              onProgress: (p: JobProgress) =>
                event.sender.send(IPC.progress, { ...p, job: id } satisfies JobEvent),
            }
          : {}),
        // Tests' fakes of call, runJob and open, when given.
        runners: deps,
      });
      if (outcome.ok && (name === 'saveProject' || name === 'loadProject'))
        deps.onProject?.((request as { path: string }).path);
      return outcome;
    });

  shellMethod(IPC.cancel, (event, job) => {
    jobs.get(`${event.sender.id}:${parseRequest(JobId, job)}`)?.abort();
  });

  shellMethod(IPC.chooseWorkbook, async () => {
    const { canceled, filePaths } = await deps.showOpenDialog({
      title: words('workbook'),
      properties: ['openFile'],
      filters: [{ name: words('workbooks'), extensions: [...WORKBOOK_EXTENSIONS] }],
    });
    const file = canceled ? undefined : filePaths[0];
    if (file) chosen.allow(file, 'file');
    return file;
  });

  shellMethod(IPC.chooseFolder, async () => {
    const { canceled, filePaths } = await deps.showOpenDialog({
      title: words('folder'),
      properties: ['openDirectory', 'createDirectory'],
    });
    const folder = canceled ? undefined : filePaths[0];
    if (folder) chosen.allow(folder, 'folder');
    return folder;
  });

  shellMethod(IPC.chooseProjectToOpen, async () => {
    const { canceled, filePaths } = await deps.showOpenDialog({
      title: words('project'),
      properties: ['openFile'],
      filters: [{ name: words('projects'), extensions: ['json'] }],
    });
    const file = canceled ? undefined : filePaths[0];
    if (!file) return undefined;
    chosen.allow(file, 'file');
    deps.onProject?.(file);
    return file;
  });

  shellMethod(IPC.chooseProjectToSave, async (_event, suggested) => {
    const { canceled, filePath } = await deps.showSaveDialog({
      title: words('saveProject'),
      defaultPath: projectFileName(parseRequest(SuggestedName, suggested ?? '')),
      filters: [{ name: words('projects'), extensions: ['json'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (canceled || !filePath) return undefined;
    // The name the project is written under (saveProject adds the suffix a typed name lacks).
    const path = withProjectSuffix(filePath);
    chosen.allow(path, 'file');
    deps.onProject?.(path);
    return path;
  });

  // The page cannot invent a drop's path (webUtils gives it only for a File the user dropped), but a
  // compromised page could send any string: so only an existing workbook is allowed, nothing else.
  shellMethod(IPC.dropWorkbook, async (_event, path) => {
    const file = parseRequest(PathArg, path);
    if (!isWorkbookPath(file) || !(await isFile(file))) return undefined;
    chosen.allow(file, 'file');
    return file;
  });

  shellMethod(IPC.showInFolder, (_event, path) => {
    const file = parseRequest(PathArg, path);
    chosen.check({ path: file });
    deps.showItemInFolder(file);
  });

  shellMethod(IPC.openExternal, async (_event, url) => {
    const link = parseRequest(Url, url);
    if (!isExternalLink(link))
      throw new CatalogError('INVALID_REQUEST', {
        fr: 'Seuls les liens http et https s’ouvrent dans le navigateur.',
        en: 'Only http and https links open in the browser.',
      });
    await deps.openExternal(link);
  });

  return {
    cancelAll() {
      for (const controller of jobs.values()) controller.abort();
      jobs.clear();
    },
  };
}
