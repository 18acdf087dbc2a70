import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCatalogError } from '../../../../main/engine/errors.ts';
import { openOutputSet, settleOutputs, type OutputSet } from '../../../../main/engine/io/output-set.ts';

// Lets a test stop the renames at any step, as a kill would (the step never returns, nothing after
// it runs), or refuse one, as Windows does for a file open in Excel.
const renames = vi.hoisted(() => ({
  left: Infinity,
  refuse: undefined as undefined | ((to: string) => boolean),
  /** Called when a rename hangs: the "kill" has happened. */
  hung: undefined as undefined | (() => void),
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (renames.refuse?.(to)) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      if (renames.left <= 0) {
        renames.hung?.();
        return new Promise<void>(() => undefined);
      }
      renames.left--;
      return actual.rename(from, to);
    },
  };
});

let dir: string;
const STEM = 'tarif-product-grid';
const mine = (entry: string) => entry.startsWith(`.${STEM}`);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'output-set-'));
  renames.left = Infinity;
  renames.refuse = undefined;
});
afterEach(async () => {
  renames.left = Infinity;
  await rm(dir, { recursive: true, force: true });
});

/** Every file under `root` (hidden ones too) → its SHA-256. */
async function hashes(root: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found[path.slice(root.length + 1)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return found;
}

/** One build's outputs: two files and a pictures folder, every byte depending on `version`. */
async function writeVersion(set: OutputSet, version: string): Promise<void> {
  await writeFile(set.path(`${STEM}.pdf`), `%PDF ${version}`);
  await writeFile(set.path(`${STEM}.txt`), `text ${version}`);
  const images = set.path(`${STEM}-datamerge-images`);
  await mkdir(images);
  for (const n of [1, 2]) await writeFile(join(images, `REF-${n}.jpeg`), `picture ${n} ${version}`);
  await writeFile(set.path(`${STEM}-datamerge.csv`), `csv ${version}`);
}

async function build(version: string): Promise<string[]> {
  const set = await openOutputSet(dir, STEM);
  await writeVersion(set, version);
  return set.commit();
}

describe('an output set', () => {
  it('replaces every output at once and returns their final paths, leaving nothing hidden', async () => {
    await build('old');
    const files = await build('new');
    expect(files).toEqual(
      [`${STEM}.pdf`, `${STEM}.txt`, `${STEM}-datamerge-images`, `${STEM}-datamerge.csv`].map((n) =>
        join(dir, n),
      ),
    );
    const found = await hashes(dir);
    expect(Object.keys(found).sort()).toEqual(
      [
        `${STEM}-datamerge-images/REF-1.jpeg`,
        `${STEM}-datamerge-images/REF-2.jpeg`,
        `${STEM}-datamerge.csv`,
        `${STEM}.pdf`,
        `${STEM}.txt`,
      ].sort(),
    );
    expect(await readFile(join(dir, `${STEM}.txt`), 'utf8')).toBe('text new');
    expect(await readFile(join(dir, `${STEM}-datamerge-images/REF-2.jpeg`), 'utf8')).toBe('picture 2 new');
  });

  it('keeps the previous file permissions', async () => {
    await build('old');
    const { chmod } = await import('node:fs/promises');
    await chmod(join(dir, `${STEM}.pdf`), 0o640);
    await build('new');
    expect((await stat(join(dir, `${STEM}.pdf`))).mode & 0o777).toBe(0o640);
  });

  it('aborted, leaves the previous set and no staging folder', async () => {
    await build('old');
    const before = await hashes(dir);
    const set = await openOutputSet(dir, STEM);
    await writeVersion(set, 'new');
    await set.abort();
    expect(await hashes(dir)).toEqual(before);
  });

  it('stopped at any rename — as a kill would — reads as the old set or, once settled, the whole new one', async () => {
    await build('old');
    const oldSet = await hashes(dir);
    // The new set's hashes, then back to the old set for each trial.
    await build('new');
    const newSet = await hashes(dir);
    expect(newSet).not.toEqual(oldSet);
    // 1 commit rename + 4 set aside + 4 moved in (+ the manifest's and files' own renames before).
    for (let step = 0; step < 20; step++) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir);
      await build('old');
      const set = await openOutputSet(dir, STEM);
      await writeVersion(set, 'new');
      renames.left = step;
      // Never settles once a rename hangs: the process is "dead" from there. Past the last rename it
      // completes. Either way nothing of it runs after this wait, however loaded the machine.
      const hung = new Promise<void>((done) => (renames.hung = done));
      await Promise.race([hung, set.commit().catch(() => undefined)]);
      renames.hung = undefined;
      const killed = await hashes(dir);
      const journal = (await readdir(dir)).some((e) => e.endsWith('.commit'));
      // Without a committed journal, the visible files are one set exactly: the old one, or the new
      // one once the journal is gone (the last steps).
      if (!journal) expect([oldSet, newSet], `step ${step}`).toContainEqual(visible(killed));
      if (step < 2) expect(killed, `step ${step}`).toEqual({ ...oldSet, ...staged(killed) });
      renames.left = Infinity;
      // What the next run does first (force: the writer here is this process, known dead).
      await settleOutputs(dir, mine, { force: true });
      const settled = await hashes(dir);
      expect([oldSet, newSet], `step ${step}`).toContainEqual(settled);
      if (journal) expect(settled, `step ${step}`).toEqual(newSet);
    }
  });

  it('refused a rename (a file held open), puts back the old files and says which one is locked', async () => {
    await build('old');
    const before = await hashes(dir);
    const set = await openOutputSet(dir, STEM);
    await writeVersion(set, 'new');
    renames.refuse = (to) => to.includes(`${STEM}-datamerge.csv`) && to.includes('/old/');
    const error = await set.commit().catch((e: unknown) => e);
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_LOCKED');
    expect(await hashes(dir)).toEqual(before);
  });
});

