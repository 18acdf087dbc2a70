// Decides what each row under the header is — product, variant, category, note, total — the way a
// person reading the sheet would, and says why. Real price lists mix all of these in one table: a
// family name merged across the columns, a "Sous-total" with a SUM formula, "** DOC : …" under the
// table, a shop export whose size and colour rows leave the product's title blank.
import type { Cell, RawRow, RawSheet, RowDecision, Translated } from '../model.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';
import {
  isLabelValue,
  isSentence,
  isSumFormula,
  looksLikeCode,
  readsAsWords,
  sharesStem,
  SHORT_TEXT,
  shorten,
  startsLikeNote,
  startsLikeTotal,
} from './row-texts.ts';

export type RoleContext = {
  /** Column names, as the table will show them. */
  headers: string[];
  width: number;
  merges: RawSheet['merges'];
};

// Header words, folded (see foldForMatch): the column that names a product, and the columns that
// identify it (a reference, a shop platform's handle).
const NAME_HINT =
  /\b(nom|name|title|titre|designations?|libelles?|produits?|products?|denominations?|bezeichnung|produktname|artikelbezeichnung|producto|nombre|vins?|wines?|modeles?|models?|intitule)\b/;
const NOT_NAME_HINT = /\b(image|photo|visuel|fichier|file|fournisseur|supplier|marque|brand|vendor)\b/;
// Keys shared by every variant of a product (a shop platform's handle), as opposed to per-item codes.
const PRODUCT_KEY_HINT = /\b(handle|parent|parent sku|style|style code|product id|id produit|item group)\b/;
const KEY_HINT =
  /\b(handle|ref|refs|reference|references|code|sku|article|art nr|artikelnummer|item no|item number|part number|parent|ean|gtin|upc)\b/;

const NUMERIC_TEXT = /^[-+(]?[\s\d.,'’\u00a0\u202f]*\d[\s\d.,'’\u00a0\u202f]*[)%]?\s*(?:[^\s\d]{1,4})?$/u;

/**
 * Whether `text` holds anything `normalizeSpaces` would change: a space at either end or doubled, any
 * other whitespace (`\s`), a zero-width character. Most cells hold plain single-spaced text, and this
 * test (one pass, no regular expression: it runs on nearly every cell of a large sheet) costs less
 * than normalising.
 */
function hasOddSpace(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (text.charCodeAt(i + 1) === 32) return true;
    } else if (c < 33) {
      if (c >= 9 && c <= 13) return true;
    } else if (c >= 0xa0) {
      if (
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200d) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x2060 ||
        c === 0x3000 ||
        c === 0xfeff
      )
        return true;
    }
  }
  return false;
}
const textOf = (cell: Cell | undefined): string => {
  if (!cell) return '';
  const text = cellText(cell);
  return hasOddSpace(text) ? normalizeSpaces(text) : text;
};
/**
 * The same text but for case. Compared in place while both are ASCII (nearly always, and then no
 * lowercased copy is made for every row of a large sheet); beyond, as `toLowerCase` compares them.
 */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  // One is an ASCII start of the other: equal only if the rest lowercases to nothing, i.e. is empty.
  return a.length === b.length;
}

/**
 * Whether `text` could lowercase to `lower`: lowercasing keeps a string's length but for U+0130 (İ),
 * which doubles, so a length out of range settles it without a lowercased copy.
 */
const mayLowerTo = (text: string, lower: string) =>
  lower.length >= text.length && lower.length <= 2 * text.length;

/** Spaces in `text`, plus one: `text.split(' ').length` without the array. */
function wordCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

function isNumeric(cell: Cell): boolean {
  const v = cell.value;
  if (v.kind === 'number') return true;
  if (v.kind !== 'text') return false;
  // A text starting with a letter is no number: settled without trimming a copy or a regular expression.
  const c = v.value.charCodeAt(0) | 0x20;
  if (c >= 97 && c <= 122) return false;
  return NUMERIC_TEXT.test(v.value.trim()) && !looksLikeCode(v.value.replace(/[\s.,]/g, 'x'));
}

/** Distinct cells remembered per column (the profile's counts, the decisions' texts). */
const SEEN_MAX = 8192;

