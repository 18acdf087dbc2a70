// Verifies exported PDFs with the tools a prepress operator would trust (qpdf, poppler, Ghostscript)
// rather than with pdfkit itself, so a test cannot pass because writer and reader share a mistake.
import { execFile } from 'node:child_process';

// ---------------------------------------------------------------------------------------------------
// Running the tools

type Tool = 'qpdf' | 'pdfinfo' | 'pdffonts' | 'pdfimages' | 'pdftotext' | 'pdftoppm' | 'gs';

const DEBIAN_PACKAGE: Record<Tool, string> = {
  qpdf: 'qpdf',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfimages: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  gs: 'ghostscript',
};

interface ToolRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs a tool without a shell; a non-zero exit is returned, not thrown, because some tools use it for warnings. */
function run(tool: Tool, args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      // A whole catalog rewritten by qpdf --qdf, or a page rendered at print resolution, is large.
      { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const stderrText = stderr.toString('utf8');
        if (error?.code === 'ENOENT') {
          const pkg = DEBIAN_PACKAGE[tool];
          reject(
            new Error(
              `${tool} is not installed (not found on PATH). Install the Debian package: apt-get install ${pkg}`,
            ),
          );
          return;
        }
        if (error && typeof error.code !== 'number') {
          // Killed by the timeout, output over maxBuffer, or a spawn failure: no exit code to interpret.
          reject(new Error(`${tool} ${args.join(' ')} failed: ${error.message}\n${stderrText}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr: stderrText });
      },
    );
  });
}

async function runOk(
  tool: Tool,
  args: readonly string[],
  okCodes: readonly number[] = [0],
): Promise<ToolRun> {
  const result = await run(tool, args);
  if (!okCodes.includes(result.code)) {
    throw new Error(`${tool} ${args.join(' ')} exited with code ${result.code}:\n${result.stderr.trim()}`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// qpdf --check and Ghostscript

export interface ToolCheck {
  ok: boolean;
  output: string;
}

/** `qpdf --check`: exit 0 means clean, 2 errors, 3 warnings — a repaired file is not a good export. */
export async function qpdfCheck(path: string): Promise<ToolCheck> {
  const result = await run('qpdf', ['--check', path]);
  const output = `${result.stdout.toString('utf8')}${result.stderr}`;
  // qpdf's success message says "errors" twice, and the file's own name may contain the word.
  const judged = output.split(path).join('').replace(QPDF_ALL_CLEAR, '');
  const ok = result.code === 0 && !/error|damaged/i.test(judged);
  return { ok, output };
}

const QPDF_ALL_CLEAR =
  /No syntax or stream encoding errors found; the file may still contain\s+errors that qpdf cannot detect/g;

/**
 * Interprets every page with Ghostscript. Catches broken content streams qpdf does not parse, and
 * files Ghostscript had to repair: it still exits 0 for those and only says so in its messages
 * (which `-q` would hide, so it is not used).
 */
export async function ghostscriptCheck(path: string): Promise<ToolCheck> {
  const result = await run('gs', ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', path]);
  const output = `${result.stdout.toString('utf8')}${result.stderr}`;
  const ok = result.code === 0 && !GS_TROUBLE.test(output);
  return { ok, output };
}

const GS_TROUBLE =
  /\*\*\*\* Error|\*\*\*\* Warning|errors were encountered|was repaired|Unrecoverable error/i;

// ---------------------------------------------------------------------------------------------------
// pdfinfo

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfInfo {
  pages: number;
  /** The first page's size in points (pdfinfo only reports page 1 without -f/-l). */
  pageSize: { width: number; height: number };
  title: string | undefined;
  author: string | undefined;
  creator: string | undefined;
  producer: string | undefined;
  creationDate: Date | undefined;
  /** As pdfinfo printed it (ISO 8601 with -isodates), for dates a Date cannot hold. */
  creationDateText: string | undefined;
  encrypted: boolean;
  /** e.g. "1.3" */
  pdfVersion: string;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  // -isodates: the default format is in the machine's time zone and locale, so not comparable in tests.
  const result = await runOk('pdfinfo', ['-isodates', '-enc', 'UTF-8', path]);
  return parsePdfInfo(result.stdout.toString('utf8'));
}

/** Splits `Key:   value` lines at the first colon (titles may contain colons, keys do not). */
function infoFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line.replace(/\r$/, ''));
    if (match?.[1] !== undefined && match[2] !== undefined && !fields.has(match[1])) {
      fields.set(match[1], match[2]);
    }
  }
  return fields;
}

export function parsePdfInfo(text: string): PdfInfo {
  const fields = infoFields(text);
  const pages = Number(fields.get('Pages'));
  const size = /^([\d.]+) x ([\d.]+) pts/.exec(fields.get('Page size') ?? '');
  const version = fields.get('PDF version');
  if (!Number.isInteger(pages) || !size?.[1] || !size[2] || version === undefined) {
    throw new Error(`Unexpected pdfinfo output:\n${text}`);
  }
  const dateText = fields.get('CreationDate');
  const date = dateText === undefined ? undefined : new Date(dateText);
  return {
    pages,
    pageSize: { width: Number(size[1]), height: Number(size[2]) },
    title: fields.get('Title'),
    author: fields.get('Author'),
    creator: fields.get('Creator'),
    producer: fields.get('Producer'),
    creationDate: date && !Number.isNaN(date.getTime()) ? date : undefined,
    creationDateText: dateText,
    encrypted: (fields.get('Encrypted') ?? '').startsWith('yes'),
    pdfVersion: version,
  };
}

export interface PageBoxes {
  page: number;
  media: Box;
  crop: Box;
  bleed: Box;
  trim: Box;
  art: Box;
}

/**
 * The boxes as a viewer sees them, rounded by pdfinfo to 0.01 pt. pdfinfo fills in absent boxes
 * (crop defaults to media; bleed, trim and art to crop), so this cannot tell that a TrimBox is
 * missing: use `declaredBoxes` for that.
 */
export async function pdfBoxes(path: string): Promise<PageBoxes[]> {
  const { pages } = await pdfInfo(path);
  const result = await runOk('pdfinfo', ['-box', '-f', '1', '-l', String(pages), path]);
  return parsePdfBoxes(result.stdout.toString('utf8'));
}

const BOX_KEYS = {
  MediaBox: 'media',
  CropBox: 'crop',
  BleedBox: 'bleed',
  TrimBox: 'trim',
  ArtBox: 'art',
} as const;
type BoxKey = (typeof BOX_KEYS)[keyof typeof BOX_KEYS];

export function parsePdfBoxes(text: string): PageBoxes[] {
  const byPage = new Map<number, Partial<Record<BoxKey, Box>>>();
  const line =
    /^Page\s+(\d+)\s+(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/gm;
  for (const match of text.matchAll(line)) {
    const [, page, key, x1, y1, x2, y2] = match;
    const boxes = byPage.get(Number(page)) ?? {};
    boxes[BOX_KEYS[key as keyof typeof BOX_KEYS]] = {
      x1: Number(x1),
      y1: Number(y1),
      x2: Number(x2),
      y2: Number(y2),
    };
    byPage.set(Number(page), boxes);
  }
  return [...byPage.entries()]
    .sort(([a], [b]) => a - b)
    .map(([page, boxes]) => {
      const { media, crop, bleed, trim, art } = boxes;
      if (!media || !crop || !bleed || !trim || !art) {
        throw new Error(`pdfinfo -box gave page ${page} without all five boxes:\n${text}`);
      }
      return { page, media, crop, bleed, trim, art };
    });
}

// ---------------------------------------------------------------------------------------------------
// pdffonts

export interface PdfFont {
  name: string;
  /** As pdffonts names it: "Type 1", "CID TrueType", "Type 1C (OT)"… */
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  /** Has a ToUnicode map, so copied and searched text comes out right. */
  unicode: boolean;
}

export async function pdfFonts(path: string): Promise<PdfFont[]> {
  const result = await runOk('pdffonts', [path]);
  return parsePdfFonts(result.stdout.toString('utf8'));
}

// poppler's list; matching them lets a row that overflowed its columns still be read.
const FONT_TYPES = [
  'CID TrueType (OT)',
  'CID TrueType',
  'CID Type 0C (OT)',
  'CID Type 0C',
  'CID Type 0',
  'TrueType (OT)',
  'TrueType',
  'Type 1C (OT)',
  'Type 1C',
  'Type 1',
  'Type 3',
  'unknown',
];
const OVERFLOWED_ROW = new RegExp(
  `^(.+?) +(${FONT_TYPES.map((t) => t.replace(/[()]/g, '\\$&')).join('|')}) +(\\S+) +(yes|no) +(yes|no) +(yes|no)\\b`,
);

/**
 * Reads the columns where the header's dashes put them. pdffonts pads with printf widths, so a font
 * name longer than its column pushes the rest of the row right; such a row is read by matching the
 * known font types instead.
 */
export function parsePdfFonts(text: string): PdfFont[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const dashIndex = lines.findIndex((l) => /^-+( +-+)+\s*$/.test(l));
  if (dashIndex < 0) throw new Error(`Unexpected pdffonts output:\n${text}`);
  const columns = [...(lines[dashIndex] ?? '').matchAll(/-+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (columns.length < 6) throw new Error(`Unexpected pdffonts header:\n${text}`);
  const yesNo = (value: string | undefined): boolean | undefined =>
    value === 'yes' ? true : value === 'no' ? false : undefined;

  return lines
    .slice(dashIndex + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cells = columns.map((c, i) => {
        const next = columns[i + 1];
        return line.slice(c.start, next ? next.start : undefined).trim();
      });
      const fits = columns.slice(0, 6).every((c) => line[c.end] === undefined || line[c.end] === ' ');
      const [name, type, encoding, emb, sub, uni] = cells;
      const flags = [yesNo(emb), yesNo(sub), yesNo(uni)];
      if (fits && name && type && encoding && flags.every((f) => f !== undefined)) {
        return {
          name,
          type,
          encoding,
          embedded: flags[0] === true,
          subset: flags[1] === true,
          unicode: flags[2] === true,
        };
      }
      const match = OVERFLOWED_ROW.exec(line);
      if (!match?.[1] || !match[2] || !match[3])
        throw new Error(`Cannot read pdffonts row: ${JSON.stringify(line)}`);
      return {
        name: match[1].trim(),
        type: match[2],
        encoding: match[3],
        embedded: match[4] === 'yes',
        subset: match[5] === 'yes',
        unicode: match[6] === 'yes',
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// pdfimages -list

export interface PdfImage {
  page: number;
  /** "image", or the masks: "mask", "smask", "stencil". */
  type: string;
  width: number;
  height: number;
  /** As pdfimages names it: "rgb", "cmyk", "gray", "icc" (ICCBased: see components), "index", "sep", "devn", "lab"… */
  color: string;
  components: number;
  bpc: number;
  /** "jpeg", "image" (no compression it names: Flate and the like), "jp2", "jbig2", "ccitt"… */
  encoding: string;
  xPpi: number;
  yPpi: number;
}

export async function pdfImages(path: string): Promise<PdfImage[]> {
  const result = await runOk('pdfimages', ['-list', path]);
  return parsePdfImages(result.stdout.toString('utf8'));
}

/**
 * Whitespace-separated, but the object-ID column is two numbers, or "[inline]" for inline images,
 * so the row is read ten cells from the left and four from the right.
 */
export function parsePdfImages(text: string): PdfImage[] {
  const lines = text.split('\n');
  const dashIndex = lines.findIndex((l) => /^-{10,}\s*$/.test(l));
  if (dashIndex < 0) throw new Error(`Unexpected pdfimages -list output:\n${text}`);
  return lines
    .slice(dashIndex + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const [page, , type, width, height, color, comp, bpc, enc] = cells;
      const [xPpi, yPpi] = cells.slice(-4);
      if (cells.length < 15 || !type || !color || !enc) {
        throw new Error(`Cannot read pdfimages row: ${JSON.stringify(line)}`);
      }
      return {
        page: Number(page),
        type,
        width: Number(width),
        height: Number(height),
        color,
        components: Number(comp),
        bpc: Number(bpc),
        encoding: enc,
        xPpi: Number(xPpi),
        yPpi: Number(yPpi),
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// pdftotext and pdftoppm

/** The text laid out as on the page (`-layout`); pdftotext ends every page with a form feed. */
export async function pdfText(path: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const result = await runOk('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, path, '-']);
  return result.stdout.toString('utf8');
}

/** One string per page, without the form feeds; a page with no text gives "". */
export async function pdfTextByPage(path: string): Promise<string[]> {
  const pages = (await pdfText(path)).split('\f');
  // The form feed after the last page leaves an empty piece that is not a page.
  pages.pop();
  return pages;
}

/** Page `page` (1-based) as a PNG at `dpi`. pdftoppm writes to stdout when given no output root. */
export async function renderPage(path: string, page: number, dpi: number): Promise<Buffer> {
  const p = String(page);
  const result = await runOk('pdftoppm', ['-png', '-r', String(dpi), '-f', p, '-l', p, '-singlefile', path]);
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------------
// qpdf --qdf: the file's objects, readable

/**
 * The whole file rewritten by qpdf in QDF form: streams decompressed, no object streams, one object
 * after another with `%% Original object ID` comments. Latin-1, so binary stream data survives
 * byte for byte and offsets in the xref table stay valid as string indexes.
 */
export async function uncompressedContent(path: string): Promise<string> {
  // Exit 3 is qpdf's "done, with warnings": the QDF output is still complete.
  const result = await runOk('qpdf', ['--qdf', '--object-streams=disable', path, '-'], [0, 3]);
  return result.stdout.toString('latin1');
}

interface PdfName {
  kind: 'name';
  name: string;
}
interface PdfString {
  kind: 'string';
  /** Raw bytes as Latin-1 characters. */
  bytes: string;
}
interface PdfRef {
  kind: 'ref';
  num: number;
  gen: number;
}
interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfValue>;
}
interface PdfKeyword {
  kind: 'keyword';
  word: string;
}
type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfDict | PdfValue[];

type Token =
  | { type: 'number'; value: number; integer: boolean }
  | { type: 'name'; value: string }
  | { type: 'string'; value: string }
  | { type: 'keyword'; value: string }
  | { type: 'punct'; value: '[' | ']' | '<<' | '>>' };

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isRegular = (c: string | undefined): c is string =>
  c !== undefined && !WHITESPACE.has(c) && !DELIMITERS.has(c);

/** PDF's lexical rules (ISO 32000 §7.2), shared by objects and content streams. */
class Lexer {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  next(): Token | undefined {
    const { text } = this;
    for (;;) {
      while (this.pos < text.length && WHITESPACE.has(text[this.pos] ?? '')) this.pos++;
      if (text[this.pos] !== '%') break;
      while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
    }
    const c = text[this.pos];
    if (c === undefined) return undefined;
    if (c === '(') return { type: 'string', value: this.literalString() };
    if (c === '<' && text[this.pos + 1] === '<') return this.punct('<<', 2);
    if (c === '>' && text[this.pos + 1] === '>') return this.punct('>>', 2);
    if (c === '<') return { type: 'string', value: this.hexString() };
    if (c === '[' || c === ']') return this.punct(c, 1);
    if (c === '/') {
      this.pos++;
      return {
        type: 'name',
        value: this.regularRun().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
          String.fromCharCode(parseInt(h, 16)),
        ),
      };
    }
    if (!isRegular(c)) {
      // A stray ')', '>', '{' or '}': one-character keyword, so one bad byte cannot stop the scan.
      this.pos++;
      return { type: 'keyword', value: c };
    }
    const word = this.regularRun();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      return { type: 'number', value: Number(word), integer: !word.includes('.') };
    }
    return { type: 'keyword', value: word };
  }

  private punct(value: '[' | ']' | '<<' | '>>', length: number): Token {
    this.pos += length;
    return { type: 'punct', value };
  }

  private regularRun(): string {
    const start = this.pos;
    while (isRegular(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private literalString(): string {
    const { text } = this;
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    let out = '';
    let depth = 1;
    this.pos++;
    while (this.pos < text.length) {
      const c = text[this.pos++] ?? '';
      if (c === '\\') {
        const e = text[this.pos++] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(this.pos - 1, this.pos + 2));
        if (octal) {
          out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          this.pos += octal[0].length - 1;
        } else if (e === '\r') {
          if (text[this.pos] === '\n') this.pos++;
        } else if (e !== '\n') {
          out += escapes[e] ?? e;
        }
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (--depth === 0) break;
        out += c;
      } else if (c === '\r') {
        // An unescaped end of line in a string reads as a single \n, whatever the file used.
        out += '\n';
        if (text[this.pos] === '\n') this.pos++;
      } else {
        out += c;
      }
    }
    return out;
  }

  private hexString(): string {
    const end = this.text.indexOf('>', this.pos);
    const stop = end < 0 ? this.text.length : end;
    const hex = this.text.slice(this.pos + 1, stop).replace(/[^0-9a-fA-F]/g, '');
    this.pos = stop + 1;
    let out = '';
    for (let i = 0; i < hex.length; i += 2)
      out += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return out;
  }
}

/** Values and keywords from a lexer; `n g R` becomes a reference. */
class Parser {
  private readonly buffer: Token[] = [];

  constructor(readonly lexer: Lexer) {}

  /** True when nothing was read ahead, so the lexer position is where the parser is. */
  get synced(): boolean {
    return this.buffer.length === 0;
  }

  private peek(i: number): Token | undefined {
    while (this.buffer.length <= i) {
      const token = this.lexer.next();
      if (!token) return undefined;
      this.buffer.push(token);
    }
    return this.buffer[i];
  }

  private take(): Token | undefined {
    return this.buffer.shift() ?? this.lexer.next();
  }

  read(): PdfValue | PdfKeyword | undefined {
    const token = this.take();
    if (!token) return undefined;
    switch (token.type) {
      case 'number': {
        // Only look two tokens ahead after an integer, and stop at the first that is not one: an
        // inline image's `/BPC 8 ID` must not pull its binary data into the buffer.
        const gen = token.integer ? this.peek(0) : undefined;
        if (gen?.type === 'number' && gen.integer) {
          const r = this.peek(1);
          if (r?.type === 'keyword' && r.value === 'R') {
            this.buffer.splice(0, 2);
            return { kind: 'ref', num: token.value, gen: gen.value };
          }
        }
        return token.value;
      }
      case 'name':
        return { kind: 'name', name: token.value };
      case 'string':
        return { kind: 'string', bytes: token.value };
      case 'keyword':
        if (token.value === 'true') return true;
        if (token.value === 'false') return false;
        if (token.value === 'null') return null;
        return { kind: 'keyword', word: token.value };
      case 'punct':
        if (token.value === '[') return this.array();
        if (token.value === '<<') return this.dict();
        throw new Error(`Unexpected "${token.value}" at offset ${this.lexer.pos}`);
    }
  }

  readValue(): PdfValue {
    const value = this.read();
    if (value === undefined || isKeyword(value)) {
      throw new Error(`Expected a PDF value near offset ${this.lexer.pos}`);
    }
    return value;
  }

  private array(): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      const next = this.peek(0);
      if (!next) throw new Error('Unterminated array');
      if (next.type === 'punct' && next.value === ']') {
        this.take();
        return items;
      }
      items.push(this.readValue());
    }
  }

  private dict(): PdfDict {
    const entries = new Map<string, PdfValue>();
    for (;;) {
      const key = this.take();
      if (!key) throw new Error('Unterminated dictionary');
      if (key.type === 'punct' && key.value === '>>') return { kind: 'dict', entries };
      if (key.type !== 'name') throw new Error(`Dictionary key expected near offset ${this.lexer.pos}`);
      entries.set(key.value, this.readValue());
    }
  }
}

function isKeyword(value: PdfValue | PdfKeyword): value is PdfKeyword {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'keyword';
}
const isName = (v: PdfValue | undefined): v is PdfName =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'name';
const isDict = (v: PdfValue | undefined): v is PdfDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'dict';
const isRef = (v: PdfValue | undefined): v is PdfRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'ref';
const isString = (v: PdfValue | undefined): v is PdfString =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'string';

/** A text string: UTF-16BE or UTF-8 when marked by a byte-order mark, else PDFDocEncoding (≈ Latin-1). */
function decodeTextString(bytes: string): string {
  const buffer = Buffer.from(bytes, 'latin1');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le');
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  return bytes;
}

interface PdfObject {
  value: PdfValue;
  /** Decoded stream data (Latin-1), when the object is a stream. */
  stream?: string;
}

interface PageNode {
  dict: PdfDict;
  resources: PdfDict | undefined;
  contents: { num: number; data: string }[];
}

/** The objects of a QDF file, found through its xref table and parsed on demand. */
class QdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject | undefined>();
  readonly trailer: PdfDict;

  constructor(readonly text: string) {
    const startxref = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text.slice(-1024));
    const xrefAt = startxref?.[1] === undefined ? -1 : Number(startxref[1]);
    if (xrefAt < 0 || !text.startsWith('xref', xrefAt)) {
      throw new Error('No xref table at the end of the qpdf --qdf output');
    }
    const trailerAt = text.indexOf('trailer', xrefAt);
    const cells = text
      .slice(xrefAt + 4, trailerAt)
      .trim()
      .split(/\s+/);
    for (let i = 0; i + 1 < cells.length;) {
      const first = Number(cells[i]);
      const count = Number(cells[i + 1]);
      i += 2;
      for (let n = 0; n < count; n++, i += 3) {
        if (cells[i + 2] === 'n') this.offsets.set(first + n, Number(cells[i]));
      }
    }
    const trailer = new Parser(new Lexer(text, trailerAt + 'trailer'.length)).readValue();
    if (!isDict(trailer)) throw new Error('No trailer dictionary in the qpdf --qdf output');
    this.trailer = trailer;
  }

  objectNumbers(): number[] {
    return [...this.offsets.keys()];
  }

  object(num: number): PdfObject | undefined {
    if (this.cache.has(num)) return this.cache.get(num);
    this.cache.set(num, undefined); // A /Length that refers to its own stream must not recurse forever.
    const offset = this.offsets.get(num);
    const object = offset === undefined ? undefined : this.parseAt(num, offset);
    this.cache.set(num, object);
    return object;
  }

  private parseAt(num: number, offset: number): PdfObject {
    const lexer = new Lexer(this.text, offset);
    const parser = new Parser(lexer);
    const head = [parser.read(), parser.read(), parser.read()];
    const obj = head[2];
    if (head[0] !== num || obj === undefined || !isKeyword(obj) || obj.word !== 'obj') {
      throw new Error(`Object ${num} is not at offset ${offset} of the qpdf --qdf output`);
    }
    const value = parser.readValue();
    const after = parser.read();
    if (!isDict(value) || after === undefined || !isKeyword(after) || after.word !== 'stream')
      return { value };
    let start = lexer.pos;
    if (this.text[start] === '\r') start++;
    if (this.text[start] === '\n') start++;
    const length = this.resolve(value.entries.get('Length'));
    if (typeof length !== 'number') throw new Error(`Stream ${num} has no usable /Length`);
    return { value, stream: this.text.slice(start, start + length) };
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; isRef(current) && hops < 32; hops++) current = this.object(current.num)?.value;
    return current;
  }

  get(dict: PdfDict | undefined, key: string): PdfValue | undefined {
    return this.resolve(dict?.entries.get(key));
  }

  dictAt(dict: PdfDict | undefined, key: string): PdfDict | undefined {
    const value = this.get(dict, key);
    return isDict(value) ? value : undefined;
  }

  /** The stream a reference points to (a direct value cannot be a stream). */
  streamOf(value: PdfValue | undefined): { dict: PdfDict; data: string; num: number } | undefined {
    let current = value;
    for (let hops = 0; isRef(current) && hops < 32; hops++) {
      const object = this.object(current.num);
      if (object?.stream !== undefined && isDict(object.value)) {
        return { dict: object.value, data: object.stream, num: current.num };
      }
      current = object?.value;
    }
    return undefined;
  }

  get root(): PdfDict | undefined {
    return this.dictAt(this.trailer, 'Root');
  }

  /** Pages in order, with the resources they inherit and their content streams' object numbers. */
  pages(): PageNode[] {
    const pages: PageNode[] = [];
    const seen = new Set<PdfDict>();
    const walk = (node: PdfDict | undefined, inherited: PdfDict | undefined): void => {
      if (!node || seen.has(node)) return;
      seen.add(node);
      const resources = this.dictAt(node, 'Resources') ?? inherited;
      const kids = this.get(node, 'Kids');
      if (Array.isArray(kids)) {
        for (const kid of kids) {
          const dict = this.resolve(kid);
          walk(isDict(dict) ? dict : undefined, resources);
        }
        return;
      }
      const contents = node.entries.get('Contents');
      const resolved = this.resolve(contents);
      const parts = Array.isArray(resolved) ? resolved : [contents];
      const streams = parts.flatMap((p) => this.streamOf(p) ?? []);
      pages.push({ dict: node, resources, contents: streams.map(({ num, data }) => ({ num, data })) });
    };
    walk(this.dictAt(this.root, 'Pages'), undefined);
    return pages;
  }
}

async function readQdf(path: string): Promise<QdfFile> {
  return new QdfFile(await uncompressedContent(path));
}

// ---------------------------------------------------------------------------------------------------
// Declared page boxes

export interface DeclaredBoxes {
  page: number;
  /** MediaBox and CropBox may be inherited from the page tree; the others may not. */
  media: Box | undefined;
  crop: Box | undefined;
  bleed: Box | undefined;
  trim: Box | undefined;
  art: Box | undefined;
}

/** The boxes written in each page dictionary, unrounded, `undefined` when absent (pdfinfo would invent them). */
export async function declaredBoxes(path: string): Promise<DeclaredBoxes[]> {
  const file = await readQdf(path);
  const box = (value: PdfValue | undefined): Box | undefined => {
    const numbers = Array.isArray(value) ? value.map((v) => file.resolve(v)) : [];
    if (numbers.length !== 4 || !numbers.every((n): n is number => typeof n === 'number')) return undefined;
    const [a, b, c, d] = numbers as [number, number, number, number];
    return { x1: Math.min(a, c), y1: Math.min(b, d), x2: Math.max(a, c), y2: Math.max(b, d) };
  };
  const inheritable = (page: PdfDict, key: string): PdfValue | undefined => {
    for (let node: PdfDict | undefined = page, hops = 0; node && hops < 64; hops++) {
      const value = file.get(node, key);
      if (value !== undefined) return value;
      node = file.dictAt(node, 'Parent');
    }
    return undefined;
  };
  return file.pages().map(({ dict }, i) => ({
    page: i + 1,
    media: box(inheritable(dict, 'MediaBox')),
    crop: box(inheritable(dict, 'CropBox')),
    bleed: box(file.get(dict, 'BleedBox')),
    trim: box(file.get(dict, 'TrimBox')),
    art: box(file.get(dict, 'ArtBox')),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Colour operators

const COLOUR_OPERATORS = ['rg', 'RG', 'k', 'K', 'g', 'G', 'sc', 'SC', 'scn', 'SCN', 'cs', 'CS'] as const;
export type ColourOperator = (typeof COLOUR_OPERATORS)[number];

const COLOUR_CLASSES = ['rgb', 'cmyk', 'gray', 'spot', 'lab', 'pattern', 'unknown'] as const;
/**
 * What a colour space amounts to for print: ICCBased by its component count, Indexed by its base,
 * Separation and DeviceN as "spot"; "pattern" is a pattern that could not be resolved.
 */
export type ColourClass = (typeof COLOUR_CLASSES)[number];

const COLOUR_SPACE_NAMES = [
  'DeviceRGB',
  'DeviceCMYK',
  'DeviceGray',
  'ICCBased',
  'Separation',
  'DeviceN',
  'CalRGB',
  'CalGray',
  'Lab',
  'Indexed',
] as const;
export type ColourSpaceName = (typeof COLOUR_SPACE_NAMES)[number];

export interface ColourUse {
  /** Each operator as written in the content streams (operands, strings and comments never count). */
  operators: Record<ColourOperator, number>;
  /**
   * Colour choices by the colour space they are made in: rg/RG, k/K, g/G, cs/CS (which also set a
   * colour: the space's initial one), sc/scn/SC/SCN in the current space, shadings painted by `sh` or
   * through a shading pattern. pdfkit writes `/DeviceRGB cs 1 0 0 scn` rather than `rg`, so
   * `sets.rgb`, not `operators.rg`, is the test for "no RGB".
   */
  sets: Record<ColourClass, number>;
}

export interface ColourReport extends ColourUse {
  /** Colour-space names used as values anywhere: object dictionaries and content streams, each counted once. */
  names: Record<ColourSpaceName, number>;
  /** What each page draws, Form XObjects and tiling patterns it uses included. */
  pages: ColourUse[];
}

const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const emptyUse = (): ColourUse => ({
  operators: zeroCounts(COLOUR_OPERATORS),
  sets: zeroCounts(COLOUR_CLASSES),
});

function addUse(into: ColourUse, from: ColourUse): void {
  for (const op of COLOUR_OPERATORS) into.operators[op] += from.operators[op];
  for (const c of COLOUR_CLASSES) into.sets[c] += from.sets[c];
}

/** Resolves names through resources and streams; absent for a lone content stream. */
interface ColourContext {
  file: QdfFile | undefined;
  resources: PdfDict | undefined;
  depth: number;
}

function classifySpace(space: PdfValue | undefined, ctx: ColourContext, lookUp = true): ColourClass {
  const { file } = ctx;
  const value = file ? file.resolve(space) : space;
  if (isName(value)) {
    switch (value.name) {
      case 'DeviceRGB':
      case 'RGB':
      case 'CalRGB':
        return 'rgb';
      case 'DeviceCMYK':
      case 'CMYK':
        return 'cmyk';
      case 'DeviceGray':
      case 'G':
      case 'CalGray':
        return 'gray';
      case 'Pattern':
        return 'pattern';
      case 'Lab':
        return 'lab';
    }
    if (!lookUp || !file) return 'unknown';
    return classifySpace(file.get(file.dictAt(ctx.resources, 'ColorSpace'), value.name), ctx, false);
  }
  if (Array.isArray(value) && isName(value[0])) {
    switch (value[0].name) {
      case 'ICCBased': {
        const n = file?.streamOf(value[1])?.dict.entries.get('N');
        return n === 4 ? 'cmyk' : n === 3 ? 'rgb' : n === 1 ? 'gray' : 'unknown';
      }
      case 'Indexed':
      case 'I':
        return classifySpace(value[1], ctx, false);
      case 'Separation':
      case 'DeviceN':
        return 'spot';
      case 'Pattern':
        return 'pattern';
    }
    return classifySpace(value[0], ctx, false);
  }
  return 'unknown';
}

interface ColourState {
  fill: ColourClass;
  stroke: ColourClass;
}

/** A shading dictionary or stream (types 4–7 are streams). */
function shadingClass(shading: PdfValue | undefined, ctx: ColourContext): ColourClass {
  const { file } = ctx;
  if (!file) return 'unknown';
  const resolved = file.resolve(shading);
  const dict = isDict(resolved) ? resolved : file.streamOf(shading)?.dict;
  return classifySpace(dict?.entries.get('ColorSpace'), ctx, false);
}

function interpretContent(data: string, ctx: ColourContext, start: ColourState, use: ColourUse): void {
  const lexer = new Lexer(data);
  const parser = new Parser(lexer);
  const stack: ColourState[] = [];
  let state = { ...start };
  let operands: PdfValue[] = [];
  const { file } = ctx;
  const resource = (category: string, operand: PdfValue | undefined): PdfValue | undefined =>
    file && isName(operand) ? file.get(file.dictAt(ctx.resources, category), operand.name) : undefined;
  const resourceRef = (category: string, operand: PdfValue | undefined): PdfValue | undefined =>
    file && isName(operand) ? file.dictAt(ctx.resources, category)?.entries.get(operand.name) : undefined;

  // A tiling pattern or form draws with its own resources; shading patterns carry their colour space.
  const drawForm = (ref: PdfValue | undefined, inherited: ColourState): void => {
    const stream = file?.streamOf(ref);
    if (!file || !stream || ctx.depth > 16) return;
    const own = file.dictAt(stream.dict, 'Resources') ?? ctx.resources;
    interpretContent(stream.data, { file, resources: own, depth: ctx.depth + 1 }, inherited, use);
  };
  const setPatternColour = (name: PdfValue | undefined, stroke: boolean): void => {
    const ref = resourceRef('Pattern', name);
    const pattern = file?.streamOf(ref)?.dict ?? resource('Pattern', name);
    const type = isDict(pattern) ? file?.get(pattern, 'PatternType') : undefined;
    if (type === 1) {
      drawForm(ref, state);
    } else if (type === 2 && isDict(pattern)) {
      use.sets[shadingClass(pattern.entries.get('Shading'), ctx)]++;
    } else {
      use.sets[stroke ? state.stroke : state.fill]++;
    }
  };

  for (;;) {
    const item = parser.read();
    if (item === undefined) break;
    if (!isKeyword(item)) {
      operands.push(item);
      continue;
    }
    const op = item.word;
    const last = operands[operands.length - 1];
    if ((COLOUR_OPERATORS as readonly string[]).includes(op)) use.operators[op as ColourOperator]++;
    switch (op) {
      case 'q':
        stack.push({ ...state });
        break;
      case 'Q':
        state = stack.pop() ?? state;
        break;
      case 'rg':
      case 'k':
      case 'g':
        state.fill = op === 'rg' ? 'rgb' : op === 'k' ? 'cmyk' : 'gray';
        use.sets[state.fill]++;
        break;
      case 'RG':
      case 'K':
      case 'G':
        state.stroke = op === 'RG' ? 'rgb' : op === 'K' ? 'cmyk' : 'gray';
        use.sets[state.stroke]++;
        break;
      case 'cs':
        state.fill = classifySpace(last, ctx);
        use.sets[state.fill]++;
        break;
      case 'CS':
        state.stroke = classifySpace(last, ctx);
        use.sets[state.stroke]++;
        break;
      case 'sc':
      case 'scn':
        if (state.fill === 'pattern' && isName(last)) setPatternColour(last, false);
        else use.sets[state.fill]++;
        break;
      case 'SC':
      case 'SCN':
        if (state.stroke === 'pattern' && isName(last)) setPatternColour(last, true);
        else use.sets[state.stroke]++;
        break;
      case 'sh':
        use.sets[shadingClass(resourceRef('Shading', last), ctx)]++;
        break;
      case 'Do': {
        const ref = resourceRef('XObject', last);
        const subtype = file?.get(file.streamOf(ref)?.dict, 'Subtype');
        if (isName(subtype) && subtype.name === 'Form') drawForm(ref, state);
        break;
      }
      case 'ID':
        skipInlineImage(lexer, parser);
        break;
    }
    operands = [];
  }
}

/** Inline image data is binary: skip to the `EI` that ends it, as readers do. */
function skipInlineImage(lexer: Lexer, parser: Parser): void {
  if (!parser.synced) throw new Error('Inline image data read ahead by the parser');
  const end = /[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/g;
  end.lastIndex = lexer.pos + 1;
  const match = end.exec(lexer.text);
  lexer.pos = match ? match.index + match[0].length : lexer.text.length;
}

/** Colour use in one content stream taken alone: named colour spaces (/CS0 cs) count as "unknown". */
export function contentColourUse(content: string): ColourUse & { names: Record<ColourSpaceName, number> } {
  const use = emptyUse();
  interpretContent(
    content,
    { file: undefined, resources: undefined, depth: 0 },
    { fill: 'gray', stroke: 'gray' },
    use,
  );
  const names = zeroCounts(COLOUR_SPACE_NAMES);
  countContentNames(content, names);
  return { ...use, names };
}

function countNames(value: PdfValue | undefined, names: Record<ColourSpaceName, number>): void {
  if (isName(value)) {
    if ((COLOUR_SPACE_NAMES as readonly string[]).includes(value.name))
      names[value.name as ColourSpaceName]++;
  } else if (Array.isArray(value)) {
    for (const item of value) countNames(item, names);
  } else if (isDict(value)) {
    // Keys are never colour spaces (a /ColorSpace entry's key is the resource's own name).
    for (const item of value.entries.values()) countNames(item, names);
  }
}

function countContentNames(content: string, names: Record<ColourSpaceName, number>): void {
  const parser = new Parser(new Lexer(content));
  for (let item = parser.read(); item !== undefined; item = parser.read()) {
    if (!isKeyword(item)) countNames(item, names);
    else if (item.word === 'ID') skipInlineImage(parser.lexer, parser);
  }
}

/**
 * Colour operators and colour-space names in the file, after qpdf has decompressed it. Streams are
 * tokenised, so `(1 0 0 rg) Tj` or a comment does not count; content reached through `Do`, tiling
 * patterns and shadings is followed with the resources it names. Annotation appearances and Type 3
 * glyphs are not followed.
 */
export async function colourOperators(path: string): Promise<ColourReport> {
  const file = await readQdf(path);
  const report: ColourReport = { ...emptyUse(), names: zeroCounts(COLOUR_SPACE_NAMES), pages: [] };
  const contentStreams = new Set<number>();
  for (const page of file.pages()) {
    const use = emptyUse();
    const ctx = { file, resources: page.resources, depth: 0 };
    for (const { num, data } of page.contents) {
      contentStreams.add(num);
      interpretContent(data, ctx, { fill: 'gray', stroke: 'gray' }, use);
    }
    report.pages.push(use);
    addUse(report, use);
  }
  for (const num of file.objectNumbers()) {
    const object = file.object(num);
    if (!object) continue;
    countNames(object.value, report.names);
    if (object.stream === undefined || !isDict(object.value)) continue;
    const subtype = file.get(object.value, 'Subtype');
    const isForm = isName(subtype) && subtype.name === 'Form';
    const isTiling = file.get(object.value, 'PatternType') === 1;
    if (isForm || isTiling || contentStreams.has(num)) {
      if (file.get(object.value, 'Filter') !== undefined) {
        throw new Error(`Content stream ${num} is still encoded after qpdf --qdf: cannot read its operators`);
      }
      countContentNames(object.stream, report.names);
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------
// Output intents

export interface OutputIntent {
  /** The /S name without its slash: "GTS_PDFX", "GTS_PDFA1"… */
  subtype: string;
  outputConditionIdentifier: string | undefined;
  outputCondition: string | undefined;
  registryName: string | undefined;
  info: string | undefined;
  /** The DestOutputProfile ICC stream: /N is 4 for a CMYK printing condition. */
  destOutputProfile: { components: number | undefined; bytes: number } | undefined;
}

export async function outputIntents(path: string): Promise<OutputIntent[]> {
  const file = await readQdf(path);
  const intents = file.get(file.root, 'OutputIntents');
  if (!Array.isArray(intents)) return [];
  const text = (dict: PdfDict, key: string): string | undefined => {
    const value = file.get(dict, key);
    return isString(value) ? decodeTextString(value.bytes) : undefined;
  };
  return intents.flatMap((entry) => {
    const dict = file.resolve(entry);
    if (!isDict(dict)) return [];
    const subtype = file.get(dict, 'S');
    const profile = file.streamOf(dict.entries.get('DestOutputProfile'));
    const n = profile ? file.get(profile.dict, 'N') : undefined;
    return [
      {
        subtype: isName(subtype) ? subtype.name : '',
        outputConditionIdentifier: text(dict, 'OutputConditionIdentifier'),
        outputCondition: text(dict, 'OutputCondition'),
        registryName: text(dict, 'RegistryName'),
        info: text(dict, 'Info'),
        destOutputProfile: profile
          ? { components: typeof n === 'number' ? n : undefined, bytes: profile.data.length }
          : undefined,
      },
    ];
  });
}
