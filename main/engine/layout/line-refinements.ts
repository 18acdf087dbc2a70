// Two refinements text-layout.ts makes to a paragraph's greedy lines, as a typesetter would: a spaced
// dash (« Perceuse – visseuse ») ends its line rather than sitting inside it, and the last line is
// not left with one word when the line above can give it one.
import { pieceWidth, type Measure, type Piece } from './text-pieces.ts';

const SPACED_DASH = /\s[–—]$/;
const endsWithDash = (word: Piece[]) => SPACED_DASH.test(word.at(-1)!.text);
const piecesWidth = (m: Measure, word: Piece[], size: number) => {
  let sum = 0;
  for (const p of word) sum += pieceWidth(m, p, size);
  return sum;
};

/**
 * A line that holds a spaced dash before its end breaks after the dash instead when the words that
 * follow still fit the paragraph's lines: « Quincaillerie Martin — / Tarif professionnel 2026 »
 * rather than « Quincaillerie Martin — Tarif / professionnel 2026 ». Lines from `first` are one
 * paragraph whose words were not broken; their number never grows.
 */
export function breakAfterDashes(
  m: Measure,
  lines: Piece[][][],
  first: number,
  width: number,
  size: number,
): void {
  for (let i = first; i < lines.length - 1; i++) {
    const line = lines[i]!;
    let at = -1;
    for (let k = line.length - 2; k >= 0 && at < 0; k--) if (endsWithDash(line[k]!)) at = k;
    if (at < 0) continue;
    // The words after the dash and all the lines below, flowed again from the next line.
    const rest = [...line.slice(at + 1), ...lines.slice(i + 1).flat()];
    const flowed: Piece[][][] = [];
    let current: Piece[][] = [];
    let used = 0;
    for (const word of rest) {
      const w = piecesWidth(m, word, size);
      const gap = current.length ? m(current.at(-1)!.at(-1)!.font).width(' ', size) : 0;
      if (current.length && used + gap + w > width) {
        flowed.push(current);
        current = [];
        used = 0;
      } else used += gap;
      current.push(word);
      used += w;
    }
    flowed.push(current);
    if (flowed.length > lines.length - i - 1) continue;
    lines.splice(i, lines.length - i, line.slice(0, at + 1), ...flowed);
  }
}

/**
 * A paragraph's last line holding a single word takes the last word of the line above when both
 * fit on it and the line above keeps a word: « Gants nitrile / jetables » → « Gants / nitrile
 * jetables » rather than a lone word. The number of lines stays the same, so what fitted still fits.
 */
export function giveLastLineAWord(m: Measure, lines: Piece[][][], width: number, size: number): void {
  const lastLine = lines.at(-1)!;
  const above = lines.at(-2)!;
  if (lastLine.length !== 1 || above.length < 2) return;
  const moved = above.at(-1)!;
  // A line ending on a spaced dash ends where it should (breakAfterDashes).
  if (moved.at(-1)!.hyphenated || endsWithDash(moved)) return;
  let both = m(moved.at(-1)!.font).width(' ', size);
  for (const p of moved) both += pieceWidth(m, p, size);
  for (const p of lastLine[0]!) both += pieceWidth(m, p, size);
  if (both > width) return;
  const candidate = [moved, lastLine[0]!];
  above.pop();
  lines[lines.length - 1] = candidate;
}
