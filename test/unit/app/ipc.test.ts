// The IPC handlers, called as Electron would call them (a fake ipcMain records them; events are
// plain objects) in front of the real service: a foreign sender, a malformed payload and a path the
// user never chose are each refused before any work, and a job runs in its worker with progress sent
// to its page and stops on cancel.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobEvent, Outcome } from '../../../main/api/bridge.ts';
import { CHANNEL_NAMES } from '../../../main/api/channel-names.ts';
import { registerIpc, type IpcDeps, type IpcListener, type InvokeEvent } from '../../../main/app/ipc.ts';
import { IPC, callChannel } from '../../../main/app/ipc-names.ts';
import { ChosenPaths } from '../../../main/service/index.ts';
import { rejection } from '../../fixtures/catalog-error.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

const SAMPLE = resolve('samples/quincaillerie-tarif-2026.xlsx');

// The service's config folder (remembered mappings, recent projects) is a fresh one, not the user's.
const config = process.env.CATALOG_CONFIG_DIR;
beforeAll(() => {
  process.env.CATALOG_CONFIG_DIR = tempDir('catalog-ipc-config-');
});
afterAll(() => {
  if (config === undefined) delete process.env.CATALOG_CONFIG_DIR;
  else process.env.CATALOG_CONFIG_DIR = config;
});

type Sent = { channel: string; payload: unknown };

function makeEvent(url = 'app://catalog/', options: { subframe?: boolean; id?: number } = {}) {
  const sent: Sent[] = [];
  const top = { url, parent: null };
  const event: InvokeEvent = {
    senderFrame: options.subframe ? { url, parent: top } : top,
    sender: { id: options.id ?? 1, send: (channel, payload) => sent.push({ channel, payload }) },
  };
  return { event, sent };
}

function setUp(overrides: Partial<IpcDeps> = {}) {
  const handlers = new Map<string, IpcListener>();
  const chosen = new ChosenPaths();
  const deps: IpcDeps = {
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    chosen,
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showItemInFolder: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    lang: () => 'en',
    onProject: vi.fn(),
    ...overrides,
  };
  const registered = registerIpc(deps);
  // As ipcMain.handle does: a handler's throw, synchronous or not, rejects the renderer's invoke.
  const invoke = async (channel: string, event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  const callOf = (name: (typeof CHANNEL_NAMES)[number], event: InvokeEvent, request: unknown, job?: string) =>
    invoke(callChannel(name), event, request, job) as Promise<Outcome<Record<string, unknown>>>;
  return { handlers, chosen, deps, invoke, callOf, ...registered };
}

const errorOf = (outcome: Outcome<unknown>) => {
  if (outcome.ok) throw new Error('expected a refusal, got a value');
  return outcome.error;
};

describe('registerIpc: what is registered', () => {
  it('one handler per contract channel, and the shell’s named methods — nothing else', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(
      [
        ...CHANNEL_NAMES.map(callChannel),
        IPC.cancel,
        IPC.chooseWorkbook,
        IPC.chooseFolder,
        IPC.chooseProjectToOpen,
        IPC.chooseProjectToSave,
        IPC.dropWorkbook,
        IPC.showInFolder,
        IPC.openExternal,
      ].sort(),
    );
  });
});

