// Preflight: what a printer's check would reject, found on the plan before the PDF exists — overset
// text, missing and low-resolution pictures, RGB pictures in print, glyphs the font lacks, text
// outside the safe area — each naming the product (its row) and the page, in its message for a reader
// and in `page` and `params` for a surface that goes to the page or words the issue its own way.
import type { Issue, Severity, Translated } from '../model.ts';
import { fontMetrics, type FontProvider } from '../layout/fonts.ts';
import type { ImageBox, LayoutPlan, PlanPage, Rect, TextBox } from '../layout/layout-plan.ts';
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

const ppiOf = (box: ImageBox) =>
  box.pixels
    ? Math.min(box.pixels.width / (box.placed.width / 72), box.pixels.height / (box.placed.height / 72))
    : Infinity;

export function preflight(plan: LayoutPlan, options: PreflightOptions): Issue[] {
  const check = preflighter(plan.safe, options);
  for (const page of plan.pages) check.page(page);
  return check.end();
}

/** Preflight one page at a time, as a streamed build draws them; `end` adds what spans pages. */
export function preflighter(
  safe: Rect,
  options: PreflightOptions,
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
    return issues;
  };
  return {
    page(page) {
      for (const box of page.boxes) {
        if (box.kind === 'text') checkText(box, page.number);
        if (box.kind === 'image') checkImage(box, page.number);
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
