// The recent projects: listed with their folder and date in the user's locale, the missing ones
// greyed and not choosable; choosing one loads it and re-opens its workbook.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecentProjects } from '../../../renderer/components/recent-projects.tsx';
import { ApiError } from '../../../renderer/api/transport.ts';
import { fakeSurface, mount, OPENED, requestsOf } from './mount.tsx';

const RECENT = {
  projects: [
    {
      path: '/Users/ana/Catalogues/Tarif mars.catalog.json',
      name: 'Tarif mars',
      savedAt: '2026-03-02T09:30:00.000Z',
      exists: true,
    },
    {
      path: '/Volumes/USB/Lookbook.catalog.json',
      name: 'Lookbook',
      savedAt: '2026-02-11T16:05:00.000Z',
      exists: false,
    },
  ],
};
const PROJECT = {
  kind: 'catalog-project',
  version: 1,
  file: '/Users/ana/Catalogues/mars.xlsx',
  template: 'price-list',
  headerRow: 4,
  money: {},
  layout: {},
  output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
};

describe('RecentProjects', () => {
  it('lists them in the user’s language, greying the missing ones', async () => {
    mount(<RecentProjects />, fakeSurface({ recentProjects: () => RECENT }), { lang: 'fr' });
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.querySelector('.recent-name')!.textContent)).toEqual([
      'Tarif mars',
      'Lookbook (introuvable)',
    ]);
    expect(items[0]!.textContent).toContain('/Users/ana/Catalogues');
    expect(items[0]!.textContent).toMatch(/enregistré le 2 mars 2026/);
    expect((items[1] as HTMLButtonElement).disabled).toBe(true);
    expect((items[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it('loads the chosen project and re-opens its workbook with its decisions', async () => {
    const surface = fakeSurface({
      recentProjects: () => RECENT,
      loadProject: () => ({ project: PROJECT }),
      open: () => ({ ...OPENED, file: PROJECT.file }),
    });
    const view = mount(<RecentProjects />, surface);
    await userEvent.click(await screen.findByRole('button', { name: /Tarif mars/ }));
    await waitFor(() => expect(view.store.state.step).toBe('checks'));
    expect(requestsOf(surface.call, 'loadProject')).toEqual([{ path: RECENT.projects[0]!.path }]);
    expect(requestsOf(surface.call, 'open')).toMatchObject([
      { file: PROJECT.file, template: 'price-list', headerRow: 4 },
    ]);
    expect(view.store.state).toMatchObject({
      projectPath: RECENT.projects[0]!.path,
      dirty: false,
      project: { file: PROJECT.file, template: 'price-list', headerRow: 4 },
    });
  });

  it('asks before dropping unsaved changes, and shows a refusal in words', async () => {
    const surface = fakeSurface({
      recentProjects: () => RECENT,
      loadProject: () => {
        throw new ApiError({
          code: 'PROJECT_INVALID',
          message: { fr: 'Projet invalide : template.', en: 'Not a valid project: template.' },
          field: 'path',
        });
      },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const view = mount(<RecentProjects />, surface);
    act(() => view.store.dispatch({ type: 'money', money: { vat: '20' } }));
    await userEvent.click(await screen.findByRole('button', { name: /Tarif mars/ }));
    expect(requestsOf(surface.call, 'loadProject')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /Tarif mars/ }));
    expect(await screen.findByText('Not a valid project: template.')).toBeTruthy();
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
  });

  it('says when there are none', async () => {
    mount(<RecentProjects />, fakeSurface({ recentProjects: () => ({ projects: [] }) }));
    expect(await screen.findByText('No recent projects.')).toBeTruthy();
  });
});
