// Cuts a CSV line longer than the limit before the parser sees it. csv-parse holds a whole record and
// all its fields before handing it over, so a 50 MB line costs seconds and gigabytes there however
// early we would refuse it afterwards; here it costs one pass over the characters.

export type LineCut = {
  /** The record (Excel row) the cut line belongs to, counted as csv-parse counts them. */
  record: number;
  /** Characters of the physical line that was cut. */
  length: number;
};

export type CappedText = { text: string; cuts: LineCut[] };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * `text` with every physical line cut to `maxChars`: the rest of that record is dropped up to the
 * next record break, and a quoted field left open by the cut is closed, so the records after it
 * read as before. Quotes are read as csv-parse reads them with relax_quotes: a quote opens a field
 * only at its start, and `""` inside a quoted field is a quote.
 */
export function capLines(text: string, delimiter: string, maxChars: number): CappedText {
  if (!hasLongLine(text, maxChars)) return { text, cuts: [] };
  const separator = delimiter.charCodeAt(0);
  const parts: string[] = [];
  const cuts: LineCut[] = [];
  let emitFrom = 0;
  let lineStart = 0;
  let record = 1;
  let inQuotes = false;
  let fieldStart = true;
  /** The cut being skipped: its line's length is known at the line's end. */
  let cut: { lineStart: number; measured: boolean; entry: LineCut } | undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // The line has more than maxChars characters: what is before `i` is kept.
    if (!cut && i - lineStart >= maxChars && c !== CR && c !== LF) {
      const high = text.charCodeAt(i - 1);
      const at = high >= 0xd800 && high <= 0xdbff ? i - 1 : i;
      parts.push(text.slice(emitFrom, at));
      if (inQuotes) parts.push('"');
      const entry = { record, length: 0 };
      cuts.push(entry);
      cut = { lineStart, measured: false, entry };
    }
    if (c === CR || c === LF) {
      const step = c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (cut && !cut.measured) {
        cut.entry.length = i - cut.lineStart;
        cut.measured = true;
      }
      i += step;
      lineStart = i;
      if (inQuotes) continue;
      // A record ends here: a record being skipped resumes at its line break.
      if (cut) {
        emitFrom = i - step;
        cut = undefined;
      }
      record++;
      fieldStart = true;
      continue;
    }
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          i += 2;
          continue;
        }
        inQuotes = false;
      }
      i++;
      continue;
    }
    if (c === QUOTE && fieldStart) inQuotes = true;
    fieldStart = c === separator;
    i++;
  }
  if (cut) {
    if (!cut.measured) cut.entry.length = n - cut.lineStart;
  } else parts.push(text.slice(emitFrom));
  return { text: parts.join(''), cuts };
}

/** Cheap check first: most files have no long line, and indexOf is far faster than a character loop. */
function hasLongLine(text: string, maxChars: number): boolean {
  if (text.length <= maxChars) return false;
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    // A long stretch without LF may still be short lines ended by a lone CR (old Mac files).
    if (end - start > maxChars && longestCrLine(text, start, end) > maxChars) return true;
    start = end + 1;
  }
  return false;
}

function longestCrLine(text: string, start: number, end: number): number {
  let longest = 0;
  while (start < end) {
    const cr = text.indexOf('\r', start);
    const stop = cr < 0 || cr > end ? end : cr;
    longest = Math.max(longest, stop - start);
    start = stop + 1;
  }
  return longest;
}
