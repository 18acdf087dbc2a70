// Where a key moves the grid's focus, as spreadsheets and the ARIA grid pattern do it: arrows by one,
// Home/End along the row, Ctrl+Home/End to the corners, PageUp/PageDown by a screenful.
export type Position = { index: number; col: number };
export type GridSize = { rows: number; cols: number; page: number };

export function moveFocus(key: string, ctrl: boolean, at: Position, size: GridSize): Position | undefined {
  const clamp = (index: number, col: number): Position => ({
    index: Math.max(0, Math.min(size.rows - 1, index)),
    col: Math.max(0, Math.min(size.cols - 1, col)),
  });
  if (size.rows === 0 || size.cols === 0) return undefined;
  switch (key) {
    case 'ArrowUp':
      return clamp(at.index - 1, at.col);
    case 'ArrowDown':
      return clamp(at.index + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.index, at.col - 1);
    case 'ArrowRight':
      return clamp(at.index, at.col + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.index, 0);
    case 'End':
      return ctrl ? clamp(size.rows - 1, size.cols - 1) : clamp(at.index, size.cols - 1);
    case 'PageUp':
      return clamp(at.index - size.page, at.col);
    case 'PageDown':
      return clamp(at.index + size.page, at.col);
    default:
      return undefined;
  }
}
