// Fills pages top to bottom: asks for room, opens a new page when there is none, and remembers which
// group each page shows (for "(suite)" headers and the running head).
import type { Box, PlanPage } from './layout-plan.ts';
import type { Geometry } from './page-geometry.ts';

export class PageStream {
  readonly pages: (PlanPage & { group?: string })[] = [];
  private cursor = 0;

  constructor(
    private readonly geometry: Geometry,
    private readonly firstNumber: number,
  ) {}

  get page(): PlanPage & { group?: string } {
    if (this.pages.length === 0) this.newPage();
    return this.pages.at(-1)!;
  }

  /** Top of the free space on the current page. */
  get y(): number {
    return this.geometry.content.y + this.cursor;
  }

  get remaining(): number {
    return this.geometry.content.height - this.cursor;
  }

  get isFresh(): boolean {
    return this.cursor === 0;
  }

  newPage(group?: string): void {
    this.pages.push({
      number: this.firstNumber + this.pages.length,
      boxes: [],
      bookmarks: [],
      ...(group !== undefined ? { group } : {}),
    });
    this.cursor = 0;
  }

  /** Reserves `height` points, on a new page if this one has no room; returns the top y. */
  take(height: number, group?: string): number {
    // A hundredth of a point of rounding must not push a row that fits onto the next page.
    if (this.pages.length === 0 || (height > this.remaining + 0.01 && !this.isFresh)) this.newPage(group);
    const top = this.y;
    this.cursor += height;
    if (group !== undefined && this.page.group === undefined) this.page.group = group;
    return top;
  }

  add(...boxes: Box[]): void {
    this.page.boxes.push(...boxes);
  }
}
