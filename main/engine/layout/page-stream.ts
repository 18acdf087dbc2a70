// Fills pages top to bottom: asks for room, opens a new page when there is none, and remembers which
// group each page shows (for "(suite)" headers and the running head). A page is never touched once
// the next one is open, so a finished page can be handed on (drawn, spilled to disk) instead of
// kept: that is what keeps a 100,000-product build's memory flat.
import type { Box, PlanPage } from './layout-plan.ts';
import type { Geometry } from './page-geometry.ts';

/** `group`: the first group the page shows; `lastGroup`: the last, when it shows more than one. */
export type StreamPage = PlanPage & { group?: string; lastGroup?: string };
/** Receives each page once it is finished; without one, the stream keeps them all in `pages`. */
export type PageSink = (page: StreamPage) => void;
/** A band kept free at the foot of every page, and what fills it once the page is finished. */
export type PageFoot = { height: number; draw: (page: StreamPage, top: number) => void };

export class PageStream {
  /** The finished pages and the current one, when no sink takes them. */
  readonly pages: StreamPage[] = [];
  private current: StreamPage | undefined;
  private opened = 0;
  private cursor = 0;
  private foot: PageFoot | undefined;

  constructor(
    private readonly geometry: Geometry,
    private readonly firstNumber: number,
    private readonly sink?: PageSink,
  ) {}

  get page(): StreamPage {
    if (!this.current) this.newPage();
    return this.current!;
  }

  /** Pages opened so far. */
  get count(): number {
    return this.opened;
  }

  /** Top of the free space on the current page. */
  get y(): number {
    return this.geometry.content.y + this.cursor;
  }

  get remaining(): number {
    return this.pageHeight - this.cursor;
  }

  /** The height a page gives its flow: the content area less the foot band, if any. */
  get pageHeight(): number {
    return this.geometry.content.height - (this.foot?.height ?? 0);
  }

  /**
   * Keeps `foot.height` points free at the foot of every page from now on, and has `foot.draw` fill
   * them when each page is finished (a price legend that says only what the page shows).
   */
  setFoot(foot: PageFoot | undefined): void {
    this.foot = foot;
  }

  get isFresh(): boolean {
    return this.cursor === 0;
  }

  newPage(group?: string): void {
    this.handOn();
    this.current = {
      number: this.firstNumber + this.opened,
      boxes: [],
      bookmarks: [],
      ...(group !== undefined ? { group } : {}),
    };
    this.opened++;
    if (!this.sink) this.pages.push(this.current);
    this.cursor = 0;
  }

  /** Hands the last page to the sink: call once the flow is done. */
  finish(): void {
    this.handOn();
    this.current = undefined;
  }

  /** Reserves `height` points, on a new page if this one has no room; returns the top y. */
  take(height: number, group?: string): number {
    // A hundredth of a point of rounding must not push a row that fits onto the next page.
    if (!this.current || (height > this.remaining + 0.01 && !this.isFresh)) this.newPage(group);
    const top = this.y;
    this.cursor += height;
    if (group !== undefined && this.page.group === undefined) this.page.group = group;
    else if (group !== undefined && group !== this.page.group) this.page.lastGroup = group;
    return top;
  }

  add(...boxes: Box[]): void {
    this.page.boxes.push(...boxes);
  }

  private handOn(): void {
    if (!this.current) return;
    this.foot?.draw(this.current, this.geometry.content.y + this.pageHeight);
    this.sink?.(this.current);
  }
}
