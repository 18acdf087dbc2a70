// A build killed (SIGKILL: no handler runs) at random points leaves the output folder with the old
// set or the new set, byte for byte — never a new PDF beside the old tagged text — and what it left
// hidden is finished or removed by the next run. The real command, in a child process.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { settleOutputs } from '../../main/engine/io/output-set.ts';
import { tempDir, writeWorkbook } from '../fixtures/workbooks.ts';

const root = tempDir('catalog-killed-');
const workbook = join(root, 'tarif.xlsx');
const out = join(root, 'out');

/** Six products with an embedded picture each (so Data Merge writes its pictures folder). */
async function version(path: string, label: string, picture: string): Promise<string> {
  const bytes = await readFile(join('samples/images', picture));
  return writeWorkbook(path, (wb) => {
    const ws = wb.addWorksheet('Tarif');
    ws.addRow(['Référence', 'Désignation', 'Prix HT', 'Photo']);
    for (let i = 1; i <= 6; i++) ws.addRow([`REF-${i}`, `Produit ${i} ${label}`, 10 + i, '']);
    for (let i = 1; i <= 6; i++) {
      const id = wb.addImage({ buffer: bytes as unknown as ExcelJS.Buffer, extension: 'jpeg' });
      ws.addImage(id, { tl: { col: 3, row: i }, ext: { width: 40, height: 40 } });
    }
  });
}

type Kill = { ms: number; afterStaging: boolean };

/**
 * Runs `catalog build`, and kills it with SIGKILL `kill.ms` after its start or, with `afterStaging`,
 * after its staging folder appears (the outputs are being written). Says when the staging folder
 * appeared, from the start.
 */
async function build(kill?: Kill): Promise<{ code: number | null; ms: number; staged?: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      'bin/catalog.mjs',
      'build',
      workbook,
      '--out',
      out,
      '--format',
      'pdf,tagged-text,data-merge',
      '--lang',
      'en',
    ],
    {
      // Fixed dates: the same workbook gives the same bytes. From the sources: the code under test.
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CATALOG_FROM_SOURCES: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited = false;
  let staged: number | undefined;
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });
  let timer: NodeJS.Timeout | undefined;
  if (kill && !kill.afterStaging) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
  // Watches the folder for the staging folder (every few ms: the write phase lasts a few hundred).
  while (!exited && staged === undefined) {
    if ((await hidden()).some((entry) => entry.endsWith('.tmp'))) staged = Date.now() - started;
    else await new Promise((done) => setTimeout(done, 3));
  }
  if (kill?.afterStaging && staged !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
  const code = await exit;
  clearTimeout(timer);
  return { code, ms: Date.now() - started, ...(staged !== undefined ? { staged } : {}) };
}

/** Every file under `dir` (hidden ones too) → its SHA-256. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return found;
}

const hidden = async () =>
  (await readdir(out).catch(() => [] as string[])).filter((entry) => entry.startsWith('.'));
const visible = (found: Record<string, string>) =>
  Object.fromEntries(Object.entries(found).filter(([path]) => !path.startsWith('.')));

describe('a build killed at random points', () => {
  it('leaves the old set or the new set exactly, and the next run cleans up', async () => {
    const v1 = await version(join(root, 'v1.xlsx'), 'ancien', 'VIS-4x40.jpg');
    const v2 = await version(join(root, 'v2.xlsx'), 'nouveau', 'CLE-13.jpg');

    await copyFile(v1, workbook);
    expect((await build()).code).toBe(0);
    const oldSet = await hashes(out);
    await cp(out, join(root, 'old-set'), { recursive: true });

    await copyFile(v2, workbook);
    const full = await build();
    expect(full.code).toBe(0);
    const newSet = await hashes(out);
    // Every output (PDF, text, source, each picture) differs: a mix could not pass for either set.
    expect(Object.keys(newSet).sort()).toEqual(Object.keys(oldSet).sort());
    expect(Object.keys(oldSet).length).toBe(9);
    for (const path of Object.keys(oldSet)) expect(newSet[path], path).not.toBe(oldSet[path]);

    // How long the outputs take to write, once the staging folder is there.
    expect(full.staged).toBeDefined();
    const writing = full.ms - full.staged!;
    const kills: Kill[] = [
      ...[0.25, 0.5, 0.8].map((f) => ({ ms: Math.round(full.staged! * f), afterStaging: false })),
      ...[0, 0.1, 0.2, 0.35, 0.5, 0.7].map((f) => ({
        ms: Math.round(writing * f * (0.9 + Math.random() * 0.2)),
        afterStaging: true,
      })),
    ];
    const outcomes: string[] = [];
    for (const kill of kills) {
      await rm(out, { recursive: true, force: true });
      await cp(join(root, 'old-set'), out, { recursive: true });
      const delay = `${kill.ms} ms after ${kill.afterStaging ? 'staging' : 'start'}`;
      const run = await build(kill);
      const left = await hashes(out);
      const journal = (await hidden()).some((entry) => entry.endsWith('.commit'));
      const shown = visible(left);
      // Only inside the microseconds of the final renames can the visible files differ from both
      // sets, and then a committed journal says how to finish.
      if (!journal) expect([oldSet, newSet], `killed ${delay}`).toContainEqual(shown);
      outcomes.push(
        run.code === 0
          ? 'finished'
          : journal
            ? 'committing'
            : (await hidden()).length > 0
              ? 'writing'
              : 'before or after',
      );
      // What the next run does first (the killed process is gone, so its leftovers are stale).
      await settleOutputs(out, (entry) => entry.startsWith('.tarif-'));
      expect([oldSet, newSet], `killed ${delay}, settled`).toContainEqual(await hashes(out));
      expect(await hidden()).toEqual([]);
    }
    // The kills did land while the outputs were being written, not only before or after.
    expect(outcomes, outcomes.join(', ')).toContain('writing');

    // A kill mid-write, then the command again: the new set, nothing hidden left behind.
    await rm(out, { recursive: true, force: true });
    await cp(join(root, 'old-set'), out, { recursive: true });
    await build({ ms: Math.round(writing / 2), afterStaging: true });
    expect((await build()).code).toBe(0);
    expect(await hashes(out)).toEqual(newSet);
  }, 300_000);
});
