// The advance width of a run of plain Latin text without asking fontkit to shape it. fontkit's
// `layout` costs 150–450 µs a call (it plans the features and walks every lookup over every glyph),
// and a catalog has a few words no other product shares (its reference, EAN, price): at 100,000
// products that alone was tens of seconds of layout.
//
// Most text needs none of that work. When no substitution can touch a glyph and positioning only
// kerns pairs, fontkit's width is the glyphs' advances plus a kerning value per adjacent pair, and
// both can be read from the font's own tables once. This module decides, per character, whether that
// holds — by walking the very lookups fontkit would apply for the script it would pick, with
// fontkit's own coverage and class functions — and answers `undefined` for any text it cannot
// vouch for (marks, other scripts, ligatures or contextual rules that could fire…), which the caller
// then shapes with fontkit. The result is fontkit's to the font unit: advance-widths.test.ts compares
// the two on every character and pair of the Latin repertoire. The same tables give the whole glyph
// run (`run`), for drawing, where pdfkit shapes every distinct run.
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/** Width of `text` in font units, or undefined when only fontkit's shaping can tell. */
export type UnitWidth = (text: string) => number | undefined;

/** A text shaped on the fast path: per UTF-16 unit (all in the BMP), in font units. */
export type Shaped = {
  /** The script fontkit would have detected: `latn`, or `zzzz` (no letter) shaped as DFLT. */
  script: string;
  codePoints: number[];
  /** The glyph each character maps to, before substitution (fontkit creates these glyphs first). */
  originals: number[];
  /** The glyph drawn, after one-to-one substitutions (tabular figures). */
  glyphs: number[];
  /** x advance, y advance, x offset, y offset: fontkit's GlyphPosition fields, in its order. */
  positions: [number, number, number, number][];
};

export type FastShaping = {
  width: UnitWidth;
  /** The glyphs and positions fontkit's `layout` would give, or undefined when only it can tell. */
  shape(text: string): Shaped | undefined;
  /**
   * The GlyphRun `font.layout(text, features)` returns, or undefined when only fontkit can tell:
   * made with fontkit's own classes, asking the font for its glyph objects in the order fontkit
   * does (a glyph keeps the code points of its first request, which a PDF's ToUnicode map is made
   * from). For a drawing path that shapes every distinct run, without fontkit's 150–450 µs a call.
   */
  run(text: string): Fontkit.GlyphRun | undefined;
};

type GlyphRunClass = new (
  glyphs: Fontkit.Glyph[],
  features: Record<string, boolean>,
  script: string,
  language: string | null,
  direction: string,
) => Fontkit.GlyphRun;
type PositionClass = new (x: number, y: number, dx: number, dy: number) => Fontkit.GlyphPosition;

// ─── The fontkit internals read here (version 2.0.x). Any one missing: no fast path, fontkit shapes. ───

type Coverage = unknown;
type ClassDef = unknown;
type Value = { xAdvance?: number; yAdvance?: number; xPlacement?: number; yPlacement?: number } | undefined;
type SubTable = {
  version: number;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  deltaGlyphID?: number;
  substitute?: { get(i: number): number };
  pairSets?: { get(i: number): Iterable<{ secondGlyph: number; value1: Value; value2: Value }> };
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  ligatureSets?: { length: number; get(i: number): Iterable<{ components: number[] }> };
  // Contextual rules (GSUB 5/6, GPOS 7/8), formats 1 and 2.
  ruleSets?: Rules[];
  classSet?: Rules[];
  chainRuleSets?: Rules[];
  chainClassSet?: Rules[];
  classDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  lookaheadCoverage?: Coverage[];
  classRecords?: { get(i: number): { get(i: number): { value1: Value; value2: Value } } };
  lookupType?: number;
  extension?: SubTable;
};
type Rule = { input?: number[]; classes?: number[]; lookahead?: number[] };
type Rules = Iterable<Rule> | null | undefined;
type Lookup = {
  lookupType: number;
  flags: { flags?: Record<string, boolean> };
  subTables: Iterable<SubTable>;
};
type Processor = {
  features: Record<string, unknown>;
  selectScript(script: string, language?: string, direction?: string): string;
  lookupsForFeatures(features: string[]): { feature: string; index: number; lookup: Lookup }[];
  coverageIndex(coverage: Coverage, glyph: number): number;
  getClassID(glyph: number, classDef: ClassDef): number;
};
type Engine = { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } };
type FontInternals = Fontkit.Font & {
  _layoutEngine?: Engine;
  GDEF?: { glyphClassDef?: ClassDef };
  fvar?: unknown;
  morx?: unknown;
};

