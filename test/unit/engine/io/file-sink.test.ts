// The synchronous sink a PDF is drawn into: pieces land in order, a failed build removes its file,
// and a write the system refuses is said in the user's words, naming the file.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCatalogError } from '../../../../main/engine/errors.ts';
import { openFileSink } from '../../../../main/engine/io/file-sink.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const newDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'file-sink-'));
  dirs.push(dir);
  return dir;
};

describe('openFileSink', () => {
  it('writes every piece in order, across its 1 MiB blocks', async () => {
    const file = join(await newDir(), 'out.pdf');
    const sink = openFileSink(file);
    const pieces = Array.from({ length: 300 }, (_, i) => Buffer.alloc(10_000, i % 256));
    for (const piece of pieces) sink.write(piece);
    sink.close();
    expect(readFileSync(file).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('removes its file when discarded', async () => {
    const file = join(await newDir(), 'out.pdf');
    const sink = openFileSink(file);
    sink.write(Buffer.from('%PDF-'));
    sink.discard();
    expect(existsSync(file)).toBe(false);
  });

  it('says OUTPUT_WRITE_FAILED, naming the file, when it cannot be written', async () => {
    const file = join(await newDir(), 'missing-folder', 'out.pdf');
    let error: unknown;
    try {
      openFileSink(file);
    } catch (e) {
      error = e;
    }
    expect(isCatalogError(error) && error.code).toBe('OUTPUT_WRITE_FAILED');
    expect(isCatalogError(error) && error.message).toContain(file);
  });
});
