// The output folder of a build, as the Export and Resellers steps hold it: what the user typed or
// chose (the system's usual place until then), and — when the build starts — a path the surface
// allows: in browser mode a typed path is checked, and created, by the service first.
import { useEffect, useState } from 'react';
import { ApiError, type Shell } from '../api/transport.ts';

export function useOutputFolder(shell: Shell, saved: string | undefined) {
  const [folder, setFolder] = useState(saved ?? '');
  const [folderError, setFolderError] = useState<ApiError>();
  const browser = shell.mode === 'browser';

  useEffect(() => {
    if (folder || !shell.defaultOutputs) return;
    let live = true;
    void shell.defaultOutputs().then((path) => live && path && setFolder((typed) => typed || path));
    return () => {
      live = false;
    };
  }, [shell, folder]);

  /** The destination to build into, or undefined (the error, if any, is in `folderError`). */
  const destination = async (): Promise<string | undefined> => {
    setFolderError(undefined);
    const typed = folder.trim();
    if (!typed) return undefined;
    if (!browser || !shell.choosePath) return typed;
    try {
      return await shell.choosePath(typed, 'folder', true);
    } catch (error) {
      if (error instanceof ApiError) setFolderError(error);
      return undefined;
    }
  };

  return { folder, setFolder, folderError, destination, browser };
}
