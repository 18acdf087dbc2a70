// The print-trade sample (samples/imprimerie-revendeurs-2027.xlsx, written by samples/print-trade.ts)
// read through the real xlsx reader and the grid and reseller readers: every family, tier and variant
// the sample is documented to hold, its not-available cells, and its resellers with their rates.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GridCell, GridFamily, PriceGrid } from '../../../../main/engine/grid/grid-model.ts';
import { readPriceGrid } from '../../../../main/engine/grid/read-price-grid.ts';
import { DEFAULT_LIMITS } from '../../../../main/engine/import/limits.ts';
import { makeReadContext } from '../../../../main/engine/import/read-context.ts';
import { readXlsxFull } from '../../../../main/engine/import/read-xlsx-full.ts';
import type { Issue, RawSheet } from '../../../../main/engine/model.ts';
import { findResellerSheet } from '../../../../main/engine/resellers/find-reseller-sheet.ts';
import { readResellers } from '../../../../main/engine/resellers/read-resellers.ts';

const SAMPLE = fileURLToPath(new URL('../../../../samples/imprimerie-revendeurs-2027.xlsx', import.meta.url));
const LOGOS = fileURLToPath(new URL('../../../../samples/logos/', import.meta.url));
const GRID_SHEETS = ['Cartes & flyers', 'Dépliants', 'Affiches', 'Brochures A5', 'Grand format'];
const PRINT_TIERS = [100, 250, 500, 1000, 2500, 5000];

let sheets: RawSheet[];
const grids = new Map<string, { grid: PriceGrid; issues: Issue[] }>();

beforeAll(async () => {
  sheets = await readXlsxFull(
    new Uint8Array(await readFile(SAMPLE)),
    makeReadContext(SAMPLE, DEFAULT_LIMITS),
  );
  for (const name of GRID_SHEETS) grids.set(name, readPriceGrid(sheets.find((s) => s.name === name)!));
});

const family = (name: string): GridFamily => {
  const found = [...grids.values()].flatMap((g) => g.grid.families).find((f) => f.name === name);
  if (!found) throw new Error(`No family « ${name} » in the sample`);
  return found;
};

/** The cell of `family` at `quantity` × `variant`. */
const cellAt = (name: string, quantity: number, variant: string): GridCell => {
  const f = family(name);
  const tier = f.tiers.find((t) => t.quantity === quantity);
  const index = f.variants.indexOf(variant);
  if (!tier || index < 0) throw new Error(`No cell ${quantity} × « ${variant} » in « ${name} »`);
  return tier.cells[index]!;
};

