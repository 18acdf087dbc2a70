// Turns the bytes of a CSV/TXT file into text without asking the user for an encoding: French Excel
// saves "CSV (séparateur : point-virgule)" as Windows-1252, "CSV UTF-8" with a BOM, and "Texte Unicode"
// as UTF-16LE with a BOM; other tools write UTF-8 or, rarely, BOM-less UTF-16.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = { text: string; encoding: TextEncoding };

/** How many leading bytes are enough to recognise BOM-less UTF-16 by its NUL bytes. */
const UTF16_SNIFF_BYTES = 4096;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16 };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    // Not valid UTF-8: the only other encoding Excel writes without a BOM is the ANSI code page.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  // ignoreBOM: the caller has already removed the BOM it recognised; a second one would be content.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * Text in a Latin script encoded as UTF-16 has a NUL as the high byte of almost every character,
 * always on the same side of each pair; UTF-8 and Windows-1252 text has no NUL at all.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (length < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  const looksLike = (side: number, other: number) => side >= pairs * 0.3 && other <= side * 0.1;
  if (looksLike(oddNuls, evenNuls)) return 'utf-16le';
  if (looksLike(evenNuls, oddNuls)) return 'utf-16be';
  return undefined;
}

/**
 * Code points of bytes 0x80–0x9F; every other byte is its own code point. Node's TextDecoder accepts
 * the 'windows-1252' label but decodes it as ISO-8859-1 (0x80 gives U+0080, not €), hence this table.
 * The five bytes Windows-1252 leaves undefined map to the C1 control of the same value, as in WHATWG.
 */
// prettier-ignore
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Characters converted per String.fromCharCode call: large enough to be fast, small enough for the stack. */
const CHUNK = 8192;

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      units[i - start] = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}
