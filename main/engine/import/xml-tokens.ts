// A small push tokenizer for the XML of an .xlsx package, fed decoded text in pieces of any size.
// Why not a general SAX parser: the parts of a workbook use a tiny subset of XML (no DTD, no custom
// entities), and a sheet of a million cells is mostly `<c r="B7" s="3" t="s"><v>12</v></c>`: finding
// the next `<` with indexOf and reading only the attributes a reader asks for is several times faster
// than a parser that walks every character and builds an attribute object for every element.
// Pieces may split anything (a tag, an entity, a character reference): the unfinished end is carried
// over to the next piece, and text is handed out as it comes, so a huge cell is never rescanned.

export type XmlHandler = {
  /** `name` without its namespace prefix; `tag` is the raw text between `<` and `>`, for `attrOf`. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text; one text node may arrive in several calls. Only called while `capturing`. */
  text(value: string): void;
  /** Whether text matters now: the whitespace between most elements is never even sliced. */
  capturing: boolean;
  /**
   * Optional fast path for a `<c ` start tag at `lt`: reads the whole element itself and returns
   * where the text resumes, or -1 to have it read tag by tag.
   */
  cellAt?(s: string, lt: number): number;
  /** The same for a `<si>` start tag (a shared string). */
  siAt?(s: string, lt: number): number;
};

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34; // "
const APOS = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?
const COLON = 58; // :

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the five predefined entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (all, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? all;
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * Text content as an XML parser gives it: line ends normalised to `\n` (a CR written as `&#13;` or
 * `_x000D_` stays), then entities replaced.
 */
export function decodeText(s: string): string {
  return decodeEntities(s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));
}

/**
 * The value of attribute `name` in a raw tag, decoded, or undefined. Walks the attributes in order,
 * so a name that only appears inside another attribute's value is never mistaken for one.
 */
export function attrOf(tag: string, name: string): string | undefined {
  let value: string | undefined;
  scanAttrs(tag, (start, end, from, to) => {
    if (end - start !== name.length || !tag.startsWith(name, start)) return false;
    value = decodeEntities(tag.slice(from, to));
    return true;
  });
  return value;
}

/** The element name of a raw tag, without its namespace prefix. */
function localName(tag: string, from: number): string {
  let end = from;
  let colon = -1;
  const n = tag.length;
  while (end < n) {
    const c = tag.charCodeAt(end);
    if (isSpace(c) || c === SLASH || c === GT) break;
    if (c === COLON) colon = end;
    end++;
  }
  return tag.slice(colon < 0 ? from : colon + 1, end);
}

/** The `>` that ends a start tag opened at `lt`, skipping any inside quoted attribute values. */
export function tagEnd(s: string, lt: number): number {
  let gt = s.indexOf('>', lt);
  if (gt < 0) return -1;
  // Jump from quote to quote with indexOf rather than walking every character.
  let i = lt;
  for (;;) {
    let c = 0;
    for (; i < gt; i++) {
      c = s.charCodeAt(i);
      if (c === QUOTE || c === APOS) break;
    }
    if (i >= gt) return gt;
    const close = s.indexOf(c === QUOTE ? '"' : "'", i + 1);
    if (close < 0) return -1;
    i = close + 1;
    if (close > gt) {
      gt = s.indexOf('>', i);
      if (gt < 0) return -1;
    }
  }
}

