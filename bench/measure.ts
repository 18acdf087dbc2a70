// The child's side of every benchmark: times one piece of work and reads the memory it took, in a
// process that does nothing else. A process per measurement is the point: peak RSS is a process-wide
// high-water mark that never comes down, so two contenders measured in one process would each be
// charged for the other.
import { pathToFileURL } from 'node:url';

/** What one measured piece of work cost. Memory in bytes except `peakRssKiB`, which is what the OS gives. */
export type Measurement = {
  timeMs: number;
  peakRssKiB: number;
  peakHeapUsed: number;
  /** Heap used after a forced GC, once the contender's modules are loaded and before it works. */
  heapBeforeWork?: number;
  /** The same after the work, with the result still held: the difference is what the result costs. */
  retainedHeap?: number;
  heapSamples: number;
};

/** Loads what a contender needs (outside the clock), then returns the work to time. */
export type Load<T> = () => Promise<() => Promise<T>>;

// Held at module level so the result stays reachable until the last measurement.
const held: unknown[] = [];

/**
 * Runs `load` untimed, then the work it returns under the clock. `keep` picks what of the outcome the
 * caller will go on holding, so that the heap after a forced GC says what that result costs.
 * Start with `node --expose-gc`, or the kept-heap figures are left out.
 */
export async function measure<T>(
  load: Load<T>,
  keep: (outcome: T) => unknown = (outcome) => outcome,
): Promise<{ outcome: T; measurement: Measurement }> {
  let peakHeapUsed = 0;
  let heapSamples = 0;
  const sample = (): void => {
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    heapSamples++;
  };
  // A timer only fires between chunks of work, so a long synchronous stretch can hide its peak from
  // it; the sample at the end catches what is still held. Peak RSS has no such gap: the OS keeps it.
  const sampler = setInterval(sample, 50);
  try {
    const work = await load();
    let heapBeforeWork: number | undefined;
    if (typeof gc === 'function') {
      gc();
      heapBeforeWork = process.memoryUsage().heapUsed;
    }
    const started = performance.now();
    const outcome = await work();
    const timeMs = performance.now() - started;
    held.push(keep(outcome));
    sample();
    let retainedHeap: number | undefined;
    if (typeof gc === 'function') {
      gc();
      retainedHeap = process.memoryUsage().heapUsed;
    }
    return {
      outcome,
      measurement: {
        timeMs,
        peakRssKiB: process.resourceUsage().maxRSS,
        peakHeapUsed,
        ...(heapBeforeWork !== undefined ? { heapBeforeWork } : {}),
        ...(retainedHeap !== undefined ? { retainedHeap } : {}),
        heapSamples,
      },
    };
  } finally {
    clearInterval(sampler);
    held.length = 0;
  }
}

/** An error as one line for the parent's table: its code first when it has one (ENOMEM, ERR_…). */
export function describeError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? `${String(error.code)}: ` : '';
  return code + (error instanceof Error ? error.message : String(error));
}

/** The parent reads the last line of stdout; anything a library prints goes before it. */
export function printReport(report: unknown): void {
  console.log(JSON.stringify(report));
}

/** Whether `moduleUrl` is the script node was started with (the parent imports it only for types). */
export const isMain = (moduleUrl: string): boolean =>
  process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
