// The project bar: Save writes the project and marks it clean (asking a path the first time),
// remembers the mapping, Ctrl+S saves, Open project loads one, and a crash's autosave is offered back.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../renderer/api/transport.ts';
import { ProjectBar } from '../../../renderer/components/project-bar.tsx';
import { initialState } from '../../../renderer/state/project.ts';
import { fakeSurface, mount, openedState, OPENED, requestsOf, WORKBOOK } from './mount.tsx';

const FIELDS = { reference: { columns: [{ header: 'Réf.', letter: 'A' }] } };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ProjectBar', () => {
  it('saves the project where it was saved, marks it clean and remembers the mapping', async () => {
    const surface = fakeSurface({ saveProject: (r) => ({ path: (r as { path: string }).path }) });
    const state = openedState({ projectPath: '/p/spring.catalog.json' });
    const view = mount(<ProjectBar />, surface, {
      state: { ...state, project: { ...state.project, fields: FIELDS } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(view.store.state.dirty).toBe(false));
    expect(requestsOf(surface.call, 'saveProject')).toEqual([
      {
        path: '/p/spring.catalog.json',
        project: {
          kind: 'catalog-project',
          version: 1,
          file: WORKBOOK,
          sheet: 'Tarif 2026',
          template: 'product-grid',
          fields: FIELDS,
          money: {},
          layout: {},
          output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
        },
      },
    ]);
    expect(view.store.state.projectPath).toBe('/p/spring.catalog.json');
    expect(screen.getByRole('status').textContent).toBe('Project saved: spring');
    await waitFor(() =>
      expect(requestsOf(surface.call, 'rememberMapping')).toEqual([
        { headers: OPENED.columns.map((c) => c.header), template: 'product-grid', fields: FIELDS },
      ]),
    );
    expect(requestsOf(surface.call, 'discardAutosave')).toHaveLength(1);
  });

  it('asks a path the first time (browser mode), allowing its folder, and saves there with Ctrl+S', async () => {
    const surface = fakeSurface(
      { saveProject: (r) => ({ path: (r as { path: string }).path }) },
      { choosePath: vi.fn(async (path: string) => `/resolved${path}`) },
    );
    const view = mount(<ProjectBar />, surface, { state: openedState(), lang: 'fr' });
    await userEvent.keyboard('{Control>}s{/Control}');
    const input = await screen.findByLabelText('Chemin du fichier projet');
    // Offered beside the workbook, named after it.
    expect((input as HTMLInputElement).value).toBe('/data/quincaillerie-tarif-2026.catalog.json');
    await userEvent.clear(input);
    await userEvent.type(input, '/projets/mars.catalog.json');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(view.store.state.dirty).toBe(false));
    expect(surface.shell.choosePath).toHaveBeenCalledWith('/projets', 'folder', true);
    expect(requestsOf(surface.call, 'saveProject')).toMatchObject([
      { path: '/resolved/projets/mars.catalog.json' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Nothing is remembered when the mapping is the suggested one.
    expect(requestsOf(surface.call, 'rememberMapping')).toEqual([]);
  });

  it('shows a refusal inside the save dialog and keeps the project unsaved', async () => {
    const surface = fakeSurface(
      {},
      {
        choosePath: vi.fn(async () => {
          const { ApiError } = await import('../../../renderer/api/transport.ts');
          throw new ApiError({
            code: 'PATH_NOT_A_FOLDER',
            message: { fr: 'Pas un dossier.', en: 'Not a folder.' },
          });
        }),
      },
    );
    const view = mount(<ProjectBar />, surface, { state: openedState() });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not a folder.')).toBeTruthy();
    expect(view.store.state.dirty).toBe(true);
    expect(requestsOf(surface.call, 'saveProject')).toEqual([]);
  });

  it('uses the native dialog on the desktop, and cannot save before a workbook is open', async () => {
    const chooseProjectToSave = vi.fn(async () => '/Users/ana/mars.catalog.json');
    const surface = fakeSurface(
      { saveProject: (r) => ({ path: (r as { path: string }).path }) },
      { mode: 'desktop', chooseProjectToSave },
    );
    const empty = mount(<ProjectBar />, surface, { state: initialState() });
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    empty.unmount();
    const view = mount(<ProjectBar />, surface, { state: openedState() });
    await userEvent.click(screen.getByRole('button', { name: 'Save as…' }));
    await waitFor(() => expect(view.store.state.projectPath).toBe('/Users/ana/mars.catalog.json'));
    expect(chooseProjectToSave).toHaveBeenCalledWith('quincaillerie-tarif-2026');
  });

  it('opens a project after asking about unsaved changes, and re-opens its workbook', async () => {
    const project = {
      kind: 'catalog-project',
      version: 1,
      file: '/data/avril.xlsx',
      template: 'price-list',
      money: {},
      layout: { columns: 3 },
      output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
    };
    const surface = fakeSurface({
      loadProject: () => ({ project }),
      open: () => ({ ...OPENED, file: '/data/avril.xlsx', template: 'price-list' }),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const view = mount(<ProjectBar />, surface, { state: openedState() });
    await userEvent.click(screen.getByRole('button', { name: 'Open project…' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open project…' }));
    await userEvent.type(screen.getByLabelText('Path of a .catalog.json file'), '/p/avril.catalog.json');
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(view.store.state.step).toBe('checks'));
    expect(surface.shell.choosePath).toHaveBeenCalledWith('/p/avril.catalog.json', 'file');
    expect(requestsOf(surface.call, 'open')).toMatchObject([
      { file: '/data/avril.xlsx', template: 'price-list' },
    ]);
    expect(view.store.state.project.layout).toEqual({ columns: 3 });
    expect(view.store.state).toMatchObject({ projectPath: '/p/avril.catalog.json', dirty: false });
  });

  it('offers back an autosave left by a crash, and recovers it unsaved', async () => {
    const project = {
      kind: 'catalog-project',
      version: 1,
      file: WORKBOOK,
      template: 'product-grid',
      money: { vat: '20' },
      layout: {},
      output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
    };
    const surface = fakeSurface({
      recover: () => ({ project, savedAt: '2026-03-02T09:30:00.000Z' }),
      open: () => OPENED,
    });
    const view = mount(<ProjectBar />, surface);
    expect(await screen.findByText(/Recover the unsaved project from 2 Mar 2026/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Recover' }));
    await waitFor(() => expect(view.store.state.step).toBe('checks'));
    expect(view.store.state.project.money).toEqual({ vat: '20' });
    expect(view.store.state.dirty).toBe(true);
    expect(view.store.state.projectPath).toBeUndefined();
    expect(screen.queryByText(/Recover the unsaved project/)).toBeNull();
  });

  it('discards the autosave when asked', async () => {
    const surface = fakeSurface({
      recover: () => ({
        project: {
          kind: 'catalog-project',
          version: 1,
          file: WORKBOOK,
          template: 't',
          money: {},
          layout: {},
          output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
        },
        savedAt: '2026-03-02T09:30:00.000Z',
      }),
    });
    mount(<ProjectBar />, surface, { lang: 'fr' });
    await userEvent.click(await screen.findByRole('button', { name: 'Abandonner' }));
    expect(requestsOf(surface.call, 'discardAutosave')).toHaveLength(1);
    expect(screen.queryByText(/Récupérer le projet/)).toBeNull();
  });

  it('autosaves a changed project a moment after the change, once the recovery question is settled', async () => {
    vi.useFakeTimers();
    const surface = fakeSurface();
    const view = mount(<ProjectBar />, surface, { state: openedState() });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    act(() => view.store.dispatch({ type: 'money', money: { currency: 'EUR' } }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1999);
    });
    expect(requestsOf(surface.call, 'autosave')).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(requestsOf(surface.call, 'autosave')).toMatchObject([
      { project: { kind: 'catalog-project', file: WORKBOOK, money: { currency: 'EUR' } } },
    ]);
  });

  it('asks before leaving the page with unsaved changes, not after saving', async () => {
    const surface = fakeSurface({ saveProject: (r) => ({ path: (r as { path: string }).path }) });
    mount(<ProjectBar />, surface, { state: openedState({ projectPath: '/p/a.catalog.json' }) });
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(leave()).toBe(false));
  });

  it('follows the native menus: save, and open a recent project by its path', async () => {
    let send: ((c: MenuCommand) => void) | undefined;
    const surface = fakeSurface(
      {
        saveProject: (r) => ({ path: (r as { path: string }).path }),
        loadProject: () => ({
          project: {
            kind: 'catalog-project',
            version: 1,
            file: WORKBOOK,
            template: 'product-grid',
            money: {},
            layout: {},
            output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
          },
          missing: true,
        }),
      },
      { mode: 'desktop', onMenu: (listener) => ((send = listener), () => (send = undefined)) },
    );
    const view = mount(<ProjectBar />, surface, { state: openedState({ projectPath: '/p/a.catalog.json' }) });
    act(() => send!({ command: 'save' }));
    await waitFor(() => expect(view.store.state.dirty).toBe(false));
    act(() => send!({ command: 'open-project', path: '/p/b.catalog.json' }));
    // Its workbook is at neither path: the project is loaded and the user told to open this month's file.
    expect(await screen.findByText(/This project’s workbook cannot be found/)).toBeTruthy();
    expect(view.store.state).toMatchObject({ step: 'open', projectPath: '/p/b.catalog.json' });
    expect(requestsOf(surface.call, 'open')).toEqual([]);
  });
});
