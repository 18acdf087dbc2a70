// The contract's channel names alone, with no schema behind them: what the desktop app's preload
// (a sandboxed script that must stay small and free of Node code) generates its methods from.
// channels.ts checks at compile time that this list and its table name the same channels.
export const CHANNEL_NAMES = [
  'open',
  'validate',
  'plan',
  'preview',
  'build',
  'templates',
  'rows',
  'annotate',
  'fileStatus',
  'saveProject',
  'loadProject',
  'recentProjects',
  'autosave',
  'recover',
  'discardAutosave',
  'rememberMapping',
  'gridOpen',
  'gridPreview',
  'grid',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The long channels: run as jobs (a worker thread) with progress and cancel on every surface. */
export const JOB_CHANNELS = ['validate', 'plan', 'preview', 'build', 'gridPreview', 'grid'] as const;
