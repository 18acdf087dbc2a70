// French typography for printed text: a narrow no-break space (U+202F) before ; : ! ? and inside
// « », a no-break space (U+00A0) before € — so a line never breaks between a word and its sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

// Only texts with one of these characters can change: most values (names, references) are returned as
// they are, after one test rather than four replacing passes.
const FRENCH_SIGNS = /[;:!?«»€]/;
const PUNCTUATION = /[;:!?]/;
// An amount and its € not yet tied by exactly one no-break space: a price from Intl already is.
const EURO_TO_TIE = /\d(?:|[ \u202f]|[ \u00a0\u202f]{2,})€/;

export function frenchTypography(text: string): string {
  if (!FRENCH_SIGNS.test(text)) return text;
  let out = text;
  // Only where the writer put a space: "http://" and "10:30" have none and must stay as they are.
  if (PUNCTUATION.test(out)) out = out.replace(/[ \u00a0\u202f]+([;:!?])/g, `${NNBSP}$1`);
  if (out.includes('«')) out = out.replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`);
  if (out.includes('»')) out = out.replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`);
  if (EURO_TO_TIE.test(out)) out = out.replace(/(\d)[ \u00a0\u202f]*€/g, `$1${NBSP}€`);
  return out;
}

export const typographyFor = (locale: string) =>
  locale.toLowerCase().startsWith('fr') ? frenchTypography : (text: string) => text;
