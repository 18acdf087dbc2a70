// The render benchmark's peers (Chromium, WeasyPrint) print HTML, not our plans: this writes the HTML
// catalog a web developer would write for the same products and the same template — the same page
// size and margins, the same grid of cards / list rows / price table, the same running heads, cover,
// table of contents and index, Inter from the repository's font folder via @font-face (contextual
// alternates off, as ours), the same pictures by file URL, the same formatted texts (our own
// `fieldRuns`, so prices, units and rich text read the same). Colours are the template's CMYK turned
// into RGB (no browser prints CMYK), and there is no bleed or crop marks (HTML has neither).
//
// Pagination: the grid is cut into pages here (9 cards a page, a new page per group, "(suite)" at
// the top of a group's next pages): that is arithmetic in both worlds. The list and the table flow,
// and the engine paginates them (rows never split, the table header repeated on every page) — the
// work our layout does for those templates.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog, CatalogItem, TextRun } from '../../main/engine/model.ts';
import type { Template } from '../../main/engine/templates/template.ts';
import type { Cmyk, ParagraphStyle } from '../../main/engine/templates/layout-schema.ts';
import { DEFAULT_GRID, DEFAULT_LIST } from '../../main/engine/templates/layout-schema.ts';
import { fieldRuns, type FormatContext } from '../../main/engine/format/field-text.ts';
import { slotRuns } from '../../main/engine/format/price-runs.ts';
import { resolveStyles } from '../../main/engine/templates/resolve-styles.ts';
import { UNKNOWN_MONEY } from '../../main/engine/money/money.ts';
import { ROOT } from '../run-child.ts';

const FONT_DIR = path.join(ROOT, 'templates', 'fonts');
const FONT_FILES: [file: string, weight: number, style: 'normal' | 'italic'][] = [
  ['Inter-Regular.ttf', 400, 'normal'],
  ['Inter-Italic.ttf', 400, 'italic'],
  ['Inter-SemiBold.ttf', 600, 'normal'],
  ['Inter-SemiBoldItalic.ttf', 600, 'italic'],
  ['Inter-Bold.ttf', 700, 'normal'],
  ['Inter-BoldItalic.ttf', 700, 'italic'],
];
/** Points in a millimetre. */
const MM_PT = 72 / 25.4;
const WEIGHTS = { regular: 400, semibold: 600, bold: 700 } as const;

export type HtmlOptions = { locale: string; lang: 'fr' | 'en'; title: string; date: string };

const escape = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Naive CMYK → sRGB: what a web developer would pick by eye for the same swatch. */
export function cmykToRgb([c, m, y, k]: Cmyk): string {
  const channel = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  return `rgb(${channel(c)},${channel(m)},${channel(y)})`;
}

const runsHtml = (runs: TextRun[]): string =>
  runs
    .map((r) => {
      const text = escape(r.text).replaceAll('\n', '<br>');
      if (r.bold && r.italic) return `<b><i>${text}</i></b>`;
      if (r.bold) return `<b>${text}</b>`;
      if (r.italic) return `<i>${text}</i>`;
      return text;
    })
    .join('');

/** A paragraph style as a CSS rule: font, size, leading, colour, space after, line clamp. */
function styleCss(selector: string, s: ParagraphStyle): string {
  // max-height rather than line-clamp: WeasyPrint 57 has no line-clamp; both clip the same lines.
  const clamp = s.maxLines ? `max-height:${s.maxLines * s.leading}pt;overflow:hidden;` : '';
  return (
    `${selector}{font-weight:${WEIGHTS[s.weight]};font-style:${s.italic ? 'italic' : 'normal'};` +
    `font-size:${s.size}pt;line-height:${s.leading}pt;color:${cmykToRgb(s.color)};` +
    `margin:0 0 ${s.spaceAfter}pt 0;text-align:${s.align};${clamp}` +
    `${s.figures === 'tabular' ? 'font-variant-numeric:tabular-nums;' : ''}}`
  );
}

