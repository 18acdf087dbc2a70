// The one contract call both surfaces make (the desktop app's IPC, browser mode's HTTP): checked
// against the chosen paths before anything runs, kept by key while it runs, refused when its key is
// taken, and a project's answer making its paths chosen. Runners are fakes: no workbook is read.
import { describe, expect, it, vi } from 'vitest';
import { CatalogError } from '../../../main/engine/errors.ts';
import { ChosenPaths } from '../../../main/service/chosen-paths.ts';
import { surfaceCall, type Runners } from '../../../main/service/surface-call.ts';

const project = (out: string) => ({
  kind: 'catalog-project',
  version: 1,
  file: '/u/tarif.xlsx',
  template: 'price-list',
  money: {},
  layout: {},
  output: { out, formats: ['pdf'], mode: 'print', textVariant: 'win' },
});

/** A job that runs until its signal aborts, then refuses CANCELLED as runJob does. */
const waiting = vi.fn(
  (_name: string, _input: unknown, hooks: { signal?: AbortSignal } = {}) =>
    new Promise((_resolve, reject) =>
      hooks.signal?.addEventListener('abort', () =>
        reject(new CatalogError('CANCELLED', { fr: 'Arrêté.', en: 'Stopped.' })),
      ),
    ),
);

describe('surfaceCall', () => {
  it('refuses a path the user did not choose before running anything', async () => {
    const runJob = vi.fn();
    const outcome = await surfaceCall(
      'build',
      { file: '/home/u/.ssh/id_rsa', out: '/tmp/out' },
      { chosen: new ChosenPaths(), running: new Map(), runners: { runJob } as Partial<Runners> },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN', field: 'file' } });
    expect(runJob).not.toHaveBeenCalled();
  });

  it('refuses an autosave whose project names a folder nobody chose', async () => {
    const chosen = new ChosenPaths();
    chosen.allow('/u/tarif.xlsx', 'file');
    const call = vi.fn();
    const outcome = await surfaceCall(
      'autosave',
      { project: project('/') },
      { chosen, running: new Map(), runners: { call } as Partial<Runners> },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'PATH_NOT_CHOSEN', field: 'project.output.out' },
    });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses an autosave whose price-grid flow names a folder nobody chose', async () => {
    const chosen = new ChosenPaths();
    chosen.allow('/u/tarif.xlsx', 'file');
    chosen.allow('/u/out', 'folder');
    const call = vi.fn();
    const outcome = await surfaceCall(
      'autosave',
      { project: { ...project('/u/out'), grid: { outputs: ['print'], encrypt: true, out: '/' } } },
      { chosen, running: new Map(), runners: { call } as Partial<Runners> },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'PATH_NOT_CHOSEN', field: 'project.grid.out' },
    });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a save that would write beside a chosen folder rather than in it', async () => {
    const chosen = new ChosenPaths();
    chosen.allow('/u/tarif.xlsx', 'file');
    chosen.allow('/u/out', 'folder');
    const call = vi.fn();
    const outcome = await surfaceCall(
      'saveProject',
      { path: '/u/out', project: project('/u/out') },
      { chosen, running: new Map(), runners: { call } as Partial<Runners> },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN', field: 'path' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('keeps a long call by its key while it runs, refuses the same key, and a cancel stops it', async () => {
    const chosen = new ChosenPaths();
    chosen.allow('/u', 'folder');
    const running = new Map<string, AbortController>();
    const runners = { runJob: waiting } as unknown as Partial<Runners>;
    const request = { file: '/u/tarif.xlsx', out: '/u/out' };
    const first = surfaceCall('build', request, {
      chosen,
      running,
      key: 'page:b1',
      job: { id: 'b1', field: 'job' },
      runners,
    });
    expect([...running.keys()]).toEqual(['page:b1']);
    const second = await surfaceCall('build', request, {
      chosen,
      running,
      key: 'page:b1',
      job: { id: 'b1', field: 'job' },
      runners,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'JOB_IN_PROGRESS', field: 'job' } });
    running.get('page:b1')!.abort();
    expect(await first).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(running.size).toBe(0);
  });

  it('makes the paths of a loaded project chosen, and only once it loaded', async () => {
    const chosen = new ChosenPaths();
    chosen.allow('/u/spring.catalog.json', 'file');
    const call = vi.fn(async () => ({ ok: true as const, value: { project: project('/u/out') } }));
    const outcome = await surfaceCall(
      'loadProject',
      { path: '/u/spring.catalog.json' },
      { chosen, running: new Map(), runners: { call } as unknown as Partial<Runners> },
    );
    expect(outcome.ok).toBe(true);
    expect(chosen.allows('/u/tarif.xlsx')).toBe(true);
    expect(chosen.allows('/u/out/catalog.pdf')).toBe(true);
    expect(chosen.allows('/u/other.xlsx')).toBe(false);
  });
});
