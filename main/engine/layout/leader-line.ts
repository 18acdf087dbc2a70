// An entry of a contents or an index: its text, a dotted leader, and the page number at the right
// edge, as a tab leader in InDesign would set it. The number is in tabular figures so a column of
// them lines up; the dots are measured with the font and set from the right, so they line up from
// one entry to the next and always end a little before the number, never under it.
import type { TextRun } from '../model.ts';
import type { Cmyk, ParagraphStyle } from '../templates/layout-schema.ts';
import { fontMetrics, fontRef } from './fonts.ts';
import type { LayoutContext } from './layout-context.ts';
import { textBox } from './layout-context.ts';
import type { Box, TextBox } from './layout-plan.ts';

/** The styles one column of entries uses, made once: layout caches measurements by style object. */
export type LeaderStyles = { entry: ParagraphStyle; number: ParagraphStyle; dots: ParagraphStyle };

const DOTS_COLOR: Cmyk = [0, 0, 0, 45];

export function leaderStyles(entry: ParagraphStyle): LeaderStyles {
  return {
    entry: { ...entry, align: 'left' },
    number: { ...entry, align: 'right', figures: 'tabular' },
    dots: { ...entry, align: 'right', weight: 'regular', italic: false, color: DOTS_COLOR },
  };
}

/** The white space either side of the dots, in ems of the entry's size. */
const GAP_EM = 0.4;
const LEADER = ' .';

export function leaderEntry(
  ctx: LayoutContext,
  styles: LeaderStyles,
  runs: TextRun[],
  page: number,
  at: { x: number; y: number; width: number; maxLines?: number; numberSlot?: number },
): { boxes: Box[]; height: number } {
  const { entry, number, dots } = styles;
  const numberText = String(page);
  const numberFont = fontMetrics(fontRef(number.font, number.weight, number.italic, 'tabular'), ctx.fonts);
  const numberWidth = numberFont.width(numberText, number.size);
  // Every entry of a column keeps the same room for its number, so the dots end on one line.
  const slot = Math.max(numberWidth, at.numberSlot ?? 0);
  const gap = GAP_EM * entry.size;
  // The text stops short of the number by at least a few dots' room.
  const dotsFont = fontMetrics(fontRef(dots.font, dots.weight, dots.italic), ctx.fonts);
  const pitch = dotsFont.width(LEADER, dots.size);
  const textWidth = Math.max(pitch, at.width - slot - 2 * gap - 3 * pitch);
  const link = { linkToPage: page };
  const text = textBox(
    ctx,
    runs,
    entry,
    { x: at.x, y: at.y, width: textWidth, maxHeight: entry.leading * (at.maxLines ?? 1) },
    link,
  );
  const lastLine = Math.max(0, text.lines.length - 1);
  const lineY = at.y + lastLine * entry.leading;
  const numberX = at.x + at.width - numberWidth;
  const boxes: Box[] = [text];
  // The dots run from the end of the text's last line to the number.
  const start = at.x + lineEnd(ctx, text, lastLine) + gap;
  const end = at.x + at.width - slot - gap;
  const count = Math.floor((end - start) / pitch);
  if (count > 0)
    boxes.push(
      // Linked too: in a screen PDF the whole line, dots included, leads to the page.
      textBox(
        ctx,
        [{ text: LEADER.repeat(count).trim() }],
        dots,
        { x: end - count * pitch, y: lineY, width: count * pitch, maxHeight: entry.leading },
        link,
      ),
    );
  boxes.push(
    textBox(
      ctx,
      [{ text: numberText }],
      number,
      // A hair wider than the figures: rounding must never push the number to a second line.
      { x: numberX - 1, y: lineY, width: numberWidth + 1, maxHeight: entry.leading },
      link,
    ),
  );
  return { boxes, height: Math.max(1, text.lines.length) * entry.leading };
}

/** Where the `index`th line of a left-aligned box ends, from the box's left edge. */
function lineEnd(ctx: LayoutContext, box: TextBox, index: number): number {
  const line = box.lines[index];
  if (!line) return 0;
  let end = 0;
  for (const run of line.runs)
    end = Math.max(end, run.x + fontMetrics(run.font, ctx.fonts).width(run.text, run.size));
  return end;
}

/** The room the widest of the page numbers up to `last` takes: tabular figures, so its digit count. */
export function numberSlot(ctx: LayoutContext, styles: LeaderStyles, last: number): number {
  const { number } = styles;
  const font = fontMetrics(fontRef(number.font, number.weight, number.italic, 'tabular'), ctx.fonts);
  return font.width('0'.repeat(String(Math.max(1, last)).length), number.size);
}
