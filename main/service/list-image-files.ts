// The pictures of an images folder, subfolders included (`laiton/bouchon.png`): designers file
// photos by family. Bounded in depth and count, so pointing at a home folder by mistake stays quick.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isImageFile } from '../engine/validate/find-image.ts';

/** Subfolder levels below the images folder that are read. */
export const MAX_DEPTH = 4;
/** Pictures listed at most; a catalog folder holds far fewer. */
export const MAX_FILES = 50_000;

/**
 * Paths relative to `dir` with `/` between folders, shallow ones first, each folder's entries in
 * name order. Hidden entries (`.DS_Store`, `.thumbnails/`) and symbolic links to folders are skipped;
 * an unreadable subfolder is skipped, not fatal.
 */
export async function listImageFiles(
  dir: string,
  limits: { depth?: number; files?: number } = {},
): Promise<string[]> {
  const maxDepth = limits.depth ?? MAX_DEPTH;
  const maxFiles = limits.files ?? MAX_FILES;
  const files: string[] = [];
  let level: string[] = [''];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const relative of level) {
      let entries: Dirent[];
      try {
        entries = await readdir(join(dir, relative), { withFileTypes: true });
      } catch (error) {
        // The folder itself must be readable; a locked subfolder only loses its pictures.
        if (depth === 0) throw error;
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) next.push(path);
        else if (isImageFile(entry.name)) {
          files.push(path);
          if (files.length >= maxFiles) return files;
        }
      }
    }
    level = next;
  }
  return files;
}
