// The two channels the Checks screen needs beyond validate: the annotated copy of the workbook,
// written into a folder and never over the workbook, and the workbook's size and time on disk, so
// the screen notices it was saved again in Excel.
import ExcelJS from 'exceljs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, JOB_CHANNELS } from '../../../main/api/channel-names.ts';
import { call } from '../../../main/service/index.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'checks-channels-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the annotate channel', () => {
  it('writes the annotated copy into the folder, named after the workbook, in the language asked', async () => {
    const out = join(work, 'out');
    const result = await call('annotate', { file: FRENCH, out, lang: 'en' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.file).toBe(join(out, 'quincaillerie-tarif-2026.annotated.xlsx'));
    // Atomic: nothing but the copy is left in the folder (no temporary file).
    expect(await readdir(out)).toEqual(['quincaillerie-tarif-2026.annotated.xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.value.file);
    expect(workbook.worksheets[0]!.name).toBe('Issues');
    expect(workbook.getWorksheet('Tarif 2026')!.getCell('G11').note).toBeDefined();
  });

  it('writes beside the workbook when that is the folder given, leaving the workbook as it was', async () => {
    const file = join(work, 'tarif.xlsx');
    await copyFile(FRENCH, file);
    const before = await readFile(file);
    const result = await call('annotate', { file, out: work, lang: 'fr' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.file).toBe(join(work, 'tarif.annotated.xlsx'));
    expect(await readFile(file)).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.value.file);
    expect(workbook.worksheets[0]!.name).toBe('Problèmes');
  });

  it('refuses a request without a folder or a language, naming the field', async () => {
    const noOut = await call('annotate', { file: FRENCH, lang: 'fr' });
    expect(noOut).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', field: 'out' } });
    const noLang = await call('annotate', { file: FRENCH, out: work });
    expect(noLang).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', field: 'lang' } });
  });

  it('is a channel of the preload list, answered in-process rather than as a job', () => {
    expect(CHANNEL_NAMES).toContain('annotate');
    expect(CHANNEL_NAMES).toContain('fileStatus');
    expect(JOB_CHANNELS as readonly string[]).not.toContain('annotate');
    expect(JOB_CHANNELS as readonly string[]).not.toContain('fileStatus');
  });
});

describe('the fileStatus channel', () => {
  it('gives the size and time of the file, and a new time once it is saved again', async () => {
    const file = join(work, 'watched.csv');
    await writeFile(file, 'Réf.;Prix\nA-1;2,50\n');
    const first = await call('fileStatus', { file });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const info = await stat(file);
    expect(first.value).toEqual({ mtimeMs: info.mtimeMs, size: info.size });

    const later = new Date(info.mtimeMs + 5000);
    await utimes(file, later, later);
    const second = await call('fileStatus', { file });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    // Float milliseconds from nanoseconds: the same instant to within a millisecond.
    expect(second.value.mtimeMs).toBeCloseTo(later.getTime(), -1);
    expect(second.value.mtimeMs).not.toBe(first.value.mtimeMs);
    expect(second.value.size).toBe(info.size);
  });

  it('answers FILE_NOT_FOUND for a file that is gone, or a folder', async () => {
    for (const file of [join(work, 'gone.xlsx'), work]) {
      const result = await call('fileStatus', { file });
      expect(result).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', field: 'file' } });
    }
  });
});
