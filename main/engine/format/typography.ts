// Typography for printed text. In every language, a number is tied to its unit (« 0,5 mm/m », "25 kg",
// « 10 x 20 cm ») and a code to its number (« AB 123-45 », "EN 71-3") by a no-break space (U+00A0),
// so a line never breaks between them. In French, also a narrow no-break space (U+202F) before ; : ! ?
// and inside « », a no-break space before €.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

// Only texts with one of these characters can change: most values (names, references) are returned as
// they are, after one test rather than four replacing passes.
const FRENCH_SIGNS = /[;:!?«»€]/;
const PUNCTUATION = /[;:!?]/;
// An amount and its € not yet tied by exactly one no-break space: a price from Intl already is.
const EURO_TO_TIE = /\d(?:|[ \u202f]|[ \u00a0\u202f]{2,})€/;

/**
 * Units that follow a number. Case matters (`m` metre, `M` is not a unit here; `L` and `l` litre),
 * and a unit must end there (`25 kgs` is not tied, nor `3 mois`): the list is what catalogs print.
 */
const UNITS = [
  'mm/m',
  'mm',
  'cm',
  'dm',
  'km',
  'm²',
  'm³',
  'm2',
  'm3',
  'm',
  'µm',
  'mg',
  'kg',
  'g',
  't',
  'ml',
  'mL',
  'cl',
  'cL',
  'dl',
  'dL',
  'L',
  'l',
  'mAh',
  'Ah',
  'mA',
  'A',
  'kWh',
  'Wh',
  'kW',
  'W',
  'V',
  'kHz',
  'MHz',
  'GHz',
  'Hz',
  'kPa',
  'Pa',
  'bar',
  'Nm',
  'N',
  'dB',
  'lm',
  'lx',
  'K',
  '°C',
  '°F',
  '°',
  '%',
  '‰',
  'min',
  'ms',
  'h',
  's',
  'pcs',
  'pces',
  'pc',
  'pièces',
  'pièce',
  'pieces',
  'piece',
  'ex.',
  'mm²',
  'cm²',
  'cm³',
  'in',
  'ft',
  'oz',
  'lb',
  'lbs',
  'gal',
];
const UNIT = UNITS.map((u) => u.replace(/[.]/g, '\\.')).join('|');

// One test for every tie below: a digit, spaces, then a unit's first sign or a times sign; or a code
// in capitals, spaces, then a digit. Names and sentences without figures fail it at once.
const MAY_TIE = /\d +[\p{L}°%‰µ×]|\p{Lu} +\d/u;
/** A number, then its unit: the unit ends where letters end (`25 kg,` and `25 kg)` tie, `3 mois` does not). */
const NUMBER_UNIT = new RegExp(`(\\d) +(?=(?:${UNIT})(?![\\p{L}\\d]))`, 'gu');
/** Dimensions: « 10 x 20 cm », "10 × 20 × 5 mm". */
const DIMENSION = /(\d) +([x×X]) +(?=\d)/g;
/**
 * A code of capitals (2 to 5, starting a word) and its number: a reference
 * « AB 123-45 », a standard "EN 71-3", "ISO 9001". A capital word longer than five letters is a word
 * of a title in capitals, not a code, and breaks as words do.
 */
const CODE_NUMBER = /(?<![\p{L}\d])(\p{Lu}{2,5}) +(?=\d)/gu;

/** Number–unit, dimension and code–number ties, in any language. */
export function tieNumbers(text: string): string {
  if (!MAY_TIE.test(text)) return text;
  return text
    .replace(NUMBER_UNIT, `$1${NBSP}`)
    .replace(DIMENSION, `$1${NBSP}$2${NBSP}`)
    .replace(CODE_NUMBER, `$1${NBSP}`);
}

/** A reference prints on one line: every space in it is a no-break one. */
export const tieReference = (text: string): string => (text.includes(' ') ? text.replace(/ /g, NBSP) : text);

export function frenchTypography(text: string): string {
  const tied = tieNumbers(text);
  if (!FRENCH_SIGNS.test(tied)) return tied;
  let out = tied;
  // Only where the writer put a space: "http://" and "10:30" have none and must stay as they are.
  if (PUNCTUATION.test(out)) out = out.replace(/[ \u00a0\u202f]+([;:!?])/g, `${NNBSP}$1`);
  if (out.includes('«')) out = out.replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`);
  if (out.includes('»')) out = out.replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`);
  if (EURO_TO_TIE.test(out)) out = out.replace(/(\d)[ \u00a0\u202f]*€/g, `$1${NBSP}€`);
  return out;
}

export const typographyFor = (locale: string) =>
  locale.toLowerCase().startsWith('fr') ? frenchTypography : tieNumbers;
