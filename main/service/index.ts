// The service: the product's use cases, each a function of a plain request (main/api/contract.ts).
// Every surface — the CLI, and next the desktop app and browser mode — goes through here.
export {
  inspectSource,
  openSource,
  validateSource,
  type Hooks,
  type Inspected,
  type Opened,
  type Validated,
} from './open-source.ts';
export { buildCatalog, writeOutputs, type BuildResult, type OutputsRequest } from './build-catalog.ts';
export { listTemplates } from './templates.ts';
export { moneySettings } from './money-settings.ts';
export { BUNDLED_FONTS } from './font-provider.ts';
export { call, handlers, openedWorkbook, type CallResult } from './handlers.ts';
export { annotateSource } from './annotate-source.ts';
export { columnSamples, saveMappingProfile } from './display.ts';
export { keepWorkerWarm, runJob, type JobOptions } from './run-job.ts';
export { JOB_NAMES, type JobName, type JobRequestInput, type JobResult } from './jobs.ts';
export { planSource, previewSource, type Planned } from './plan-catalog.ts';
export { ChosenPaths, isInside, type PathKind } from './chosen-paths.ts';
export { configDir } from './config-dir.ts';
export { allowAnswerPaths, pathsInAnswer } from './project-paths.ts';
export {
  JOB_ID,
  isJobChannel,
  isTrackedChannel,
  jobInProgress,
  surfaceCall,
  type Runners,
  type SurfaceOutcome,
} from './surface-call.ts';
export { withProjectSuffix } from './project-files.ts';
export { mimeType } from './mime-types.ts';
export { PAGE_CSP } from './content-policy.ts';
export { buildPriceGrids } from './price-grids/build-price-grids.ts';
export { openPriceGrids } from './price-grids/open-price-grids.ts';
export { previewPriceGrid } from './price-grids/preview-price-grid.ts';
