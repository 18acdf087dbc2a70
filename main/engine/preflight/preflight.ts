// Preflight: what a printer's check would reject, found on the plan before the PDF exists — overset
// text, missing and low-resolution pictures, RGB pictures in print, glyphs the font lacks, text
// outside the safe area — each naming the product (its row) and the page, in its message for a reader
// and in `page` and `params` for a surface that goes to the page or words the issue its own way.
import type { Issue, Severity, Translated } from '../model.ts';
import { fontMetrics, type FontProvider } from '../layout/fonts.ts';
import type { ImageBox, LayoutPlan, PlanPage, Rect, RectBox, TextBox } from '../layout/layout-plan.ts';
import { formatRef } from '../common/cell-ref.ts';

export type PreflightOptions = {
  mode: 'print' | 'screen';
  /** The fonts the plan was laid out with: a glyph is missing if their files lack it. */
  fonts: FontProvider;
  /** Sheet the rows come from, to name the product's row as the user sees it. */
  sheet: string;
  minPpi?: number;
  /** The template's field labels, so a message says « Désignation » rather than `name`. */
  labels?: Record<string, Translated>;
};

/**
 * The lightest tint a press holds: below 8 % total ink a flat fill breaks up into a visible dot
 * pattern or vanishes on uncoated paper, depending on the press — a card that shows on screen may be
 * white on paper. 0 % (no ink) is a deliberate white.
 */
const MIN_TINT = 8;

