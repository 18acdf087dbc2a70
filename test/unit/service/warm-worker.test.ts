// A surface that runs job after job keeps one loaded worker: the thread that ran a job runs the next
// (its fonts and modules already loaded), a refusal leaves it usable, a cancel ends it, and without
// asking (the CLI) no thread is kept.
import { afterEach, describe, expect, it } from 'vitest';
import { keepWorkerWarm, runJob } from '../../../main/service/index.ts';
import { spareThread } from '../../../main/service/run-job.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';

afterEach(() => keepWorkerWarm(false));

describe('a warm worker', () => {
  it('keeps no thread unless asked', async () => {
    await runJob('validate', { file: FRENCH });
    expect(spareThread()).toBeUndefined();
  });

  it('runs the next job in the thread that ran the last one, even after a refusal', async () => {
    keepWorkerWarm(true);
    await runJob('validate', { file: FRENCH });
    const thread = spareThread();
    expect(thread).toBeDefined();
    await expect(runJob('preview', { file: FRENCH, lang: 'fr', from: 999 })).rejects.toMatchObject({
      code: 'PAGE_OUT_OF_RANGE',
    });
    expect(spareThread()).toBe(thread);
    const preview = await runJob('preview', { file: FRENCH, lang: 'en' });
    expect(preview.pdf.byteLength).toBeGreaterThan(1000);
    expect(spareThread()).toBe(thread);
  });

  it('ends a cancelled job’s thread rather than reuse it', async () => {
    keepWorkerWarm(true);
    await runJob('validate', { file: FRENCH });
    const thread = spareThread();
    const controller = new AbortController();
    const job = runJob('plan', { file: FRENCH, lang: 'fr' }, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(spareThread()).not.toBe(thread);
  });
});
