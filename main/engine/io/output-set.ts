// All the files of one build replaced together. POSIX renames one name at a time: no call swaps a
// PDF, a tagged text and a Data Merge folder at once, so "together" is made of a journal:
//
// 1. Every output is written into a hidden staging folder beside the targets (same folder, hence
//    same file system: renames, never copies), `.<stem>.<12 hex>.tmp/new/<final name>`, each file
//    fsynced (write-atomic.ts). A kill here leaves the old set untouched and that folder, which the
//    next run removes (rollback).
// 2. The list of names (manifest.json) is written and fsynced, then the folder is renamed to
//    `.<stem>.<hex>.commit`: that single atomic rename is the commit point.
// 3. For each name, the old target is moved into the folder's `old/` and the new one into place;
//    then the folder is removed. A kill during these renames (a few microseconds for a catalog's
//    three outputs) leaves a committed journal: the next run into that folder completes it before
//    anything else (roll forward), so what the user and our tools read is the whole old set or the
//    whole new set, never a mix. A rename refused now (a file held open in Excel on Windows) puts
//    back the old files moved so far and reports the locked file: the old set stays.
//
// A staging folder's name carries the id of the process writing it (`.<stem>~<pid>.<hex>.tmp`), so no
// instant exists where it could be mistaken for an abandoned one: another build running into the same
// folder is left alone; one whose process is gone (or older than a day, in case its id was reused) is
// ours to finish or remove.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CatalogError } from '../errors.ts';
import { syncDirectory, writeFileAtomic } from './write-atomic.ts';

export type OutputSet = {
  /** Where to write the output that will be `<dir>/<name>` once committed (a file or a folder). */
  path(name: string): string;
  /**
   * A folder for a build's working files (pages waiting to be drawn): inside the staging folder, so
   * whatever a killed build leaves there goes with it on the next run. Never moved into place.
   */
  scratch: string;
  /** Moves every output written into place, together; returns their final paths. */
  commit(): Promise<string[]>;
  /** Drops what was written; the previous outputs stay as they were. */
  abort(): Promise<void>;
};

type Manifest = { names: string[] };

/** Our staging folders: `.<stem>~<pid>.<12 hex>.tmp` (being written) or `.commit` (committed). */
const STAGING = /^\..+~(\d+)\.[0-9a-f]{12}\.(tmp|commit)$/;
/** What write-atomic.ts (`.<name>.<hex>.tmp`) and older versions (`.…-images.<hex>.old`) left. */
const LEFTOVER = /^\..+\.[0-9a-f]{12}\.(tmp|old)$/;
/** A staging folder older than this is stale even if a process with its id runs (ids are reused). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Opens a staging folder for the outputs of one build named `<stem>…` in `dir` (created if needed),
 * after finishing or removing what earlier runs of `stem` left there (see settleOutputs).
 */
