// The app's state as plain data, changed only by the pure `reduce` below: what the user decided (the
// project, saved as `.catalog.json`) apart from what the contract answered (the session), so saving
// a project never saves an answer, and re-opening next month's file keeps every decision.
import type { ChannelOutput } from '../api/transport.ts';
import type { FieldMappingInput, Format, LayoutSettings, MoneyRequest } from '../../main/api/index.ts';

const CATALOG_STEPS = ['open', 'sheet', 'mapping', 'checks', 'layout', 'preview', 'export'] as const;
/** A workbook of price grids (issue 9) takes its own, shorter flow: one list per reseller. */
const GRID_FLOW = ['open', 'resellers'] as const;
export type StepId = (typeof CATALOG_STEPS)[number] | (typeof GRID_FLOW)[number];
/** The catalog's flow. */
export const STEPS: readonly StepId[] = CATALOG_STEPS;
export const GRID_STEPS: readonly StepId[] = GRID_FLOW;

/** The steps of the project's flow: the price-grid one once the user chose it for this workbook. */
export const stepsOf = (project: Project): readonly StepId[] => (project.grid ? GRID_STEPS : STEPS);

export type GridOutput = 'print' | 'screen' | 'tagged-text';

/** The price-grid flow's decisions (main/api/project.ts ProjectGrid); a password is never among them. */
export type GridSettings = {
  /** A sheet of the workbook or a separate file; found by its headers when absent. */
  resellers?: string;
  whiteLabel?: boolean;
  outputs: GridOutput[];
  encrypt: boolean;
  /** Folder the lists are written to. */
  out?: string;
  /** Only these resellers; all when absent. */
  only?: string[];
};

export const NEW_GRID: GridSettings = { outputs: ['print', 'screen', 'tagged-text'], encrypt: true };

export type OutputSettings = {
  /** Folder the files are written to. */
  out?: string;
  formats: Format[];
  mode: 'print' | 'screen';
  bleed?: number;
  marks?: boolean;
  title?: string;
  textVariant: 'win' | 'mac';
  /** The print PDF's printing condition (`FOGRA39`…); none named when absent. */
  press?: string;
  /** A price list's validity (ISO dates), printed by a template's terms; never filled in for the user. */
  validFrom?: string;
  validUntil?: string;
};

/** What the user decided: everything a `.catalog.json` keeps. */
export type Project = {
  file?: string;
  sheet?: string;
  /** The header row the user picked; detected when absent. */
  headerRow?: number;
  template: string;
  /** The user's mapping, field by field; the suggested one when absent. */
  fields?: Record<string, FieldMappingInput>;
  money: MoneyRequest;
  images?: string;
  layout: LayoutSettings;
  output: OutputSettings;
  /** Present when the project makes reseller price lists rather than a catalog. */
  grid?: GridSettings;
};

export const NEW_PROJECT: Project = {
  template: 'product-grid',
  money: {},
  layout: {},
  output: { formats: ['pdf'], mode: 'print', textVariant: 'win' },
};

export type AppState = {
  step: StepId;
  /** The furthest step reached: every step up to it is clickable in the stepper. */
  reached: StepId;
  project: Project;
  /** Where the project was last saved or opened from. */
  projectPath?: string;
  /** Changed since it was last saved. */
  dirty: boolean;
  opened?: ChannelOutput<'open'>;
  validation?: ChannelOutput<'validate'>;
  plan?: ChannelOutput<'plan'>;
  /** A row the user asked to see (from a preview page or an issue): the Checks grid scrolls to it. */
  focusRow?: number;
  /** A sheet row whose page the user asked to see (from Checks): the Preview finds it in its plan. */
  showRow?: number;
  /** The `gridOpen` answer for the project's workbook, when it holds price grids. */
  gridOpened?: ChannelOutput<'gridOpen'>;
};

export const initialState = (project: Project = NEW_PROJECT): AppState => ({
  step: 'open',
  reached: 'open',
  project,
  dirty: false,
});

export type Action =
  | { type: 'go'; step: StepId }
  | { type: 'opened'; opened: ChannelOutput<'open'>; project: Partial<Project> }
  | { type: 'source'; change: Pick<Partial<Project>, 'sheet' | 'headerRow'> }
  | { type: 'fields'; fields: Project['fields'] }
  | { type: 'template'; template: string }
  | { type: 'money'; money: MoneyRequest }
  | { type: 'validated'; validation: ChannelOutput<'validate'> }
  | { type: 'layout'; layout: LayoutSettings }
  | { type: 'planned'; plan: ChannelOutput<'plan'> }
  | { type: 'output'; output: Partial<OutputSettings> }
  | { type: 'load'; project: Project; path?: string; unsaved?: boolean }
  | { type: 'saved'; path: string }
  | { type: 'focus-row'; row?: number }
  | { type: 'show-row'; row?: number }
  | { type: 'grid-opened'; gridOpened?: ChannelOutput<'gridOpen'> }
  /** Into the price-grid flow (its settings) or back to the catalog one (undefined). */
  | { type: 'grid-mode'; grid?: GridSettings }
  | { type: 'grid'; grid: Partial<GridSettings> };

