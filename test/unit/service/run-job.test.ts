// runJob runs a service call in a worker thread: progress streamed in order, a plain result, and a
// hard stop — the thread terminated — within a second of a cancel or of the deadline, wherever the
// job is (the layout, pdfkit drawing, exceljs's one-call read of a whole workbook), leaving no
// output file behind. Timed on purpose: "within 1 s" is the requirement.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../main/engine/progress.ts';
import { runJob } from '../../../main/service/index.ts';
import { rejection } from '../../fixtures/catalog-error.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { outOfOrder, stagesOf } from '../../support/progress-order.ts';
import { SAMPLE_IMAGES, writeLargeCsv } from './large-csv.ts';

/** Enough products that the layout takes seconds and the PDF a few hundred pages. */
const LARGE = 3000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** No thread of the job is left working: the process uses next to no CPU for half a second. */
async function expectIdle(): Promise<void> {
  const before = process.cpuUsage();
  await sleep(500);
  const used = process.cpuUsage(before);
  expect((used.user + used.system) / 1000).toBeLessThan(200);
}

/** Files left in a folder, hidden ones included; none when it was never created. */
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** A price list of `rows` products written with exceljs's streaming writer (fast, little memory). */
async function writeXlsx(file: string, rows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('Tarif');
  ws.addRow(['Réf.', 'Désignation', 'Description', 'Famille', 'Prix HT']).commit();
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      `REF-${i}`,
      `Article ${i}`,
      `Acier zingué ${i}`,
      `Famille ${i % 40}`,
      (i % 97) + 0.5,
    ]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

/** Runs a large build, cancels it when `when` first holds, and says how long the stop took. */
async function cancelBuildWhen(when: (p: Progress) => boolean, plant?: (out: string) => void) {
  const dir = tempDir('catalog-job-');
  const file = writeLargeCsv(dir, LARGE);
  const out = join(dir, 'out');
  plant?.(out);
  const controller = new AbortController();
  const events: Progress[] = [];
  let cancelledAt = 0;
  const error = await rejection(
    runJob(
      'build',
      { file, out, images: SAMPLE_IMAGES, force: true, lang: 'fr' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          events.push(p);
          if (!cancelledAt && when(p)) {
            cancelledAt = performance.now();
            controller.abort();
          }
        },
      },
    ),
  );
  return { error, stoppedMs: performance.now() - cancelledAt, events, out };
}

describe('runJob: requests and results', () => {
  it('refuses a malformed request before starting a thread, naming the field', async () => {
    const error = await rejection(
      // What a surface might send: a typo in a format, as data from outside the types.
      runJob('build', JSON.parse('{"file": "tarif.csv", "out": "out", "formats": ["pfd"]}') as never),
    );
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.field).toBe('formats[0]');
  });

  it('runs validate in a worker and returns plain data: the sheet, the template, the issues', async () => {
    const dir = tempDir('catalog-job-');
    const file = writeLargeCsv(dir, 20);
    const result = await runJob('validate', { file, images: SAMPLE_IMAGES });
    expect(result).toMatchObject({ sheet: 'tarif', template: 'product-grid', suggested: true, products: 20 });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(structuredClone(result)).toEqual(result);
  });

  it('previews pages in a worker: the PDF bytes come back whole, with the page count', async () => {
    const dir = tempDir('catalog-job-');
    const file = writeLargeCsv(dir, 40);
    const progress: Progress[] = [];
    const result = await runJob(
      'preview',
      { file, images: SAMPLE_IMAGES, lang: 'fr', from: 1, to: 2 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result).toMatchObject({ from: 1, to: 2 });
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(result.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(stagesOf(progress)).toEqual(expect.arrayContaining(['validate', 'layout']));
  });

  it('brings the engine’s refusal back with its code and both languages', async () => {
    const error = await rejection(runJob('validate', { file: join(tempDir('catalog-job-'), 'absent.csv') }));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.text.fr).toContain('introuvable');
    expect(error.text.en).toContain('not found');
  });

  it('streams a build’s progress in order — import, layout, pdf — and resolves with its files', async () => {
    const dir = tempDir('catalog-job-');
    const file = writeLargeCsv(dir, 600);
    const out = join(dir, 'out');
    const events: Progress[] = [];
    const result = await runJob(
      'build',
      { file, out, images: SAMPLE_IMAGES, lang: 'fr' },
      { onProgress: (p) => events.push(p) },
    );
    expect(result).toMatchObject({
      status: 'built',
      files: [join(out, 'tarif-product-grid.pdf')],
      forced: false,
    });
    expect(existsSync(result.files[0]!)).toBe(true);
    const stages = stagesOf(events);
    for (const stage of ['import', 'layout', 'pdf'] as const) expect(stages).toContain(stage);
    expect(outOfOrder(events)).toBeUndefined();
    expect(events.filter((e) => e.stage === 'import').length).toBeGreaterThan(1);
    expect(events.filter((e) => e.stage === 'layout').at(-1)).toEqual({
      stage: 'layout',
      done: 600,
      total: 600,
    });
    expect(events.filter((e) => e.stage === 'pdf').at(-1)).toEqual({
      stage: 'pdf',
      done: result.pages,
      total: result.pages,
    });
    expect(filesIn(out)).toEqual(['tarif-product-grid.pdf']);
  });
});

