// The desktop menus' commands that are not about projects (project-bar.tsx handles those): open a
// workbook (the native dialog, or a file given on the command line or by the Finder), and the language.
import { useEffect } from 'react';
import { useOpenWorkbook } from '../steps/open/use-open-workbook.ts';
import { useApp } from './app-context.tsx';

export function useMenuCommands() {
  const { shell, setLang, state, dispatch } = useApp();
  const opener = useOpenWorkbook();
  const { open } = opener;
  useEffect(
    () =>
      shell.onMenu((command) => {
        if (command.command === 'language') setLang(command.lang);
        else if (command.command === 'open' || command.command === 'open-workbook') {
          void (async () => {
            const file = command.command === 'open' ? await shell.chooseWorkbook?.() : command.path;
            if (!file) return;
            // A new workbook starts from its own headers: the last one's header row and mapping go.
            const opened = await open({ file, headerRow: undefined, dropFields: true }, 'sheet');
            if (!opened && state.step !== 'open') dispatch({ type: 'go', step: 'open' });
          })();
        }
      }),
    [shell, setLang, open, state.step, dispatch],
  );
  return opener;
}