/** Writes the catalog as one HTML file, a line at a time (10,000 cards are a few MB). */
export async function writeHtmlCatalog(
  catalog: Catalog,
  template: Template,
  options: HtmlOptions,
  file: string,
): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((done) => out.once('drain', () => done()));
  };
  for (const part of htmlCatalog(catalog, template, options)) await write(part);
  out.end();
  await finished(out);
}

/** The HTML, in pieces. */
export function* htmlCatalog(catalog: Catalog, template: Template, options: HtmlOptions): Generator<string> {
  const layout = template.layout!;
  const styles = resolveStyles(template).paragraph;
  const format: FormatContext = {
    locale: options.locale,
    lang: options.lang,
    money: catalog.money ?? UNKNOWN_MONEY,
  };
  const m = layout.page.margins;
  const running = styles.running!;
  const runningCss = `font-size:${running.size}pt;color:${cmykToRgb(running.color)};font-family:Inter;`;
  const group = styles.groupHeader!;
  const continued = layout.grouping.continued[options.lang];
  const fonts = FONT_FILES.map(
    ([f, w, st]) =>
      `@font-face{font-family:Inter;src:url("${pathToFileURL(path.join(FONT_DIR, f)).href}") format("truetype");font-weight:${w};font-style:${st}}`,
  ).join('\n');
  const size =
    typeof layout.page.size === 'string'
      ? layout.page.size
      : `${layout.page.size.width}mm ${layout.page.size.height}mm`;
  yield `<!doctype html><html lang="${options.locale}"><head><meta charset="utf-8"><title>${escape(options.title)}</title><style>
${fonts}
@page{size:${size} ${layout.page.orientation};margin:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
 @top-left{content:"${options.title.replaceAll('"', '\\"')}";${runningCss}}
 @top-right{content:string(group);${runningCss}}
 @bottom-left{content:"${options.date}";${runningCss}}
 @bottom-right{content:counter(page) " / " counter(pages);${runningCss}}}
@page cover{margin:0;@top-left{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-right{content:none}}
html,body{margin:0;padding:0}
body{font-family:Inter;font-feature-settings:"calt" 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cover{page:cover;height:297mm;position:relative;break-after:page}
.cover .band{background:${cmykToRgb(group.color)};height:42%;position:relative}
.cover h1{position:absolute;left:${m.left}mm;right:${m.right}mm;bottom:8mm;margin:0;color:#fff;font-size:${styles.coverTitle!.size}pt;line-height:${styles.coverTitle!.leading}pt;font-weight:700}
.cover p{margin:8mm ${m.right}mm 0 ${m.left}mm;${styleCss('', styles.coverSubtitle!).slice(1, -1)}}
.toc,.index{break-after:page}
.toc a{display:flex;text-decoration:none;color:inherit}
.toc a span{flex:1}
.toc a::after{content:target-counter(attr(href url),page)}
${styleCss('.toc h1,.index h1', styles.tocTitle!)}
${styleCss('.toc a', styles.tocEntry!)}
${styleCss('.index p', styles.indexEntry!)}
.index .cols{columns:3;column-gap:5mm}
.index p::after{content:" " target-counter(attr(data-href url),page)}
${styleCss('h2', group)}
h2{string-set:group content();break-after:avoid}
.page{break-before:page}
${styleCss('.title', styles.title!)}
${styleCss('.reference', styles.reference!)}
${styleCss('.body', styles.body!)}
${styleCss('.detail', styles.detail!)}
${styleCss('.price', styles.price!)}
${styleCss('th', styles.tableHeader!)}
${styleCss('td', styles.tableCell!)}
${layoutCss(template)}
</style></head><body>\n`;

  const titleOf = (g: { name: string }, i: number) => ({ id: `g${i}`, name: g.name });
  if (layout.cover)
    yield `<section class="cover"><div class="band"><h1>${escape(options.title)}</h1></div><p>${escape(options.date)}</p></section>\n`;
  if (layout.toc) {
    yield `<section class="toc"><h1>${options.lang === 'fr' ? 'Sommaire' : 'Contents'}</h1>`;
    for (const [i, g] of catalog.groups.entries()) {
      const t = titleOf(g, i);
      yield `<a href="#${t.id}"><span>${escape(t.name)}</span></a>`;
    }
    yield '</section>\n';
  }

  const slotHtml = (item: CatalogItem, skipPrice: boolean): string => {
    let html = '';
    for (const slot of layout.slots) {
      if (skipPrice && slot.style === 'price') continue;
      const runs = fieldRuns(item, slot.field, format);
      if (!runs) continue;
      const label = slot.label?.[options.lang];
      html += `<p class="${slot.style}">${label ? escape(label) : ''}${runsHtml(runs)}</p>`;
    }
    return html;
  };
  const priceHtml = (item: CatalogItem): string => {
    const runs = slotRuns(item, 'price', format, layout.price.show);
    return runs ? `<p class="price">${runsHtml(runs)}</p>` : '';
  };
  const picture = (item: CatalogItem): string => {
    const image = layout.image ? item.fields[layout.image.field] : undefined;
    return image?.kind === 'image' && image.path
      ? `<div class="pic"><img src="${pathToFileURL(image.path).href}" alt=""></div>`
      : '<div class="pic"></div>';
  };

  if (layout.kind === 'grid') {
    const grid = layout.grid ?? DEFAULT_GRID;
    const perPage = grid.columns * grid.rows;
    for (const [g, grp] of catalog.groups.entries()) {
      for (let at = 0; at < grp.items.length; at += perPage) {
        const head = at === 0 ? escape(grp.name) : `${escape(grp.name)} ${escape(continued)}`;
        yield `<section class="page"><h2${at === 0 ? ` id="g${g}"` : ''}>${head}</h2><div class="grid">`;
        for (const item of grp.items.slice(at, at + perPage))
          yield `<div class="card">${picture(item)}<div class="text">${slotHtml(item, true)}</div>${priceHtml(item)}</div>\n`;
        yield '</div></section>\n';
      }
    }
  } else if (layout.kind === 'list') {
    for (const [g, grp] of catalog.groups.entries()) {
      yield `<h2 id="g${g}">${escape(grp.name)}</h2>\n`;
      for (const item of grp.items) {
        const ref = item.fields.reference;
        const id = ref && 'value' in ref ? ` id="r${item.row}"` : '';
        yield `<div class="row"${id}>${picture(item)}<div class="text">${slotHtml(item, true)}</div><div class="pcol">${priceHtml(item)}</div></div>\n`;
      }
    }
  } else {
    const table = layout.table!;
    const cols = table.columns;
    const colgroup = cols.map((c) => `<col style="width:${(c.width * 100).toFixed(2)}%">`).join('');
    const header = cols
      .map(
        (c) =>
          `<th${c.align === 'right' ? ' class="r"' : ''}>${escape(c.header?.[options.lang] ?? c.field)}</th>`,
      )
      .join('');
    for (const [g, grp] of catalog.groups.entries()) {
      yield `<h2 id="g${g}">${escape(grp.name)}</h2><table><colgroup>${colgroup}</colgroup><thead><tr>${header}</tr></thead><tbody>\n`;
      for (const item of grp.items) {
        const cells = cols
          .map((c) => {
            const runs = fieldRuns(item, c.field, format);
            return `<td${c.align === 'right' ? ' class="r"' : ''}>${runs ? runsHtml(runs) : ''}</td>`;
          })
          .join('');
        yield `<tr>${cells}</tr>\n`;
      }
      yield '</tbody></table>\n';
    }
  }

  if (layout.index) {
    yield `<section class="index page"><h1>${options.lang === 'fr' ? 'Index des références' : 'Reference index'}</h1><div class="cols">`;
    const entries = catalog.items
      .map((item) => ({
        item,
        ref: fieldRuns(item, 'reference', format)
          ?.map((r) => r.text)
          .join(''),
      }))
      .filter((e): e is { item: CatalogItem; ref: string } => !!e.ref)
      .sort((a, b) => a.ref.localeCompare(b.ref, 'fr', { numeric: true }));
    for (const e of entries) yield `<p data-href="#r${e.item.row}">${escape(e.ref)}</p>`;
    yield '</div></section>\n';
  }
  yield '</body></html>\n';
}

