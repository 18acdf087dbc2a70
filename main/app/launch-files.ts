// A file the app was asked to open by the system: on the command line (Windows, Linux, a second
// instance's argv) or by macOS's 'open-file' event. Only workbooks and projects count; the rest of
// argv (Electron's own switches, the app path) is ignored.
import { isProjectPath, isWorkbookPath } from './ipc-names.ts';

export type LaunchFile = { kind: 'workbook' | 'project'; path: string };

export function launchFile(path: string): LaunchFile | undefined {
  if (path.startsWith('-')) return undefined;
  if (isProjectPath(path)) return { kind: 'project', path };
  if (isWorkbookPath(path)) return { kind: 'workbook', path };
  return undefined;
}

/** The last workbook or project named on a command line. */
export function launchFileFromArgv(argv: readonly string[]): LaunchFile | undefined {
  return argv
    .map(launchFile)
    .filter((f): f is LaunchFile => f !== undefined)
    .at(-1);
}
