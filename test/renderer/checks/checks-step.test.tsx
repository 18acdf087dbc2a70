import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  cellAt,
  checksState,
  FILE,
  fakeSurface,
  mountChecks,
  OPENED,
  refuse,
  requests,
  ROWS,
  VALIDATED,
} from './harness.tsx';
import { WATCH_INTERVAL_MS } from '../../../renderer/steps/checks/use-file-watch.ts';

// Each F8 moves the focus through a virtualised grid that renders the row first: on a loaded 2-core
// machine that took more than waitFor's default second once. A later failure still fails.
configure({ asyncUtilTimeout: 5000 });

const panel = () => screen.getByRole('region', { name: /Problèmes|Problems/ });
const grid = () => screen.getByRole('grid');
const groupHeads = () =>
  [...panel().querySelectorAll<HTMLElement>('.checks-group-head')].map((b) => b.textContent);

describe('Checks', () => {
  it('validates on entering and sums up what it found, numbers in the locale', async () => {
    const fake = fakeSurface();
    const { probe } = mountChecks(fake);
    expect(await screen.findByText('20 produits')).toBeTruthy();
    expect(screen.getByText('5 erreurs')).toBeTruthy();
    expect(screen.getByText('1 avertissement')).toBeTruthy();
    expect(requests(fake.call, 'validate')).toEqual([{ file: FILE, template: 'product-grid', money: {} }]);
    expect(probe.current.state.validation).toEqual(VALIDATED);
  });

  it('groups the problems by rule × column with counts, and filters them', async () => {
    const duplicates = {
      ...VALIDATED,
      issues: [
        ...VALIDATED.issues,
        // A second duplicate in the same column joins the first one's group.
        { ...VALIDATED.issues[0]!, cell: { sheet: 'Tarif 2026', row: 24, column: 'A' } },
        // A rule the screen has no name for is titled by its first issue's message.
        {
          severity: 'warning' as const,
          code: 'SOMETHING_NEW',
          message: { fr: 'Quelque chose de nouveau', en: 'Something new' },
          cell: { sheet: 'Tarif 2026', row: 12, column: 'C' },
        },
      ],
    };
    mountChecks(fakeSurface({ validate: () => duplicates }), { lang: 'en' });
    await screen.findByText('6 errors');
    const filters = within(panel()).getByRole('group', { name: 'Show' });
    expect(within(filters).getByRole('button', { name: 'Errors 6' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(within(filters).getByRole('button', { name: 'Warnings 2' })).toBeTruthy();
    expect(within(filters).getByRole('button', { name: 'All 10' }).getAttribute('aria-pressed')).toBe('true');
    // Errors first, in sheet order; the two duplicates are one group of 2.
    expect(groupHeads()).toEqual([
      'Duplicate value2A · Réf.',
      'Invalid EAN code1G · EAN',
      'Not a price1E · Prix HT',
      'Required cell empty1B · Désignation',
      'Excel error in the cell1E · Prix HT',
      'Something new1C · Description',
      'Picture not found1H · Photo',
      'Hidden rows skipped1Whole workbook',
      'Pictures found by reference1H · Photo',
    ]);
    const duplicate = panel().querySelector('[data-group="DUPLICATE_VALUE|A"]')!;
    expect(
      within(duplicate as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent?.slice(0, 3)),
    ).toEqual(['Dup', 'A10', 'A24']);

    await userEvent.click(within(filters).getByRole('button', { name: 'Warnings 2' }));
    expect(groupHeads()).toEqual(['Something new1C · Description', 'Picture not found1H · Photo']);
    await userEvent.click(within(filters).getByRole('button', { name: 'Errors 6' }));
    expect(groupHeads()).toHaveLength(5);
    expect(panel().textContent).not.toContain('Picture not found');
  });

  it('marks problem cells and rows in the grid, with the message as the cell’s title', async () => {
    const withRowIssue = {
      ...VALIDATED,
      issues: [
        ...VALIDATED.issues,
        {
          severity: 'warning' as const,
          code: 'DUPLICATE_ROW',
          message: { fr: 'Ligne en double', en: 'Duplicate row' },
          cell: { sheet: 'Tarif 2026', row: 8 },
        },
      ],
    };
    mountChecks(fakeSurface({ validate: () => withRowIssue }));
    await screen.findByText('5 erreurs');
    await waitFor(() => expect(cellAt(11, 'G')).toBeTruthy());
    const ean = cellAt(11, 'G')!;
    expect(ean.className).toContain('error');
    expect(ean.title).toContain("n'est pas un code EAN valide");
    expect(cellAt(18, 'H')!.className).toContain('warning');
    expect(cellAt(11, 'A')!.className).not.toContain('error');
    const rowHead = cellAt(8, 'A')!.parentElement!.querySelector('[role="rowheader"]')!;
    expect(rowHead.className).toContain('warning');
    expect(rowHead.getAttribute('title')).toBe('Ligne en double');
  });

  it('has the ARIA grid’s structure: counts, header row, row headers, indexes', async () => {
    mountChecks(fakeSurface());
    await waitFor(() => expect(cellAt(6, 'A')).toBeTruthy());
    const g = grid();
    expect(g.getAttribute('aria-rowcount')).toBe(String(ROWS.total + 1));
    expect(g.getAttribute('aria-colcount')).toBe(String(OPENED.columns.length + 1));
    const headers = within(g).getAllByRole('columnheader');
    expect(headers[1]!.textContent).toBe('ARéf.');
    expect(headers[1]!.getAttribute('aria-colindex')).toBe('2');
    const rows = within(g).getAllByRole('row');
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('1');
    expect(rows[1]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('6');
    // One cell in the tab order: the focused one.
    expect(g.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1);
    expect(cellAt(6, 'A')!.getAttribute('tabindex')).toBe('0');
    // The hidden column is shown, and said hidden.
    expect(headers[9]!.getAttribute('title')).toBe('Prix achat — colonne masquée dans Excel');
  });

  it('goes to a problem’s cell when it is clicked, and to a group’s first', async () => {
    mountChecks(fakeSurface());
    await screen.findByText('5 erreurs');
    await userEvent.click(within(panel()).getByRole('button', { name: /^E20/ }));
    await waitFor(() => expect(document.activeElement).toBe(cellAt(20, 'E')));
    const cell = cellAt(20, 'E')!;
    expect(cell.getAttribute('aria-selected')).toBe('true');
    expect(cell.textContent).toContain('sur devis');
    expect(within(panel()).getByRole('button', { name: /^E20/ }).getAttribute('aria-current')).toBe('true');

    await userEvent.click(within(panel()).getByRole('button', { name: /Code EAN invalide, colonne G/ }));
    await waitFor(() => expect(document.activeElement).toBe(cellAt(11, 'G')));
    expect(grid().querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
  });

  it('walks the problems with F8 and Shift+F8, wrapping, within the filter', async () => {
    mountChecks(fakeSurface());
    await screen.findByText('5 erreurs');
    await waitFor(() => expect(cellAt(6, 'A')).toBeTruthy());
    const f8 = (shiftKey = false) => fireEvent.keyDown(window, { key: 'F8', shiftKey });
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(10, 'A')));
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(11, 'G')));
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(18, 'H')));
    f8(true);
    await waitFor(() => expect(document.activeElement).toBe(cellAt(11, 'G')));
    // From the last problem, F8 wraps to the first.
    await userEvent.click(within(panel()).getByRole('button', { name: /^E27/ }));
    await waitFor(() => expect(document.activeElement).toBe(cellAt(27, 'E')));
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(10, 'A')));
    // Warnings only: F8 goes to the one warning, whatever cell is focused.
    await userEvent.click(within(panel()).getByRole('button', { name: /^Avertissements/ }));
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(18, 'H')));
    f8();
    await waitFor(() => expect(document.activeElement).toBe(cellAt(18, 'H')));
  });

  it('moves the focused cell with the arrows, Home/End, PageUp/PageDown and Ctrl+Home/End', async () => {
    mountChecks(fakeSurface());
    await waitFor(() => expect(cellAt(6, 'A')).toBeTruthy());
    cellAt(6, 'A')!.focus();
    const key = (k: string, ctrlKey = false) =>
      fireEvent.keyDown(document.activeElement!, { key: k, ctrlKey });
    const at = async (row: number, letter: string) =>
      waitFor(() => {
        expect(document.activeElement).toBe(cellAt(row, letter));
        expect(cellAt(row, letter)!.getAttribute('aria-selected')).toBe('true');
      });
    key('ArrowDown');
    await at(7, 'A');
    key('ArrowRight');
    await at(7, 'B');
    key('ArrowLeft');
    key('ArrowLeft'); // stays in column A
    await at(7, 'A');
    key('End');
    await at(7, 'I');
    key('Home');
    await at(7, 'A');
    key('End', true);
    await at(28, 'I');
    key('ArrowDown'); // stays on the last row
    await at(28, 'I');
    key('Home', true);
    await at(6, 'A');
    // A screenful: (600 − 40) / 28 = 20 rows, less one kept for context.
    key('PageDown');
    await at(ROWS.rows[19]!.number, 'A');
    key('PageUp');
    await at(6, 'A');
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('renders only a window of rows out of 100,000, fetching pages as they come into view', async () => {
    const total = 100_000;
    const rows = vi.fn((r: { from: number; count: number }) => ({
      total,
      from: r.from,
      rows: Array.from({ length: Math.max(0, Math.min(r.count, total - r.from)) }, (_, i) => ({
        number: r.from + i + 5,
        role: 'product' as const,
        hidden: false,
        cells: OPENED.columns.map((c) => `${c.letter}${r.from + i + 5}`),
      })),
    }));
    const fake = fakeSurface({ rows });
    mountChecks(fake, { state: checksState({ opened: { ...OPENED, rowCount: total } }) });
    await waitFor(() => expect(cellAt(5, 'A')?.textContent).toBe('A5'));
    expect(grid().getAttribute('aria-rowcount')).toBe(String(total + 1));
    const rendered = () => grid().querySelectorAll('[role="row"]').length - 1;
    expect(rendered()).toBeLessThan(40);
    expect(rows.mock.calls.map(([r]) => r.from)).toEqual([0]);

    cellAt(5, 'A')!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`I${total + 4}`));
    expect(rendered()).toBeLessThan(60);
    // The last page was fetched, and nothing in between.
    expect(rows.mock.calls.map(([r]) => r.from)).toEqual([0, 99_800]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home', ctrlKey: true });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('A5'));
    expect(rendered()).toBeLessThan(60);
    expect(rows).toHaveBeenCalledTimes(2);
  });

  it('goes straight to a row far down 100,000 (a product clicked in the Preview)', async () => {
    const total = 100_000;
    const rows = vi.fn((r: { from: number; count: number }) => ({
      total,
      from: r.from,
      rows: Array.from({ length: Math.max(0, Math.min(r.count, total - r.from)) }, (_, i) => ({
        number: r.from + i + 5,
        role: 'product' as const,
        hidden: false,
        cells: OPENED.columns.map((c) => `${c.letter}${r.from + i + 5}`),
      })),
    }));
    mountChecks(fakeSurface({ rows }), {
      state: checksState({ opened: { ...OPENED, rowCount: total }, focusRow: 60_005 }),
    });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('A60005'));
    // Its page guessed from the first row's number: no page in between was read.
    expect(rows.mock.calls.map(([r]) => r.from)).toEqual([0, 60_000]);
    expect(grid().querySelectorAll('[role="row"]').length).toBeLessThan(60);
  });

  it('scrolls to the row asked for by the Preview on entering', async () => {
    const { probe } = mountChecks(fakeSurface(), { state: checksState({ focusRow: 23 }) });
    await waitFor(() => expect(document.activeElement).toBe(cellAt(23, 'A')));
    expect(probe.current.state.focusRow).toBeUndefined();
  });

  it('offers to reload when the workbook changes on disk, then reads and checks it again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let status = { mtimeMs: 1_000, size: 12_345 };
      const fake = fakeSurface({ fileStatus: () => status });
      mountChecks(fake);
      await screen.findByText('5 erreurs');
      await waitFor(() => expect(requests(fake.call, 'fileStatus')).toHaveLength(1));
      await act(async () => vi.advanceTimersByTime(WATCH_INTERVAL_MS));
      expect(requests(fake.call, 'fileStatus')).toEqual([{ file: FILE }, { file: FILE }]);
      expect(screen.queryByText('Le classeur a changé sur le disque.')).toBeNull();

      status = { mtimeMs: 2_000, size: 12_400 };
      await act(async () => vi.advanceTimersByTime(WATCH_INTERVAL_MS));
      const banner = await screen.findByRole('alert');
      expect(banner.textContent).toContain('Le classeur a changé sur le disque.');
      await userEvent.click(within(banner).getByRole('button', { name: 'Recharger' }));
      await waitFor(() => expect(requests(fake.call, 'validate')).toHaveLength(2));
      expect(requests(fake.call, 'open')).toEqual([
        { file: FILE, template: 'product-grid', money: {}, lang: 'fr' },
      ]);
      await waitFor(() => expect(screen.queryByText('Le classeur a changé sur le disque.')).toBeNull());
      // What is on disk now is the new reference: no banner on the next look.
      await act(async () => vi.advanceTimersByTime(WATCH_INTERVAL_MS));
      await act(async () => vi.advanceTimersByTime(WATCH_INTERVAL_MS));
      expect(screen.queryByText('Le classeur a changé sur le disque.')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the workbook is gone from the disk', async () => {
    mountChecks(fakeSurface({ fileStatus: refuse('FILE_NOT_FOUND') }), { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be found on disk');
  });

  it('exports the annotated workbook to the session’s folder and offers it for download (browser)', async () => {
    const fake = fakeSurface({}, { defaultOutputs: async () => '/tmp/run-1/outputs' });
    mountChecks(fake, { lang: 'en' });
    await screen.findByText('5 errors');
    await userEvent.click(screen.getByRole('button', { name: 'Export the annotated workbook' }));
    const link = await screen.findByRole('link', { name: 'Download' });
    expect(requests(fake.call, 'annotate')).toEqual([
      { file: FILE, template: 'product-grid', money: {}, out: '/tmp/run-1/outputs', lang: 'en' },
    ]);
    expect(link.getAttribute('href')).toBe(
      `/api/download?path=${encodeURIComponent('/tmp/run-1/outputs/quincaillerie-tarif-2026.annotated.xlsx')}`,
    );
    expect(screen.getByRole('status').textContent).toContain('Annotated workbook saved:');
  });

  it('asks for a folder on the desktop, remembers it, and shows the copy in its folder', async () => {
    const showInFolder = vi.fn(async () => undefined);
    const fake = fakeSurface(
      {},
      { mode: 'desktop', chooseFolder: async () => '/home/marie/Catalogues', showInFolder },
    );
    const { probe } = mountChecks(fake);
    await screen.findByText('5 erreurs');
    await userEvent.click(screen.getByRole('button', { name: 'Exporter le classeur annoté' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Afficher dans le dossier' }));
    expect(showInFolder).toHaveBeenCalledWith(
      '/home/marie/Catalogues/quincaillerie-tarif-2026.annotated.xlsx',
    );
    expect(probe.current.state.project.output.out).toBe('/home/marie/Catalogues');
  });

  it('shows a refused export in words', async () => {
    mountChecks(fakeSurface({ annotate: refuse('OUTPUT_LOCKED') }, { defaultOutputs: async () => '/out' }));
    await screen.findByText('5 erreurs');
    await userEvent.click(screen.getByRole('button', { name: 'Exporter le classeur annoté' }));
    expect((await screen.findByRole('alert')).textContent).toContain('OUTPUT_LOCKED');
  });

  it('goes on to the layout with errors left, saying what the export will need', async () => {
    const { probe } = mountChecks(fakeSurface(), { lang: 'en' });
    await screen.findByText('5 errors');
    expect(screen.getByText(/5 errors left: you can go on to the layout/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(probe.current.state.step).toBe('layout');
  });

  it('opens the workbook again when the service forgot it', async () => {
    let forgotten = true;
    const fake = fakeSurface({
      rows: (r: { from: number; count: number }) => {
        if (forgotten) {
          forgotten = false;
          return refuse('WORKBOOK_NOT_OPEN')();
        }
        return { total: ROWS.total, from: r.from, rows: ROWS.rows.slice(r.from, r.from + r.count) };
      },
      open: () => ({ ...OPENED, id: 'again' }),
    });
    mountChecks(fake);
    await waitFor(() => expect(cellAt(6, 'A')?.textContent).toBe('VIS-4x40'));
    expect(requests(fake.call, 'open')).toHaveLength(1);
    expect(requests(fake.call, 'rows').at(-1)).toMatchObject({ id: 'again' });
  });
});
