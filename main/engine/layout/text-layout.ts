// Breaks styled text into lines that fit a width, with the real font metrics, and shrinks it to fit a
// height: first down to the style's minimum size, then the last line is cut with an ellipsis and the
// box is marked overset so preflight can tell the user.
import type { TextRun } from '../model.ts';
import type { CharacterStyle, ParagraphStyle } from '../templates/layout-schema.ts';
import { fontKey, fontMetrics, fontRef, type FontProvider, type FontRef, type Metrics } from './fonts.ts';
import type { GlyphRun, TextLine } from './layout-plan.ts';

type Piece = {
  text: string;
  font: FontRef;
  color: ParagraphStyle['color'];
  /** The width of `emOf` at size 1 (units × scale), kept while the text stays the same. */
  em?: number;
  emOf?: string;
};
type Word = { pieces: Piece[]; space: boolean };
/** The metrics of a font, from the provider the caller gave. */
type Measure = (font: FontRef) => Metrics;

export type TextResult = { lines: TextLine[]; height: number; size: number; overset: boolean };

type Look = { font: FontRef; color: ParagraphStyle['color'] };
/** Looks by style object and emphasis (none, bold, italic, both), for the character styles they were made with. */
const looks = new WeakMap<ParagraphStyle, { chars: Record<string, CharacterStyle>; byEmphasis: Look[] }>();

/** The font and colour of a run: the paragraph style's, changed by the character style of its emphasis. */
function lookOf(style: ParagraphStyle, run: TextRun, chars: Record<string, CharacterStyle>): Look {
  const emphasis = (run.bold ? 1 : 0) + (run.italic ? 2 : 0);
  let known = looks.get(style);
  if (!known || known.chars !== chars) looks.set(style, (known = { chars, byEmphasis: [] }));
  let look = known.byEmphasis[emphasis];
  if (!look) {
    const char =
      run.bold && run.italic
        ? chars.boldItalic
        : run.bold
          ? chars.bold
          : run.italic
            ? chars.italic
            : undefined;
    // Shared objects: every run of the plan in this look points at the same one.
    const font = fontRef(
      style.font,
      char?.weight ?? style.weight,
      char?.italic ?? style.italic,
      style.figures === 'tabular' ? 'tabular' : undefined,
    );
    known.byEmphasis[emphasis] = look = { font, color: char?.color ?? style.color };
  }
  return look;
}

/** Words are split at ordinary spaces only: U+00A0 and U+202F hold « 12,50 € » together. */
function toWords(runs: TextRun[], style: ParagraphStyle, chars: Record<string, CharacterStyle>): Word[][] {
  const paragraphs: Word[][] = [[]];
  let paragraph = paragraphs[0]!;
  let pieces: Piece[] = [];
  for (const run of runs) {
    const { font, color } = lookOf(style, run, chars);
    // As `split(/(\n| +)/)` would cut it, without the arrays: a line break, a row of spaces, a word.
    const text = run.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 32) {
        let j = i + 1;
        if (c === 32) while (j < n && text.charCodeAt(j) === 32) j++;
        if (pieces.length) paragraph.push({ pieces, space: c === 32 });
        pieces = [];
        if (c === 10) paragraphs.push((paragraph = []));
        i = j;
        continue;
      }
      let j = i + 1;
      for (let k = text.charCodeAt(j); j < n && k !== 32 && k !== 10; k = text.charCodeAt(++j));
      const part = text.slice(i, j);
      const last = pieces.at(-1);
      if (last && (last.font === font || fontKey(last.font) === fontKey(font))) last.text += part;
      else pieces.push({ text: part, font, color, em: 0, emOf: undefined });
      i = j;
    }
  }
  if (pieces.length) paragraph.push({ pieces, space: false });
  return paragraphs;
}

const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const graphemes = (text: string) => Array.from(segmenter.segment(text), (g) => g.segment);

/**
 * A word wider than the whole line (a long URL, a reference in a narrow column) is cut where it must,
 * between letters (never between a letter and its accent), across style changes, rather than running
 * out of its frame. Only done at the smallest size: shrinking comes first.
 */
function splitOversized(m: Measure, word: Word, width: number, size: number): Word[] {
  if (wordWidth(m, word, size) <= width) return [word];
  const parts: Word[] = [];
  let current: Piece[] = [];
  let used = 0;
  for (const piece of word.pieces) {
    const metrics = m(piece.font);
    let text = '';
    for (const ch of graphemes(piece.text)) {
      if (used + metrics.width(text + ch, size) > width && (current.length > 0 || text !== '')) {
        if (text) current.push({ ...piece, text });
        parts.push({ pieces: current, space: false });
        current = [];
        used = 0;
        text = '';
      }
      text += ch;
    }
    if (text) {
      current.push({ ...piece, text });
      used += metrics.width(text, size);
    }
  }
  if (current.length) parts.push({ pieces: current, space: word.space });
  return parts;
}

