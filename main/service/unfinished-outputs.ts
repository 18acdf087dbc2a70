// What a stopped write leaves: the hidden temp files write-atomic.ts fills before its rename. Found
// by their shape, so only ours are ever removed.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Our hidden temp files (`.<name>.<12 hex>.tmp`, write-atomic.ts) in `dir` that `mine` claims. */
export async function removeTemps(dir: string, mine: (entry: string) => boolean): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith('.') && mine(entry) && /\.[0-9a-f]{12}\.tmp$/.test(entry))
      .map((entry) => rm(join(dir, entry), { recursive: true, force: true }).catch(() => undefined)),
  );
}
