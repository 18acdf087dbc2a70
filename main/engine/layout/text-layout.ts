// Breaks styled text into lines that fit a width, with the real font metrics, and shrinks it to fit a
// height: first down to the style's minimum size, then the last line is cut with an ellipsis and the
// box is marked overset so preflight can tell the user.
//
// Breaking is greedy, with three refinements a typesetter expects: a word that does not fit at a line's
// end may break after its own hyphen or dash (« Perceuse-/visseuse ») and, in styles that ask for it,
// at a hyphenation point (hyphenate.ts); a spaced dash (« Perceuse – visseuse ») stays at the end of
// its line, never opening the next; and a paragraph's last line is not left with one word when the
// line above can give it one (those two in line-refinements.ts).
import type { TextRun } from '../model.ts';
import type { CharacterStyle, ParagraphStyle } from '../templates/layout-schema.ts';
import { fontKey, fontMetrics, fontRef, type FontProvider, type FontRef } from './fonts.ts';
import { breakPoints, patternSetOf } from './hyphenate.ts';
import type { GlyphRun, TextLine } from './layout-plan.ts';
import { breakAfterDashes, giveLastLineAWord } from './line-refinements.ts';
import { pieceWidth, type Measure, type Piece } from './text-pieces.ts';

/** `dash`: the word ends with a spaced dash (« Martin — »), a good place to end a line. */
type Word = { pieces: Piece[]; space: boolean; dash: boolean };
/** The hyphenation patterns a layout uses (hyphenate.ts), or none: the word breaks only after its own dashes. */
type Patterns = ReturnType<typeof patternSetOf>;

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
  let dash = false;
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
        // « Perceuse – visseuse »: the spaced dash stays with the word before it, so the line breaks
        // after the dash, never before it (a line never opens with a dash).
        if (c === 32 && pieces.length && isDash(text.charCodeAt(j))) {
          const after = text.charCodeAt(j + 1);
          if (j + 1 === n || after === 32 || after === 10) {
            pieces.at(-1)!.text += text.slice(i, j + 1);
            dash = true;
            i = j + 1;
            continue;
          }
        }
        if (pieces.length) paragraph.push({ pieces, space: c === 32, dash });
        pieces = [];
        dash = false;
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
  if (pieces.length) paragraph.push({ pieces, space: false, dash });
  return paragraphs;
}

/** A hyphen, an en dash or an em dash. */
const isDash = (c: number) => c === 0x2d || c === 0x2013 || c === 0x2014;
const HAS_DASH = /[-\u2010\u2013\u2014]/;

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
        parts.push({ pieces: current, space: false, dash: false });
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
  if (current.length) parts.push({ pieces: current, space: word.space, dash: word.dash });
  return parts;
}

/**
 * The word cut after `at` characters: the pieces before (with a hyphen when `hyphen`) and after.
 * A cut inside a piece makes two new pieces (their widths measured afresh); the others are shared.
 */
function cutWord(word: Word, at: number, hyphen: boolean): [Word, Word] {
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let seen = 0;
  for (const p of word.pieces) {
    const end = seen + p.text.length;
    if (end <= at) head.push(p);
    else if (seen >= at) tail.push(p);
    else {
      head.push({ text: p.text.slice(0, at - seen), font: p.font, color: p.color });
      tail.push({ text: p.text.slice(at - seen), font: p.font, color: p.color });
    }
    seen = end;
  }
  if (hyphen) {
    const last = head.at(-1)!;
    head[head.length - 1] = { text: `${last.text}-`, font: last.font, color: last.color, hyphenated: true };
  }
  return [
    { pieces: head, space: false, dash: false },
    { pieces: tail, space: word.space, dash: word.dash },
  ];
}

/**
 * The longest head of `word` that fits in `room` when broken after a dash of its own or, with
 * `patterns`, at a hyphenation point; never a paragraph's last word that would fit a line whole.
 * Undefined when no break fits.
 */
