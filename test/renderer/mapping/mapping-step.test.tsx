import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MappingStep } from '../../../renderer/steps/mapping/mapping-step.tsx';
import { initialState, NEW_PROJECT, type AppState } from '../../../renderer/state/project.ts';
import { validateRequest } from '../../../renderer/state/requests.ts';
import { fakeSurface, fixtures, mountStep, openRequests } from '../open/harness.tsx';

afterEach(cleanup);

const FILE = '/data/quincaillerie-tarif-2026.xlsx';
const initial = (project = {}): AppState => ({
  ...initialState({ ...NEW_PROJECT, file: FILE, ...project }),
  step: 'mapping',
  reached: 'mapping',
  opened: fixtures.opened,
});

const SUGGESTED = {
  reference: { columns: [{ header: 'Réf.', letter: 'A' }] },
  name: { columns: [{ header: 'Désignation', letter: 'B' }] },
  description: { columns: [{ header: 'Description', letter: 'C' }] },
  price: { columns: [{ header: 'Prix HT', letter: 'E' }] },
  unit: { columns: [{ header: 'Conditionnement', letter: 'D' }] },
  ean: { columns: [{ header: 'EAN', letter: 'G' }] },
  image: { columns: [{ header: 'Photo', letter: 'H' }] },
};

const fieldRow = (id: string) => document.querySelector<HTMLLIElement>(`li[data-field="${id}"]`)!;
const trayChips = () =>
  [...document.querySelectorAll('.mapping-chip .mapping-chip-letter')].map((chip) => chip.textContent);

async function mounted(lang: 'fr' | 'en' = 'en', project = {}) {
  const fake = fakeSurface({
    open: (request) => ({ ...fixtures.opened, template: request.template as string }),
  });
  const view = mountStep(<MappingStep />, { lang, initial: initial(project), surface: fake });
  await screen.findByText(lang === 'fr' ? 'Référence' : 'Reference');
  return { ...view, fake };
}

