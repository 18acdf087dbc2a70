// A sheet whose headers were mapped before gets that mapping back, with a banner and Undo — but
// never over a mapping the user set, and never again by itself after Undo.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RememberedBanner } from '../../../renderer/components/remembered-banner.tsx';
import { fakeSurface, mount, openedState, OPENED } from './mount.tsx';

const REMEMBERED = {
  reference: { columns: [{ header: 'Réf.', letter: 'A' }], separator: ' ', transforms: [] },
};

describe('RememberedBanner', () => {
  it('applies the remembered mapping with Undo, and does not apply it again after Undo', async () => {
    const state = openedState({ opened: { ...OPENED, remembered: REMEMBERED } });
    const view = mount(<RememberedBanner />, fakeSurface(), { state });
    expect(view.store.state.project.fields).toBe(state.opened!.remembered);
    expect(screen.getByText('Mapping remembered from last time.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(view.store.state.project.fields).toBeUndefined();
    expect(screen.queryByText('Mapping remembered from last time.')).toBeNull();
    // Leaving the screen and coming back does not bring it back.
    view.unmount();
    const again = mount(<RememberedBanner />, fakeSurface(), { state: { ...state } });
    expect(again.store.state.project.fields).toBeUndefined();
  });

  it('leaves a mapping the user set alone, and hides once the user changes the remembered one', () => {
    const mine = { name: { columns: [{ header: 'Désignation' }] } };
    const base = openedState({ opened: { ...OPENED, remembered: REMEMBERED } });
    const view = mount(<RememberedBanner />, fakeSurface(), {
      state: { ...base, project: { ...base.project, fields: mine } },
    });
    expect(view.store.state.project.fields).toBe(mine);
    expect(screen.queryByRole('status')).toBeNull();
    view.unmount();

    const fresh = openedState({ opened: { ...OPENED, remembered: { ...REMEMBERED } } });
    const next = mount(<RememberedBanner />, fakeSurface(), { state: fresh, lang: 'fr' });
    expect(screen.getByText('Correspondance des colonnes reprise de la dernière fois.')).toBeTruthy();
    act(() => next.store.dispatch({ type: 'fields', fields: mine }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows nothing when nothing was remembered', () => {
    const view = mount(<RememberedBanner />, fakeSurface(), { state: openedState() });
    expect(view.store.state.project.fields).toBeUndefined();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
