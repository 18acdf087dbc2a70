// A price list's validity as the user types it (`01/01/2027`, `2027-01-01`, `1er janvier 2027`): read
// with the same date reader the price grids' settings sheets use, into the ISO dates the contract
// carries. A date that cannot be read is refused naming the option or field it came from; nothing is
// guessed, and no date is ever filled in that the user did not give.
import { z } from 'zod';
import { CatalogError } from '../engine/errors.ts';
import { parseDate } from '../engine/values/parse-date.ts';

/** `YYYY-MM-DD`, a real calendar day: what `validFrom` / `validUntil` carry in a request. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => parseDate(s).ok, 'YYYY-MM-DD');

/** US locales read `01/02/2027` month first; every other one (and ISO dates) day first. */
const orderOf = (locale: string | undefined) => (/^en-US$/i.test(locale ?? '') ? 'mdy' : 'dmy');

/**
 * The ISO date of what the user typed for `name` (`--valid-from`, `validFrom`); undefined when they
 * typed nothing. Throws INVALID_DATE naming `name` when the text is not a date.
 */
export function userDate(text: string | undefined, name: string, locale?: string): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = parseDate(text, { order: orderOf(locale) });
  if (parsed.ok) return parsed.value;
  throw new CatalogError(
    'INVALID_DATE',
    {
      fr: `${name} : « ${text} » n'est pas une date — écrivez-la par exemple 01/01/2027 ou 2027-01-01`,
      en: `${name}: "${text}" is not a date — write it e.g. 01/01/2027 or 2027-01-01`,
    },
    { field: name },
  );
}

/** Refuses a validity that ends before it starts (VALIDITY_REVERSED), naming the end's option or field. */
export function checkValidity(from: string | undefined, until: string | undefined, untilName: string): void {
  if (from && until && until < from)
    throw new CatalogError(
      'VALIDITY_REVERSED',
      {
        fr: `${untilName} : la fin de validité (${until}) précède son début (${from})`,
        en: `${untilName}: the validity ends (${until}) before it starts (${from})`,
      },
      { field: untilName },
    );
}
