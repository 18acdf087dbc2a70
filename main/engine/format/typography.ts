// French typography for printed text: a narrow no-break space (U+202F) before ; : ! ? and inside
// « », a no-break space (U+00A0) before € — so a line never breaks between a word and its sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

export function frenchTypography(text: string): string {
  return (
    text
      // Only where the writer put a space: "http://" and "10:30" have none and must stay as they are.
      .replace(/[ \u00a0\u202f]+([;:!?])/g, `${NNBSP}$1`)
      .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
      .replace(/(\d)[ \u00a0\u202f]*€/g, `$1${NBSP}€`)
  );
}

export const typographyFor = (locale: string) =>
  locale.toLowerCase().startsWith('fr') ? frenchTypography : (text: string) => text;
