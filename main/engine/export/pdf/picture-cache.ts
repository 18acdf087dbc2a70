// The folder where converted pictures are kept between builds, named by the source's content hash, the
// pixel size and the mode. A rebuild must not read every photo again just to hash it (1,000 photos are
// hundreds of MB): the hash of a file is remembered with its size, inode and change times, and a file
// whose stat differs in any of them is read and hashed again. ctime cannot be set back by a user
// (writing or `touch -d` both move it), so a photo replaced under the same name is always seen.
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';

type Remembered = { size: string; ino: string; mtime: string; ctime: string; hash: string };

const INDEX = 'hashes.json';
/** Hashes remembered at most: a path list that only grows would slow every build a little more. */
const INDEX_ENTRIES = 100_000;
/** The cache is kept under this size: the least recently used pictures go first. */
const CACHE_BYTES = 2 * 1024 ** 3;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class PictureCache {
  private index: Map<string, Remembered> | undefined;
  private loading: Promise<Map<string, Remembered>> | undefined;
  private changed = false;

  constructor(readonly dir: string) {}

  /**
   * The file's content hash; its bytes too when they had to be read (the caller may convert them); and
   * its stamp then (`stampOf`): a caller that reads the file again can tell it was not changed since.
   */
  async hashOf(path: string): Promise<{ hash: string; bytes?: Buffer; stamp: string }> {
    const index = await this.loadIndex();
    const before = await stat(path, { bigint: true });
    const seen = index.get(path);
    const now = stampFields(before);
    const stamp = stampText(now);
    if (
      seen &&
      seen.size === now.size &&
      seen.ino === now.ino &&
      seen.mtime === now.mtime &&
      seen.ctime === now.ctime
    ) {
      // Moved to the end: the entries dropped when the index is full are the longest unused.
      index.delete(path);
      index.set(path, seen);
      this.changed = true;
      return { hash: seen.hash, stamp };
    }
    const bytes = await readFile(path);
    const hash = sha256(bytes);
    // Remembered only if nothing moved while it was read: a photo being written is hashed next time.
    const after = await stat(path, { bigint: true });
    if (after.ctimeNs === before.ctimeNs && after.size === BigInt(bytes.length)) {
      index.delete(path);
      index.set(path, { ...now, hash });
      this.changed = true;
    }
    return { hash, bytes, stamp };
  }

  /** The file's size, inode, modification and change times as one string; undefined when it is gone. */
  async stampOf(path: string): Promise<string | undefined> {
    return stat(path, { bigint: true }).then(
      (now) => stampText(stampFields(now)),
      () => undefined,
    );
  }

  fileFor(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Whether a complete converted picture is there (a JPEG's first and last markers: a cache torn by a
   * crash must never reach a page). Touched, so pruning keeps what is used.
   */
  async has(file: string): Promise<boolean> {
    const handle = await open(file, 'r').catch(() => undefined);
    if (!handle) return false;
    try {
      const { size } = await handle.stat();
      if (size < 4) return false;
      const head = Buffer.alloc(2);
      const tail = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
      await handle.read(tail, 0, 2, size - 2);
      if (head.readUInt16BE(0) !== 0xffd8 || tail.readUInt16BE(0) !== 0xffd9) return false;
    } finally {
      await handle.close();
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return true;
  }

  /**
   * Written under a temporary name, then renamed: readers see the whole picture or none. Not synced: a
   * cache is made again, and `has` refuses a torn file. False when it cannot be written (read-only,
   * full disk): that costs time, never the build.
   */
  async write(file: string, bytes: Uint8Array): Promise<boolean> {
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, file);
      return true;
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
      return false;
    }
  }

  /** Saves the remembered hashes (last writer wins between two builds: each entry is checked anyway). */
  async close(keep: ReadonlySet<string>): Promise<void> {
    if (this.changed && this.index) {
      const entries = [...this.index].slice(-INDEX_ENTRIES);
      await this.write(this.fileFor(INDEX), Buffer.from(JSON.stringify(Object.fromEntries(entries))));
    }
    await this.prune(keep);
  }

  /** Read once: the workers converting at the same time all wait on the one read. */
  private loadIndex(): Promise<Map<string, Remembered>> {
    this.loading ??= (async () => {
      const text = await readFile(this.fileFor(INDEX), 'utf8').catch(() => '{}');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = {};
      }
      this.index = new Map(
        Object.entries(typeof parsed === 'object' && parsed ? parsed : {}).filter(
          (entry): entry is [string, Remembered] => isRemembered(entry[1]),
        ),
      );
      return this.index;
    })();
    return this.loading;
  }

  /**
   * Oldest first until under the limit, never a picture this build uses (`keep`: file names); and the
   * temporary files of a build killed while writing, once they are an hour old (another build may be
   * writing one now).
   */
  private async prune(keep: ReadonlySet<string>, limit = CACHE_BYTES): Promise<void> {
    const all = await readdir(this.dir).catch(() => [] as string[]);
    const hourAgo = Date.now() - 3600_000;
    for (const n of all.filter((n) => n.endsWith('.tmp')))
      await stat(join(this.dir, n))
        .then((s) => (s.mtimeMs < hourAgo ? rm(join(this.dir, n), { force: true }) : undefined))
        .catch(() => undefined);
    const names = all.filter((n) => n.endsWith('.jpg'));
    const files = (
      await Promise.all(
        names.map((n) =>
          stat(join(this.dir, n)).then(
            (s) => ({ n, s }),
            () => undefined,
          ),
        ),
      )
    ).filter((f) => f !== undefined);
    let total = files.reduce((sum, f) => sum + f.s.size, 0);
    if (total <= limit) return;
    for (const { n, s } of files.sort((a, b) => a.s.mtimeMs - b.s.mtimeMs)) {
      if (total <= limit) break;
      if (keep.has(n)) continue;
      await rm(join(this.dir, n), { force: true }).catch(() => undefined);
      total -= s.size;
    }
  }
}

const stampFields = (s: BigIntStats): Omit<Remembered, 'hash'> => ({
  size: String(s.size),
  ino: String(s.ino),
  mtime: String(s.mtimeNs),
  ctime: String(s.ctimeNs),
});

const stampText = (s: Omit<Remembered, 'hash'>) => `${s.size}:${s.ino}:${s.mtime}:${s.ctime}`;

const isRemembered = (value: unknown): value is Remembered =>
  typeof value === 'object' &&
  value !== null &&
  ['size', 'ino', 'mtime', 'ctime', 'hash'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );
