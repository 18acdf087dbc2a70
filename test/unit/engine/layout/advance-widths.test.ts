import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fastShaping, unitWidths } from '../../../../main/engine/layout/advance-widths.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const open = (style: string) =>
  fontkit.openSync(join(BUNDLED_FONTS.dir, `Inter-${style}.ttf`)) as Fontkit.Font;

/** What a catalog is made of: letters, digits, French accents, prices' spaces and signs, punctuation. */
const PAIR_CHARS = [
  ...' !"%&\'()+,-./0123456789:;?@ABCDEFGKLMOPTVWXYZ_afijklrtvwxyz€\u00a0\u202f–—’«»…×Øéèàçôï°²ÉÀŒœ',
];
const REPERTOIRE = Array.from({ length: 0x2100 - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

// Each case: a font and the features its runs are shaped with (fonts.ts featuresOf).
const CASES: [string, Record<string, boolean>][] = [
  ['Regular', { calt: false }],
  ['Regular', { calt: false, tnum: true }],
  ['SemiBoldItalic', { calt: false }],
];

describe('unitWidths: the width fontkit would give, without shaping', () => {
  for (const [style, features] of CASES) {
    it(`equals fontkit's advance width on every character and pair it takes (${style}, ${Object.keys(features).join('+')})`, () => {
      const font = open(style);
      // fontkit writes the features it planned into the object it is given: measure after it has.
      font.layout('Départ', features);
      const width = unitWidths(font, features)!;
      expect(width).toBeDefined();
      const mismatches: string[] = [];
      let taken = 0;
      const check = (text: string) => {
        const fast = width(text);
        if (fast === undefined) return;
        taken++;
        const shaped = font.layout(text, features).advanceWidth;
        if (fast !== shaped) mismatches.push(`${JSON.stringify(text)}: ${fast} ≠ ${shaped}`);
      };
      for (const ch of REPERTOIRE) check(ch);
      for (const a of PAIR_CHARS) for (const b of PAIR_CHARS) check(a + b);
      for (const text of [
        'Vis à bois tête fraisée',
        'VIS-4x40',
        '1\u202f234,50\u00a0€',
        '3760123456789',
        'AVATAR',
        'Œuvre',
      ])
        check(text);
      expect(mismatches).toEqual([]);
      // Nearly every character and pair of a catalog is taken: else the point is lost.
      expect(taken).toBeGreaterThan(PAIR_CHARS.length ** 2 + 500);
    });
  }

  it('leaves to fontkit what it cannot vouch for: marks, other scripts, fractions, invisible characters', () => {
    const font = open('Regular');
    const width = unitWidths(font, { calt: false })!;
    for (const text of [
      'e\u0301',
      'Ωmega',
      'Москва',
      '1\u20442',
      'co\u00adop',
      'a\u200db',
      '😀',
      'x\u{1F600}',
    ])
      expect(width(text), JSON.stringify(text)).toBeUndefined();
    expect(width('')).toBe(0);
  });

  it('kerns a digit-only text as fontkit does, under the default script rather than Latin', () => {
    const font = open('Regular');
    const features = { calt: false };
    const width = unitWidths(font, features)!;
    for (const text of ['11', '1.7', '7,4', '2026', '«1»', 'A1', '1A'])
      expect(width(text), text).toBe(font.layout(text, features).advanceWidth);
  });

  it('builds the glyph run fontkit would: the same glyphs, code points, positions and width', () => {
    for (const [style, features] of CASES) {
      const font = open(style);
      const shaping = fastShaping(font, features)!;
      const texts = [
        ...PAIR_CHARS.flatMap((a) => PAIR_CHARS.slice(0, 20).map((b) => a + b)),
        'Vis à bois tête fraisée',
        '1\u202f234,50\u00a0€ HT',
        'AVATAR «Tolérance» 7,4',
      ];
      const differences: string[] = [];
      let taken = 0;
      for (const text of texts) {
        const fast = shaping.run(text);
        if (!fast) continue;
        taken++;
        const slow = font.layout(text, features);
        const view = (run: Fontkit.GlyphRun) =>
          JSON.stringify({
            glyphs: run.glyphs.map((g) => [g.id, g.codePoints]),
            positions: run.positions,
            width: run.advanceWidth,
            script: run.script,
          });
        if (view(fast) !== view(slow)) differences.push(`${style} ${JSON.stringify(text)}`);
      }
      expect(differences).toEqual([]);
      expect(taken).toBe(texts.length);
    }
  });
});
