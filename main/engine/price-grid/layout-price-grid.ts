// One reseller's price list → pages of boxes, the same LayoutPlan the catalogs use, so the PDF writer,
// preflight and the output checks are shared. A family's table never splits across pages unless it is
// taller than a page, and then its header repeats. Every page says whom the list is for.
import { mm } from '../common/millimetres.ts';
import type { Lang } from '../model.ts';
import type { FontProvider } from '../layout/fonts.ts';
import { fitImage } from '../layout/image-fit.ts';
import type { Box, ImageBox, LayoutPlan } from '../layout/layout-plan.ts';
import { pageGeometry } from '../layout/page-geometry.ts';
import { PageStream } from '../layout/page-stream.ts';
import type { ResolvedImage } from '../layout/resolved-images.ts';
import { frenchTypography } from '../format/typography.ts';
import { gridStyles, type GridTemplate } from './grid-template.ts';
import {
  closingRule,
  headerRows,
  textAt,
  tierRows,
  type GridTableContext,
  type TableRow,
} from './grid-table.ts';
import {
  currencySign,
  rateText,
  validityText,
  vatText,
  WORDS,
  type TaxBasis,
  type Validity,
} from './grid-words.ts';
import type { PricedFamily, ResellerGrid } from './price-reseller-grid.ts';
import { gridLegend } from './grid-legend.ts';

export type Supplier = {
  name?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
};