/** The arrangement of each kind of layout, in the template's own measures. */
function layoutCss(template: Template): string {
  const layout = template.layout!;
  const styles = resolveStyles(template).paragraph;
  if (layout.kind === 'grid') {
    const grid = layout.grid ?? DEFAULT_GRID;
    const m = layout.page.margins;
    // The card height our layout uses: the content height less one group header band and the gutters.
    const group = styles.groupHeader!;
    const headerBand = (group.leading + group.spaceAfter) / MM_PT;
    const contentHeight = 297 - m.top - m.bottom;
    // Less a tenth of a millimetre, so that rounding never pushes the last row onto the next page.
    const cardHeight = (contentHeight - headerBand - grid.gutter * (grid.rows - 1)) / grid.rows - 0.1;
    const imageHeight = cardHeight * grid.imageShare - grid.padding;
    const price = styles.price!;
    const contentWidth = 210 - m.left - m.right;
    const cardWidth = (contentWidth - grid.gutter * (grid.columns - 1)) / grid.columns;
    const textHeight = cardHeight * (1 - grid.imageShare) - grid.padding * 1.8 - price.leading / MM_PT;
    // Floats and absolute positions rather than CSS grid or flex: WeasyPrint 57 (Debian 12) has no
    // grid and a partial flexbox, and both engines lay these out alike.
    return `.grid{overflow:hidden}
.card{float:left;position:relative;width:${cardWidth.toFixed(2)}mm;height:${cardHeight.toFixed(2)}mm;margin:${grid.gutter}mm ${grid.gutter}mm 0 0;background:${cmykToRgb(grid.background)};overflow:hidden;break-inside:avoid}
.card:nth-child(${grid.columns}n){margin-right:0}
.card:nth-child(-n+${grid.columns}){margin-top:0}
.card:nth-child(${grid.columns}n+1){clear:left}
.card .pic{position:absolute;left:${grid.padding}mm;right:${grid.padding}mm;top:${grid.padding}mm;height:${imageHeight.toFixed(2)}mm}
.card .pic img{width:100%;height:100%;object-fit:${layout.image?.fit === 'cover' ? 'cover' : 'contain'}}
.card .text{position:absolute;left:${grid.padding}mm;right:${grid.padding}mm;top:${(cardHeight * grid.imageShare + grid.padding * 0.8).toFixed(2)}mm;height:${textHeight.toFixed(2)}mm;overflow:hidden}
.card .text p{margin-bottom:0.8mm}
.card .price{position:absolute;left:${grid.padding}mm;right:${grid.padding}mm;bottom:${grid.padding}mm;margin:0}`;
  }
  if (layout.kind === 'list') {
    const list = layout.list ?? DEFAULT_LIST;
    return `.row{position:relative;min-height:${list.thumbnail}mm;padding:0 33mm ${list.rowGap / 2}mm ${list.thumbnail + 4}mm;margin-bottom:${list.rowGap / 2}mm;border-bottom:0.5pt solid ${cmykToRgb(list.rule)};break-inside:avoid;max-height:70mm;overflow:hidden}
.row .pic{position:absolute;left:0;top:0;width:${list.thumbnail}mm;height:${list.thumbnail}mm}
.row .pic img{width:100%;height:100%;object-fit:contain}
.row .text p{margin-bottom:0.6mm}
.row .pcol{position:absolute;right:0;top:0;width:30mm}
.row .price{text-align:right;margin:0}`;
  }
  const table = layout.table!;
  return `table{width:100%;border-collapse:collapse;table-layout:fixed}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{padding:${table.rowPadding}mm;overflow:hidden;text-align:left;vertical-align:top}
th{background:${cmykToRgb(table.headerFill)}}
th.r,td.r{text-align:right}
tbody tr:nth-child(even){background:${cmykToRgb(table.stripeFill)}}`;
}
