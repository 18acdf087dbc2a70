import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { DEFAULT_LIMITS } from '../../../../main/engine/import/limits.ts';
import { makeReadContext } from '../../../../main/engine/import/read-context.ts';
import { readXlsxFull } from '../../../../main/engine/import/read-xlsx-full.ts';
import { rejection } from '../../../fixtures/catalog-error.ts';
import { tempDir, writeWorkbook } from '../../../fixtures/workbooks.ts';
import {
  afterSheetData,
  partsOf,
  products,
  text,
  WHOLE_SHEET_VALIDATION,
  writeParts,
} from './odd-packages.ts';
import { heartbeatOf } from './slow-parse.ts';

const dir = tempDir();
const here = (name: string) => new URL(`./${name}`, import.meta.url);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 300 products, and a list validation over the whole sheet, as templates carry. */
async function wholeSheetValidation(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  products(wb, 300);
  const parts = await partsOf(wb);
  parts.set(
    'xl/worksheets/sheet1.xml',
    afterSheetData(text(parts, 'xl/worksheets/sheet1.xml'), WHOLE_SHEET_VALIDATION),
  );
  return writeParts(join(dir, name), parts);
}

describe('ranges exceljs would expand cell by cell', () => {
  it('reads a workbook with a whole-sheet data validation in under 5 s and 300 MB (measured in a child process)', async () => {
    const path = await wholeSheetValidation('validation.xlsx');
    // Before the fix this import ran past two minutes at 1.3 GB: the child is killed long before that.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(here('measure-import.ts')), path, 'full'],
      { cwd: root, timeout: 25_000 },
    );
    const measured = JSON.parse(stdout) as {
      ms: number;
      maxRssMb: number;
      mode: string;
      sheets: unknown;
      rows: number;
      last: unknown;
    };
    expect(measured.mode).toBe('full');
    expect(measured.sheets).toEqual([{ name: 'Produits', state: 'visible', rowCount: 301 }]);
    expect(measured.rows).toBe(300);
    expect(measured.last).toEqual([
      { kind: 'text', value: 'REF-300' },
      { kind: 'text', value: 'Produit 300' },
      { kind: 'number', value: 300.5 },
      { kind: 'text', value: 'Oui' },
    ]);
    expect(measured.ms).toBeLessThan(5000);
    expect(measured.maxRssMb).toBeLessThan(300);
  });

  it('is a fixture that really makes exceljs spin: unsanitised, its parse is stopped at the deadline', async () => {
    const path = await wholeSheetValidation('validation-raw.xlsx');
    const started = performance.now();
    const error = await rejection(
      importWorkbook(path, { parser: here('unsanitized-parse.ts').href, limits: { timeoutMs: 3000 } }),
    );
    expect(error.code).toBe('IMPORT_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('reads the same workbook row by row in streaming mode', async () => {
    const path = await wholeSheetValidation('validation-stream.xlsx');
    const result = await importWorkbook(path, { mode: 'stream', limits: { timeoutMs: 20_000 } });
    expect(result.sheets).toEqual([{ name: 'Produits', state: 'visible', rowCount: 301 }]);
    expect(result.table.rows).toHaveLength(300);
  });

  it('clips a merge over a whole column and keeps a category row merged across the table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = products(wb, 20);
    ws.spliceRows(2, 0, ['Visserie']);
    ws.mergeCells('A2:D2');
    const parts = await partsOf(wb);
    const sheet = text(parts, 'xl/worksheets/sheet1.xml').replace(
      /<mergeCells count="1">/,
      '<mergeCells count="3"><mergeCell ref="F1:F1048576"/><mergeCell ref="B10:C1048576"/>',
    );
    parts.set(
      'xl/worksheets/sheet1.xml',
      afterSheetData(
        sheet,
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="colorScale" priority="1"><colorScale>' +
          '<cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>',
      ),
    );
    const path = await writeParts(join(dir, 'merges.xlsx'), parts);
    // Unclipped, the column merges alone make exceljs build a million rows (seconds, most of a gigabyte).
    const started = performance.now();
    const [raw] = await readXlsxFull(await readFile(path), makeReadContext('merges.xlsx', DEFAULT_LIMITS));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect([...raw!.merges].sort((a, b) => a.top - b.top)).toEqual([
      { top: 2, left: 1, bottom: 2, right: 4 },
      { top: 10, left: 2, bottom: 22, right: 3 },
    ]);
    expect(raw!.rows.at(-1)!.number).toBe(22);
    const { table } = await importWorkbook(path);
    expect(table.groups).toEqual([{ name: 'Visserie', row: 2 }]);
  });
});

describe('the deadline and the cancel button are hard stops', () => {
  const busy = here('slow-parse.ts').href;

  it('stops a parse that never yields within a second of a short deadline', async () => {
    const path = await writeWorkbook(join(dir, 'busy.xlsx'), (wb) => products(wb, 3));
    const started = performance.now();
    const error = await rejection(importWorkbook(path, { parser: busy, limits: { timeoutMs: 300 } }));
    expect(error.code).toBe('IMPORT_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1300);
  });

  // A deadline long enough for a cold worker to start, so the parse is surely stuck when it strikes.
  it('terminates the worker running it: the stuck parse started, and stops beating once the import gave up', async () => {
    const path = await writeWorkbook(join(dir, 'busy-long.xlsx'), (wb) => products(wb, 3));
    const started = performance.now();
    const error = await rejection(importWorkbook(path, { parser: busy, limits: { timeoutMs: 4000 } }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('IMPORT_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(5000);
    expect(existsSync(heartbeatOf(path))).toBe(true);
    await sleep(150);
    const beat = readFileSync(heartbeatOf(path), 'utf8');
    await sleep(300);
    expect(readFileSync(heartbeatOf(path), 'utf8')).toBe(beat);
  });

  it('stops a stuck parse within a second of the user cancelling', async () => {
    const path = await writeWorkbook(join(dir, 'busy-cancel.xlsx'), (wb) => products(wb, 3));
    const controller = new AbortController();
    const importing = rejection(importWorkbook(path, { parser: busy, signal: controller.signal }));
    while (!existsSync(heartbeatOf(path))) await sleep(20);
    const cancelled = performance.now();
    controller.abort();
    expect((await importing).code).toBe('CANCELLED');
    expect(performance.now() - cancelled).toBeLessThan(1000);
  });

  it('stops a parse that never resolves, and reads the next file normally', async () => {
    const path = await writeWorkbook(join(dir, 'idle.xlsx'), (wb) => products(wb, 3));
    const started = performance.now();
    const error = await rejection(
      importWorkbook(path, { parser: here('never-resolves.ts').href, limits: { timeoutMs: 300 } }),
    );
    expect(error.code).toBe('IMPORT_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1300);
    expect((await importWorkbook(path)).table.rows).toHaveLength(3);
  });

  it('keeps the reader’s own refusals, with their code and words, across the worker', async () => {
    const path = await writeWorkbook(join(dir, 'rows.xlsx'), (wb) => products(wb, 30));
    const error = await rejection(importWorkbook(path, { limits: { maxRows: 10 } }));
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.text.fr).toContain('« Produits »');
    expect(error.in('en')).toContain('more than 10 rows');
  });
});
