import { describe, expect, it } from 'vitest';
import { fitImage } from '../../../../main/engine/layout/image-fit.ts';

const FRAME = { x: 100, y: 50, width: 200, height: 100 };

describe('fitImage', () => {
  it('contain: shows a tall picture whole, as high as the frame, centred across', () => {
    const placed = fitImage(FRAME, { width: 600, height: 1200 }, 'contain');
    expect(placed).toEqual({ x: 175, y: 50, width: 50, height: 100 });
  });

  it('contain: shows a wide picture whole, as wide as the frame, centred down', () => {
    const placed = fitImage(FRAME, { width: 4000, height: 1000 }, 'contain');
    expect(placed).toEqual({ x: 100, y: 75, width: 200, height: 50 });
  });

  it('contain: enlarges a small picture to the frame, keeping its proportions', () => {
    const placed = fitImage(FRAME, { width: 20, height: 20 }, 'contain');
    expect(placed).toEqual({ x: 150, y: 50, width: 100, height: 100 });
  });

  it('cover: fills the frame and overflows it on one side, centred, to be cropped', () => {
    const placed = fitImage(FRAME, { width: 600, height: 1200 }, 'cover');
    expect(placed).toEqual({ x: 100, y: -100, width: 200, height: 400 });
  });

  it('cover: a wide picture overflows left and right by the same amount', () => {
    const placed = fitImage(FRAME, { width: 4000, height: 1000 }, 'cover');
    expect(placed.height).toBe(100);
    expect(placed.width).toBe(400);
    expect(FRAME.x - placed.x).toBeCloseTo(placed.x + placed.width - (FRAME.x + FRAME.width), 10);
  });

  it('keeps the proportions of the picture in both fits', () => {
    for (const fit of ['contain', 'cover'] as const)
      for (const pixels of [
        { width: 1200, height: 900 },
        { width: 333, height: 1000 },
        { width: 1, height: 1 },
      ]) {
        const placed = fitImage(FRAME, pixels, fit);
        expect(placed.width / placed.height).toBeCloseTo(pixels.width / pixels.height, 10);
      }
  });

  it('places a picture of the frame proportions exactly on the frame, whatever the fit', () => {
    expect(fitImage(FRAME, { width: 2000, height: 1000 }, 'contain')).toEqual(FRAME);
    expect(fitImage(FRAME, { width: 2000, height: 1000 }, 'cover')).toEqual(FRAME);
  });
});
