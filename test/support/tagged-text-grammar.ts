// A reader of our own for InDesign tagged text, strict where InDesign is lenient, so tests catch what
// InDesign would misread or silently repair: the encoding and line ends of the bytes, tags against
// text with backslash escapes, styles and swatches defined before use, balanced character styles and
// table tags, and table arithmetic. It returns the paragraphs and tables so tests assert on content.
//
// It reads the subset our export writes (see main/engine/export/tagged-text/): a start tag alone on
// line 1, `<Version:…>` first on line 2, definition lines (colours, character, paragraph, cell and
// table styles, each defined before anything refers to it), then one paragraph a line, each starting
// with `<ParaStyle:…>`, tables whole on their anchor paragraph's line, cells of one row and column.
//
// Inside a table, tags stay in effect from one cell to the next until changed, as InDesign reads
// tagged text: a cell without `<CellStyle:…>` or `<ParaStyle:…>` is in the ones the cell before it
// was in, and a local `<pTextAlignment:…>` holds until `<pTextAlignment:>` cancels it. So that no
// table depends on another, each table's first cell must name its cell style (when the table has a
// table style) and its paragraph style, and no local attribute may still be in effect when the line
// ends (it would carry into the next paragraph). A frame break (`<cNextXChars:Box>`) must end its
// paragraph and be cancelled (`<cNextXChars:>`) at the start of the next one.

export type TaggedTextErrorCode =
  | 'ODD_BYTE_LENGTH'
  | 'MISSING_BOM'
  | 'INVALID_UTF16'
  | 'BARE_LF'
  | 'BARE_CR'
  | 'MISSING_FINAL_LINE_END'
  | 'BAD_START_TAG'
  | 'ENCODING_MISMATCH'
  | 'MISSING_VERSION'
  | 'UNTERMINATED_TAG'
  | 'DANGLING_ESCAPE'
  | 'BAD_TEXT_ESCAPE'
  | 'UNESCAPED_GT'
  | 'MALFORMED_TAG'
  | 'UNKNOWN_TAG'
  | 'DUPLICATE_DEFINITION'
  | 'DEFINITION_IN_PARAGRAPH'
  | 'UNDEFINED_PARA_STYLE'
  | 'UNDEFINED_CHAR_STYLE'
  | 'UNDEFINED_COLOR'
  | 'PARAGRAPH_WITHOUT_STYLE'
  | 'NESTED_CHAR_STYLE'
  | 'UNMATCHED_CHAR_STYLE_END'
  | 'UNCLOSED_CHAR_STYLE'
  | 'UNBALANCED_TABLE'
  | 'UNBALANCED_ROW'
  | 'UNBALANCED_CELL'
  | 'TABLE_NOT_CLOSED'
  | 'TEXT_OUTSIDE_CELL'
  | 'COLUMN_AFTER_ROWS'
  | 'UNSUPPORTED_SPAN'
  | 'TABLE_ROW_COUNT'
  | 'TABLE_COLUMN_COUNT'
  | 'TABLE_CELL_COUNT'
  | 'TABLE_HEADER_ROWS'
  | 'UNDEFINED_CELL_STYLE'
  | 'UNDEFINED_TABLE_STYLE'
  | 'CELL_STYLE_OUTSIDE_ROW'
  | 'TABLE_STYLE_MISPLACED'
  | 'CELL_WITHOUT_CELL_STYLE'
  | 'ATTRIBUTE_LEFT_SET'
  | 'BREAK_NOT_AT_END'
  | 'BREAK_NOT_CANCELLED';

