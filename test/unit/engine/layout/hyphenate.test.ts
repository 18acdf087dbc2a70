import { describe, expect, it } from 'vitest';
import { breakPoints, patternSetOf } from '../../../../main/engine/layout/hyphenate.ts';

/** The word with its break points shown: `·` adds a hyphen, `|` breaks after a dash of its own. */
function marked(word: string, locale: string | undefined): string {
  let out = '';
  let last = 0;
  for (const p of breakPoints(word, patternSetOf(locale))) {
    out += word.slice(last, p.at) + (p.hyphen ? '·' : '|');
    last = p.at;
  }
  return out + word.slice(last);
}

describe('breakPoints', () => {
  it('hyphenates French words with the French patterns', () => {
    expect(marked('conditionnement', 'fr-FR')).toBe('condi·tion·ne·ment');
    expect(marked('électricité', 'fr-FR')).toBe('élec·tri·cité');
    // Letters after an apostrophe or before punctuation are a word of their own.
    expect(marked("l'électricité,", 'fr-FR')).toBe("l'élec·tri·cité,");
  });

  it('hyphenates English words with the English patterns, British or American', () => {
    expect(marked('manufacturer', 'en-GB')).toBe('man·u·fac·turer');
    expect(marked('professional', 'en-US')).toBe('pro·fes·sional');
    expect(patternSetOf('en-US')).toBe('en-us');
    expect(patternSetOf('en-GB')).toBe('en-gb');
    expect(patternSetOf('en')).toBe('en-gb');
    expect(patternSetOf('de-DE')).toBeUndefined();
  });

  it('leaves words under 7 letters whole and keeps 3 letters on each side of a break', () => {
    expect(marked('fixer', 'fr-FR')).toBe('fixer');
    expect(marked('zingué', 'fr-FR')).toBe('zingué');
    for (const word of ['conditionnement', 'anticorrosion', 'imperméable', 'hyphenation', 'screwdriver'])
      for (const locale of ['fr-FR', 'en-GB'])
        for (const p of breakPoints(word, patternSetOf(locale))) {
          expect(p.at, `${word} ${locale}`).toBeGreaterThanOrEqual(3);
          expect(word.length - p.at, `${word} ${locale}`).toBeGreaterThanOrEqual(3);
        }
  });

  it('breaks after the hyphen or dash of a compound word, adding no hyphen, with or without patterns', () => {
    expect(marked('Perceuse-visseuse', undefined)).toBe('Perceuse-|visseuse');
    expect(marked('Perceuse–visseuse', undefined)).toBe('Perceuse–|visseuse');
    expect(marked('Perceuse-visseuse', 'fr-FR')).toBe('Per·ceuse-|vis·seuse');
  });

  it('never breaks a code or a number at its hyphens', () => {
    for (const code of ['VIS-4x40', 'AB-123-45', 'VIS-BOIS', 'EN-71', 'M8-50', 'vis-bois-40'])
      expect(breakPoints(code, 'fr')).toEqual([]);
  });

  it('gives nothing without patterns for a word with no dash', () => {
    expect(breakPoints('conditionnement', undefined)).toEqual([]);
  });
});
