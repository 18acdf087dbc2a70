// Cell references exactly as Excel writes them, so a user can paste one into the Name Box.
import type { CellAddress } from '../model.ts';

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;
// Excel also reads R1C1-style names as references: R, C, RC, and anything starting R<n>, C<n>, RC<n>.
const R1C1_LIKE = /^(R|C|RC)$|^R\d+|^R?C\d+/i;

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a reference. */
export function quoteSheet(sheet: string): string {
  const plain = IDENTIFIER.test(sheet) && !A1_LIKE.test(sheet) && !R1C1_LIKE.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatRef(address: CellAddress): string {
  const where = address.column ? `${address.column}${address.row}` : `${address.row}:${address.row}`;
  return `${quoteSheet(address.sheet)}!${where}`;
}
