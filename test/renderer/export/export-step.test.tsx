// The Export screen: the ticked presets become builds (two when a print and a screen PDF are both
// asked), progress shows with Cancel (which aborts the job), a refusal shows its errors and offers a
// forced proof, and the summary lists what was written.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  type CallOptions,
  type ChannelInput,
  type Surface,
} from '../../../renderer/api/transport.ts';
import { ExportStep } from '../../../renderer/steps/export/export-step.tsx';
import { mountStep, stateOn } from '../preview/mount-step.tsx';

type Build = ChannelInput<'build'>;
const SOURCE = {
  file: '/samples/quincaillerie-tarif-2026.xlsx',
  sheet: 'Tarif 2026',
  template: 'product-grid',
};
const ERROR = {
  severity: 'error' as const,
  code: 'NOT_A_PRICE',
  message: { fr: 'Prix illisible : « sur devis »', en: 'Unreadable price: “on request”' },
  ref: "'Tarif 2026'!F15",
};

function built(request: Build) {
  const base = '/out/quincaillerie-tarif-2026';
  const folder = request.out;
  const files = (request.formats ?? ['pdf']).map((f) =>
    f === 'pdf'
      ? `${folder}/quincaillerie.pdf`
      : f === 'tagged-text'
        ? `${folder}/quincaillerie.txt`
        : `${base}-datamerge.csv`,
  );
  return {
    ...SOURCE,
    status: 'built' as const,
    files,
    sizes: files.map(() => 123_456),
    pages: 5,
    forced: Boolean(request.force),
    issues: [],
  };
}

function fakeSurface(answer: (request: Build, options: CallOptions) => Promise<unknown>) {
  const call = vi.fn(async (channel: string, request: unknown, options: CallOptions = {}) => {
    if (channel === 'build') return answer(request as Build, options);
    throw new Error(`unexpected ${channel}`);
  });
  const choosePath = vi.fn(async (path: string) => path);
  const surface = {
    api: { call },
    shell: {
      mode: 'browser',
      receiveFile: async () => undefined,
      onMenu: () => () => undefined,
      choosePath,
      defaultOutputs: async () => '/out',
      downloadUrl: (path: string) => `/api/download?path=${encodeURIComponent(path)}`,
    },
  } as unknown as Surface;
  return { surface, call, choosePath };
}

const builds = (call: ReturnType<typeof fakeSurface>['call']) =>
  call.mock.calls.filter(([c]) => c === 'build').map(([, r]) => r as Build);

