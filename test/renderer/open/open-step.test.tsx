import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialState, NEW_PROJECT, type AppState } from '../../../renderer/state/project.ts';
import { fakeSurface, fixtures, openRequests, refuse } from './harness.tsx';
import { mountRoot } from './mount-root.tsx';

// The whole app is mounted: the Preview screen's pdf.js needs a canvas jsdom does not have.
vi.mock('pdfjs-dist', () => ({ GlobalWorkerOptions: {}, getDocument: vi.fn() }));

afterEach(cleanup);

const workbook = () => new File(['PK'], 'tarif-2026.xlsx', { type: 'application/octet-stream' });

describe('Open', () => {
  const cases = [
    {
      lang: 'fr',
      error: fixtures.encrypted,
      title: 'Ce classeur est protégé par un mot de passe',
      words: 'est protégé par un mot de passe. Ouvrez-le dans Excel',
    },
    {
      lang: 'en',
      error: fixtures.encrypted,
      title: 'This workbook is password-protected',
      words: 'is password-protected. Open it in Excel, remove the password',
    },
    {
      lang: 'fr',
      error: fixtures.damaged,
      title: 'Ce fichier est endommagé',
      words: 'est endommagé ou incomplet',
    },
    { lang: 'en', error: fixtures.damaged, title: 'This file is damaged', words: 'is damaged or incomplete' },
  ] as const;

  it.each(cases)('shows $error.code in words ($lang)', async ({ lang, error, title, words }) => {
    const fake = fakeSurface({ open: refuse(error) });
    mountRoot({ lang, surface: fake });
    const choose = screen.getByLabelText(lang === 'fr' ? 'Choisir un fichier…' : 'Choose a file…');
    await userEvent.upload(choose, workbook());
    expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(words);
    expect(screen.getByRole('alert').textContent).toContain(error.code);
    // Still on Open: nothing was opened.
    expect(document.querySelector('main')!.dataset.step).toBe('open');
  });

  it('opens a dropped workbook, records it and moves to the Sheet step', async () => {
    const fake = fakeSurface();
    mountRoot({ lang: 'en', surface: fake });
    fireEvent.drop(screen.getByTestId('drop-zone'), {
      dataTransfer: { files: [workbook()], types: ['Files'] },
    });
    expect(await screen.findByRole('heading', { name: 'Sheet and header row' })).toBeTruthy();
    expect(fake.shell.receiveFile).toHaveBeenCalledTimes(1);
    expect(openRequests(fake.call)).toEqual([
      { file: '/uploads/tarif-2026.xlsx', template: 'product-grid', money: {} },
    ]);
    // Samples come back written the way the app's language writes numbers and prices.
    expect(fake.call.mock.calls.find(([channel]) => channel === 'open')![1]).toMatchObject({ lang: 'en' });
    expect(screen.getByRole('button', { current: 'step' }).textContent).toContain('Sheet and header');
    // The project bar now names the workbook.
    expect(screen.getByText('tarif-2026.xlsx')).toBeTruthy();
  });

  it('uses the native dialog on the desktop', async () => {
    const fake = fakeSurface(
      {},
      { mode: 'desktop', chooseWorkbook: vi.fn(async () => 'C:\\Tarifs\\tarif-2026.xlsx') },
    );
    mountRoot({ lang: 'fr', surface: fake });
    expect(screen.queryByLabelText("ou tapez le chemin d'un fichier sur cet ordinateur")).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    await screen.findByRole('heading', { name: 'Feuille et ligne d’en-têtes' });
    expect(openRequests(fake.call)[0]).toMatchObject({ file: 'C:\\Tarifs\\tarif-2026.xlsx' });
  });

  it('shows an upload the surface refused, without opening anything', async () => {
    const refused = {
      code: 'UNSUPPORTED_FILE',
      message: { fr: 'photo.png n’est pas un classeur.', en: 'photo.png is not a workbook.' },
    };
    const fake = fakeSurface({}, { receiveFile: vi.fn(refuse(refused)) as never });
    mountRoot({ lang: 'en', surface: fake });
    await userEvent.upload(screen.getByLabelText('Choose a file…'), new File(['x'], 'photo.png'), {
      applyAccept: false,
    });
    expect(await screen.findByRole('heading', { name: 'This kind of file is not supported' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('photo.png is not a workbook.');
    expect(openRequests(fake.call)).toHaveLength(0);
  });

  it('opens a typed path in browser mode after the shell allowed it', async () => {
    const fake = fakeSurface();
    mountRoot({ lang: 'fr', surface: fake });
    const path = screen.getByLabelText("ou tapez le chemin d'un fichier sur cet ordinateur");
    await userEvent.type(path, '/home/marie/tarif.xlsx');
    await userEvent.click(within(path.closest('form')!).getByRole('button', { name: 'Ouvrir' }));
    await screen.findByRole('heading', { name: 'Feuille et ligne d’en-têtes' });
    expect(fake.shell.choosePath).toHaveBeenCalledWith('/home/marie/tarif.xlsx', 'file');
    expect(openRequests(fake.call)[0]).toMatchObject({ file: '/home/marie/tarif.xlsx' });
  });

  it("re-opens a loaded project with next month's file, keeping every decision but the header row", async () => {
    const fields = { reference: { columns: [{ header: 'Réf.', letter: 'A' }] } };
    const initial: AppState = {
      ...initialState({
        ...NEW_PROJECT,
        file: '/data/tarif-2026-01.xlsx',
        sheet: 'Tarif 2026',
        headerRow: 5,
        template: 'price-list',
        fields,
        layout: { columns: 3 } as never,
      }),
      projectPath: '/data/tarifs.catalog.json',
    };
    const fake = fakeSurface();
    mountRoot({ lang: 'en', initial, surface: fake });
    expect(screen.getByRole('heading', { name: 'Project tarifs' })).toBeTruthy();
    const keep = screen.getByRole('checkbox', { name: 'Open the same project with another file' });
    expect((keep as HTMLInputElement).checked).toBe(true);
    await userEvent.upload(screen.getByLabelText('Choose a file…'), new File(['PK'], 'tarif-2026-02.xlsx'));
    await screen.findByRole('heading', { name: 'Sheet and header row' });
    expect(openRequests(fake.call)).toEqual([
      { file: '/uploads/tarif-2026-02.xlsx', template: 'price-list', money: {}, sheet: 'Tarif 2026', fields },
    ]);
  });

  it('opens a new workbook afresh when the box is unticked', async () => {
    const initial = initialState({
      ...NEW_PROJECT,
      file: '/data/old.xlsx',
      sheet: 'Old',
      headerRow: 2,
      fields: { name: { columns: [{ header: 'Nom' }] } },
    });
    const fake = fakeSurface();
    mountRoot({ lang: 'fr', initial, surface: fake });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Ouvrir le même projet avec un autre fichier' }),
    );
    await userEvent.upload(screen.getByLabelText('Choisir un fichier…'), workbook());
    await waitFor(() => expect(openRequests(fake.call)).toHaveLength(1));
    expect(openRequests(fake.call)[0]).toEqual({
      file: '/uploads/tarif-2026.xlsx',
      template: 'product-grid',
      money: {},
    });
  });
});
