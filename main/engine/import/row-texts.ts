// What a row's text says about the row, read the way a person skims a price list: a footnote starts
// with an asterisk or "NB", a total says "Total", a reference looks like a code, a category like words.
// Pure pattern knowledge, kept apart from the decisions in row-roles.ts so each can be tested alone.

/** `*`, `**`, `NB :`, `(1)`, `¹`, "Note :", "Prix valables…", "E&OE": how notes under a table start. */
const NOTE_START =
  /^\s*(?:\*|†|‡|[¹²³⁴⁵]|\(\d{1,2}\)|\d{1,2}\)\s|n\.?\s?b\.?\s*[:.-]?\s|notes?\s*[:.-]|remarques?\s*[:.-]|rem\.\s|attention\s*[:!]|important\s*[:!]|conditions?\s|mentions?\s|sources?\s*:|prix valables?|tarifs? valables?|prices? valid|valable jusqu|valid until|sauf erreur|e\.?\s?&\s?o\.?\s?e\.?|franco\s|delivery\s|livraison\s)/i;

/** "Fournisseur : Würth", "Supplier: ACME": a label and its value alone on a line. */
const LABEL_VALUE = /^[\p{L}][\p{L}\s'’.-]{1,30}\s?:\s?\S/u;

const TOTAL_START =
  /^\s*(?:grand[\s-]?total|sous[\s-]?tota(?:l|ux)|sub[\s-]?totals?|totaux|totals?|montant\s+total|total\s+g[ée]n[ée]ral|somme|sum|gesamtsumme|summe|zwischensumme)\b/i;

const SUM_FORMULA = /\b(?:SUM|SOMME|SUBTOTAL|SOUS\.TOTAL|SUMME|TEILERGEBNIS)\s*\(/i;

/** `VIS-4x40`, `CLE-13`, `3760123450012`, `A1023`: a code, not words. */
const CODE = /^(?=[^\s]*\d)[\p{L}\d][\p{L}\d._/#-]*$/u;

export const startsLikeNote = (text: string): boolean => NOTE_START.test(text);

export const isLabelValue = (text: string): boolean => LABEL_VALUE.test(text) && !/\d{3,}/.test(text);

/** The letters a total's first word starts with (grand, sous, sub, total, montant, somme, summe, zwischen…). */
const TOTAL_INITIALS = new Set([103, 115, 116, 109, 122]);

export function startsLikeTotal(text: string): boolean {
  // Most texts start with another letter or a digit: settled without the regular expression (it
  // runs on the first cells of every row). A space first leaves it to the expression.
  const c = text.charCodeAt(0);
  if (c > 32 && c < 128 && !TOTAL_INITIALS.has(c | 0x20)) return false;
  return TOTAL_START.test(text);
}

export const isSumFormula = (formula: string | undefined): boolean =>
  formula !== undefined && SUM_FORMULA.test(formula);

/**
 * A code has no space inside it (once trimmed): the usual text (a name, a description, a pack) is
 * told by one `indexOf` before the regular expression, which runs on every text cell of a large sheet.
 */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  return t.indexOf(' ') < 0 && CODE.test(t);
}

/** A sentence rather than a label: many words, or words ending with a full stop. */
export function isSentence(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 9 || (text.length > 70 && words.length >= 5)) return true;
  return words.length >= 5 && /[.!]$/.test(text.trim());
}

/** Has letters and reads as words: what a category or family name looks like. */
export const readsAsWords = (text: string): boolean => /\p{L}{2,}/u.test(text) && !looksLikeCode(text);

/** A short form of a row's text for a list of decisions. */
/** How many characters `shorten` keeps unless told. */
export const SHORT_TEXT = 48;

export const shorten = (text: string, max = SHORT_TEXT): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * The stem of a reference, for telling variants of one product (`TS-100-S`, `TS-100-M` under
 * `TS-100`) from neighbours (`TS-100`, `TS-101`): the code up to its last separator.
 */
function referenceStem(code: string): string {
  const trimmed = code.trim().toUpperCase();
  const cut = Math.max(trimmed.lastIndexOf('-'), trimmed.lastIndexOf('_'), trimmed.lastIndexOf('/'));
  return cut > 0 ? trimmed.slice(0, cut) : trimmed;
}

/** Whether `code` is `parent` itself or `parent` followed by a separator (a size or colour suffix). */
export function sharesStem(code: string, parent: string): boolean {
  const a = code.trim().toUpperCase();
  const b = parent.trim().toUpperCase();
  if (!a || !b || a === b) return false;
  if (a.startsWith(b) && /^[-_/.]/.test(a.slice(b.length))) return true;
  // Siblings share a stem only when it carries the product's number (`TS-100-S`, `TS-100-M`); `VIS-4x40`
  // and `VIS-5x50` share only a family prefix and are two products.
  const stem = referenceStem(a);
  return /\d/.test(stem) && stem === referenceStem(b);
}