describe('settling what earlier runs left', () => {
  const staging = (pid: number, kind = 'tmp') => join(dir, `.${STEM}~${pid}.0123456789ab.${kind}`);

  it('removes a dead build’s staging folder and write-atomic temps, keeps a live one and other stems', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await mkdir(join(staging(dead), 'new'), { recursive: true });
    await mkdir(join(staging(process.ppid), 'new'), { recursive: true });
    await writeFile(join(dir, `.${STEM}.pdf.a1b2c3d4e5f6.tmp`), 'half a pdf');
    await mkdir(join(dir, `.${STEM}-datamerge-images.a1b2c3d4e5f6.old`));
    await writeFile(join(dir, `.other-product-grid.pdf.a1b2c3d4e5f6.tmp`), 'not ours');
    await writeFile(join(dir, `${STEM}.pdf`), 'the user’s');
    await openOutputSet(dir, STEM).then((set) => set.abort());
    expect((await readdir(dir)).sort()).toEqual(
      [
        `.${STEM}~${process.ppid}.0123456789ab.tmp`,
        `.other-product-grid.pdf.a1b2c3d4e5f6.tmp`,
        `${STEM}.pdf`,
      ].sort(),
    );
  });

  it('completes a dead build’s committed journal: the new set goes in whole', async () => {
    await build('old');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const journal = staging(dead, 'commit');
    await mkdir(join(journal, 'new'), { recursive: true });
    await mkdir(join(journal, 'old'), { recursive: true });
    // Killed after the PDF went in and the text was set aside, before the new text went in.
    await writeFile(join(dir, `${STEM}.pdf`), 'pdf new');
    await rm(join(dir, `${STEM}.txt`));
    await writeFile(join(journal, 'old', `${STEM}.txt`), 'text old');
    await writeFile(join(journal, 'new', `${STEM}.txt`), 'text new');
    await writeFile(
      join(journal, 'manifest.json'),
      JSON.stringify({ names: [`${STEM}.pdf`, `${STEM}.txt`] }),
    );
    await settleOutputs(dir, mine);
    expect(await readFile(join(dir, `${STEM}.pdf`), 'utf8')).toBe('pdf new');
    expect(await readFile(join(dir, `${STEM}.txt`), 'utf8')).toBe('text new');
    expect((await readdir(dir)).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

/** The files inside the staging folder (hidden), as the kill left them. */
const staged = (found: Record<string, string>) =>
  Object.fromEntries(Object.entries(found).filter(([path]) => path.startsWith('.')));

const visible = (found: Record<string, string>) =>
  Object.fromEntries(Object.entries(found).filter(([path]) => !path.startsWith('.')));
