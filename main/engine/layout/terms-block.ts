// A price list's validity and terms: the template's paragraphs with {validFrom}, {validUntil} and
// {validity} filled from what the user gave, under a « Conditions » / "Terms" heading, on the first
// page or after the last row. The dates and words are the resellers' price grids' own
// (price-grid/grid-words.ts). A paragraph naming a date nobody gave is left out: nothing invented.
import type { Lang } from '../model.ts';
import { longDate, validityText, WORDS, type Validity } from '../price-grid/grid-words.ts';
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { Box } from './layout-plan.ts';
import type { PageStream } from './page-stream.ts';
import { mm } from '../common/millimetres.ts';
import { localText } from './running-heads.ts';

/** The terms' paragraphs as they print; empty when the template has none or none can be filled. */
export function termsLines(ctx: LayoutContext, validity: Validity | undefined, locale: string): string[] {
  const terms = ctx.layout.terms;
  if (!terms) return [];
  const lang: Lang = ctx.lang;
  const values: Record<string, string | undefined> = {
    validFrom: validity?.from ? longDate(validity.from, locale) : undefined,
    validUntil: validity?.until ? longDate(validity.until, locale) : undefined,
    validity: validityText(validity, locale, lang),
  };
  const lines: string[] = [];
  for (const line of terms.lines) {
    let missing = false;
    const filled = localText(line, lang).replace(/\{(\w+)\}/g, (whole, key: string) => {
      if (!(key in values)) return whole;
      const value = values[key];
      if (value === undefined) missing = true;
      return value ?? '';
    });
    if (!missing && filled.trim()) lines.push(filled.trim());
  }
  return lines;
}

/** The block, placed in the flow at the stream's cursor (kept whole: it moves to a new page if need be). */
export function addTermsBlock(ctx: LayoutContext, stream: PageStream, lines: string[]): void {
  if (!lines.length) return;
  const { content } = ctx.geometry;
  const heading = {
    ...styleOf(ctx, 'tableHeader'),
    color: styleOf(ctx, 'groupHeader').color,
    size: 8.5,
    leading: 11,
  };
  const { maxLines: _unused, ...detail } = styleOf(ctx, 'detail');
  const paragraph = { ...detail, size: 8, leading: 10.5, spaceAfter: 2 };
  const width = Math.min(content.width, mm(150));
  // Laid out at 0, then moved where the stream has room for all of it.
  const boxes: Box[] = [];
  let y = mm(4);
  const rule: Box = { kind: 'rect', x: content.x, y: 0, width, height: 0.5, fill: heading.color };
  boxes.push(rule);
  const head = textBox(ctx, [{ text: WORDS.terms[ctx.lang] }], heading, {
    x: content.x,
    y: y,
    width,
    maxHeight: heading.leading,
  });
  boxes.push(head);
  y += head.height + mm(1);
  for (const line of lines) {
    const box = textBox(ctx, [{ text: line }], paragraph, {
      x: content.x,
      y,
      width,
      maxHeight: content.height / 2,
    });
    boxes.push(box);
    y += box.height + paragraph.spaceAfter;
  }
  const gap = stream.isFresh ? 0 : mm(6);
  const top = stream.take(y + gap) + gap;
  stream.add(...boxes.map((box) => ({ ...box, y: box.y + top })));
}