export async function openOutputSet(dir: string, stem: string): Promise<OutputSet> {
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  await settleOutputs(out, (entry) => ['.', '~', '-'].some((next) => entry.startsWith(`.${stem}${next}`)));
  const prefix = `.${stem}~${process.pid}.${randomBytes(6).toString('hex')}`;
  const staging = join(out, `${prefix}.tmp`);
  await mkdir(join(staging, 'new'), { recursive: true });
  const names = new Set<string>();
  let done = false;
  return {
    scratch: staging,
    path(name) {
      if (!name || /[\\/]/.test(name) || name === '.' || name === '..')
        throw new Error(`"${name}" is not a file name`);
      names.add(name);
      return join(staging, 'new', name);
    },
    async commit() {
      if (done) throw new Error('output set already committed or aborted');
      done = true;
      try {
        // Only what was actually written: a format that wrote nothing adds nothing.
        const written = new Set(await readdir(join(staging, 'new')));
        const manifest: Manifest = { names: [...names].filter((name) => written.has(name)) };
        await writeFileAtomic(join(staging, 'manifest.json'), JSON.stringify(manifest));
      } catch (error) {
        await rm(staging, { recursive: true, force: true }).catch(() => undefined);
        throw error;
      }
      const committed = join(out, `${prefix}.commit`);
      await rename(staging, committed);
      await syncDirectory(out);
      return applyCommit(out, committed, { rollbackOnError: true });
    },
    async abort() {
      done = true;
      // Once committed the staging folder is gone: only an unfinished one is removed.
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * What earlier runs left in `dir` among the hidden entries `mine` accepts: committed journals are
 * completed (the new set goes in), unfinished staging folders and write-atomic.ts's temp files are
 * removed. A staging folder of a build still running (another process, or another job of this one)
 * is left alone, unless `force` (the caller knows its writer is dead: a job thread it ended).
 */
export async function settleOutputs(
  dir: string,
  mine: (entry: string) => boolean,
  options: { force?: boolean } = {},
): Promise<void> {
  const out = resolve(dir);
  const entries = await readdir(out).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!mine(entry)) continue;
    const path = join(out, entry);
    const staging = STAGING.exec(entry);
    if (!staging) {
      if (LEFTOVER.test(entry)) await rm(path, { recursive: true, force: true }).catch(() => undefined);
      continue;
    }
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    if (!options.force && running(Number(staging[1]), info.birthtimeMs || info.mtimeMs)) continue;
    if (staging[2] === 'commit')
      await applyCommit(out, path, { rollbackOnError: false }).catch(() => undefined);
    else await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

function running(pid: number, created: number): boolean {
  if (Date.now() - created > STALE_MS) return false;
  // This process's own are live (another job of the app); a stopped job thread's are removed by
  // the caller with `force`.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a committed journal's files into place. Idempotent: a name whose new file is no longer in
 * the journal was moved already; a target already set aside in `old/` is not set aside again. With
 * `rollbackOnError` (the build itself, which can still report), a refused rename puts back the old
 * files and the journal is dropped; otherwise (finishing a killed build) it rolls forward.
 */
async function applyCommit(
  out: string,
  committed: string,
  { rollbackOnError }: { rollbackOnError: boolean },
): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(committed, 'manifest.json'), 'utf8')) as Manifest;
  const names = manifest.names.filter((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..');
  await mkdir(join(committed, 'old'), { recursive: true });
  const targets = new Map<string, string>();
  for (const name of names) targets.set(name, await destination(join(out, name)));

  // Set the old files aside first: a locked one is found before any new file is visible.
  const setAside: string[] = [];
  for (const name of names) {
    const fresh = join(committed, 'new', name);
    const old = join(committed, 'old', name);
    if (!(await exists(fresh)) || (await exists(old))) continue;
    const target = targets.get(name)!;
    const previous = await lstat(target).catch(() => undefined);
    if (!previous) continue;
    try {
      // Keep the previous file's permissions, as write-atomic.ts does.
      if (previous.isFile()) await chmodLike(fresh, previous.mode);
      await rename(target, old);
      setAside.push(name);
    } catch (error) {
      if (!rollbackOnError) throw error;
      for (const back of setAside.reverse())
        await rename(join(committed, 'old', back), targets.get(back)!).catch(() => undefined);
      await rm(committed, { recursive: true, force: true }).catch(() => undefined);
      throw lockedError(target, error);
    }
  }
  for (const name of names) {
    const fresh = join(committed, 'new', name);
    if (await exists(fresh)) await moveInto(fresh, targets.get(name)!);
  }
  await syncDirectory(out);
  await rm(committed, { recursive: true, force: true });
  return names.map((name) => join(out, name));
}

// A target that is a link to a file elsewhere (a shared folder): its file is replaced, the link kept.
async function destination(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  return realpath(path).catch(() => path);
}

async function moveInto(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // A link's file on another disk: copied there atomically instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const info = await stat(from);
    if (!info.isFile()) throw error;
    await writeFileAtomic(to, await readFile(from));
    await rm(from, { force: true });
  }
}

async function chmodLike(path: string, mode: number): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.chmod(mode & 0o777);
  } catch {
    // best effort: the content is what matters
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

function lockedError(path: string, cause: unknown): CatalogError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  // As write-atomic.ts: on Windows a file open in another program refuses with EPERM or EACCES.
  if (code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES')))
    return new CatalogError(
      'OUTPUT_LOCKED',
      {
        fr: `Impossible de remplacer ${path} : le fichier est ouvert dans un autre programme. Fermez-le puis réessayez ; les fichiers précédents sont intacts.`,
        en: `Cannot replace ${path}: the file is open in another program. Close it and try again; the previous files are intact.`,
      },
      { cause },
    );
  return new CatalogError(
    'OUTPUT_WRITE_FAILED',
    {
      fr: `Impossible de remplacer ${path}${code ? ` (${code})` : ''}. Les fichiers précédents sont intacts.`,
      en: `Cannot replace ${path}${code ? ` (${code})` : ''}. The previous files are intact.`,
    },
    { cause },
  );
}