describe('the print-trade sample workbook', () => {
  it('has the grid, reseller and settings sheets in order', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      ...GRID_SHEETS,
      'Revendeurs',
      'Niveaux',
      'Familles',
      'Remises par famille',
      'Conditions',
    ]);
  });

  it('reads every grid sheet without a single issue', () => {
    for (const name of GRID_SHEETS) expect(grids.get(name)!.issues, name).toEqual([]);
    expect(grids.get('Grand format')!.grid.format).toBe('long');
    expect(grids.get('Cartes & flyers')!.grid.format).toBe('matrix');
  });

  it('holds eight families, named by a merged title, a header corner, the sheet and a long-format column', () => {
    expect(GRID_SHEETS.map((s) => grids.get(s)!.grid.families.map((f) => f.name))).toEqual([
      ['Cartes de visite 85×55', 'Flyers A5', 'Flyers A4'],
      ['Dépliants A4 2 plis roulés'],
      ['Affiches'],
      ['Brochures A5'],
      ['Bâches', 'Kakémonos'],
    ]);
    expect(family('Cartes de visite 85×55').titleRow).toBe(3);
    expect(family('Dépliants A4 2 plis roulés').titleRow).toBeUndefined();
  });

  it('reads tiers written as text and as numbers, and the variants as written', () => {
    const cards = family('Cartes de visite 85×55');
    expect(cards.tiers.map((t) => t.quantity)).toEqual(PRINT_TIERS);
    expect(cards.tiers.map((t) => t.label)).toContain('1 000 ex.');
    expect(cards.variants).toEqual([
      'Couché mat 350 g recto',
      'Couché mat 350 g recto/verso',
      'Pelliculé mat recto/verso',
      'Pelliculé soft touch recto/verso',
    ]);
    for (const name of ['Flyers A5', 'Flyers A4', 'Dépliants A4 2 plis roulés'])
      expect(family(name).tiers.map((t) => t.quantity)).toEqual(PRINT_TIERS);
    expect(family('Affiches').tiers.map((t) => t.quantity)).toEqual([25, 50, 100, 250, 500]);
    expect(family('Brochures A5').variants).toEqual(['8 pages', '12 pages', '16 pages', '24 pages']);
    expect(family('Bâches').tiers.map((t) => t.quantity)).toEqual([1, 5, 10]);
    expect(family('Kakémonos').variants).toEqual([
      'Roll-up 85 × 200 cm standard',
      'Roll-up 85 × 200 cm premium',
    ]);
  });

  it('reads prices in cents, numbers and text alike', () => {
    expect(cellAt('Cartes de visite 85×55', 100, 'Couché mat 350 g recto')).toEqual({
      kind: 'price',
      cents: 1990,
      ref: "'Cartes & flyers'!B5",
    });
    expect(cellAt('Cartes de visite 85×55', 500, 'Pelliculé soft touch recto/verso')).toMatchObject({
      kind: 'price',
      cents: 6800,
      currency: 'EUR',
    });
    expect(cellAt('Flyers A5', 250, 'Recyclé 120 g recto/verso')).toMatchObject({
      cents: 5900,
      currency: 'EUR',
    });
    expect(cellAt('Dépliants A4 2 plis roulés', 1000, 'Couché mat 170 g')).toMatchObject({ cents: 14900 });
    expect(cellAt('Brochures A5', 1000, '16 pages')).toMatchObject({ cents: 63900 });
    // The vertically merged « Kakémonos » cell names the family of every row under it.
    expect(cellAt('Kakémonos', 10, 'Roll-up 85 × 200 cm standard')).toMatchObject({ cents: 59000 });
  });

  it('keeps every not-available cell as such, never as 0', () => {
    expect(cellAt('Cartes de visite 85×55', 5000, 'Pelliculé soft touch recto/verso')).toMatchObject({
      kind: 'not-available',
      why: 'on-request',
      text: 'sur devis',
    });
    expect(cellAt('Flyers A5', 100, 'Recyclé 120 g recto/verso')).toMatchObject({ why: 'na', text: 'N/A' });
    expect(cellAt('Flyers A5', 5000, 'Recyclé 120 g recto/verso')).toMatchObject({
      why: 'empty',
      ref: "'Cartes & flyers'!E19",
    });
    expect(cellAt('Flyers A4', 5000, 'Couché mat 170 g recto/verso')).toMatchObject({
      why: 'dash',
      text: '–',
    });
    expect(cellAt('Bâches', 10, 'Micro-perforée 100 × 200 cm')).toMatchObject({ why: 'on-request' });
    // Never written in the long list: not available, and no cell to name.
    const unwritten = cellAt('Kakémonos', 10, 'Roll-up 85 × 200 cm premium');
    expect(unwritten).toEqual({ kind: 'not-available', why: 'empty', text: '' });
  });

  it('finds the reseller sheet and reads its eight resellers, with one missing logo reported', async () => {
    const match = findResellerSheet(sheets);
    expect(match).toMatchObject({ sheet: 'Revendeurs', headerRow: 4 });
    const { list, issues } = readResellers(
      sheets.find((s) => s.name === 'Revendeurs')!,
      match!,
      {
        knownLevels: ['Bronze', 'Argent', 'Or'],
        logoFiles: await readdir(LOGOS),
      },
    );
    expect(list.resellers.map((r) => [r.name, r.level, r.rate ?? null, r.locale])).toEqual([
      ["Imprim'Express Lyon", 'Or', null, 'fr-FR'],
      ['Copie Conforme', 'Argent', { kind: 'discount', percent: '12' }, 'fr-FR'],
      ['Le Comptoir Graphique', 'Bronze', null, 'fr-FR'],
      // =1-0.15: the formula's cached value counts.
      ['Print & Go Bruxelles', 'Argent', { kind: 'coefficient', value: '0.85' }, 'fr-BE'],
      ['Studio Mosaïque', 'Or', null, 'fr-FR'],
      ['Atelier Nord Impression', 'Bronze', { kind: 'coefficient', value: '0.92' }, 'fr-FR'],
      ['Bright Print Ltd', 'Argent', null, 'en-GB'],
      ['Papeterie Durand', 'Bronze', { kind: 'discount', percent: '7.5' }, 'fr-FR'],
    ]);
    expect(list.resellers.filter((r) => r.password).map((r) => r.name)).toEqual([
      "Imprim'Express Lyon",
      'Print & Go Bruxelles',
      'Bright Print Ltd',
    ]);
    expect(list.resellers.find((r) => r.name === 'Studio Mosaïque')!.logo).toBeUndefined();
    expect(list.resellers.find((r) => r.name === 'Copie Conforme')!.logo).toBe('copie-conforme.png');
    expect(issues.map((i) => [i.code, i.ref])).toEqual([['RESELLER_LOGO_MISSING', 'Revendeurs!F9']]);
  });
  it('holds the settings sheets as the README describes them, for the settings reader', () => {
    const values = (name: string) =>
      sheets.find((s) => s.name === name)!.rows.map((r) => r.cells.map((c) => c.value));
    expect(values('Niveaux').slice(1)).toEqual([
      [
        { kind: 'text', value: 'Bronze' },
        { kind: 'number', value: 0.05, numFmt: '0%' },
      ],
      [
        { kind: 'text', value: 'Argent' },
        { kind: 'number', value: 0.1, numFmt: '0%' },
      ],
      [
        { kind: 'text', value: 'Or' },
        { kind: 'number', value: 0.15, numFmt: '0%' },
      ],
    ]);
    // Every family of the grids has its VAT row, and no other family is listed.
    const vatFamilies = values('Familles')
      .slice(1)
      .map((row) => row[0]);
    const gridFamilies = [...grids.values()].flatMap((g) => g.grid.families.map((f) => f.name));
    expect(vatFamilies).toEqual(gridFamilies.map((value) => ({ kind: 'text', value })));
    const conditions = new Map(
      values('Conditions').map(([key, value]) => [key?.kind === 'text' ? key.value : '', value]),
    );
    expect(conditions.get('Valable du')).toEqual({ kind: 'date', value: '2027-01-01' });
    expect(conditions.get('Arrondi')).toEqual({ kind: 'text', value: 'Au 0,05 € supérieur' });
    expect(conditions.get('Coefficient public')).toEqual({ kind: 'number', value: 1.6 });
  });
});
