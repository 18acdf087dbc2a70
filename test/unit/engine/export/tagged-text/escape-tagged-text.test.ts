import { describe, expect, it } from 'vitest';
import {
  FORCED_LINE_BREAK,
  escapeTagValue,
  escapeText,
  tagNumber,
} from '../../../../../main/engine/export/tagged-text/escape-tagged-text.ts';

describe('escapeText', () => {
  it('escapes the three characters that open tags and escapes', () => {
    expect(escapeText('a <b> c \\ d')).toBe('a \\<b\\> c \\\\ d');
  });

  it('leaves tag separators alone: they mean nothing in text', () => {
    expect(escapeText('Réf. : 4,5 ; (x) [y] = z')).toBe('Réf. : 4,5 ; (x) [y] = z');
  });

  it.each([
    ['LF (Alt+Enter in Excel)', 'a\nb'],
    ['CR LF', 'a\r\nb'],
    ['CR alone', 'a\rb'],
    ['U+2028', 'a\u2028b'],
    ['U+2029', 'a\u2029b'],
  ])('turns a line break (%s) into a forced line break, never a paragraph end', (_, input) => {
    expect(escapeText(input)).toBe(`a${FORCED_LINE_BREAK}b`);
    expect(FORCED_LINE_BREAK).toBe('<0x000A>');
  });

  it('keeps tabs and no-break spaces, drops other control characters', () => {
    expect(escapeText('a\tb\u00a0€\u202f;\u0007\u001b')).toBe('a\tb\u00a0€\u202f;');
  });

  it('does not double-escape the backslash of a forced line break', () => {
    expect(escapeText('\\\n')).toBe('\\\\<0x000A>');
  });
});

describe('escapeTagValue', () => {
  it('escapes every separator of the tag syntax with a backslash', () => {
    expect(escapeTagValue('a:b,c;d=e(f)g[h]i<j>k\\l')).toBe('a\\:b\\,c\\;d\\=e\\(f\\)g\\[h\\]i\\<j\\>k\\\\l');
  });

  it('writes swatch and style names the way InDesign exports them', () => {
    expect(escapeTagValue('C=0 M=90 Y=85 K=10')).toBe('C\\=0 M\\=90 Y\\=85 K\\=10');
    expect(escapeTagValue('[Basic Paragraph]')).toBe('\\[Basic Paragraph\\]');
    expect(escapeTagValue('Produit – Nom')).toBe('Produit – Nom');
  });

  it('keeps a value on one line', () => {
    expect(escapeTagValue('Prix\nHT')).toBe('Prix HT');
  });
});

describe('tagNumber', () => {
  it.each([
    [10, '10'],
    [12.5, '12.5'],
    [9.375, '9.375'],
    [79.08661417, '79.087'],
    [-0.0001, '0'],
  ])('%s → %s', (value, expected) => expect(tagNumber(value)).toBe(expected));
});