describe('registerIpc: the sender check', () => {
  it.each([
    ['a foreign origin', makeEvent('https://evil.example/').event],
    ['a file page', makeEvent('file:///tmp/x.html').event],
    ['a subframe of our page', makeEvent('app://catalog/', { subframe: true }).event],
    ['no frame', { ...makeEvent().event, senderFrame: null }],
  ])('refuses a contract call from %s with FORBIDDEN_SENDER, running nothing', async (_what, event) => {
    const call = vi.fn();
    const runJob = vi.fn();
    const { callOf, chosen } = setUp({ call, runJob });
    chosen.allow(SAMPLE, 'file');
    for (const name of ['templates', 'open', 'validate'] as const) {
      const outcome = await callOf(name, event, { file: SAMPLE, lang: 'en' });
      expect(errorOf(outcome).code).toBe('FORBIDDEN_SENDER');
    }
    expect(call).not.toHaveBeenCalled();
    expect(runJob).not.toHaveBeenCalled();
  });

  it('refuses the shell’s methods from a foreign sender: no dialog, no folder shown, no link opened', async () => {
    const { invoke, deps, chosen } = setUp();
    chosen.allow(SAMPLE, 'file');
    const { event } = makeEvent('https://evil.example/');
    for (const [channel, ...args] of [
      [IPC.chooseWorkbook],
      [IPC.chooseFolder],
      [IPC.chooseProjectToSave, 'x'],
      [IPC.dropWorkbook, SAMPLE],
      [IPC.showInFolder, SAMPLE],
      [IPC.openExternal, 'https://example.com/'],
      [IPC.cancel, 'job-1'],
    ] as const)
      expect((await rejection(invoke(channel, event, ...args))).code).toBe('FORBIDDEN_SENDER');
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.showItemInFolder).not.toHaveBeenCalled();
    expect(deps.openExternal).not.toHaveBeenCalled();
  });
});

describe('registerIpc: inputs', () => {
  it('refuses a malformed payload with INVALID_REQUEST naming the field (a call and a job)', async () => {
    const { callOf, chosen } = setUp();
    chosen.allow(SAMPLE, 'file');
    const { event } = makeEvent();
    const open = errorOf(await callOf('open', event, { file: 42 }));
    expect(open).toMatchObject({ code: 'INVALID_REQUEST', field: 'file' });
    const validate = errorOf(
      await callOf('validate', event, { file: SAMPLE, includeHidden: 'yes' }, 'job-1'),
    );
    expect(validate).toMatchObject({ code: 'INVALID_REQUEST', field: 'includeHidden' });
    const build = errorOf(await callOf('build', event, { file: SAMPLE, lang: 'klingon' }, 'job-2'));
    expect(build).toMatchObject({ code: 'INVALID_REQUEST', field: 'out' });
    const rows = errorOf(await callOf('rows', event, { id: 'x', count: 1e9, lang: 'en' }));
    expect(rows).toMatchObject({ code: 'INVALID_REQUEST', field: 'count' });
  });

  it('refuses a path the user did not choose with PATH_NOT_CHOSEN naming the field', async () => {
    const runJob = vi.fn();
    const { callOf, chosen } = setUp({ runJob });
    const { event } = makeEvent();
    expect(errorOf(await callOf('open', event, { file: '/etc/passwd' }))).toMatchObject({
      code: 'PATH_NOT_CHOSEN',
      field: 'file',
    });
    chosen.allow(SAMPLE, 'file');
    const out = join(tempDir('catalog-ipc-'), 'out');
    const build = errorOf(await callOf('build', event, { file: SAMPLE, out, lang: 'en' }, 'job-1'));
    expect(build).toMatchObject({ code: 'PATH_NOT_CHOSEN', field: 'out' });
    const images = errorOf(await callOf('validate', event, { file: SAMPLE, images: '/home', lang: 'en' }));
    expect(images).toMatchObject({ code: 'PATH_NOT_CHOSEN', field: 'images' });
    expect(runJob).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments of the shell’s methods', async () => {
    const { invoke } = setUp();
    const { event } = makeEvent();
    expect((await rejection(invoke(IPC.dropWorkbook, event, 42))).code).toBe('INVALID_REQUEST');
    expect((await rejection(invoke(IPC.showInFolder, event, ''))).code).toBe('INVALID_REQUEST');
    expect((await rejection(invoke(IPC.cancel, event, { job: 1 }))).code).toBe('INVALID_REQUEST');
  });
});

