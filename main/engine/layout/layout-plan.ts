// The layout's output: pages of positioned boxes, in points, origin at the top-left corner of the
// trimmed page. Everything the PDF writer needs and nothing it must compute: lines are broken,
// sizes fitted, pictures placed. Plain data, so preflight and tests read it directly.
import type { Issue } from '../model.ts';
import type { Cmyk } from '../templates/layout-schema.ts';
import type { FontRef } from './fonts.ts';

export type GlyphRun = { text: string; font: FontRef; size: number; color: Cmyk; x: number };
export type TextLine = { baseline: number; runs: GlyphRun[] };

export type Rect = { x: number; y: number; width: number; height: number };

export type TextBox = Rect & {
  kind: 'text';
  /** The paragraph style's name: preflight and tests find boxes by it. */
  style: string;
  lines: TextLine[];
  overset: boolean;
  /** The catalog row this text belongs to, for issues and the index. */
  row?: number;
  field?: string;
  /** A TOC entry links to its page in screen PDFs. */
  linkToPage?: number;
};

export type ImageSource = { path: string } | { bytes: Uint8Array; extension: string };

export type ImageBox = Rect & {
  kind: 'image';
  /** Where the picture is drawn; larger than the frame when cropped (`cover`). */
  placed: Rect;
  source?: ImageSource;
  /** Pixel size of the source, to check its resolution at the placed size. */
  pixels?: { width: number; height: number };
  /** The source's colour space ('srgb', 'cmyk'…): preflight tells of RGB pictures in print. */
  space?: string;
  row?: number;
};

export type RectBox = Rect & {
  kind: 'rect';
  fill?: Cmyk;
  /**
   * The fill's own sRGB, for screen PDFs, when it was read off a picture (a backdrop run to the frame's
   * edge): the naive CMYK → RGB would not meet the picture's pixels.
   */
  fillRgb?: [number, number, number];
  stroke?: Cmyk;
  lineWidth?: number;
};

export type Box = TextBox | ImageBox | RectBox;

export type PlanPage = {
  /** 1-based, as printed in the folio. */
  number: number;
  boxes: Box[];
  /** Bookmarks that start on this page (screen PDFs): group names. */
  bookmarks: string[];
};

export type LayoutPlan = {
  title: string;
  /** Trim size in points. */
  width: number;
  height: number;
  bleed: number;
  marks: boolean;
  /** Area inside the margins, where text must stay: a right-hand page's, with facing pages. */
  safe: Rect;
  /** Facing pages: a left-hand (even) page's safe area, the mirror of `safe`. */
  safeLeft?: Rect;
  pages: PlanPage[];
  issues: Issue[];
};

/** A plan's page size and boxes without its pages: what a PDF needs before its first page. */
export type PlanFrame = Omit<LayoutPlan, 'pages' | 'issues'>;