type Profile = {
  nameColumn: number;
  keyColumns: number[];
  numericColumns: Set<number>;
  /**
   * The filled columns of each row, one bit a column (tables of at most 31 columns): the decisions
   * then never look at a blank cell again. Read cell by cell, a large sheet's cells are scattered in
   * memory, and each look is a trip to it.
   */
  filledMasks: Int32Array | undefined;
};

/** Which columns name, identify and price the products, from headers and from the cells below. */
function profileColumns(rows: RawRow[], ctx: RoleContext): Profile {
  const folded = ctx.headers.map((h) => foldForMatch(h));
  const hinted = folded.findIndex((h) => NAME_HINT.test(h) && !NOT_NAME_HINT.test(h) && !KEY_HINT.test(h));
  // What the counts below are for, so that no cell's text is read for nothing: words only pick the
  // name column when no header names it; codes pick the key columns a header does not name (and
  // rule out name columns). Numbers are counted everywhere.
  const needWords = hinted < 0;
  const needCodes = folded.map((h, i) => hinted < 0 || (i !== hinted && !KEY_HINT.test(h)));
  const filled = new Array<number>(ctx.width).fill(0);
  const numeric = new Array<number>(ctx.width).fill(0);
  const codes = new Array<number>(ctx.width).fill(0);
  const words = new Array<number>(ctx.width).fill(0);
  // The cell last seen in each column and what it counted: a family, brand or packing repeated down
  // the rows is the same Cell (one per shared string), so its text is read once per run of rows.
  const lastCell = new Array<Cell | undefined>(ctx.width).fill(undefined);
  const lastCounts = new Array<number>(ctx.width).fill(0);
  // And the cells already seen in each column, up to a bound: a brand or packing that comes back
  // every few rows, not in runs, is read once too (a column of unique texts soon stops adding).
  const seen: (Map<Cell, number> | undefined)[] = Array.from({ length: ctx.width }, () => new Map());
  const hits = new Array<number>(ctx.width).fill(0);
  const filledMasks = ctx.width <= 31 ? new Int32Array(rows.length) : undefined;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!.cells;
    const end = Math.min(cells.length, ctx.width);
    let mask = 0;
    for (let i = 0; i < end; i++) {
      const cell = cells[i];
      if (isBlank(cell)) continue;
      filled[i]!++;
      mask |= 1 << i;
      // A number is numeric, no code, and one word: its text need not even be written.
      if (cell!.value.kind === 'number') {
        numeric[i]!++;
        words[i]!++;
        continue;
      }
      // Packed: bit 0 numeric, bit 1 code, the rest the word count.
      let counts: number;
      if (cell === lastCell[i]) counts = lastCounts[i]!;
      else {
        const known = seen[i];
        const cached = known?.get(cell!);
        if (cached !== undefined) {
          counts = cached;
          hits[i]!++;
        } else {
          const codes = needCodes[i] === true && cell!.value.kind === 'text';
          const text = codes || needWords ? textOf(cell) : '';
          counts =
            (isNumeric(cell!) ? 1 : 0) |
            (codes && looksLikeCode(text) ? 2 : 0) |
            (needWords ? wordCount(text) << 2 : 0);
          if (known && known.size < SEEN_MAX) known.set(cell!, counts);
          // A column of unique texts fills its map without a hit: then it is no longer asked.
          else if (known && hits[i]! < SEEN_MAX / 8) seen[i] = undefined;
        }
        lastCell[i] = cell;
        lastCounts[i] = counts;
      }
      numeric[i]! += counts & 1;
      codes[i]! += (counts >> 1) & 1;
      words[i]! += counts >>> 2;
    }
    if (filledMasks) filledMasks[r] = mask;
  }
  const numericColumns = new Set<number>();
  filled.forEach((n, i) => {
    if (n >= 2 && numeric[i]! >= n * 0.6) numericColumns.add(i);
  });
  let nameColumn = hinted;
  if (nameColumn < 0) {
    // No header says "name": the text column with the most words per cell is the product's name.
    let best = 0;
    filled.forEach((n, i) => {
      if (n < rows.length * 0.3 || numericColumns.has(i) || codes[i]! > n * 0.5) return;
      const perCell = words[i]! / n;
      if (perCell > best) [best, nameColumn] = [perCell, i];
    });
  }
  const keyColumns: number[] = [];
  folded.forEach((h, i) => {
    if (i === nameColumn || numericColumns.has(i)) return;
    if (KEY_HINT.test(h) || (filled[i]! >= 2 && codes[i]! >= filled[i]! * 0.6)) keyColumns.push(i);
  });
  return { nameColumn, keyColumns, numericColumns, filledMasks };
}

