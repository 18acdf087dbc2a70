// What every value parser returns: a value, or the reason the text is not one. Parsers never throw on
// user data and never fall back to 0 — a wrong price that looks right is worse than a reported cell.

export type ParseFailure =
  | 'empty'
  | 'not-a-number'
  | 'ambiguous'
  | 'not-a-price'
  | 'not-a-percent'
  | 'bad-ean-length'
  | 'bad-ean-digits'
  | 'bad-ean-check-digit'
  | 'not-a-boolean'
  | 'not-a-date';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

// Typed `never` so one failure fits any Parsed<T>.
export const fail = (reason: ParseFailure): Parsed<never> => ({ ok: false, reason });
