// Dates typed as text in French and English sheets, and Excel's date serial numbers, both as ISO
// `YYYY-MM-DD`. Only calendar dates: a time of day after the date is tolerated and dropped.
import { normalizeSpaces } from './normalize-text.ts';
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

export type DateOrder = 'dmy' | 'mdy';
export type DateOptions = {
  /** How `01/02/2026` reads: 1 February (`dmy`, the default, French) or 2 January (`mdy`, US). */
  order?: DateOrder;
};

// French and English names of each month, accents removed; abbreviations are their prefixes.
const MONTH_NAMES = [
  ['janvier', 'january'],
  ['fevrier', 'february'],
  ['mars', 'march'],
  ['avril', 'april'],
  ['mai', 'may'],
  ['juin', 'june'],
  ['juillet', 'july'],
  ['aout', 'august'],
  ['septembre', 'september'],
  ['octobre', 'october'],
  ['novembre', 'november'],
  ['decembre', 'december'],
];
const WEEKDAY_NAMES = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

// `23/11/2026 10:30` and `2026-11-23T10:30:00Z` come from datetime cells exported to CSV.
const TIME = String.raw`(?:[ t]\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
// `23 novembre 2026`, `1er janvier 2026`, `23 Nov 2026`, Excel's `23-nov.-26`.
const DAY_MONTH_YEAR = /^(\d{1,2})(?:er|st|nd|rd|th)?[\s./-]+([a-z]+)[\s.,/-]+(\d{4}|\d{2})$/;
// `November 23, 2026`, `Nov. 23rd 2026`.
const MONTH_DAY_YEAR = /^([a-z]+)[\s.]+(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{4}|\d{2})$/;
const LEADING_WORD = /^([a-z]+)[.,]?\s+(.*)$/;

export function parseDate(text: string, opts: DateOptions = {}): Parsed<string> {
  const folded = normalizeSpaces(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === '') return fail('empty');
  const order = opts.order ?? 'dmy';
  const date = readDate(folded, order) ?? readAfterWeekday(folded, order);
  return date === undefined ? fail('not-a-date') : ok(date);
}

function readDate(s: string, order: DateOrder): string | undefined {
  const iso = ISO.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[3])];
    const year = fullYear(numeric[4] ?? '');
    return order === 'dmy' ? isoDate(year, second, first) : isoDate(year, first, second);
  }
  const dayFirst = DAY_MONTH_YEAR.exec(s);
  if (dayFirst) return isoDate(fullYear(dayFirst[3] ?? ''), monthOf(dayFirst[2] ?? ''), Number(dayFirst[1]));
  const monthFirst = MONTH_DAY_YEAR.exec(s);
  if (monthFirst)
    return isoDate(fullYear(monthFirst[3] ?? ''), monthOf(monthFirst[1] ?? ''), Number(monthFirst[2]));
  return undefined;
}

/**
 * Long date formats start with the weekday (`lundi 23 novembre 2026`, `Monday, November 23, 2026`).
 * It is tried only after the whole text failed, because `mar` is both mardi and March.
 */
function readAfterWeekday(s: string, order: DateOrder): string | undefined {
  const match = LEADING_WORD.exec(s);
  const [, word = '', rest = ''] = match ?? [];
  if (word.length < 3 || !WEEKDAY_NAMES.some((name) => name.startsWith(word))) return undefined;
  return readDate(rest, order);
}

/** The month a name or abbreviation (3 letters at least) stands for, if only one fits: `juil`, not `jui`. */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const months = new Set<number>();
  MONTH_NAMES.forEach((names, index) => {
    if (names.some((name) => name.startsWith(word))) months.add(index + 1);
  });
  return months.size === 1 ? [...months][0] : undefined;
}

// Two-digit years pivot at 70, like Excel's own reading of `23/11/26`.
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function isoDate(year: number, month: number | undefined, day: number): string | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DAY_MS = 86_400_000;
const LAST_DAY_MS = Date.UTC(9999, 11, 31);

/**
 * The calendar date of an Excel serial number; the time of day is dropped. Throws a RangeError for a
 * serial no date can have (negative, not finite, past 9999-12-31).
 *
 * The 1900 system counts a 29 February 1900 that never was (Lotus 1-2-3's bug, kept by Excel):
 * serials from 61 on count from 1899-12-30, earlier ones from 1899-12-31, and the phantom day 60
 * reads as 1900-03-01, as JavaScript's own calendar would roll it.
 */
export function excelSerialToIso(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial) || serial < 0) throw new RangeError(`Not an Excel date serial: ${serial}`);
  // Round to the millisecond first: a formula's midnight is often 45000.99999999999, meaning 45001.
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, day >= 61 ? 30 : 31);
  const time = epoch + day * DAY_MS;
  if (time > LAST_DAY_MS) throw new RangeError(`Excel date serial past 9999-12-31: ${serial}`);
  return new Date(time).toISOString().slice(0, 10);
}
