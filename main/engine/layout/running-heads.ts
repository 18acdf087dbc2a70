// Running heads and folios: the template's header/footer texts with {page}, {pages}, {title},
// {date} and {group} filled in for each page.
import type { LayoutContext } from './layout-context.ts';
import { styleOf, textBox } from './layout-context.ts';
import type { PlanPage } from './layout-plan.ts';

export type Tokens = { title: string; date: string; pages: number };

export const fillTokens = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export function addRunningHeads(
  ctx: LayoutContext,
  pages: (PlanPage & { group?: string })[],
  tokens: Tokens,
): void {
  const { content, headerY, footerY } = ctx.geometry;
  const base = styleOf(ctx, 'running');
  for (const page of pages) {
    const values = {
      page: String(page.number),
      pages: String(tokens.pages),
      title: tokens.title,
      date: tokens.date,
      group: page.group ?? '',
    };
    const places: [string | undefined, number, 'left' | 'right'][] = [
      [ctx.layout.header.left, headerY, 'left'],
      [ctx.layout.header.right, headerY, 'right'],
      [ctx.layout.footer.left, footerY, 'left'],
      [ctx.layout.footer.right, footerY, 'right'],
    ];
    for (const [text, y, align] of places) {
      const filled = text ? fillTokens(text, values).trim() : '';
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
