import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SheetStep } from '../../../renderer/steps/sheet/sheet-step.tsx';
import { initialState, NEW_PROJECT, type AppState } from '../../../renderer/state/project.ts';
import { fakeSurface, fixtures, mountStep, openRequests, refuse, type Opened } from '../open/harness.tsx';

afterEach(cleanup);

const FILE = '/data/quincaillerie-tarif-2026.xlsx';
const stateWith = (opened: Opened, project = {}): AppState => ({
  ...initialState({ ...NEW_PROJECT, file: FILE, ...project }),
  step: 'sheet',
  reached: 'sheet',
  opened,
});

const rowOf = (n: number) => document.querySelector<HTMLTableRowElement>(`tr[data-row="${n}"]`)!;

describe('Sheet and header', () => {
  it('labels the raw rows as Excel does and greys the rows above the header', () => {
    const fake = fakeSurface();
    mountStep(<SheetStep />, { lang: 'fr', initial: stateWith(fixtures.opened), surface: fake });
    const heads = [...document.querySelectorAll('thead th.sheet-letter')];
    expect(heads.map((th) => th.firstChild?.textContent)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
      'H',
      'I',
    ]);
    // "Prix achat" (I) is hidden in Excel: still shown, and said so.
    expect(heads[8]!.textContent).toBe('I (colonne masquée dans Excel)');
    const numbers = [...document.querySelectorAll('tbody th.sheet-number button')].map((b) => b.textContent);
    // Row 3 is blank in the sheet (the contract leaves it out): it keeps its place.
    expect(numbers.slice(0, 6)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rowOf(4).className).toBe('sheet-header-row');
    expect(rowOf(1).className).toBe('sheet-above');
    expect(rowOf(3).className).toBe('sheet-above');
    expect(rowOf(6).className).toBe('');
    expect(screen.getByText('Ligne d’en-têtes : 4')).toBeTruthy();
    expect(screen.getByText('— 9 libellés au-dessus des données')).toBeTruthy();
    // The other roles as badges on their row numbers, their reason as a tooltip.
    const category = within(rowOf(5)).getByText('famille');
    expect(category.getAttribute('title')).toContain('fusionné sur le tableau');
    expect(within(rowOf(1)).getByText('titre')).toBeTruthy();
    // The sheet tabs with their row counts.
    expect(screen.getByRole('button', { name: /Tarif 2026.*27 lignes/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Notes.*5 lignes/ })).toBeTruthy();
  });

  it('re-opens with the row the user picks as header, then shows it', async () => {
    const fake = fakeSurface({ open: () => fixtures.openedRow6 });
    const fields = { name: { columns: [{ header: 'Désignation', letter: 'B' }] } };
    const view = mountStep(<SheetStep />, {
      lang: 'en',
      initial: stateWith(fixtures.opened, { fields }),
      surface: fake,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Use row 6 as the header' }));
    await waitFor(() => expect(rowOf(6).className).toBe('sheet-header-row'));
    expect(openRequests(fake.call)).toEqual([
      { file: FILE, template: 'product-grid', money: {}, headerRow: 6 },
    ]);
    expect(rowOf(5).className).toBe('sheet-above');
    expect(view.state().project.headerRow).toBe(6);
    // The old mapping named the old headers: the suggestion follows the new ones.
    expect(view.state().project.fields).toBeUndefined();
    expect(view.state().opened?.headerRow).toBe(6);
    expect(screen.getByText('— chosen by you')).toBeTruthy();
  });

  it('picks the header row with the keyboard alone', async () => {
    const fake = fakeSurface({ open: () => fixtures.openedRow6 });
    mountStep(<SheetStep />, { lang: 'en', initial: stateWith(fixtures.opened), surface: fake });
    // One row number is in the Tab order: the header's.
    const tabbable = [...document.querySelectorAll('tbody th button')].filter(
      (b) => b.getAttribute('tabindex') === '0',
    );
    expect(tabbable.map((b) => b.textContent)).toEqual(['4']);
    (tabbable[0] as HTMLButtonElement).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('6');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(openRequests(fake.call)).toHaveLength(1));
    expect(openRequests(fake.call)[0]).toMatchObject({ headerRow: 6 });
  });

  it('shows a refused header row and keeps the table and the project as they were', async () => {
    const fake = fakeSurface({ open: refuse(fixtures.headerRowEmpty) });
    const view = mountStep(<SheetStep />, { lang: 'fr', initial: stateWith(fixtures.opened), surface: fake });
    await userEvent.type(screen.getByLabelText('Autre ligne'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Utiliser' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'La ligne 3 de la feuille « Tarif 2026 » de quincaillerie-tarif-2026.xlsx est vide',
    );
    expect(openRequests(fake.call)[0]).toMatchObject({ headerRow: 3 });
    expect(rowOf(4).className).toBe('sheet-header-row');
    expect(view.state().project.headerRow).toBeUndefined();
    expect(view.state().opened).toBe(fixtures.opened);
  });

  it('re-opens on another sheet and lists its notes', async () => {
    const fake = fakeSurface({ open: () => fixtures.openedNotes });
    const view = mountStep(<SheetStep />, { lang: 'en', initial: stateWith(fixtures.opened), surface: fake });
    await userEvent.click(screen.getByRole('button', { name: /Notes/ }));
    await screen.findByRole('heading', { name: 'Notes about the sheet' });
    expect(openRequests(fake.call)).toEqual([
      { file: FILE, template: 'product-grid', money: {}, sheet: 'Notes' },
    ]);
    expect(view.state().project.sheet).toBe('Notes');
    expect(screen.getByText('Notes!A2')).toBeTruthy();
    expect(within(rowOf(2)).getByText('note').getAttribute('title')).toBe('starts with "Fra"');
  });

  it('reads the workbook again when it arrives without an answer (a project just loaded), once', async () => {
    const fake = fakeSurface();
    const { opened: _none, ...loaded } = stateWith(fixtures.opened, { sheet: 'Tarif 2026' });
    const view = mountStep(<SheetStep />, { lang: 'en', initial: loaded, surface: fake });
    await screen.findByText('Header row: 4');
    expect(openRequests(fake.call)).toEqual([expect.objectContaining({ file: FILE, sheet: 'Tarif 2026' })]);
    expect(view.state().opened).toBeDefined();
  });

  it('says when the sheet has no header row', () => {
    mountStep(<SheetStep />, {
      lang: 'fr',
      initial: stateWith(fixtures.openedHeaderless),
      surface: fakeSurface(),
    });
    expect(screen.getByText('Aucune ligne d’en-têtes : les colonnes sont nommées [A], [B]…')).toBeTruthy();
    expect(document.querySelector('.sheet-header-row')).toBeNull();
    expect(document.querySelector('.sheet-above')).toBeNull();
  });

  it('moves on to the Columns step', async () => {
    const view = mountStep(<SheetStep />, {
      lang: 'en',
      initial: stateWith(fixtures.opened),
      surface: fakeSurface(),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(view.state().step).toBe('mapping');
  });
});
