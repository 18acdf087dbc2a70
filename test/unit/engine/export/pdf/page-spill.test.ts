// Pages set aside on disk come back equal, in order, with their picture sources as the very objects
// the prepared pictures are keyed by — and the file is gone once closed.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageSpill } from '../../../../../main/engine/export/pdf/page-spill.ts';
import type { ImageSource } from '../../../../../main/engine/layout/layout-plan.ts';
import type { StreamPage } from '../../../../../main/engine/layout/page-stream.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const onDisk: ImageSource = { path: '/photos/a.jpg' };
const embedded: ImageSource = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), extension: 'jpg' };
const rect = { x: 1, y: 2, width: 30, height: 40 };

function page(n: number): StreamPage {
  return {
    number: n,
    bookmarks: n === 1 ? ['Visserie'] : [],
    group: 'Visserie',
    boxes: [
      { kind: 'image', ...rect, placed: rect, source: n % 2 ? onDisk : embedded, row: 10 + n },
      { kind: 'image', ...rect, placed: rect, row: 99 }, // a missing picture: no source
      {
        kind: 'text',
        ...rect,
        style: 'name',
        overset: false,
        row: 10 + n,
        field: 'name',
        lines: [
          {
            baseline: 9,
            runs: [
              {
                text: `Vis n° ${n} – « é »`,
                font: { family: 'Inter', weight: 'bold', italic: false },
                size: 9,
                color: [0, 0, 0, 100],
                x: 0,
              },
            ],
          },
        ],
      },
      { kind: 'rect', ...rect, fill: [0, 0, 0, 6] },
    ],
  };
}

describe('PageSpill', () => {
  it('gives back every page in order, equal, with the same picture source objects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spill-'));
    dirs.push(dir);
    const spill = new PageSpill(dir);
    // Enough pages to cross the 4 MiB block a few times.
    const count = 3000;
    const big = 'x'.repeat(4000);
    for (let n = 1; n <= count; n++) {
      const p = page(n);
      p.bookmarks.push(big);
      spill.push(p);
    }
    expect(spill.count).toBe(count);
    let n = 0;
    for (const back of spill.pages()) {
      n++;
      const expected = page(n);
      expected.bookmarks.push(big);
      expect(back).toEqual(expected);
      const source = back.boxes[0]!.kind === 'image' ? back.boxes[0]!.source : undefined;
      expect(source).toBe(n % 2 ? onDisk : embedded);
      expect(back.boxes[1]).not.toHaveProperty('source');
    }
    expect(n).toBe(count);
    expect(readdirSync(dir)).toHaveLength(1);
    spill.close();
    spill.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
