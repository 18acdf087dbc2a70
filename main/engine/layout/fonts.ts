// Fonts and their metrics, read from the folder a `FontProvider` names. Layout measures with the very
// files the PDF embeds, so what fits in the plan fits on the page.
import type * as Fontkit from 'fontkit';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogError } from '../errors.ts';
import type { FontWeight } from '../templates/layout-schema.ts';
import { unitWidths } from './advance-widths.ts';

export type FontRef = {
  family: string;
  weight: FontWeight;
  italic: boolean;
  /** Tabular figures (`tnum`): every digit the same width, so prices in a column align on the decimal. */
  figures?: 'tabular';
};

/**
 * Where the font files are: plain data, so it crosses into a worker or over IPC, and a packaged app
 * (whose files are not where the sources are) says where it put them. The engine never guesses: the
 * service gives the bundled one (main/service/font-provider.ts).
 */
export type FontProvider = {
  /** A folder holding `<Family>-<Style>.ttf` files (`Inter-SemiBoldItalic.ttf`). */
  dir: string;
};

const STYLE_NAMES: Record<FontWeight, [string, string]> = {
  regular: ['Regular', 'Italic'],
  semibold: ['SemiBold', 'SemiBoldItalic'],
  bold: ['Bold', 'BoldItalic'],
};

/** `Inter-SemiBoldItalic`: the file stem, and the key a PDF registers the font under. */
export const fontKey = (f: FontRef) => `${f.family}-${STYLE_NAMES[f.weight][f.italic ? 1 : 0]}`;

export const fontPath = (f: FontRef, fonts: FontProvider) => join(fonts.dir, `${fontKey(f)}.ttf`);

/**
 * OpenType features for catalog text. Contextual alternates are off: Inter turns the "x" of
 * "VIS-4x40" into "×", and a reference must print exactly as typed. Kerning and ligatures stay.
 * The PDF writer draws with the same features layout measures with.
 */
export const FONT_FEATURES: Record<string, boolean> = { calt: false };
const TABULAR_FEATURES: Record<string, boolean> = { ...FONT_FEATURES, tnum: true };

/** The features a run is measured and drawn with: the same in layout and in the PDF. */
export const featuresOf = (ref: FontRef) => (ref.figures === 'tabular' ? TABULAR_FEATURES : FONT_FEATURES);

export type Metrics = {
  /** Advance width of `text` at `size` points, kerning included, as pdfkit lays it out. */
  width(text: string, size: number): number;
  ascent(size: number): number;
  descent(size: number): number;
  /** Characters the font has no glyph for. */
  missing(text: string): string[];
};

/** fontkit, required on first use (layout is synchronous): a process that lays nothing out never loads it. */
let fontkitModule: typeof Fontkit | undefined;
const fontkit = (): typeof Fontkit =>
  (fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit);

/** Parsed once per file for the life of the process, by folder and name, so two providers never mix. */
const loaded = new Map<string, Metrics>();

/**
 * One object per distinct font reference: a plan's runs share them (a 10,000-product plan held one
 * per run), and the metrics of a reference are then found by identity, without building a key.
 */
const interned = new Map<string, FontRef>();
export function fontRef(family: string, weight: FontWeight, italic: boolean, figures?: 'tabular'): FontRef {
  const id = `${family}\0${weight}\0${italic ? 1 : 0}\0${figures ?? ''}`;
  let ref = interned.get(id);
  if (!ref) interned.set(id, (ref = { family, weight, italic, ...(figures ? { figures } : {}) }));
  return ref;
}

const byRef = new WeakMap<FontRef, { dir: string; metrics: Metrics }>();

export function fontMetrics(ref: FontRef, fonts: FontProvider): Metrics {
  const known = byRef.get(ref);
  if (known && known.dir === fonts.dir) return known.metrics;
  const metrics = metricsByKey(ref, fonts);
  byRef.set(ref, { dir: fonts.dir, metrics });
  return metrics;
}

const files = new Map<string, Fontkit.Font>();

/** Past this many distinct texts fontkit had to shape, a font's cache stops growing. */
const MAX_SHAPED = 50_000;

function metricsByKey(ref: FontRef, fonts: FontProvider): Metrics {
  const key = fontKey(ref);
  const id = `${fonts.dir}\0${key}\0${ref.figures ?? ''}`;
  const cached = loaded.get(id);
  if (cached) return cached;
  const path = fontPath(ref, fonts);
  if (!existsSync(path))
    throw new CatalogError('FONT_NOT_AVAILABLE', {
      fr: `La police « ${ref.family} » (${key}) n'est pas fournie : ajoutez ${key}.ttf dans ${fonts.dir}, ou choisissez Inter dans le modèle.`,
      en: `The font "${ref.family}" (${key}) is not available: add ${key}.ttf to ${fonts.dir}, or choose Inter in the template.`,
    });
  // One parse per file: its tabular and proportional metrics share it.
  let font = files.get(path);
  if (!font) files.set(path, (font = fontkit().openSync(path) as Fontkit.Font));
  const scale = 1 / font.unitsPerEm;
  const features = featuresOf(ref);
  // Plain Latin text is measured from the font's tables, to the unit what fontkit would give
  // (advance-widths.ts); only the rest is shaped, once per distinct text.
  const fast = unitWidths(font, features);
  const shaped = new Map<string, number>();
  const { ascent, descent } = font;
  const metrics: Metrics = {
    width(text, size) {
      let units = fast?.(text);
      if (units === undefined) {
        units = shaped.get(text);
        if (units === undefined) {
          units = font.layout(text, features).advanceWidth;
          if (shaped.size < MAX_SHAPED) shaped.set(text, units);
        }
      }
      return units * scale * size;
    },
    // fontkit's getters read the table on every call: read once.
    ascent: (size) => ascent * scale * size,
    descent: (size) => -descent * scale * size,
    missing: (text) =>
      [...new Set(text)].filter((ch) => !/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  };
  loaded.set(id, metrics);
  return metrics;
}
