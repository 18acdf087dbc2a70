// A cell as the user reads it in Excel, for samples, messages and text transforms.
import type { Cell } from '../model.ts';

export function cellText(cell: Cell): string {
  const v = cell.value;
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    default:
      return v.value;
  }
}

export const isBlank = (cell: Cell | undefined) => cell === undefined || cell.value.kind === 'empty';