/**
 * The features fontkit 2's default shaper (Latin, and the DFLT script) applies to every glyph, all in
 * one stage: variation, direction, common and horizontal features. The fraction features are local
 * (only around U+2044, which is never taken on the fast path).
 */
const GLOBAL_FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
];

const LOCAL_FEATURES = ['frac', 'numr', 'dnom'];

/** The scripts fontkit picks for plain text: Latin when a Latin letter is in it, else the default. */
const LATN = 0;
const DFLT = 1;
const SCRIPT_TAGS = ['latn', 'zzzz'] as const;

/** unicode-properties as fontkit itself resolves it: the same script and mark data as its shaping. */
type UnicodeProperties = { getScript(cp: number): string; isMark(cp: number): boolean };
let unicode: UnicodeProperties | undefined | null;
function unicodeProperties(): UnicodeProperties | undefined {
  if (unicode === undefined) {
    try {
      const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
      unicode = fromFontkit('unicode-properties') as UnicodeProperties;
    } catch {
      unicode = null;
    }
  }
  return unicode ?? undefined;
}

/**
 * Characters considered at all: Basic Latin, Latin-1, Latin Extended-A/B, general punctuation and
 * currency signs — minus the soft hyphen and the invisible format characters (fontkit hides
 * default-ignorables) and the fraction slash (it turns fraction features on around it).
 */
function inRepertoire(cp: number): boolean {
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0x24f) return cp !== 0xad;
  if (cp >= 0x2000 && cp <= 0x205e)
    return !(cp >= 0x200b && cp <= 0x200f) && !(cp >= 0x202a && cp <= 0x202e) && cp !== 0x2044;
  return cp >= 0x20a0 && cp <= 0x20c0;
}

const firstCoverage = (kind: 'GSUB' | 'GPOS', type: number, t: SubTable): Coverage | undefined => {
  if (kind === 'GPOS' && (type === 4 || type === 5)) return t.markCoverage;
  if (kind === 'GPOS' && type === 6) return t.mark1Coverage;
  const contextual = kind === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8;
  if (contextual && t.version === 3) return (type === 5 || type === 7 ? t.coverages : t.inputCoverage)?.[0];
  return t.coverage;
};

type ScriptTables = {
  /** GSUB lookups in the order fontkit applies them. */
  gsub: { type: number; tables: SubTable[] }[];
  /** GPOS lookups in order, extension subtables unwrapped. */
  gpos: { type: number; tables: SubTable[] }[];
};

function unwrap(lookup: Lookup, extensionType: number): { type: number; tables: SubTable[] } {
  const tables = [...lookup.subTables];
  if (lookup.lookupType !== extensionType) return { type: lookup.lookupType, tables };
  return {
    type: tables[0]?.lookupType ?? -1,
    tables: tables.map((t) => t.extension!),
  };
}

/**
 * The lookups fontkit would apply for a script, from its own processors. Undefined when a rule
 * could touch glyphs in a way this module does not follow (a lookup skipping base glyphs).
 */
