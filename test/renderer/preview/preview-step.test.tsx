// The Preview screen: only the page in view is asked of the engine, the old picture stays (dimmed,
// "Updating…") until the new one is drawn, page issues lead to their page, a product to its row.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelOutput, Surface } from '../../../renderer/api/transport.ts';
import { PreviewStep } from '../../../renderer/steps/preview/preview-step.tsx';
import { deferred, fixture, mountStep, PAGE_PDF, stateOn } from './mount-step.tsx';

vi.mock('../../../renderer/preview/pdf-js.ts', async () => ({
  openPdf: (await import('./mount-step.tsx')).fakeOpenPdf(),
}));

type Plan = ChannelOutput<'plan'>;
type PreviewCall = { from: number; to?: number; layout?: unknown };
const PLAN = fixture<Plan>('preview-plan.json');

function fakeSurface(plan: Plan = PLAN, hold?: (call: PreviewCall) => Promise<void> | undefined) {
  const call = vi.fn(async (channel: string, request: unknown) => {
    if (channel === 'plan') return plan;
    if (channel === 'preview') {
      const r = request as PreviewCall;
      await hold?.(r);
      return { pdf: PAGE_PDF, pages: plan.pages, from: r.from, to: r.to ?? r.from };
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

const canvas = () => screen.getByRole('img', { name: /^Page \d+$/ });

describe('the Preview screen', () => {
  it('asks the engine for the page in view only, then the next one when the user turns the page', async () => {
    const { surface, call } = fakeSurface();
    mountStep(PreviewStep, surface, { state: stateOn('preview') });
    await waitFor(() => expect(canvas().dataset.doc).toBeDefined());
    expect(screen.getByText('sur 5')).toBeTruthy();
    expect(previews(call)).toEqual([expect.objectContaining({ from: 1, to: 1 })]);

    await userEvent.click(screen.getByRole('button', { name: /Suivante/ }));
    await waitFor(() => expect(previews(call)).toHaveLength(2));
    expect(previews(call)[1]).toMatchObject({ from: 2, to: 2 });
    await waitFor(() => expect(canvas()).toHaveProperty('ariaLabel', 'Page 2'));
    // Back to page 1: drawn from what was already asked, not asked again.
    await userEvent.click(screen.getByRole('button', { name: /Précédente/ }));
    await waitFor(() => expect(canvas().getAttribute('aria-label')).toBe('Page 1'));
    expect(previews(call)).toHaveLength(2);
    expect(call.mock.calls.filter(([c]) => c === 'plan')).toHaveLength(1);
  });

  it('keeps the old page on screen, marked as updating, until the new one is drawn', async () => {
    const held = deferred<void>();
    const { surface, call } = fakeSurface(PLAN, (r) =>
      (r.layout as { pageSize?: string } | undefined)?.pageSize === 'A5' ? held.promise : undefined,
    );
    const view = mountStep(PreviewStep, surface, { state: stateOn('preview') });
    await waitFor(() => expect(canvas().dataset.doc).toBeDefined());
    await waitFor(() => expect(screen.queryByText('Mise à jour…')).toBeNull());
    const old = canvas().dataset.doc;
    // data-drawn: what the UI benchmark and the browser flow wait for, set once a picture is copied.
    const drawn = canvas().dataset.drawn;
    expect(drawn).toMatch(/^1:\d+$/);

    act(() => view.current.dispatch({ type: 'layout', layout: { pageSize: 'A5' } }));
    await waitFor(() => expect(previews(call)).toHaveLength(2), { timeout: 3000 });
    expect(previews(call)[1]).toMatchObject({ from: 1, to: 1, layout: { pageSize: 'A5' } });
    // The engine is still drawing: the old picture stays, labelled.
    expect(canvas().dataset.doc).toBe(old);
    expect(canvas().dataset.drawn).toBe(drawn);
    expect(screen.getByText('Mise à jour…')).toBeTruthy();

    await act(async () => held.resolve());
    await waitFor(() => expect(canvas().dataset.doc).not.toBe(old));
    await waitFor(() => expect(canvas().dataset.drawn).not.toBe(drawn));
    await waitFor(() => expect(screen.queryByText('Mise à jour…')).toBeNull());
  });

  it('lists page issues beside their page and opens that page on a click', async () => {
    const issue = {
      severity: 'warning' as const,
      code: 'TEXT_OVERSET',
      message: {
        fr: 'Page 4 : le texte ne tient pas dans la carte.',
        en: 'Page 4: the text does not fit the card.',
      },
      cell: { sheet: 'Tarif 2026', row: 22 },
      page: 4,
    };
    const { surface, call } = fakeSurface({ ...PLAN, issues: [...PLAN.issues, issue] });
    const view = mountStep(PreviewStep, surface, { state: stateOn('preview') });
    await userEvent.click(await screen.findByRole('button', { name: /^Page 4\s*1 problème$/ }));
    // Under its page's heading, the message does not name the page again.
    expect(screen.getByText('Le texte ne tient pas dans la carte.')).toBeTruthy();
    await waitFor(() => expect(previews(call).at(-1)).toMatchObject({ from: 4, to: 4 }));
    // The issue's row opens in Checks.
    const rowLinks = screen.getAllByRole('button', { name: 'Ligne 22' });
    await userEvent.click(rowLinks.at(-1)!);
    expect(view.current.state).toMatchObject({ focusRow: 22, step: 'checks' });
  });

  it('opens a product’s row in Checks, and shows the page a row asked for', async () => {
    const { surface, call } = fakeSurface();
    // Row 7 is printed on page 3 (the plan's pageRows): Checks asked to see it.
    const view = mountStep(PreviewStep, surface, { state: { ...stateOn('preview'), showRow: 7 } });
    await waitFor(() => expect(previews(call).at(-1)).toMatchObject({ from: 3, to: 3 }));
    expect(view.current.state.showRow).toBeUndefined();
    await screen.findByRole('button', { name: 'Ligne 6' });
    // The product's area on the page, once the page is the one the plan describes.
    const area = await screen.findByRole('button', { name: 'Ouvrir la ligne 8 dans Vérifications' });
    await userEvent.click(area);
    expect(view.current.state.focusRow).toBe(8);
    expect(view.current.state.step).toBe('checks');
  });
});
