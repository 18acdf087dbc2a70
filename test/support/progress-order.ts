// What "progress arrives in order" means, checked the same way for a stage, an export and a job:
// stages never go back (main/engine/progress.ts: STAGES), `done` never decreases within a stage
// and never passes `total`.
import { STAGES, type Progress } from '../../main/engine/progress.ts';

/** The first thing out of order, in words; undefined when the events are in order. */
export function outOfOrder(events: readonly Progress[]): string | undefined {
  for (let i = 1; i < events.length; i++) {
    const [before, now] = [events[i - 1]!, events[i]!];
    const [a, b] = [STAGES.indexOf(before.stage), STAGES.indexOf(now.stage)];
    if (b < a) return `event ${i}: ${now.stage} after ${before.stage}`;
    if (b === a && now.done < before.done) return `event ${i}: ${now.stage} ${now.done} after ${before.done}`;
  }
  const over = events.findIndex((e) => e.total !== undefined && e.done > e.total);
  return over >= 0 ? `event ${over}: done ${events[over]!.done} > total ${events[over]!.total}` : undefined;
}

/** The stages seen, in the order they first appeared. */
export const stagesOf = (events: readonly Progress[]) => [...new Set(events.map((e) => e.stage))];
