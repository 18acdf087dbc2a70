// Reads a CSV/TXT file into the same RawSheet an Excel sheet gives, numbering rows the way Excel does
// when it opens the file (one row per record, blank lines included), so issues point at the right row.
import { CsvError, parse } from 'csv-parse/sync';
import { CatalogError } from '../errors.ts';
import type { Cell, Issue, RawRow, RawSheet } from '../model.ts';
import { formatRef } from '../common/cell-ref.ts';
import { columnLetter } from '../common/column-letter.ts';
import { capLines, type LineCut } from './cap-lines.ts';
import { decodeText } from './decode-text.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';

export type CsvReadResult = {
  sheet: RawSheet;
  encoding: string;
  delimiter: string;
  /** Lines cut at the line limit, one warning each. */
  notices: Issue[];
};

export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  limits: Pick<ImportLimits, 'maxRows' | 'maxColumns'> & Partial<Pick<ImportLimits, 'maxLineChars'>>,
  /** Called on every record: throws to stop the parse (cancel, deadline). */
  check?: (recordsRead: number) => void,
): CsvReadResult {
  const file = baseName(fileName);
  const decoded = decodeText(bytes);
  const { encoding } = decoded;
  const delimiter = detectDelimiter(decoded.text);
  const maxLineChars = limits.maxLineChars ?? DEFAULT_LIMITS.maxLineChars;
  const { text, cuts } = capLines(decoded.text, delimiter, maxLineChars);
  const cutAt = new Map(cuts.map((cut) => [cut.record, cut]));
  const sheetName = withoutExtension(file);
  const notices: Issue[] = [];
  const rows: RawRow[] = [];
  // Physical line (as a text editor numbers it) where the next record starts; csv-parse's own `lines`
  // miscounts CRLF inside quoted fields, and an unclosed quote is only reported at the end of the file.
  let nextRecordLine = 1;

  try {
    parse(text, {
      delimiter,
      quote: '"',
      escape: '"',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
      on_record: (fields: string[], context) => {
        const number = context.records;
        check?.(number);
        nextRecordLine += 1 + fields.reduce((sum, field) => sum + countLineBreaks(field), 0);
        const cells = toCells(fields);
        const cut = cutAt.get(number);
        if (cut)
          notices.push(lineTooLong(file, sheetName, cut, Math.max(0, fields.length - 1), maxLineChars));
        const width = lastFilledIndex(cells) + 1;
        if (width === 0) return null; // A blank record keeps its number but needs no row.
        if (number > limits.maxRows) throw tooManyRows(file, limits.maxRows);
        if (width > limits.maxColumns) throw tooManyColumns(file, limits.maxColumns, number);
        // Empty fields past the limit (trailing separators) are dropped rather than refused.
        rows.push({ number, hidden: false, cells: cells.slice(0, limits.maxColumns) });
        // Rows are collected above rather than returned, so the parser keeps no second copy.
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw malformed(file, nextRecordLine, error);
    throw error;
  }

  return {
    sheet: {
      name: sheetName,
      state: 'visible',
      rows,
      hiddenColumns: [],
      merges: [],
      images: [],
    },
    encoding,
    delimiter,
    notices,
  };
}

function toCells(fields: string[]): Cell[] {
  return fields.map((field) =>
    field === ''
      ? { value: { kind: 'empty' } }
      : // Same line breaks as an Excel cell with Alt+Enter, whatever the file's line endings.
        { value: { kind: 'text', value: field.replace(/\r\n?/g, '\n') } },
  );
}

function lastFilledIndex(cells: Cell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i]?.value.kind !== 'empty') return i;
  }
  return -1;
}

function countLineBreaks(field: string): number {
  return field.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function withoutExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

// ─── Errors ───────────────────────────────────────────────────────────────────────────────────────
// A CSV file has no sheets, so these name the file alone, unlike the workbook's messages.

const fr = (n: number) => n.toLocaleString('fr-FR');
const en = (n: number) => n.toLocaleString('en-GB');

function tooManyRows(file: string, limit: number): CatalogError {
  return new CatalogError('TOO_MANY_ROWS', {
    fr: `Le fichier ${file} contient plus de ${fr(limit)} lignes, la limite. Découpez-le en plusieurs fichiers.`,
    en: `The file ${file} has more than ${en(limit)} rows, the limit. Split it into several files.`,
  });
}

function tooManyColumns(file: string, limit: number, row: number): CatalogError {
  return new CatalogError('TOO_MANY_COLUMNS', {
    fr: `Le fichier ${file} contient plus de ${fr(limit)} colonnes (ligne ${fr(row)}), la limite. Supprimez les colonnes inutiles ou vérifiez le séparateur.`,
    en: `The file ${file} has more than ${en(limit)} columns (row ${en(row)}), the limit. Remove the columns you don't need or check the separator.`,
  });
}

function lineTooLong(file: string, sheet: string, cut: LineCut, column: number, limit: number): Issue {
  const cell = { sheet, row: cut.record, column: columnLetter(column) };
  const ref = formatRef(cell);
  return {
    severity: 'warning',
    code: 'LINE_TOO_LONG',
    message: {
      fr: `La ligne ${fr(cut.record)} de ${file} compte ${fr(cut.length)} caractères, plus que la limite de ${fr(limit)} : seuls ses ${fr(limit)} premiers caractères sont lus, la cellule ${ref} est coupée là et le reste de la ligne est ignoré. Vérifiez cette ligne dans le fichier.`,
      en: `Line ${en(cut.record)} of ${file} has ${en(cut.length)} characters, more than the limit of ${en(limit)}: only its first ${en(limit)} characters are read, cell ${ref} is cut there and the rest of the line is ignored. Check that line in the file.`,
    },
    ref,
    cell,
    params: { length: cut.length, limit },
  };
}

function malformed(file: string, line: number, cause: CsvError): CatalogError {
  const unclosed = cause.code === 'CSV_QUOTE_NOT_CLOSED';
  return new CatalogError(
    'CSV_MALFORMED',
    unclosed
      ? {
          fr: `Le fichier ${file} est mal formé : un guillemet ouvert à la ligne ${fr(line)} n'est jamais refermé. Corrigez cette ligne ou enregistrez à nouveau le fichier depuis Excel.`,
          en: `The file ${file} is malformed: a quote opened on line ${en(line)} is never closed. Fix that line or save the file again from Excel.`,
        }
      : {
          fr: `Le fichier ${file} est mal formé à la ligne ${fr(line)} (${cause.message}). Enregistrez-le à nouveau depuis Excel.`,
          en: `The file ${file} is malformed on line ${en(line)} (${cause.message}). Save it again from Excel.`,
        },
    { cause },
  );
}
