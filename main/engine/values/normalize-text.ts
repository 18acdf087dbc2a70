// Spreadsheet text arrives with no-break spaces from French Excel, tabs and Alt+Enter breaks from
// copy-paste, and zero-width characters from the web. Parsers and header matching see through them.

// Invisible characters pasted from web pages; they split a word without looking like a space.
const ZERO_WIDTH = /[\u200B-\u200D\u2060]/g;

/**
 * Turns every kind of whitespace (U+00A0, U+202F, U+2009, tabs, line breaks…) into one ordinary
 * space, collapses runs and trims. Line breaks go too: callers use this to read values and headers,
 * where an Alt+Enter break means no more than a space.
 */
export function normalizeSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/**
 * A key for forgiving comparison of headers and sheet names: lowercase, no accents, no punctuation.
 * `Prix H.T. (€)` and `prix ht` fold alike; so do `Réf.Fournisseur` and `ref fournisseur`.
 */
export function foldForMatch(s: string): string {
  const folded = s
    // NFKD rather than NFD: it also unpacks ligatures, superscripts and full-width forms (`m²` → `m2`).
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    // Letters with a stroke have no decomposition: Vietnamese `Đơn giá`, Polish `zł`, Danish `ø`.
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    // Dots after a lone letter are initials (`H.T.`, `T.T.C.`): join them so they match `HT`, `TTC`.
    .replace(/(?<![\p{L}\p{N}])(\p{L})\./gu, '$1')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');
  return normalizeSpaces(folded);
}
