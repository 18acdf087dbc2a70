// What a stopped write leaves: the hidden temp files write-atomic.ts fills before its rename, the
// staging folders of output-set.ts (removed: the previous outputs stay) and its committed journals
// (completed: the new set goes in whole). Found by their shape, so only ours are ever touched.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { settleOutputs } from '../engine/io/output-set.ts';

/** Our hidden temp files and folders (`.<name>.<12 hex>.tmp`, `.commit`) in `dir` that `mine` claims. */
export async function removeTemps(dir: string, mine: (entry: string) => boolean): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith('.') && mine(entry) && /\.[0-9a-f]{12}\.tmp$/.test(entry))
      .map((entry) => rm(join(dir, entry), { recursive: true, force: true }).catch(() => undefined)),
  );
  // The writer is a thread the caller ended: its journal is finished now, not at the next run.
  await settleOutputs(dir, mine, { force: true });
}
