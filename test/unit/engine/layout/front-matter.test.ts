import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import type { CatalogGroup } from '../../../../main/engine/model.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
import { HOUSE_STYLE_NAMES_EN } from '../../../../main/engine/templates/resolve-styles.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import {
  catalogOf,
  COUNTS,
  DATE,
  options,
  product,
  threeFamilies,
  TITLE,
  withGrouping,
  withLayout,
} from './make-catalog.ts';
import { boxText, groupHeaders, lineEnd, RUNNING, textBoxes, TOC_ENTRY } from './plan-queries.ts';

const grid = await loadTemplate('product-grid');
const COVER_TITLE = DEFAULT_PARAGRAPH_STYLES.coverTitle.name;
const COVER_SUBTITLE = DEFAULT_PARAGRAPH_STYLES.coverSubtitle.name;
const TOC_TITLE = DEFAULT_PARAGRAPH_STYLES.tocTitle.name;

/** The TOC as read: [family, page number], in order, from every contents page. */
function contents(plan: LayoutPlan): [string, number][] {
  // The entry, its dots and its number all link to the page: the dots are not read.
  const entries = plan.pages.flatMap((p) =>
    textBoxes(p).filter((b) => b.style === TOC_ENTRY && !/^[. ]+$/.test(boxText(b))),
  );
  const rows = new Map<number, TextBox[]>();
  for (const entry of entries) {
    const key = entry.linkToPage! * 100_000 + Math.round(entry.y);
    rows.set(key, [...(rows.get(key) ?? []), entry]);
  }
  return [...rows.values()].map(([name, page]) => [boxText(name!), Number(boxText(page!))]);
}

/** The page where a family's header (not a "(suite)") is printed. */
const headerPage = (plan: LayoutPlan, family: string) =>
  plan.pages.find((p) => groupHeaders(p).some((h) => boxText(h) === family))?.number;

describe('the cover', () => {
  const plan = layoutCatalog(threeFamilies(COUNTS['product-grid']!), grid, options('fr'));
  const cover = plan.pages[0]!;

  it('is page 1, with the title and the date from the options', () => {
    expect(cover.number).toBe(1);
    expect(textBoxes(cover).find((b) => b.style === COVER_TITLE)!.lines.length).toBeGreaterThan(0);
    expect(boxText(textBoxes(cover).find((b) => b.style === COVER_TITLE)!).replace(/\n/g, ' ')).toBe(TITLE);
    expect(boxText(textBoxes(cover).find((b) => b.style === COVER_SUBTITLE)!)).toBe(DATE.fr);
  });

  it('has a colour band that runs to the bleed on three sides', () => {
    const band = cover.boxes.find((b) => b.kind === 'rect')!;
    expect(band.x).toBeCloseTo(-plan.bleed, 9);
    expect(band.y).toBeCloseTo(-plan.bleed, 9);
    expect(band.x + band.width).toBeCloseTo(plan.width + plan.bleed, 9);
    expect(band.y + band.height).toBeLessThan(plan.height);
  });

  it('without a picture, sets its title in white at the foot of the colour field, inside the safe area', () => {
    const band = cover.boxes.find((b) => b.kind === 'rect')!;
    const title = textBoxes(cover).find((b) => b.style === COVER_TITLE)!;
    expect(title.y).toBeGreaterThan(band.y);
    expect(title.y + title.height).toBeLessThanOrEqual(band.y + band.height);
    expect(title.lines[0]!.runs[0]!.color).toEqual([0, 0, 0, 0]);
    expect(title.y + title.height).toBeLessThanOrEqual(plan.safe.y + plan.safe.height);
    expect(title.x).toBeGreaterThanOrEqual(plan.safe.x);
    expect(title.x + title.width).toBeLessThanOrEqual(plan.safe.x + plan.safe.width + 0.01);
    expect(title.y).toBeGreaterThanOrEqual(plan.safe.y);
  });

  it('names the families under the title, in order', () => {
    const families = textBoxes(cover).find((b) => b.style.endsWith('(familles)'))!;
    expect(boxText(families).replace(/\s+/g, ' ')).toBe('Visserie · Outillage · Quincaillerie');
  });

  it('shows no title when none is given: never the file name', () => {
    const untitled = layoutCatalog(threeFamilies([2, 2, 2]), grid, { ...options('fr'), title: '' });
    const texts = untitled.pages.flatMap(textBoxes).map(boxText).join('\n');
    expect(textBoxes(untitled.pages[0]!).some((b) => b.style === COVER_TITLE)).toBe(false);
    expect(texts).not.toMatch(/tarif|xlsx/i);
    // The date and the families still make the cover; the PDF's metadata takes the template's name.
    expect(boxText(textBoxes(untitled.pages[0]!).find((b) => b.style === COVER_SUBTITLE)!)).toBe(DATE.fr);
    expect(untitled.title).toBe(grid.name.fr);
  });

  it('shows the logo, the picture and the supplier lines the template gives', () => {
    const picture = { source: { path: '/p/cover.jpg' }, pixels: { width: 2000, height: 1000 } };
    const logo = { source: { path: '/p/logo.png' }, pixels: { width: 400, height: 100 } };
    const withCover = withLayout(grid, {
      cover: {
        title: '{title}',
        subtitle: '{date}',
        logo: '/p/logo.png',
        image: '/p/cover.jpg',
        supplier: ['Quincaillerie Martin', { fr: 'Tél. 01 02 03 04 05', en: 'Tel. +33 1 02 03 04 05' }],
      },
    });
    const plan = layoutCatalog(threeFamilies([2, 2, 2]), withCover, {
      ...options('en'),
      images: { 'cover:logo': logo, 'cover:image': picture },
    });
    const page = plan.pages[0]!;
    const images = page.boxes.filter((b) => b.kind === 'image');
    expect(images.map((b) => b.kind === 'image' && b.source && 'path' in b.source && b.source.path)).toEqual([
      '/p/logo.png',
      '/p/cover.jpg',
    ]);
    // The picture runs to the bleed on both sides.
    expect(images[1]!.x).toBeCloseTo(-plan.bleed, 6);
    expect(images[1]!.x + images[1]!.width).toBeCloseTo(plan.width + plan.bleed, 6);
    const texts = textBoxes(page).map(boxText);
    expect(texts).toContain('Quincaillerie Martin');
    expect(texts).toContain('Tel. +33 1 02 03 04 05');
  });

  it('carries no running head and no folio', () => {
    expect(textBoxes(cover).filter((b) => b.style === RUNNING)).toEqual([]);
  });

  it('is left out when the template has none, and the pages are numbered from the contents', () => {
    const { cover: _cover, ...layout } = grid.layout!;
    // A page per family, however short: the page numbers are what this test reads.
    const bare = layoutCatalog(
      threeFamilies([2, 2, 2]),
      withGrouping({ ...grid, layout }, { newPageMinFill: 0 }),
      options(),
    );
    expect(textBoxes(bare.pages[0]!).some((b) => b.style === TOC_TITLE)).toBe(true);
    expect(contents(bare).map(([, page]) => page)).toEqual([2, 3, 4]);
  });
});

