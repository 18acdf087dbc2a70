// The text reshaping a mapping can ask for, applied in the order the user listed them.
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import type { CaseStyle, Transform } from './mapping-schema.ts';

const LOCALE = 'fr-FR';

/**
 * Words French titles keep in lower case ("Pull en Laine de Mérinos"), a few English ones too since
 * sheets mix both. Only in the middle of a title: the first word is always capitalised.
 */
const SMALL_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'ou',
  'à',
  'au',
  'aux',
  'en',
  'sur',
  'pour',
  'par',
  'avec',
  'and',
  'or',
  'of',
  'the',
  'for',
  'with',
]);

/** Elided articles glued to the next word ("l'Écrou", "d'Origine") stay lower case. */
const ELISION = /^(l|d|j|m|n|s|t|c|qu)['’]/i;

const capitalise = (word: string): string => {
  // Skip leading quotes or brackets (« (« ") so the first letter is the one capitalised.
  const match = /\p{L}/u.exec(word);
  if (!match) return word;
  const at = match.index;
  return word.slice(0, at) + word.charAt(at).toLocaleUpperCase(LOCALE) + word.slice(at + 1);
};

const titleWord = (word: string, first: boolean): string => {
  if (!first && SMALL_WORDS.has(word)) return word;
  const elided = ELISION.exec(word);
  if (elided) {
    const article = elided[0];
    return (first ? capitalise(article) : article) + titleWord(word.slice(article.length), false);
  }
  // "tee-shirt" → "Tee-Shirt", as in place names ("Saint-Étienne").
  return word
    .split('-')
    .map((part) => capitalise(part))
    .join('-');
};

/** Title and sentence case lower the rest first: their point is to tame "ÉCROU INOX" shouting. */
const toCase = (text: string, to: CaseStyle): string => {
  switch (to) {
    case 'upper':
      return text.toLocaleUpperCase(LOCALE);
    case 'lower':
      return text.toLocaleLowerCase(LOCALE);
    case 'sentence':
      return capitalise(text.toLocaleLowerCase(LOCALE));
    case 'title': {
      let first = true;
      // Split on whitespace but keep it, so line breaks and double spaces survive.
      return text
        .toLocaleLowerCase(LOCALE)
        .split(/(\s+)/)
        .map((part) => {
          if (part === '' || /^\s+$/.test(part)) return part;
          const word = titleWord(part, first);
          first = false;
          return word;
        })
        .join('');
    }
  }
};

const lookup = (text: string, values: Record<string, string>): string => {
  const key = text.trim();
  if (Object.hasOwn(values, key)) return values[key] ?? text;
  const folded = foldForMatch(key);
  const found = Object.keys(values).find((candidate) => foldForMatch(candidate.trim()) === folded);
  return found === undefined ? text : (values[found] ?? text);
};

/** Trims the ends and tidies the spaces of each line; Alt+Enter line breaks are the user's layout. */
const trim = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeSpaces(line))
    .join('\n')
    .trim();

const isBlank = (text: string): boolean => text.trim() === '';

export const applyTransform = (text: string, transform: Transform): string => {
  switch (transform.op) {
    case 'trim':
      return trim(text);
    case 'case':
      return toCase(text, transform.to);
    // Adding to nothing would print a lone "Réf. " or " €": prefixes and suffixes wait for a value
    // (put `default` first to give them one).
    case 'prefix':
      return isBlank(text) ? text : transform.value + text;
    case 'suffix':
      return isBlank(text) ? text : text + transform.value;
    case 'default':
      return isBlank(text) ? transform.value : text;
    case 'map':
      return lookup(text, transform.values);
    case 'replace':
      // split/join rather than replaceAll: the replacement is plain text, `$&` included.
      return text.split(transform.find).join(transform.with);
  }
};

export const applyTransforms = (text: string, transforms: readonly Transform[]): string =>
  transforms.reduce(applyTransform, text);
