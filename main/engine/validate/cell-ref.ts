// Cell references exactly as Excel writes them, so a user can paste one into the Name Box.
import type { CellAddress } from '../model.ts';

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell address. */
export function quoteSheet(sheet: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatRef(address: CellAddress): string {
  const where = address.column ? `${address.column}${address.row}` : `${address.row}:${address.row}`;
  return `${quoteSheet(address.sheet)}!${where}`;
}