describe('registerIpc: calls and jobs on the real service', () => {
  it('opens a workbook the user chose in a dialog, then reads its rows', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [SAMPLE] }));
    const { invoke, callOf } = setUp({ showOpenDialog });
    const { event } = makeEvent();
    expect(await invoke(IPC.chooseWorkbook, event)).toBe(SAMPLE);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [expect.objectContaining({ extensions: ['xlsx', 'xlsm', 'csv'] })],
      }),
    );
    const opened = await callOf('open', event, { file: SAMPLE });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const rows = await callOf('rows', event, { id: opened.value.id, count: 3, lang: 'fr' });
    expect(rows.ok && (rows.value.rows as unknown[]).length).toBe(3);
  });

  it('runs a job in its worker, sending its progress to the page tagged with the job id', async () => {
    const { callOf, chosen } = setUp();
    chosen.allow(SAMPLE, 'file');
    const { event, sent } = makeEvent();
    const outcome = await callOf('validate', event, { file: SAMPLE, lang: 'en' }, 'job-7');
    expect(outcome.ok && outcome.value.products).toBeGreaterThan(0);
    const progress = sent.filter((s) => s.channel === IPC.progress).map((s) => s.payload as JobEvent);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.job === 'job-7' && typeof p.stage === 'string')).toBe(true);
    expect(sent.every((s) => s.channel === IPC.progress)).toBe(true);
  });

  it('stops a build when its page cancels it, leaving no output', async () => {
    const dir = tempDir('catalog-ipc-');
    const file = join(dir, 'tarif.xlsx');
    copyFileSync(SAMPLE, file);
    const out = join(dir, 'out');
    const { callOf, invoke, chosen } = setUp();
    chosen.allow(file, 'file');
    chosen.allow(out, 'folder');
    const { event, sent } = makeEvent();
    // Cancelled from the first progress event, as a user's click would arrive while it runs.
    let cancelled = false;
    const send = event.sender.send;
    event.sender.send = (channel, payload) => {
      send(channel, payload);
      if (!cancelled) {
        cancelled = true;
        void invoke(IPC.cancel, event, 'job-build');
      }
    };
    const outcome = await callOf('build', event, { file, out, force: true, lang: 'en' }, 'job-build');
    expect(errorOf(outcome).code).toBe('CANCELLED');
    expect(sent.length).toBeGreaterThan(0);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(sent.every((s) => s.channel === IPC.progress)).toBe(true);
  });
});

describe('registerIpc: projects', () => {
  it('a project the user opens vouches for its workbook and folders; nothing else is allowed', async () => {
    const dir = tempDir('catalog-ipc-');
    const images = join(dir, 'images');
    const out = join(dir, 'out');
    const path = join(dir, 'spring.catalog.json');
    const project = {
      kind: 'catalog-project',
      version: 1,
      file: SAMPLE,
      template: 'price-list',
      money: {},
      images,
      layout: {},
      output: { out, formats: ['pdf'], mode: 'print', textVariant: 'win' },
    };
    // Saved in one session (the user chose the workbook and the project's place)…
    const saving = setUp({ showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path })) });
    const { event } = makeEvent();
    saving.chosen.allow(SAMPLE, 'file');
    await saving.invoke(IPC.chooseProjectToSave, event, 'spring');
    // A project names only what was chosen: else loading it would vouch for any folder.
    expect(errorOf(await saving.callOf('saveProject', event, { path, project }))).toMatchObject({
      code: 'PATH_NOT_CHOSEN',
      field: 'project.images',
    });
    saving.chosen.allow(images, 'folder');
    saving.chosen.allow(out, 'folder');
    const saved = await saving.callOf('saveProject', event, { path, project });
    expect(saved.ok).toBe(true);
    expect(saving.deps.onProject).toHaveBeenCalledWith(path);

    // …opened in the next: only the project is chosen, and what it names follows.
    const next = setUp({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [path] })) });
    expect(errorOf(await next.callOf('loadProject', event, { path }))).toMatchObject({
      code: 'PATH_NOT_CHOSEN',
    });
    await next.invoke(IPC.chooseProjectToOpen, event);
    const loaded = await next.callOf('loadProject', event, { path });
    expect(loaded.ok).toBe(true);
    expect(next.chosen.allows(SAMPLE)).toBe(true);
    expect(next.chosen.allows(join(images, 'a.jpg'))).toBe(true);
    expect(next.chosen.allows(join(out, 'catalog.pdf'))).toBe(true);
    expect(next.chosen.allows(join(dir, 'other.xlsx'))).toBe(false);
    expect((await next.callOf('open', event, { file: SAMPLE })).ok).toBe(true);

    // The recent list is the service's record of the user's projects: listed, they may be opened.
    const later = setUp();
    const recent = await later.callOf('recentProjects', event, {});
    expect(recent.ok).toBe(true);
    expect(later.chosen.allows(path)).toBe(true);
  });
});

