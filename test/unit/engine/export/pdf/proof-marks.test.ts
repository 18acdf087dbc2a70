// The proof's words and where its frames go.
import { describe, expect, it } from 'vitest';
import { errorCount, faultyFrames, proofLabel } from '../../../../../main/engine/export/pdf/proof-marks.ts';
import type { Box } from '../../../../../main/engine/layout/layout-plan.ts';

describe('proof words', () => {
  it('says the count in the language, singular and plural as each language agrees them', () => {
    expect(proofLabel(5, 'fr', 'fr-FR')).toBe('ÉPREUVE — 5 erreurs');
    expect(proofLabel(5, 'en', 'en-GB')).toBe('PROOF — 5 errors');
    expect(errorCount(1, 'fr', 'fr-FR')).toBe('1 erreur');
    expect(errorCount(1, 'en', 'en-GB')).toBe('1 error');
    // French agrees 0 and 1 in the singular, English only 1.
    expect(errorCount(0, 'fr', 'fr-FR')).toBe('0 erreur');
    expect(errorCount(0, 'en', 'en-GB')).toBe('0 errors');
  });

  it('writes the number in the locale', () => {
    expect(errorCount(1234, 'fr', 'fr-FR')).toBe('1\u202f234 erreurs');
    expect(errorCount(1234, 'en', 'en-GB')).toBe('1,234 errors');
  });
});

describe('faultyFrames', () => {
  const text = (row: number | undefined, x: number, y: number, width: number, height: number): Box => ({
    kind: 'text',
    style: 'title',
    lines: [],
    overset: false,
    x,
    y,
    width,
    height,
    ...(row === undefined ? {} : { row }),
  });
  const boxes: Box[] = [
    { kind: 'rect', x: 0, y: 0, width: 200, height: 200, fill: [0, 0, 0, 8] },
    {
      kind: 'image',
      x: 10,
      y: 10,
      width: 80,
      height: 60,
      placed: { x: 10, y: 10, width: 80, height: 60 },
      row: 7,
    },
    text(7, 10, 75, 90, 12),
    text(8, 110, 75, 90, 12),
    text(undefined, 10, 190, 50, 8),
  ];

  it('frames each faulty product’s boxes (picture and text), a little outside them', () => {
    expect(faultyFrames(boxes, new Map([[7, 2]]))).toEqual([
      { row: 7, count: 2, rect: { x: 8, y: 8, width: 94, height: 81 } },
    ]);
  });

  it('frames nothing on a page without faulty products', () => {
    expect(faultyFrames(boxes, new Map([[99, 1]]))).toEqual([]);
  });
});
