// The price-grid flow in the store: its steps, what entering and leaving it does, what another
// workbook drops, and its settings saved in (and read back from) a project file.
import { describe, expect, it } from 'vitest';
import { ProjectFile } from '../../../main/api/project.ts';
import { fromProjectFile, toProjectFile } from '../../../renderer/state/project-file.ts';
import { initialState, NEW_GRID, reduce, stepsOf, type AppState } from '../../../renderer/state/project.ts';
import { GRID_FILE, GRID_OPEN } from './harness.tsx';

const opened = (): AppState => ({
  ...initialState({ ...initialState().project, file: GRID_FILE }),
  gridOpened: GRID_OPEN,
});

describe('the price-grid flow in the store', () => {
  it('has its own steps, and only those can be entered', () => {
    const inGrid = reduce(opened(), { type: 'grid-mode', grid: NEW_GRID });
    expect(stepsOf(inGrid.project)).toEqual(['open', 'resellers']);
    expect([inGrid.step, inGrid.reached, inGrid.dirty]).toEqual(['resellers', 'resellers', true]);
    expect(reduce(inGrid, { type: 'go', step: 'sheet' })).toBe(inGrid);
    expect(reduce(inGrid, { type: 'go', step: 'open' }).step).toBe('open');
    // The catalog flow has no Resellers step.
    expect(reduce(opened(), { type: 'go', step: 'resellers' }).step).toBe('open');
  });

  it('leaving it goes back to Open with the catalog steps', () => {
    const back = reduce(reduce(opened(), { type: 'grid-mode', grid: NEW_GRID }), { type: 'grid-mode' });
    expect(back.project.grid).toBeUndefined();
    expect(stepsOf(back.project)).toHaveLength(7);
    expect([back.step, back.reached]).toEqual(['open', 'open']);
  });

  it('changes settings only in the flow, and "all resellers" drops the list', () => {
    expect(reduce(opened(), { type: 'grid', grid: { encrypt: false } }).project.grid).toBeUndefined();
    const inGrid = reduce(opened(), { type: 'grid-mode', grid: NEW_GRID });
    const some = reduce(inGrid, { type: 'grid', grid: { only: ['Copie Conforme'], whiteLabel: true } });
    expect(some.project.grid).toEqual({ ...NEW_GRID, only: ['Copie Conforme'], whiteLabel: true });
    expect(reduce(some, { type: 'grid', grid: { only: undefined } }).project.grid).not.toHaveProperty('only');
  });

  it('another workbook drops the grids found and the flow', () => {
    const inGrid = reduce(opened(), { type: 'grid-mode', grid: NEW_GRID });
    const other = reduce(inGrid, {
      type: 'opened',
      opened: {} as never,
      project: { file: '/samples/quincaillerie-tarif-2026.xlsx' },
    });
    expect(other.gridOpened).toBeUndefined();
    expect(other.project.grid).toBeUndefined();
    // The same workbook again keeps both.
    const same = reduce(inGrid, { type: 'opened', opened: {} as never, project: { file: GRID_FILE } });
    expect(same.gridOpened).toBe(GRID_OPEN);
    expect(same.project.grid).toEqual(NEW_GRID);
  });

  it('is saved in the project file, and a project without it still loads', () => {
    const project = { ...opened().project, grid: { ...NEW_GRID, out: '/out', only: ['Copie Conforme'] } };
    const saved = ProjectFile.parse(toProjectFile(project));
    expect(fromProjectFile(saved).grid).toEqual(project.grid);
    const old = ProjectFile.parse(toProjectFile(opened().project));
    expect(old).not.toHaveProperty('grid');
    // A password is refused, never kept.
    expect(() => ProjectFile.parse({ ...saved, grid: { ...saved.grid, password: 'x' } })).toThrow();
  });
});
