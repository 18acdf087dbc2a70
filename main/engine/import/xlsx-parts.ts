// The workbook-level parts the streaming reader needs before any sheet: the sheet list (workbook
// part and its relationships), the cell formats (styles) and the shared strings. Each part is
// inflated and decoded as a stream: a character split between two inflated pieces is held back by
// the decoder until its last byte arrives, never replaced by U+FFFD.
import type ExcelJS from 'exceljs';
import type { SheetState } from '../model.ts';
import { parseRelationships, resolveTarget, workbookPartOf, STANDARD_WORKBOOK } from './package-parts.ts';
import {
  attrOf,
  decodeText,
  forEachAttr,
  unescapeExcel,
  XmlTokenizer,
  type XmlHandler,
} from './xml-tokens.ts';
import type { ZipEntries } from './zip-entries.ts';

/** Decodes a part's bytes in pieces (UTF-8, or UTF-16 when its byte-order mark says so). */
export function partDecoder(chunkBytes?: number) {
  let decoder: TextDecoder | undefined;
  const decode = (bytes: Uint8Array, write: (text: string) => void) => {
    if (!decoder) {
      const utf16 =
        bytes.length >= 2 &&
        ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text.length > 0) write(text);
  };
  return {
    /** `chunkBytes` (tests) cuts every inflated piece smaller, so characters straddle every cut. */
    push(bytes: Uint8Array, write: (text: string) => void) {
      if (!chunkBytes) return decode(bytes, write);
      for (let i = 0; i < bytes.length; i += chunkBytes) decode(bytes.subarray(i, i + chunkBytes), write);
    },
    end(write: (text: string) => void) {
      const rest = decoder?.decode() ?? '';
      if (rest.length > 0) write(rest);
    },
  };
}

/** Streams one part of the package through `handler`. */
export async function streamXml(
  zip: ZipEntries,
  part: string,
  handler: XmlHandler,
  chunkBytes?: number,
): Promise<void> {
  const tokens = new XmlTokenizer(handler);
  const decoder = partDecoder(chunkBytes);
  const write = (text: string) => tokens.write(text);
  await zip.stream(part, (bytes) => decoder.push(bytes, write));
  decoder.end(write);
  tokens.end();
}

/** A small part's whole text, or undefined when the package lacks it. */
export async function partText(zip: ZipEntries, part: string): Promise<string | undefined> {
  if (!zip.names.has(part)) return undefined;
  const decoder = partDecoder();
  let text = '';
  const add = (piece: string) => (text += piece);
  await zip.stream(part, (bytes) => decoder.push(bytes, add));
  decoder.end(add);
  return text;
}

/** Visits the start tags of a small part (attributes only; no text needed). */
function eachTag(xml: string, open: (name: string, tag: string) => void, close?: (name: string) => void) {
  const tokens = new XmlTokenizer({
    capturing: false,
    open,
    close: close ?? (() => undefined),
    text: () => undefined,
  });
  tokens.write(xml);
  tokens.end();
}

// ─── Workbook ─────────────────────────────────────────────────────────────────────────────────────

export type SheetEntry = { name: string; state: SheetState; part: string | undefined };
export type WorkbookInfo = {
  sheets: SheetEntry[];
  date1904: boolean;
  styles?: string;
  sharedStrings?: string;
};

/** The relationship id attribute, whatever prefix the generator bound to its namespace. */
function relId(tag: string): string | undefined {
  let id: string | undefined;
  forEachAttr(tag, (name, value) => {
    if (id === undefined && name.endsWith(':id')) id = value;
  });
  return id;
}

export async function readWorkbookInfo(zip: ZipEntries): Promise<WorkbookInfo> {
  const workbook = workbookPartOf(await partText(zip, '_rels/.rels')) ?? STANDARD_WORKBOOK;
  const xml = await partText(zip, zip.names.has(workbook) ? workbook : STANDARD_WORKBOOK);
  if (xml === undefined) throw new Error('no workbook part');
  const relsPart = workbook.replace(/([^/]*)$/, '_rels/$1.rels');
  const targets = new Map<string, string>();
  let styles: string | undefined;
  let sharedStrings: string | undefined;
  for (const rel of parseRelationships((await partText(zip, relsPart)) ?? '')) {
    if (rel.external) continue;
    const part = resolveTarget(workbook, rel.target);
    targets.set(rel.id, part);
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    if (kind === 'styles') styles ??= part;
    if (kind === 'sharedStrings') sharedStrings ??= part;
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  eachTag(xml, (name, tag) => {
    if (name === 'workbookPr') {
      const v = attrOf(tag, 'date1904');
      date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const state = attrOf(tag, 'state');
      const id = relId(tag);
      sheets.push({
        name: attrOf(tag, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: id === undefined ? undefined : targets.get(id),
      });
    }
  });
  return {
    sheets,
    date1904,
    ...(styles && zip.names.has(styles) ? { styles } : {}),
    ...(sharedStrings && zip.names.has(sharedStrings) ? { sharedStrings } : {}),
  };
}

// ─── Styles ───────────────────────────────────────────────────────────────────────────────────────

/** What the import reads of a cell format: its number format and how it sets a cell apart. */
export type CellFormat = { numFmt?: string; date: boolean; bold: boolean; filled: boolean };

/** Excel's built-in number formats that do not depend on the locale (as exceljs knows them). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The rule exceljs applies: a format with a date or time letter outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const on = (tag: string) => {
  const v = attrOf(tag, 'val');
  return v === undefined || (v !== '0' && v !== 'false');
};

export const PLAIN_FORMAT: CellFormat = Object.freeze({ date: false, bold: false, filled: false });

/** The cell formats (`cellXfs`) by index, as a cell's `s` attribute names them. */
export function parseStyles(xml: string): CellFormat[] {
  const custom = new Map<number, string>();
  const fonts: boolean[] = [];
  const fills: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number; fillId: number }[] = [];
  let section = '';
  eachTag(
    xml,
    (name, tag) => {
      switch (name) {
        case 'numFmt': {
          const id = Number(attrOf(tag, 'numFmtId'));
          const code = attrOf(tag, 'formatCode');
          // As exceljs: a backslash escape (`#,##0.00\ "€"`) is read as the character it escapes.
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code.replace(/\\(.)/g, '$1'));
          break;
        }
        case 'fonts':
        case 'fills':
        case 'cellXfs':
        case 'cellStyleXfs':
          section = name;
          break;
        case 'font':
          if (section === 'fonts') fonts.push(false);
          break;
        case 'b':
          if (section === 'fonts' && fonts.length > 0 && on(tag)) fonts[fonts.length - 1] = true;
          break;
        case 'fill':
          if (section === 'fills') fills.push(false);
          break;
        case 'patternFill': {
          const pattern = attrOf(tag, 'patternType');
          if (section === 'fills' && fills.length > 0)
            fills[fills.length - 1] = pattern !== undefined && pattern !== 'none';
          break;
        }
        case 'xf':
          if (section === 'cellXfs')
            xfs.push({
              numFmtId: Number(attrOf(tag, 'numFmtId') ?? 0),
              fontId: Number(attrOf(tag, 'fontId') ?? -1),
              fillId: Number(attrOf(tag, 'fillId') ?? -1),
            });
          break;
      }
    },
    (name) => {
      if (name === section) section = '';
    },
  );
  return xfs.map(({ numFmtId, fontId, fillId }) => {
    // As exceljs: format 0 (General) is no format at all.
    const numFmt = numFmtId ? (custom.get(numFmtId) ?? BUILT_IN[numFmtId]) : undefined;
    return {
      ...(numFmt !== undefined ? { numFmt } : {}),
      date: isDateFormat(numFmt),
      bold: fonts[fontId] === true,
      filled: fills[fillId] === true,
    };
  });
}

