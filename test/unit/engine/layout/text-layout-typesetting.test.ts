// Line breaking as a typesetter would: hyphenation in running text, breaks after a dash rather than
// before it, and no paragraph ending on a lone word when the line above can give it one.
import { describe, expect, it } from 'vitest';
import { fontMetrics, type FontRef } from '../../../../main/engine/layout/fonts.ts';
import { layoutText, type TextResult } from '../../../../main/engine/layout/text-layout.ts';
import {
  DEFAULT_CHARACTER_STYLES,
  DEFAULT_PARAGRAPH_STYLES,
  ParagraphStyle,
} from '../../../../main/engine/templates/layout-schema.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import { lineEnd, lineText } from './plan-queries.ts';

const REGULAR: FontRef = { family: 'Inter', weight: 'regular', italic: false };
const width = (text: string) => fontMetrics(REGULAR, BUNDLED_FONTS).width(text, 10);
const style = (extra: Partial<ParagraphStyle> = {}): ParagraphStyle =>
  ParagraphStyle.parse({ name: 'Essai', size: 10, leading: 12, ...extra });
const lay = (text: string, extra: Partial<ParagraphStyle>, frameWidth: number, locale?: string) =>
  layoutText(
    [{ text }],
    style(extra),
    DEFAULT_CHARACTER_STYLES,
    { width: frameWidth, height: 1000 },
    BUNDLED_FONTS,
    locale,
  );
const lines = (result: TextResult) => result.lines.map(lineText);

describe('hyphenation', () => {
  const text = 'Livré avec conditionnement individuel';
  // Room for « Livré avec condition- » but not for the whole word.
  const frame = width('Livré avec condition-') + 1;

  it('breaks a long word at a French hyphenation point in a style that hyphenates', () => {
    const result = lay(text, { hyphenate: true }, frame, 'fr-FR');
    expect(lines(result)[0]).toBe('Livré avec condition-');
    expect(lines(result).join(' ').replace(/- /g, '')).toBe(text);
    for (const line of result.lines) expect(lineEnd(line)).toBeLessThanOrEqual(frame + 0.01);
  });

  it('does not hyphenate in a style that does not ask for it, nor without a locale it knows', () => {
    expect(lines(lay(text, {}, frame, 'fr-FR'))[0]).toBe('Livré avec');
    expect(lines(lay(text, { hyphenate: true }, frame, 'de-DE'))[0]).toBe('Livré avec');
  });

  it('hyphenates English text with the English patterns', () => {
    const english = 'Supplied by the manufacturer with instructions';
    const room = width('Supplied by the manufac-') + 1;
    expect(lines(lay(english, { hyphenate: true }, room, 'en-GB'))[0]).toBe('Supplied by the manufac-');
    // The language matters: « empreinte » is « em-preinte » in French (too short a head to break),
    // « empre-inte » in English.
    const frame = width('Une empre-') + 1;
    expect(lines(lay('Une empreinte nette', { hyphenate: true }, frame, 'fr-FR'))[0]).toBe('Une');
    expect(lines(lay('Une empreinte nette', { hyphenate: true }, frame, 'en-GB'))[0]).toBe('Une empre-');
  });

  it('leaves a word under 7 letters whole', () => {
    const result = lay(
      'Vis en acier zingué brut',
      { hyphenate: true },
      width('Vis en acier zin-') + 1,
      'fr-FR',
    );
    expect(lines(result)).toEqual(['Vis en acier', 'zingué brut']);
  });

  it("does not hyphenate a paragraph's last word when it fits a line whole", () => {
    const result = lay('Acier inoxydable', { hyphenate: true }, width('Acier inoxy-') + 1, 'fr-FR');
    expect(lines(result)).toEqual(['Acier', 'inoxydable']);
  });

  it('hyphenates a word wider than the line instead of shrinking or cutting it anywhere', () => {
    const result = lay('conditionnement', { hyphenate: true, minSize: 6 }, width('condition-') + 1, 'fr-FR');
    expect(result.size).toBe(10);
    expect(lines(result)).toEqual(['condition-', 'nement']);
  });

  it('is on by default for descriptions only, not for names, references, prices or table cells', () => {
    const { body, title, reference, price, tableCell, detail } = DEFAULT_PARAGRAPH_STYLES;
    expect(body.hyphenate).toBe(true);
    for (const s of [title, reference, price, tableCell, detail]) expect(s.hyphenate ?? false).toBe(false);
  });
});

