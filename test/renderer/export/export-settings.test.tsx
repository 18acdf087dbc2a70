// The Export step's settings that go into the PDF: the print PDF's printing condition (saved with the
// project's outputs, its refusal said in the user's words), a price list's validity dates (asked only
// of a template that prints terms, never filled in), and a proof's error count in the summary.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PRESS_IDS } from '../../../main/api/contract.ts';
import { ApiError, type ChannelInput, type Surface } from '../../../renderer/api/transport.ts';
import { ExportStep } from '../../../renderer/steps/export/export-step.tsx';
import { PRESS_CHOICES } from '../../../renderer/steps/export/strings.ts';
import { buildRequest } from '../../../renderer/state/requests.ts';
import { mountStep, stateOn } from '../preview/mount-step.tsx';

type Build = ChannelInput<'build'>;
const OUTPUT = {
  out: '/out',
  formats: ['pdf' as const],
  mode: 'print' as const,
  textVariant: 'win' as const,
};
const TEMPLATES = [
  { id: 'product-grid', name: { fr: 'Grille', en: 'Grid' }, fields: [], layout: { kind: 'grid' } },
  {
    id: 'price-list',
    name: { fr: 'Tarif', en: 'Price list' },
    fields: [],
    layout: { kind: 'table', terms: true },
  },
];
const ERROR = {
  severity: 'error' as const,
  code: 'NOT_A_PRICE',
  message: { fr: 'Prix illisible', en: 'Unreadable price' },
};

function built(request: Build, issues: unknown[] = []) {
  return {
    file: '/samples/tarif.xlsx',
    sheet: 'Tarif',
    template: request.template,
    status: 'built' as const,
    files: [`${request.out}/tarif.pdf`],
    sizes: [1000],
    pages: 2,
    forced: Boolean(request.force),
    issues,
  };
}

function fakeSurface(answer: (request: Build) => Promise<unknown> = async (r) => built(r)) {
  const call = vi.fn(async (channel: string, request: unknown) => {
    if (channel === 'templates') return TEMPLATES;
    if (channel === 'build') return answer(request as Build);
    throw new Error(`unexpected ${channel}`);
  });
  const surface = {
    api: { call },
    shell: {
      mode: 'browser',
      receiveFile: async () => undefined,
      onMenu: () => () => undefined,
      choosePath: async (path: string) => path,
      defaultOutputs: async () => '/out',
      downloadUrl: (path: string) => `/api/download?path=${encodeURIComponent(path)}`,
    },
  } as unknown as Surface;
  return { surface, call };
}

const builds = (call: ReturnType<typeof fakeSurface>['call']) =>
  call.mock.calls.filter(([c]) => c === 'build').map(([, r]) => r as Build);