/** Lines of words; undefined when a word is wider than the line and may not be cut at this size. */
function layoutLines(
  m: Measure,
  words: Word[][],
  width: number,
  size: number,
  cutWords: boolean,
): Piece[][][] | undefined {
  const lines: Piece[][][] = [];
  for (const paragraph of words) {
    let line: Piece[][] = [];
    let last: Word | undefined;
    let used = 0;
    for (const word of cutWords ? paragraph.flatMap((w) => splitOversized(m, w, width, size)) : paragraph) {
      const w = wordWidth(m, word, size);
      if (!cutWords && w > width + 0.01) return undefined;
      const gap = last ? spaceWidth(m, last, size) : 0;
      if (last && used + gap + w > width) {
        lines.push(line);
        line = [];
        last = undefined;
        used = 0;
      }
      used += (last ? gap : 0) + w;
      line.push(word.pieces);
      last = word;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A piece's width at `size`: its width at size 1 times the size, which is the very product
 * `Metrics.width` computes (units × scale × size), so measured once for every size tried.
 */
function pieceWidth(m: Measure, p: Piece, size: number): number {
  if (p.emOf !== p.text) {
    p.em = m(p.font).width(p.text, 1);
    p.emOf = p.text;
  }
  return p.em! * size;
}

function wordWidth(m: Measure, word: Word, size: number): number {
  let sum = 0;
  for (const p of word.pieces) sum += pieceWidth(m, p, size);
  return sum;
}
const spaceWidth = (m: Measure, word: Word, size: number) =>
  word.space ? m(word.pieces.at(-1)!.font).width(' ', size) : 0;

// Scratch arrays, reused line after line: a plan keeps only exact-size copies. (An array grown by
// `push` keeps room for 16 more: 128 bytes a line, 6 MiB of a 10,000-product price list's plan.)
const placing: GlyphRun[] = [];
const merging: GlyphRun[] = [];

const baseFonts = new WeakMap<ParagraphStyle, FontRef>();
/** The style's own font (no emphasis, no figures): its ascent sets the first baseline. */
function baseFont(style: ParagraphStyle): FontRef {
  let font = baseFonts.get(style);
  if (!font) baseFonts.set(style, (font = fontRef(style.font, style.weight, style.italic)));
  return font;
}

function place(
  m: Measure,
  lines: Piece[][][],
  style: ParagraphStyle,
  size: number,
  width: number,
  leading: number,
): TextLine[] {
  const metrics = m(baseFont(style));
  const ascent = metrics.ascent(size);
  const placed = new Array<TextLine>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const lineWords = lines[i]!;
    const runs = placing;
    runs.length = 0;
    let x = 0;
    for (let w = 0; w < lineWords.length; w++) {
      if (w > 0) x += m(lineWords[w - 1]!.at(-1)!.font).width(' ', size);
      for (const p of lineWords[w]!) {
        runs.push({ text: p.text, font: p.font, size, color: p.color, x });
        x += pieceWidth(m, p, size);
      }
    }
    const shift = style.align === 'right' ? width - x : style.align === 'center' ? (width - x) / 2 : 0;
    if (shift > 0) for (const run of runs) run.x += shift;
    placed[i] = { baseline: ascent + i * leading, runs: mergeRuns(m, runs, size) };
  }
  return placed;
}

/** Adjacent pieces in one font become one run with their spaces, so the PDF draws words, not letters. */
function mergeRuns(m: Measure, runs: GlyphRun[], size: number): GlyphRun[] {
  const merged = merging;
  merged.length = 0;
  let last: GlyphRun | undefined;
  for (const run of runs) {
    if (
      last &&
      (last.font === run.font || fontKey(last.font) === fontKey(run.font)) &&
      last.color === run.color
    ) {
      const metrics = m(last.font);
      const gap = run.x - (last.x + metrics.width(last.text, size));
      const spaces = Math.round(gap / metrics.width(' ', size));
      last.text += ' '.repeat(Math.max(0, spaces)) + run.text;
    } else merged.push((last = run));
  }
  return merged.slice();
}

export type TextFrame = { width: number; height: number };

/** The width `place` will give a line: its words plus a space after each but the last. */
function lineWidth(m: Measure, line: Piece[][], size: number): number {
  return line.reduce(
    (sum, word, i) =>
      sum +
      (i ? m(line[i - 1]!.at(-1)!.font).width(' ', size) : 0) +
      word.reduce((t, p) => t + m(p.font).width(p.text, size), 0),
    0,
  );
}

/** Ends a line with "…", taking letters and then whole words off until it fits. */
function addEllipsis(m: Measure, line: Piece[][], width: number, size: number): void {
  while (line.length) {
    const word = line.at(-1)!;
    const piece = word.at(-1)!;
    const letters = graphemes(piece.text.replace(/…$/, ''));
    piece.text = `${letters.join('')}…`;
    while (lineWidth(m, line, size) > width && letters.length) {
      letters.pop();
      piece.text = `${letters.join('')}…`;
    }
    if (lineWidth(m, line, size) <= width && (letters.length || word.length > 1 || line.length === 1)) return;
    // The last word is used up: drop it and end the word before.
    line.pop();
    const previous = line.at(-1)?.at(-1);
    if (previous) previous.text += '…';
  }
}

/** The first `max` characters of the runs, never splitting a surrogate pair. */
function headOf(runs: TextRun[], max: number): TextRun[] {
  const head: TextRun[] = [];
  let room = max;
  for (const run of runs) {
    if (room <= 0) break;
    let text = run.text.length <= room ? run.text : run.text.slice(0, room);
    const last = text.charCodeAt(text.length - 1);
    if (text.length < run.text.length && last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
    head.push({ ...run, text });
    room -= text.length;
  }
  return head;
}

/** A guess of an average glyph's width, in ems, low on purpose: narrow text then needs no second try. */
const NARROW_EM = 0.25;

/**
 * The words worth laying out: a frame shows a few lines, and a 100,000-character description must
 * not be measured letter by letter (that took gigabytes). A head of the text is taken, big enough to
 * run at least three lines past what the frame holds at the smallest size; those lines are broken
 * exactly as in the whole text (greedy breaking only looks at the next word), so the lines kept are
 * the same and the box is overset. A head that still fits (very narrow or zero-width characters) is
 * taken four times longer until it overflows or is the whole text.
 */
function wordsThatCouldFit(
  m: Measure,
  runs: TextRun[],
  style: ParagraphStyle,
  chars: Record<string, CharacterStyle>,
  frame: TextFrame,
  minSize: number,
  room: number,
): Word[][] {
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  const perLine = Math.ceil(Math.max(1, frame.width) / (NARROW_EM * minSize)) + 1;
  let budget = Number.isFinite(room) ? (room + 3) * perLine : Infinity;
  while (budget < total) {
    const words = toWords(headOf(runs, budget), style, chars);
    if (layoutLines(m, words, frame.width, minSize, true)!.length >= room + 3) return words;
    budget *= 4;
  }
  return toWords(runs, style, chars);
}

/** One measuring function per font folder, so that laying out a box creates none. */
const measures = new Map<string, Measure>();
function measureFor(fonts: FontProvider): Measure {
  let m = measures.get(fonts.dir);
  if (!m) measures.set(fonts.dir, (m = (font) => fontMetrics(font, fonts)));
  return m;
}

const fits = (style: ParagraphStyle, frame: TextFrame, lines: Piece[][][], leading: number) =>
  (!style.maxLines || lines.length <= style.maxLines) && lines.length * leading <= frame.height + 0.01;

function result(
  m: Measure,
  style: ParagraphStyle,
  frame: TextFrame,
  lines: Piece[][][],
  size: number,
  overset: boolean,
): TextResult {
  const leading = size * (style.leading / style.size);
  return {
    lines: place(m, lines, style, size, frame.width, leading),
    height: lines.length * leading,
    size,
    overset,
  };
}

export function layoutText(
  runs: TextRun[],
  style: ParagraphStyle,
  chars: Record<string, CharacterStyle>,
  frame: TextFrame,
  fonts: FontProvider,
): TextResult {
  const m = measureFor(fonts);
  const minSize = Math.min(style.minSize ?? style.size, style.size);
  const ratio = style.leading / style.size;
  // The most lines the frame can show, at the smallest size.
  const room = Math.max(
    1,
    Math.min(style.maxLines ?? Infinity, Math.floor((frame.height + 0.01) / (minSize * ratio))),
  );
  const words = wordsThatCouldFit(m, runs, style, chars, frame, minSize, room);

  // Shrink by half points down to the minimum (the minimum itself always tried), words kept whole.
  for (let size = style.size; ; size -= 0.5) {
    const last = !(size > minSize + 1e-9);
    if (last) size = minSize;
    const lines = layoutLines(m, words, frame.width, size, false);
    if (lines && fits(style, frame, lines, size * ratio)) return result(m, style, frame, lines, size, false);
    if (last) break;
  }
  // At the minimum, words wider than the line are cut; then what still does not fit is dropped.
  const size = minSize;
  const leading = size * ratio;
  const all = layoutLines(m, words, frame.width, size, true)!;
  if (fits(style, frame, all, leading)) return result(m, style, frame, all, size, false);
  const kept = all.slice(0, room);
  const dropped = all.length > kept.length;
  if (dropped && kept.length) addEllipsis(m, kept.at(-1)!, frame.width, size);
  return result(m, style, frame, kept, size, dropped || kept.length * leading > frame.height + 0.01);
}