const further = (steps: readonly StepId[], a: StepId, b: StepId): StepId =>
  steps.indexOf(a) >= steps.indexOf(b) ? a : b;

/** Every change of decision makes the project dirty and drops the answers it invalidates. */
export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'go': {
      // Only reached steps (and the one right after) of the project's flow can be entered.
      const steps = stepsOf(state.project);
      const at = steps.indexOf(action.step);
      if (at < 0 || at > steps.indexOf(state.reached) + 1) return state;
      return { ...state, step: action.step, reached: further(steps, state.reached, action.step) };
    }
    case 'opened': {
      const { validation: _v, plan: _p, ...base } = state;
      // Another workbook: what was found of the last one's price grids is not about this one.
      const other = action.project.file !== undefined && action.project.file !== state.project.file;
      const rest = other ? withoutGrid(base) : base;
      // Re-reading the same decisions (a reload after the file changed on disk) changes no decision.
      const changed = Object.entries(action.project).some(
        ([key, value]) => JSON.stringify(state.project[key as keyof Project]) !== JSON.stringify(value),
      );
      return {
        ...rest,
        opened: action.opened,
        project: { ...rest.project, ...action.project },
        dirty: state.dirty || changed,
      };
    }
    case 'source': {
      const { opened: _o, validation: _v, plan: _p, ...rest } = state;
      return { ...rest, project: { ...state.project, ...action.change }, dirty: true };
    }
    case 'fields': {
      const { validation: _v, plan: _p, ...rest } = state;
      const { fields: _f, ...project } = state.project;
      return {
        ...rest,
        project: action.fields ? { ...project, fields: action.fields } : project,
        dirty: true,
      };
    }
    case 'template': {
      const { opened: _o, validation: _v, plan: _p, ...rest } = state;
      const { fields: _f, ...project } = state.project;
      return { ...rest, project: { ...project, template: action.template }, dirty: true };
    }
    case 'money': {
      const { validation: _v, plan: _p, ...rest } = state;
      return { ...rest, project: { ...state.project, money: action.money }, dirty: true };
    }
    case 'validated':
      return { ...state, validation: action.validation };
    case 'layout': {
      const { plan: _p, ...rest } = state;
      return { ...rest, project: { ...state.project, layout: action.layout }, dirty: true };
    }
    case 'planned':
      return { ...state, plan: action.plan };
    case 'output':
      return {
        ...state,
        project: { ...state.project, output: { ...state.project.output, ...action.output } },
        dirty: true,
      };
    case 'load': {
      const loaded = { ...initialState(action.project), dirty: action.unsaved === true };
      return action.path ? { ...loaded, projectPath: action.path } : loaded;
    }
    case 'saved':
      return { ...state, projectPath: action.path, dirty: false };
    case 'focus-row':
      return action.row === undefined
        ? { ...state, focusRow: undefined }
        : { ...state, focusRow: action.row };
    case 'show-row': {
      const { showRow: _r, ...rest } = state;
      return action.row === undefined ? rest : { ...rest, showRow: action.row };
    }
    case 'grid-opened': {
      const { gridOpened: _g, ...rest } = state;
      return action.gridOpened ? { ...rest, gridOpened: action.gridOpened } : rest;
    }
    case 'grid-mode': {
      const { grid: _g, ...project } = state.project;
      // Each flow starts again from its first step after Open.
      return action.grid
        ? {
            ...state,
            project: { ...project, grid: action.grid },
            step: 'resellers',
            reached: 'resellers',
            dirty: true,
          }
        : { ...state, project, step: 'open', reached: 'open', dirty: true };
    }
    case 'grid': {
      if (!state.project.grid) return state;
      const grid = { ...state.project.grid, ...action.grid };
      // `only: undefined` means every reseller again.
      if ('only' in action.grid && action.grid.only === undefined) delete grid.only;
      return { ...state, project: { ...state.project, grid }, dirty: true };
    }
  }
}

/** The state without the last workbook's price-grid answer and flow. */
function withoutGrid(state: AppState): AppState {
  const { gridOpened: _g, ...rest } = state;
  const { grid: _p, ...project } = state.project;
  return { ...rest, project };
}
