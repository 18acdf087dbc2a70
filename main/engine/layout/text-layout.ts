// Breaks styled text into lines that fit a width, with the real font metrics, and shrinks it to fit a
// height: first down to the style's minimum size, then the last line is cut with an ellipsis and the
// box is marked overset so preflight can tell the user.
import type { TextRun } from '../model.ts';
import type { CharacterStyle, ParagraphStyle } from '../templates/layout-schema.ts';
import { fontKey, fontMetrics, type FontRef } from './fonts.ts';
import type { GlyphRun, TextLine } from './layout-plan.ts';

type Piece = { text: string; font: FontRef; color: ParagraphStyle['color'] };
type Word = { pieces: Piece[]; space: boolean };

export type TextResult = { lines: TextLine[]; height: number; size: number; overset: boolean };

/** The font and colour of a run: the paragraph style's, changed by the character style of its emphasis. */
function lookOf(style: ParagraphStyle, run: TextRun, chars: Record<string, CharacterStyle>) {
  const char =
    run.bold && run.italic ? chars.boldItalic : run.bold ? chars.bold : run.italic ? chars.italic : undefined;
  const font: FontRef = {
    family: style.font,
    weight: char?.weight ?? style.weight,
    italic: char?.italic ?? style.italic,
  };
  return { font, color: char?.color ?? style.color };
}

/** Words are split at ordinary spaces only: U+00A0 and U+202F hold « 12,50 € » together. */
function toWords(runs: TextRun[], style: ParagraphStyle, chars: Record<string, CharacterStyle>): Word[][] {
  const paragraphs: Word[][] = [[]];
  let word: Word = { pieces: [], space: false };
  const flush = (space: boolean) => {
    if (word.pieces.length) paragraphs.at(-1)!.push({ ...word, space });
    word = { pieces: [], space: false };
  };
  for (const run of runs) {
    const { font, color } = lookOf(style, run, chars);
    for (const part of run.text.split(/(\n| +)/)) {
      if (part === '') continue;
      if (part === '\n') {
        flush(false);
        paragraphs.push([]);
      } else if (/^ +$/.test(part)) flush(true);
      else {
        const last = word.pieces.at(-1);
        if (last && fontKey(last.font) === fontKey(font)) last.text += part;
        else word.pieces.push({ text: part, font, color });
      }
    }
  }
  flush(false);
  return paragraphs;
}

/**
 * A word wider than the whole line (a long URL, a reference in a narrow column) is cut where it must,
 * letter by letter, rather than running out of its frame.
 */
function splitOversized(word: Word, width: number, size: number): Word[] {
  if (wordWidth(word, size) <= width || word.pieces.length !== 1) return [word];
  const piece = word.pieces[0]!;
  const metrics = fontMetrics(piece.font);
  const parts: Word[] = [];
  let current = '';
  for (const ch of piece.text) {
    if (current && metrics.width(current + ch, size) > width) {
      parts.push({ pieces: [{ ...piece, text: current }], space: false });
      current = '';
    }
    current += ch;
  }
  parts.push({ pieces: [{ ...piece, text: current }], space: word.space });
  return parts;
}

function layoutLines(words: Word[][], width: number, size: number): Piece[][][] {
  const lines: Piece[][][] = [];
  for (const paragraph of words) {
    let line: Word[] = [];
    let used = 0;
    for (const word of paragraph.flatMap((w) => splitOversized(w, width, size))) {
      const w = wordWidth(word, size);
      const gap = line.length ? spaceWidth(line.at(-1)!, size) : 0;
      if (line.length && used + gap + w > width) {
        lines.push(line.map((x) => x.pieces));
        line = [];
        used = 0;
      }
      used += (line.length ? spaceWidth(line.at(-1)!, size) : 0) + w;
      line.push(word);
    }
    lines.push(line.map((x) => x.pieces));
  }
  return lines;
}

const wordWidth = (word: Word, size: number) =>
  word.pieces.reduce((sum, p) => sum + fontMetrics(p.font).width(p.text, size), 0);
const spaceWidth = (word: Word, size: number) =>
  word.space ? fontMetrics(word.pieces.at(-1)!.font).width(' ', size) : 0;

function place(
  lines: Piece[][][],
  style: ParagraphStyle,
  size: number,
  width: number,
  leading: number,
): TextLine[] {
  const metrics = fontMetrics({ family: style.font, weight: style.weight, italic: style.italic });
  const ascent = metrics.ascent(size);
  return lines.map((lineWords, i) => {
    const runs: GlyphRun[] = [];
    let x = 0;
    lineWords.forEach((pieces, w) => {
      if (w > 0) x += fontMetrics(lineWords[w - 1]!.at(-1)!.font).width(' ', size);
      for (const p of pieces) {
        runs.push({ text: p.text, font: p.font, size, color: p.color, x });
        x += fontMetrics(p.font).width(p.text, size);
      }
    });
    const shift = style.align === 'right' ? width - x : style.align === 'center' ? (width - x) / 2 : 0;
    for (const run of runs) run.x += Math.max(0, shift);
    return { baseline: ascent + i * leading, runs: mergeRuns(runs, size) };
  });
}

/** Adjacent pieces in one font become one run with their spaces, so the PDF draws words, not letters. */
function mergeRuns(runs: GlyphRun[], size: number): GlyphRun[] {
  const merged: GlyphRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && fontKey(last.font) === fontKey(run.font) && last.color === run.color) {
      const gap = run.x - (last.x + fontMetrics(last.font).width(last.text, size));
      const spaces = Math.round(gap / fontMetrics(last.font).width(' ', size));
      last.text += ' '.repeat(Math.max(0, spaces)) + run.text;
    } else merged.push({ ...run });
  }
  return merged;
}

export type TextFrame = { width: number; height: number };

export function layoutText(
  runs: TextRun[],
  style: ParagraphStyle,
  chars: Record<string, CharacterStyle>,
  frame: TextFrame,
): TextResult {
  const words = toWords(runs, style, chars);
  const minSize = Math.min(style.minSize ?? style.size, style.size);
  const ratio = style.leading / style.size;
  for (let size = style.size; size >= minSize - 1e-9; size -= 0.5) {
    const leading = size * ratio;
    const lines = layoutLines(words, frame.width, size);
    const fitsLines = !style.maxLines || lines.length <= style.maxLines;
    const height = lines.length * leading;
    if (fitsLines && height <= frame.height + 0.01)
      return { lines: place(lines, style, size, frame.width, leading), height, size, overset: false };
  }
  // Still too long at the smallest size: keep what fits and end it with an ellipsis.
  const size = minSize;
  const leading = size * ratio;
  const all = layoutLines(words, frame.width, size);
  const room = Math.max(1, Math.min(style.maxLines ?? Infinity, Math.floor((frame.height + 0.01) / leading)));
  const kept = all.slice(0, room);
  const lastLine = kept.at(-1) ?? [];
  const lastWord = lastLine.at(-1);
  if (lastWord) {
    const piece = lastWord.at(-1)!;
    const metrics = fontMetrics(piece.font);
    const lineWidth = (line: Piece[][]) =>
      line.reduce(
        (s, w, i) =>
          s +
          (i ? metrics.width(' ', size) : 0) +
          w.reduce((t, p) => t + fontMetrics(p.font).width(p.text, size), 0),
        0,
      );
    piece.text += '…';
    while (lineWidth(lastLine) > frame.width && piece.text.length > 1)
      piece.text = piece.text.slice(0, -2) + '…';
  }
  return {
    lines: place(kept, style, size, frame.width, leading),
    height: kept.length * leading,
    size,
    overset: all.length > kept.length,
  };
}
