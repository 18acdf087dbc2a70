// How the benchmarks print figures: a plain-text table with figures right-aligned, and the few
// number formats every table uses, so the import and render tables read the same way.

// Rounding a tiny negative (heap noise) would print "-0".
export const fixed = (n: number | undefined, digits: number): string =>
  n === undefined ? '—' : (Math.abs(n) < 0.5 * 10 ** -digits ? 0 : n).toFixed(digits);

/** 100 000: thin groups a reader in any locale takes for thousands. */
export const grouped = (n: number | undefined): string =>
  n === undefined ? '—' : Math.round(n).toLocaleString('en-US').replaceAll(',', ' ');

export const times = (n: number | undefined): string => (n === undefined ? '—' : `${n.toFixed(2)}×`);

/** `low–high`, each divided by `scale`; a dash when there is no range (a single run). */
export const span = (pair: [number, number] | undefined, scale: number, digits: number): string =>
  pair ? `${(pair[0] / scale).toFixed(digits)}–${(pair[1] / scale).toFixed(digits)}` : '—';

/** The first `textColumns` columns (names, modes) read left-aligned, figures right-aligned so their digits line up. */
export function renderTable(
  header: readonly string[],
  body: readonly string[][],
  textColumns: number,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
