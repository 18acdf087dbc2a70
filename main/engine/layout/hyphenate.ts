// Where a word may be broken at the end of a line: Liang's patterns (the `hyphen` package, TeX's
// French and English patterns) for words of 7 letters or more, at least 3 letters kept on each side;
// and, in any word, just after a hard hyphen or a dash that joins two words (« Perceuse-visseuse »),
// where the break adds no hyphen. Codes and numbers (« AB-123 », "VIS-4x40", « vis-bois-40 ») are
// never broken: a hyphen counts only between a lowercase letter and a letter, in a word without figures.
//
// Only asked for a word that does not fit at a line's end, and cached per word and language, so a
// catalog pays for the patterns once per distinct long word.
import { createRequire } from 'node:module';

/** A place to break `text`: `at` characters go on the line, followed by a hyphen when `hyphen`. */
export type BreakPoint = { at: number; hyphen: boolean };

type Hyphenator = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
type PatternSet = 'fr' | 'en-gb' | 'en-us';

const MIN_WORD = 7;
const MIN_BEFORE = 3;
const MIN_AFTER = 3;
/** Past this many distinct words, a language's cache (and the library's own) starts afresh. */
const MAX_WORDS = 20_000;

/** The patterns for a locale: French, British or American English; none for other languages. */
export function patternSetOf(locale: string | undefined): PatternSet | undefined {
  const l = locale?.toLowerCase() ?? '';
  if (l.startsWith('fr')) return 'fr';
  if (l === 'en-us' || l.startsWith('en-us-')) return 'en-us';
  if (l.startsWith('en')) return 'en-gb';
  return undefined;
}

const load = createRequire(import.meta.url);
type Patterns = { hyphenator: Hyphenator; words: Map<string, number[]> };
const loaded = new Map<PatternSet, Patterns>();

function patternsFor(set: PatternSet): Patterns {
  let p = loaded.get(set);
  if (!p || p.words.size >= MAX_WORDS) {
    // A new hyphenator too: the library keeps every word it saw in caches of its own.
    const { patterns } = load(`hyphen/${set}`) as { patterns: unknown };
    const create = load('hyphen') as (patterns: unknown, options: object) => Hyphenator;
    p = { hyphenator: create(patterns, { html: false, minWordLength: MIN_WORD }), words: new Map() };
    loaded.set(set, p);
  }
  return p;
}

const LETTERS = /\p{L}+/gu;
const SOFT = '\u00ad';

/** Pattern positions inside a run of letters (offsets from its start), 3 letters kept on each side. */
function letterBreaks(p: Patterns, letters: string): number[] {
  let found = p.words.get(letters);
  if (found) return found;
  found = [];
  const marked = p.hyphenator(letters, { hyphenChar: SOFT });
  let at = 0;
  for (const ch of marked) {
    if (ch === SOFT) {
      if (at >= MIN_BEFORE && letters.length - at >= MIN_AFTER) found.push(at);
    } else at += ch.length;
  }
  p.words.set(letters, found);
  return found;
}

const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isLetter = (c: string) => /\p{L}/u.test(c);
const DASHES = '-\u2010\u2013\u2014';
const DIGIT = /\d/;

/**
 * Every place `text` (one word, no spaces) may break, in increasing order. With `patterns`, the
 * pattern points of each run of 7 letters or more (« l'électricité » hyphenates « électricité »).
 */
export function breakPoints(text: string, patterns: PatternSet | undefined): BreakPoint[] {
  const points: BreakPoint[] = [];
  // A word with a figure is a code (« vis-bois-40 »): it keeps its hyphens.
  if (!DIGIT.test(text))
    for (let i = 1; i < text.length - 1; i++)
      if (DASHES.includes(text[i]!) && isLower(text[i - 1]!) && isLetter(text[i + 1]!))
        points.push({ at: i + 1, hyphen: false });
  if (patterns && text.length >= MIN_WORD) {
    const p = patternsFor(patterns);
    for (const m of text.matchAll(LETTERS)) {
      if (m[0].length < MIN_WORD) continue;
      for (const at of letterBreaks(p, m[0])) points.push({ at: m.index + at, hyphen: true });
    }
    if (points.length > 1) points.sort((a, b) => a.at - b.at);
  }
  return points;
}
