// Reading a LayoutPlan the way a reader reads the page: the text of a box, the pages a product is
// on, the group headers, where a run of glyphs ends (measured with the fonts the PDF embeds).
import { fontMetrics } from '../../../../main/engine/layout/fonts.ts';
import type {
  Box,
  GlyphRun,
  LayoutPlan,
  PlanPage,
  TextBox,
  TextLine,
} from '../../../../main/engine/layout/layout-plan.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
import { HOUSE_STYLE_NAMES_EN } from '../../../../main/engine/templates/resolve-styles.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';

export const GROUP_HEADER = DEFAULT_PARAGRAPH_STYLES.groupHeader.name;
export const GROUP_HEADER_CONTINUED = DEFAULT_PARAGRAPH_STYLES.groupHeaderContinued.name;
export const RUNNING = DEFAULT_PARAGRAPH_STYLES.running.name;
export const TABLE_HEADER = DEFAULT_PARAGRAPH_STYLES.tableHeader.name;
export const TOC_ENTRY = DEFAULT_PARAGRAPH_STYLES.tocEntry.name;
export const INDEX_ENTRY = DEFAULT_PARAGRAPH_STYLES.indexEntry.name;

export const isText = (box: Box): box is TextBox => box.kind === 'text';
export const textBoxes = (page: PlanPage): TextBox[] => page.boxes.filter(isText);

/** Where a run's last glyph ends, from the left edge of its box. */
export const runEnd = (run: GlyphRun) =>
  run.x + fontMetrics(run.font, BUNDLED_FONTS).width(run.text, run.size);
export const lineEnd = (line: TextLine) => Math.max(0, ...line.runs.map(runEnd));

/** A line's text as read: runs in another font are separate, a visible gap between them is a space. */
export function lineText(line: TextLine): string {
  let out = '';
  let end: number | undefined;
  for (const run of line.runs) {
    if (end !== undefined && run.x - end > 0.5) out += ' ';
    out += run.text;
    end = runEnd(run);
  }
  return out;
}

export const boxText = (box: TextBox) => box.lines.map(lineText).join('\n');

export const rowOf = (box: Box): number | undefined => (box.kind === 'rect' ? undefined : box.row);

/** Pages that show products (not the cover, the contents or the index). */
export const bodyPages = (plan: LayoutPlan) =>
  plan.pages.filter((p) => p.boxes.some((b) => rowOf(b) !== undefined));

/** A group's headers: the one that opens it and the lighter "(suite)" ones of the pages it runs onto. */
// An English build names the house styles in English (resolve-styles.ts): its headers are found too.
const GROUP_HEADER_STYLES = new Set([
  GROUP_HEADER,
  GROUP_HEADER_CONTINUED,
  HOUSE_STYLE_NAMES_EN.groupHeader,
  HOUSE_STYLE_NAMES_EN.groupHeaderContinued,
]);
export const groupHeaders = (page: PlanPage) =>
  textBoxes(page).filter((b) => GROUP_HEADER_STYLES.has(b.style));

/** Every text box of a field, with the page it is on. */
export function fieldBoxes(plan: LayoutPlan, field: string): { page: number; box: TextBox }[] {
  return plan.pages.flatMap((p) =>
    textBoxes(p)
      .filter((b) => b.field === field && b.row !== undefined)
      .map((box) => ({ page: p.number, box })),
  );
}

/** The page each catalog row's reference is printed on. */
export function referencePages(plan: LayoutPlan): Map<number, number> {
  return new Map(fieldBoxes(plan, 'reference').map(({ page, box }) => [box.row!, page]));
}

/** The running heads of a page, by where they sit: header or footer, left or right. */
export function runningHeads(plan: LayoutPlan, page: PlanPage) {
  const heads = textBoxes(page).filter((b) => b.style === RUNNING);
  const at = (top: boolean, right: boolean) =>
    heads
      .filter((b) => b.y < plan.safe.y === top)
      .filter((b) => (b.lines[0]?.runs[0]?.x ?? 0) > b.width / 2 === right)
      .map(boxText)[0];
  return {
    all: heads.map(boxText),
    headerLeft: at(true, false),
    headerRight: at(true, true),
    footerLeft: at(false, false),
    footerRight: at(false, true),
  };
}