const say = (fr: string, en: string): Translated => ({ fr, en });
// Nearly every row's reason: one object shared by them all (decisions are plain data, never mutated).
const PRODUCT_ROW: Translated = Object.freeze(say('ligne de produit', 'product row'));

/**
 * The text of the cell last read in each column. A family, pack or name repeated down the rows is
 * the same Cell (one per shared string), and a row's name is read by several rules: read once.
 */
class ColumnTexts {
  private readonly cells: (Cell | undefined)[];
  private readonly texts: string[];
  /** And the texts already read in each column, up to a bound: names and descriptions come back. */
  private readonly seen: (Map<Cell, string> | undefined)[];
  private readonly hits: number[];
  constructor(width: number) {
    this.cells = new Array<Cell | undefined>(width).fill(undefined);
    this.texts = new Array<string>(width).fill('');
    this.seen = Array.from({ length: width }, () => new Map<Cell, string>());
    this.hits = new Array<number>(width).fill(0);
  }
  of(index: number, cell: Cell | undefined): string {
    if (cell === undefined) return '';
    if (this.cells[index] === cell) return this.texts[index]!;
    if (index >= this.cells.length) return textOf(cell);
    const known = this.seen[index];
    // A column of unique texts (references) fills its map without a hit: then it is no longer asked.
    let text = known?.get(cell);
    if (text === undefined) {
      text = textOf(cell);
      if (known && known.size < SEEN_MAX) known.set(cell, text);
      else if (known && this.hits[index]! < SEEN_MAX / 8) this.seen[index] = undefined;
    } else this.hits[index]!++;
    this.cells[index] = cell;
    this.texts[index] = text;
    return text;
  }
}

/** A filled cell; its text is read only when a rule asks (most product rows settle early). */
class Filled {
  constructor(
    readonly index: number,
    readonly cell: Cell,
    private readonly texts: ColumnTexts,
  ) {}
  get text(): string {
    return this.texts.of(this.index, this.cell);
  }
}

/** The filled cells of `row`, from its bits in `mask` when the profile gave them. */
function filledCells(row: RawRow, width: number, texts: ColumnTexts, mask: number | undefined): Filled[] {
  const out: Filled[] = [];
  const cells = row.cells;
  if (mask !== undefined) {
    // Lowest bit first: the columns in order.
    for (let m = mask; m !== 0; m &= m - 1) {
      const index = 31 - Math.clz32(m & -m);
      out.push(new Filled(index, cells[index]!, texts));
    }
    return out;
  }
  for (let index = 0; index < cells.length && index < width; index++) {
    const cell = cells[index]!;
    if (!isBlank(cell)) out.push(new Filled(index, cell, texts));
  }
  return out;
}

const isText = (cell: Cell) => cell.value.kind === 'text' || cell.value.kind === 'rich';
const isBoldRich = (cell: Cell) => cell.value.kind === 'rich' && cell.value.runs.every((r) => r.bold);

/**
 * The role of every row under the header, in order. `rows` are the non-blank rows below the header;
 * a variant names its product's row as `parent`.
 */
