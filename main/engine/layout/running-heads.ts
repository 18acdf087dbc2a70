// Running heads and folios: the template's header/footer texts with {page}, {pages}, {title},
// {date} and {group} filled in for each page. With facing pages the texts describe the right-hand
// page and swap sides on a left-hand one, so what the template puts on the right (the folio) is
// always on the outer edge, away from the gutter.
import type { Lang } from '../model.ts';
import type { LocalText } from '../templates/layout-schema.ts';
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { PlanPage } from './layout-plan.ts';
import { contentOf, isLeftHand } from './page-geometry.ts';

export type Tokens = { title: string; date: string; pages: number };

export const fillTokens = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A template text in the reader's language. */
export const localText = (text: LocalText, lang: Lang): string =>
  typeof text === 'string' ? text : text[lang];

export function addRunningHeads(
  ctx: LayoutContext,
  pages: (PlanPage & { group?: string; lastGroup?: string })[],
  tokens: Tokens,
): void {
  const { geometry } = ctx;
  const { headerY, footerY } = geometry;
  const base = styleOf(ctx, 'running');
  const { header, footer } = ctx.layout;
  for (const page of pages) {
    const values = {
      page: String(page.number),
      pages: String(tokens.pages),
      title: tokens.title,
      date: tokens.date,
      // A page holding several groups names the first and the last, as a dictionary's head does.
      group: page.lastGroup ? `${page.group ?? ''}\u00a0– ${page.lastGroup}` : (page.group ?? ''),
    };
    const content = contentOf(geometry, page.number);
    // A left-hand page is the right-hand one mirrored: its left text goes right, and the other way.
    const [inner, outer]: ['left' | 'right', 'left' | 'right'] = isLeftHand(geometry, page.number)
      ? ['right', 'left']
      : ['left', 'right'];
    const places: [LocalText | undefined, number, 'left' | 'right'][] = [
      [header.left, headerY, inner],
      [header.right, headerY, outer],
      [footer.left, footerY, inner],
      [footer.right, footerY, outer],
    ];
    for (const [text, y, align] of places) {
      const filled = text ? fillTokens(localText(text, ctx.lang), values).trim() : '';
      if (!filled) continue;
      page.boxes.push(
        textBox(
          ctx,
          [{ text: filled }],
          { ...base, align },
          { x: content.x, y, width: content.width, maxHeight: base.leading },
        ),
      );
    }
  }
}
