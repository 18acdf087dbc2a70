// The Resellers tests' fake surface: real `gridOpen` and `grid` answers on the print-trade sample,
// a real `gridPreview` page, and the channels' calls recorded for the tests to read.
import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ApiError,
  type CallOptions,
  type ChannelInput,
  type ChannelOutput,
  type Surface,
} from '../../../renderer/api/transport.ts';
import { NEW_GRID, type AppState } from '../../../renderer/state/project.ts';
import { FIXTURES, fixture, stateOn } from '../preview/mount-step.tsx';

export const GRID_FILE = '/samples/imprimerie-revendeurs-2027.xlsx';
export const GRID_OPEN = fixture<ChannelOutput<'gridOpen'>>('grid-open-imprimerie.json');
export const GRID_BUILT = fixture<ChannelOutput<'grid'>>('grid-build-imprimerie.json');
export const GRID_PAGE = new Uint8Array(readFileSync(resolve(FIXTURES, 'grid-preview-page-1.pdf')));

/** What the service says of a workbook without price grids. */
export const NOT_A_GRID = new ApiError({
  code: 'GRID_NOT_FOUND',
  message: { fr: 'Aucune grille de prix', en: 'No price grid' },
});

type Answers = {
  grid?: (request: ChannelInput<'grid'>, options: CallOptions) => Promise<unknown>;
};

export function gridSurface(answers: Answers = {}) {
  const call = vi.fn(async (channel: string, request: unknown, options: CallOptions = {}) => {
    if (channel === 'gridOpen') {
      const { file } = request as ChannelInput<'gridOpen'>;
      if (file === GRID_FILE) return GRID_OPEN;
      throw NOT_A_GRID;
    }
    if (channel === 'gridPreview')
      return { pdf: GRID_PAGE, pages: 3, from: (request as { from: number }).from, to: 1, issues: [] };
    if (channel === 'grid' && answers.grid) return answers.grid(request as ChannelInput<'grid'>, options);
    throw new Error(`unexpected ${channel}`);
  });
  const surface = {
    api: { call },
    shell: {
      mode: 'browser',
      receiveFile: async () => undefined,
      onMenu: () => () => undefined,
      choosePath: vi.fn(async (path: string) => path),
      defaultOutputs: async () => '/out',
      downloadUrl: (path: string) => `/api/download?path=${encodeURIComponent(path)}`,
    },
  } as unknown as Surface;
  return { surface, call };
}

export const callsTo = <C extends string>(call: ReturnType<typeof gridSurface>['call'], channel: C) =>
  call.mock.calls.filter(([c]) => c === channel).map(([, r]) => r);

/** The sample in the price-grid flow, on the Resellers step, its grids already read. */
export function onResellers(): AppState {
  const base = stateOn('open', { file: GRID_FILE, grid: NEW_GRID });
  return { ...base, step: 'resellers', reached: 'resellers', gridOpened: GRID_OPEN };
}
