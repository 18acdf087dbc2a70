// Our grammar must refuse what InDesign would misread: each broken file names its fault.
import { describe, expect, it } from 'vitest';
import {
  TaggedTextError,
  parseTaggedText,
  parseTaggedTextFile,
  type TaggedTextErrorCode,
} from '../../../../support/tagged-text-grammar.ts';

const HEADER = [
  '<UNICODE-WIN>',
  '<Version:7><FeatureSet:InDesign-Roman><ColorTable:=<Black:COLOR:CMYK:Process:0,0,0,1><C\\=0 M\\=0 Y\\=0 K\\=5:COLOR:CMYK:Process:0,0,0,0.05>>',
  '<DefineCharStyle:Gras=<Nextstyle:Gras><cTypeface:Bold>>',
  '<DefineParaStyle:Corps=<Nextstyle:Corps><cColor:Black>>',
  '<DefineParaStyle:Cellule=<Nextstyle:Cellule>>',
];
const TABLE =
  '<ParaStyle:Cellule><TableStart:2,2:1:0<tCellDefaultCellType:Text>>' +
  '<ColStart:<tColAttrWidth:100>><ColStart:<tColAttrWidth:50.5>>' +
  '<RowStart:<tRowAttrHeight:12>><CellStart:1,1><ParaStyle:Cellule>Réf.<CellEnd:><CellStart:1,1><ParaStyle:Cellule>Prix<CellEnd:><RowEnd:>' +
  '<RowStart:<tRowAttrHeight:12>><CellStart:1,1<tCellFillColor:C\\=0 M\\=0 Y\\=0 K\\=5>><ParaStyle:Cellule>A<CellEnd:><CellStart:1,1><ParaStyle:Cellule><CellEnd:><RowEnd:>' +
  '<TableEnd:>';

const file = (...lines: string[]) => [...lines, ''].join('\r\n');
const withBody = (...body: string[]) => file(...HEADER, ...body);
const utf16le = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));

function fault(run: () => unknown): { code: TaggedTextErrorCode; line: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof TaggedTextError) return { code: error.code, line: error.line };
    throw error;
  }
  throw new Error('expected a TaggedTextError, got none');
}

describe('tagged-text grammar: a valid file', () => {
  it('reads paragraphs with their style, runs and plain text', () => {
    const parsed = parseTaggedText(
      withBody('<ParaStyle:Corps>a \\<b\\> \\\\ <CharStyle:Gras>c<CharStyle:><0x000A>d'),
    );
    expect(parsed.paragraphs).toEqual([
      {
        kind: 'paragraph',
        line: 6,
        style: 'Corps',
        text: 'a <b> \\ c\nd',
        runs: [{ text: 'a <b> \\ ' }, { text: 'c', charStyle: 'Gras' }, { text: '\nd' }],
        attributes: {},
      },
    ]);
    expect(parsed.colors).toEqual({ Black: [0, 0, 0, 1], 'C=0 M=0 Y=0 K=5': [0, 0, 0, 0.05] });
  });

  it('reads tables with their counts, widths and cells', () => {
    const [table] = parseTaggedText(withBody(TABLE)).tables;
    expect(table).toMatchObject({
      rowCount: 2,
      columnCount: 2,
      headerRowCount: 1,
      columnWidths: [100, 50.5],
    });
    expect(table!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Réf.', 'Prix'],
      ['A', ''],
    ]);
    expect(table!.rows[1]!.cells[0]!.cellAttributes).toEqual({ tCellFillColor: 'C=0 M=0 Y=0 K=5' });
  });

  it('reads the bytes of a UTF-16LE file with a BOM', () => {
    expect(parseTaggedTextFile(utf16le(withBody('<ParaStyle:Corps>é'))).paragraphs[0]!.text).toBe('é');
  });
});

