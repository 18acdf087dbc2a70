import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { edgeColour, ringMedian } from '../../../../main/engine/layout/edge-colour.ts';
import { collectImages } from '../../../../main/engine/layout/collect-images.ts';
import { catalogOf, item, price, text } from './make-catalog.ts';

const PHOTO = resolve('samples/images/VIS-4x40.jpg'); // a screw on a flat pale blue-grey backdrop

/** A 4 × 4 RGB image of one colour, with `odd` pixels of its ring in another. */
function square(colour: number[], odd: number[] = [], other = [0, 0, 0]): Uint8Array {
  const data = new Uint8Array(4 * 4 * 3);
  for (let p = 0; p < 16; p++) data.set(odd.includes(p) ? other : colour, p * 3);
  return data;
}

describe('ringMedian', () => {
  it("gives the median colour of the image's outer ring when the ring is one flat colour", () => {
    // The centre (pixels 5, 6, 9, 10) is the subject: it never counts.
    const data = square([200, 210, 220], [5, 6, 9, 10]);
    expect(ringMedian(data, 4, 4, 3)).toEqual([200, 210, 220]);
    // One ring pixel of twelve off: still a flat backdrop.
    expect(ringMedian(square([200, 210, 220], [0]), 4, 4, 3)).toEqual([200, 210, 220]);
  });

  it('gives none when the subject runs to the edge (the ring is no one colour)', () => {
    expect(ringMedian(square([200, 210, 220], [0, 1, 2, 3]), 4, 4, 3)).toBeUndefined();
  });
});

describe('edgeColour', () => {
  it("reads a studio photo's backdrop, in CMYK for print and sRGB for the screen", async () => {
    const edge = (await edgeColour(PHOTO))!;
    expect(edge).toBeDefined();
    // A pale, cool grey: little ink, more cyan than yellow.
    for (const ink of edge.cmyk) expect(ink).toBeLessThan(25);
    expect(edge.cmyk[0]).toBeGreaterThan(edge.cmyk[2]);
    for (const v of edge.rgb) expect(v).toBeGreaterThan(200);
  });

  it('gives none for a white backdrop: the paper is already that colour', async () => {
    const white = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fdfdfd' } })
      .png()
      .toBuffer();
    expect(await edgeColour(new Uint8Array(white))).toBeUndefined();
  });
});

describe('collectImages with the edge colour', () => {
  const catalog = () =>
    catalogOf([
      {
        name: 'Visserie',
        items: [
          item(5, 'Visserie', {
            reference: text('V'),
            price: price(1),
            image: { kind: 'image', path: PHOTO },
          }),
        ],
      },
    ]);

  it('reads it only when the template asks for it', async () => {
    expect((await collectImages(catalog(), 'image'))[PHOTO]!.edge).toBeUndefined();
    const images = await collectImages(catalog(), 'image', {}, { edge: true });
    expect(images[PHOTO]!.edge).toEqual(await edgeColour(PHOTO));
  });
});
