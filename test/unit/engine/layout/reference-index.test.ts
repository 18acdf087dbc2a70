import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, PlanPage, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { COUNTS, options, threeFamilies, withLayout } from './make-catalog.ts';
import {
  bodyPages,
  boxText,
  INDEX_ENTRY,
  lineEnd,
  referencePages,
  RUNNING,
  textBoxes,
} from './plan-queries.ts';

const list = await loadTemplate('list-catalog');
const TITLE_STYLE = DEFAULT_PARAGRAPH_STYLES.tocTitle.name;

const isIndexPage = (page: PlanPage) => textBoxes(page).some((b) => b.style === INDEX_ENTRY);

type Entry = { ref: TextBox; name: TextBox; dots?: TextBox; number: TextBox };

/** The index's entries as laid out, in order: reference, name, dots (when there is room), number. */
function entryBoxes(page: PlanPage): Entry[] {
  const boxes = textBoxes(page).filter((b) => b.style === INDEX_ENTRY);
  const entries: Entry[] = [];
  for (let i = 0; i < boxes.length;) {
    const [ref, name] = [boxes[i]!, boxes[i + 1]!];
    const dots = /^[. ]+$/.test(boxText(boxes[i + 2]!)) ? boxes[i + 2] : undefined;
    const number = boxes[dots ? i + 3 : i + 2]!;
    entries.push({ ref, name, ...(dots ? { dots } : {}), number });
    i += dots ? 4 : 3;
  }
  return entries;
}

/** The index as read, column after column: [reference, page]. */
function indexEntries(plan: LayoutPlan): [string, number][] {
  return plan.pages
    .filter(isIndexPage)
    .flatMap(entryBoxes)
    .map(({ ref, number }) => [boxText(ref), Number(boxText(number))]);
}

describe('the reference index of list-catalog', () => {
  const catalog = threeFamilies(COUNTS['list-catalog']!, 'list-catalog');
  const plan = layoutCatalog(catalog, list, options('fr'));
  const referenceOf = (row: number) => {
    const value = catalog.items.find((i) => i.row === row)!.fields.reference;
    return value?.kind === 'text' ? value.value : '';
  };

  it('comes after the products, titled in the language of the catalog, with a bookmark', () => {
    const index = plan.pages.filter(isIndexPage);
    expect(index.length).toBeGreaterThan(0);
    expect(index[0]!.number).toBe(bodyPages(plan).at(-1)!.number + 1);
    expect(plan.pages.at(-1)).toBe(index.at(-1));
    expect(
      textBoxes(index[0]!)
        .filter((b) => b.style === TITLE_STYLE)
        .map(boxText),
    ).toEqual(['Index des références']);
    expect(index[0]!.bookmarks).toEqual(['Index des références']);
    const english = layoutCatalog(catalog, list, options('en'));
    expect(english.pages.at(-1)!.bookmarks).toEqual(['Reference index']);
  });

  it('lists every reference once, with the page its product is printed on', () => {
    const expected = [...referencePages(plan)].map(([row, page]) => [referenceOf(row), page]);
    const entries = indexEntries(plan);
    expect(entries).toHaveLength(catalog.items.length);
    expect(new Map(entries)).toEqual(new Map(expected as [string, number][]));
  });

  it('sorts references with their numbers in numeric order', () => {
    const refs = indexEntries(plan).map(([ref]) => ref);
    expect(refs.indexOf('OUT-2')).toBeLessThan(refs.indexOf('OUT-10'));
    expect(refs.slice(0, 3)).toEqual(['OUT-1', 'OUT-2', 'OUT-3']);
    expect(refs.at(-1)).toBe('VIS-5');
  });

  it('links each entry to its page and right-aligns the page numbers', () => {
    for (const page of plan.pages.filter(isIndexPage))
      for (const box of textBoxes(page).filter((b) => b.style === INDEX_ENTRY)) {
        expect(box.linkToPage).toBeGreaterThan(0);
        if (/^\d+$/.test(boxText(box))) {
          expect(Number(boxText(box))).toBe(box.linkToPage);
          expect(lineEnd(box.lines[0]!)).toBeCloseTo(box.width, 2);
        }
      }
  });

  it('runs onto more pages for a long catalog, every reference still there and inside the margins', () => {
    const long = threeFamilies([150, 150, 150], 'list-catalog');
    const big = layoutCatalog(long, list, options());
    const index = big.pages.filter(isIndexPage);
    expect(index.length).toBeGreaterThan(1);
    expect(index.map((p) => p.number)).toEqual(index.map((_, i) => index[0]!.number + i));
    expect(indexEntries(big)).toHaveLength(450);
    for (const page of index) {
      // Facing pages: a left-hand page's margins are the right-hand one's, mirrored.
      const safe = page.number % 2 === 0 && big.safeLeft ? big.safeLeft : big.safe;
      for (const box of textBoxes(page).filter((b) => b.style !== RUNNING)) {
        expect(box.y + box.height).toBeLessThanOrEqual(safe.y + safe.height + 0.01);
        expect(box.x).toBeGreaterThanOrEqual(safe.x - 0.01);
        expect(box.x + box.width).toBeLessThanOrEqual(safe.x + safe.width + 0.01);
      }
    }
  });

  it("names each reference's product, in two columns on a portrait page", () => {
    const long = threeFamilies([150, 150, 150], 'list-catalog');
    const big = layoutCatalog(long, list, options());
    const first = big.pages.find(isIndexPage)!;
    const entries = entryBoxes(first);
    const names = new Map(long.items.map((i) => [i.fields.reference, i.fields.name]));
    for (const { ref, name } of entries) {
      const expected = [...names].find(([r]) => r?.kind === 'text' && r.value === boxText(ref))?.[1];
      expect(expected?.kind === 'text' && expected.value).toBe(boxText(name).replace(/\n/g, ' '));
    }
    const columns = new Set(entries.map((e) => Math.round(e.ref.x)));
    expect(columns.size).toBe(2);
  });

  it('leads each name to its page number with dots that reach it', () => {
    const size = DEFAULT_PARAGRAPH_STYLES.indexEntry.size;
    for (const page of plan.pages.filter(isIndexPage))
      for (const { name, dots, number } of entryBoxes(page)) {
        expect(dots, boxText(name)).toBeDefined();
        const nameEnd = name.x + lineEnd(name.lines.at(-1)!);
        const numberStart = number.x + number.lines[0]!.runs[0]!.x;
        expect(dots!.x).toBeGreaterThanOrEqual(nameEnd);
        expect(dots!.x - nameEnd).toBeLessThan(size * 1.5);
        const dotsEnd = dots!.x + lineEnd(dots!.lines[0]!);
        expect(dotsEnd).toBeLessThanOrEqual(numberStart);
        expect(numberStart - dotsEnd).toBeLessThan(size * 2);
        expect(dots!.y).toBeCloseTo(number.y, 6);
      }
  });

  it('is left out when the template does not ask for it', () => {
    const plain = layoutCatalog(catalog, withLayout(list, { index: false }), options());
    expect(plain.pages.some(isIndexPage)).toBe(false);
  });
});