describe('tagged-text grammar: broken bytes and line ends', () => {
  it.each<[string, Uint8Array, TaggedTextErrorCode]>([
    ['UTF-8', new Uint8Array(Buffer.from(withBody('<ParaStyle:Corps>x'), 'utf8')), 'MISSING_BOM'],
    [
      'UTF-16LE without a BOM',
      new Uint8Array(Buffer.from(withBody('<ParaStyle:Corps>x'), 'utf16le')),
      'MISSING_BOM',
    ],
    ['an odd number of bytes', new Uint8Array([0xff, 0xfe, 0x3c]), 'ODD_BYTE_LENGTH'],
    ['a lone surrogate', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'INVALID_UTF16'],
    [
      'a WIN start tag in big-endian UTF-16',
      new Uint8Array(
        Buffer.from(`\ufeff${withBody('<ParaStyle:Corps>x').replace(/\r\n/g, '\r')}`, 'utf16le').swap16(),
      ),
      'ENCODING_MISMATCH',
    ],
  ])('refuses %s', (_, bytes, code) => {
    expect(fault(() => parseTaggedTextFile(bytes)).code).toBe(code);
  });

  it.each<[string, string, TaggedTextErrorCode, number]>([
    ['a bare LF inside a paragraph', withBody('<ParaStyle:Corps>a\nb'), 'BARE_LF', 6],
    ['a bare CR inside a paragraph', withBody('<ParaStyle:Corps>a\rb'), 'BARE_CR', 6],
    [
      'a last paragraph without CR LF',
      withBody('<ParaStyle:Corps>a').slice(0, -2),
      'MISSING_FINAL_LINE_END',
      6,
    ],
  ])('refuses %s', (_, text, code, line) => {
    expect(fault(() => parseTaggedText(text))).toEqual({ code, line });
  });
});

describe('tagged-text grammar: broken structure', () => {
  it.each<[string, string, TaggedTextErrorCode]>([
    ['another start tag', file('<ASCII-WIN>', ...HEADER.slice(1), '<ParaStyle:Corps>x'), 'BAD_START_TAG'],
    [
      'a file without a version',
      file(HEADER[0]!, ...HEADER.slice(2), '<ParaStyle:Corps>x'),
      'MISSING_VERSION',
    ],
    ['an unescaped > in text', withBody('<ParaStyle:Corps>a > b'), 'UNESCAPED_GT'],
    ['an unknown escape in text', withBody('<ParaStyle:Corps>a \\: b'), 'BAD_TEXT_ESCAPE'],
    ['a tag never closed', withBody('<ParaStyle:Corps'), 'UNTERMINATED_TAG'],
    ['a backslash ending a line', withBody('<ParaStyle:Corps>a\\'), 'DANGLING_ESCAPE'],
    ['a paragraph without a style', withBody('juste du texte'), 'PARAGRAPH_WITHOUT_STYLE'],
    ['an empty paragraph style', withBody('<ParaStyle:>x'), 'PARAGRAPH_WITHOUT_STYLE'],
    ['an undefined paragraph style', withBody('<ParaStyle:Titre>x'), 'UNDEFINED_PARA_STYLE'],
    [
      'a style used before its definition',
      withBody('<ParaStyle:Titre>x', '<DefineParaStyle:Titre=<Nextstyle:Titre>>'),
      'UNDEFINED_PARA_STYLE',
    ],
    [
      'an undefined character style',
      withBody('<ParaStyle:Corps><CharStyle:Italique>x<CharStyle:>'),
      'UNDEFINED_CHAR_STYLE',
    ],
    ['a style defined twice', withBody('<DefineParaStyle:Corps=<Nextstyle:Corps>>'), 'DUPLICATE_DEFINITION'],
    ['a colour not in the colour table', withBody('<DefineParaStyle:Rouge=<cColor:Red>>'), 'UNDEFINED_COLOR'],
    [
      'a definition inside a paragraph',
      withBody('<ParaStyle:Corps>x<DefineCharStyle:I=>'),
      'DEFINITION_IN_PARAGRAPH',
    ],
    ['a character style left open', withBody('<ParaStyle:Corps><CharStyle:Gras>x'), 'UNCLOSED_CHAR_STYLE'],
    [
      'a character style closed twice',
      withBody('<ParaStyle:Corps><CharStyle:Gras>x<CharStyle:><CharStyle:>'),
      'UNMATCHED_CHAR_STYLE_END',
    ],
    [
      'nested character styles',
      withBody('<ParaStyle:Corps><CharStyle:Gras><CharStyle:Gras>x<CharStyle:><CharStyle:>'),
      'NESTED_CHAR_STYLE',
    ],
    ['a tag our export never writes', withBody('<ParaStyle:Corps><cUnderline:1>x'), 'UNKNOWN_TAG'],
    ['a misspelt alignment', withBody('<ParaStyle:Corps><pTextAlignment:Justified>x'), 'MALFORMED_TAG'],
  ])('refuses %s', (_, text, code) => {
    expect(fault(() => parseTaggedText(text)).code).toBe(code);
  });
});

