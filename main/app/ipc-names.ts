// The IPC channel names the preload and the main process agree on. Plain strings in a module with no
// imports but the contract's channel list, so the sandboxed preload bundle stays free of Node code.
import type { ChannelName } from '../api/channel-names.ts';

export const IPC = {
  cancel: 'catalog:cancel',
  chooseWorkbook: 'catalog:choose-workbook',
  chooseFolder: 'catalog:choose-folder',
  chooseProjectToOpen: 'catalog:choose-project-to-open',
  chooseProjectToSave: 'catalog:choose-project-to-save',
  dropWorkbook: 'catalog:drop-workbook',
  showInFolder: 'catalog:show-in-folder',
  openExternal: 'catalog:open-external',
  /** Main → renderer: a job's progress (JobEvent). */
  progress: 'catalog:progress',
  /** Main → renderer: a native menu's command (MenuCommand). */
  menu: 'catalog:menu',
} as const;

/** The invoke channel of one contract channel. */
export const callChannel = (name: ChannelName) => `catalog:call:${name}` as const;

/** What the app opens: workbooks, and projects saved as `.catalog.json`. */
export {
  PROJECT_SUFFIX,
  WORKBOOK_EXTENSIONS,
  isProjectName as isProjectPath,
  isWorkbookName as isWorkbookPath,
} from '../api/file-kinds.ts';
