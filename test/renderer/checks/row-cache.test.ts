// The grid's row cache: one request per page however often it is asked, and the index of an Excel
// row found by a binary search over pages when rows are skipped (titles, hidden rows, groups).
import { describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE, RowCache } from '../../../renderer/steps/checks/row-cache.ts';

/** `total` rows numbered from 5, skipping one sheet row in every `gap` (a group title, say). */
function sheet(total: number, gap: number) {
  const numbers: number[] = [];
  for (let n = 5; numbers.length < total; n++) if ((n - 5) % gap !== gap - 1) numbers.push(n);
  const fetch = vi.fn(async (from: number, count: number) => ({
    total,
    from,
    rows: numbers.slice(from, from + count).map((number) => ({
      number,
      role: 'product' as const,
      hidden: false,
      cells: [String(number)],
    })),
  }));
  return { numbers, fetch };
}

describe('RowCache', () => {
  it('asks for a page once, however many ask for it at once or later', async () => {
    const { fetch } = sheet(1000, 1000);
    const changed = vi.fn();
    const cache = new RowCache(fetch);
    cache.subscribe(changed);
    cache.ensure(0, 250);
    cache.ensure(10, 20);
    await cache.page(1);
    cache.ensure(0, 399);
    expect(fetch.mock.calls).toEqual([
      [0, PAGE_SIZE],
      [PAGE_SIZE, PAGE_SIZE],
    ]);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(cache.total).toBe(1000);
    expect(cache.get(250)?.number).toBe(255);
    expect(cache.get(400)).toBeUndefined();
  });

  it('finds the index of a sheet row among 100,000 with rows skipped, in a few pages', async () => {
    const { numbers, fetch } = sheet(100_000, 7);
    const cache = new RowCache(fetch);
    for (const index of [0, 1, 199, 200, 54_321, 99_999]) {
      fetch.mockClear();
      expect(await cache.indexOfRow(numbers[index]!)).toBe(index);
      expect(fetch.mock.calls.length).toBeLessThanOrEqual(Math.ceil(Math.log2(100_000 / PAGE_SIZE)) + 1);
    }
  });

  it('gives the next row for a row that was not read, and the ends past them', async () => {
    const { numbers, fetch } = sheet(1000, 7);
    const cache = new RowCache(fetch);
    // A skipped sheet row (a group title) past the middle: the row after it is shown.
    const next = numbers.findIndex((n, i) => i > 500 && numbers[i - 1] !== n - 1);
    expect(await cache.indexOfRow(numbers[next]! - 1)).toBe(next);
    // Skipped exactly between two pages: the first row of the next page.
    const paged = sheet(1000, PAGE_SIZE + 1);
    expect(paged.numbers[PAGE_SIZE - 1]).toBe(PAGE_SIZE + 4);
    expect(paged.numbers[PAGE_SIZE]).toBe(PAGE_SIZE + 6);
    expect(await new RowCache(paged.fetch).indexOfRow(PAGE_SIZE + 5)).toBe(PAGE_SIZE);
    expect(await cache.indexOfRow(1)).toBe(0);
    expect(await cache.indexOfRow(1_000_000)).toBe(999);
  });

  it('reports a page that failed and asks again next time', async () => {
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({
        total: 1,
        from: 0,
        rows: [{ number: 2, role: 'product', hidden: false, cells: [] }],
      });
    const onError = vi.fn();
    const cache = new RowCache(fetch, onError);
    await expect(cache.page(0)).rejects.toThrow('offline');
    expect(onError).toHaveBeenCalledTimes(1);
    expect((await cache.page(0))[0]!.number).toBe(2);
  });
});
