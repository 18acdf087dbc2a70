// The unit of text layout (text-layout.ts): a word's run in one look, with its width at size 1 kept
// so that trying every size measures it once.
import type { ParagraphStyle } from '../templates/layout-schema.ts';
import type { FontRef, Metrics } from './fonts.ts';

export type Piece = {
  text: string;
  font: FontRef;
  color: ParagraphStyle['color'];
  /** The width of `emOf` at size 1 (units × scale), kept while the text stays the same. */
  em?: number;
  emOf?: string;
  /** The piece ends with the hyphen a break at a hyphenation point added (taken off before an ellipsis). */
  hyphenated?: boolean;
};
/** The metrics of a font, from the provider the caller gave. */
export type Measure = (font: FontRef) => Metrics;

/**
 * A piece's width at `size`: its width at size 1 times the size, which is the very product
 * `Metrics.width` computes (units × scale × size), so measured once for every size tried.
 */
export function pieceWidth(m: Measure, p: Piece, size: number): number {
  if (p.emOf !== p.text) {
    p.em = m(p.font).width(p.text, 1);
    p.emOf = p.text;
  }
  return p.em! * size;
}
