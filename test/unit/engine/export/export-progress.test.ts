// exportCatalog hands the signal and the progress callback to every stage: the events come in
// stage order, and a cancel in any stage ends the export with CANCELLED leaving no file — neither
// the output nor write-atomic's hidden temp file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCatalog, type ExportRequest } from '../../../../main/engine/export/export-catalog.ts';
import type { Progress, Stage } from '../../../../main/engine/progress.ts';
import { BUNDLED_FONTS } from '../../../../main/service/index.ts';
import { FIXED_DATE, sampleCatalog } from '../../../output/build-fixture.ts';
import { rejection } from '../../../fixtures/catalog-error.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';
import { outOfOrder, stagesOf } from '../../../support/progress-order.ts';

const sample = await sampleCatalog('product-grid');

const request = (outDir: string, more: Partial<ExportRequest> = {}): ExportRequest => ({
  ...sample,
  outDir,
  baseName: 'tarif',
  formats: ['pdf', 'tagged-text', 'data-merge'],
  mode: 'print',
  locale: 'fr-FR',
  lang: 'fr',
  title: 'Tarif 2026',
  date: FIXED_DATE,
  fonts: BUNDLED_FONTS,
  ...more,
});

describe('exportCatalog progress', () => {
  it('reports images, layout, pdf, tagged text and Data Merge in order, each up to its total', async () => {
    const events: Progress[] = [];
    const result = await exportCatalog(
      request(tempDir('catalog-progress-'), { onProgress: (p) => events.push(p) }),
    );
    expect(result.files).toHaveLength(3);
    expect(stagesOf(events)).toEqual(['images', 'layout', 'pdf', 'tagged-text', 'data-merge']);
    expect(outOfOrder(events)).toBeUndefined();
    const last = (stage: Stage) => events.filter((e) => e.stage === stage).at(-1)!;
    const products = sample.catalog.items.length;
    expect(last('images')).toEqual({ stage: 'images', done: products, total: products });
    expect(last('layout')).toEqual({ stage: 'layout', done: products, total: products });
    expect(last('pdf')).toEqual({ stage: 'pdf', done: result.pages, total: result.pages });
    expect(last('tagged-text')).toEqual({ stage: 'tagged-text', done: products, total: products });
    expect(last('data-merge')).toEqual({ stage: 'data-merge', done: products, total: products });
    // One event per page drawn, and one before the pictures are converted.
    expect(events.filter((e) => e.stage === 'pdf')).toHaveLength(result.pages + 1);
  });
});

describe.each<[Stage, (p: Progress) => boolean]>([
  ['images', (p) => p.stage === 'images'],
  ['layout', (p) => p.stage === 'layout'],
  ['pdf', (p) => p.stage === 'pdf' && p.done >= 1],
  ['tagged-text', (p) => p.stage === 'tagged-text'],
  ['data-merge', (p) => p.stage === 'data-merge'],
])('an export cancelled in %s', (stage, when) => {
  it('ends with CANCELLED, leaves no file of the stage and no temp file, and goes no further', async () => {
    const out = tempDir('catalog-cancel-');
    const controller = new AbortController();
    const events: Progress[] = [];
    const error = await rejection(
      exportCatalog(
        request(out, {
          signal: controller.signal,
          onProgress: (p) => {
            events.push(p);
            if (when(p)) controller.abort();
          },
        }),
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(events.at(-1)!.stage).toBe(stage);
    const left = readdirSync(out);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Layout and PDF come first: nothing at all is written. Later stages leave the earlier files.
    if (stage === 'images' || stage === 'layout' || stage === 'pdf') expect(left).toEqual([]);
    else
      expect(existsSync(join(out, stage === 'tagged-text' ? 'tarif.txt' : 'tarif-datamerge.csv'))).toBe(
        false,
      );
  });
});

describe('a cancel from outside the export (a button, a timer), not from its own callback', () => {
  it('is heard mid-PDF: drawing gives the event loop a turn every few pages', async () => {
    // The sample eight times over: enough pages for several turns.
    const groups = Array.from({ length: 8 }, (_, k) =>
      sample.catalog.groups.map((g) => ({ ...g, name: `${g.name} ${k + 1}` })),
    ).flat();
    const catalog = { ...sample.catalog, groups, items: groups.flatMap((g) => g.items) };
    const out = tempDir('catalog-cancel-');
    const controller = new AbortController();
    const pdf: Progress[] = [];
    const error = await rejection(
      exportCatalog(
        request(out, {
          catalog,
          formats: ['pdf'],
          signal: controller.signal,
          onProgress: (p) => {
            if (p.stage !== 'pdf') return;
            pdf.push(p);
            // The abort comes on a later turn of the event loop, as a click would.
            if (p.done === 1) setImmediate(() => controller.abort());
          },
        }),
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(pdf.at(-1)!.done).toBeLessThan(pdf.at(-1)!.total!);
    expect(readdirSync(out)).toEqual([]);
  });
});
