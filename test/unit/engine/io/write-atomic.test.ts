import { link, mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCatalogError } from '../../../../main/engine/errors.ts';
import { assertNotSameFile, writeFileAtomic } from '../../../../main/engine/io/write-atomic.ts';

// Lets a test make the final rename fail, the one step that cannot be provoked from outside as
// root (permissions do not stop root).
const failures = vi.hoisted(() => ({ rename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw Object.assign(new Error('simulated rename failure'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-atomic-'));
  failures.rename = false;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tempFiles = async (folder: string): Promise<string[]> =>
  (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes a new file and creates missing parent folders', async () => {
    const target = join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(target, 'bonjour « € »');
    expect(await readFile(target, 'utf8')).toBe('bonjour « € »');
    expect(await tempFiles(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('replaces an existing file with bytes', async () => {
    const target = join(dir, 'out.bin');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('writes through a symlink instead of replacing the link', async () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readFile(link, 'utf8')).toBe('new');
  });

  it('keeps the previous file and removes its temp file when the rename fails', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'previous');
    failures.rename = true;
    const error: unknown = await writeFileAtomic(target, 'next').catch((e: unknown) => e);
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_WRITE_FAILED');
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('fails with a user message when the parent folder is a file, leaving no temp file', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const error: unknown = await writeFileAtomic(join(dir, 'not-a-folder', 'out.txt'), 'data').catch(
      (e: unknown) => e,
    );
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_WRITE_FAILED');
    expect(isCatalogError(error) && error.in('fr')).toContain('Impossible d’écrire');
    expect(await readdir(dir)).toEqual(['not-a-folder']);
  });

  it('leaves a folder in place of the target untouched and cleans its temp file', async () => {
    const target = join(dir, 'out.txt');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
    expect(await readdir(dir)).toEqual(['out.txt']);
  });
});

describe('assertNotSameFile', () => {
  it('refuses the input itself, through another spelling, a symlink or a hard link', async () => {
    const input = join(dir, 'tarif.xlsx');
    await writeFile(input, 'x');
    await symlink(input, join(dir, 'alias.xlsx'));
    await link(input, join(dir, 'hard.xlsx'));

    for (const output of [
      input,
      join(dir, 'sub', '..', 'tarif.xlsx'),
      relative(process.cwd(), input),
      join(dir, 'alias.xlsx'),
      join(dir, 'hard.xlsx'),
    ]) {
      let caught: unknown;
      try {
        assertNotSameFile(input, output);
      } catch (error) {
        caught = error;
      }
      expect(isCatalogError(caught) && caught.code, output).toBe('OUTPUT_IS_INPUT');
      expect(isCatalogError(caught) && caught.in('en')).toContain('must never be modified');
    }
  });

  it('accepts another file, existing or not', async () => {
    const input = join(dir, 'tarif.xlsx');
    await writeFile(input, 'x');
    await writeFile(join(dir, 'other.xlsx'), 'y');
    expect(() => assertNotSameFile(input, join(dir, 'other.xlsx'))).not.toThrow();
    expect(() => assertNotSameFile(input, join(dir, 'tarif-annote.xlsx'))).not.toThrow();
  });
});
