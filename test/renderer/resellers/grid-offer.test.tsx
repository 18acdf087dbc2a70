// The way into the price-grid flow: offered once a workbook with grids and resellers is open, never
// for a catalog workbook; taking it switches the stepper to Open → Resellers, and back.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../renderer/api/transport.ts';
import { Stepper } from '../../../renderer/components/stepper.tsx';
import { stepsOf } from '../../../renderer/state/project.ts';
import { useApp } from '../../../renderer/state/app-context.tsx';
import { GridOffer } from '../../../renderer/steps/resellers/grid-offer.tsx';
import { fixture, mountStep, stateOn } from '../preview/mount-step.tsx';
import { callsTo, GRID_FILE, gridSurface } from './harness.tsx';

const OPENED = fixture<ChannelOutput<'open'>>('open-quincaillerie.json');

/** The offer above the app's stepper, as the window shows them. */
function Window() {
  const { state, dispatch } = useApp();
  return (
    <>
      <Stepper
        step={state.step}
        reached={state.reached}
        steps={stepsOf(state.project)}
        onGo={(step) => dispatch({ type: 'go', step })}
      />
      <GridOffer />
    </>
  );
}

const opened = (file: string) => ({
  ...stateOn('sheet', { file }),
  reached: 'sheet' as const,
  opened: OPENED,
});

describe('the offer of reseller price lists', () => {
  it.each([
    [
      'fr',
      'Ce classeur contient des grilles de prix (8 familles) et une liste de 8 revendeurs.',
      'Préparer les listes revendeurs',
      'Revendeurs',
    ],
    [
      'en',
      'This workbook holds price grids (8 families) and a list of 8 resellers.',
      'Prepare the reseller lists',
      'Resellers',
    ],
  ] as const)(
    'shows for a grid workbook and leads to the Resellers step (%s)',
    async (lang, found, start, step) => {
      const { surface, call } = gridSurface();
      const view = mountStep(Window, surface, { lang, state: opened(GRID_FILE) });
      expect(await screen.findByText(found)).toBeTruthy();
      expect(callsTo(call, 'gridOpen')).toEqual([{ file: GRID_FILE, lang }]);
      await userEvent.setup().click(screen.getByRole('button', { name: start }));
      expect(view.current.state.step).toBe('resellers');
      expect(view.current.state.project.grid).toEqual({
        outputs: ['print', 'screen', 'tagged-text'],
        encrypt: true,
      });
      // The stepper shows the price-grid flow: Open, then Resellers.
      const steps = screen.getAllByRole('button').filter((b) => b.dataset.step);
      expect(steps.map((b) => b.dataset.step)).toEqual(['open', 'resellers']);
      expect(screen.getByRole('button', { name: new RegExp(step) }).getAttribute('aria-current')).toBe(
        'step',
      );
      // Off the Open and Sheet steps, the offer is gone.
      expect(screen.queryByText(found)).toBeNull();
    },
  );

  it('is not offered for a catalog workbook', async () => {
    const { surface, call } = gridSurface();
    mountStep(Window, surface, { state: opened('/samples/quincaillerie-tarif-2026.xlsx') });
    await waitFor(() => expect(callsTo(call, 'gridOpen')).toHaveLength(1));
    // The refusal has come back: nothing is offered, and nothing is asked again.
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(screen.queryByText(/grilles de prix/)).toBeNull();
    expect(screen.getAllByRole('button').filter((b) => b.dataset.step)).toHaveLength(7);
    expect(callsTo(call, 'gridOpen')).toHaveLength(1);
  });

  it('is not asked before a workbook is open', async () => {
    const { surface, call } = gridSurface();
    mountStep(Window, surface, { state: { ...stateOn('open', { file: GRID_FILE }), reached: 'open' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(call).not.toHaveBeenCalled();
  });

  it('on the Open step of a price-grid project, goes on to the resellers or back to a catalog', async () => {
    const { surface } = gridSurface();
    const state = { ...opened(GRID_FILE), step: 'open' as const, reached: 'open' as const };
    const view = mountStep(Window, surface, {
      state: { ...state, project: { ...state.project, grid: { outputs: ['print'], encrypt: false } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Faire un catalogue à la place' }));
    expect(view.current.state.project.grid).toBeUndefined();
    expect(screen.getAllByRole('button').filter((b) => b.dataset.step)).toHaveLength(7);
    // Offered again, with the settings it had dropped forgotten.
    await user.click(await screen.findByRole('button', { name: 'Préparer les listes revendeurs' }));
    expect(view.current.state.step).toBe('resellers');
  });
});