describe('registerIpc: autosave', () => {
  it('refuses an autosave naming a folder the user never chose, as recovering it would allow it', async () => {
    const { callOf, chosen } = setUp();
    const { event } = makeEvent();
    chosen.allow(SAMPLE, 'file');
    const project = {
      kind: 'catalog-project',
      version: 1,
      file: SAMPLE,
      template: 'price-list',
      money: {},
      layout: {},
      output: { out: '/', formats: ['pdf'], mode: 'print', textVariant: 'win' },
    };
    expect(errorOf(await callOf('autosave', event, { project }))).toMatchObject({
      code: 'PATH_NOT_CHOSEN',
      field: 'project.output.out',
    });
    expect(chosen.allows('/etc/passwd')).toBe(false);
  });
});

describe('registerIpc: cancel', () => {
  /** A job that runs until its signal aborts. */
  const waitingJob = vi.fn(
    (_name: string, _input: unknown, options: { signal?: AbortSignal } = {}) =>
      new Promise((_resolve, reject) =>
        options.signal?.addEventListener('abort', () =>
          reject(Object.assign(new Error('stop'), { aborted: true })),
        ),
      ),
  );

  beforeEach(() => {
    waitingJob.mockClear();
  });

  it('cancels only the job of the page that started it, by its id', async () => {
    const { callOf, invoke, chosen } = setUp({ runJob: waitingJob as never });
    chosen.allow(SAMPLE, 'file');
    const page = makeEvent('app://catalog/', { id: 1 }).event;
    const other = makeEvent('app://catalog/', { id: 2 }).event;
    let settled = false;
    const job = callOf('validate', page, { file: SAMPLE, lang: 'en' }, 'job-1').then((o) => {
      settled = true;
      return o;
    });
    await invoke(IPC.cancel, other, 'job-1');
    await invoke(IPC.cancel, page, 'job-2');
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    const signal = (waitingJob.mock.calls[0]![2] as { signal: AbortSignal }).signal;
    expect(signal.aborted).toBe(false);
    await invoke(IPC.cancel, page, 'job-1');
    expect(signal.aborted).toBe(true);
    expect((await job).ok).toBe(false);
  });

  it('refuses a second job under an id still running, and a malformed id; cancelAll stops every job', async () => {
    const { callOf, chosen, cancelAll } = setUp({ runJob: waitingJob as never });
    chosen.allow(SAMPLE, 'file');
    const { event } = makeEvent();
    const first = callOf('preview', event, { file: SAMPLE, lang: 'en' }, 'preview');
    expect(errorOf(await callOf('plan', event, { file: SAMPLE, lang: 'en' }, 'preview'))).toMatchObject({
      code: 'JOB_IN_PROGRESS',
      field: 'job',
    });
    expect(errorOf(await callOf('plan', event, { file: SAMPLE, lang: 'en' }, 'a b/../c'))).toMatchObject({
      code: 'INVALID_REQUEST',
      field: 'job',
    });
    const second = callOf('plan', event, { file: SAMPLE, lang: 'en' }, 'plan');
    const signals = waitingJob.mock.calls.map((c) => (c[2] as { signal: AbortSignal }).signal);
    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
    cancelAll();
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    expect((await first).ok).toBe(false);
    expect((await second).ok).toBe(false);
  });
});