describe('dashes', () => {
  it('keeps a spaced dash at the end of its line, never opening the next', () => {
    const text = 'Perceuse – visseuse sans fil';
    const wide = lay(text, {}, width('Perceuse – vis'));
    expect(lines(wide)[0]).toBe('Perceuse –');
    const title = lay('Quincaillerie Martin — Tarif 2026', {}, width('Quincaillerie Martin — T'));
    expect(lines(title)).toEqual(['Quincaillerie Martin —', 'Tarif 2026']);
  });

  it('ends a line after a spaced dash rather than a word later, when the rest still fits', () => {
    const title = 'Quincaillerie Martin — Tarif professionnel 2026';
    const frame = Math.max(width('Quincaillerie Martin — Tarif'), width('Tarif professionnel 2026')) + 1;
    expect(lines(lay(title, {}, frame))).toEqual(['Quincaillerie Martin —', 'Tarif professionnel 2026']);
    // When the rest would need one more line, greedy breaking stands.
    const long = 'Anticonstitutionnellement';
    const narrow = Math.max(width('Quincaillerie Martin — Tarif'), width(long)) + 1;
    expect(width(`Tarif ${long}`)).toBeGreaterThan(narrow);
    expect(lines(lay(`Quincaillerie Martin — Tarif ${long}`, {}, narrow))).toEqual([
      'Quincaillerie Martin — Tarif',
      long,
    ]);
  });

  it('breaks a compound word after its hyphen, in any style', () => {
    const result = lay('Perceuse-visseuse compacte', {}, width('Perceuse-vis'));
    expect(lines(result)).toEqual(['Perceuse-', 'visseuse', 'compacte']);
  });

  it('never breaks a reference at its hyphens', () => {
    const frame = width('Réf. vis-bois-') + 1;
    expect(lines(lay('Réf. vis-bois-40 zingué', {}, frame))).toEqual(['Réf.', 'vis-bois-40', 'zingué']);
  });
});

describe('no one-word last line', () => {
  it('moves the last word of the line above down to a lone last word', () => {
    const text = 'Gants de protection nitrile jetables';
    const frame = width('Gants de protection nitrile') + 1;
    // Greedy breaking would leave « jetables » alone.
    expect(lines(lay(text, {}, frame))).toEqual(['Gants de protection', 'nitrile jetables']);
  });

  it('keeps the line count, so a name that fitted its two lines still does', () => {
    const text = 'Gants de protection nitrile jetables';
    const frame = width('Gants de protection nitrile') + 1;
    const result = lay(text, { maxLines: 2 }, frame);
    expect(result.lines).toHaveLength(2);
    expect(result.overset).toBe(false);
  });

  it('leaves it when the two words would not fit one line, or the line above has one word', () => {
    const text = 'Gants de protection nitrile jetables';
    const narrow = width('nitrile jetables') - 1;
    expect(lines(lay(text, {}, narrow)).at(-1)).toBe('jetables');
    expect(lines(lay('Anticorrosion galvanisé', {}, width('Anticorrosion') + 1))).toEqual([
      'Anticorrosion',
      'galvanisé',
    ]);
  });

  it('leaves a last line that ends a hyphenated word', () => {
    const result = lay('Vis conditionnement', { hyphenate: true }, width('Vis condition-') + 1, 'fr-FR');
    expect(lines(result)).toEqual(['Vis condition-', 'nement']);
  });
});
