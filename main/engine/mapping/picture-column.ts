// A column of picture files is recognised by what it holds, whatever its header says ("Fichier",
// "Colonne K", none at all): most of its cells are file names or paths ending in an image
// extension (`laiton/bouchon.png`, `IMG_0042.JPG`, `photos\cle-13.jpeg`, `https://…/x.webp`).
// Read from the table's rows rather than the column's few samples, so one odd value does not decide.
import { cellText } from '../common/cell-text.ts';
import type { Cell, SourceTable } from '../model.ts';

const PICTURE_FILE = /\.(jpe?g|png|gif|tiff?|webp|bmp|heic|heif|avif|psd|eps)$/i;
const WEB_ADDRESS = /^[a-z][a-z\d+.-]*:\/\//i;

/** Cells read per column: enough to see the pattern, bounded for a 100,000-row sheet. */
const SCANNED = 200;
/** "Mostly": a few cells saying « à venir » or left as a remark do not hide the pattern. */
const SHARE = 0.6;

/** A file name or path (or web address) of a picture: one line, ending in an image extension. */
export const isPictureName = (text: string): boolean => {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 500 || /[\r\n]/.test(trimmed)) return false;
  // A web address ends its path before "?" or "#": "…/x.webp?v=3".
  const path = WEB_ADDRESS.test(trimmed) ? trimmed.replace(/[?#].*$/, '') : trimmed;
  return PICTURE_FILE.test(path);
};

const namesPicture = (cell: Cell): boolean =>
  isPictureName(cellText(cell)) || (cell.value.kind === 'hyperlink' && isPictureName(cell.value.url));

const verdicts = new WeakMap<SourceTable, Map<number, boolean>>();

/** Whether most filled cells of the column at `index` name picture files. Memoised per table. */
export const isPictureColumn = (table: SourceTable, index: number): boolean => {
  let known = verdicts.get(table);
  if (!known) verdicts.set(table, (known = new Map()));
  const cached = known.get(index);
  if (cached !== undefined) return cached;
  let filled = 0;
  let pictures = 0;
  for (const row of table.rows) {
    const cell = row.cells[index];
    if (!cell || cell.value.kind === 'empty') continue;
    filled++;
    if (namesPicture(cell)) pictures++;
    if (filled >= SCANNED) break;
  }
  // A table built without its rows (a summary) still has the column's samples.
  if (filled === 0) {
    const samples = table.columns[index]?.samples.filter((sample) => sample.trim() !== '') ?? [];
    filled = samples.length;
    pictures = samples.filter(isPictureName).length;
  }
  const verdict = filled > 0 && pictures >= filled * SHARE;
  known.set(index, verdict);
  return verdict;
};
