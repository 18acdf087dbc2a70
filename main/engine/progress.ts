// The one shape of progress every long stage reports, and the order the stages run in: a surface
// (the CLI's progress line, the app's job bar) shows any stage the same way, and a job streamed out
// of a worker is checked against the same schema on the way in (main/api/contract.ts: JobProgress).
import { z } from 'zod';
import { throwIfCancelled } from './cancelled.ts';

/** In the order a build runs them; a job's events never go back to an earlier stage. */
export const STAGES = [
  'import',
  'validate',
  'images',
  'layout',
  'pdf',
  'tagged-text',
  'data-merge',
  // A price-grid batch: resellers whose files are written, out of those priced.
  'resellers',
] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const Progress = z.object({
  stage: Stage,
  /** Rows read, rows checked, products placed, pages drawn…: never decreases within a stage. */
  done: z.number().int().nonnegative(),
  /** Absent when the stage cannot know it in advance (rows of a streamed sheet). */
  total: z.number().int().nonnegative().optional(),
});
export type Progress = z.infer<typeof Progress>;

export type OnProgress = (progress: Progress) => void;

/** What a stage is given for long work: the caller's cancel signal and where to report. */
export type StageHooks = { signal?: AbortSignal; onProgress?: OnProgress };

export type ItemCounter = {
  /** Before each item: throws CANCELLED once the signal is aborted. */
  item(): void;
  /** After the last: reports `done = total`. */
  end(): void;
};

/** For callers that neither cancel nor watch (tests, a preview of one page). */
export const NO_COUNTER: ItemCounter = { item: () => undefined, end: () => undefined };

/**
 * Counts the items a stage works through: checks the signal on every one (a property read), and
 * reports every `every` items and at the end, so a 10,000-product catalog sends a few hundred
 * events rather than ten thousand.
 */
export function itemCounter(stage: Stage, total: number, hooks: StageHooks, every = 32): ItemCounter {
  let done = 0;
  let reported = -1;
  const report = () => {
    if (reported === done) return;
    reported = done;
    hooks.onProgress?.({ stage, done, total });
  };
  return {
    item() {
      throwIfCancelled(hooks.signal);
      if (done % every === 0) report();
      done++;
    },
    end() {
      throwIfCancelled(hooks.signal);
      done = Math.max(done, total);
      report();
    },
  };
}
