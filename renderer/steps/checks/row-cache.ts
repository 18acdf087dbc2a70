// The opened workbook's rows, fetched from the `rows` channel a page at a time as the grid scrolls,
// and kept: scrolling back never asks again. Bounded, so scrolling through 100,000 rows keeps only
// the pages seen last. Plain class, no React: the grid reads it while rendering and, subscribed,
// re-renders alone when a page arrives (not the whole screen).
import type { ChannelOutput } from '../../api/transport.ts';

export type GridRow = ChannelOutput<'rows'>['rows'][number];
export type FetchRows = (from: number, count: number) => Promise<ChannelOutput<'rows'>>;

export const PAGE_SIZE = 200;
const KEEP_PAGES = 150;

export class RowCache {
  readonly #fetch: FetchRows;
  readonly #pages = new Map<number, GridRow[]>();
  readonly #pending = new Map<number, Promise<GridRow[]>>();
  readonly #listeners = new Set<() => void>();
  readonly #onError: (error: unknown) => void;
  total: number | undefined;

  constructor(fetch: FetchRows, onError: (error: unknown) => void = () => undefined) {
    this.#fetch = fetch;
    this.#onError = onError;
  }

  /** Called after each page arrives; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get(index: number): GridRow | undefined {
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Starts fetching the pages that hold rows `first`..`last` and are not kept yet. */
  ensure(first: number, last: number): void {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      const kept = this.#pages.get(page);
      if (kept) {
        // Seen again: the last to be forgotten.
        this.#pages.delete(page);
        this.#pages.set(page, kept);
      } else void this.page(page).catch(() => undefined);
    }
  }

  /** One page, from the cache or the channel (one request however many ask at once). */
  page(page: number): Promise<GridRow[]> {
    const kept = this.#pages.get(page);
    if (kept) return Promise.resolve(kept);
    let pending = this.#pending.get(page);
    if (!pending) {
      pending = this.#fetch(page * PAGE_SIZE, PAGE_SIZE).then(
        (answer) => {
          this.#pending.delete(page);
          this.total = answer.total;
          this.#pages.set(page, answer.rows);
          while (this.#pages.size > KEEP_PAGES) this.#pages.delete(this.#pages.keys().next().value!);
          for (const listener of this.#listeners) listener();
          return answer.rows;
        },
        (error: unknown) => {
          this.#pending.delete(page);
          this.#onError(error);
          throw error;
        },
      );
      this.#pending.set(page, pending);
    }
    return pending;
  }

  /**
   * The index of the sheet row `number` (Excel's), or of the first row after it when it is not one
   * of the rows read (a hidden or a title row). Rows come in sheet order, so a binary search over
   * pages, starting where the row would be if no row were skipped: one page fetched in the usual case.
   */
  async indexOfRow(number: number): Promise<number | undefined> {
    const first = (await this.page(0))[0];
    const total = this.total ?? 0;
    if (!first || total === 0) return undefined;
    const pages = Math.ceil(total / PAGE_SIZE);
    let low = 0;
    let high = pages - 1;
    let page = Math.max(low, Math.min(high, Math.floor((number - first.number) / PAGE_SIZE)));
    while (low <= high) {
      const rows = await this.page(page);
      const head = rows[0]!.number;
      const tail = rows[rows.length - 1]!.number;
      if (number < head) high = page - 1;
      else if (number > tail) low = page + 1;
      else return page * PAGE_SIZE + rows.findIndex((row) => row.number >= number);
      page = Math.floor((low + high) / 2);
    }
    // Between two pages, or past the ends.
    return Math.min(total - 1, low * PAGE_SIZE);
  }
}
