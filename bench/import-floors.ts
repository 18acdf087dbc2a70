// Two more floors for the import benchmark, above the unzip-and-scan one: what any JavaScript reader
// that hands out cell values must at least do beyond inflating. They say how far the 1.5× target is
// reachable at all: if even these cost more than 1.5× the unzip floor, no JavaScript reader meets it.
//
// - `decode-scan`: inflate the sheets and the shared strings (128 KiB pieces, as the unzip floor and
//   our reader do), decode every piece from UTF-8 into a JS string (a streaming TextDecoder, as any
//   reader that yields strings must), and count the sheets' `<c ` with String indexOf. No parsing.
// - `values-floor`: the shared strings first, each `<si>`'s text sliced into an array; then every
//   cell of the sheets found, its column read from its reference, its value put in its row's array
//   (the shared string its index names, or the number written), and every row kept — the least a
//   reader yielding rows of values does. No styles, no formats, no formulas, no inline strings, no
//   merges; entities only `&amp; &lt; &gt; &quot; &apos;`. A floor, not a reader.
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';

type Part = { entry: Entry; isSheet: boolean };
type Handler = { piece(text: string, isSheet: boolean): void; end(isSheet: boolean): void };

const PIECE = 128 * 1024;

/**
 * Inflates and decodes the shared strings, then the sheets (whatever their order in the zip: values
 * need the strings first), handing each decoded piece to `handler`.
 */
function decodeParts(file: string, handler: Handler): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const parts: Part[] = [];
      zip.on('error', reject);
      zip.on('entry', (entry: Entry) => {
        const isSheet = /(^|\/)worksheets\/[^/]+\.xml$/.test(entry.fileName);
        if (isSheet || /sharedStrings\.xml$/i.test(entry.fileName)) parts.push({ entry, isSheet });
        zip.readEntry();
      });
      zip.on('end', () => {
        parts.sort((a, b) => Number(a.isSheet) - Number(b.isSheet));
        const next = () => {
          const part = parts.shift();
          if (!part) {
            zip.close();
            return resolve();
          }
          const { entry, isSheet } = part;
          const deflated = entry.compressionMethod === 8;
          zip.openReadStream(entry, deflated ? { decompress: false } : {}, (e, raw) => {
            if (e || !raw) return reject(e ?? new Error('no stream'));
            const stream = deflated ? raw.pipe(createInflateRaw({ chunkSize: PIECE })) : raw;
            // A character cut between two pieces is held back by the decoder, never replaced.
            const decoder = new TextDecoder();
            stream.on('data', (bytes: Buffer) =>
              handler.piece(decoder.decode(bytes, { stream: true }), isSheet),
            );
            stream.on('error', reject);
            stream.on('end', () => {
              const rest = decoder.decode();
              if (rest) handler.piece(rest, isSheet);
              handler.end(isSheet);
              next();
            });
          });
        };
        next();
      });
      zip.readEntry();
    });
  });
}

export type FloorOutcome = { rows: number; cells: number; keep: unknown };

/** Inflate + UTF-8 decode into JS strings + a count of the sheets' `<c `. */
export async function decodeScan(file: string): Promise<FloorOutcome> {
  let cells = 0;
  let tail = '';
  await decodeParts(file, {
    piece(text, isSheet) {
      if (!isSheet) return;
      // A marker cut between two pieces is counted too: the last two characters are carried over.
      const s = tail + text;
      for (let i = s.indexOf('<c '); i >= 0; i = s.indexOf('<c ', i + 3)) cells++;
      tail = s.slice(-2);
    },
    end() {
      tail = '';
    },
  });
  return { rows: 0, cells, keep: undefined };
}

const ENTITY = /&(amp|lt|gt|quot|apos);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => (s.indexOf('&') < 0 ? s : s.replace(ENTITY, (_, e: string) => ENTITIES[e]!));

/**
 * A plain decimal read without a substring, parseFloat beyond: the shape of our reader's `decimalAt`,
 * kept apart on purpose (a floor must not move when the reader does) and lighter (no 15-digit guard,
 * so a longer number may be off by a unit in the last place: the floor's values are kept, never compared).
 */
function numberAt(s: string, from: number, to: number): number {
  let j = from;
  const negative = s.charCodeAt(j) === 45;
  if (negative) j++;
  let mantissa = 0;
  let decimals = -1;
  for (; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === 46 && decimals < 0) decimals = 0;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    } else return parseFloat(s.slice(from, to));
  }
  const value = decimals > 0 ? mantissa / 10 ** decimals : mantissa;
  return negative ? -value : value;
}

/** The rows of values of every sheet, kept: shared strings resolved, numbers read. */
export async function valuesFloor(file: string): Promise<FloorOutcome> {
  const strings: string[] = [];
  const rows: unknown[][] = [];
  let row: unknown[] = [];
  let cells = 0;
  let carry = '';
  await decodeParts(file, {
    piece(text, isSheet) {
      const s = carry + text;
      // Where the unfinished element starts: carried over to the next piece.
      let keep = s.length;
      let i = 0;
      if (!isSheet) {
        for (;;) {
          const at = s.indexOf('<si>', i);
          if (at < 0) {
            keep = Math.max(i, s.lastIndexOf('<'));
            break;
          }
          const end = s.indexOf('</si>', at);
          if (end < 0) {
            keep = at;
            break;
          }
          // The text of the item's first `<t>` (runs and phonetics are beyond a floor).
          const t = s.indexOf('>', s.indexOf('<t', at));
          const close = s.indexOf('<', t + 1);
          strings.push(unescape(s.slice(t + 1, close)));
          i = end + 5;
        }
      } else {
        for (;;) {
          const lt = s.indexOf('<', i);
          if (lt < 0) break;
          const next = s.charCodeAt(lt + 1);
          if (next === 99 && s.charCodeAt(lt + 2) === 32) {
            const gt = s.indexOf('>', lt);
            if (gt < 0) {
              keep = lt;
              break;
            }
            if (s.charCodeAt(gt - 1) === 47) {
              i = gt + 1;
              continue;
            }
            const end = s.indexOf('</c>', gt);
            if (end < 0) {
              keep = lt;
              break;
            }
            // The column from `r="AB12"`, the type from ` t="s"`.
            let col = 0;
            for (let j = s.indexOf('r="', lt) + 3; ; j++) {
              const l = s.charCodeAt(j);
              if (l < 65 || l > 90) break;
              col = col * 26 + l - 64;
            }
            const t = s.indexOf(' t="', lt);
            const shared = t >= 0 && t < gt && s.charCodeAt(t + 4) === 115 && s.charCodeAt(t + 5) === 34;
            const v = s.indexOf('<v>', gt);
            if (v >= 0 && v < end) {
              const to = s.indexOf('<', v + 3);
              let value: unknown;
              if (shared) {
                let n = 0;
                for (let k = v + 3; k < to; k++) n = n * 10 + s.charCodeAt(k) - 48;
                value = strings[n];
              } else value = numberAt(s, v + 3, to);
              row[col - 1] = value;
              cells++;
            }
            i = end + 4;
            continue;
          }
          if (next === 47 && s.startsWith('row>', lt + 2)) {
            rows.push(row);
            row = [];
            i = lt + 6;
            continue;
          }
          const gt = s.indexOf('>', lt);
          if (gt < 0) {
            keep = lt;
            break;
          }
          i = gt + 1;
        }
      }
      carry = s.slice(keep);
    },
    end() {
      carry = '';
    },
  });
  return { rows: rows.length, cells, keep: rows };
}