function breakWord(
  m: Measure,
  word: Word,
  room: number,
  size: number,
  patterns: Patterns,
  lastWhole: boolean,
): [Word, Word] | undefined {
  const text = word.pieces.length === 1 ? word.pieces[0]!.text : word.pieces.map((p) => p.text).join('');
  // A paragraph's last word that fits a line whole goes there whole (else its last line would hold
  // a word's end); most words have no dash and, without patterns, no place to break.
  if (lastWhole || (!patterns && !HAS_DASH.test(text))) return undefined;
  const points = breakPoints(text, patterns);
  for (let k = points.length - 1; k >= 0; k--) {
    const cut = cutWord(word, points[k]!.at, points[k]!.hyphen);
    if (wordWidth(m, cut[0], size) <= room) return cut;
  }
  return undefined;
}

/**
 * Lines of words; undefined when a word is wider than the line and may not be cut at this size.
 * A word that does not fit at a line's end breaks where `breakWord` allows, else goes to the next
 * line; with `cutWords`, one wider than a whole line is then cut between letters (`splitOversized`).
 */
function layoutLines(
  m: Measure,
  words: Word[][],
  width: number,
  size: number,
  cutWords: boolean,
  patterns: Patterns,
): Piece[][][] | undefined {
  const lines: Piece[][][] = [];
  for (const paragraph of words) {
    const first = lines.length;
    let line: Piece[][] = [];
    let last: Word | undefined;
    let used = 0;
    /** The current line starts with the rest of a word broken on the line before. */
    let lineIsTail = false;
    /** A word of the paragraph was broken; one ends with a spaced dash. */
    let broken = false;
    let dashes = false;
    for (let index = 0; index < paragraph.length; index++) {
      let word = paragraph[index]!;
      if (word.dash) dashes = true;
      let w = wordWidth(m, word, size);
      let tail = false;
      for (;;) {
        let room = width;
        if (last) {
          const gap = spaceWidth(m, last, size);
          if (used + gap + w <= width) {
            used += gap + w;
            line.push(word.pieces);
            last = word;
            break;
          }
          room = width - used - gap;
        } else if (w <= width + 0.01) {
          lineIsTail = tail;
          used = w;
          line.push(word.pieces);
          last = word;
          break;
        }
        // It does not fit: break it where it may, else take it to the next line.
        const lastWhole = index === paragraph.length - 1 && w <= width;
        const cut = breakWord(m, word, room, size, patterns, lastWhole);
        if (cut) {
          broken = true;
          if (!last) lineIsTail = tail;
          line.push(cut[0].pieces);
          lines.push(line);
          line = [];
          last = undefined;
          word = cut[1];
          w = wordWidth(m, word, size);
          tail = true;
          continue;
        }
        if (last) {
          lines.push(line);
          line = [];
          last = undefined;
          continue;
        }
        // Alone on its line and still too wide: cut between letters, at the smallest size only.
        if (!cutWords) return undefined;
        const parts = splitOversized(m, word, width, size);
        broken = true;
        if (parts.length === 1) {
          // Not cuttable (one grapheme wider than the line): it stands alone.
          lineIsTail = tail;
          used = w;
          line.push(word.pieces);
          last = word;
          break;
        }
        for (let k = 0; k < parts.length - 1; k++) {
          lineIsTail = tail;
          lines.push([parts[k]!.pieces]);
          tail = true;
        }
        word = parts.at(-1)!;
        w = wordWidth(m, word, size);
      }
    }
    lines.push(line);
    if (lines.length - first >= 2) {
      if (dashes && !broken) breakAfterDashes(m, lines, first, width, size);
      if (!lineIsTail) giveLastLineAWord(m, lines, width, size);
    }
  }
  return lines;
}

