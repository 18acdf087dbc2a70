// The Resellers step on the print-trade sample: the resellers and families in the user's words, the
// chosen reseller's list previewed, and the batch asked with the options on screen, its progress
// with Cancel, and what it wrote.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  type CallOptions,
  type ChannelInput,
  type ChannelOutput,
} from '../../../renderer/api/transport.ts';
import { ResellersStep } from '../../../renderer/steps/resellers/resellers-step.tsx';
import { deferred, fixture, mountStep } from '../preview/mount-step.tsx';
import { callsTo, GRID_BUILT, GRID_FILE, gridSurface, onResellers } from './harness.tsx';

vi.mock('../../../renderer/preview/pdf-js.ts', async () => ({
  openPdf: (await import('../preview/mount-step.tsx')).fakeOpenPdf(),
}));

/** Intl's narrow no-break spaces as plain spaces, so expectations read as typed. */
const text = (element: Element) => (element.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ');
const row = (name: string) => screen.getByRole('button', { name }).closest('tr')!;

describe('the Resellers step', () => {
  it('lists the resellers and families in French', async () => {
    const { surface } = gridSurface();
    mountStep(ResellersStep, surface, { state: onResellers() });
    expect(screen.getByRole('heading', { name: '8 revendeurs' })).toBeTruthy();
    expect(text(row("Imprim'Express Lyon"))).toMatch(
      /français \(France\)Or.*−15 %.*du niveau.*Protégé.*imprimexpress\.png/,
    );
    expect(text(row('Copie Conforme'))).toMatch(/Argent.*−12 %.*négocié/);
    expect(text(row('Print & Go Bruxelles'))).toMatch(/× 0,85/);
    expect(text(row('Papeterie Durand'))).toMatch(/−7,5 %/);
    expect(within(row('Studio Mosaïque')).getByText('Logo introuvable')).toBeTruthy();
    expect(within(row('Copie Conforme')).queryByText('Protégé')).toBeNull();
    expect(screen.getAllByText('Protégé')).toHaveLength(3);
    expect(screen.getByRole('heading', { name: '8 familles' })).toBeTruthy();
    const brochures = screen.getByRole('rowheader', { name: 'Brochures A5' }).closest('tr')!;
    expect(text(brochures)).toMatch(/Brochures A5.*4 × 4.*5,5 %/);
    // The issue names its cell.
    expect(screen.getByText('Revendeurs!F9')).toBeTruthy();
    expect(screen.getByText(/Logo « studio-mosaique.png » introuvable/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Écrire les 8 listes' })).toBeTruthy();
  });

  it('lists them in English', async () => {
    const { surface } = gridSurface();
    mountStep(ResellersStep, surface, { lang: 'en', state: onResellers() });
    expect(screen.getByRole('heading', { name: '8 resellers' })).toBeTruthy();
    expect(text(row("Imprim'Express Lyon"))).toMatch(/French \(France\)Or.*−15%.*level rate.*Protected/);
    expect(text(row('Print & Go Bruxelles'))).toMatch(/× 0\.85/);
    expect(text(row('Papeterie Durand'))).toMatch(/−7\.5%/);
    expect(within(row('Studio Mosaïque')).getByText('Logo not found')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '8 families' })).toBeTruthy();
    expect(screen.getByText(/Logo "studio-mosaique.png" not found/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write the 8 lists' })).toBeTruthy();
  });

  it('previews the first reseller, then the one chosen, and turns its pages', async () => {
    const { surface, call } = gridSurface();
    mountStep(ResellersStep, surface, { state: onResellers() });
    await waitFor(() =>
      expect(callsTo(call, 'gridPreview')).toEqual([
        { file: GRID_FILE, reseller: "Imprim'Express Lyon", from: 1, to: 1, lang: 'fr' },
      ]),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Copie Conforme' }));
    await waitFor(() =>
      expect(callsTo(call, 'gridPreview').at(-1)).toEqual({
        file: GRID_FILE,
        reseller: 'Copie Conforme',
        from: 1,
        to: 1,
        lang: 'fr',
      }),
    );
    expect(screen.getByRole('heading', { name: 'Aperçu : Copie Conforme' })).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Page 1 de la liste de Copie Conforme' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Page suivante' }));
    await waitFor(() =>
      expect(callsTo(call, 'gridPreview').at(-1)).toMatchObject({
        reseller: 'Copie Conforme',
        from: 2,
        to: 2,
      }),
    );
    expect(await screen.findByText('Page 2 sur 3')).toBeTruthy();
    // White label changes the list: it is drawn again without the supplier.
    await user.click(screen.getByRole('checkbox', { name: /Marque blanche/ }));
    await waitFor(() =>
      expect(callsTo(call, 'gridPreview').at(-1)).toMatchObject({ whiteLabel: true, from: 2 }),
    );
  });

  it('builds the lists with the options chosen, shows progress, then what was written', async () => {
    const job = deferred<unknown>();
    let progress: CallOptions['onProgress'];
    const { surface, call } = gridSurface({
      grid: (_request, options) => {
        progress = options.onProgress;
        return job.promise;
      },
    });
    const view = mountStep(ResellersStep, surface, { state: onResellers() });
    const user = userEvent.setup();
    await waitFor(() =>
      expect((screen.getByLabelText(/Dossier de sortie/) as HTMLInputElement).value).toBe('/out'),
    );
    await user.click(screen.getByRole('checkbox', { name: /Texte balisé InDesign/ }));
    await user.click(screen.getByRole('radio', { name: /Seulement les revendeurs cochés/ }));
    // The reseller in view is ticked first; a second one is ticked in the list.
    await user.click(screen.getByRole('checkbox', { name: 'Inclure Bright Print Ltd' }));
    expect(screen.getByRole('radio', { name: 'Seulement les revendeurs cochés (2)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Écrire les 2 listes' }));

    await waitFor(() => expect(callsTo(call, 'grid')).toHaveLength(1));
    expect(callsTo(call, 'grid')[0]).toEqual({
      file: GRID_FILE,
      out: '/out',
      outputs: ['print', 'screen'],
      encrypt: true,
      only: ["Imprim'Express Lyon", 'Bright Print Ltd'],
      textVariant: 'win',
      lang: 'fr',
    } satisfies ChannelInput<'grid'>);
    progress?.({ job: 'j', stage: 'resellers', done: 1, total: 2 });
    expect(await screen.findByText('Listes revendeurs — 1 / 2')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Marque blanche/ }).matches(':disabled')).toBe(true);

    job.resolve(GRID_BUILT);
    expect(await screen.findByRole('heading', { name: '8 listes écrites' })).toBeTruthy();
    const result = screen.getByRole('status', { name: '8 listes écrites' });
    const links = within(result).getAllByRole('link');
    expect(links[0]!.getAttribute('href')).toBe(
      `/api/download?path=${encodeURIComponent(GRID_BUILT.resellers[0]!.files[0]!.path)}`,
    );
    expect(text(links[0]!)).toMatch(/PDF imprimeur · 3 pages · 462,7 ko/);
    expect(text(links[1]!)).toMatch(/PDF écran · 3 pages · .* · protégé/);
    expect(links[1]!.querySelector('svg.lock-icon')).toBeTruthy();
    expect(links[0]!.querySelector('svg.lock-icon')).toBeNull();
    expect(links[0]!.getAttribute('aria-label')).toMatch(
      /^PDF imprimeur · 3 pages · .* — Imprim'Express Lyon — Télécharger$/,
    );
    expect(
      within(result)
        .getByRole('link', { name: /Récapitulatif/ })
        .getAttribute('href'),
    ).toContain(encodeURIComponent('imprimerie-revendeurs-2027-summary.csv'));
    // The choices are the project's: a saved project keeps them.
    expect(view.current.state.project.grid).toEqual({
      outputs: ['print', 'screen'],
      encrypt: true,
      only: ["Imprim'Express Lyon", 'Bright Print Ltd'],
      out: '/out',
    });
  });

  it('reads the grids again with another reseller list chosen', async () => {
    const { surface, call } = gridSurface();
    const state = onResellers();
    const sheet = (name: string) => ({ name, state: 'visible' as const, rowCount: 10 });
    const opened = fixture<ChannelOutput<'open'>>('open-quincaillerie.json');
    const view = mountStep(ResellersStep, surface, {
      state: {
        ...state,
        opened: { ...opened, sheets: ['Cartes & flyers', 'Revendeurs', 'Revendeurs 2028'].map(sheet) },
      },
    });
    const list = screen.getByRole('combobox', { name: 'Liste des revendeurs' });
    // The grids' sheets are not offered.
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Trouvée dans le classeur', 'Revendeurs', 'Revendeurs 2028']);
    await userEvent.setup().selectOptions(list, 'Revendeurs 2028');
    await waitFor(() =>
      expect(callsTo(call, 'gridOpen')).toEqual([
        { file: GRID_FILE, resellers: 'Revendeurs 2028', lang: 'fr' },
      ]),
    );
    expect(view.current.state.project.grid?.resellers).toBe('Revendeurs 2028');
    expect(await screen.findByRole('heading', { name: '8 revendeurs' })).toBeTruthy();
  });

  it('Cancel stops the batch', async () => {
    let signal: AbortSignal | undefined;
    const { surface } = gridSurface({
      grid: (_request, options) =>
        new Promise((_resolve, reject) => {
          signal = options.signal;
          options.signal?.addEventListener('abort', () =>
            reject(new ApiError({ code: 'CANCELLED', message: { fr: 'Annulé', en: 'Cancelled' } })),
          );
        }),
    });
    mountStep(ResellersStep, surface, { lang: 'en', state: onResellers() });
    const user = userEvent.setup();
    await waitFor(() =>
      expect((screen.getByLabelText(/Output folder/) as HTMLInputElement).value).toBe('/out'),
    );
    await user.click(screen.getByRole('button', { name: 'Write the 8 lists' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText('Writing cancelled.')).toBeTruthy();
  });
});
