// Every file the engine produces is written through here so that a crash, a full disk or a file
// held open by Excel never leaves the user with half a workbook in place of the previous one.
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CatalogError } from '../errors.ts';

/**
 * Write `data` to `path` so that readers see either the previous file or the complete new one:
 * write a hidden temp file beside the target (same directory, hence same file system, so the
 * rename is atomic), fsync it, then rename it over the target. Creates the parent directory.
 * On failure the temp file is removed, the previous target is untouched and a `CatalogError`
 * (`OUTPUT_LOCKED` or `OUTPUT_WRITE_FAILED`, original error as `cause`) is thrown — or the
 * `CatalogError` that iterable `data` itself threw (CANCELLED).
 */
export async function writeFileAtomic(
  path: string,
  /** Or the bytes piece by piece, each written before the next is asked for (a file too big to hold). */
  data: Uint8Array | string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<void> {
  let target = resolve(path);
  let tmp: string | undefined;
  let handle: FileHandle | undefined;
  try {
    await mkdir(dirname(target), { recursive: true });
    // Write through a symlink rather than replacing the link itself with a plain file.
    const previous = await statIfExists(target);
    if (previous) target = await realpath(target);
    tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    // `wx`: never follow or reuse something already sitting at the temp name.
    handle = await open(tmp, 'wx', previous ? previous.mode & 0o777 : 0o666);
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else
      for await (const piece of data)
        for (let at = 0; at < piece.byteLength;) at += (await handle.write(piece, at)).bytesWritten;
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, target);
    tmp = undefined;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (tmp !== undefined) await rm(tmp, { force: true }).catch(() => undefined);
    // Pieces given as they are made may stop with the maker's own error (a cancel): said as it is.
    if (error instanceof CatalogError) throw error;
    throw writeError(path, error);
  }
  await syncDirectory(dirname(target));
}

/**
 * Refuse an output that is the input file itself (same path, a symlink to it, a hard link, or a
 * different spelling on a case-insensitive disk): the source workbook must never be modified.
 */
export function assertNotSameFile(input: string, output: string): void {
  if (!isSameFile(input, output)) return;
  throw new CatalogError('OUTPUT_IS_INPUT', {
    fr: `Le fichier de sortie est le classeur source (${output}) : choisissez un autre nom, l’original ne doit jamais être modifié.`,
    en: `The output file is the source workbook (${output}): choose another name, the original must never be modified.`,
  });
}

function isSameFile(input: string, output: string): boolean {
  const a = statSyncIfExists(input);
  const b = statSyncIfExists(output);
  // Same inode catches hard links and case variants that a path comparison misses. Some file
  // systems report ino 0, so that case falls through to the path comparison.
  if (a && b && a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
  return canonical(input) === canonical(output);
}

function canonical(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function statSyncIfExists(path: string): { dev: bigint; ino: bigint } | undefined {
  try {
    // bigint: on Windows file ids exceed 2^53 and would compare equal after rounding.
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

// On Windows a rename over a file that an antivirus or indexer has just opened fails for a
// moment with EPERM/EBUSY; a file the user keeps open in Excel fails for good, and is reported.
async function renameWithRetry(from: string, to: string): Promise<void> {
  const transient = process.platform === 'win32' ? ['EPERM', 'EBUSY', 'EACCES'] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= 5 || !transient.includes(errorCode(error) ?? '')) throw error;
      await new Promise((done) => setTimeout(done, 50 * (attempt + 1)));
    }
  }
}

// Makes the rename itself durable on POSIX; directories cannot be opened for sync on Windows,
// and the data is already safe in the file, so a failure here is not the user's problem.
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A failed write in the user's words: the file open elsewhere (Excel), or why it could not be written. */
export function writeError(path: string, cause: unknown): CatalogError {
  const code = errorCode(cause);
  if (code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES'))) {
    return new CatalogError(
      'OUTPUT_LOCKED',
      {
        fr: `Impossible d’écrire ${path} : le fichier est ouvert dans un autre programme (Excel ?). Fermez-le puis réessayez.`,
        en: `Cannot write ${path}: the file is open in another program (Excel?). Close it and try again.`,
      },
      { cause },
    );
  }
  const reason = code ? ` (${code})` : '';
  return new CatalogError(
    'OUTPUT_WRITE_FAILED',
    {
      fr: `Impossible d’écrire ${path}${reason}. Le fichier précédent, s’il existait, est intact.`,
      en: `Cannot write ${path}${reason}. The previous file, if any, is intact.`,
    },
    { cause },
  );
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
