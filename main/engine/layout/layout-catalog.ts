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
import type { LayoutPlan, PlanFrame, PlanPage } from './layout-plan.ts';
import { layoutList } from './list-flow.ts';
import { pageGeometry } from './page-geometry.ts';
import { sidePage } from './page-side.ts';
import { addTermsBlock, termsLines } from './terms-block.ts';
import type { Validity } from '../price-grid/grid-words.ts';
import type { ResolvedImages } from './resolved-images.ts';
import { PageStream, type PageSink, type StreamPage } from './page-stream.ts';
import { indexPages, type IndexEntry } from './reference-index.ts';
import { addRunningHeads } from './running-heads.ts';
import { layoutTable } from './table-flow.ts';

export type LayoutOptions = {
  locale: string;
  lang: Lang;
  /**
   * The catalog's title as the user or the workbook gave it, for the cover and the running heads;
   * '' when neither did (the file's name is never printed as a title).
   */
  title: string;
  /** The price list's validity, as the user gave it: the terms block prints only what is here. */
  validity?: Validity;
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

/** A catalog laid out page by page (`layoutCatalogPages`): the body went to the sink as it was made. */
export type LaidOutCatalog = {
  frame: PlanFrame;
  /** The cover and the table of contents, running heads included. */
  front: PlanPage[];
  /** The reference index, running heads included. */
  back: PlanPage[];
  /** Pages in all, front and back included: the `{pages}` of the folios. */
  total: number;
  /**
   * Adds the running heads to a body page the sink received: only now is the page count known. Each
   * body page must go through here once before it is drawn.
   */
  finishBody(page: StreamPage): void;
};

export function layoutCatalog(catalog: Catalog, template: Template, options: LayoutOptions): LayoutPlan {
  const body: StreamPage[] = [];
  const laidOut = layoutCatalogPages(catalog, template, options, (page) => body.push(page));
  for (const page of body) laidOut.finishBody(page);
  return { ...laidOut.frame, pages: [...laidOut.front, ...body, ...laidOut.back], issues: [] };
}

/**
 * Lays the catalog out and hands each body page to `sink` as soon as it is finished, keeping none:
 * the caller draws or stores them, so memory does not grow with the catalog. What needs the whole
 * body (the contents' page numbers, the index, the page count in the folios) comes back at the end.
 */
export function layoutCatalogPages(
  catalog: Catalog,
  template: Template,
  options: LayoutOptions,
  sink: PageSink,
): LaidOutCatalog {
  const layout = template.layout;
  if (!layout) throw noLayout(template.id);
  const geometry = pageGeometry(layout.page);
  const ctx: LayoutContext = {
    layout,
    styles: resolveStyles(template, options.lang),
    // Currency and VAT as the sheet and the user gave them; a hand-built catalog knows neither.
    format: { locale: options.locale, lang: options.lang, money: catalog.money ?? UNKNOWN_MONEY },
    lang: options.lang,
    geometry,
    images: options.images,
    fonts: options.fonts,
  };
  const values = { title: options.title, date: options.date };
  const nameField = layout.slots.find((s) => s.style === 'title')?.field ?? 'name';
  const groups = catalog.groups.filter((g) => g.items.length > 0);
  const named = groups.filter((g) => g.name);

  const front: PlanPage[] = [];
  if (layout.cover)
    front.push(
      coverPage(
        ctx,
        values,
        named.map((g) => g.name),
      ),
    );
  const tocCount = layout.toc && named.length ? Math.ceil(named.length / tocCapacity(ctx)) : 0;
  const firstBody = front.length + tocCount + 1;

  // What the back matter and the contents need from the body, gathered as its pages go by.
  const startOf = new Map<string, number>();
  const referencePage = new Map<string, IndexEntry>();
  const byRow = layout.index ? new Map(catalog.items.map((i) => [i.row, i])) : undefined;
  let lastBody = firstBody - 1;
  const watch: PageSink = (page) => {
    // Facing pages: a finished left-hand page takes its side before anyone reads or draws it.
    sidePage(page, geometry);
    lastBody = page.number;
    for (const title of page.bookmarks) if (!startOf.has(title)) startOf.set(title, page.number);
    if (byRow)
      for (const box of page.boxes)
        if (box.kind === 'text' && box.field === 'reference' && box.row !== undefined) {
          const item = byRow.get(box.row);
          const ref = item?.fields.reference;
          if (ref?.kind === 'text' && !referencePage.has(ref.value)) {
            const name = item?.fields[nameField];
            const text = name?.kind === 'text' || name?.kind === 'rich' ? name.value.trim() : '';
            referencePage.set(ref.value, {
              reference: ref.value,
              page: page.number,
              ...(text ? { name: text } : {}),
            });
          }
        }
    sink(page);
  };

  const stream = new PageStream(geometry, firstBody, watch);
  // Checks the signal on every product and reports every few: layout is the one long synchronous step.
  const products = groups.reduce((n, g) => n + g.items.length, 0);
  const count = itemCounter('layout', products, options);
  const terms = termsLines(ctx, options.validity, options.locale);
  if (layout.terms?.place === 'first') addTermsBlock(ctx, stream, terms);
  if (layout.kind === 'grid') layoutGrid(ctx, stream, groups, count);
  else if (layout.kind === 'list') layoutList(ctx, stream, groups, count);
  else layoutTable(ctx, stream, groups, count);
  if (layout.terms?.place !== 'first') addTermsBlock(ctx, stream, terms);
  count.end();
  stream.finish();
  // An empty catalog still has one body page, so the folios and the contents have somewhere to point.
  if (stream.count === 0) watch({ number: firstBody, boxes: [], bookmarks: [] });

  const starts = named.map((g) => ({ title: g.name, page: startOf.get(g.name) ?? firstBody }));
  const toc = (tocCount ? tocPages(ctx, starts, front.length + 1) : []).map((p) => sidePage(p, geometry));
  const back = (layout.index ? indexPages(ctx, [...referencePage.values()], lastBody + 1) : []).map((p) =>
    sidePage(p, geometry),
  );

  const total = lastBody + back.length;
  const tokens = { ...values, pages: total };
  addRunningHeads(ctx, [...toc, ...back], tokens);
  return {
    frame: {
      // The PDF's own title (its metadata, the viewer's window): the template's name when none was given.
      title: options.title || template.name[options.lang],
      width: geometry.width,
      height: geometry.height,
      bleed: geometry.bleed,
      marks: layout.page.marks,
      safe: geometry.content,
      ...(geometry.facing ? { safeLeft: geometry.contentLeft } : {}),
    },
    front: [...front, ...toc],
    back,
    total,
    finishBody: (page) => addRunningHeads(ctx, [page], tokens),
  };
}
