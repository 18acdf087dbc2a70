import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../support/pdf-tools.ts';
import { expectMatchesGolden, goldenSiblings } from '../../support/raster-golden.ts';
import { INTER, writePdf } from './make-pdf.ts';

let dir: string;
let rendered: Buffer;
let warn: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'raster-golden-'));
  const pdf = join(dir, 'page.pdf');
  await writePdf(pdf, { size: [200, 150], margin: 30 }, (doc) => {
    doc.rect(30, 30, 140, 40).fill([0, 100, 100, 0]);
    doc.fillColor([0, 0, 0, 100]).font(INTER).fontSize(14).text('Golden', 30, 90);
  });
  rendered = await renderPage(pdf, 1, 72);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // These tests write goldens into a temp folder on purpose; on CI a missing golden fails instead.
  vi.stubEnv('CI', '');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The rendering with a black square painted in its top-left corner, where the page is white. */
function withBlackSquare(png: Buffer, side: number): Buffer {
  const image = PNG.sync.read(png);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) image.data.set([0, 0, 0, 255], (y * image.width + x) * 4);
  }
  return PNG.sync.write(image);
}

it('fails on CI when the golden was never committed', () => {
  vi.stubEnv('CI', 'true');
  expect(() => expectMatchesGolden(rendered, join(dir, 'never-committed.png'))).toThrow(/golden missing/);
  expect(existsSync(join(dir, 'never-committed.png'))).toBe(false);
});

describe('expectMatchesGolden', () => {
  it('writes a missing golden, says so, and passes', () => {
    const golden = join(dir, 'new', 'page-1.png');
    expect(expectMatchesGolden(rendered, golden)).toEqual({
      wrote: true,
      diffPixels: 0,
      totalPixels: 200 * 150,
      diffRatio: 0,
    });
    expect(existsSync(golden)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`raster golden written: ${golden}`));
  });

  it('passes a rendering compared with itself', () => {
    const golden = join(dir, 'same.png');
    expectMatchesGolden(rendered, golden);
    expect(expectMatchesGolden(rendered, golden)).toMatchObject({ wrote: false, diffPixels: 0 });
  });

  it('fails a changed rendering with the figures and writes .actual.png and .diff.png beside the golden', () => {
    const golden = join(dir, 'changed.png');
    expectMatchesGolden(rendered, golden);
    const { actualPath, diffPath } = goldenSiblings(golden);
    expect(() => expectMatchesGolden(withBlackSquare(rendered, 10), golden)).toThrow(
      /100 of 30000 pixels differ \(0\.333 %, allowed 0\.200 %, threshold 0\.1\)/,
    );
    expect(actualPath).toBe(join(dir, 'changed.actual.png'));
    expect(PNG.sync.read(withBlackSquare(rendered, 10)).data).toEqual(
      PNG.sync.read(readFileSync(actualPath)).data,
    );
    const diff = PNG.sync.read(readFileSync(diffPath));
    expect([diff.width, diff.height]).toEqual([200, 150]);
    expect([...diff.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]); // pixelmatch's red
  });

  it('tolerates a change within maxDiffRatio and then removes the old failure files', () => {
    const golden = join(dir, 'tolerated.png');
    expectMatchesGolden(rendered, golden);
    expect(() => expectMatchesGolden(withBlackSquare(rendered, 10), golden)).toThrow();
    const { actualPath, diffPath } = goldenSiblings(golden);
    expect(existsSync(actualPath) && existsSync(diffPath)).toBe(true);
    expect(expectMatchesGolden(withBlackSquare(rendered, 5), golden)).toMatchObject({ diffPixels: 25 });
    expect(existsSync(actualPath) || existsSync(diffPath)).toBe(false);
  });

  it('fails when the sizes differ, naming both', async () => {
    const golden = join(dir, 'sized.png');
    expectMatchesGolden(rendered, golden);
    const bigger = await renderPage(join(dir, 'page.pdf'), 1, 144);
    expect(() => expectMatchesGolden(bigger, golden)).toThrow(/size 400×300, golden 200×150/);
    expect(existsSync(goldenSiblings(golden).diffPath)).toBe(true);
  });

  it('rewrites the golden with UPDATE_GOLDENS=1', () => {
    const golden = join(dir, 'updated.png');
    expectMatchesGolden(rendered, golden);
    vi.stubEnv('UPDATE_GOLDENS', '1');
    expect(expectMatchesGolden(withBlackSquare(rendered, 10), golden).wrote).toBe(true);
    vi.unstubAllEnvs();
    expect(expectMatchesGolden(withBlackSquare(rendered, 10), golden)).toMatchObject({
      wrote: false,
      diffPixels: 0,
    });
  });
});
