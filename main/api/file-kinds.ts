// The files the app opens, by name: workbooks and `.catalog.json` projects. Plain constants with no
// import, so the sandboxed preload, the shell, browser mode and the service read the same list.
export const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'csv'] as const;
export const PROJECT_SUFFIX = '.catalog.json';

export const isWorkbookName = (name: string): boolean =>
  WORKBOOK_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`));

export const isProjectName = (name: string): boolean => name.toLowerCase().endsWith(PROJECT_SUFFIX);