describe('tagged-text grammar: broken tables', () => {
  const broken = (from: string, to: string) => {
    expect(TABLE).toContain(from);
    return withBody(TABLE.replace(from, to));
  };
  const ROW2 = '<RowStart:<tRowAttrHeight:12>><CellStart:1,1<tCellFillColor';

  it.each<[string, string, TaggedTextErrorCode]>([
    ['more rows announced than written', broken('TableStart:2,2', 'TableStart:3,2'), 'TABLE_ROW_COUNT'],
    ['fewer rows announced than written', broken('TableStart:2,2', 'TableStart:1,2'), 'TABLE_ROW_COUNT'],
    ['a row one cell short', broken('<CellStart:1,1><ParaStyle:Cellule><CellEnd:>', ''), 'TABLE_CELL_COUNT'],
    ['more columns than widths', broken('TableStart:2,2', 'TableStart:2,3'), 'TABLE_CELL_COUNT'],
    ['a width missing', broken('<ColStart:<tColAttrWidth:50.5>>', ''), 'TABLE_COLUMN_COUNT'],
    ['more header rows than rows', broken('2,2:1:0', '2,2:3:0'), 'TABLE_HEADER_ROWS'],
    ['a cell never ended', broken('Prix<CellEnd:>', 'Prix'), 'UNBALANCED_CELL'],
    ['a row never ended', broken('<RowEnd:><RowStart', '<RowStart'), 'UNBALANCED_ROW'],
    ['a cell outside a row', broken(ROW2, '<CellStart:1,1><CellEnd:>' + ROW2), 'UNBALANCED_ROW'],
    ['a table never ended', broken('<TableEnd:>', ''), 'TABLE_NOT_CLOSED'],
    ['an end without a table', withBody('<ParaStyle:Corps>x<TableEnd:>'), 'UNBALANCED_TABLE'],
    [
      'text between cells',
      broken(
        '<CellEnd:><CellStart:1,1><ParaStyle:Cellule>Prix',
        '<CellEnd:>x<CellStart:1,1><ParaStyle:Cellule>Prix',
      ),
      'TEXT_OUTSIDE_CELL',
    ],
    [
      'a column defined after the rows',
      broken('<TableEnd:>', '<ColStart:<tColAttrWidth:5>><TableEnd:>'),
      'COLUMN_AFTER_ROWS',
    ],
    [
      'a cell spanning two columns',
      broken('<CellStart:1,1><ParaStyle:Cellule>Réf.', '<CellStart:1,2><ParaStyle:Cellule>Réf.'),
      'UNSUPPORTED_SPAN',
    ],
    // A later cell is in the paragraph style of the cell before it; the first has none to carry.
    [
      'a first cell without a paragraph style',
      broken('<ParaStyle:Cellule>Réf.', 'Réf.'),
      'PARAGRAPH_WITHOUT_STYLE',
    ],
    ['a fill colour not in the colour table', broken('K\\=5>>', 'K\\=6>>'), 'UNDEFINED_COLOR'],
    [
      'a table split over two lines',
      broken('<RowEnd:><RowStart', '<RowEnd:>\r\n<RowStart'),
      'TABLE_NOT_CLOSED',
    ],
  ])('refuses %s', (_, text, code) => {
    expect(fault(() => parseTaggedText(text)).code).toBe(code);
  });
});

