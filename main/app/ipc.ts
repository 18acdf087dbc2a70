// The main process's side of the bridge (main/api/bridge.ts): one `ipcMain.handle` per contract
// channel, plus cancel, the native dialogs, drops, "show in folder" and web links. Every handler first
// checks that its sender is our page's top frame, then its input: a channel's request against the
// contract (call(), runJob() or open's parse) and against the paths the user chose (ChosenPaths), the
// others with their own small schema. As in browser mode (main/server/run-channel.ts): the long
// channels run as jobs in a worker thread (runJob) and `open` in this process (rows reads what it
// keeps), both with progress sent to the page tagged with the caller's job id and cancelled by it.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { z } from 'zod';
import type { JobEvent, Outcome } from '../api/bridge.ts';
import { CHANNEL_NAMES, JOB_CHANNELS, type ChannelName } from '../api/channel-names.ts';
import {
  CHANNELS,
  CatalogError,
  parseRequest,
  toErrorPayload,
  type ErrorPayload,
  type JobProgress,
  type Lang,
} from '../api/index.ts';
import {
  allowAnswerPaths,
  call,
  handlers,
  runJob,
  type ChosenPaths,
  type JobName,
} from '../service/index.ts';
import { IPC, PROJECT_SUFFIX, WORKBOOK_EXTENSIONS, callChannel, isWorkbookPath } from './ipc-names.ts';

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
  call?: typeof call;
  runJob?: typeof runJob;
  open?: typeof handlers.open;
};

const forbiddenSender = (): ErrorPayload => ({
  code: 'FORBIDDEN_SENDER',
  message: {
    fr: 'Appel refusé : il ne vient pas de la fenêtre de l’application.',
    en: 'Call refused: it does not come from the app’s window.',
  },
});

/** The same refusal as browser mode's for an id already running (main/server/run-channel.ts). */
const jobInProgress = (job: string): ErrorPayload => ({
  code: 'JOB_IN_PROGRESS',
  message: { fr: `Un travail « ${job} » est déjà en cours.`, en: `A job "${job}" is already running.` },
  field: 'job',
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
const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const PathArg = z.string().min(1).max(4096);
const SuggestedName = z.string().max(255);
const Url = z.string().max(8192);

const isJobChannel = (name: ChannelName): name is JobName =>
  (JOB_CHANNELS as readonly string[]).includes(name);

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
  return name.toLowerCase().endsWith(PROJECT_SUFFIX)
    ? name
    : `${name.replace(/\.json$/i, '')}${PROJECT_SUFFIX}`;
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
  const callService = deps.call ?? call;
  const runServiceJob = deps.runJob ?? runJob;
  const openWorkbook = deps.open ?? handlers.open;
  // Keyed by sender and job id: a page cancels only its own jobs.
  const jobs = new Map<string, AbortController>();
  const words = (key: keyof typeof WORDS) => WORDS[key][deps.lang()];

  /** A shell method: refused (the invoke rejects) unless our page's top frame sent it. */
  const shellMethod = (channel: string, run: (event: InvokeEvent, ...args: unknown[]) => unknown) =>
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) throw refused(forbiddenSender());
      return run(event, ...args);
    });

  /** One contract call: `open` and the long channels with progress and cancel, the rest via call(). */
  async function run(name: ChannelName, request: unknown, event: InvokeEvent, job: unknown) {
    if (!isJobChannel(name) && name !== 'open') return callService(name, request);
    if (job !== undefined && !JobId.safeParse(job).success)
      return { ok: false as const, error: invalidJobId() };
    const id = (job as string | undefined) ?? randomUUID();
    const key = `${event.sender.id}:${id}`;
    if (jobs.has(key)) return { ok: false as const, error: jobInProgress(id) };
    const controller = new AbortController();
    jobs.set(key, controller);
    const hooks = {
      signal: controller.signal,
      // Only a job the page named can be followed (and cancelled) by the page.
      ...(job !== undefined
        ? {
            onProgress: (p: JobProgress) =>
              event.sender.send(IPC.progress, { ...p, job: id } satisfies JobEvent),
          }
        : {}),
    };
    try {
      const value = isJobChannel(name)
        ? await runServiceJob(name, request as never, hooks)
        : // Opening stays in this process (rows reads the workbook it keeps) but reports and stops.
          await openWorkbook(parseRequest(CHANNELS.open.request, request), hooks);
      return { ok: true as const, value };
    } catch (error) {
      return { ok: false as const, error: toErrorPayload(error) };
    } finally {
      if (jobs.get(key) === controller) jobs.delete(key);
    }
  }

  for (const name of CHANNEL_NAMES)
    ipcMain.handle(callChannel(name), async (event, request, job): Promise<Outcome<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: forbiddenSender() };
      try {
        chosen.check(request);
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
      const outcome: Outcome<unknown> = await run(name, request, event, job);
      if (outcome.ok) {
        allowAnswerPaths(chosen, name, outcome.value);
        if (name === 'saveProject' || name === 'loadProject')
          deps.onProject?.((request as { path: string }).path);
      }
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
    chosen.allow(filePath, 'file');
    deps.onProject?.(filePath);
    return filePath;
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