describe('registerIpc: dialogs, drops, folders and links', () => {
  it('allows what a dialog returned, and nothing when it was cancelled', async () => {
    const folder = tempDir('catalog-ipc-');
    const showOpenDialog = vi
      .fn<IpcDeps['showOpenDialog']>()
      .mockResolvedValueOnce({ canceled: true, filePaths: [] })
      .mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const { invoke, chosen } = setUp({ showOpenDialog });
    const { event } = makeEvent();
    expect(await invoke(IPC.chooseFolder, event)).toBeUndefined();
    expect(chosen.allows(folder)).toBe(false);
    expect(await invoke(IPC.chooseFolder, event)).toBe(folder);
    expect(chosen.allows(join(folder, 'out', 'catalog.pdf'))).toBe(true);
    expect(showOpenDialog.mock.calls[0]![0].properties).toContain('openDirectory');
  });

  it('saves a project under a plain name ending in .catalog.json, and remembers it', async () => {
    const target = join(tempDir('catalog-ipc-'), 'spring.catalog.json');
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const { invoke, chosen, deps } = setUp({ showSaveDialog, lang: () => 'fr' });
    const { event } = makeEvent();
    expect(await invoke(IPC.chooseProjectToSave, event, '../../etc/spring')).toBe(target);
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'spring.catalog.json', title: 'Enregistrer le projet' }),
    );
    expect(chosen.allows(target)).toBe(true);
    expect(deps.onProject).toHaveBeenCalledWith(target);
  });

  it('answers and allows the name a project is written under when the user typed it without the suffix', async () => {
    const typed = join(tempDir('catalog-ipc-'), 'spring');
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: typed }));
    const { invoke, chosen } = setUp({ showSaveDialog });
    const { event } = makeEvent();
    expect(await invoke(IPC.chooseProjectToSave, event, 'spring')).toBe(`${typed}.catalog.json`);
    expect(chosen.allows(`${typed}.catalog.json`)).toBe(true);
    expect(chosen.allows(typed)).toBe(false);
  });

  it('allows a dropped workbook that exists; refuses another kind of file or a missing one', async () => {
    const dir = tempDir('catalog-ipc-');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'x');
    mkdirSync(join(dir, 'folder.xlsx'));
    const { invoke, chosen } = setUp();
    const { event } = makeEvent();
    expect(await invoke(IPC.dropWorkbook, event, SAMPLE)).toBe(SAMPLE);
    expect(chosen.allows(SAMPLE)).toBe(true);
    for (const path of [notes, join(dir, 'missing.xlsx'), join(dir, 'folder.xlsx')]) {
      expect(await invoke(IPC.dropWorkbook, event, path)).toBeUndefined();
      expect(chosen.allows(path)).toBe(false);
    }
  });

  it('shows in its folder only a path the user chose', async () => {
    const { invoke, chosen, deps } = setUp();
    const { event } = makeEvent();
    expect((await rejection(invoke(IPC.showInFolder, event, '/etc/passwd'))).code).toBe('PATH_NOT_CHOSEN');
    chosen.allow(SAMPLE, 'file');
    await invoke(IPC.showInFolder, event, SAMPLE);
    expect(deps.showItemInFolder).toHaveBeenCalledExactlyOnceWith(SAMPLE);
  });

  it('opens http and https links only', async () => {
    const { invoke, deps } = setUp();
    const { event } = makeEvent();
    await invoke(IPC.openExternal, event, 'https://example.com/help');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url'])
      expect((await rejection(invoke(IPC.openExternal, event, url))).code).toBe('INVALID_REQUEST');
    expect(deps.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/help');
  });
});
