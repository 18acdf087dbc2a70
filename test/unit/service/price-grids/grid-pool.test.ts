import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GridRequest } from '../../../../main/api/grid-contract.ts';
import { CANCELLED } from '../../../../main/engine/cancelled.ts';
import type { Issue } from '../../../../main/engine/model.ts';
import { loadGridTemplate, type GridTemplate } from '../../../../main/engine/price-grid/grid-template.ts';
import { buildPriceGrids } from '../../../../main/service/price-grids/build-price-grids.ts';
import { runResellerTasks } from '../../../../main/service/price-grids/grid-pool.ts';
import {
  readGridWorkbook,
  type GridWorkbook,
} from '../../../../main/service/price-grids/read-grid-workbook.ts';
import type { ResellerOutputs, ResellerTask } from '../../../../main/service/price-grids/reseller-outputs.ts';
import { resellerTasks } from '../../../../main/service/price-grids/reseller-tasks.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';
import { parseTaggedTextFile } from '../../../support/tagged-text-grammar.ts';
import { rejection } from '../../../fixtures/catalog-error.ts';

const SAMPLE = new URL('../../../../samples/imprimerie-revendeurs-2027.xlsx', import.meta.url).pathname;
const ONLY = ["Imprim'Express Lyon", 'Copie Conforme', 'Bright Print Ltd'];

let workbook: GridWorkbook;
let template: GridTemplate;
beforeAll(async () => {
  [workbook, template] = await Promise.all([
    readGridWorkbook({ file: SAMPLE }),
    loadGridTemplate('price-grid'),
  ]);
});

async function tasksInto(out: string, only: string[] | undefined = ONLY): Promise<ResellerTask[]> {
  const issues: Issue[] = [];
  const { tasks, skipped } = await resellerTasks(
    workbook,
    { file: SAMPLE, out, only, outputs: ['tagged-text'], encrypt: true, textVariant: 'win', lang: 'fr' },
    template,
    issues,
  );
  expect(skipped).toEqual([]);
  return tasks;
}

/** Every file under `dir`, relative, with its bytes. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries)
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found.set(relative(dir, path), await readFile(path));
    }
  return found;
}

describe('runResellerTasks', () => {
  it('two threads write the same files, byte for byte, as one', async () => {
    const one = tempDir('grid-pool-1-');
    const two = tempDir('grid-pool-2-');
    const done: number[] = [];
    const [serial, parallel] = [
      await runResellerTasks(await tasksInto(one), { workers: 1 }),
      await runResellerTasks(await tasksInto(two), { workers: 2, onDone: (i) => done.push(i) }),
    ];
    const [a, b] = [await filesUnder(one), await filesUnder(two)];
    expect(a.size).toBe(3);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) {
      expect(b.get(name)!.equals(bytes), name).toBe(true);
      // And they are tagged text InDesign reads: one table per family of the sample.
      expect(parseTaggedTextFile(bytes).tables.length).toBeGreaterThan(3);
    }
    // Results come back in the tasks' order, whatever order the threads finished in.
    const shape = (outputs: ResellerOutputs[], root: string) =>
      outputs.map((o) => o.files.map((f) => ({ ...f, path: relative(root, f.path) })));
    expect(shape(parallel, two)).toEqual(shape(serial, one));
    expect(serial.map((o) => o.files[0]!.path.split('/').at(-2))).toEqual([
      'imprim-express-lyon',
      'copie-conforme',
      'bright-print-ltd',
    ]);
    expect(done.sort()).toEqual([0, 1, 2]);
  });

  it('an aborted signal ends with CANCELLED before anything is written', async () => {
    for (const workers of [1, 2]) {
      const out = tempDir('grid-pool-cancel-');
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(
        runResellerTasks(await tasksInto(out), { workers, signal: controller.signal }),
      );
      expect(error.code).toBe(CANCELLED);
      expect((await filesUnder(out)).size).toBe(0);
    }
  });

  it('a cancel in the middle of a batch ends with CANCELLED, no half-written file left', async () => {
    for (const workers of [1, 2]) {
      const out = tempDir('grid-build-cancel-');
      const controller = new AbortController();
      const request = GridRequest.parse({ file: SAMPLE, out, outputs: ['tagged-text'], workers, lang: 'fr' });
      const error = await rejection(
        buildPriceGrids(request, {
          signal: controller.signal,
          onProgress: (p) => {
            if ('done' in p && p.done === 1) controller.abort();
          },
        }),
      );
      expect(error.code).toBe(CANCELLED);
      const left = [...(await filesUnder(out)).keys()];
      expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // Stopped after the first list: not all eight resellers were written, and no summary.
      expect(left.filter((name) => name.endsWith('.txt')).length).toBeLessThan(8);
      expect(left.some((name) => name.endsWith('.csv'))).toBe(false);
    }
  });
});