describe('runJob: hard stops', () => {
  it('stops a build cancelled mid-layout within 1 s, with CANCELLED and no output file', async () => {
    const { error, stoppedMs, events, out } = await cancelBuildWhen(
      (p) => p.stage === 'layout' && p.done >= 32,
    );
    expect(error.code).toBe('CANCELLED');
    expect(stoppedMs).toBeLessThan(1000);
    // It really was mid-layout: products were still to be placed and no page had been drawn.
    const layout = events.filter((e) => e.stage === 'layout');
    expect(layout.at(-1)!.done).toBeLessThan(LARGE);
    expect(events.some((e) => e.stage === 'pdf')).toBe(false);
    expect(outOfOrder(events)).toBeUndefined();
    await expectIdle();
    expect(filesIn(out)).toEqual([]);
  }, 60_000);

  it('stops a build cancelled mid-PDF within 1 s, with CANCELLED, no PDF and no temp file', async () => {
    // A temp file an earlier stopped build of this workbook left behind, and another workbook's.
    const ours = '.tarif-product-grid.pdf.0123456789ab.tmp';
    const theirs = '.autre-product-grid.pdf.0123456789ab.tmp';
    const { error, stoppedMs, events, out } = await cancelBuildWhen(
      (p) => p.stage === 'pdf' && p.done >= 2,
      (dir) => {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, ours), 'half a PDF');
        writeFileSync(join(dir, theirs), 'someone else’s');
      },
    );
    expect(error.code).toBe('CANCELLED');
    expect(stoppedMs).toBeLessThan(1000);
    const pdf = events.filter((e) => e.stage === 'pdf');
    expect(pdf.at(-1)!.done).toBeLessThan(pdf.at(-1)!.total!);
    expect(stagesOf(events)).toEqual(expect.arrayContaining(['import', 'layout', 'pdf']));
    expect(outOfOrder(events)).toBeUndefined();
    await expectIdle();
    expect(filesIn(out)).toEqual([theirs]);
  }, 60_000);

  it('terminates a job past its deadline in the middle of the import, within 1 s (JOB_TIMEOUT)', async () => {
    const dir = tempDir('catalog-job-');
    // 70,000 rows, about 20 MB of sheet: a read of a second or more, row by row.
    const file = await writeXlsx(join(dir, 'tarif.xlsx'), 70_000);
    // How long a job takes to reach the read on this machine now (a thread, tsx, the modules): the
    // deadline is set half a second past that, well inside the read.
    const probe = await writeXlsx(join(dir, 'petit.xlsx'), 10);
    const probing = performance.now();
    let reached = 0;
    await runJob(
      'validate',
      { file: probe },
      { onProgress: () => (reached ||= performance.now() - probing) },
    );
    const timeoutMs = Math.round(reached + 500);

    const events: Progress[] = [];
    const started = performance.now();
    const error = await rejection(
      runJob('validate', { file }, { timeoutMs, onProgress: (p) => events.push(p) }),
    );
    const elapsed = performance.now() - started;
    expect(error.code).toBe('JOB_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 1000);
    // The read had begun (the import says 0 before handing the file to its reader) and the job was
    // still importing when it was ended. The import's own hard stop inside exceljs's one-call load
    // (the whole-file reader) is never-hang.test.ts's.
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.every((e) => e.stage === 'import'),
      JSON.stringify(events.slice(0, 4)),
    ).toBe(true);
    // The threads are gone, the reader's included.
    await expectIdle();
  }, 60_000);
});