/** `1–4, 7, 9–12`: a tint on every page of a long catalog stays one short line. */
export function pageRanges(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const ppiOf = (box: ImageBox) =>
  box.pixels
    ? Math.min(box.pixels.width / (box.placed.width / 72), box.pixels.height / (box.placed.height / 72))
    : Infinity;

export function preflight(plan: LayoutPlan, options: PreflightOptions): Issue[] {
  const check = preflighter(plan.safe, options, plan.safeLeft);
  for (const page of plan.pages) check.page(page);
  return check.end();
}

/** Preflight one page at a time, as a streamed build draws them; `end` adds what spans pages. */
export function preflighter(
  rightSafe: Rect,
  options: PreflightOptions,
  /** Facing pages: the left-hand (even) pages' safe area; every page has `rightSafe` when absent. */
  leftSafe?: Rect,
): { page(page: PlanPage): void; end(): Issue[] } {
  const issues: Issue[] = [];
  const minPpi = options.minPpi ?? 300;
  type Where = { page: number; row?: number | undefined; field?: string | undefined };
  type Params = Record<string, string | number>;
  const add = (severity: Severity, code: string, message: Translated, where: Where, params?: Params) => {
    const { page, row, field } = where;
    const cell = row !== undefined ? { sheet: options.sheet, row } : undefined;
    issues.push({
      severity,
      code,
      message: { fr: `Page ${page} : ${message.fr}`, en: `Page ${page}: ${message.en}` },
      ...(cell ? { cell, ref: formatRef(cell) } : {}),
      ...(field ? { field } : {}),
      page,
      ...(params ? { params } : {}),
    });
  };
  const what = (box: TextBox): Translated =>
    (box.field && options.labels?.[box.field]) || { fr: box.field ?? box.style, en: box.field ?? box.style };
  // Most photos arrive in RGB: one notice for all of them, not one per picture.
  const rgbPages = new Set<number>();
  // A template's light card or stripe repeats on every page: one warning per tint, with its pages.
  const lightTints = new Map<string, { ink: number; pages: number[] }>();
  const end = (): Issue[] => {
    if (rgbPages.size) {
      const pages = [...rgbPages].join(', ');
      issues.push({
        severity: 'info',
        code: 'IMAGE_RGB',
        message: {
          fr: `Des images en RVB (pages ${pages}) ont été converties en CMJN pour l'impression : vérifiez leurs couleurs sur épreuve.`,
          en: `RGB pictures (pages ${pages}) were converted to CMYK for print: check their colours on a proof.`,
        },
        params: { pages },
      });
    }
    for (const [colour, { ink, pages: on }] of lightTints) {
      const pages = pageRanges(on);
      issues.push({
        severity: 'warning',
        code: 'TINT_TOO_LIGHT',
        message: {
          fr: `Un aplat de ${ink.toLocaleString('fr-FR')}\u202f% d'encre (CMJN ${colour}, pages ${pages}) est sous les ${MIN_TINT}\u202f% qu'une presse tient : il risque de s'imprimer moucheté ou de disparaître. Portez-le à ${MIN_TINT}\u202f% au moins, ou retirez-le.`,
          en: `A ${ink.toLocaleString('en-GB')} % ink fill (CMYK ${colour}, pages ${pages}) is below the ${MIN_TINT} % a press holds: it may print blotchy or vanish. Raise it to ${MIN_TINT} % at least, or remove it.`,
        },
        params: { colour, ink, pages, minTint: MIN_TINT },
      });
    }
    return issues;
  };
  return {
    page(page) {
      for (const box of page.boxes) {
        if (box.kind === 'text') checkText(box, page.number);
        if (box.kind === 'image') checkImage(box, page.number);
        if (box.kind === 'rect' && options.mode === 'print') checkTint(box, page.number);
      }
    },
    end,
  };

  function checkText(box: TextBox, page: number) {
    if (box.overset)
      add(
        'warning',
        'OVERSET_TEXT',
        {
          fr: `le texte « ${what(box).fr} » ne tient pas dans son cadre et a été coupé.`,
          en: `the "${what(box).en}" text does not fit its frame and was cut.`,
        },
        { page, row: box.row, field: box.field },
        { text: box.field ?? box.style },
      );
    const missing = new Set<string>();
    for (const line of box.lines)
      for (const run of line.runs)
        for (const ch of fontMetrics(run.font, options.fonts).missing(run.text)) missing.add(ch);
    if (missing.size) {
      const list = [...missing]
        .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ');
      add(
        'error',
        'GLYPH_MISSING',
        { fr: `la police n'a pas de glyphe pour ${list}.`, en: `the font has no glyph for ${list}.` },
        { page, row: box.row, field: box.field },
        { characters: [...missing].join('') },
      );
    }
    // Running heads sit in the margins by design; only content text must stay inside them.
    const safe = leftSafe && page % 2 === 0 ? leftSafe : rightSafe;
    const inside =
      box.x >= safe.x - 0.5 &&
      box.x + box.width <= safe.x + safe.width + 0.5 &&
      box.y >= safe.y - 0.5 &&
      box.y + box.height <= safe.y + safe.height + 0.5;
    if (!inside && box.row !== undefined)
      add(
        'warning',
        'OUTSIDE_SAFE_AREA',
        {
          fr: `le texte « ${what(box).fr} » sort de la zone de sécurité.`,
          en: `the "${what(box).en}" text runs outside the safe area.`,
        },
        { page, row: box.row, field: box.field },
        { text: box.field ?? box.style },
      );
  }

  function checkTint(box: RectBox, page: number) {
    // A backdrop read off a picture (fillRgb) is the photo's own paper white, not a chosen tint.
    if (!box.fill || box.fillRgb) return;
    const [c, m, y, k] = box.fill;
    const ink = c + m + y + k;
    if (ink <= 0 || ink >= MIN_TINT) return;
    const colour = box.fill.join('/');
    const seen = lightTints.get(colour);
    if (!seen) lightTints.set(colour, { ink, pages: [page] });
    else if (seen.pages[seen.pages.length - 1] !== page) seen.pages.push(page);
  }

  function checkImage(box: ImageBox, page: number) {
    if (!box.source) {
      add(
        'warning',
        'IMAGE_MISSING',
        {
          fr: "l'image est introuvable ou illisible : un cadre neutre la remplace.",
          en: 'the picture is missing or unreadable: a neutral frame stands in for it.',
        },
        { page, row: box.row },
      );
      return;
    }
    const ppi = ppiOf(box);
    if (options.mode === 'print' && ppi < minPpi)
      add(
        'warning',
        'IMAGE_LOW_RESOLUTION',
        {
          fr: `l'image n'a que ${Math.floor(ppi)} ppp à sa taille d'impression (${minPpi} attendus) : elle paraîtra floue.`,
          en: `the picture has only ${Math.floor(ppi)} ppi at its printed size (${minPpi} expected): it will look blurred.`,
        },
        { page, row: box.row },
        { ppi: Math.floor(ppi), minPpi },
      );
    // Greyscale ('b-w') pictures are converted too, but only RGB ones deserve the warning.
    if (options.mode === 'print' && box.space && /rgb/i.test(box.space)) rgbPages.add(page);
  }
}