describe('Mapping', () => {
  it('lists the required fields first, marked, with the suggested column, samples and badge', async () => {
    await mounted('fr');
    const order = [...document.querySelectorAll('li[data-field]')].map((li) => li.getAttribute('data-field'));
    expect(order.slice(0, 3)).toEqual(['reference', 'name', 'price']);
    expect(order.slice(3)).toEqual([
      'description',
      'brand',
      'category',
      'priceTtc',
      'unit',
      'ean',
      'image',
      'color',
      'sizes',
    ]);
    expect(within(fieldRow('price')).getByText('obligatoire')).toBeTruthy();
    expect(within(fieldRow('brand')).queryByText('obligatoire')).toBeNull();
    const price = screen.getByLabelText('Colonne pour « Prix HT »') as HTMLSelectElement;
    expect(price.value).toBe('E');
    const samples = fieldRow('reference').querySelectorAll('.mapping-sample');
    expect([...samples].map((sample) => sample.textContent)).toEqual(['VIS-4x40', 'VIS-5x60', 'BOU-M8']);
    expect(within(fieldRow('reference')).getByText('exacte')).toBeTruthy();
    expect(within(fieldRow('brand')).getByText('non trouvée')).toBeTruthy();
    // Only TVA (F) and the hidden "Prix achat" (I) feed no field.
    expect(trayChips()).toEqual(['F', 'I']);
  });

  it('dispatches the full inline mapping on a column change; the next validate carries it', async () => {
    const view = await mounted('en');
    await userEvent.selectOptions(screen.getByLabelText('Column for “Brand”'), 'F');
    const expected = { ...SUGGESTED, brand: { columns: [{ header: 'TVA', letter: 'F' }] } };
    expect(view.state().project.fields).toEqual(expected);
    expect(view.state().dirty).toBe(true);
    expect(validateRequest(view.state().project).fields).toEqual(expected);
    expect(within(fieldRow('brand')).getByText('yours')).toBeTruthy();
    expect(within(fieldRow('reference')).getByText('exact')).toBeTruthy();
    expect(trayChips()).toEqual(['I']);
    // No re-open for a column change: the answer on screen still holds.
    expect(openRequests(view.fake.call)).toHaveLength(0);
  });

  it('un-mapping a column puts it back in the tray and flags the required field', async () => {
    const view = await mounted('en');
    await userEvent.selectOptions(screen.getByLabelText('Column for “Reference”'), '');
    expect(view.state().project.fields?.reference).toBeUndefined();
    expect(trayChips()).toEqual(['A', 'F', 'I']);
    // The user left it without a column: their choice, not a column the suggestion failed to find.
    expect(within(fieldRow('reference')).getByText('yours')).toBeTruthy();
    expect(screen.getByText('Required field without a column: Reference')).toBeTruthy();
  });

  it('uses a tray column for a field from its menu, with the keyboard', async () => {
    const view = await mounted('en');
    const chip = screen.getByRole('button', { name: /Prix achat/ });
    chip.focus();
    await userEvent.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Use I — Prix achat for…' });
    expect(document.activeElement?.textContent).toContain('Reference');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Price (incl. VAT)');
    await userEvent.keyboard('{Enter}');
    expect(menu.isConnected).toBe(false);
    expect(view.state().project.fields?.priceTtc).toEqual({
      columns: [{ header: 'Prix achat', letter: 'I' }],
    });
    expect(trayChips()).toEqual(['F']);
    expect((screen.getByLabelText('Column for “Price (incl. VAT)”') as HTMLSelectElement).value).toBe('I');
  });

  it('edits the common touch-ups of a field', async () => {
    const view = await mounted('fr');
    await userEvent.click(screen.getByRole('button', { name: 'Retouches du champ « Désignation »' }));
    const form = fieldRow('name').querySelector('fieldset')!;
    await userEvent.click(within(form).getByLabelText('Supprimer les espaces en trop'));
    await userEvent.selectOptions(within(form).getByLabelText('Casse'), 'upper');
    await userEvent.type(within(form).getByLabelText('Si vide'), '?');
    expect(view.state().project.fields?.name).toEqual({
      columns: [{ header: 'Désignation', letter: 'B' }],
      transforms: [{ op: 'trim' }, { op: 'case', to: 'upper' }, { op: 'default', value: '?' }],
    });
    await userEvent.selectOptions(within(form).getByLabelText('Casse'), '');
    expect(view.state().project.fields?.name?.transforms).toEqual([
      { op: 'trim' },
      { op: 'default', value: '?' },
    ]);
  });

  it('re-opens for the suggestion of another template', async () => {
    const view = await mounted('en', { fields: { name: { columns: [{ header: 'Réf.', letter: 'A' }] } } });
    expect((screen.getByLabelText('Column for “Product name”') as HTMLSelectElement).value).toBe('A');
    await userEvent.selectOptions(screen.getByLabelText('Template'), 'price-list');
    await waitFor(() => expect(view.state().project.template).toBe('price-list'));
    expect(openRequests(view.fake.call)).toEqual([{ file: FILE, template: 'price-list', money: {} }]);
    expect(view.state().project.fields).toBeUndefined();
    // The price list's fields, its required ones first.
    await waitFor(() => expect(fieldRow('minQty')).toBeTruthy());
    expect((screen.getByLabelText('Column for “Product name”') as HTMLSelectElement).value).toBe('B');
  });

  it('shows a user mapping from the project as theirs, found by header', async () => {
    // Next month the columns moved: the project's letter is stale, the header still names it.
    await mounted('en', {
      fields: { ...SUGGESTED, name: { columns: [{ header: 'Désignation', letter: 'Z' }] } },
    });
    expect((screen.getByLabelText('Column for “Product name”') as HTMLSelectElement).value).toBe('B');
  });

  it('marks the columns remembered for these headers until the user changes them', async () => {
    const remembered = {
      reference: { columns: [{ header: 'Réf.', letter: 'A' }], separator: ' ', transforms: [] },
      name: { columns: [{ header: 'Description', letter: 'C' }], separator: ' ', transforms: [] },
    };
    const fake = fakeSurface();
    const view = mountStep(<MappingStep />, {
      lang: 'en',
      initial: { ...initial(), opened: { ...fixtures.opened, remembered } },
      surface: fake,
    });
    // The remembered-mapping banner applies it; both fields say where their column came from.
    await waitFor(() => expect(view.state().project.fields).toEqual(remembered));
    // The fields are listed once the template's field list has arrived.
    await waitFor(() => expect(fieldRow('reference')).toBeTruthy());
    expect(within(fieldRow('reference')).getByText('remembered')).toBeTruthy();
    expect(within(fieldRow('name')).getByText('remembered')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Column for “Product name”'), 'B');
    expect(within(fieldRow('name')).getByText('exact')).toBeTruthy();
    expect(within(fieldRow('reference')).getByText('remembered')).toBeTruthy();
  });

  it('moves on to Checks', async () => {
    const view = await mounted('en');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(view.state().step).toBe('checks');
  });
});