// ─── Shared strings ───────────────────────────────────────────────────────────────────────────────

/** A shared string: plain text, or runs in exceljs's rich-text shape (what `toCell` reads). */
export type SharedString = string | { richText: { text: string; font?: Partial<ExcelJS.Font> }[] };

/** Collects the text of `<t>` elements and the runs around them; shared strings and inline strings. */
export class StringCollector {
  capturing = false;
  private text = '';
  private runs: { text: string; font?: Partial<ExcelJS.Font> }[] | undefined;
  private run: { text: string; font?: Partial<ExcelJS.Font> } | undefined;
  private inRunProps = false;
  private phonetic = 0;

  reset(): void {
    this.text = '';
    this.runs = undefined;
    this.run = undefined;
    this.inRunProps = false;
    this.phonetic = 0;
  }

  open(name: string, tag: string): void {
    switch (name) {
      case 't':
        this.capturing = this.phonetic === 0;
        break;
      case 'r':
        this.run = { text: '' };
        (this.runs ??= []).push(this.run);
        break;
      case 'rPr':
        this.inRunProps = true;
        break;
      case 'b':
        if (this.inRunProps && this.run && on(tag)) this.run.font = { ...this.run.font, bold: true };
        break;
      case 'i':
        if (this.inRunProps && this.run && on(tag)) this.run.font = { ...this.run.font, italic: true };
        break;
      case 'rPh':
        // A phonetic guide (furigana) is not part of the text.
        this.phonetic++;
        break;
    }
  }

  close(name: string): void {
    if (name === 't') this.capturing = false;
    else if (name === 'rPr') this.inRunProps = false;
    else if (name === 'r') this.run = undefined;
    else if (name === 'rPh') this.phonetic--;
  }

  add(piece: string): void {
    if (this.run) this.run.text += piece;
    else this.text += piece;
  }

  /** The string read since `reset`; undefined when no text at all was seen. */
  value(): SharedString | undefined {
    if (this.runs) {
      for (const run of this.runs) run.text = unescapeExcel(run.text);
      return { richText: this.runs };
    }
    return this.text === '' ? undefined : unescapeExcel(this.text);
  }
}

const PRESERVED = '<t xml:space="preserve">';

export async function readSharedStrings(
  zip: ZipEntries,
  part: string,
  onEach: () => void,
  chunkBytes?: number,
): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  const collect = new StringCollector();
  let inItem = false;
  const handler: XmlHandler = {
    capturing: false,
    open(name, tag) {
      if (name === 'si') {
        collect.reset();
        inItem = true;
      } else if (inItem) collect.open(name, tag);
      handler.capturing = collect.capturing;
    },
    close(name) {
      if (name === 'si') {
        strings.push(collect.value() ?? '');
        inItem = false;
        if ((strings.length & 0xfff) === 0) onEach();
      } else if (inItem) collect.close(name);
      handler.capturing = collect.capturing;
    },
    text(piece) {
      collect.add(piece);
    },
    // `<si><t>plain text</t></si>`, whole in the text: most shared strings, read without events.
    siAt(s, lt) {
      if (inItem) return -1;
      const at = lt + 4;
      const start = s.startsWith('<t>', at)
        ? at + 3
        : s.startsWith(PRESERVED, at)
          ? at + PRESERVED.length
          : -1;
      if (start < 0) return -1;
      const close = s.indexOf('<', start);
      if (close < 0 || !s.startsWith('</t></si>', close)) return -1;
      strings.push(close === start ? '' : unescapeExcel(decodeText(s.slice(start, close))));
      if ((strings.length & 0xfff) === 0) onEach();
      return close + 9;
    },
  };
  await streamXml(zip, part, handler, chunkBytes);
  return strings;
}
