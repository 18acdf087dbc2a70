// The Layout step's settings laid over a template: a pure function, so a preview and the build that
// follows it read the very same template, and the template file itself is never changed.
import type { LayoutSettings } from '../api/layout-settings.ts';
import type { ParagraphStyle } from '../engine/templates/layout-schema.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../engine/templates/layout-schema.ts';
import type { Template } from '../engine/templates/template.ts';

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The template with the user's settings applied; the template itself when there are none. */
export function applyLayoutSettings(template: Template, settings: LayoutSettings | undefined): Template {
  if (!settings || Object.keys(settings).length === 0) return template;
  const s = settings;
  const result: Template = {
    ...template,
    ...(s.groupBy ? { groupBy: s.groupBy } : {}),
    ...(s.sortBy !== undefined ? { sortBy: s.sortBy } : {}),
  };
  // `''` is "no grouping": the template's own grouping goes.
  if (s.groupBy === '') delete result.groupBy;
  const layout = template.layout;
  if (!layout) return result;

  const paragraph = { ...template.styles.paragraph };
  if (s.accent) {
    // The accent is the template's own colour of headings and prices: those roles take it.
    for (const role of ['groupHeader', 'price', 'coverTitle'] as const) {
      const style: ParagraphStyle = paragraph[role] ?? DEFAULT_PARAGRAPH_STYLES[role];
      paragraph[role] = { ...style, color: s.accent };
    }
  }
  result.styles = { ...template.styles, paragraph };
  result.layout = {
    ...layout,
    page: {
      ...layout.page,
      ...defined({ size: s.pageSize, orientation: s.orientation, margins: s.margins, facing: s.facing }),
    },
    ...(layout.grid && (s.columns || s.rows)
      ? { grid: { ...layout.grid, ...defined({ columns: s.columns, rows: s.rows }) } }
      : {}),
    ...(layout.table && s.accent ? { table: { ...layout.table, headerFill: s.accent } } : {}),
    grouping: { ...layout.grouping, ...defined({ newPage: s.newPagePerGroup }) },
    header: s.header ? { ...defined(s.header) } : layout.header,
    footer: s.footer ? { ...defined(s.footer) } : layout.footer,
    ...defined({ toc: s.toc, index: s.index }),
    ...(s.price ? { price: { show: s.price } } : {}),
    ...defined({ proof: s.proof }),
    // Only a template that prints pictures has a missing one to place.
    ...(layout.image && s.missingPicture ? { image: { ...layout.image, missing: s.missingPicture } } : {}),
  };
  if (s.cover === false) delete result.layout.cover;
  // A cover asked of a template that has none: the catalog's title and its date, as the house cover.
  if (s.cover === true && !result.layout.cover)
    result.layout.cover = { title: '{title}', subtitle: '{date}' };
  return result;
}