function scriptTables(
  gsubP: Processor | undefined,
  gposP: Processor | undefined,
  script: string,
  features: Record<string, boolean>,
) {
  // As fontkit's plan reads them: a feature set on is added unless already planned (globally, or
  // locally like the fraction features, which fontkit itself writes back into the object it is given).
  const global = GLOBAL_FEATURES.filter((f) => features[f] !== false);
  for (const [tag, on] of Object.entries(features))
    if (on && !global.includes(tag) && !LOCAL_FEATURES.includes(tag)) global.push(tag);
  const lookups = (p: Processor | undefined) => {
    if (!p) return [];
    p.selectScript(script);
    return p.lookupsForFeatures(global).map((l) => l.lookup);
  };
  const gsub = lookups(gsubP);
  const gpos = lookups(gposP);
  if ([...gsub, ...gpos].some((l) => l.flags?.flags?.ignoreBaseGlyphs)) return undefined;
  // When GPOS does not kern this script, fontkit kerns with the legacy `kern` table.
  const gposKerns = gposP ? 'kern' in gposP.features : false;
  return { tables: { gsub: gsub.map((l) => unwrap(l, 7)), gpos: gpos.map((l) => unwrap(l, 9)) }, gposKerns };
}

/** A measurer for `font` shaped with `features` (see `fastShaping`). */
export const unitWidths = (font: Fontkit.Font, features: Record<string, boolean>): UnitWidth | undefined =>
  fastShaping(font, features)?.width;

/**
 * Widths and shapes for `font` with `features`, or undefined when the font is outside what this
 * module follows (variable, AAT, no layout engine of the expected shape).
 */