describe('tagged-text grammar: table and cell styles', () => {
  const STYLED = [
    ...HEADER,
    '<DefineCellStyle:Tête=<tCellAttrLeftInset:3><tCellAttrTopInset:3><tCellAttrRightInset:3><tCellAttrBottomInset:3><tCellFillColor:C\\=0 M\\=0 Y\\=0 K\\=5><tCellAttrFillTint:100><tCellStyleParaStyle:Cellule>>',
    '<DefineCellStyle:Corps=<tCellAttrLeftInset:3><tCellStyleParaStyle:Cellule>>',
    '<DefineTableStyle:Prix=<tHeaderCellStyle:Tête>>',
  ];
  const TABLE_IN_STYLES =
    '<ParaStyle:Cellule><TableStyle:Prix><TableStart:3,2:1:0<tCellDefaultCellType:Text>>' +
    '<ColStart:<tColAttrWidth:100>><ColStart:<tColAttrWidth:50>>' +
    '<RowStart:><CellStyle:Tête><CellStart:1,1><ParaStyle:Corps>Réf.<CellEnd:><CellStart:1,1><pTextAlignment:Right>Prix<CellEnd:><RowEnd:>' +
    '<RowStart:><CellStyle:Corps><CellStart:1,1><ParaStyle:Cellule><pTextAlignment:>A<CellEnd:><CellStart:1,1><pTextAlignment:Right>1<CellEnd:><RowEnd:>' +
    '<RowStart:><CellStart:1,1><pTextAlignment:>B<CellEnd:><CellStart:1,1><pTextAlignment:Right>2<CellEnd:><RowEnd:>' +
    '<TableEnd:><pTextAlignment:>';
  const styled = (...body: string[]) => file(...STYLED, ...body);
  const broken = (from: string, to: string) => {
    expect(TABLE_IN_STYLES).toContain(from);
    return styled(TABLE_IN_STYLES.replace(from, to));
  };

  it('reads the styles, and carries cell and paragraph styles and alignment from one cell to the next', () => {
    const parsed = parseTaggedText(styled(TABLE_IN_STYLES, '<ParaStyle:Corps>après'));
    expect(parsed.cellStyles.Tête).toMatchObject({
      tCellFillColor: 'C=0 M=0 Y=0 K=5',
      tCellStyleParaStyle: 'Cellule',
    });
    expect(parsed.tableStyles).toEqual({ Prix: { tHeaderCellStyle: 'Tête' } });
    const [table] = parsed.tables;
    expect(table!.tableStyle).toBe('Prix');
    expect(
      table!.rows.map((r) => r.cells.map((c) => [c.cellStyle, c.style, c.attributes.pTextAlignment])),
    ).toEqual([
      [
        ['Tête', 'Corps', undefined],
        ['Tête', 'Corps', 'Right'],
      ],
      [
        ['Corps', 'Cellule', undefined],
        ['Corps', 'Cellule', 'Right'],
      ],
      [
        ['Corps', 'Cellule', undefined],
        ['Corps', 'Cellule', 'Right'],
      ],
    ]);
    expect(parsed.paragraphs.at(-1)).toMatchObject({ style: 'Corps', attributes: {} });
  });

  it('reads a frame break at the end of a paragraph, cancelled at the start of the next', () => {
    const parsed = parseTaggedText(
      withBody('<ParaStyle:Corps>carte 1<cNextXChars:Box>', '<ParaStyle:Corps><cNextXChars:>carte 2'),
    );
    expect(parsed.paragraphs.map((p) => [p.text, p.breakAfter])).toEqual([
      ['carte 1', 'Box'],
      ['carte 2', undefined],
    ]);
  });

  it.each<[string, string, TaggedTextErrorCode]>([
    ['an undefined cell style', broken('<CellStyle:Corps>', '<CellStyle:Pied>'), 'UNDEFINED_CELL_STYLE'],
    ['an undefined table style', broken('<TableStyle:Prix>', '<TableStyle:Tarif>'), 'UNDEFINED_TABLE_STYLE'],
    [
      'a cell style naming an undefined paragraph style',
      styled().replace(
        '<tCellStyleParaStyle:Cellule>>\r\n<DefineCellStyle:Corps',
        '<tCellStyleParaStyle:Titre>>\r\n<DefineCellStyle:Corps',
      ),
      'UNDEFINED_PARA_STYLE',
    ],
    [
      'a table style naming an undefined cell style',
      styled().replace('<tHeaderCellStyle:Tête>', '<tHeaderCellStyle:Entête>'),
      'UNDEFINED_CELL_STYLE',
    ],
    [
      'a table style defined before its cell style',
      file(...HEADER, STYLED.at(-1)!, ...STYLED.slice(HEADER.length, -1), '<ParaStyle:Corps>x'),
      'UNDEFINED_CELL_STYLE',
    ],
    [
      'a cell style defined twice',
      file(...STYLED, STYLED.at(-2)!, '<ParaStyle:Corps>x'),
      'DUPLICATE_DEFINITION',
    ],
    [
      'a fill colour not in the colour table',
      styled().replace('K\\=5><tCellAttrFillTint', 'K\\=9><tCellAttrFillTint'),
      'UNDEFINED_COLOR',
    ],
    [
      'an attribute a cell style does not take',
      styled().replace('<tCellAttrLeftInset:3><tCellStyleParaStyle', '<cSize:3><tCellStyleParaStyle'),
      'UNKNOWN_TAG',
    ],
    [
      'a negative inset',
      styled().replace(
        '<tCellAttrLeftInset:3><tCellStyleParaStyle',
        '<tCellAttrLeftInset:-1><tCellStyleParaStyle',
      ),
      'MALFORMED_TAG',
    ],
    [
      'a cell style inside a cell',
      broken('<CellStart:1,1><ParaStyle:Corps>Réf.', '<CellStart:1,1><CellStyle:Tête><ParaStyle:Corps>Réf.'),
      'CELL_STYLE_OUTSIDE_ROW',
    ],
    [
      'a cell style outside a row',
      broken('<RowStart:><CellStyle:Tête>', '<CellStyle:Tête><RowStart:>'),
      'CELL_STYLE_OUTSIDE_ROW',
    ],
    [
      'a table style away from its table',
      broken('<TableStyle:Prix><TableStart', '<TableStyle:Prix>x<TableStart'),
      'TABLE_STYLE_MISPLACED',
    ],
    ['a table style without a table', styled('<ParaStyle:Corps>x<TableStyle:Prix>'), 'TABLE_STYLE_MISPLACED'],
    [
      'the first cell of a styled table without a cell style',
      broken('<CellStyle:Tête><CellStart', '<CellStart'),
      'CELL_WITHOUT_CELL_STYLE',
    ],
    [
      'the first cell of a table without a paragraph style',
      broken('<ParaStyle:Corps>Réf.', 'Réf.'),
      'PARAGRAPH_WITHOUT_STYLE',
    ],
    [
      'an alignment still in effect after the table',
      broken('<TableEnd:><pTextAlignment:>', '<TableEnd:>'),
      'ATTRIBUTE_LEFT_SET',
    ],
    [
      'an alignment cancelled with none set',
      broken(
        '<ParaStyle:Cellule><pTextAlignment:>A',
        '<ParaStyle:Cellule><pTextAlignment:><pTextAlignment:>A',
      ),
      'MALFORMED_TAG',
    ],
    [
      'a paragraph’s own alignment, which would carry into the next',
      withBody('<ParaStyle:Corps><pTextAlignment:Right>a', '<ParaStyle:Corps>b'),
      'ATTRIBUTE_LEFT_SET',
    ],
    [
      'a frame break before the end of its paragraph',
      withBody('<ParaStyle:Corps>a<cNextXChars:Box>b'),
      'BREAK_NOT_AT_END',
    ],
    [
      'a frame break never cancelled',
      withBody('<ParaStyle:Corps>a<cNextXChars:Box>', '<ParaStyle:Corps>b'),
      'BREAK_NOT_CANCELLED',
    ],
    [
      'a frame break cancelled after the text',
      withBody('<ParaStyle:Corps>a<cNextXChars:Box>', '<ParaStyle:Corps>b<cNextXChars:>'),
      'BREAK_NOT_CANCELLED',
    ],
    ['a break our export never writes', withBody('<ParaStyle:Corps>a<cNextXChars:Column>'), 'MALFORMED_TAG'],
    ['a cancel with no break before', withBody('<ParaStyle:Corps><cNextXChars:>a'), 'MALFORMED_TAG'],
  ])('refuses %s', (_, text, code) => {
    expect(fault(() => parseTaggedText(text)).code).toBe(code);
  });
});

describe('tagged-text grammar: paragraph style definitions', () => {
  const define = (attributes: string) =>
    file(
      HEADER[0]!,
      HEADER[1]!,
      `<DefineParaStyle:Corps=<Nextstyle:Corps>${attributes}>`,
      '<ParaStyle:Corps>a',
    );

  it('accepts hyphenation on or off', () => {
    expect(() => parseTaggedText(define('<pHyphenation:1>'))).not.toThrow();
    expect(() => parseTaggedText(define('<pHyphenation:0>'))).not.toThrow();
  });

  it.each([
    ['a hyphenation that is neither on nor off', '<pHyphenation:yes>', 'MALFORMED_TAG'],
    ['a tag our definitions never write', '<cOTFFigureStyle:Tabular Lining>', 'UNKNOWN_TAG'],
  ])('refuses %s', (_, attributes, code) => {
    expect(fault(() => parseTaggedText(define(attributes))).code).toBe(code);
  });
});