describe('the printing condition', () => {
  it('offers every condition the contract knows', () => {
    expect([...PRESS_CHOICES]).toEqual(PRESS_IDS);
  });

  it('is chosen on the print card in French, saved with the outputs and sent with the print build', async () => {
    const { surface, call } = fakeSurface();
    const view = mountStep(ExportStep, surface, { state: stateOn('export', { output: OUTPUT }) });
    const user = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Condition d’impression' });
    expect((select as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('option', { name: 'Non précisée' })).toBeTruthy();
    await user.selectOptions(select, 'FOGRA39 — offset, couché');
    expect(view.current.state.project.output.press).toBe('FOGRA39');
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await screen.findByText('Fichiers écrits');
    expect(builds(call)[0]!.press).toBe('FOGRA39');
  });

  it('is in English too, and not shown when no print PDF is asked', async () => {
    const { surface } = fakeSurface();
    mountStep(ExportStep, surface, {
      lang: 'en',
      state: stateOn('export', { output: { ...OUTPUT, mode: 'screen', press: 'GRACoL2013' } }),
    });
    expect(screen.queryByRole('combobox', { name: 'Printing condition' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('checkbox', { name: /Print PDF/ }));
    const select = screen.getByRole('combobox', { name: 'Printing condition' }) as HTMLSelectElement;
    expect(select.selectedOptions[0]!.textContent).toBe('GRACoL 2013 — US offset, premium coated');
  });

  it('names no condition in a screen PDF’s request', () => {
    const project = stateOn('export', { output: { ...OUTPUT, mode: 'screen', press: 'FOGRA39' } }).project;
    expect(buildRequest(project, 'fr', 'fr-FR').press).toBeUndefined();
  });

  it('shows a missing profile in the user’s words', async () => {
    const { surface } = fakeSurface(async () => {
      throw new ApiError({
        code: 'PRESS_PROFILE_MISSING',
        message: {
          fr: 'Le profil de la condition FOGRA39 n’est pas installé : indiquez-le avec le fichier .icc de l’imprimeur.',
          en: 'The FOGRA39 condition’s profile is not installed: give the printer’s .icc file.',
        },
        field: 'press',
      });
    });
    mountStep(ExportStep, surface, { state: stateOn('export', { output: { ...OUTPUT, press: 'FOGRA39' } }) });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText(/Le profil de la condition FOGRA39 n’est pas installé/)).toBeTruthy();
  });
});

describe('the price list’s validity', () => {
  it('is asked of a template that prints terms, saved with the outputs and sent with the build', async () => {
    const { surface, call } = fakeSurface();
    const view = mountStep(ExportStep, surface, {
      state: stateOn('export', { template: 'price-list', output: OUTPUT }),
    });
    const user = userEvent.setup();
    const from = (await screen.findByLabelText('Valables à partir du')) as HTMLInputElement;
    expect(screen.getByRole('group', { name: 'Validité des prix' })).toBeTruthy();
    expect(from.value).toBe('');
    await user.type(from, '2027-01-01');
    await user.type(screen.getByLabelText('Jusqu’au'), '2027-03-31');
    expect(view.current.state.project.output).toMatchObject({
      validFrom: '2027-01-01',
      validUntil: '2027-03-31',
    });
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await screen.findByText('Fichiers écrits');
    expect(builds(call)[0]).toMatchObject({ validFrom: '2027-01-01', validUntil: '2027-03-31' });
  });

  it('is not asked of a template without terms, and no date is sent when none was given', async () => {
    const { surface, call } = fakeSurface();
    mountStep(ExportStep, surface, { lang: 'en', state: stateOn('export', { output: OUTPUT }) });
    await waitFor(() => expect(call.mock.calls.some(([c]) => c === 'templates')).toBe(true));
    expect(screen.queryByLabelText('Valid from')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export files' }));
    await screen.findByText('Files written');
    expect(builds(call)[0]!.validFrom).toBeUndefined();
    expect(builds(call)[0]!.validUntil).toBeUndefined();
  });

  it('shows the dates in English, from a saved project', async () => {
    const { surface } = fakeSurface();
    mountStep(ExportStep, surface, {
      lang: 'en',
      state: stateOn('export', { template: 'price-list', output: { ...OUTPUT, validUntil: '2027-12-31' } }),
    });
    expect(((await screen.findByLabelText('Until')) as HTMLInputElement).value).toBe('2027-12-31');
    expect((screen.getByLabelText('Valid from') as HTMLInputElement).value).toBe('');
  });
});

describe('a proof', () => {
  it.each([
    ['fr', 'Exporter', 'Exporter quand même (épreuve)', 'Épreuve : 2 erreurs'],
    ['en', 'Export files', 'Export anyway (proof)', 'Proof: 2 errors'],
  ] as const)('says how many errors it carries (%s)', async (lang, exportName, forceName, said) => {
    const { surface } = fakeSurface(async (request) =>
      request.force
        ? built(request, [ERROR, ERROR])
        : { ...built(request), status: 'refused', files: [], issues: [ERROR, ERROR] },
    );
    mountStep(ExportStep, surface, { lang, state: stateOn('export', { output: OUTPUT }) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: exportName }));
    await user.click(await screen.findByRole('button', { name: forceName }));
    expect(await screen.findByText(said)).toBeTruthy();
  });
});