export function fastShaping(
  fontArg: Fontkit.Font,
  features: Record<string, boolean>,
): FastShaping | undefined {
  const font = fontArg as FontInternals;
  const props = unicodeProperties();
  if (!props || font.fvar || font.morx) return undefined;
  // The processors exist once the font has laid something out; its classes are fontkit's own.
  const sample = font.layout('a', { ...features }) as Fontkit.GlyphRun & { direction: string };
  const GlyphRun = sample.constructor as GlyphRunClass;
  const Position = sample.positions[0]?.constructor as PositionClass | undefined;
  if (!Position) return undefined;
  const engine = font._layoutEngine?.engine;
  const gsubP = engine?.GSUBProcessor ?? undefined;
  const gposP = engine?.GPOSProcessor ?? undefined;
  // Without GPOS, fontkit positions by other means (a legacy kern table, Unicode mark classes).
  const helper = gposP;
  if (!helper || typeof helper.coverageIndex !== 'function' || typeof helper.getClassID !== 'function')
    return undefined;
  const perScript = SCRIPT_TAGS.map((s) => scriptTables(gsubP, gposP, s, features));
  if (perScript.some((s) => !s || !s.gposKerns)) return undefined;
  const tables = perScript.map((s) => s!.tables);
  const gdefClasses = font.GDEF?.glyphClassDef;

  /**
   * What must follow a glyph for a ligature or a contextual rule to fire there: a glyph id, a class
   * of a class definition, or a coverage. Every glyph that could meet one of these is kept off the
   * fast path; then the rules that start at a fast glyph never fire, since what follows it is a
   * fast glyph too. A rule that needs nothing after its first glyph makes that glyph slow instead.
   */
  type Follower = { id: number } | { classDef: ClassDef; cls: number } | { coverage: Coverage };
  /** The follower a rule needs, or null when it needs none (it may fire on the glyph alone). */
  function follower(kind: 'GSUB' | 'GPOS', type: number, sub: SubTable, rule?: Rule): Follower | null {
    const chained = kind === 'GSUB' ? type === 6 : type === 8;
    if (sub.version === 3) {
      const next = chained ? (sub.inputCoverage?.[1] ?? sub.lookaheadCoverage?.[0]) : sub.coverages?.[1];
      return next === undefined ? null : { coverage: next };
    }
    if (!rule) return null;
    if (sub.version === 1) {
      const id = chained ? (rule.input?.[0] ?? rule.lookahead?.[0]) : rule.input?.[0];
      return id === undefined ? null : { id };
    }
    if (chained) {
      if (rule.input?.length) return { classDef: sub.inputClassDef, cls: rule.input[0]! };
      if (rule.lookahead?.length) return { classDef: sub.lookaheadClassDef, cls: rule.lookahead[0]! };
      return null;
    }
    return rule.classes?.length ? { classDef: sub.classDef, cls: rule.classes[0]! } : null;
  }
  const ruleSetsOf = (kind: 'GSUB' | 'GPOS', type: number, sub: SubTable): Rules[] => {
    const chained = kind === 'GSUB' ? type === 6 : type === 8;
    if (sub.version === 1) return (chained ? sub.chainRuleSets : sub.ruleSets) ?? [];
    if (sub.version === 2) return (chained ? sub.chainClassSet : sub.classSet) ?? [];
    return [];
  };
  const isContext = (kind: 'GSUB' | 'GPOS', type: number) =>
    kind === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8;

  function followersOf(kind: 'GSUB' | 'GPOS', lookups: { type: number; tables: SubTable[] }[]): Follower[] {
    const found: Follower[] = [];
    for (const { type, tables: subs } of lookups)
      for (const sub of subs) {
        if (kind === 'GSUB' && type === 4)
          for (let i = 0; i < (sub.ligatureSets?.length ?? 0); i++)
            for (const ligature of sub.ligatureSets!.get(i))
              if (ligature.components.length) found.push({ id: ligature.components[0]! });
        if (!isContext(kind, type)) continue;
        if (sub.version === 3) {
          const f = follower(kind, type, sub);
          if (f) found.push(f);
        } else
          for (const rules of ruleSetsOf(kind, type, sub))
            for (const rule of rules ?? []) {
              const f = follower(kind, type, sub, rule);
              if (f) found.push(f);
            }
      }
    return found;
  }
  const followers = tables.map((t) => [...followersOf('GSUB', t.gsub), ...followersOf('GPOS', t.gpos)]);
  const follows = (glyph: number, f: Follower) =>
    'id' in f
      ? f.id === glyph
      : 'cls' in f
        ? helper!.getClassID(glyph, f.classDef) === f.cls
        : helper!.coverageIndex(f.coverage, glyph) !== -1;

  /**
   * Whether a contextual rule or a ligature could fire at `glyph` with no follower: then the glyph
   * is slow. (Rules that need a follower never fire on the fast path: see `follower`.)
   */
  function firesAlone(
    kind: 'GSUB' | 'GPOS',
    type: number,
    sub: SubTable,
    index: number,
    glyph: number,
  ): boolean {
    if (kind === 'GSUB' && type === 4)
      return [...sub.ligatureSets!.get(index)].some((l) => l.components.length === 0);
    if (sub.version === 3) return follower(kind, type, sub) === null;
    const sets = ruleSetsOf(kind, type, sub);
    const at =
      sub.version === 1
        ? index
        : helper!.getClassID(
            glyph,
            (kind === 'GSUB' && type === 6) || (kind === 'GPOS' && type === 8)
              ? sub.inputClassDef
              : sub.classDef,
          );
    if (at < 0) return false;
    for (const rule of sets[at] ?? []) if (follower(kind, type, sub, rule) === null) return true;
    return false;
  }

  /**
   * The glyph after substitution, or -1 when a substitution other than one-to-one could apply; each
   * glyph it passes through goes into `seen`.
   */
  function substituted(glyph: number, t: ScriptTables, seen: number[]): number {
    let g = glyph;
    seen.push(g);
    for (const { type, tables: subs } of t.gsub) {
      for (const sub of subs) {
        const cov = firstCoverage('GSUB', type, sub);
        if (cov === undefined) return -1;
        const index = helper!.coverageIndex(cov, g);
        if (index === -1) continue;
        if (type === 4 || isContext('GSUB', type)) {
          if (firesAlone('GSUB', type, sub, index, g)) return -1;
          continue;
        }
        if (type !== 1) return -1;
        g =
          sub.version === 1
            ? (g + sub.deltaGlyphID!) & 0xffff
            : sub.version === 2
              ? sub.substitute!.get(index)
              : -1;
        if (g < 0) return -1;
        seen.push(g);
        break;
      }
    }
    return g;
  }

  /** Whether positioning could do more to `glyph` than kern it with its neighbours. */
  function positionedAlone(glyph: number, t: ScriptTables): boolean {
    for (const { type, tables: subs } of t.gpos) {
      if (type === 2) continue;
      for (const sub of subs) {
        const cov = firstCoverage('GPOS', type, sub);
        if (cov === undefined) return true;
        const index = helper!.coverageIndex(cov, glyph);
        if (index === -1) continue;
        if (!isContext('GPOS', type) || firesAlone('GPOS', type, sub, index, glyph)) return true;
      }
    }
    return false;
  }

  // Per character (BMP): 0 not looked at yet, -1 not on the fast path, else 1 + the glyph id, per script.
  const glyphOf = [new Int32Array(0x10000), new Int32Array(0x10000)];
  const latin = new Uint8Array(0x10000);
  const glyphCount = font.numGlyphs;
  const advances = new Float64Array(glyphCount);

  function classify(cp: number): void {
    const fail = () => {
      glyphOf[LATN]![cp] = -1;
      glyphOf[DFLT]![cp] = -1;
    };
    if (!inRepertoire(cp) || props!.isMark(cp)) return fail();
    const script = props!.getScript(cp);
    if (script !== 'Latin' && script !== 'Common') return fail();
    latin[cp] = script === 'Latin' ? 1 : 0;
    const glyph = font.glyphForCodePoint(cp);
    if (!glyph || glyph.id === 0) return fail();
    for (const s of [LATN, DFLT]) {
      const seen: number[] = [];
      const g = substituted(glyph.id, tables[s]!, seen);
      if (seen.some((x) => followers[s]!.some((f) => follows(x, f)))) return fail();
      // Ligatures and marks are what lookup flags skip over: kerning would no longer be pairwise.
      const classes = gdefClasses ? [glyph.id, g].map((x) => helper!.getClassID(x, gdefClasses)) : [];
      if (g < 0 || classes.some((c) => c === 2 || c === 3) || positionedAlone(g, tables[s]!)) return fail();
      glyphOf[s]![cp] = g + 1;
      if (g >= glyphCount) return fail();
      advances[g] = font.getGlyph(g).advanceWidth;
    }
  }

  // Kerning by first glyph, then second: a row per glyph that starts a pair, NOT_YET until asked.
  const NOT_YET = 0x7fffffff;
  const kerns: (Int32Array | undefined)[][] = [[], []];
  function kernRow(first: number, script: number): Int32Array {
    const row = new Int32Array(glyphCount).fill(NOT_YET);
    kerns[script]![first] = row;
    return row;
  }
  /** What every kerning lookup adds to the advances of `a` followed by `b`, as fontkit applies it. */
  function pairKern(a: number, b: number, t: ScriptTables): number {
    const v = pairValues(a, b, t);
    return v[0]! + v[4]!;
  }

  /**
   * What every kerning lookup adds to `a` followed by `b`, as fontkit applies it: x advance, y
   * advance, x offset, y offset of `a`, then of `b`.
   */
  function pairValues(a: number, b: number, t: ScriptTables): number[] {
    const sums = [0, 0, 0, 0, 0, 0, 0, 0];
    const add = (value: Value, at: number) => {
      if (!value) return;
      sums[at] = sums[at]! + (value.xAdvance ?? 0);
      sums[at + 1] = sums[at + 1]! + (value.yAdvance ?? 0);
      sums[at + 2] = sums[at + 2]! + (value.xPlacement ?? 0);
      sums[at + 3] = sums[at + 3]! + (value.yPlacement ?? 0);
    };
    for (const { type, tables: subs } of t.gpos) {
      if (type !== 2) continue;
      for (const sub of subs) {
        const index = sub.coverage === undefined ? -1 : helper!.coverageIndex(sub.coverage, a);
        if (index === -1) continue;
        let pair: { value1: Value; value2: Value } | undefined;
        if (sub.version === 1) {
          for (const p of sub.pairSets!.get(index))
            if (p.secondGlyph === b) {
              pair = p;
              break;
            }
          if (!pair) continue;
        } else if (sub.version === 2) {
          const c1 = helper!.getClassID(a, sub.classDef1);
          const c2 = helper!.getClassID(b, sub.classDef2);
          if (c1 === -1 || c2 === -1) continue;
          pair = sub.classRecords!.get(c1).get(c2);
        } else continue;
        add(pair.value1, 0);
        add(pair.value2, 4);
        break;
      }
    }
    return sums;
  }

  /** The script fontkit picks for `text` (LATN or DFLT), or -1 when the text is not for the fast path. */
  function scriptOf(text: string): number {
    let script = DFLT;
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      if (glyphOf[LATN]![cp] === 0) classify(cp);
      if (glyphOf[LATN]![cp]! < 0) return -1;
      if (latin[cp]) script = LATN;
    }
    return script;
  }

  const pairs = [new Map<number, number[]>(), new Map<number, number[]>()];
  /**
   * The glyphs of `text` and their positions in font units, as fontkit's `layout` gives them, or
   * undefined when the text is not for the fast path.
   */
  function shape(text: string): Shaped | undefined {
    const script = scriptOf(text);
    if (script < 0) return undefined;
    const n = text.length;
    const codePoints = new Array<number>(n);
    const originals = new Array<number>(n);
    const glyphs = new Array<number>(n);
    const positions = new Array<[number, number, number, number]>(n);
    for (let i = 0; i < n; i++) {
      const cp = text.charCodeAt(i);
      codePoints[i] = cp;
      originals[i] = font.glyphForCodePoint(cp).id;
      const g = glyphOf[script]![cp]! - 1;
      glyphs[i] = g;
      positions[i] = [advances[g]!, 0, 0, 0];
    }
    for (let i = 1; i < n; i++) {
      const key = glyphs[i - 1]! * 0x10000 + glyphs[i]!;
      let v = pairs[script]!.get(key);
      if (!v) pairs[script]!.set(key, (v = pairValues(glyphs[i - 1]!, glyphs[i]!, tables[script]!)));
      const before = positions[i - 1]!;
      const at = positions[i]!;
      for (let k = 0; k < 4; k++) {
        before[k] = before[k]! + v[k]!;
        at[k] = at[k]! + v[k + 4]!;
      }
    }
    return { script: SCRIPT_TAGS[script]!, codePoints, originals, glyphs, positions };
  }

  function run(text: string): Fontkit.GlyphRun | undefined {
    const shaped = shape(text);
    if (!shaped) return undefined;
    const n = shaped.glyphs.length;
    for (let i = 0; i < n; i++) font.getGlyph(shaped.originals[i]!, [shaped.codePoints[i]!]);
    const glyphs = shaped.glyphs.map((g, i) => font.getGlyph(g, [shaped.codePoints[i]!]));
    // fontkit asks for the space glyph after every layout (to hide default-ignorable characters).
    font.glyphForCodePoint(0x20);
    const result = new GlyphRun(glyphs, features, shaped.script, null, sample.direction);
    result.positions = shaped.positions.map(([x, y, dx, dy]) => new Position!(x, y, dx, dy));
    return result;
  }

  function width(text: string): number | undefined {
    const script = scriptOf(text);
    if (script < 0) return undefined;
    const n = text.length;
    const glyphs = glyphOf[script]!;
    const rows = kerns[script]!;
    let units = 0;
    let previous = -1;
    for (let i = 0; i < n; i++) {
      const g = glyphs[text.charCodeAt(i)]! - 1;
      units += advances[g]!;
      if (previous >= 0) {
        const row = rows[previous] ?? kernRow(previous, script);
        let k = row[g]!;
        if (k === NOT_YET) row[g] = k = pairKern(previous, g, tables[script]!);
        units += k;
      }
      previous = g;
    }
    return units;
  }

  return { width, shape, run };
}