describe('the table of contents', () => {
  const catalog = threeFamilies(COUNTS['product-grid']!);

  it('comes after the cover, titled in the language of the catalog', () => {
    for (const [lang, title] of [
      ['fr', 'Sommaire'],
      ['en', 'Contents'],
    ] as const) {
      const plan = layoutCatalog(catalog, grid, options(lang));
      const toc = plan.pages[1]!;
      // The house styles are named in the catalog's language too.
      const style = lang === 'en' ? HOUSE_STYLE_NAMES_EN.tocTitle : TOC_TITLE;
      expect(
        textBoxes(toc)
          .filter((b) => b.style === style)
          .map(boxText),
      ).toEqual([title]);
    }
  });

  it('lists each family, in order, with the number of the page its header is on', () => {
    const plan = layoutCatalog(catalog, grid, options());
    expect(contents(plan)).toEqual(catalog.groups.map((g) => [g.name, headerPage(plan, g.name)]));
    // The long family runs onto a second page: the next one starts two pages on.
    expect(contents(plan).map(([, page]) => page)).toEqual([3, 4, 6]);
  });

  it('links each entry to the page it names', () => {
    const plan = layoutCatalog(catalog, grid, options());
    for (const entry of plan.pages[1]!.boxes)
      if (entry.kind === 'text' && entry.style === TOC_ENTRY) expect(entry.linkToPage).toBeGreaterThan(2);
  });

  it('right-aligns the page numbers, on one right edge', () => {
    const plan = layoutCatalog(catalog, grid, options());
    const numbers = textBoxes(plan.pages[1]!).filter(
      (b) => b.style === TOC_ENTRY && /^\d+$/.test(boxText(b)),
    );
    expect(numbers).toHaveLength(3);
    for (const box of numbers) expect(lineEnd(box.lines[0]!)).toBeCloseTo(box.width, 2);
    const edges = numbers.map((b) => b.x + b.width);
    for (const edge of edges) expect(edge).toBeCloseTo(edges[0]!, 6);
  });

  it('leads each entry to its number with dots that reach it, in a column narrower than the page', () => {
    const plan = layoutCatalog(catalog, grid, options());
    const toc = plan.pages[1]!;
    const boxes = textBoxes(toc).filter((b) => b.style === TOC_ENTRY);
    const dots = boxes.filter((b) => /^[. ]+$/.test(boxText(b)));
    const numbers = boxes.filter((b) => /^\d+$/.test(boxText(b)));
    const names = boxes.filter((b) => !/^[\d. ]+$/.test(boxText(b)));
    expect(dots).toHaveLength(3);
    for (const [i, leader] of dots.entries()) {
      const name = names[i]!;
      const number = numbers[i]!;
      expect(leader.y).toBeCloseTo(number.y, 6);
      // From after the name's text to just before the number: less than an em of white either side.
      const size = DEFAULT_PARAGRAPH_STYLES.tocEntry.size;
      expect(leader.x).toBeGreaterThanOrEqual(name.x + lineEnd(name.lines[0]!));
      expect(leader.x - (name.x + lineEnd(name.lines[0]!))).toBeLessThan(size * 1.2);
      const numberStart = number.x + number.width - (lineEnd(number.lines[0]!) - number.lines[0]!.runs[0]!.x);
      const leaderEnd = leader.x + lineEnd(leader.lines[0]!);
      expect(leaderEnd).toBeLessThanOrEqual(numberStart);
      expect(numberStart - leaderEnd).toBeLessThan(size * 1.2);
    }
    expect(DEFAULT_PARAGRAPH_STYLES.tocEntry.size).toBeGreaterThanOrEqual(11);
    expect(numbers[0]!.x + numbers[0]!.width - plan.safe.x).toBeLessThan(plan.safe.width * 0.75);
  });

  it('gives the right pages when families share a page (no newPage)', () => {
    const loose = withGrouping(grid, { newPage: false });
    const plan = layoutCatalog(threeFamilies([2, 2, 2]), loose, options());
    expect(contents(plan)).toEqual([
      ['Visserie', 3],
      ['Outillage', 3],
      ['Quincaillerie', 4],
    ]);
    expect(headerPage(plan, 'Quincaillerie')).toBe(4);
  });

  it('runs onto a second page for many families, and the page numbers still point right', () => {
    let row = 5;
    const groups: CatalogGroup[] = Array.from({ length: 60 }, (_, g) => {
      const name = `Famille ${String(g + 1).padStart(2, '0')}`;
      return { name, items: [product(row++, name, 0)] };
    });
    const plan = layoutCatalog(catalogOf(groups), grid, options());
    const tocPages = plan.pages.filter((p) => textBoxes(p).some((b) => b.style === TOC_ENTRY));
    expect(tocPages.map((p) => p.number)).toEqual([2, 3]);
    const listed = contents(plan);
    expect(listed).toHaveLength(60);
    expect(listed[0]).toEqual(['Famille 01', 4]);
    for (const [name, page] of listed) expect(page, name).toBe(headerPage(plan, name));
  });

  it('is left out when no family has a name', () => {
    const items = [product(5, '', 0), product(6, '', 1)];
    const plan = layoutCatalog(catalogOf([{ name: '', items }]), grid, options());
    expect(plan.pages.flatMap(textBoxes).some((b) => b.style === TOC_TITLE)).toBe(false);
  });

  it('is left out when the template does not ask for it', () => {
    const plan = layoutCatalog(catalog, withLayout(grid, { toc: false }), options());
    expect(plan.pages.flatMap(textBoxes).some((b) => b.style === TOC_ENTRY)).toBe(false);
    expect(headerPage(plan, 'Visserie')).toBe(2);
  });

  // Regression: a family's start page is found through
  // the bookmark its header pushes; with `grouping.header: false` no header is drawn, so there is no
  // bookmark and every TOC entry falls back to the first body page (here Outillage says 3, it starts
  // on 4). Fixed by: record where each family starts in the page stream (startGroup / the table flow),
  // whether or not a header is drawn, and build both bookmarks and the TOC from that.
  it('gives the right pages when the template draws no family headers', () => {
    const headless = withGrouping(grid, { header: false });
    const plan = layoutCatalog(threeFamilies([4, 4, 4]), headless, options());
    expect(contents(plan)).toEqual([
      ['Visserie', 3],
      ['Outillage', 4],
      ['Quincaillerie', 5],
    ]);
  });
});
