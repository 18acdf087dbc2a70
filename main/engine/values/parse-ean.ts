// Bar codes (GTIN family) from text cells or from number cells where Excel stored them as numbers.
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

export type EanFormat = 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';
export type Ean = { code: string; format: EanFormat };

const FORMAT_OF_LENGTH: Partial<Record<number, EanFormat>> = {
  8: 'EAN-8',
  12: 'UPC-A',
  13: 'EAN-13',
  14: 'GTIN-14',
};

/**
 * Digits are kept as typed: no leading zero is added back. Excel drops the leading 0 of an EAN-13
 * stored as a number, leaving 12 digits, but nothing can tell that apart from a genuine UPC-A —
 * the GS1 check digit weighs digits from the right, so a leading 0 never changes it, and an EAN-13
 * starting with 0 *is* the UPC-A with a 0 in front. Such a number is returned as the UPC-A Excel
 * shows; a caller wanting 13 digits can prefix the 0 without changing the product identified.
 */
export function parseEan(input: string | number): Parsed<Ean> {
  const digits = typeof input === 'number' ? digitsOfNumber(input) : digitsOfText(input);
  if (!digits.ok) return digits;
  const code = digits.value;
  const format = FORMAT_OF_LENGTH[code.length];
  if (format === undefined) return fail('bad-ean-length');
  if (gs1CheckDigit(code.slice(0, -1)) !== Number(code.slice(-1))) return fail('bad-ean-check-digit');
  return ok({ code, format });
}

/** The GS1 mod-10 check digit: weights 3, 1, 3, … from the rightmost data digit, for every length. */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new RangeError(`Not GS1 digits: "${digitsWithoutCheck}"`);
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - i]);
    sum += i % 2 === 0 ? 3 * digit : digit;
  }
  return (10 - (sum % 10)) % 10;
}

function digitsOfNumber(n: number): Parsed<string> {
  if (!Number.isInteger(n) || n < 0) return fail('bad-ean-digits');
  // Past 2^53 a double no longer holds every digit; any GTIN (14 digits at most) is far below that.
  if (!Number.isSafeInteger(n)) return fail('bad-ean-length');
  // Safe integers print in full, without the exponent Excel shows (3.24568E+12).
  return ok(String(n));
}

function digitsOfText(text: string): Parsed<string> {
  // Spaces and hyphens are how codes are printed; a leading apostrophe is how Excel is told to keep
  // a code as text, and CSV exports sometimes leave it in.
  const compact = text.replace(/[\s\-\u2010\u2011]/g, '').replace(/^'/, '');
  if (compact === '') return fail('empty');
  return /^\d+$/.test(compact) ? ok(compact) : fail('bad-ean-digits');
}
