// Guesses the field separator of a CSV/TXT file. French Excel writes `;` with decimal commas
// (`12,50`), English Excel writes `,`, "Texte (séparateur : tabulation)" writes tabs; the user is never asked.

export type Delimiter = ';' | ',' | '\t';

/** Also the order of preference when the evidence is even: tabs and semicolons are rare inside data. */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];

/** Records sampled: enough to see past a title block, few enough to stay instant on any file. */
const SAMPLE_RECORDS = 50;
/** Characters sampled at most, so that an unclosed quote cannot make the scan read a whole file. */
const SAMPLE_CHARS = 256 * 1024;

/** Used when no candidate appears at all: the file has a single column and French Excel is the norm. */
const FALLBACK: Delimiter = ';';

export function detectDelimiter(text: string): Delimiter {
  const records = sampleRecords(text);
  let best: { delimiter: Delimiter; score: Score } | undefined;
  for (const delimiter of CANDIDATES) {
    const score = scoreCandidate(delimiter, records);
    if (score.consistentRecords === 0) continue;
    if (!best || compareScores(score, best.score) > 0) best = { delimiter, score };
  }
  return best?.delimiter ?? FALLBACK;
}

/** Occurrences of each candidate outside quotes, for one non-blank record. */
type RecordCounts = { counts: Record<Delimiter, number>; betweenDigits: Record<Delimiter, number> };

type Score = {
  /** Records whose count equals the most frequent non-zero count: a real separator repeats. */
  consistentRecords: number;
  /** Most of the occurrences sit between two digits: a decimal comma, not a separator. */
  looksDecimal: boolean;
  /** The most frequent non-zero count per record. */
  fieldsPerRecord: number;
};

function compareScores(a: Score, b: Score): number {
  if (a.consistentRecords !== b.consistentRecords) return a.consistentRecords - b.consistentRecords;
  if (a.looksDecimal !== b.looksDecimal) return a.looksDecimal ? -1 : 1;
  // Strictly greater only: on a full tie the earlier (preferred) candidate stays.
  return a.fieldsPerRecord - b.fieldsPerRecord;
}

function scoreCandidate(delimiter: Delimiter, records: RecordCounts[]): Score {
  const frequency = new Map<number, number>();
  let total = 0;
  let betweenDigits = 0;
  for (const record of records) {
    const count = record.counts[delimiter];
    total += count;
    betweenDigits += record.betweenDigits[delimiter];
    if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let consistentRecords = 0;
  let fieldsPerRecord = 0;
  for (const [count, times] of frequency) {
    if (times > consistentRecords || (times === consistentRecords && count > fieldsPerRecord)) {
      consistentRecords = times;
      fieldsPerRecord = count;
    }
  }
  // Only the comma doubles as a decimal separator; `1;2` or `1\t2` between digits is ordinary data.
  const looksDecimal = delimiter === ',' && total > 0 && betweenDigits * 2 > total;
  return { consistentRecords, looksDecimal, fieldsPerRecord };
}

/**
 * Splits the start of the text into records, counting candidates outside double-quoted fields. The
 * delimiter is not known yet, so a quote opens a field when it follows any candidate or a line start;
 * a quote elsewhere is literal text, as csv-parse's relax_quotes reads it.
 */
function sampleRecords(text: string): RecordCounts[] {
  const records: RecordCounts[] = [];
  const end = Math.min(text.length, SAMPLE_CHARS);
  let current = emptyCounts();
  let blank = true;
  let inQuotes = false;
  let atFieldStart = true;

  const finishRecord = () => {
    if (!blank) records.push(current);
    current = emptyCounts();
    blank = true;
    atFieldStart = true;
  };

  for (let i = 0; i < end && records.length < SAMPLE_RECORDS; i++) {
    const char = text[i] ?? '';
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      finishRecord();
      continue;
    }
    if (char === '"' && atFieldStart) {
      inQuotes = true;
      blank = false;
      atFieldStart = false;
      continue;
    }
    if (isCandidate(char)) {
      current.counts[char]++;
      if (isDigit(text[i - 1]) && isDigit(text[i + 1])) current.betweenDigits[char]++;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
    if (char.trim() !== '' || isCandidate(char)) blank = false;
  }
  if (records.length < SAMPLE_RECORDS) finishRecord();
  return records;
}

function emptyCounts(): RecordCounts {
  return { counts: { ';': 0, ',': 0, '\t': 0 }, betweenDigits: { ';': 0, ',': 0, '\t': 0 } };
}

function isCandidate(char: string): char is Delimiter {
  return char === ';' || char === ',' || char === '\t';
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
