// What every part of the layout reads: the template's layout and styles, the locale, the fonts, and
// the pictures (resolved by the caller, so layout stays pure).
import type { Lang, TextRun } from '../model.ts';
import type { Layout, ParagraphStyle } from '../templates/layout-schema.ts';
import type { ResolvedStyles } from '../templates/resolve-styles.ts';
import type { FormatContext } from '../format/field-text.ts';
import type { FontProvider } from './fonts.ts';
import type { TextBox } from './layout-plan.ts';
import type { Geometry } from './page-geometry.ts';
import type { ResolvedImages } from './resolved-images.ts';
import { layoutText } from './text-layout.ts';

export type LayoutContext = {
  layout: Layout;
  styles: ResolvedStyles;
  format: FormatContext;
  lang: Lang;
  geometry: Geometry;
  images: ResolvedImages;
  fonts: FontProvider;
};

export function styleOf(ctx: LayoutContext, role: string): ParagraphStyle {
  const style = ctx.styles.paragraph[role] ?? ctx.styles.paragraph.body;
  if (!style) throw new Error(`no paragraph style "${role}"`);
  return style;
}

/** A text box of `runs` in a style at (x, y), at most `maxHeight` tall; its height is what the text used. */
export function textBox(
  ctx: LayoutContext,
  runs: TextRun[],
  role: string | ParagraphStyle,
  at: { x: number; y: number; width: number; maxHeight: number },
  meta: Pick<TextBox, 'row' | 'field' | 'linkToPage'> = {},
): TextBox {
  const style = typeof role === 'string' ? styleOf(ctx, role) : role;
  const result = layoutText(
    runs,
    style,
    ctx.styles.character,
    { width: at.width, height: at.maxHeight },
    ctx.fonts,
    ctx.format.locale,
  );
  return {
    kind: 'text',
    x: at.x,
    y: at.y,
    width: at.width,
    height: result.height,
    style: style.name,
    lines: result.lines,
    overset: result.overset,
    ...meta,
  };
}

/** The height a style's lines take: leading plus the space after, for a given number of lines. */
export const styleHeight = (style: ParagraphStyle, lines = 1) => style.leading * lines + style.spaceAfter;
