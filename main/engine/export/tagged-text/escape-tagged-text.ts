// Escaping for InDesign tagged text. In text, `<`, `>` and `\` would open a tag or an escape, so each
// takes a backslash. Inside a tag value the separators of the tag syntax take one too: InDesign's own
// exports write `English\: USA`, `Minion \(T1\)`, `C\=100 M\=0 Y\=0 K\=0`, `\[Basic Table\]`, and
// tab rulers as `20\,Left\,.\,0\,\;` (Using Adobe InDesign CS5 Tagged Text, and exported files).

/** InDesign's forced line break (Shift+Return): a bare LF would end the paragraph instead. */
export const FORCED_LINE_BREAK = '<0x000A>';

// Any line ending a cell may hold (Alt+Enter in Excel gives LF; pasted text brings CRLF or CR; Word
// brings U+2028/U+2029) stays inside the paragraph as a forced line break. U+2028 itself is not read
// as a break by InDesign's tagged-text import.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
// Other C0 controls have no glyph and no meaning in print; a tab is kept (it is a real tab in InDesign).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Whether a text needs any of the passes below; most values (names, references, prices) need none,
// and one test is much cheaper than three replacing passes over 100,000 rows of a price list.
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[\u0000-\u0008\u000a-\u001f\u007f\\<>\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const VALUE_SPECIAL = /[\u0000-\u001f\u007f\\<>:,;=()[\]\u2028\u2029]/;

/** Text between tags: special characters escaped, line breaks turned into forced line breaks. */
export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text
    .replace(CONTROL, '')
    .replace(/[\\<>]/g, (c) => `\\${c}`)
    .replace(LINE_BREAK, FORCED_LINE_BREAK);
}

/** A value inside a tag (a style, font or swatch name): one line, every separator escaped. */
export function escapeTagValue(value: string): string {
  if (!VALUE_SPECIAL.test(value)) return value;
  return value
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(/[\\<>:,;=()[\]]/g, (c) => `\\${c}`);
}

/** Numbers in tags: at most three decimals, no exponent, no "-0", so goldens stay byte-stable. */
export function tagNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
