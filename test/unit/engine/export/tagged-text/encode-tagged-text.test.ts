import { describe, expect, it } from 'vitest';
import {
  encodeTaggedText,
  encodeTaggedTextChunks,
} from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { decodeTaggedText } from '../../../../support/tagged-text-grammar.ts';

const TEXT = '<UNICODE-WIN>\r\n<ParaStyle:Prix>1\u202f234,50\u00a0€ 🔩\r\n';

describe('encodeTaggedText', () => {
  it('writes Windows files as UTF-16LE with a BOM and CR LF line ends', () => {
    const bytes = encodeTaggedText(TEXT, 'win');
    expect([...bytes.subarray(0, 6)]).toEqual([0xff, 0xfe, 0x3c, 0x00, 0x55, 0x00]);
    expect([...bytes.subarray(-4)]).toEqual([0x0d, 0x00, 0x0a, 0x00]);
    expect(decodeTaggedText(bytes)).toEqual({ text: TEXT, byteOrder: 'LE' });
  });

  it('writes Windows files by default', () => {
    expect(encodeTaggedText(TEXT)).toEqual(encodeTaggedText(TEXT, 'win'));
  });

  it('writes Mac files as UTF-16BE with a BOM and CR line ends', () => {
    const bytes = encodeTaggedText(TEXT.replace('WIN', 'MAC'), 'mac');
    expect([...bytes.subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x3c]);
    expect([...bytes.subarray(-2)]).toEqual([0x00, 0x0d]);
    const { text, byteOrder } = decodeTaggedText(bytes);
    expect(byteOrder).toBe('BE');
    expect(text).toBe('<UNICODE-MAC>\r<ParaStyle:Prix>1\u202f234,50\u00a0€ 🔩\r');
  });

  it('carries characters outside the BMP as surrogate pairs', () => {
    const bytes = encodeTaggedText('🔩', 'win');
    expect([...bytes]).toEqual([0xff, 0xfe, 0x3d, 0xd8, 0x29, 0xdd]);
  });

  describe('a piece at a time', () => {
    // 1.5 million code units: more than one megabyte piece, with CR LF, surrogate pairs and
    // two-byte characters at every distance from the cuts below.
    const unit = '<ParaStyle:Prix>1\u202f234,50\u00a0€ 🔩 Vis « inox »\r\n';
    const whole = unit.repeat(Math.ceil(1_500_000 / unit.length));
    /** `text` cut at pseudo-random places, including inside CR LF and inside surrogate pairs. */
    const cut = (text: string, seed: number): string[] => {
      const pieces: string[] = [];
      let state = seed;
      for (let at = 0; at < text.length;) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        const size = [0, 1, 2, 7, 61, 4099, 300_000][state % 7]!;
        pieces.push(text.slice(at, at + size));
        at += size;
      }
      return pieces;
    };
    const joined = (parts: Iterable<Uint8Array>) => Buffer.concat([...parts]);

    it.each(['win', 'mac'] as const)(
      'gives the bytes of the whole text (%s), however it is cut',
      (variant) => {
        const expected = Buffer.from(encodeTaggedText(whole, variant));
        for (const seed of [1, 2, 3])
          expect(joined(encodeTaggedTextChunks(cut(whole, seed), variant)).equals(expected)).toBe(true);
        // One piece larger than a megabyte, and a CR and its LF in two pieces.
        expect(joined(encodeTaggedTextChunks([whole], variant)).equals(expected)).toBe(true);
        const crlf = whole.indexOf('\r\n') + 1;
        for (const between of [[], [''], ['', '']])
          expect(
            joined(
              encodeTaggedTextChunks([whole.slice(0, crlf), ...between, whole.slice(crlf)], variant),
            ).equals(expected),
          ).toBe(true);
      },
    );

    it('gives a megabyte at a time, whatever the pieces', () => {
      const sizes = [...encodeTaggedTextChunks(cut(whole, 4))].map((bytes) => bytes.length);
      expect(sizes.length).toBeGreaterThan(2);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
    });

    it('writes the byte-order mark alone for no text', () => {
      expect([...joined(encodeTaggedTextChunks([], 'win'))]).toEqual([0xff, 0xfe]);
      expect([...joined(encodeTaggedTextChunks([], 'mac'))]).toEqual([0xfe, 0xff]);
    });
  });
});
