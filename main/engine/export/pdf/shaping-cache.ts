// Shapes each distinct run once per font and set of OpenType features. pdfkit caches the shaping of
// words only when no features are passed, and we always pass some (contextual alternates off, tabular
// figures for prices): without this, fontkit shaped every run of every page anew — 72 % of a large
// catalog's drawing time. The run pdfkit gets back is the one it would have computed, so the PDF is
// byte-identical; pdfkit only reads it (we never set word spacing, the one path that copies it).
type Run = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
type Layout = (text: string, features?: object, onlyWidth?: boolean) => Run;
type ShapingFont = { layout: Layout; [SHAPED]?: true };

const SHAPED = Symbol('shaped');
/** Past this many distinct runs a font's cache stops growing: memory stays bounded on any catalog. */
const MAX_RUNS = 200_000;

/** Makes `font` (pdfkit's font object of the current document) shape each run once. */
export function cacheShaping(font: unknown): void {
  const target = font as ShapingFont;
  if (typeof target.layout !== 'function' || target[SHAPED]) return;
  target[SHAPED] = true;
  const layout = target.layout.bind(target);
  // Features are one of a few constant objects (fonts.ts featuresOf): keyed by identity.
  const byFeatures = new Map<object, Map<string, Run>>();
  target.layout = (text, features, onlyWidth) => {
    if (!features) return layout(text, features, onlyWidth);
    let runs = byFeatures.get(features);
    if (!runs) byFeatures.set(features, (runs = new Map()));
    let run = runs.get(text);
    if (!run) {
      // Always the whole run (glyphs and positions): a width-only call would cache a run without them.
      run = layout(text, features, false);
      if (runs.size < MAX_RUNS) runs.set(text, run);
    }
    return run;
  };
}