describe('the Export screen', () => {
  it('builds a print PDF with tagged text, then a screen PDF with its password, and lists the files', async () => {
    const { surface, call, choosePath } = fakeSurface(async (request) => built(request));
    const view = mountStep(ExportStep, surface, { state: stateOn('export') });
    const user = userEvent.setup();
    await waitFor(() =>
      expect((screen.getByLabelText(/Dossier de sortie/) as HTMLInputElement).value).toBe('/out'),
    );

    await user.click(screen.getByRole('checkbox', { name: /PDF écran/ }));
    await user.type(screen.getByLabelText(/Mot de passe/), 's3cret');
    await user.click(screen.getByRole('checkbox', { name: /Texte balisé/ }));
    await user.click(screen.getByRole('radio', { name: 'Mac' }));
    await user.click(screen.getByRole('button', { name: 'Exporter' }));

    await screen.findByText('Fichiers écrits');
    expect(builds(call)).toEqual([
      expect.objectContaining({
        out: '/out',
        formats: ['pdf', 'tagged-text'],
        mode: 'print',
        textVariant: 'mac',
      }),
      expect.objectContaining({ out: '/out/screen', formats: ['pdf'], mode: 'screen', password: 's3cret' }),
    ]);
    expect(builds(call)[0]).not.toHaveProperty('password');
    expect(builds(call)[0]).not.toHaveProperty('force');
    expect(choosePath).toHaveBeenCalledWith('/out', 'folder', true);
    // The password is never kept in the project.
    expect(JSON.stringify(view.current.state.project)).not.toContain('s3cret');

    const links = screen.getAllByRole('link', { name: 'Télécharger' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/api/download?path=%2Fout%2Fquincaillerie.pdf',
      '/api/download?path=%2Fout%2Fquincaillerie.txt',
      '/api/download?path=%2Fout%2Fscreen%2Fquincaillerie.pdf',
    ]);
    expect(screen.getByText(/PDF écran · 5 pages/)).toBeTruthy();
    // Sizes as the build answered them, in the user's locale.
    expect(screen.getAllByText(/123,5 ko/)).toHaveLength(3);
  });

  it('shows progress with the stage in words, and Cancel aborts the build', async () => {
    let signal: AbortSignal | undefined;
    const { surface } = fakeSurface(
      (_request, options) =>
        new Promise((_resolve, reject) => {
          signal = options.signal;
          options.onProgress?.({ job: 'j', stage: 'pdf', done: 3, total: 12 });
          options.signal?.addEventListener('abort', () =>
            reject(new ApiError({ code: 'CANCELLED', message: { fr: 'Annulé', en: 'Cancelled' } })),
          );
        }),
    );
    mountStep(ExportStep, surface, {
      state: stateOn('export', {
        output: { out: '/out', formats: ['pdf'], mode: 'print', textVariant: 'win' },
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('Dessin du PDF — 3 / 12')).toBeTruthy();
    // The choices stay as they are while it runs.
    expect(screen.getByRole('checkbox', { name: /PDF imprimeur/ }).matches(':disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText('Export annulé : aucun fichier écrit.')).toBeTruthy();
    expect(screen.queryByRole('status', { name: /PDF/ })).toBeNull();
  });

  it('shows a refusal’s errors and builds a proof with force on request', async () => {
    const { surface, call } = fakeSurface(async (request) =>
      request.force
        ? { ...built(request), issues: [ERROR] }
        : { ...SOURCE, status: 'refused', files: [], sizes: [], pages: 0, forced: false, issues: [ERROR] },
    );
    mountStep(ExportStep, surface, {
      state: stateOn('export', {
        output: { out: '/out', formats: ['pdf'], mode: 'print', textVariant: 'win' },
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('Export refusé : 1 erreur dans les données')).toBeTruthy();
    expect(screen.getByText('Prix illisible : « sur devis »')).toBeTruthy();
    expect(screen.getByText("'Tarif 2026'!F15")).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Exporter quand même (épreuve)' }));
    await screen.findByText('Fichiers écrits');
    expect(builds(call).map((b) => b.force)).toEqual([undefined, true]);
    expect(screen.getByText('Épreuve : 1 erreur')).toBeTruthy();
    expect(screen.getByText('quincaillerie.pdf')).toBeTruthy();
  });

  it('on the desktop, chooses the folder natively and offers "Show in folder"', async () => {
    const showInFolder = vi.fn(async () => undefined);
    const { surface } = fakeSurface(async (request) => built(request));
    const desktop = {
      ...surface,
      shell: {
        mode: 'desktop',
        receiveFile: async () => undefined,
        onMenu: () => () => undefined,
        chooseFolder: async () => '/home/me/Catalogues',
        showInFolder,
      },
    } as unknown as Surface;
    const view = mountStep(ExportStep, desktop, { state: stateOn('export'), lang: 'en' });
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Export files' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Choose a folder…' }));
    expect(view.current.state.project.output.out).toBe('/home/me/Catalogues');
    await user.click(screen.getByRole('button', { name: 'Export files' }));
    await user.click(await screen.findByRole('button', { name: 'Show in folder' }));
    expect(showInFolder).toHaveBeenCalledWith('/home/me/Catalogues/quincaillerie.pdf');
  });
});
