// One Cell per distinct number and format, shared by every cell of a sheet that holds it (cells are
// plain data, never mutated): prices, rates, weights and stocks repeat down a price list, so a large
// sheet's rows hold a few thousand number objects instead of a million, which the garbage collector
// would otherwise copy and trace as the rows pile up. An open-addressing table over the number's bits
// rather than a Map: a Map hashes a non-integer key through a slow path, on nearly every cell.
import type { Cell } from '../model.ts';

/** Distinct numbers kept for sharing, at most: a column of unique numbers (EANs) must not grow it without end. */
const KEPT_MAX = 65_536;
/** From this size on, a number is taken for a code, not shared (see `get`). */
const UNIQUE_FROM = 1e8;

const scratch = new Float64Array(1);
const halves = new Uint32Array(scratch.buffer);

const cellOf = (value: number, numFmt: string | undefined): Cell =>
  numFmt === undefined ? { value: { kind: 'number', value } } : { value: { kind: 'number', value, numFmt } };

export class NumberCells {
  private size = 1024;
  private keys = new Float64Array(this.size);
  private formats: (string | undefined)[] = new Array<string | undefined>(this.size).fill(undefined);
  private cells: (Cell | undefined)[] = new Array<Cell | undefined>(this.size).fill(undefined);
  private count = 0;

  /** The Cell of `value` shown with `numFmt` (undefined: General). */
  get(value: number, numFmt: string | undefined): Cell {
    // -0 would be taken for 0 (=== says they are equal): rare enough to be built each time.
    if (value === 0 && 1 / value < 0) return cellOf(value, numFmt);
    // Numbers of nine digits or more are codes (EANs, GTINs), unique by design: kept, a column of
    // them would fill the table for nothing, push out the prices that do repeat, and make every
    // probe a cache miss in a table too large for the processor's caches.
    if (value >= UNIQUE_FROM || value <= -UNIQUE_FROM) return cellOf(value, numFmt);
    const mask = this.size - 1;
    let h = slot(value, mask);
    for (;;) {
      const found = this.cells[h];
      if (found === undefined) break;
      if (this.keys[h] === value && this.formats[h] === numFmt) return found;
      h = (h + 1) & mask;
    }
    const cell = cellOf(value, numFmt);
    if (this.count >= KEPT_MAX) return cell;
    this.keys[h] = value;
    this.formats[h] = numFmt;
    this.cells[h] = cell;
    // Kept at most half full, so a miss ends after a probe or two.
    if (++this.count * 2 > this.size) this.grow();
    return cell;
  }

  private grow(): void {
    const { keys, formats, cells } = this;
    this.size *= 2;
    this.keys = new Float64Array(this.size);
    this.formats = new Array<string | undefined>(this.size).fill(undefined);
    this.cells = new Array<Cell | undefined>(this.size).fill(undefined);
    const mask = this.size - 1;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      let h = slot(keys[i]!, mask);
      while (this.cells[h] !== undefined) h = (h + 1) & mask;
      this.keys[h] = keys[i]!;
      this.formats[h] = formats[i];
      this.cells[h] = cell;
    }
  }
}

/** Where `value` starts probing: its 64 bits mixed (prices differ in the low bits, integers in the high ones). */
function slot(value: number, mask: number): number {
  scratch[0] = value;
  return (Math.imul(halves[0]! ^ Math.imul(halves[1]!, 0x9e3779b1), 0x85ebca6b) >>> 13) & mask;
}
