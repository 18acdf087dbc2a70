import { describe, expect, it } from 'vitest';
import { itemCounter, Progress, type Progress as ProgressEvent } from '../../../main/engine/progress.ts';
import { JobProgress } from '../../../main/api/contract.ts';
import { thrown } from '../../fixtures/catalog-error.ts';
import { outOfOrder } from '../../support/progress-order.ts';

describe('itemCounter', () => {
  it('reports the first item, every `every` items and the end, in order, ending at the total', () => {
    const events: ProgressEvent[] = [];
    const count = itemCounter('layout', 70, { onProgress: (p) => events.push(p) }, 32);
    for (let i = 0; i < 70; i++) count.item();
    count.end();
    expect(events).toEqual([
      { stage: 'layout', done: 0, total: 70 },
      { stage: 'layout', done: 32, total: 70 },
      { stage: 'layout', done: 64, total: 70 },
      { stage: 'layout', done: 70, total: 70 },
    ]);
    expect(outOfOrder(events)).toBeUndefined();
  });

  it('stops the item after the signal fires with CANCELLED, and says nothing more', () => {
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const count = itemCounter(
      'tagged-text',
      100,
      { signal: controller.signal, onProgress: (p) => events.push(p) },
      10,
    );
    let placed = 0;
    const error = thrown(() => {
      for (let i = 0; i < 100; i++) {
        count.item();
        if (++placed === 15) controller.abort();
      }
    });
    expect(error.code).toBe('CANCELLED');
    expect(placed).toBe(15);
    expect(events.at(-1)).toEqual({ stage: 'tagged-text', done: 10, total: 100 });
    expect(thrown(() => count.end()).code).toBe('CANCELLED');
  });
});

describe('the Progress schema (the contract’s JobProgress)', () => {
  it('is the one the contract re-exports', () => {
    expect(JobProgress).toBe(Progress);
  });

  it('takes every stage’s events and refuses unknown stages and negative counts', () => {
    expect(Progress.safeParse({ stage: 'import', done: 256 }).success).toBe(true);
    expect(Progress.safeParse({ stage: 'data-merge', done: 3, total: 3 }).success).toBe(true);
    expect(Progress.safeParse({ stage: 'printing', done: 1 }).success).toBe(false);
    expect(Progress.safeParse({ stage: 'pdf', done: -1, total: 3 }).success).toBe(false);
  });
});

describe('outOfOrder (the checker the progress tests rely on)', () => {
  it('finds a stage going back, a count going back and a count past its total', () => {
    expect(
      outOfOrder([
        { stage: 'pdf', done: 1 },
        { stage: 'layout', done: 2 },
      ]),
    ).toMatch(/layout after pdf/);
    expect(
      outOfOrder([
        { stage: 'pdf', done: 2 },
        { stage: 'pdf', done: 1 },
      ]),
    ).toMatch(/pdf 1 after 2/);
    expect(outOfOrder([{ stage: 'pdf', done: 4, total: 3 }])).toMatch(/done 4 > total 3/);
  });
});
