// The Layout screen: each control dispatches the LayoutSettings the engine reads (an absent key for
// "as the template"), text only once typing stops, and page 1 is asked again with the new settings.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelOutput, Surface } from '../../../renderer/api/transport.ts';
import { LayoutStep } from '../../../renderer/steps/layout/layout-step.tsx';
import { forgetThumbnails } from '../../../renderer/steps/layout/template-thumbnails.ts';
import { fixture, mountStep, PAGE_PDF, stateOn } from '../preview/mount-step.tsx';

vi.mock('../../../renderer/preview/pdf-js.ts', async () => ({
  openPdf: (await import('../preview/mount-step.tsx')).fakeOpenPdf(),
}));

const TEMPLATES = fixture<ChannelOutput<'templates'>>('open-templates.json');
type PreviewCall = { template: string; from: number; to?: number; layout?: Record<string, unknown> };

function fakeSurface() {
  const call = vi.fn(async (channel: string, request: unknown) => {
    if (channel === 'templates') return TEMPLATES;
    if (channel === 'preview') {
      const r = request as PreviewCall;
      return { pdf: PAGE_PDF, pages: 5, from: r.from, to: r.to ?? r.from };
    }
    throw new Error(`unexpected ${channel}`);
  });
  const surface = {
    api: { call },
    shell: { mode: 'browser', receiveFile: async () => undefined, onMenu: () => () => undefined },
  } as unknown as Surface;
  return { surface, call };
}

const previews = (call: ReturnType<typeof fakeSurface>['call']) =>
  call.mock.calls.filter(([c]) => c === 'preview').map(([, r]) => r as PreviewCall);

beforeEach(() => forgetThumbnails());

