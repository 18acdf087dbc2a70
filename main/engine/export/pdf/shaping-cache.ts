// Shapes each distinct run once per font and set of OpenType features. pdfkit caches the shaping of
// words only when no features are passed, and we always pass some (contextual alternates off, tabular
// figures for prices): without this, fontkit shaped every run of every page anew — 72 % of a large
// catalog's drawing time. The run pdfkit gets back is the one it would have computed, so the PDF is
// byte-identical; pdfkit only reads it (we never set word spacing, the one path that copies it).
// Plain Latin runs are not even shaped by fontkit: plain-shaping.ts builds the very same run, and
// quickly enough that they are not kept (draw-text.ts keeps what it encoded from them instead).
import { plainShaper, type Run } from './plain-shaping.ts';

type Layout = (text: string, features?: object, onlyWidth?: boolean) => Run;
type ShapingFont = { layout: Layout; font?: unknown; [SHAPED]?: true };

const SHAPED = Symbol('shaped');
/** A font's cache starts afresh past this many distinct runs: memory stays bounded on any catalog. */
const MAX_RUNS = 20_000;

/** Makes `font` (pdfkit's font object of the current document) shape each run once. */
export function cacheShaping(font: unknown): void {
  const target = font as ShapingFont;
  if (typeof target.layout !== 'function' || target[SHAPED]) return;
  target[SHAPED] = true;
  const layout = target.layout.bind(target);
  // Features are one of a few constant objects (fonts.ts featuresOf): keyed by identity.
  const byFeatures = new Map<object, Map<string, Run>>();
  const plain = new Map<object, ((text: string) => Run | undefined) | undefined>();
  target.layout = (text, features, onlyWidth) => {
    if (!features) return layout(text, features, onlyWidth);
    let runs = byFeatures.get(features);
    if (!runs) {
      byFeatures.set(features, (runs = new Map()));
      plain.set(features, plainShaper(target.font, features));
    }
    let run = runs.get(text);
    if (!run) {
      // Plain text is shaped from the font's tables in microseconds: not worth the memory of a run.
      const plainRun = plain.get(features)?.(text);
      if (plainRun) return plainRun;
      // Always the whole run (glyphs and positions): a width-only call would cache a run without them.
      run = layout(text, features, false);
      if (runs.size >= MAX_RUNS) runs.clear();
      runs.set(text, run);
    }
    return run;
  };
}