function wordWidth(m: Measure, word: Word, size: number): number {
  let sum = 0;
  for (const p of word.pieces) sum += pieceWidth(m, p, size);
  return sum;
}
const spaceWidth = (m: Measure, word: Word, size: number) =>
  word.space ? m(word.pieces.at(-1)!.font).width(' ', size) : 0;

// A scratch array, reused line after line: a plan keeps only exact-size copies. (An array grown by
// `push` keeps room for 16 more: 128 bytes a line, 6 MiB of a 10,000-product price list's plan.)
const placing: GlyphRun[] = [];

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
    let last: GlyphRun | undefined;
    let x = 0;
    for (let w = 0; w < lineWords.length; w++) {
      let space = w > 0;
      if (space) x += m(lineWords[w - 1]!.at(-1)!.font).width(' ', size);
      for (const p of lineWords[w]!) {
        // Adjacent pieces in one font and colour become one run, with the space between words, so
        // the PDF draws words, not letters (and no text is measured again to merge them).
        if (
          last &&
          last.color === p.color &&
          (last.font === p.font || fontKey(last.font) === fontKey(p.font))
        )
          last.text += space ? ` ${p.text}` : p.text;
        else runs.push((last = { text: p.text, font: p.font, size, color: p.color, x }));
        space = false;
        x += pieceWidth(m, p, size);
      }
    }
    const shift = style.align === 'right' ? width - x : style.align === 'center' ? (width - x) / 2 : 0;
    if (shift > 0) for (const run of runs) run.x += shift;
    placed[i] = { baseline: ascent + i * leading, runs: runs.slice() };
  }
  return placed;
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
    // A word broken at a hyphenation point ends in its hyphen, not "-…".
    const letters = graphemes(piece.text.replace(/…$/, '').replace(piece.hyphenated ? /-$/ : /$^/, ''));
    piece.hyphenated = false;
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
  patterns: Patterns,
): Word[][] {
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  const perLine = Math.ceil(Math.max(1, frame.width) / (NARROW_EM * minSize)) + 1;
  let budget = Number.isFinite(room) ? (room + 3) * perLine : Infinity;
  while (budget < total) {
    const words = toWords(headOf(runs, budget), style, chars);
    if (layoutLines(m, words, frame.width, minSize, true, patterns)!.length >= room + 3) return words;
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
  /** The catalog's locale: which hyphenation patterns a style that hyphenates uses. */
  locale?: string,
): TextResult {
  const m = measureFor(fonts);
  const patterns = style.hyphenate ? patternSetOf(locale) : undefined;
  const minSize = Math.min(style.minSize ?? style.size, style.size);
  const ratio = style.leading / style.size;
  // The most lines the frame can show, at the smallest size.
  const room = Math.max(
    1,
    Math.min(style.maxLines ?? Infinity, Math.floor((frame.height + 0.01) / (minSize * ratio))),
  );
  const words = wordsThatCouldFit(m, runs, style, chars, frame, minSize, room, patterns);

  // Shrink by half points down to the minimum (the minimum itself always tried), words kept whole.
  for (let size = style.size; ; size -= 0.5) {
    const last = !(size > minSize + 1e-9);
    if (last) size = minSize;
    const lines = layoutLines(m, words, frame.width, size, false, patterns);
    if (lines && fits(style, frame, lines, size * ratio)) return result(m, style, frame, lines, size, false);
    if (last) break;
  }
  // At the minimum, words wider than the line are cut; then what still does not fit is dropped.
  const size = minSize;
  const leading = size * ratio;
  const all = layoutLines(m, words, frame.width, size, true, patterns)!;
  if (fits(style, frame, all, leading)) return result(m, style, frame, all, size, false);
  const kept = all.slice(0, room);
  const dropped = all.length > kept.length;
  if (dropped && kept.length) addEllipsis(m, kept.at(-1)!, frame.width, size);
  return result(m, style, frame, kept, size, dropped || kept.length * leading > frame.height + 0.01);
}