describe('the Layout screen', () => {
  it('dispatches each setting as LayoutSettings, leaving out what follows the template', async () => {
    const { surface } = fakeSurface();
    const view = mountStep(LayoutStep, surface, { state: stateOn('layout') });
    const user = userEvent.setup();
    const layout = () => view.current.state.project.layout;

    await user.selectOptions(screen.getByLabelText('Format'), 'A5');
    await user.selectOptions(screen.getByLabelText('Orientation'), 'landscape');
    expect(layout()).toEqual({ pageSize: 'A5', orientation: 'landscape' });

    await user.selectOptions(screen.getByLabelText('Format'), 'Comme le modèle');
    expect(layout()).toEqual({ orientation: 'landscape' });

    await user.click(screen.getByLabelText('Marges personnalisées'));
    await user.clear(screen.getByLabelText(/^Gauche/));
    await user.type(screen.getByLabelText(/^Gauche/), '22.5');
    // Custom margins start from the template's own (product-grid: 18, 12, 16, 12 mm).
    expect(layout().margins).toEqual({ top: 18, right: 12, bottom: 16, left: 22.5 });

    // A grid template: columns × rows; a 9th column is refused on the spot, not sent.
    await user.type(screen.getByLabelText('Colonnes'), '9');
    expect(layout().columns).toBeUndefined();
    expect(screen.getByLabelText('Colonnes').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Colonnes'));
    await user.type(screen.getByLabelText('Colonnes'), '3');
    await user.type(screen.getByLabelText('Rangées'), '4');
    expect(layout()).toMatchObject({ columns: 3, rows: 4 });

    await user.selectOptions(
      await screen.findByLabelText('Grouper par'),
      'Lignes de catégorie de la feuille',
    );
    await user.selectOptions(screen.getByLabelText('Trier par'), 'Référence');
    await user.selectOptions(screen.getByLabelText('Nouvelle page par groupe'), 'Oui');
    await user.selectOptions(screen.getByLabelText('Prix affiché'), 'TTC');
    await user.selectOptions(screen.getByLabelText('Couverture'), 'Non');
    await user.selectOptions(screen.getByLabelText('Sommaire'), 'Oui');
    expect(layout()).toMatchObject({
      groupBy: '@category',
      sortBy: ['reference'],
      newPagePerGroup: true,
      price: 'ttc',
      cover: false,
      toc: true,
    });
    await user.selectOptions(screen.getByLabelText('Grouper par'), 'Aucun groupe');
    expect(layout().groupBy).toBe('');
  });

  it('shows the accent as a swatch and sends the four CMYK values', async () => {
    const { surface } = fakeSurface();
    const view = mountStep(LayoutStep, surface, { state: stateOn('layout') });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/Couleur personnalisée/));
    await user.clear(screen.getByLabelText(/^Magenta/));
    await user.type(screen.getByLabelText(/^Magenta/), '100');
    await user.clear(screen.getByLabelText(/^Cyan/));
    await user.type(screen.getByLabelText(/^Cyan/), '0');
    await user.clear(screen.getByLabelText(/^Noir/));
    await user.type(screen.getByLabelText(/^Noir/), '0');
    expect(view.current.state.project.layout.accent).toEqual([0, 100, 0, 0]);
    const swatch = screen.getByRole('img', { name: /C\/M\/J\/N 0 \/ 100 \/ 0 \/ 0/ });
    expect(swatch.style.background).toBe('rgb(255, 0, 255)');
  });

  it('sends header text once typing stops, and the output title and bleed to the output', async () => {
    const { surface } = fakeSurface();
    const view = mountStep(LayoutStep, surface, { state: stateOn('layout') });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('En-tête, gauche'), '{{title} — {{group}');
    // Not per key: nothing sent while typing goes on.
    expect(view.current.state.project.layout.header).toBeUndefined();
    await waitFor(() =>
      expect(view.current.state.project.layout.header).toEqual({ left: '{title} — {group}' }),
    );
    await user.type(screen.getByLabelText('Pied, droite'), '{{page}/{{pages}');
    await user.tab();
    expect(view.current.state.project.layout.footer).toEqual({ right: '{page}/{pages}' });

    await user.type(screen.getByLabelText('Titre du catalogue'), 'Tarif 2026');
    await user.tab();
    await user.type(screen.getByLabelText(/^Fond perdu/), '5');
    await user.selectOptions(screen.getByLabelText('Traits de coupe'), 'Oui');
    expect(view.current.state.project.output).toMatchObject({ title: 'Tarif 2026', bleed: 5, marks: true });
  });

  it.each([
    [
      'fr',
      'Pages en vis-à-vis',
      'Oui',
      'Produit sans image',
      'Le texte prend la place',
      'Mention d’épreuve',
      'Hors format, dans la marge technique',
      'Comme le modèle',
    ],
    [
      'en',
      'Facing pages',
      'Yes',
      'Product without a picture',
      'Text takes the room',
      'Proof marking',
      'Outside the trim, in the slug',
      'As the template',
    ],
  ] as const)(
    'sets facing pages, a missing picture and the proof marking (%s), and gives them back to the template',
    async (lang, facing, yes, missing, collapse, proof, slug, asTemplate) => {
      const { surface, call } = fakeSurface();
      const view = mountStep(LayoutStep, surface, { lang, state: stateOn('layout') });
      const user = userEvent.setup();
      const layout = () => view.current.state.project.layout;
      await user.selectOptions(screen.getByLabelText(facing), yes);
      await user.selectOptions(screen.getByLabelText(missing), collapse);
      await user.selectOptions(screen.getByLabelText(proof), slug);
      expect(layout()).toEqual({ facing: true, missingPicture: 'collapse', proof: 'slug' });
      await waitFor(() =>
        expect(previews(call).at(-1)?.layout).toMatchObject({ proof: 'slug', facing: true }),
      );
      await user.selectOptions(screen.getByLabelText(proof), asTemplate);
      expect(layout()).toEqual({ facing: true, missingPicture: 'collapse' });
    },
  );

  it('redraws page 1 with the new settings, and draws each template’s first page as its thumbnail', async () => {
    const { surface, call } = fakeSurface();
    const view = mountStep(LayoutStep, surface, { state: stateOn('layout') });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('img', { name: 'Page 1' }).dataset.doc).toBeDefined());
    await user.selectOptions(screen.getByLabelText('Format'), 'A3');
    await waitFor(() =>
      expect(previews(call)).toContainEqual(
        expect.objectContaining({ from: 1, to: 1, layout: { pageSize: 'A3' } }),
      ),
    );
    // One thumbnail per template, each on the template's own layout.
    const picker = screen.getByRole('group', { name: 'Modèle' });
    await waitFor(() => expect(picker.querySelectorAll('.layout-thumb img')).toHaveLength(3));
    for (const template of TEMPLATES)
      expect(previews(call)).toContainEqual(expect.objectContaining({ template: template.id, layout: {} }));

    await user.click(within(picker).getByRole('radio', { name: /Liste de prix/ }));
    expect(view.current.state.project.template).toBe('price-list');
  });
  it('turns the live page to a page of products, and not past the last one', async () => {
    const { surface, call } = fakeSurface();
    mountStep(LayoutStep, surface, { state: stateOn('layout') });
    const user = userEvent.setup();
    await waitFor(() => expect(previews(call).some((p) => p.from === 1)).toBe(true));
    const next = screen.getByRole('button', { name: 'Page suivante' });
    await waitFor(() => expect((next as HTMLButtonElement).disabled).toBe(false));
    await user.click(next);
    await waitFor(() => expect(previews(call).at(-1)).toMatchObject({ from: 2 }));
    expect(screen.getByRole('heading', { name: 'Page 2, en direct' })).toBeTruthy();
    for (let i = 0; i < 5; i++) if (!(next as HTMLButtonElement).disabled) await user.click(next);
    // The fake catalog has 5 pages: the turn stops at the last.
    await waitFor(() => expect((next as HTMLButtonElement).disabled).toBe(true));
    expect(Math.max(...previews(call).map((p) => p.from))).toBe(5);
  });
});