export function decideRowRoles(rows: RawRow[], ctx: RoleContext): RowDecision[] {
  const profile = profileColumns(rows, ctx);
  const { nameColumn, keyColumns, numericColumns, filledMasks } = profile;
  const header = (i: number) => ctx.headers[i] ?? '';
  const foldedHeaders = ctx.headers.map((h) => foldForMatch(h));
  const lowerHeaders = ctx.headers.map((h) => h.toLowerCase());
  const mergedAcross = (row: number) =>
    ctx.merges.some((m) => m.top === row && m.right - m.left >= Math.min(2, ctx.width - 1));
  const leading = Math.max(1, nameColumn);

  const decisions: RowDecision[] = [];
  // Made once, not for each row: a large sheet has 100,000 of them.
  const decide = (
    row: RawRow,
    text: string,
    role: RowDecision['role'],
    reason: Translated,
    extra: Partial<RowDecision> = {},
  ) => decisions.push({ row: row.number, role, reason, text, ...extra });
  let parent: RawRow | undefined;
  let namedRow: RawRow | undefined;
  let namedText = '';
  const texts = new ColumnTexts(ctx.width);

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const filled = filledCells(row, ctx.width, texts, filledMasks?.[r]);
    if (filled.length === 0) continue;
    const first = filled[0]!;
    // Joined (one flat string kept per row), not concatenated piece by piece.
    // Only as many texts as the shortened text shows: once the join is longer than that, the rest
    // would be cut off anyway (the first characters are the same).
    const firstTexts: string[] = [];
    for (let k = 0, length = -3; k < filled.length && k < 4 && length <= SHORT_TEXT; k++) {
      const piece = filled[k]!.text;
      firstTexts.push(piece);
      length += 3 + piece.length;
    }
    const text = shorten(firstTexts.join(' · '), SHORT_TEXT);
    let anyNumeric = false;
    for (const f of filled) {
      if (numericColumns.has(f.index) && isNumeric(f.cell)) {
        anyNumeric = true;
        break;
      }
    }

    // A header repeated down the sheet (an ERP's page breaks) is neither data nor a category.
    const repeatsHeader =
      filled.length >= 2 &&
      isText(first.cell) &&
      mayLowerTo(first.text, lowerHeaders[first.index]!) &&
      first.text.toLowerCase() === lowerHeaders[first.index] &&
      filled.filter((f) => f.text.toLowerCase() === lowerHeaders[f.index]).length >= filled.length * 0.8;
    if (repeatsHeader) {
      decide(row, text, 'header', say('en-tête répété', 'header repeated'));
      continue;
    }

    let totalLabel: Filled | undefined;
    for (let k = 0; k < filled.length && k < 3 && !totalLabel; k++) {
      const f = filled[k]!;
      if (isText(f.cell) && startsLikeTotal(f.text)) totalLabel = f;
    }
    let identityBlank = nameColumn < 0 || isBlank(row.cells[nameColumn]);
    for (let k = 0; k < keyColumns.length && identityBlank; k++)
      identityBlank = isBlank(row.cells[keyColumns[k]!]);
    if (totalLabel) {
      decide(
        row,
        text,
        'total',
        say(
          `commence par « ${shorten(totalLabel.text, 20)} »`,
          `starts with "${shorten(totalLabel.text, 20)}"`,
        ),
      );
      parent = undefined;
      continue;
    }
    if (identityBlank && filled.some((f) => isSumFormula(f.cell.formula))) {
      decide(row, text, 'total', say('formule de somme sans produit', 'a sum formula and no product'));
      parent = undefined;
      continue;
    }

    // Sharing the product's handle settles it, whatever else the row looks like.
    const variant = parent ? variantReason(row, parent) : undefined;
    if (variant?.tie !== undefined && parent) {
      decide(row, text, 'variant', variant.reason, { parent: parent.number, tie: columnLetter(variant.tie) });
      continue;
    }

    if (!anyNumeric && filled.length <= 2 && isText(first.cell)) {
      if (startsLikeNote(first.text)) {
        decide(
          row,
          text,
          'note',
          say(
            `commence par « ${first.text.slice(0, 3).trim()} »`,
            `starts with "${first.text.slice(0, 3).trim()}"`,
          ),
        );
        continue;
      }
      if (filled.length === 1 && isSentence(first.text)) {
        decide(row, text, 'note', say('une phrase seule sur la ligne', 'a sentence alone on the row'));
        continue;
      }
      if (filled.length === 1 && isLabelValue(first.text) && !mergedAcross(row.number)) {
        decide(
          row,
          text,
          'note',
          say('« libellé : valeur » seul sur la ligne', '"label: value" alone on the row'),
        );
        continue;
      }
      const category = categoryReason(row, filled);
      if (category) {
        decide(row, text, 'category', category);
        parent = undefined;
        continue;
      }
    }

    if (variant && parent) {
      decide(row, text, 'variant', variant.reason, { parent: parent.number });
      continue;
    }
    decisions.push({ row: row.number, role: 'product', reason: PRODUCT_ROW, text });
    parent = row;
    // The next row compares its name with this one's, read just now (the column's last text).
    if (nameColumn >= 0) {
      namedRow = row;
      namedText = texts.of(nameColumn, row.cells[nameColumn]);
    }
  }
  return decisions;

  function categoryReason(row: RawRow, filled: Filled[]): Translated | undefined {
    if (ctx.width < 3) return undefined;
    const [label, remark] = filled as [Filled, Filled | undefined];
    if (!filled.every((f) => isText(f.cell))) return undefined;
    if (label.text.length > 80 || !readsAsWords(label.text)) return undefined;
    // Alone on its row a label may sit over any column (centred by hand); with a remark it leads.
    if (numericColumns.has(label.index) || (remark && label.index > leading)) return undefined;
    if (isSentence(label.text)) return undefined;
    const merged = mergedAcross(row.number);
    const bold = isBoldRich(label.cell) || row.emphasis?.bold === true;
    const filledBackground = row.emphasis?.filled === true;
    const evidence: Translated[] = [];
    if (merged) evidence.push(say('fusionné sur le tableau', 'merged across the table'));
    if (bold) evidence.push(say('en gras', 'in bold'));
    if (filledBackground) evidence.push(say('sur fond de couleur', 'on a coloured fill'));
    // A family name in the reference column, where products have codes, is a heading.
    const inKeyColumn = keyColumns.includes(label.index);
    if (remark) {
      // Two cells can also be a product with only its name and unit: a remark needs evidence.
      const remarkLike =
        numericColumns.has(remark.index) || isSentence(remark.text) || /^[(*–-]/.test(remark.text);
      if (!merged && !bold && !filledBackground && !inKeyColumn && !remarkLike) return undefined;
      evidence.push(
        say(
          `avec une remarque (« ${shorten(remark.text, 24)} »)`,
          `with a remark ("${shorten(remark.text, 24)}")`,
        ),
      );
    } else if (!merged && !bold && !filledBackground) {
      evidence.push(say('libellé seul sur la ligne', 'a label alone on the row'));
    }
    return {
      fr: `famille : ${evidence.map((e) => e.fr).join(', ')}`,
      en: `category: ${evidence.map((e) => e.en).join(', ')}`,
    };
  }

  function variantReason(row: RawRow, product: RawRow): { reason: Translated; tie?: number } | undefined {
    if (nameColumn < 0) return undefined;
    const name = texts.of(nameColumn, row.cells[nameColumn]);
    // The product's name was read when it was the row before: read once, not for every row under it.
    if (product !== namedRow) [namedRow, namedText] = [product, textOf(product.cells[nameColumn])];
    const productName = namedText;
    // Another name: another product (the usual case, settled before any key is read).
    if (name !== '' && !sameText(name, productName)) return undefined;
    const nameHeader = header(nameColumn);
    const filledKeys = keyColumns.filter((i) => !isBlank(row.cells[i]));
    const sameKey = filledKeys.find((i) => sameText(textOf(row.cells[i]), textOf(product.cells[i])));
    const stemKey = filledKeys.find((i) => sharesStem(textOf(row.cells[i]), textOf(product.cells[i])));
    const under = (fr: string, en: string, tie?: number) => ({
      reason: say(
        `${fr} sous le produit ligne ${product.number}`,
        `${en} under the product in row ${product.number}`,
      ),
      ...(tie !== undefined ? { tie } : {}),
    });
    if (name === '') {
      if (sameKey !== undefined)
        return under(
          `« ${nameHeader} » vide, même « ${header(sameKey)} »`,
          `blank "${nameHeader}", same "${header(sameKey)}"`,
          sameKey,
        );
      if (stemKey !== undefined)
        return under(
          `« ${nameHeader} » vide, référence dérivée`,
          `blank "${nameHeader}", reference of the same stem`,
        );
      // A reference of its own makes a product whose name is missing: validation says so.
      if (filledKeys.length > 0) return undefined;
      return under(`« ${nameHeader} » et référence vides`, `blank "${nameHeader}" and reference`);
    }
    if (!sameText(name, productName)) return undefined;
    // The same name again: a size or colour of the product above, unless its code says otherwise.
    if (filledKeys.length > 0 && sameKey === undefined && stemKey === undefined) return undefined;
    // The same SKU or reference twice is a duplicate to report, not a variant; a shared handle is
    // how a shop export ties variants.
    if (sameKey !== undefined && !PRODUCT_KEY_HINT.test(foldedHeaders[sameKey]!)) return undefined;
    const identical = row.cells.every((cell, i) => textOf(cell) === textOf(product.cells[i]));
    if (identical) return undefined;
    return under(`même « ${nameHeader} »`, `same "${nameHeader}"`, sameKey);
  }
}
