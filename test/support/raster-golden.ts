// Raster goldens catch what structure checks cannot (a background one bleed short, text drawn white
// on white); a small tolerance absorbs anti-aliasing noise between poppler builds.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface GoldenOptions {
  /** Share of pixels allowed to differ, 0–1. */
  maxDiffRatio?: number;
  /** pixelmatch's per-pixel colour distance threshold, 0–1; smaller is stricter. */
  threshold?: number;
}

export interface GoldenResult {
  /** True when the golden was (re)written instead of compared. */
  wrote: boolean;
  diffPixels: number;
  totalPixels: number;
  diffRatio: number;
}

/** `page-1.png` → `page-1.actual.png` and `page-1.diff.png`, one pattern each for .gitignore. */
export function goldenSiblings(goldenPath: string): { actualPath: string; diffPath: string } {
  const base = goldenPath.replace(/\.png$/i, '');
  return { actualPath: `${base}.actual.png`, diffPath: `${base}.diff.png` };
}

/**
 * Compares a PNG with the golden at `goldenPath`. A missing golden, or `UPDATE_GOLDENS=1`, writes it
 * and passes (saying so on the console). On a mismatch it writes `.actual.png` and `.diff.png`
 * beside the golden and throws with the figures. Synchronous so a forgotten `await` cannot turn a
 * failure into a pass.
 */
export function expectMatchesGolden(
  png: Buffer,
  goldenPath: string,
  options: GoldenOptions = {},
): GoldenResult {
  const { maxDiffRatio = 0.002, threshold = 0.1 } = options;
  const { actualPath, diffPath } = goldenSiblings(goldenPath);
  const actual = PNG.sync.read(png);

  // On CI a missing golden is a golden nobody committed: fail rather than pass forever.
  if (!existsSync(goldenPath) && process.env.CI && process.env.UPDATE_GOLDENS !== '1')
    throw new Error(
      `raster golden missing: ${goldenPath}. Run the tests locally, review the picture and commit it.`,
    );
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(goldenPath)) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, png);
    removeStale(actualPath, diffPath);
    console.warn(
      `raster golden written: ${goldenPath} (${actual.width}×${actual.height}); review and commit it`,
    );
    return { wrote: true, diffPixels: 0, totalPixels: actual.width * actual.height, diffRatio: 0 };
  }

  const expected = PNG.sync.read(readFileSync(goldenPath));
  const sameSize = expected.width === actual.width && expected.height === actual.height;
  // Different sizes are compared on a canvas holding both, so the diff still shows where they part.
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(
    onCanvas(expected, width, height),
    onCanvas(actual, width, height),
    diff.data,
    width,
    height,
    { threshold },
  );
  const totalPixels = width * height;
  const diffRatio = diffPixels / totalPixels;

  if (!sameSize || diffRatio > maxDiffRatio) {
    writeFileSync(actualPath, png);
    writeFileSync(diffPath, PNG.sync.write(diff));
    const size = sameSize
      ? `${width}×${height}`
      : `size ${actual.width}×${actual.height}, golden ${expected.width}×${expected.height}`;
    throw new Error(
      `Rendering differs from golden ${goldenPath} (${size}): ${diffPixels} of ${totalPixels} pixels differ ` +
        `(${percent(diffRatio)}, allowed ${percent(maxDiffRatio)}, threshold ${threshold}).\n` +
        `Wrote ${actualPath} and ${diffPath}. If the change is intended, re-run with UPDATE_GOLDENS=1.`,
    );
  }
  removeStale(actualPath, diffPath);
  return { wrote: false, diffPixels, totalPixels, diffRatio };
}

function onCanvas(image: PNG, width: number, height: number): Uint8Array {
  if (image.width === width && image.height === height) return image.data;
  const canvas = new PNG({ width, height }); // transparent
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas.data;
}

const percent = (ratio: number): string => `${(ratio * 100).toFixed(3)} %`;

// Leftovers from an earlier failure would otherwise be mistaken for the current state.
function removeStale(...paths: string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}