export type GridLayoutOptions = {
  template: GridTemplate;
  fonts: FontProvider;
  locale: string;
  lang: Lang;
  title: string;
  currency?: string | undefined;
  basis?: TaxBasis | undefined;
  validity?: Validity | undefined;
  terms: readonly string[];
  /** Left out entirely in white label, whatever is passed. */
  supplier?: Supplier | undefined;
  logos: { reseller?: ResolvedImage | undefined; supplier?: ResolvedImage | undefined };
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

function logoBox(
  image: ResolvedImage,
  frame: { x: number; y: number; width: number; height: number },
): ImageBox {
  const placed = fitImage(frame, image.pixels, 'contain');
  // The frame is the picture itself, right-aligned in the space it was given.
  const shifted = { ...placed, x: frame.x + frame.width - placed.width, y: frame.y };
  return {
    kind: 'image',
    ...shifted,
    placed: shifted,
    source: image.source,
    pixels: image.pixels,
    ...(image.space ? { space: image.space } : {}),
  };
}

export function layoutPriceGrid(grid: ResellerGrid, options: GridLayoutOptions): LayoutPlan {
  const { template, lang, locale } = options;
  // Named in the build's language, as the tagged text names them: preflight speaks of the same styles.
  const styles = gridStyles(template, lang);
  const geometry = pageGeometry(template.page);
  const { content } = geometry;
  const typo = (text: string) => (lang === 'fr' ? frenchTypography(text) : text);
  const white = template.whiteLabel;
  const supplier = white ? undefined : options.supplier;
  const reseller = grid.reseller.name;
  const stream = new PageStream(geometry, 1);
  const sign = options.currency ? currencySign(options.currency, locale) : undefined;
  const table: GridTableContext = {
    template,
    styles,
    fonts: options.fonts,
    locale,
    lang,
    basis: options.basis,
    sign,
    x: content.x,
    width: content.width,
  };

  // ── The first page's head: title, the reseller and its terms, validity; logos on the right. ──
  const logoWidth = mm(48);
  // Addresses and e-mails are long: the supplier's block is wider than the logo above it.
  const supplierWidth = Math.min(mm(80), content.width * 0.3);
  const logoHeight = mm(16);
  const textWidth = content.width - logoWidth - mm(6);
  const head: Box[] = [];
  let y = content.y;
  const put = (box: Box & { height: number }, gap = 0) => {
    head.push(box);
    y += box.height + gap;
  };
  put(textAt(options, typo(options.title), styles.listTitle, content.x, y, textWidth), mm(1));
  put(textAt(options, typo(reseller), styles.resellerName, content.x, y, textWidth), mm(0.5));
  const families = grid.families;
  const rates = [
    ...new Set(families.filter((f) => f.rate.source !== 'family').map((f) => rateText(f.rate, locale, lang))),
  ];
  const level = grid.reseller.level;
  const termsLine = [level ? (lang === 'fr' ? `Niveau ${level}` : `${level} level`) : undefined, ...rates]
    .filter(Boolean)
    .join(' · ');
  if (termsLine) put(textAt(options, typo(termsLine), styles.resellerTerms, content.x, y, textWidth));
  const validity = validityText(options.validity, locale, lang);
  if (validity) put(textAt(options, typo(validity), styles.resellerTerms, content.x, y, textWidth));
  let right = content.y;
  if (options.logos.reseller) {
    const box = logoBox(options.logos.reseller, {
      x: content.x + content.width - logoWidth,
      y: right,
      width: logoWidth,
      height: logoHeight,
    });
    head.push(box);
    right += box.height + mm(2);
  }
  if (supplier) {
    if (options.logos.supplier && !options.logos.reseller) {
      const box = logoBox(options.logos.supplier, {
        x: content.x + content.width - logoWidth,
        y: right,
        width: logoWidth,
        height: logoHeight * 0.75,
      });
      head.push(box);
      right += box.height + mm(2);
    }
    const lines = [supplier.name, supplier.address, supplier.phone, supplier.email, supplier.website].filter(
      (l): l is string => Boolean(l),
    );
    if (lines.length) {
      const box = textAt(
        options,
        typo(lines.join('\n')),
        styles.supplier,
        content.x + content.width - supplierWidth,
        right,
        supplierWidth,
        styles.supplier.leading * 6,
      );
      head.push(box);
      right += box.height;
    }
  }
  const headBottom = Math.max(y, right) + mm(3);
  head.push({
    kind: 'rect',
    x: content.x,
    y: headBottom,
    width: content.width,
    height: 1,
    fill: template.accent,
  });
  stream.take(headBottom + 1 - content.y + mm(5));
  stream.add(...head);

  // ── The families, each kept whole when it fits a page. ──
  const place = (rows: TableRow[]) => {
    for (const row of rows) stream.add(...row.at(stream.take(row.height)));
  };
  const familyHead = (family: PricedFamily, continued: boolean): TableRow => {
    const name = continued ? `${family.name} ${WORDS.continued[lang]}` : family.name;
    const notes = [
      family.vat !== undefined ? vatText(family.vat, locale, lang) : undefined,
      family.rate.source === 'family' ? rateText(family.rate, locale, lang) : undefined,
    ].filter(Boolean);
    const nameBox = textAt(options, typo(name), styles.familyHeader, content.x, 0, content.width * 0.7);
    const noteBox = notes.length
      ? [
          textAt(
            options,
            typo(notes.join(' · ')),
            styles.familyNote,
            content.x + content.width * 0.7,
            styles.familyHeader.leading - styles.familyNote.leading,
            content.width * 0.3,
          ),
        ]
      : [];
    const height = nameBox.height + mm(1.5);
    return { height, at: (at) => [nameBox, ...noteBox].map((b) => ({ ...b, y: b.y + at })) };
  };
  for (const family of families) {
    const header = headerRows(table, family);
    const rows = tierRows(table, family);
    const title = familyHead(family, false);
    const sum = (list: TableRow[]) => list.reduce((s, r) => s + r.height, 0);
    const whole = title.height + sum(header) + sum(rows) + closingRule(table).height;
    if (whole > stream.remaining + 0.01 && !stream.isFresh && whole <= content.height)
      stream.newPage(family.name);
    place([title, ...header]);
    for (const row of rows) {
      // Taller than a page: the table goes on, its header repeated under a « (suite) » title.
      if (row.height > stream.remaining + 0.01) {
        stream.newPage(family.name);
        place([familyHead(family, true), ...header]);
      }
      place([row]);
    }
    place([closingRule(table)]);
    stream.take(Math.min(mm(7), stream.remaining));
  }

  // ── Legend and terms, kept together at the end. ──
  const legend = gridLegend(grid, { locale, lang, currency: options.currency, sign, basis: options.basis });

  const block: Box[] = [];
  let by = 0;
  const add = (text: string, role: 'legend' | 'legendTitle') => {
    const box = textAt(
      options,
      typo(text),
      styles[role],
      content.x,
      by,
      content.width * 0.75,
      styles[role].leading * 8,
    );
    block.push(box);
    by += box.height + styles[role].spaceAfter;
  };
  add(WORDS.legend[lang], 'legendTitle');
  legend.forEach((line) => add(line, 'legend'));
  if (options.terms.length) {
    by += mm(2);
    add(WORDS.terms[lang], 'legendTitle');
    options.terms.forEach((line) => add(line, 'legend'));
  }
  const top = stream.take(by);
  stream.add(...block.map((b) => ({ ...b, y: b.y + top })));

  // ── On every page: whom it is for, the supplier (unless white label), the folio. ──
  const pages = stream.pages;
  const confidential = fill(template.texts.confidential[lang], { reseller });
  const runningTitle = `${options.title} — ${reseller}`;
  for (const page of pages) {
    const foot = geometry.footerY;
    page.boxes.push(
      textAt(
        options,
        typo(confidential),
        styles.confidential,
        content.x,
        foot,
        content.width * 0.4,
        styles.confidential.leading,
      ),
    );
    if (supplier?.name) {
      const contact = [supplier.name, supplier.phone, supplier.website].filter(Boolean).join(' · ');
      page.boxes.push(
        textAt(
          options,
          typo(contact),
          { ...styles.running, align: 'center' },
          content.x + content.width * 0.3,
          foot,
          content.width * 0.4,
          styles.running.leading,
        ),
      );
    }
    const folio = `${WORDS.page[lang]} ${page.number} / ${pages.length}`;
    page.boxes.push(
      textAt(
        options,
        folio,
        { ...styles.running, align: 'right' },
        content.x + content.width * 0.7,
        foot,
        content.width * 0.3,
        styles.running.leading,
      ),
    );
    if (page.number > 1)
      page.boxes.push(
        textAt(
          options,
          typo(runningTitle),
          styles.running,
          content.x,
          geometry.headerY,
          content.width * 0.7,
          styles.running.leading,
        ),
        ...(validity
          ? [
              textAt(
                options,
                typo(validity),
                { ...styles.running, align: 'right' },
                content.x + content.width * 0.6,
                geometry.headerY,
                content.width * 0.4,
                styles.running.leading,
              ),
            ]
          : []),
      );
  }

  return {
    title: runningTitle,
    width: geometry.width,
    height: geometry.height,
    bleed: geometry.bleed,
    marks: template.page.marks,
    safe: content,
    pages,
    issues: [],
  };
}
