// How Excel names columns, for a page that labels rows and columns as Excel does: pure code the
// renderer may import at run time (the rest of the contract it imports as types only).
export { columnIndex, columnLetter } from '../engine/common/column-letter.ts';
