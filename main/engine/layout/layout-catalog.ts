// Catalog × template → LayoutPlan. Pure and deterministic: the same catalog, template, options and
// pictures give the same plan, which is what makes PDF goldens possible.
import type { Catalog, Lang } from '../model.ts';
import { CatalogError } from '../errors.ts';
import { UNKNOWN_MONEY } from '../money/money.ts';
import { itemCounter, type OnProgress } from '../progress.ts';
import type { Template } from '../templates/template.ts';
import { resolveStyles } from '../templates/resolve-styles.ts';
import { coverPage, tocCapacity, tocPages } from './front-matter.ts';
import { layoutGrid } from './grid-flow.ts';
import type { FontProvider } from './fonts.ts';
import type { LayoutContext } from './layout-context.ts';
import type { LayoutPlan, PlanPage } from './layout-plan.ts';
import { layoutList } from './list-flow.ts';
import { pageGeometry } from './page-geometry.ts';
import type { ResolvedImages } from './resolved-images.ts';
import { PageStream } from './page-stream.ts';
import { indexPages } from './reference-index.ts';
import { addRunningHeads } from './running-heads.ts';
import { layoutTable } from './table-flow.ts';

export type LayoutOptions = {
  locale: string;
  lang: Lang;
  title: string;
  /** The date printed in running heads, already formatted (it is an input, so output is reproducible). */
  date: string;
  /** The pictures, read beforehand (`collectImages`), by `imageKey`: plain data, so a worker can lay out. */
  images: ResolvedImages;
  /** Where the font files are: layout measures with the files the PDF will embed. */
  fonts: FontProvider;
  signal?: AbortSignal;
  /** `layout` progress: products placed out of the catalog's. */
  onProgress?: OnProgress;
};

export const noLayout = (template: string) =>
  new CatalogError('TEMPLATE_NO_LAYOUT', {
    fr: `Le modèle « ${template} » ne décrit que des champs, pas de mise en page : il ne peut pas produire de PDF.`,
    en: `The template "${template}" only describes fields, not a layout: it cannot produce a PDF.`,
  });

export function layoutCatalog(catalog: Catalog, template: Template, options: LayoutOptions): LayoutPlan {
  const layout = template.layout;
  if (!layout) throw noLayout(template.id);
  const geometry = pageGeometry(layout.page);
  const ctx: LayoutContext = {
    layout,
    styles: resolveStyles(template),
    // Currency and VAT as the sheet and the user gave them; a hand-built catalog knows neither.
    format: { locale: options.locale, lang: options.lang, money: catalog.money ?? UNKNOWN_MONEY },
    lang: options.lang,
    geometry,
    images: options.images,
    fonts: options.fonts,
  };
  const values = { title: options.title, date: options.date };
  const groups = catalog.groups.filter((g) => g.items.length > 0);
  const named = groups.filter((g) => g.name);

  const front: PlanPage[] = [];
  if (layout.cover) front.push(coverPage(ctx, values));
  const tocCount = layout.toc && named.length ? Math.ceil(named.length / tocCapacity(ctx)) : 0;

  const stream = new PageStream(geometry, front.length + tocCount + 1);
  // Checks the signal on every product and reports every few: layout is the one long synchronous step.
  const products = groups.reduce((n, g) => n + g.items.length, 0);
  const count = itemCounter('layout', products, options);
  if (layout.kind === 'grid') layoutGrid(ctx, stream, groups, count);
  else if (layout.kind === 'list') layoutList(ctx, stream, groups, count);
  else layoutTable(ctx, stream, groups, count);
  count.end();
  const body = stream.pages.length
    ? stream.pages
    : [{ number: front.length + tocCount + 1, boxes: [], bookmarks: [] }];

  const starts = named.map((g) => ({
    title: g.name,
    page: body.find((p) => p.bookmarks.includes(g.name))?.number ?? body[0]!.number,
  }));
  const toc = tocCount ? tocPages(ctx, starts, front.length + 1) : [];

  const back: PlanPage[] = [];
  if (layout.index) {
    const seen = new Map<string, number>();
    const byRow = new Map(catalog.items.map((i) => [i.row, i]));
    for (const page of body)
      for (const box of page.boxes)
        if (box.kind === 'text' && box.field === 'reference' && box.row !== undefined) {
          const ref = byRow.get(box.row)?.fields.reference;
          if (ref?.kind === 'text' && !seen.has(ref.value)) seen.set(ref.value, page.number);
        }
    back.push(
      ...indexPages(
        ctx,
        [...seen].map(([reference, page]) => ({ reference, page })),
        body.at(-1)!.number + 1,
      ),
    );
  }

  const total = front.length + toc.length + body.length + back.length;
  addRunningHeads(ctx, [...toc, ...body, ...back], { ...values, pages: total });
  return {
    title: options.title,
    width: geometry.width,
    height: geometry.height,
    bleed: geometry.bleed,
    marks: layout.page.marks,
    safe: geometry.content,
    pages: [...front, ...toc, ...body, ...back],
    issues: [],
  };
}
