// The text of an InDesign Data Merge source: one record per line, fields split by a comma or a tab.
// Adobe's rules ("Data source files overview", InDesign user guide): records are separated by
// paragraph breaks, a field holding a comma or a quotation mark is enclosed in quotation marks, and a
// line break cannot be put inside a field at all — InDesign would start a new record there.

export type Delimiter = ',' | '\t';

export type DelimitedTable = { header: string[]; records: string[][] };

// Alt+Enter in Excel gives LF; Word pastes CR or CRLF; U+2028/U+2029, VT and NEL also read as
// breaks to some tools. None can live inside a Data Merge field, so each run of them (and the
// spaces around it) becomes one space: the words stay apart and the designer's paragraph style
// decides where the line breaks instead.
// eslint-disable-next-line no-control-regex -- VT (\u000b) is one of the breaks meant here.
const LINE_BREAKS = /[ \t]*(?:\r\n|[\r\n\u000b\u0085\u2028\u2029])+[ \t]*/g;

/**
 * A value made safe for one field: no line break anywhere; in a tab-delimited file no tab either
 * (a tab there would split the field, and Adobe documents quoting for comma-delimited files only).
 */
export function cleanField(value: string, delimiter: Delimiter): string {
  const flat = value.replace(LINE_BREAKS, ' ');
  return delimiter === '\t' ? flat.replace(/\t/g, ' ') : flat;
}

/**
 * RFC 4180 quoting, as Excel writes it in both its CSV and its tab-delimited "Unicode text": only a
 * field holding the delimiter or a quotation mark is quoted, inner quotes doubled.
 */
export function quoteField(value: string, delimiter: Delimiter): string {
  return value.includes(delimiter) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file as text: CRLF after every line, the last one included, like Excel's exports. */
export function toDelimitedText(table: DelimitedTable, delimiter: Delimiter): string {
  const line = (fields: string[]) =>
    fields.map((f) => quoteField(cleanField(f, delimiter), delimiter)).join(delimiter);
  return [table.header, ...table.records].map((fields) => `${line(fields)}\r\n`).join('');
}