export class TaggedTextError extends Error {
  constructor(
    readonly code: TaggedTextErrorCode,
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${code}: ${detail}`);
    this.name = 'TaggedTextError';
  }
}

export type Run = { text: string; charStyle?: string };

export type TaggedParagraph = {
  kind: 'paragraph';
  line: number;
  style: string;
  /** `Box` when the paragraph ends with a frame break (`<cNextXChars:Box>` before its end). */
  breakAfter?: string;
  /** Plain text, escapes resolved; a forced line break is "\n". */
  text: string;
  runs: Run[];
  /** Local paragraph attributes after the style (`pTextAlignment`…). */
  attributes: Record<string, string>;
};

export type TaggedCell = {
  style: string;
  /** The cell style the cell is in (set on it or carried from the cell before), if any. */
  cellStyle?: string;
  text: string;
  runs: Run[];
  /** The cell's own attributes, from `<CellStart:1,1<…>>`. */
  cellAttributes: Record<string, string>;
  attributes: Record<string, string>;
};

export type TaggedRow = { attributes: Record<string, string>; cells: TaggedCell[] };

export type TaggedTable = {
  kind: 'table';
  line: number;
  /** The style of the paragraph the table is anchored in. */
  anchorStyle: string;
  /** From `<TableStyle:…>` just before `<TableStart:…>`. */
  tableStyle?: string;
  rowCount: number;
  columnCount: number;
  headerRowCount: number;
  footerRowCount: number;
  columnWidths: number[];
  rows: TaggedRow[];
};

export type ParsedTaggedText = {
  encoding: 'UNICODE-WIN' | 'UNICODE-MAC';
  version: string;
  featureSet?: string;
  /** Swatch name → CMYK fractions. */
  colors: Record<string, number[]>;
  paragraphStyles: Record<string, Record<string, string>>;
  characterStyles: Record<string, Record<string, string>>;
  cellStyles: Record<string, Record<string, string>>;
  tableStyles: Record<string, Record<string, string>>;
  flow: (TaggedParagraph | TaggedTable)[];
  paragraphs: TaggedParagraph[];
  tables: TaggedTable[];
};

// ─── Bytes ────────────────────────────────────────────────────────────────────────────────────────

/** UTF-16 with a BOM: little-endian (FF FE) or big-endian (FE FF); anything else is refused. */
export function decodeTaggedText(bytes: Uint8Array): { text: string; byteOrder: 'LE' | 'BE' } {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) throw new TaggedTextError('MISSING_BOM', 1, 'no UTF-16 byte-order mark');
  if (bytes.length % 2 !== 0)
    throw new TaggedTextError('ODD_BYTE_LENGTH', 1, `${bytes.length} bytes is not UTF-16`);
  let units = bytes.slice(2);
  if (be) units = new Uint8Array(Buffer.from(units).swap16());
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true }).decode(units), byteOrder: le ? 'LE' : 'BE' };
  } catch {
    throw new TaggedTextError('INVALID_UTF16', 1, 'a lone surrogate or a broken code unit');
  }
}

/** Lines without their ends, after checking every end is CR LF (Windows) or CR (Mac), the last too. */
export function splitLines(text: string, byteOrder: 'LE' | 'BE'): string[] {
  const lineOf = (index: number) => text.slice(0, index).split(byteOrder === 'LE' ? '\r\n' : '\r').length;
  const end = byteOrder === 'LE' ? '\r\n' : '\r';
  const bareLf = byteOrder === 'LE' ? /(?<!\r)\n/.exec(text) : /\n/.exec(text);
  if (bareLf) throw new TaggedTextError('BARE_LF', lineOf(bareLf.index), 'a line feed outside CR LF');
  const bareCr = byteOrder === 'LE' ? /\r(?!\n)/.exec(text) : null;
  if (bareCr) throw new TaggedTextError('BARE_CR', lineOf(bareCr.index), 'a carriage return without LF');
  if (!text.endsWith(end))
    throw new TaggedTextError('MISSING_FINAL_LINE_END', lineOf(text.length), 'the last paragraph has no end');
  return text.slice(0, -end.length).split(end);
}

// ─── Tokens ───────────────────────────────────────────────────────────────────────────────────────

type Tag = { kind: 'tag'; name: string; value: string | undefined };
type Text = { kind: 'text'; text: string };
type Token = Tag | Text;

/** The end of the tag opening at `start` (index of its `>`), nested tags and escapes honoured. */
function tagEnd(s: string, start: number, line: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      if (i + 1 >= s.length) throw new TaggedTextError('DANGLING_ESCAPE', line, 'a backslash ends the line');
      i++;
    } else if (c === '<') depth++;
    else if (c === '>' && --depth === 0) return i;
  }
  throw new TaggedTextError('UNTERMINATED_TAG', line, `"${s.slice(start, start + 40)}" is never closed`);
}

/** Index of the first `sep` outside escapes and nested tags, or -1. */
function findUnescaped(s: string, sep: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === sep && depth === 0) return i;
  }
  return -1;
}

function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let rest = s;
  for (let at = findUnescaped(rest, sep); at >= 0; at = findUnescaped(rest, sep)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

/** The raw insides of a run of tags, `<a><b>` → ['a', 'b'], for values whose names hold escapes. */
function nestedTags(raw: string, line: number): string[] {
  const inner: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === ' ') continue;
    if (raw[i] !== '<')
      throw new TaggedTextError('MALFORMED_TAG', line, `"${raw.slice(i, i + 20)}" is not a tag`);
    const end = tagEnd(raw, i, line);
    inner.push(raw.slice(i + 1, end));
    i = end;
  }
  return inner;
}

const unescape = (raw: string) => raw.replace(/\\([\s\S])/g, '$1');

const TAG_NAME = /^(?:[A-Za-z][A-Za-z0-9]*|0x[0-9A-Fa-f]{4,6}|[A-Z0-9]+-(?:WIN|MAC))$/;

export function tokenize(s: string, line: number): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const next = s[i + 1];
      if (next === undefined) throw new TaggedTextError('DANGLING_ESCAPE', line, 'a backslash ends the line');
      if (!'\\<>'.includes(next))
        throw new TaggedTextError('BAD_TEXT_ESCAPE', line, `"\\${next}" in text (only \\\\ \\< \\>)`);
      text += next;
      i++;
    } else if (c === '>') {
      throw new TaggedTextError('UNESCAPED_GT', line, `">" in text at column ${i + 1}`);
    } else if (c === '<') {
      flush();
      const end = tagEnd(s, i, line);
      const raw = s.slice(i + 1, end);
      const colon = findUnescaped(raw, ':');
      const name = colon < 0 ? raw : raw.slice(0, colon);
      if (!TAG_NAME.test(name)) throw new TaggedTextError('MALFORMED_TAG', line, `<${raw.slice(0, 40)}>`);
      tokens.push({ kind: 'tag', name, value: colon < 0 ? undefined : raw.slice(colon + 1) });
      i = end;
    } else text += c;
  }
  flush();
  return tokens;
}

/** `<a:1><b:2>` → { a: '1', b: '2' }, values unescaped; only tags (and spaces) allowed. */
function attributes(raw: string, line: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (const token of tokenize(raw, line)) {
    if (token.kind === 'text') {
      if (token.text.trim())
        throw new TaggedTextError('MALFORMED_TAG', line, `text "${token.text}" in attributes`);
      continue;
    }
    result[token.name] = unescape(token.value ?? '');
  }
  return result;
}

// ─── Structure ────────────────────────────────────────────────────────────────────────────────────

const ALIGNMENTS = ['Left', 'Center', 'Right', 'JustifyLeft', 'JustifyCenter', 'JustifyRight', 'JustifyFull'];
const DEFINITION_TAGS = [
  'Version',
  'FeatureSet',
  'ColorTable',
  'DefineParaStyle',
  'DefineCharStyle',
  'DefineCellStyle',
  'DefineTableStyle',
];
/** What a cell style definition may set: insets, fill and the paragraph style (style-definitions.ts). */
/** What our paragraph style definitions may set (style-definitions.ts): a tag outside it is a typo or a guess. */
const PARA_STYLE_ATTRIBUTES = [
  'Nextstyle',
  'cFont',
  'cTypeface',
  'cSize',
  'cLeading',
  'cColor',
  'cOTFContAlt',
  'pTextAlignment',
  'pSpaceBefore',
  'pSpaceAfter',
  'pHyphenation',
];
const CELL_STYLE_ATTRIBUTES = [
  'tCellAttrLeftInset',
  'tCellAttrTopInset',
  'tCellAttrRightInset',
  'tCellAttrBottomInset',
  'tCellFillColor',
  'tCellAttrFillTint',
  'tCellStyleParaStyle',
];
const TABLE_STYLE_ATTRIBUTES = ['tHeaderCellStyle'];
/** The break characters of `<cNextXChars:…>` our export writes: the next frame. */
const BREAKS = ['Box'];

type Content = { style?: string; runs: Run[]; openChar?: string; attributes: Record<string, string> };
type TableState = {
  table: TaggedTable;
  row?: TaggedRow & { span: number };
  cell?: Content & { cellAttributes: Record<string, string>; cellStyle?: string };
  /** In effect between cells: carried from one cell to the next until changed. */
  carried: { cellStyle?: string; style?: string; attributes: Record<string, string> };
  /** No cell yet: the first must name its styles. */
  first: boolean;
};

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

function addText(content: Content, text: string) {
  const last = content.runs.at(-1);
  if (last && last.charStyle === content.openChar) last.text += text;
  else content.runs.push(content.openChar ? { text, charStyle: content.openChar } : { text });
}

export function parseTaggedText(text: string, byteOrder: 'LE' | 'BE' = 'LE'): ParsedTaggedText {
  const lines = splitLines(text, byteOrder);
  const start = lines[0] ?? '';
  if (start !== '<UNICODE-WIN>' && start !== '<UNICODE-MAC>')
    throw new TaggedTextError(
      'BAD_START_TAG',
      1,
      `"${start.slice(0, 40)}" (expected <UNICODE-WIN> or <UNICODE-MAC>)`,
    );
  const encoding = start === '<UNICODE-WIN>' ? 'UNICODE-WIN' : 'UNICODE-MAC';
  if ((encoding === 'UNICODE-WIN') !== (byteOrder === 'LE'))
    throw new TaggedTextError('ENCODING_MISMATCH', 1, `${encoding} in UTF-16${byteOrder}`);
  if (!lines[1]?.startsWith('<Version:'))
    throw new TaggedTextError('MISSING_VERSION', 2, 'line 2 must start with <Version:…>');

  let version = '';
  let featureSet: string | undefined;
  const colors = new Map<string, number[]>();
  const paragraphStyles = new Map<string, Record<string, string>>();
  const characterStyles = new Map<string, Record<string, string>>();
  const cellStyles = new Map<string, Record<string, string>>();
  const tableStyles = new Map<string, Record<string, string>>();
  const flow: (TaggedParagraph | TaggedTable)[] = [];
  // The paragraph before ended with a frame break: this one must cancel it first.
  let breakPending = false;

  const checkColor = (name: string | undefined, line: number) => {
    if (name !== undefined && name !== 'None' && !colors.has(name))
      throw new TaggedTextError('UNDEFINED_COLOR', line, `swatch "${name}" is not in the colour table`);
  };

  const define = (tag: Tag, line: number) => {
    const raw = tag.value ?? '';
    if (tag.name === 'Version') version = unescape(raw);
    else if (tag.name === 'FeatureSet') featureSet = unescape(raw);
    else if (tag.name === 'ColorTable') {
      if (!raw.startsWith('=')) throw new TaggedTextError('MALFORMED_TAG', line, 'ColorTable without "="');
      for (const entry of nestedTags(raw.slice(1), line)) {
        const [name, type, model, mode, values] = splitUnescaped(entry, ':');
        const numbers = (values ?? '').split(',').map(Number);
        if (
          type !== 'COLOR' ||
          model !== 'CMYK' ||
          mode !== 'Process' ||
          numbers.length !== 4 ||
          numbers.some((v) => !(v >= 0 && v <= 1))
        )
          throw new TaggedTextError('MALFORMED_TAG', line, `colour <${entry}> is not a CMYK process colour`);
        const swatch = unescape(name ?? '');
        if (colors.has(swatch)) throw new TaggedTextError('DUPLICATE_DEFINITION', line, `colour "${swatch}"`);
        colors.set(swatch, numbers);
      }
    } else {
      const equals = findUnescaped(raw, '=');
      if (equals < 0) throw new TaggedTextError('MALFORMED_TAG', line, `${tag.name} without "="`);
      const name = unescape(raw.slice(0, equals));
      const attrs = attributes(raw.slice(equals + 1), line);
      checkColor(attrs.cColor, line);
      if (tag.name === 'DefineParaStyle') {
        for (const key of Object.keys(attrs))
          if (!PARA_STYLE_ATTRIBUTES.includes(key))
            throw new TaggedTextError('UNKNOWN_TAG', line, `<${key}:…> in a paragraph style`);
        // On or off: InDesign's exports write 1 or 0.
        if (attrs.pHyphenation !== undefined && !['0', '1'].includes(attrs.pHyphenation))
          throw new TaggedTextError('MALFORMED_TAG', line, `pHyphenation "${attrs.pHyphenation}"`);
      }
      if (tag.name === 'DefineCellStyle') {
        for (const key of Object.keys(attrs))
          if (!CELL_STYLE_ATTRIBUTES.includes(key))
            throw new TaggedTextError('UNKNOWN_TAG', line, `<${key}:…> in a cell style`);
        for (const side of ['Left', 'Top', 'Right', 'Bottom']) {
          const inset = attrs[`tCellAttr${side}Inset`];
          if (inset !== undefined && !(Number(inset) >= 0))
            throw new TaggedTextError('MALFORMED_TAG', line, `tCellAttr${side}Inset "${inset}"`);
        }
        checkColor(attrs.tCellFillColor, line);
        const para = attrs.tCellStyleParaStyle;
        if (para !== undefined && !paragraphStyles.has(para))
          throw new TaggedTextError('UNDEFINED_PARA_STYLE', line, `cell style "${name}" names "${para}"`);
      }
      if (tag.name === 'DefineTableStyle') {
        for (const key of Object.keys(attrs))
          if (!TABLE_STYLE_ATTRIBUTES.includes(key))
            throw new TaggedTextError('UNKNOWN_TAG', line, `<${key}:…> in a table style`);
        const header = attrs.tHeaderCellStyle;
        if (header !== undefined && !cellStyles.has(header))
          throw new TaggedTextError('UNDEFINED_CELL_STYLE', line, `table style "${name}" names "${header}"`);
      }
      const registry =
        tag.name === 'DefineParaStyle'
          ? paragraphStyles
          : tag.name === 'DefineCharStyle'
            ? characterStyles
            : tag.name === 'DefineCellStyle'
              ? cellStyles
              : tableStyles;
      if (!name || registry.has(name))
        throw new TaggedTextError(
          'DUPLICATE_DEFINITION',
          line,
          `${tag.name} "${name}" defined twice or unnamed`,
        );
      registry.set(name, attrs);
    }
  };

  for (let index = 1; index < lines.length; index++) {
    const line = index + 1;
    const tokens = tokenize(lines[index]!, line);
    const isDefinition = (t: Token) => t.kind === 'tag' && DEFINITION_TAGS.includes(t.name);
    if (tokens.length && tokens.every(isDefinition)) {
      for (const token of tokens) define(token as Tag, line);
      continue;
    }
    if (tokens.some(isDefinition))
      throw new TaggedTextError('DEFINITION_IN_PARAGRAPH', line, 'definitions and text on one line');

    const paragraph: Content = { runs: [], attributes: {} };
    const tables: TaggedTable[] = [];
    let state: TableState | undefined;
    // `<TableStyle:…>` read, waiting for its `<TableStart:…>`.
    let pendingTableStyle: string | undefined;
    let breakAfter: string | undefined;
    // Whether anything (text, a table) has come since the paragraph's style: a cancel comes first.
    let started = false;
    const current = (): Content => {
      if (!state) return paragraph;
      if (!state.cell) throw new TaggedTextError('TEXT_OUTSIDE_CELL', line, 'content between table tags');
      return state.cell;
    };
    const styled = (content: Content, what: string) => {
      if (!content.style)
        throw new TaggedTextError('PARAGRAPH_WITHOUT_STYLE', line, `${what} before any <ParaStyle:…>`);
      return content;
    };
    const needTable = (tag: Tag): TableState => {
      if (!state) throw new TaggedTextError('UNBALANCED_TABLE', line, `<${tag.name}:> outside a table`);
      return state;
    };

    for (const token of tokens) {
      if (pendingTableStyle !== undefined && !(token.kind === 'tag' && token.name === 'TableStart'))
        throw new TaggedTextError(
          'TABLE_STYLE_MISPLACED',
          line,
          '<TableStyle:…> not just before <TableStart:…>',
        );
      if (breakAfter !== undefined)
        throw new TaggedTextError('BREAK_NOT_AT_END', line, `<cNextXChars:${breakAfter}> before the end`);
      if (breakPending && !(token.kind === 'tag' && ['ParaStyle', 'cNextXChars'].includes(token.name)))
        throw new TaggedTextError('BREAK_NOT_CANCELLED', line, 'the frame break before is still in effect');
      if (token.kind === 'text') {
        addText(styled(current(), `text "${token.text.slice(0, 20)}"`), token.text);
        started = true;
        continue;
      }
      const value = token.value ?? '';
      switch (token.name) {
        case 'ParaStyle': {
          const name = unescape(value);
          if (!name) throw new TaggedTextError('PARAGRAPH_WITHOUT_STYLE', line, '<ParaStyle:> (no style)');
          if (!paragraphStyles.has(name))
            throw new TaggedTextError('UNDEFINED_PARA_STYLE', line, `"${name}" is used before it is defined`);
          const content = current();
          if (content.openChar) throw new TaggedTextError('UNCLOSED_CHAR_STYLE', line, content.openChar);
          content.style = name;
          break;
        }
        case 'cNextXChars': {
          styled(paragraph, '<cNextXChars:…>');
          if (state) throw new TaggedTextError('UNKNOWN_TAG', line, '<cNextXChars:…> inside a table');
          if (value === '') {
            if (!breakPending)
              throw new TaggedTextError('MALFORMED_TAG', line, '<cNextXChars:> with no break to cancel');
            if (started)
              throw new TaggedTextError('BREAK_NOT_CANCELLED', line, 'cancelled after the text has started');
            breakPending = false;
          } else {
            if (!BREAKS.includes(value))
              throw new TaggedTextError('MALFORMED_TAG', line, `<cNextXChars:${value}>`);
            breakAfter = value;
          }
          break;
        }
        case 'TableStyle': {
          if (state)
            throw new TaggedTextError('TABLE_STYLE_MISPLACED', line, '<TableStyle:…> inside a table');
          styled(paragraph, '<TableStyle:…>');
          const name = unescape(value);
          if (!tableStyles.has(name))
            throw new TaggedTextError(
              'UNDEFINED_TABLE_STYLE',
              line,
              `"${name}" is used before it is defined`,
            );
          pendingTableStyle = name;
          break;
        }
        case 'CellStyle': {
          const s = needTable(token);
          if (!s.row || s.cell)
            throw new TaggedTextError(
              'CELL_STYLE_OUTSIDE_ROW',
              line,
              '<CellStyle:…> must come between cells',
            );
          const name = unescape(value);
          if (!cellStyles.has(name))
            throw new TaggedTextError('UNDEFINED_CELL_STYLE', line, `"${name}" is used before it is defined`);
          s.carried.cellStyle = name;
          break;
        }
        case 'CharStyle': {
          const content = styled(current(), '<CharStyle:…>');
          const name = unescape(value);
          if (!name) {
            if (!content.openChar)
              throw new TaggedTextError('UNMATCHED_CHAR_STYLE_END', line, '<CharStyle:> with none open');
            content.openChar = undefined;
          } else {
            if (content.openChar)
              throw new TaggedTextError('NESTED_CHAR_STYLE', line, `"${name}" inside "${content.openChar}"`);
            if (!characterStyles.has(name))
              throw new TaggedTextError(
                'UNDEFINED_CHAR_STYLE',
                line,
                `"${name}" is used before it is defined`,
              );
            content.openChar = name;
          }
          break;
        }
        case 'pTextAlignment': {
          const content = styled(current(), '<pTextAlignment:…>');
          if (value === '') {
            // Cancels a local alignment carried from a cell before (or, after a table, from its last cell).
            if (content.attributes.pTextAlignment === undefined)
              throw new TaggedTextError(
                'MALFORMED_TAG',
                line,
                '<pTextAlignment:> with no alignment to cancel',
              );
            delete content.attributes.pTextAlignment;
            break;
          }
          if (!ALIGNMENTS.includes(value))
            throw new TaggedTextError('MALFORMED_TAG', line, `pTextAlignment "${value}"`);
          content.attributes.pTextAlignment = value;
          break;
        }
        case 'TableStart': {
          if (state) throw new TaggedTextError('UNBALANCED_TABLE', line, 'a table inside a table');
          styled(paragraph, 'a table');
          started = true;
          const tableStyle = pendingTableStyle;
          pendingTableStyle = undefined;
          const match = /^(\d+),(\d+):(\d+):(\d+)(<[\s\S]*>)?$/.exec(value);
          if (!match) throw new TaggedTextError('MALFORMED_TAG', line, `<TableStart:${value}>`);
          const [rows, columns, header, footer] = match.slice(1, 5).map(Number) as [
            number,
            number,
            number,
            number,
          ];
          if (header + footer > rows)
            throw new TaggedTextError(
              'TABLE_HEADER_ROWS',
              line,
              `${header} header + ${footer} footer rows of ${rows}`,
            );
          state = {
            table: {
              kind: 'table',
              line,
              anchorStyle: paragraph.style!,
              ...(tableStyle !== undefined ? { tableStyle } : {}),
              rowCount: rows,
              columnCount: columns,
              headerRowCount: header,
              footerRowCount: footer,
              columnWidths: [],
              rows: [],
            },
            carried: { attributes: {} },
            first: true,
          };
          break;
        }
        case 'ColStart': {
          const s = needTable(token);
          if (s.table.rows.length || s.row)
            throw new TaggedTextError('COLUMN_AFTER_ROWS', line, '<ColStart:…> after the first row');
          const width = Number(attributes(value, line).tColAttrWidth);
          if (!(width > 0)) throw new TaggedTextError('MALFORMED_TAG', line, `<ColStart:${value}>`);
          s.table.columnWidths.push(width);
          break;
        }
        case 'RowStart': {
          const s = needTable(token);
          if (s.row) throw new TaggedTextError('UNBALANCED_ROW', line, '<RowStart:…> inside a row');
          s.row = { attributes: attributes(value, line), cells: [], span: 0 };
          break;
        }
        case 'CellStart': {
          const s = needTable(token);
          if (!s.row) throw new TaggedTextError('UNBALANCED_ROW', line, '<CellStart:…> outside a row');
          if (s.cell) throw new TaggedTextError('UNBALANCED_CELL', line, '<CellStart:…> inside a cell');
          const match = /^(\d+),(\d+)(<[\s\S]*>)?$/.exec(value);
          if (!match) throw new TaggedTextError('MALFORMED_TAG', line, `<CellStart:${value}>`);
          if (match[1] !== '1' || match[2] !== '1')
            throw new TaggedTextError('UNSUPPORTED_SPAN', line, `a cell spanning ${match[1]} × ${match[2]}`);
          const cellAttributes = attributes(match[3] ?? '', line);
          checkColor(cellAttributes.tCellFillColor, line);
          if (s.first && s.table.tableStyle !== undefined && s.carried.cellStyle === undefined)
            throw new TaggedTextError(
              'CELL_WITHOUT_CELL_STYLE',
              line,
              `the first cell of a table in "${s.table.tableStyle}" names no cell style`,
            );
          s.row.span += 1;
          // What the cell before left in effect; the first cell of a table inherits nothing.
          s.cell = {
            runs: [],
            attributes: { ...s.carried.attributes },
            cellAttributes,
            ...(s.carried.style !== undefined ? { style: s.carried.style } : {}),
            ...(s.carried.cellStyle !== undefined ? { cellStyle: s.carried.cellStyle } : {}),
          };
          s.first = false;
          break;
        }
        case 'CellEnd': {
          const s = needTable(token);
          const cell = s.cell;
          if (!cell || !s.row)
            throw new TaggedTextError('UNBALANCED_CELL', line, '<CellEnd:> with no cell open');
          if (cell.openChar)
            throw new TaggedTextError('UNCLOSED_CHAR_STYLE', line, `"${cell.openChar}" in a cell`);
          styled(cell, 'a cell');
          s.row.cells.push({
            style: cell.style!,
            ...(cell.cellStyle !== undefined ? { cellStyle: cell.cellStyle } : {}),
            text: plain(cell.runs),
            runs: cell.runs,
            cellAttributes: cell.cellAttributes,
            attributes: cell.attributes,
          });
          s.carried.style = cell.style;
          s.carried.attributes = { ...cell.attributes };
          s.cell = undefined;
          break;
        }
        case 'RowEnd': {
          const s = needTable(token);
          if (s.cell) throw new TaggedTextError('UNBALANCED_CELL', line, '<RowEnd:> inside a cell');
          if (!s.row) throw new TaggedTextError('UNBALANCED_ROW', line, '<RowEnd:> with no row open');
          if (s.row.span !== s.table.columnCount)
            throw new TaggedTextError(
              'TABLE_CELL_COUNT',
              line,
              `row ${s.table.rows.length + 1} has ${s.row.span} cells, the table ${s.table.columnCount} columns`,
            );
          s.table.rows.push({ attributes: s.row.attributes, cells: s.row.cells });
          s.row = undefined;
          break;
        }
        case 'TableEnd': {
          const s = needTable(token);
          if (s.row) throw new TaggedTextError('UNBALANCED_ROW', line, '<TableEnd:> inside a row');
          if (s.table.rows.length !== s.table.rowCount)
            throw new TaggedTextError(
              'TABLE_ROW_COUNT',
              line,
              `${s.table.rows.length} rows, <TableStart:> says ${s.table.rowCount}`,
            );
          if (s.table.columnWidths.length !== s.table.columnCount)
            throw new TaggedTextError(
              'TABLE_COLUMN_COUNT',
              line,
              `${s.table.columnWidths.length} <ColStart:>, <TableStart:> says ${s.table.columnCount}`,
            );
          tables.push(s.table);
          // A local attribute the last cell set is still in effect, now on the anchor paragraph.
          Object.assign(paragraph.attributes, s.carried.attributes);
          state = undefined;
          break;
        }
        default: {
          if (/^0x[0-9A-Fa-f]+$/.test(token.name) && token.value === undefined) {
            addText(
              styled(current(), `<${token.name}>`),
              String.fromCodePoint(parseInt(token.name.slice(2), 16)),
            );
            break;
          }
          if (/^UNICODE-/.test(token.name))
            throw new TaggedTextError('BAD_START_TAG', line, `<${token.name}> after line 1`);
          throw new TaggedTextError('UNKNOWN_TAG', line, `<${token.name}:…> is not one our export writes`);
        }
      }
    }
    if (state) throw new TaggedTextError('TABLE_NOT_CLOSED', line, 'the line ends inside a table');
    if (pendingTableStyle !== undefined)
      throw new TaggedTextError('TABLE_STYLE_MISPLACED', line, '<TableStyle:…> without a table');
    if (breakPending)
      throw new TaggedTextError('BREAK_NOT_CANCELLED', line, 'the frame break before is never cancelled');
    // Set on the paragraph or carried out of a table's last cell, it would carry into the next line.
    if (Object.keys(paragraph.attributes).length)
      throw new TaggedTextError(
        'ATTRIBUTE_LEFT_SET',
        line,
        `${Object.keys(paragraph.attributes).join(', ')} is still in effect at the line's end`,
      );
    breakPending = breakAfter !== undefined;
    if (paragraph.openChar)
      throw new TaggedTextError('UNCLOSED_CHAR_STYLE', line, `"${paragraph.openChar}" is never closed`);
    if (!paragraph.style) throw new TaggedTextError('PARAGRAPH_WITHOUT_STYLE', line, 'an empty line');
    if (tables.length && !plain(paragraph.runs)) flow.push(...tables);
    else
      flow.push(
        {
          kind: 'paragraph',
          line,
          style: paragraph.style,
          ...(breakAfter !== undefined ? { breakAfter } : {}),
          text: plain(paragraph.runs),
          runs: paragraph.runs,
          attributes: paragraph.attributes,
        },
        ...tables,
      );
  }

  return {
    encoding,
    version,
    ...(featureSet !== undefined ? { featureSet } : {}),
    colors: Object.fromEntries(colors),
    paragraphStyles: Object.fromEntries(paragraphStyles),
    characterStyles: Object.fromEntries(characterStyles),
    cellStyles: Object.fromEntries(cellStyles),
    tableStyles: Object.fromEntries(tableStyles),
    flow,
    paragraphs: flow.filter((f): f is TaggedParagraph => f.kind === 'paragraph'),
    tables: flow.filter((f): f is TaggedTable => f.kind === 'table'),
  };
}

/** The whole check, from the file's bytes. */
export function parseTaggedTextFile(bytes: Uint8Array): ParsedTaggedText {
  const { text, byteOrder } = decodeTaggedText(bytes);
  return parseTaggedText(text, byteOrder);
}