export class XmlTokenizer {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of text; whatever ends unfinished waits for the next piece. */
  write(piece: string): void {
    const s = this.carry.length > 0 ? this.carry + piece : piece;
    this.carry = '';
    const h = this.handler;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end; an entity cut in two waits for its end, and a CR for a possible LF.
        const amp = s.lastIndexOf('&');
        let cut = amp >= i && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut === n && s.charCodeAt(n - 1) === 13) cut = n - 1;
        if (cut > i && h.capturing) h.text(decodeText(s.slice(i, cut)));
        this.carry = s.slice(cut);
        return;
      }
      if (lt > i && h.capturing) h.text(decodeText(s.slice(i, lt)));
      if (lt + 1 >= n) {
        this.carry = s.slice(lt);
        return;
      }
      const next = s.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) {
          this.carry = s.slice(lt);
          return;
        }
        // `</c>`, `</v>` and `</row>` without a substring: a large sheet closes a row per product.
        h.close(
          gt === lt + 3
            ? s.charAt(lt + 2)
            : gt === lt + 5 &&
                s.charCodeAt(lt + 2) === 114 &&
                s.charCodeAt(lt + 3) === 111 &&
                s.charCodeAt(lt + 4) === 119
              ? 'row'
              : localName(s.slice(lt + 2, gt), 0),
        );
        i = gt + 1;
      } else if (next === QUESTION) {
        const end = s.indexOf('?>', lt);
        if (end < 0) {
          this.carry = s.slice(lt);
          return;
        }
        i = end + 2;
      } else if (next === BANG) {
        const rest = this.special(s, lt);
        if (rest < 0) {
          this.carry = s.slice(lt);
          return;
        }
        i = rest;
      } else {
        if (next === 99 && h.cellAt !== undefined && s.charCodeAt(lt + 2) === 32) {
          const end = h.cellAt(s, lt);
          if (end >= 0) {
            i = end;
            continue;
          }
        } else if (next === 115 && h.siAt !== undefined && s.startsWith('si>', lt + 1)) {
          const end = h.siAt(s, lt);
          if (end >= 0) {
            i = end;
            continue;
          }
        }
        const gt = tagEnd(s, lt);
        if (gt < 0) {
          this.carry = s.slice(lt);
          return;
        }
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        const tag = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const name = localName(tag, 0);
        h.open(name, tag, selfClosing);
        if (selfClosing) h.close(name);
        i = gt + 1;
      }
    }
  }

  /** Comments, CDATA sections and a DOCTYPE; returns where the text resumes, or -1 if cut short. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.handler.capturing) this.handler.text(s.slice(lt + 9, end).replace(/\r\n?/g, '\n'));
      return end + 3;
    }
    // Too short to tell yet.
    if (s.length - lt < 9) return -1;
    // A DOCTYPE (never in a real package): skipped whole, internal subset and all, never expanded.
    const bracket = s.indexOf('[', lt);
    const gt = s.indexOf('>', lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const end = s.indexOf(']>', bracket);
      return end < 0 ? -1 : end + 2;
    }
    return gt + 1;
  }

  /** Whatever was left unfinished at the end of the part (nothing, in a well-formed one). */
  end(): void {
    // A part that stops inside a tag was cut short: damaged, not merely empty.
    if (this.carry.charCodeAt(0) === LT)
      throw new Error(`the XML stops inside a tag: ${this.carry.slice(0, 40)}`);
    if (this.handler.capturing) this.handler.text(decodeText(this.carry));
    this.carry = '';
  }
}

/** Calls `fn` for every attribute of a raw tag, in order, with its decoded value. */
export function forEachAttr(tag: string, fn: (name: string, value: string) => void): void {
  scanAttrs(tag, (start, end, from, to) => {
    fn(tag.slice(start, end), decodeEntities(tag.slice(from, to)));
    return false;
  });
}

/**
 * Walks a raw tag's attributes in order, giving `visit` the bounds of each name and (unquoted,
 * undecoded) value; `visit` returns true to stop. Stops at a value without its quotes: the rest of
 * such a tag cannot be read safely. Bounds rather than strings: `attrOf` runs on every cell.
 */
export function scanAttrs(
  tag: string,
  visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean,
): void {
  const n = tag.length;
  let i = 0;
  // Skip the element name.
  while (i < n && !isSpace(tag.charCodeAt(i))) i++;
  while (i < n) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const start = i;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c === 61 || isSpace(c)) break; // =
      i++;
    }
    const end = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) {
      // A bare word (or the `/` of a self-closing tag): no value to skip.
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) return;
    const close = tag.indexOf(quote === QUOTE ? '"' : "'", i + 1);
    if (close < 0) return;
    if (visit(start, end, i + 1, close)) return;
    i = close + 1;
  }
}

/** Excel's escape for characters XML cannot carry (`_x000D_`), undone. */
export const unescapeExcel = (s: string): string =>
  s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
